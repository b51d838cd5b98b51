/// What the authority asks of the organisation (DOMAIN.md §9): a **prescription** answers an écart,
/// a **recommandation** a remarque; an **injonction** (CASF L313-14) is the serious case.
public enum MeasureKind: String, Codable, Sendable, CaseIterable {
    case prescription
    case recommandation
    case injonction

    public var label: String { rawValue }
}

/// By when a measure is to be carried out: a date, or a period counted from the decision (the
/// definitive report).
public struct MeasureDeadline: Codable, Equatable, Sendable, CustomStringConvertible {
    public var date: CalendarDate?
    public var within: Period?

    public init(date: CalendarDate) {
        self.date = date
        within = nil
    }

    public init(within: Period) {
        date = nil
        self.within = within
    }

    /// The date, once the decision that starts a period is known.
    public func date(decidedOn decision: CalendarDate?) -> CalendarDate? {
        if let date { return date }
        guard let within, let decision else { return nil }
        return decision.adding(within)
    }

    public var description: String { french }

    /// « 2027-03-31 », « 3 mois après la décision »: as the documents write it, in French.
    public var french: String {
        if let date { return date.description }
        return "\(within?.description ?? "-") après la décision"
    }
}

/// What the organisation said of a measure during the contradictory procedure.
public struct OrganisationAnswer: Codable, Equatable, Sendable {
    public enum Position: String, Codable, Sendable, CaseIterable {
        case accepted
        case contested

        public var label: String { self == .accepted ? "acceptée" : "contestée" }
    }

    public var position: Position
    /// Its arguments, when it contests.
    public var arguments: String?
    /// The action plan it commits to.
    public var plan: String?
    /// The evidence it sent (documents, by name).
    public var evidence: String?
    /// When the answer was received.
    public var received: CalendarDate

    public init(position: Position, arguments: String? = nil, plan: String? = nil, evidence: String? = nil, received: CalendarDate) {
        self.position = position
        self.arguments = arguments
        self.plan = plan
        self.evidence = evidence
        self.received = received
    }
}

/// The inspectors' response to a contested measure, before the definitive report.
public struct InspectorsResponse: Codable, Equatable, Sendable {
    public enum Decision: String, Codable, Sendable, CaseIterable {
        case kept
        case changed
        case withdrawn

        public var label: String {
            switch self {
            case .kept: "maintenue"
            case .changed: "modifiée"
            case .withdrawn: "retirée"
            }
        }
    }

    public var decision: Decision
    public var reason: String

    public init(decision: Decision, reason: String) {
        self.decision = decision
        self.reason = reason
    }
}

/// Where a measure stands after the decision, as the inspectors record it.
public struct FollowUp: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Carried out, evidence received: the measure is lifted.
        case lifted
        case inProgress = "in-progress"
        /// Checked at its deadline and not carried out.
        case notLifted = "not-lifted"

        public var label: String {
            switch self {
            case .lifted: "levée"
            case .inProgress: "en cours"
            case .notLifted: "non levée"
            }
        }
    }

    public var status: Status
    public var on: CalendarDate
    /// What was received or seen (documents, by name).
    public var evidence: String?
    public var note: String?

    public init(status: Status, on: CalendarDate, evidence: String? = nil, note: String? = nil) {
        self.status = status
        self.on = on
        self.evidence = evidence
        self.note = note
    }
}

/// A measure, as it stands after its latest change.
public struct Measure: Codable, Equatable, Sendable {
    public var uid: String
    public var kind: MeasureKind
    public var text: String
    /// The findings it answers, by uid.
    public var findings: [String]
    public var deadline: MeasureDeadline
    public var withdrawn: Bool
    public var answer: OrganisationAnswer?
    public var response: InspectorsResponse?
    public var followUp: FollowUp?
    /// 1, 2 … (M1, M2), given by `Procedure`.
    public var number: Int?

    public init(uid: String, kind: MeasureKind, text: String, findings: [String], deadline: MeasureDeadline, withdrawn: Bool = false,
                answer: OrganisationAnswer? = nil, response: InspectorsResponse? = nil, followUp: FollowUp? = nil) {
        self.uid = uid
        self.kind = kind
        self.text = text
        self.findings = findings
        self.deadline = deadline
        self.withdrawn = withdrawn
        self.answer = answer
        self.response = response
        self.followUp = followUp
    }

    /// `M3`; `—` while it has no number (withdrawn before the provisional report).
    public var label: String { number.map { "M\($0)" } ?? "—" }

    private enum CodingKeys: String, CodingKey { case uid, kind, text, findings, deadline, withdrawn, answer, response, followUp }
}
