/// Checks a workflow: known states, a reachable graph, a final state, no dead ends.
public struct WorkflowValidator: Sendable {
    public init() {}

    public func validate(_ w: Workflow, sourceMap map: SourceMap) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if !Identifier.isSlug(w.id) {
            out.append(map.error("workflow id `\(w.id)` must be a lower-case slug", at: "id"))
        }
        let ids = w.states.map(\.id)
        var first: [String: Int] = [:]
        for (i, state) in w.states.enumerated() {
            if !Identifier.isSlug(state.id) {
                out.append(map.error("state id `\(state.id)` must be a lower-case slug", at: "states[\(i)].id"))
            }
            if let earlier = first[state.id] {
                out.append(map.error("duplicate state id `\(state.id)` (first declared on line \(map.location(of: "states[\(earlier)].id").line))", at: "states[\(i)].id"))
            } else {
                first[state.id] = i
            }
        }
        for milestone in ReportMilestone.allCases {
            let issuing = w.states.indices.filter { w.states[$0].report == milestone }
            for i in issuing.dropFirst() {
                out.append(map.error("only one state issues the \(milestone.rawValue) report (`\(w.states[issuing[0]].id)` already does)", at: "states[\(i)].report"))
            }
        }
        if let i = w.states.firstIndex(where: { $0.report == .definitive }), !w.states.contains(where: { $0.report == .provisional }) {
            out.append(map.error("a definitive report needs a state with `report: provisional` before it (the contradictory procedure)", at: "states[\(i)].report"))
        }
        if w.states.isEmpty {
            out.append(map.error("a workflow needs at least one state", at: "states"))
            return out
        }
        if !ids.contains(w.initial) {
            out.append(map.error("unknown initial state `\(w.initial)`", at: "initial", hint: Suggestion.hint(for: w.initial, in: ids)))
        }
        if !w.states.contains(where: \.final) {
            out.append(map.error("the workflow has no final state (mark one with `final: true`)", at: "states"))
        }
        var edges: [String: [String]] = [:]
        var leaving = Set<String>()
        var brokenTransition = false
        var seenPairs = Set<String>()
        for (i, t) in w.transitions.enumerated() {
            let path = "transitions[\(i)]"
            var known = true
            if !ids.contains(t.from) {
                out.append(map.error("transition from unknown state `\(t.from)`", at: "\(path).from", hint: Suggestion.hint(for: t.from, in: ids)))
                known = false
            }
            if !ids.contains(t.to) {
                out.append(map.error("transition to unknown state `\(t.to)`", at: "\(path).to", hint: Suggestion.hint(for: t.to, in: ids)))
                known = false
            }
            if t.from == t.to {
                out.append(map.error("transition from `\(t.from)` to itself", at: "\(path).to"))
            }
            if !seenPairs.insert("\(t.from)→\(t.to)").inserted {
                out.append(map.error("duplicate transition `\(t.from)` → `\(t.to)`", at: path))
            }
            if known { edges[t.from, default: []].append(t.to) } else { brokenTransition = true }
            leaving.insert(t.from)
            for (j, g) in t.guards.enumerated() {
                switch g {
                case .minObservations(_, let n), .minJourneys(let n), .minActions(let n):
                    if n < 1 { out.append(map.error("`\(g.name)` needs a count of at least 1", at: "\(path).guards[\(j)]")) }
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
                out.append(map.error("state `\(state.id)` cannot be reached from the initial state `\(w.initial)`", at: "states[\(i)].id"))
            }
        }
        for (i, state) in w.states.enumerated() where !state.final && !leaving.contains(state.id) {
            out.append(map.error("state `\(state.id)` is a dead end: no transition leaves it and it is not final", at: "states[\(i)].id"))
        }
        for (i, state) in w.states.enumerated() where state.final && !edges[state.id, default: []].isEmpty {
            out.append(map.warning("final state `\(state.id)` has transitions leaving it", at: "states[\(i)].id"))
        }
        return out
    }
}
