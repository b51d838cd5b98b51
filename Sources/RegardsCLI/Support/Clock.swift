import Foundation
import RegardsCore

/// The time and the day, read here only: the core is given them.
enum Clock {
    /// UTC, ISO 8601 with milliseconds.
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: Date())
    }

    static func today() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: c.year ?? 2000, month: c.month ?? 1, day: c.day ?? 1) ?? CalendarDate(dayNumber: 0)
    }

    /// The workbook's creation date: `SOURCE_DATE_EPOCH` when set (reproducible builds, tests), else now.
    static var documentDate: Int {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let n = Int(text) { return n }
        return Int(Date().timeIntervalSince1970)
    }

    /// Who records, when, and how ids are made, for the core's readers.
    static func stamp(_ author: String) -> FieldRecordReader.Stamp {
        FieldRecordReader.Stamp(author: author, at: now(), today: today(), makeID: UID.make)
    }
}
