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

    public init(exportedAt: String, exportedBy: String, visit: Visit, snapshots: [ProtocolSnapshot], answers: [AnswerEvent], observations: [Observation],
                journeys: [JourneyRecord], actions: [ImprovementAction], actionEvents: [ActionStatusEvent], stateEvents: [StateEvent]) {
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
    }

    /// The same visit under another id (importing a copy beside the original).
    public func renamed(to id: String, uid: String) -> VisitBundle {
        var b = self
        b.visit.id = id
        b.visit.uid = uid
        b.answers = answers.map { var e = $0; e.visit = id; e.uid = uid + ":" + $0.uid; return e }
        b.observations = observations.map { var o = $0; o.visit = id; o.uid = uid + ":" + $0.uid; return o }
        b.journeys = journeys.map { var j = $0; j.visit = id; j.uid = uid + ":" + $0.uid; return j }
        b.actions = actions.map { var a = $0; a.visit = id; a.uid = uid + ":" + $0.uid; return a }
        b.actionEvents = actionEvents.map { var e = $0; e.uid = uid + ":" + $0.uid; e.action = uid + ":" + $0.action; return e }
        b.stateEvents = stateEvents.map { var e = $0; e.visit = id; e.uid = uid + ":" + $0.uid; return e }
        return b
    }
}

/// What importing a bundle adds to a workspace, and the edits made on both sides.
public struct MergePlan: Equatable, Sendable {
    public struct Conflict: Equatable, Sendable, CustomStringConvertible {
        public var grid: GridKind
        public var criterion: String
        public var here: AnswerEvent
        public var there: AnswerEvent

        public var description: String {
            let kept = max(here.at, there.at) == there.at ? there : here
            return "\(criterion): \(here.value?.code ?? "retiré") here (\(here.author), \(here.at)), \(there.value?.code ?? "retiré") in the bundle "
                + "(\(there.author), \(there.at)); both kept in the history, the later one (\(kept.value?.code ?? "retiré")) is current"
        }
    }

    /// Nil when the visit already exists here.
    public var newVisit: Visit?
    public var snapshots: [ProtocolSnapshot]
    public var answers: [AnswerEvent]
    public var observations: [Observation]
    public var journeys: [JourneyRecord]
    public var actions: [ImprovementAction]
    public var actionEvents: [ActionStatusEvent]
    public var stateEvents: [StateEvent]
    /// The phase after the merge: that of the latest phase change on either side.
    public var state: String
    public var conflicts: [Conflict]

    public var isEmpty: Bool {
        newVisit == nil && answers.isEmpty && observations.isEmpty && journeys.isEmpty && actions.isEmpty && actionEvents.isEmpty && stateEvents.isEmpty
    }

    /// Plans the import of `incoming` into a workspace that holds `local` (the same visit) or nothing.
    public static func plan(local: VisitBundle?, incoming: VisitBundle) -> MergePlan {
        guard let local else {
            return MergePlan(newVisit: incoming.visit, snapshots: incoming.snapshots, answers: incoming.answers, observations: incoming.observations,
                             journeys: incoming.journeys, actions: incoming.actions, actionEvents: incoming.actionEvents,
                             stateEvents: incoming.stateEvents, state: incoming.visit.state, conflicts: [])
        }
        func missing<T>(_ items: [T], _ known: [T], _ uid: (T) -> String) -> [T] {
            let have = Set(known.map(uid))
            return items.filter { !have.contains(uid($0)) }
        }
        let newAnswers = missing(incoming.answers, local.answers, \.uid)
        let onlyHere = missing(local.answers, incoming.answers, \.uid)
        var conflicts: [Conflict] = []
        for kind in GridKind.allCases {
            let theirs = Dictionary(grouping: newAnswers.filter { $0.grid == kind }, by: \.criterion)
            let ours = Dictionary(grouping: onlyHere.filter { $0.grid == kind }, by: \.criterion)
            for criterion in Set(theirs.keys).intersection(ours.keys).sorted() {
                guard let here = ours[criterion]?.max(by: { $0.at < $1.at }), let there = theirs[criterion]?.max(by: { $0.at < $1.at }) else { continue }
                if here.value != there.value || here.comment != there.comment {
                    conflicts.append(Conflict(grid: kind, criterion: criterion, here: here, there: there))
                }
            }
        }
        let newStates = missing(incoming.stateEvents, local.stateEvents, \.uid)
        let latest = (local.stateEvents + newStates).max { ($0.at, $0.uid) < ($1.at, $1.uid) }
        return MergePlan(newVisit: nil, snapshots: missing(incoming.snapshots, local.snapshots, \.hash), answers: newAnswers,
                         observations: missing(incoming.observations, local.observations, \.uid),
                         journeys: missing(incoming.journeys, local.journeys, \.uid),
                         actions: missing(incoming.actions, local.actions, \.uid),
                         actionEvents: missing(incoming.actionEvents, local.actionEvents, \.uid),
                         stateEvents: newStates, state: latest?.to ?? local.visit.state, conflicts: conflicts)
    }
}
