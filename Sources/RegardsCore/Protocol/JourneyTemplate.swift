/// The steps of a resident's journey (parcours usager) and their deadlines.
public struct JourneyTemplate: Codable, Equatable, Sendable {
    public var steps: [JourneyStep]

    public init(steps: [JourneyStep]) {
        self.steps = steps
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

    public var description: String {
        if let days { return days == 1 ? "1 jour" : "\(days) jours" }
        if let months { return "\(months) mois" }
        return "-"
    }
}

/// A deadline counted from an earlier step.
public struct Deadline: Codable, Equatable, Sendable {
    public var after: String
    public var within: Period

    public init(after: String, within: Period) {
        self.after = after
        self.within = within
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
    public var status: ReviewStatus
    public var note: String?

    public init(id: String, title: String, deadline: Deadline? = nil, repeatEvery: Period? = nil, reference: String? = nil,
                optional: Bool = false, status: ReviewStatus = .confirme, note: String? = nil) {
        self.id = id
        self.title = title
        self.deadline = deadline
        self.repeatEvery = repeatEvery
        self.reference = reference
        self.optional = optional
        self.status = status
        self.note = note
    }
}
