/// Checks a workflow: known states, a reachable graph, a final state, no dead ends.
public struct WorkflowValidator: Sendable {
    public init() {}

    public func validate(_ w: Workflow, sourceMap map: SourceMap) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if !Identifier.isSlug(w.id) {
            out.append(map.error(Messages.notASlug(.workflow, w.id), at: "id"))
        }
        let ids = w.states.map(\.id)
        var first: [String: Int] = [:]
        for (i, state) in w.states.enumerated() {
            if !Identifier.isSlug(state.id) {
                out.append(map.error(Messages.notASlug(.state, state.id), at: "states[\(i)].id"))
            }
            if let earlier = first[state.id] {
                let line = map.location(of: "states[\(earlier)].id").line
                out.append(map.error(Messages.duplicateID(.state, state.id, line: line), at: "states[\(i)].id"))
            } else {
                first[state.id] = i
            }
        }
        for milestone in ReportMilestone.allCases {
            let issuing = w.states.indices.filter { w.states[$0].report == milestone }
            for i in issuing.dropFirst() {
                out.append(map.error(Messages.oneStateIssues(milestone, already: w.states[issuing[0]].id), at: "states[\(i)].report"))
            }
        }
        if let i = w.states.firstIndex(where: { $0.report == .definitive }), !w.states.contains(where: { $0.report == .provisional }) {
            out.append(map.error(Messages.definitiveWithoutProvisional, at: "states[\(i)].report"))
        }
        if w.states.isEmpty {
            out.append(map.error(Messages.noState, at: "states"))
            return out
        }
        if !ids.contains(w.initial) {
            out.append(map.error(Messages.unknownInitialState(w.initial), at: "initial", hint: Suggestion.hint(for: w.initial, in: ids)))
        }
        if !w.states.contains(where: \.final) {
            out.append(map.error(Messages.noFinalState, at: "states"))
        }
        var edges: [String: [String]] = [:]
        var leaving = Set<String>()
        var brokenTransition = false
        var seenPairs = Set<String>()
        for (i, t) in w.transitions.enumerated() {
            let path = "transitions[\(i)]"
            var known = true
            if !ids.contains(t.from) {
                out.append(map.error(Messages.transitionFromUnknown(t.from), at: "\(path).from", hint: Suggestion.hint(for: t.from, in: ids)))
                known = false
            }
            if !ids.contains(t.to) {
                out.append(map.error(Messages.transitionToUnknown(t.to), at: "\(path).to", hint: Suggestion.hint(for: t.to, in: ids)))
                known = false
            }
            if t.from == t.to {
                out.append(map.error(Messages.transitionToItself(t.from), at: "\(path).to"))
            }
            if !seenPairs.insert("\(t.from)→\(t.to)").inserted {
                out.append(map.error(Messages.duplicateTransition(t.from, t.to), at: path))
            }
            if known { edges[t.from, default: []].append(t.to) } else { brokenTransition = true }
            leaving.insert(t.from)
            for (j, g) in t.guards.enumerated() {
                switch g {
                case .minObservations(_, let n), .minJourneys(let n), .minActions(let n):
                    if n < 1 { out.append(map.error(Messages.guardNeedsCount(g.name), at: "\(path).guards[\(j)]")) }
                default: break
                }
            }
        }
        // Reachability from the initial state; with a transition to an unknown state the graph is
        // incomplete, and that error is the one to fix first.
        if ids.contains(w.initial), !brokenTransition {
            var reached: Set<String> = [w.initial]
            var queue = [w.initial]
            while let s = queue.popLast() {
                for next in edges[s, default: []] where reached.insert(next).inserted { queue.append(next) }
            }
            for (i, state) in w.states.enumerated() where !reached.contains(state.id) {
                out.append(map.error(Messages.unreachableState(state.id, initial: w.initial), at: "states[\(i)].id"))
            }
        }
        for (i, state) in w.states.enumerated() where !state.final && !leaving.contains(state.id) {
            out.append(map.error(Messages.deadEndState(state.id), at: "states[\(i)].id"))
        }
        for (i, state) in w.states.enumerated() where state.final && !edges[state.id, default: []].isEmpty {
            out.append(map.warning(Messages.finalStateWithTransitions(state.id), at: "states[\(i)].id"))
        }
        return out
    }
}
