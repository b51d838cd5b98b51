import RegardsCore
import Foundation

/// `xl/styles.xml`, read only for what makes a number a date: the number format of each cell
/// format (`cellXfs`), resolved through the custom formats (`numFmts`) and the built-in ones.
final class StylesParser: XMLPartParser {
    private var customFormats: [Int: String] = [:]
    private var formatIDs: [Int] = []
    private var inCellFormats = false
    /// Differential formats (`dxfs`, for conditional formats) have `numFmt`s of their own: not these.
    private var inNumberFormats = false

    /// For each cell format index (a cell's `s`), whether it shows numbers as dates or times.
    var dateStyles: [Bool] {
        formatIDs.map { id in customFormats[id].map(DateFormatCode.isDate) ?? DateFormatCode.builtInDateIDs.contains(id) }
    }

    override func start(_ elementName: String, attributes: [String: String]) {
        switch elementName {
        case "numFmts":
            inNumberFormats = true
        case "numFmt" where inNumberFormats:
            if let id = Self.attribute("numFmtId", in: attributes).flatMap(Int.init), let code = Self.attribute("formatCode", in: attributes) {
                customFormats[id] = code
            }
        case "cellXfs":
            inCellFormats = true
        case "xf" where inCellFormats:
            formatIDs.append(Self.attribute("numFmtId", in: attributes).flatMap(Int.init) ?? 0)
        default:
            break
        }
    }

    override func end(_ elementName: String) {
        if elementName == "cellXfs" { inCellFormats = false }
        if elementName == "numFmts" { inNumberFormats = false }
    }
}

/// Whether a number format shows a date or a time.
enum DateFormatCode {
    /// Built-in formats that are dates or times (ECMA-376 18.8.30); LibreOffice rewrites some as custom codes.
    static let builtInDateIDs: Set<Int> = Set(14...22).union(45...47)

    /// A date or time token (`y m d h s`, either case) outside quoted text, `[…]` (colours, locales,
    /// conditions), escaped characters (`\x`) and the fill and padding pairs (`*x`, `_x`).
    static func isDate(_ code: String) -> Bool {
        var bytes = code.utf8.makeIterator()
        var quoted = false, bracket = false
        while let byte = bytes.next() {
            if quoted {
                if byte == UInt8(ascii: "\"") { quoted = false }
                continue
            }
            if bracket {
                if byte == UInt8(ascii: "]") { bracket = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): quoted = true
            case UInt8(ascii: "["): bracket = true
            case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"): _ = bytes.next()
            case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "m"), UInt8(ascii: "M"), UInt8(ascii: "d"), UInt8(ascii: "D"),
                 UInt8(ascii: "h"), UInt8(ascii: "H"), UInt8(ascii: "s"), UInt8(ascii: "S"):
                return true
            default: continue
            }
        }
        return false
    }
}
