import ArgumentParser
import RegardsCore

struct ReconcileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Double scoring: record the consensus answer of the scorers into the visit's own answers.",
        discussion: """
        Without CRITERION, lists each criterion of the grid with every scorer's answer and what is left to reconcile. \
        With CRITERION VALUE --reason TEXT, records VALUE as the visit's answer, keeping every scorer's answer on that history row; \
        each scorer must have answered the criterion. With --agreed, records at once every criterion all scorers answered alike. \
        The scorings themselves are never changed: `regards agreement` still measures them.
        """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Argument(help: "The criterion to reconcile.") var criterion: String?
    @Argument(help: "The consensus answer (a level's number or label, `nc` or `nv`).") var value: String?
    @Option(help: "evaluation or control (default: the criterion's grid, else evaluation).") var grid: ProtocolKind?
    @Option(help: "Why this answer (kept in the history); required with CRITERION VALUE.") var reason: String?
    @Option(help: "A comment on the consensus answer.") var comment: String?
    @Flag(help: "Record every criterion all scorers answered alike.") var agreed = false

    func validate() throws {
        if (criterion == nil) != (value == nil) { throw ValidationError("give CRITERION and VALUE together") }
        if agreed && criterion != nil { throw ValidationError("--agreed reconciles every agreed criterion; give it without CRITERION VALUE") }
        if criterion != nil && (reason ?? "").trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--reason is required: say why the scorers settled on this answer")
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
            Console.out("\(c.id) = \(answer.label(in: scale)) (consensus de " + said(event.reconciles ?? [], scale) + ")")
            return
        }
        let kind = grid ?? .evaluation
        if record.grids.grid(kind) == nil {
            throw RegardsError.badData("visit \(visit) has no \(kind.rawValue) grid (it was started with \(session.visit.evaluation) only)")
        }
        let scoring = DoubleScoring(record: record, grid: kind)
        if let refusal = scoring.notDoubleScored { throw refusal }
        if agreed {
            let changes = scoring.agreed(reason: reason ?? "réponses identiques des évaluateurs (\(scoring.scorers.joined(separator: ", ")))", uid: UID.make)
            if !changes.isEmpty { _ = try session.record(changes) }
            Console.out("\(changes.count) consensus answer(s) recorded for visit \(visit) (criteria all scorers answered alike)")
            return
        }
        list(scoring, record)
    }

    /// `inspectrice-a : 3 · inspecteur-b : 2`, each answer by its label.
    func said(_ answers: [ScorerAnswer], _ scale: Scale?) -> String {
        answers.map { "\($0.scorer) : \($0.value.map { $0.label(in: scale) } ?? "—")" }.joined(separator: " · ")
    }

    func plural(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n > 1 ? many : one)" }

    func list(_ scoring: DoubleScoring, _ record: VisitRecord) {
        let items = scoring.items.filter { $0.answers.contains { $0 != nil } }
        let reconciled = items.count { $0.consensus != nil }
        Console.out("visite \(visit) — grille \(scoring.grid.rawValue), évaluée indépendamment par \(scoring.scorers.joined(separator: ", ")) : "
                    + "\(plural(items.count, "critère noté", "critères notés")), \(plural(items.count(where: \.agree), "concordant", "concordants")), "
                    + plural(reconciled, "réconcilié", "réconciliés"))
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
