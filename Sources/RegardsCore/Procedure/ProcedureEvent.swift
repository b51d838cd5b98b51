/// One change to a visit's findings, measures or reports, kept in the append-only history. A
/// finding's or measure's event carries the whole item as it stands after the change, so the
/// history reads without replaying anything and the current state is the latest event per item.
public struct ProcedureEvent: Codable, Equatable, Sendable {
    public enum Change: String, Codable, Sendable, CaseIterable {
        case added
        case edited
        case withdrawn
        /// The organisation's answer to a measure (contradictory procedure).
        case answered
        /// The inspectors' response to a contested measure.
        case responded
        /// A follow-up status recorded after the decision.
        case followedUp = "followed-up"
        /// The provisional report was issued: the numbers are frozen from here on.
        case provisionalReport = "provisional-report"
        /// The definitive report and decision were issued: the findings are final.
        case definitiveReport = "definitive-report"

        public var isReport: Bool { self == .provisionalReport || self == .definitiveReport }
    }

    public var uid: String
    public var visit: String
    public var change: Change
    public var finding: Finding?
    public var measure: Measure?
    /// A report's date of issue.
    public var date: CalendarDate?
    public var author: String
    public var at: String
    public var reason: String?

    public init(uid: String, visit: String, change: Change, finding: Finding? = nil, measure: Measure? = nil, date: CalendarDate? = nil,
                author: String, at: String, reason: String? = nil) {
        self.uid = uid
        self.visit = visit
        self.change = change
        self.finding = finding
        self.measure = measure
        self.date = date
        self.author = author
        self.at = at
        self.reason = reason
    }

    /// The finding's or measure's uid; for a report, its change name.
    public var item: String { finding?.uid ?? measure?.uid ?? change.rawValue }
}
