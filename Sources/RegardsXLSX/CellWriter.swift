import CXLSXWriter
import RegardsCore

/// How a cell is written, which decides its format.
enum CellKind: Int, CaseIterable {
    case text, number, date, timestamp, blank, timestampText

    /// The column type whose format a cell of this kind takes; `type` nil (a summary line's value):
    /// whole numbers as integers, others as numbers.
    func formatType(_ type: ColumnType?, _ value: CellValue) -> ColumnType? {
        switch self {
        case .text: type == .longText ? .longText : .text
        case .number:
            if let type { type } else if case .number(let n) = value, n == n.rounded() { .integer } else { .number }
        case .date: .date
        case .timestamp: .timestamp
        case .blank: type
        case .timestampText: .text
        }
    }
}

extension WorkbookSession {
    /// Writes text as text: `worksheet_write_string` never makes a formula, so a comment starting
    /// with `=` stays a comment.
    func writeString(_ ws: UnsafeMutablePointer<lxw_worksheet>, _ row: lxw_row_t, _ col: lxw_col_t, _ text: String,
                     _ f: UnsafeMutablePointer<lxw_format>?, sheet: @autoclosure () -> String, column: @autoclosure () -> String) throws(XLSXError) {
        // UTF-16 is never longer than UTF-8: count it only for long texts.
        if text.utf8.count > 32_767, text.utf16.count > 32_767 { throw .cellTooLong(sheet: sheet(), row: Int(row) + 1, column: column()) }
        // A native string hands its own NUL-terminated bytes; others are copied.
        try Self.check(text.withCString { worksheet_write_string(ws, row, col, $0, f) }, "worksheet_write_string")
    }

    /// Writes one cell. `format` gives the format for its kind (a table caches them per column).
    func writeCell(_ ws: UnsafeMutablePointer<lxw_worksheet>, _ row: lxw_row_t, _ col: lxw_col_t, _ cell: Cell, unlocked: Bool,
                   sheet: @autoclosure () -> String, column: @autoclosure () -> String,
                   format: (CellKind) throws(XLSXError) -> UnsafeMutablePointer<lxw_format>?) throws(XLSXError) {
        switch cell.value {
        case .empty:
            if cell.style != nil || unlocked {
                try Self.check(worksheet_write_blank(ws, row, col, try format(.blank)), "worksheet_write_blank")
            }
        case .text(let s):
            if s.isEmpty && !unlocked { return }
            try writeString(ws, row, col, s, try format(.text), sheet: sheet(), column: column())
        case .number(let n):
            try Self.check(worksheet_write_number(ws, row, col, n, try format(.number)), "worksheet_write_number")
        case .date(let d):
            var dt = lxw_datetime(year: Int32(d.year), month: Int32(d.month), day: Int32(d.day), hour: 0, min: 0, sec: 0)
            try Self.check(worksheet_write_datetime(ws, row, col, &dt, try format(.date)), "worksheet_write_datetime")
        case .timestamp(let t):
            guard var dt = Self.datetime(t) else {
                try writeString(ws, row, col, t, try format(.timestampText), sheet: sheet(), column: column())
                return
            }
            try Self.check(worksheet_write_datetime(ws, row, col, &dt, try format(.timestamp)), "worksheet_write_datetime")
        }
    }

    /// `2026-11-26T15:47:24.491Z` → its parts. The usual shape is read byte by byte; anything else
    /// is split on `-`, `T`, `:` and `Z`.
    static func datetime(_ text: String) -> lxw_datetime? {
        var text = text
        if let fast = text.withUTF8({ iso8601($0) }) { return fast }
        let parts = text.split(whereSeparator: { "-T:Z".contains($0) }).map(String.init)
        guard parts.count >= 6, let y = Int32(parts[0]), let m = Int32(parts[1]), let d = Int32(parts[2]), let h = Int32(parts[3]),
              let mi = Int32(parts[4]), let s = Double(parts[5]) else { return nil }
        return lxw_datetime(year: y, month: m, day: d, hour: h, min: mi, sec: s)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.f…]Z`, exactly; nil for anything else.
    static func iso8601(_ b: UnsafeBufferPointer<UInt8>) -> lxw_datetime? {
        guard b.count >= 20, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b[b.count - 1] == 90 else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int32? {
            var n: Int32 = 0
            for i in from..<(from + count) {
                let d = b[i] &- 48
                guard d < 10 else { return nil }
                n = n * 10 + Int32(d)
            }
            return n
        }
        guard let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2), let h = digits(11, 2), let mi = digits(14, 2), let whole = digits(17, 2) else { return nil }
        var seconds = Double(whole)
        if b.count > 20 {
            // A fraction: `.` then digits, up to the final Z.
            guard b[19] == 46, b.count > 21 else { return nil }
            var fraction = 0.0, scale = 1.0
            for i in 20..<(b.count - 1) {
                let digit = b[i] &- 48
                guard digit < 10 else { return nil }
                fraction = fraction * 10 + Double(digit)
                scale *= 10
            }
            seconds += fraction / scale
        }
        return lxw_datetime(year: y, month: m, day: d, hour: h, min: mi, sec: seconds)
    }
}
