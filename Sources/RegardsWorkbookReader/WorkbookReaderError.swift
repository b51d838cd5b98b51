import RegardsCore
/// Why a file could not be read as a workbook: one line each, naming the fault and, where it
/// helps, what to do. Cell contents never appear in a message (they may be personal data).
public enum WorkbookReaderError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotOpen(reason: String)
    case emptyFile
    case tooLarge(bytes: Int, limit: Int)
    /// An OLE compound file: an encrypted .xlsx or an old .xls.
    case compoundFile
    case openDocumentSpreadsheet
    case textFile
    /// HTML or XML text: a web page or an Excel 2003 XML file saved under an .xls name.
    case markupFile
    case notZip
    case truncated
    /// The parts would expand beyond the limit (sum of their uncompressed sizes).
    case expandsTooMuch(bytes: UInt64, limit: UInt64)
    /// One part is compressed beyond any real spreadsheet's ratio.
    case compressionRatio(part: String, ratio: UInt64, limit: UInt64)
    /// A part expands beyond the size its zip header announced.
    case sizeMismatch(part: String)
    case damagedPart(part: String)
    case noWorkbookPart
    case notAWorkbook(part: String)
    case missingPart(String)
    /// A sheet of the workbook's list that no relationship points to a part.
    case missingSheetPart(sheet: String)
    case malformedXML(part: String, line: Int)
    /// A DTD in a part: never written by a spreadsheet, the vehicle of entity attacks.
    case documentType(part: String)
    /// `place` is `cell B3` or `row 12`.
    case badValue(part: String, place: String, kind: String)

    public var description: String {
        switch self {
        case .cannotOpen(let reason): Messages.cannotOpenFile(reason)
        case .emptyFile: Messages.emptyWorkbookFile
        case let .tooLarge(bytes, limit): Messages.fileTooLarge(Self.megabytes(UInt64(bytes)), limit: Self.megabytes(UInt64(limit)))
        case .compoundFile: Messages.compoundFile
        case .openDocumentSpreadsheet: Messages.openDocumentSpreadsheet
        case .textFile: Messages.textNotWorkbook
        case .markupFile: Messages.markupNotWorkbook
        case .notZip: Messages.notZip
        case .truncated: Messages.truncatedWorkbook
        case let .expandsTooMuch(bytes, limit): Messages.expandsTooMuch(Self.megabytes(bytes), limit: Self.megabytes(limit))
        case let .compressionRatio(part, ratio, limit): Messages.compressionRatio(part, ratio: ratio, limit: limit)
        case .sizeMismatch(let part): Messages.sizeMismatch(part)
        case .damagedPart(let part): Messages.damagedPart(part)
        case .noWorkbookPart: Messages.noWorkbookPart
        case .notAWorkbook(let part): Messages.notASpreadsheet(part)
        case .missingPart(let part): Messages.missingPart(part)
        case .missingSheetPart(let sheet): Messages.missingSheetPart(sheet)
        case let .malformedXML(part, line): Messages.malformedXML(part, line: line)
        case .documentType(let part): Messages.documentType(part)
        case let .badValue(part, place, kind): Messages.unreadableValue(part, place, kind)
        }
    }

    /// `20 MB`, `40.5 MB`, `1.2 GB` (`40,5 Mo` in French): sizes in decimal units, as file managers show them.
    static func megabytes(_ bytes: UInt64) -> String {
        func short(_ x: Double) -> String {
            let tenths = (x * 10).rounded() / 10
            return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
        }
        switch bytes {
        case 1_000_000_000...: return Messages.size(short(Double(bytes) / 1e9), .gigabytes)
        case 1_000_000...: return Messages.size(short(Double(bytes) / 1e6), .megabytes)
        case 1000...: return Messages.size(short(Double(bytes) / 1e3), .kilobytes)
        default: return Messages.size(String(bytes), .bytes)
        }
    }
}
