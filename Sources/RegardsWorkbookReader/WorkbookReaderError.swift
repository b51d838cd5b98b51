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
        case .cannotOpen(let reason): "cannot open the file: \(reason)"
        case .emptyFile: "not an .xlsx workbook: the file is empty"
        case let .tooLarge(bytes, limit): "the file is too large: \(Self.megabytes(UInt64(bytes))), the limit is \(Self.megabytes(UInt64(limit)))"
        case .compoundFile: "not an .xlsx workbook: an encrypted workbook or an .xls file: save it as .xlsx without a password"
        case .openDocumentSpreadsheet: "not an .xlsx workbook: an .ods file: convert it with `soffice --headless --convert-to xlsx FILE.ods`"
        case .textFile: "not an .xlsx workbook: the file is text (CSV?), not a zip archive"
        case .markupFile: "not an .xlsx workbook: the file is HTML or XML text: open it in a spreadsheet and save it as .xlsx"
        case .notZip: "not an .xlsx workbook: the file is not a zip archive"
        case .truncated: "the workbook is truncated or damaged: its zip archive cannot be read (was it copied completely?)"
        case let .expandsTooMuch(bytes, limit): "refused as a zip bomb: its parts expand to \(Self.megabytes(bytes)), the limit is \(Self.megabytes(limit))"
        case let .compressionRatio(part, ratio, limit): "refused as a zip bomb: \(part) expands \(ratio) times, the limit is \(limit)"
        case .sizeMismatch(let part): "refused as a zip bomb: \(part) expands beyond the size its zip header announces"
        case .damagedPart(let part): "the workbook is damaged: \(part) cannot be unzipped"
        case .noWorkbookPart: "not an .xlsx workbook: the zip archive has no workbook part"
        case .notAWorkbook(let part): "not an .xlsx workbook: its main part \(part) is not a spreadsheet (a Word or PowerPoint file?)"
        case .missingPart(let part): "the workbook is damaged: the part \(part) is missing"
        case .missingSheetPart(let sheet): "the workbook is damaged: the sheet \(sheet) has no part"
        case let .malformedXML(part, line): "the workbook is damaged: malformed XML in \(part) at line \(line)"
        case .documentType(let part): "refused: \(part) declares a document type (DTD), which no spreadsheet program writes"
        case let .badValue(part, place, kind): "the workbook is damaged: \(part) \(place) has an unreadable \(kind)"
        }
    }

    /// `20 MB`, `40.5 MB`, `1.2 GB`: sizes in decimal units, as file managers show them.
    static func megabytes(_ bytes: UInt64) -> String {
        func short(_ x: Double) -> String {
            let tenths = (x * 10).rounded() / 10
            return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
        }
        switch bytes {
        case 1_000_000_000...: return short(Double(bytes) / 1e9) + " GB"
        case 1_000_000...: return short(Double(bytes) / 1e6) + " MB"
        case 1000...: return short(Double(bytes) / 1e3) + " KB"
        default: return "\(bytes) bytes"
        }
    }
}
