/// Bringing a visit from one store into another: a bundle imported from a file, a visit pulled
/// from the team's server onto a laptop, or pushed back. One rule for all three: the same visit
/// (by uid) is merged — rows identified by uid, so bringing it twice adds nothing; an answer
/// changed on both sides is a conflict, kept in the history — in one transaction.
public enum VisitTransfer {
    /// Merges `bundle` into `workspace`; the plan applied. `otherwise` says what to do when the
    /// workspace has another visit under the same id.
    public static func merge(_ bundle: VisitBundle, into workspace: any Workspace,
                             otherwise: String? = nil) throws -> MergePlan {
        let id = bundle.visit.id
        let local = try workspace.bundle(visit: id, exportedAt: "", exportedBy: "")
        if let local, local.visit.uid != bundle.visit.uid {
            throw RegardsError.badData(Messages.differentVisit(id, otherwise ?? Messages.importBeside))
        }
        let plan = MergePlan.plan(local: local, incoming: bundle)
        try workspace.apply(plan, visit: id)
        return plan
    }

    /// What a merge did: a line `imported` (or `verb`), `merged`, or nothing new in `source`; then
    /// each conflict on a line of its own.
    public static func summary(_ plan: MergePlan, visit: String, source: String, verb: String = "imported") -> [String] {
        [headline(plan, visit: visit, source: source, verb: verb)] + plan.conflicts.map { Messages.transferConflict($0.description) }
    }

    private static func headline(_ plan: MergePlan, visit: String, source: String, verb: String) -> String {
        if plan.newVisit != nil {
            return Messages.visitTransferred(visit, verb: verb, answers: plan.answers.count, observations: plan.observations.count, journeys: plan.journeys.count,
                                             actions: plan.actions.count)
        }
        if plan.isEmpty { return Messages.nothingNew(visit, in: source) }
        return Messages.visitMerged(visit, answers: plan.answers.count, observations: plan.observations.count, journeys: plan.journeys.count,
                                    actions: plan.actions.count, phases: plan.stateEvents.count)
    }
}
