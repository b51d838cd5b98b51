/// Dates typed by a person (an option, a cell of a CSV file): strict `YYYY-MM-DD`, and a message
/// that says what is wrong when it is not — a day that does not exist, a French day-first date.
public enum DateInput {
    /// The date, or the reason it is refused, naming the field (`--start`, `date`).
    public static func read(_ typed: String, field label: String) -> Result<CalendarDate, InputRefusal> {
        let text = typed.trimmedSpaces
        if let date = CalendarDate(iso: text) { return .success(date) }
        if text.isEmpty { return .failure(InputRefusal(Messages.dateEmpty(label))) }
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        if iso.count == 3, iso[0].count == 4, iso[1].count == 2, iso[2].count == 2, let y = Int(iso[0]), let m = Int(iso[1]), let d = Int(iso[2]), (1...12).contains(m), d > 0 {
            return .failure(InputRefusal(Messages.dayDoesNotExist(label, text, month: m, year: y, days: CalendarDate.daysIn(month: m, year: y))))
        }
        let parts = text.split(separator: "/")
        if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), let date = CalendarDate(year: y, month: m, day: d) {
            return .failure(InputRefusal(Messages.dayFirstDate(label, text, meant: date)))
        }
        return .failure(InputRefusal(Messages.notADate(label, text)))
    }
}

/// Why a typed value is refused: one line. In a file, the caller adds the line and refuses the file
/// (bad data); thrown as it is, it concerns a value typed on the command line (a usage error).
public struct InputRefusal: Error, Equatable, Sendable, CustomStringConvertible, RegardsErrorConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    public var regardsError: RegardsError { .usage(message) }
}
