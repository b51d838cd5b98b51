/// A status change of an improvement action.
public struct ActionStatusEvent: Codable, Equatable, Sendable {
    public var uid: String
    /// The action's uid.
    public var action: String
    public var status: ActionStatus
    public var author: String
    public var at: String
    public var reason: String?

    public init(uid: String, action: String, status: ActionStatus, author: String, at: String, reason: String? = nil) {
        self.uid = uid
        self.action = action
        self.status = status
        self.author = author
        self.at = at
        self.reason = reason
    }
}

/// A self-contained copy of one visit — protocol snapshots included — that two inspectors exchange.
public struct VisitBundle: Codable, Equatable, Sendable {
    public static let format = "regards-visit-bundle"
    public static let schemaVersion = 1

    public var format: String
    public var schemaVersion: Int
    public var exportedAt: String
    public var exportedBy: String
    public var visit: Visit
    public var snapshots: [ProtocolSnapshot]
    public var answers: [AnswerEvent]
    public var observations: [Observation]
    public var journeys: [JourneyRecord]
    public var actions: [ImprovementAction]
    public var actionEvents: [ActionStatusEvent]
    public var stateEvents: [StateEvent]
    /// Findings, measures and reports (absent from bundles written before them).
    public var procedureEvents: [ProcedureEvent] = []
    /// The independent scorings of double scoring, each answer with its scorer (absent from bundles written before them).
    public var scorings: [AnswerEvent] = []

    public init(exportedAt: String, exportedBy: String, visit: Visit, snapshots: [ProtocolSnapshot], answers: [AnswerEvent], observations: [Observation],
                journeys: [JourneyRecord], actions: [ImprovementAction], actionEvents: [ActionStatusEvent], stateEvents: [StateEvent],
                procedureEvents: [ProcedureEvent] = [], scorings: [AnswerEvent] = []) {
        format = Self.format
        schemaVersion = Self.schemaVersion
        self.exportedAt = exportedAt
        self.exportedBy = exportedBy
        self.visit = visit
        self.snapshots = snapshots
        self.answers = answers
        self.observations = observations
        self.journeys = journeys
        self.actions = actions
        self.actionEvents = actionEvents
        self.stateEvents = stateEvents
        self.procedureEvents = procedureEvents
        self.scorings = scorings
    }

    private enum CodingKeys: String, CodingKey {
        case format, schemaVersion, exportedAt, exportedBy, visit, snapshots, answers, observations, journeys, actions, actionEvents, stateEvents, procedureEvents
        case scorings
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        format = try c.decode(String.self, forKey: .format)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        exportedAt = try c.decode(String.self, forKey: .exportedAt)
        exportedBy = try c.decode(String.self, forKey: .exportedBy)
        visit = try c.decode(Visit.self, forKey: .visit)
        snapshots = try c.decode([ProtocolSnapshot].self, forKey: .snapshots)
        answers = try c.decode([AnswerEvent].self, forKey: .answers)
        observations = try c.decode([Observation].self, forKey: .observations)
        journeys = try c.decode([JourneyRecord].self, forKey: .journeys)
        actions = try c.decode([ImprovementAction].self, forKey: .actions)
        actionEvents = try c.decode([ActionStatusEvent].self, forKey: .actionEvents)
        stateEvents = try c.decode([StateEvent].self, forKey: .stateEvents)
        procedureEvents = try c.decodeIfPresent([ProcedureEvent].self, forKey: .procedureEvents) ?? []
        scorings = try c.decodeIfPresent([AnswerEvent].self, forKey: .scorings) ?? []
    }

    /// The same visit under another id (importing a copy beside the original).
    public func renamed(to id: String, uid: String) -> VisitBundle {
        var b = self
        b.visit.id = id
        b.visit.uid = uid
        b.answers = answers.map { var e = $0; e.visit = id; e.uid = uid + ":" + $0.uid; return e }
        b.scorings = scorings.map { var e = $0; e.visit = id; e.uid = uid + ":" + $0.uid; return e }
        b.observations = observations.map { var o = $0; o.visit = id; o.uid = uid + ":" + $0.uid; return o }
        b.journeys = journeys.map { var j = $0; j.visit = id; j.uid = uid + ":" + $0.uid; return j }
        b.actions = actions.map { var a = $0; a.visit = id; a.uid = uid + ":" + $0.uid; return a }
        b.actionEvents = actionEvents.map { var e = $0; e.uid = uid + ":" + $0.uid; e.action = uid + ":" + $0.action; return e }
        b.stateEvents = stateEvents.map { var e = $0; e.visit = id; e.uid = uid + ":" + $0.uid; return e }
        // The findings' and measures' own uids stay: their links (a measure's findings) must hold.
        b.procedureEvents = procedureEvents.map { event in
            var e = event
            e.visit = id
            e.uid = uid + ":" + event.uid
            e.finding?.evidence = event.finding?.evidence.map { evidence in
                if case .observation(let o) = evidence { return .observation(uid + ":" + o) }
                return evidence
            } ?? []
            return e
        }
        return b
    }
}
