/// What importing a bundle adds to a workspace, and the edits made on both sides.
public struct MergePlan: Equatable, Sendable {
    public struct Conflict: Equatable, Sendable, CustomStringConvertible {
        public var grid: ProtocolKind
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
    public var procedureEvents: [ProcedureEvent] = []
    /// The phase after the merge: that of the latest phase change on either side.
    public var state: String
    public var conflicts: [Conflict]

    public var isEmpty: Bool {
        newVisit == nil && answers.isEmpty && observations.isEmpty && journeys.isEmpty && actions.isEmpty && actionEvents.isEmpty && stateEvents.isEmpty && procedureEvents.isEmpty
    }

    /// Plans the import of `incoming` into a workspace that holds `local` (the same visit) or nothing.
    public static func plan(local: VisitBundle?, incoming: VisitBundle) -> MergePlan {
        guard let local else {
            return MergePlan(newVisit: incoming.visit, snapshots: incoming.snapshots, answers: incoming.answers, observations: incoming.observations,
                             journeys: incoming.journeys, actions: incoming.actions, actionEvents: incoming.actionEvents,
                             stateEvents: incoming.stateEvents, procedureEvents: incoming.procedureEvents, state: incoming.visit.state, conflicts: [])
        }
        func missing<T>(_ items: [T], _ known: [T], _ uid: (T) -> String) -> [T] {
            let have = Set(known.map(uid))
            return items.filter { !have.contains(uid($0)) }
        }
        let newAnswers = missing(incoming.answers, local.answers, \.uid)
        let onlyHere = missing(local.answers, incoming.answers, \.uid)
        var conflicts: [Conflict] = []
        for kind in ProtocolKind.allCases {
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
                         stateEvents: newStates, procedureEvents: missing(incoming.procedureEvents, local.procedureEvents, \.uid),
                         state: latest?.to ?? local.visit.state, conflicts: conflicts)
    }
}
