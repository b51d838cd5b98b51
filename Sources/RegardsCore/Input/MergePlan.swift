/// What importing a bundle adds to a workspace, and the edits made on both sides.
public struct MergePlan: Equatable, Sendable {
    public struct Conflict: Equatable, Sendable, CustomStringConvertible {
        public var grid: ProtocolKind
        public var criterion: String
        public var here: AnswerEvent
        public var there: AnswerEvent

        public var description: String {
            let kept = max(here.at, there.at) == there.at ? there : here
            return Messages.mergeConflict(criterion + (here.scorer.map(Messages.scoredBy) ?? ""), here: Self.code(here), hereBy: here.author, hereAt: here.at,
                                          there: Self.code(there), thereBy: there.author, thereAt: there.at, kept: Self.code(kept))
        }

        /// An answer's code, `retiré` when the answer was withdrawn (a code, in both languages).
        static func code(_ event: AnswerEvent) -> String {
            event.value?.code ?? "retiré"
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
    public var procedureEvents: [ProcedureEvent] = []
    /// Answers of the independent scorings, each with its scorer.
    public var scorings: [AnswerEvent] = []
    /// The phase after the merge: that of the latest phase change on either side.
    public var state: String
    public var conflicts: [Conflict]

    public var isEmpty: Bool {
        newVisit == nil && answers.isEmpty && observations.isEmpty && journeys.isEmpty && actions.isEmpty && actionEvents.isEmpty && stateEvents.isEmpty && procedureEvents.isEmpty && scorings.isEmpty
    }

    /// Plans the import of `incoming` into a workspace that holds `local` (the same visit) or nothing.
    public static func plan(local: VisitBundle?, incoming: VisitBundle) -> MergePlan {
        guard let local else {
            return MergePlan(newVisit: incoming.visit, snapshots: incoming.snapshots, answers: incoming.answers, observations: incoming.observations,
                             journeys: incoming.journeys, actions: incoming.actions, actionEvents: incoming.actionEvents,
                             stateEvents: incoming.stateEvents, procedureEvents: incoming.procedureEvents, scorings: incoming.scorings,
                             state: incoming.visit.state, conflicts: [])
        }
        func missing<T>(_ items: [T], _ known: [T], _ uid: (T) -> String) -> [T] {
            let have = Set(known.map(uid))
            return items.filter { !have.contains(uid($0)) }
        }
        let newAnswers = missing(incoming.answers, local.answers, \.uid)
        let newScorings = missing(incoming.scorings, local.scorings, \.uid)
        let conflicts = Self.conflicts(newAnswers, missing(local.answers, incoming.answers, \.uid))
            + Self.conflicts(newScorings, missing(local.scorings, incoming.scorings, \.uid))
        let newStates = missing(incoming.stateEvents, local.stateEvents, \.uid)
        let latest = (local.stateEvents + newStates).max { ($0.at, $0.uid) < ($1.at, $1.uid) }
        return MergePlan(newVisit: nil, snapshots: missing(incoming.snapshots, local.snapshots, \.hash), answers: newAnswers,
                         observations: missing(incoming.observations, local.observations, \.uid),
                         journeys: missing(incoming.journeys, local.journeys, \.uid),
                         actions: missing(incoming.actions, local.actions, \.uid),
                         actionEvents: missing(incoming.actionEvents, local.actionEvents, \.uid),
                         stateEvents: newStates, procedureEvents: missing(incoming.procedureEvents, local.procedureEvents, \.uid),
                         scorings: newScorings, state: latest?.to ?? local.visit.state, conflicts: conflicts)
    }

    /// The same answer (same scorer, or the visit's own) changed differently on both sides.
    static func conflicts(_ theirs: [AnswerEvent], _ ours: [AnswerEvent]) -> [Conflict] {
        struct Key: Hashable, Comparable {
            var scorer: String, grid: ProtocolKind, criterion: String
            static func < (a: Key, b: Key) -> Bool { (a.scorer, a.grid.rawValue, a.criterion) < (b.scorer, b.grid.rawValue, b.criterion) }
        }
        func key(_ e: AnswerEvent) -> Key { Key(scorer: e.scorer ?? "", grid: e.grid, criterion: e.criterion) }
        let there = Dictionary(grouping: theirs, by: key)
        let here = Dictionary(grouping: ours, by: key)
        return Set(there.keys).intersection(here.keys).sorted().compactMap { k in
            guard let mine = here[k]?.max(by: { $0.at < $1.at }), let other = there[k]?.max(by: { $0.at < $1.at }),
                  mine.value != other.value || mine.comment != other.comment else { return nil }
            return Conflict(grid: k.grid, criterion: k.criterion, here: mine, there: other)
        }
    }
}
