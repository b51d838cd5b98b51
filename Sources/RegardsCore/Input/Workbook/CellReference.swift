/// A cell's position, 1-based, and its A1 name (`F12`).
public struct CellReference: Hashable, Sendable, CustomStringConvertible {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        precondition(row >= 1 && column >= 1, "cell positions are 1-based")
        self.row = row
        self.column = column
    }

    /// Parses `F12` or `$F$12`; nil when it is not a reference.
    public init?(_ text: String) {
        var column = 0, row = 0, digits = false
        for byte in text.utf8 where byte != UInt8(ascii: "$") {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !digits: column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !digits: column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits = true; row = row * 10 + Int(byte - UInt8(ascii: "0"))
            default: return nil
            }
            if column > Self.maximumColumn || row > Self.maximumRow { return nil }
        }
        guard column >= 1, row >= 1 else { return nil }
        self.init(row: row, column: column)
    }

    /// Excel's limits (XFD1048576); larger numbers are refused rather than trusted.
    public static let maximumColumn = 16_384
    public static let maximumRow = 1_048_576

    public var description: String { Self.letters(column: column) + String(row) }

    /// `A` for 1, `Z` for 26, `AA` for 27.
    public static func letters(column: Int) -> String {
        precondition(column >= 1, "columns are 1-based")
        var n = column, out: [UInt8] = []
        while n > 0 {
            n -= 1
            out.append(UInt8(ascii: "A") + UInt8(n % 26))
            n /= 26
        }
        return String(decoding: out.reversed(), as: UTF8.self)
    }

    /// 1 for `A`, 27 for `AA` (either case); nil for anything else.
    public static func column(letters: String) -> Int? {
        var column = 0
        for byte in letters.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"): column = column * 26 + Int(byte - UInt8(ascii: "a")) + 1
            default: return nil
            }
            if column > maximumColumn { return nil }
        }
        return column >= 1 ? column : nil
    }
}
