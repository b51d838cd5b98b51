/// Everything known about one visit, as pure values: the protocols it is pinned to and what was
/// recorded. Completion, journeys and flags are computed here, the same for every command.
public struct VisitRecord: Sendable {
    public var visit: Visit
    public var grids: VisitGrids
    public var workflow: Workflow?
    public var history: [AnswerEvent] {
        didSet { current = Self.latest(history) }
    }
    public var observations: [Observation]
    public var journeys: [JourneyRecord]
    public var actions: [ImprovementAction]
    /// The reference date for deadlines (the visit's end or start date, else today, passed in).
    public var asOf: CalendarDate
    /// Forbidden words and reviews of personal-data findings.
    public var privacy = PrivacySettings()
    /// The findings, measures and reports of the inspection's procedure.
    public var procedure = Procedure()
    /// For a follow-up visit: the visit it follows and that visit's procedure (its measures to check).
    public var followed: (visit: String, procedure: Procedure)?
    /// The day the command runs: whether a measure or the organisation's answer is overdue.
    public var today: CalendarDate
    /// Double scoring: every scorer's independent answers, oldest first, each with its `scorer`.
    public var scorings: [AnswerEvent] = []
    /// Set on one scorer's view of the visit (`scoring(by:)`): `history` then holds that scorer's
    /// answers only, and what records answers records them into that scoring.
    public private(set) var scorer: String?

    public init(visit: Visit, grids: VisitGrids, workflow: Workflow?, history: [AnswerEvent], observations: [Observation],
                journeys: [JourneyRecord], actions: [ImprovementAction], asOf: CalendarDate) {
        self.visit = visit
        self.grids = grids
        self.workflow = workflow
        self.history = history
        current = Self.latest(history)
        self.observations = observations
        self.journeys = journeys
        self.actions = actions
        self.asOf = asOf
        today = asOf
    }

    /// The visit as `scorer` scores it: their own answers only, never the visit's nor another
    /// scorer's (a scoring is independent). Everything else (grids, context, field records) is the visit's.
    public func scoring(by scorer: String) -> VisitRecord {
        var view = self
        view.scorer = scorer
        view.history = scorings.filter { $0.scorer == scorer }
        return view
    }

    /// The latest event per grid and criterion, when it holds a value (kept up to date with `history`).
    public private(set) var current: [ProtocolKind: [String: AnswerEvent]] = [:]

    static func latest(_ history: [AnswerEvent]) -> [ProtocolKind: [String: AnswerEvent]] {
        var out: [ProtocolKind: [String: AnswerEvent]] = [:]
        for event in history {
            if event.value == nil {
                out[event.grid]?[event.criterion] = nil
            } else {
                out[event.grid, default: [:]][event.criterion] = event
            }
        }
        return out
    }

    public struct SectionCompletion: Equatable, Sendable {
        public var section: String
        public var title: String
        /// Required criteria that apply to this visit.
        public var required: Int
        /// Of those, how many have an answer.
        public var answered: Int
        /// Criteria that do not apply (their condition is false).
        public var notRelevant: Int
        /// Unanswered required criteria, in order.
        public var missing: [String]
    }

    public func completion(_ kind: ProtocolKind) -> [SectionCompletion] {
        guard let grid = grids.grid(kind) else { return [] }
        let answers = current[kind] ?? [:]
        let context = visit.conditionContext
        return grid.sections.map { section in
            var c = SectionCompletion(section: section.id, title: section.title, required: 0, answered: 0, notRelevant: 0, missing: [])
            for criterion in section.criteria {
                guard criterion.applies(in: context) else { c.notRelevant += 1; continue }
                guard criterion.required else { continue }
                c.required += 1
                if answers[criterion.id] != nil { c.answered += 1 } else { c.missing.append(criterion.id) }
            }
            return c
        }
    }

    /// Relevant criteria without an answer, in grid order (for `fill`).
    public func unanswered(_ kind: ProtocolKind, section: String? = nil) -> [Criterion] {
        guard let grid = grids.grid(kind) else { return [] }
        let answers = current[kind] ?? [:]
        return grid.sections.filter { section == nil || $0.id == section }.flatMap(\.criteria).filter {
            answers[$0.id] == nil && $0.applies(in: visit.conditionContext)
        }
    }

    public var residents: [String] {
        var seen = Set<String>()
        return journeys.map(\.entry.resident).filter { seen.insert($0).inserted }
    }


    public var openActions: [ImprovementAction] { actions.filter { $0.status == .open || $0.status == .inProgress } }
}
