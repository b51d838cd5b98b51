/// What a cell holds, as written in the file. A formula is never resolved to its cached
/// result: the caller decides what to do with it (an import refuses it).
public enum CellContent: Equatable, Sendable, CustomStringConvertible {
    case text(String)
    case number(Double)
    /// A number whose style shows it as a date or a time, converted from its serial value.
    case date(CellDate)
    case bool(Bool)
    /// A cell with a formula (`<f>`), whatever its cached value; the text is the formula without
    /// `=`, empty for a cell sharing another cell's formula. LibreOffice writes booleans as `TRUE()`.
    case formula(String)
    /// An error value such as `#N/A` stored without a formula.
    case error(String)

    public var description: String {
        switch self {
        case .text(let s): s
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .date(let d): d.description
        case .bool(let b): Self.spreadsheetText(b)
        case .formula(let f): "=" + f
        case .error(let e): e
        }
    }

    /// A boolean as spreadsheets show it (`TRUE`, `FALSE`): a value, in every language.
    static func spreadsheetText(_ value: Bool) -> String { value ? "TRUE" : "FALSE" }
}

/// A calendar date and time of day, rounded to the second; no time zone (spreadsheets have none).
public struct CellDate: Hashable, Sendable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int
    public var hour: Int
    public var minute: Int
    public var second: Int

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// True at midnight: the value is (most likely) a date without a time.
    public var isMidnight: Bool { hour == 0 && minute == 0 && second == 0 }

    public var description: String { iso }

    /// `2026-02-28`, or `2026-02-28T15:47:24` when there is a time of day.
    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(abs(n))
            return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
        }
        let date = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
        return isMidnight ? date : "\(date)T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
    }

    /// The date of a serial number in the workbook's date system, rounded to the second; nil when
    /// the number is not finite or far outside any calendar a spreadsheet shows.
    public init?(serial: Double, date1904: Bool) {
        guard serial.isFinite, abs(serial) < 3_000_000 else { return nil }
        let seconds = Int((serial * 86_400).rounded())
        var days = seconds.quotient(86_400)
        let time = seconds - days * 86_400
        // Day 0 of the 1900 system is 1899-12-30 because Excel counts a 29 February 1900 that never
        // was (serial 60); serials before it are one day later (60 reads as 28 February, as in openpyxl).
        if !date1904, days >= 1, days < 60 { days += 1 }
        let (y, m, d) = Self.civil(daysSince1970: days + (date1904 ? Self.epoch1904 : Self.epoch1900))
        self.init(year: y, month: m, day: d, hour: time / 3600, minute: time % 3600 / 60, second: time % 60)
    }

    /// Parses an ISO 8601 date or date-time (`t="d"` cells): `2026-02-28`, `2026-02-28T15:47:24Z`.
    public init?(iso text: String) {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var n = 0
            for byte in b[from..<from + count] {
                guard byte >= 48, byte <= 57 else { return nil }
                n = n * 10 + Int(byte - 48)
            }
            return n
        }
        guard b.count >= 10, b[4] == 45, b[7] == 45, let y = number(0, 4), let m = number(5, 2), let d = number(8, 2),
              (1...12).contains(m), (1...31).contains(d) else { return nil }
        if b.count == 10 {
            self.init(year: y, month: m, day: d)
            return
        }
        guard b.count >= 19, b[10] == 84 || b[10] == 32, b[13] == 58, b[16] == 58, let h = number(11, 2), let mi = number(14, 2), let s = number(17, 2),
              h < 24, mi < 60, s < 61 else { return nil }
        self.init(year: y, month: m, day: d, hour: h, minute: mi, second: s)
    }

    /// Days from 1970-01-01 to each system's day 0.
    static let epoch1900 = -25_569
    static let epoch1904 = -24_107

    /// The civil date of a day counted from 1970-01-01 (`CalendarDate`'s, proleptic Gregorian).
    static func civil(daysSince1970 days: Int) -> (Int, Int, Int) {
        let date = CalendarDate(dayNumber: days)
        return (date.year, date.month, date.day)
    }
}

extension Int {
    /// Division rounding towards minus infinity (negative serials are dates before day 0).
    fileprivate func quotient(_ divisor: Int) -> Int {
        let q = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
    }
}
