/// The steps of a resident's journey (parcours usager) and their deadlines.
public struct JourneyTemplate: Codable, Equatable, Sendable {
    public var steps: [JourneyStep]
    /// The step that ends the stay (`sortie`): nothing is due after its date.
    public var exit: String?

    public init(steps: [JourneyStep], exit: String? = nil) {
        self.steps = steps
        self.exit = exit
    }

    public func step(_ id: String) -> JourneyStep? { steps.first { $0.id == id } }
}

/// A span of time in days or calendar months.
public struct Period: Codable, Equatable, Sendable, CustomStringConvertible {
    public var days: Int?
    public var months: Int?

    public init(days: Int? = nil, months: Int? = nil) {
        self.days = days
        self.months = months
    }

    public var description: String { french }

    /// « 1 jour », « 15 jours », « 3 mois »: as the protocol and the documents write it, in French.
    public var french: String {
        if let days { return days == 1 ? "1 jour" : "\(days) jours" }
        if let months { return "\(months) mois" }
        return "-"
    }
}

/// A deadline counted from another step: within a period after it (`after`), or at least a period
/// before it (`before`: the prolongation request a month before the admission decision ends).
public struct Deadline: Codable, Equatable, Sendable, CustomStringConvertible {
    public var after: String?
    public var before: String?
    public var within: Period
    /// A number context variable giving the months instead of `within` when the visit sets it (the
    /// DALO commission's delay: 3 months, or 6 in some départements).
    public var monthsFrom: String?

    public init(after: String, within: Period, monthsFrom: String? = nil) {
        self.after = after
        self.within = within
        self.monthsFrom = monthsFrom
    }

    public init(before: String, within: Period, monthsFrom: String? = nil) {
        self.before = before
        self.within = within
        self.monthsFrom = monthsFrom
    }

    public var description: String { french }

    /// « au plus 15 jours après admission », « au moins 1 mois avant fin-decision », with the
    /// context variable that can set the months: the protocol's French, as the documents write it.
    public var french: String {
        let period = monthsFrom.map { "\(within) (ou \($0) mois)" } ?? within.description
        if let before { return "au moins \(period) avant \(before)" }
        return "au plus \(period) après \(anchor)"
    }

    /// The step the deadline counts from.
    public var anchor: String { after ?? before ?? "" }

    /// The period for a visit with this context: the months of `monthsFrom` when set, else `within`.
    public func period(in context: [String: Condition.Value]) -> Period {
        if let name = monthsFrom, case .number(let n)? = context[name], n >= 1, n == n.rounded() { return Period(months: Int(n)) }
        return within
    }
}

/// One step of the journey template.
public struct JourneyStep: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var deadline: Deadline?
    /// For recurring steps (the 6-monthly review): the next occurrence is due this long after the previous one.
    public var repeatEvery: Period?
    public var reference: String?
    /// An optional step is never reported missing.
    public var optional: Bool
    /// Steps that make this one not due when the person has them (no signature is due for a DIPC).
    public var unless: [String]?
    public var status: ReviewStatus
    public var note: String?

    public init(id: String, title: String, deadline: Deadline? = nil, repeatEvery: Period? = nil, reference: String? = nil,
                optional: Bool = false, unless: [String]? = nil, status: ReviewStatus = .confirme, note: String? = nil) {
        self.id = id
        self.title = title
        self.deadline = deadline
        self.repeatEvery = repeatEvery
        self.reference = reference
        self.optional = optional
        self.unless = unless
        self.status = status
        self.note = note
    }
}
