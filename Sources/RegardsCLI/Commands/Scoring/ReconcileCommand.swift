import ArgumentParser
import RegardsCore

struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: Messages.reconcileAbstract,
        discussion: Messages.reconcileDiscussion)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Argument(help: Messages.reconcileCriterionHelp) var criterion: String?
    @Argument(help: Messages.reconcileValueHelp) var value: String?
    @Option(help: Messages.reconcileGridHelp) var grid: ProtocolKind?
    @Option(help: Messages.reconcileReasonHelp) var reason: String?
    @Option(help: Messages.reconcileCommentHelp) var comment: String?
    @Flag(help: Messages.reconcileAgreedHelp) var agreed = false

    func validate() throws {
        if (criterion == nil) != (value == nil) { throw ValidationError(Messages.reconcileCriterionAndValue) }
        if agreed && criterion != nil { throw ValidationError(Messages.reconcileAgreedAlone) }
        if criterion != nil && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError(Messages.reconcileReasonRequired)
        }
    }

    func run() throws {
        var session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        let record = session.record
        if let criterion, let value, let reason {
            let (kind, c, answer) = try record.grids.interpret(value, criterion: criterion, grid: grid, context: session.visit.conditionContext).get()
            let change = try DoubleScoring(record: record, grid: kind).reconcile(c.id, value: answer, comment: comment, reason: reason, uid: UID.make()).get()
            let event = try session.record([change])[0]
            let scale = record.grids.scale(c.scale, in: kind)
            Console.out(AnswerChangeLine.consensus(c.id, now: answer.label(in: scale), said: (event.reconciles ?? []).map { ($0.scorer, $0.value?.label(in: scale)) }))
            return
        }
        let kind = grid ?? .evaluation
        if record.grids.grid(kind) == nil {
            throw RegardsError.badData(Messages.noGrid(visit: visit, kind.rawValue, startedWith: session.visit.evaluation.description))
        }
        let scoring = DoubleScoring(record: record, grid: kind)
        if let refusal = scoring.notDoubleScored { throw refusal }
        if agreed {
            let changes = scoring.agreed(reason: reason ?? "réponses identiques des évaluateurs (\(scoring.scorers.joined(separator: ", ")))", uid: UID.make)
            if !changes.isEmpty { _ = try session.record(changes) }
            Console.out(Messages.consensusRecorded(changes.count, visit: visit))
            return
        }
        list(scoring, record)
    }

    /// `inspectrice-a : 3 · inspecteur-b : 2`, each answer by its label.
    func said(_ answers: [ScorerAnswer], _ scale: Scale?) -> String {
        answers.map { "\($0.scorer) : \($0.value.map { $0.label(in: scale) } ?? "—")" }.joined(separator: " · ")
    }

    func list(_ scoring: DoubleScoring, _ record: VisitRecord) {
        let items = scoring.items.filter { $0.answers.contains { $0 != nil } }
        let reconciled = items.count { $0.consensus != nil }
        Console.out(VisitText.reconcileHeading(visit: visit, grid: scoring.grid.rawValue, scorers: scoring.scorers.joined(separator: ", "),
                                              scored: items.count, agreeing: items.count(where: \.agree), reconciled: reconciled))
        let width = items.map(\.criterion.count).max() ?? 0
        for item in items {
            let scale = record.grids.scale(item.scale, in: scoring.grid)
            let answers = zip(scoring.scorers, item.answers).map { ScorerAnswer(scorer: $0, value: $1) }
            let state = item.consensus.map { "réconcilié : \($0.value?.label(in: scale) ?? "—")" }
                ?? (item.complete ? (item.agree ? "concordant, à enregistrer (--agreed)" : "à réconcilier") : "incomplet : chaque évaluateur doit répondre")
            Console.out("  " + item.criterion.padding(toLength: width + 2, withPad: " ", startingAt: 0) + said(answers, scale) + "   " + state)
        }
    }
}
