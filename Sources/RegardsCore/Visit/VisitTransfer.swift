/// Bringing a visit from one store into another: a bundle imported from a file, a visit pulled
/// from the team's server onto a laptop, or pushed back. One rule for all three: the same visit
/// (by uid) is merged — rows identified by uid, so bringing it twice adds nothing; an answer
/// changed on both sides is a conflict, kept in the history — in one transaction.
public enum VisitTransfer {
    /// Merges `bundle` into `workspace`; the plan applied. `otherwise` says what to do when the
    /// workspace has another visit under the same id.
    public static func merge(_ bundle: VisitBundle, into workspace: any Workspace,
                             otherwise: String = "import it beside with --as NEW-ID") throws -> MergePlan {
        let id = bundle.visit.id
        let local = try workspace.bundle(visit: id, exportedAt: "", exportedBy: "")
        if let local, local.visit.uid != bundle.visit.uid {
            throw RegardsError.badData("visit `\(id)` here is a different visit (another establishment or laptop); \(otherwise)")
        }
        let plan = MergePlan.plan(local: local, incoming: bundle)
        try workspace.apply(plan, visit: id)
        return plan
    }

    /// What a merge did: a line `imported` (or `verb`), `merged`, or nothing new in `source`; then
    /// each conflict on a line of its own.
    public static func summary(_ plan: MergePlan, visit: String, source: String, verb: String = "imported") -> [String] {
        [headline(plan, visit: visit, source: source, verb: verb)] + plan.conflicts.map { "conflict: \($0)" }
    }

    private static func headline(_ plan: MergePlan, visit: String, source: String, verb: String) -> String {
        if plan.newVisit != nil {
            return "visit \(visit) \(verb): \(plan.answers.count) answer event(s), \(plan.observations.count) observation(s), \(plan.journeys.count) journey entr(y/ies), \(plan.actions.count) action(s)"
        }
        if plan.isEmpty { return "visit \(visit): nothing new in \(source)" }
        return "visit \(visit) merged: \(plan.answers.count) new answer event(s), \(plan.observations.count) observation(s), \(plan.journeys.count) journey entr(y/ies), \(plan.actions.count) action(s), \(plan.stateEvents.count) phase change(s)"
    }
}
