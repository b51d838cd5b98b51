import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

struct VisitList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the visits of the workspace.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Option(help: "Only the visits of this campaign.") var campaign: String?
    @Option(help: "text, json or csv") var format: TableFormat = .text

    func run() throws {
        let visits = try workspace.open().visits(campaign: campaign)
        switch format {
        case .json:
            Console.out(CanonicalJSON.string(visits))
        case .csv:
            Console.write(ReportRenderer.line(["id", "establishment", "finess", "start_date", "end_date", "campaign", "state", "evaluation", "control", "inspectors"]))
            for v in visits {
                Console.write(ReportRenderer.line([v.id, v.establishment, v.finess, v.startDate?.description ?? "", v.endDate?.description ?? "", v.campaign ?? "",
                                                   v.state, v.evaluation.description, v.control?.description ?? "", v.inspectors.joined(separator: ";")]))
            }
        case .text:
            if visits.isEmpty { Console.note("no visit in \(workspace.path)" + (campaign.map { " for campaign \($0)" } ?? "")) }
            let rows = [["VISITE", "ÉTABLISSEMENT", "FINESS", "DÉBUT", "CAMPAGNE", "PHASE"]] + visits.map {
                [$0.id, $0.establishment, $0.finess, $0.startDate?.description ?? "—", $0.campaign ?? "—", $0.state]
            }
            if !visits.isEmpty { TextRenderer.table(rows).forEach(Console.out) }
        }
    }
}

struct VisitShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a visit: establishment, protocols, context, answers.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "text or json") var format: OutputFormat = .text

    func run() throws {
        let session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        let r = session.record
        switch format {
        case .json:
            struct Answer: Encodable { var grid: String; var criterion: String; var value: String; var label: String; var comment: String?; var evidence: String?; var author: String; var at: String }
            struct Shown: Encodable { var visit: Visit; var answers: [Answer] }
            var answers: [Answer] = []
            for kind in ProtocolKind.allCases {
                guard let grid = r.grids.grid(kind) else { continue }
                for (_, c) in grid.allCriteria {
                    guard let e = r.current[kind]?[c.id], let value = e.value else { continue }
                    answers.append(Answer(grid: kind.rawValue, criterion: c.id, value: value.code, label: value.label(in: grid.scale(c.scale)),
                                          comment: e.comment, evidence: e.evidence, author: e.author, at: e.at))
                }
            }
            Console.out(CanonicalJSON.string(Shown(visit: r.visit, answers: answers)))
        case .text:
            VisitText.header(r).forEach(Console.out)
            for kind in ProtocolKind.allCases {
                guard let grid = r.grids.grid(kind) else { continue }
                Console.out("")
                Console.out(kind == .evaluation ? "Grille d'évaluation — \(grid.reference)" : "Grille de contrôle — \(grid.reference)")
                for (_, c) in grid.allCriteria {
                    guard let e = r.current[kind]?[c.id], let value = e.value else { continue }
                    Console.out("  \(c.id)  \(value.label(in: grid.scale(c.scale)))" + (e.comment.map { " — \($0)" } ?? ""))
                }
            }
        }
    }
}

struct VisitStatus: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Where a visit stands: phase, completion, observations, journeys, actions, what blocks the next phase.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String

    func run() throws {
        let r = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        VisitText.header(r).forEach(Console.out)
        for kind in ProtocolKind.allCases {
            guard let grid = r.grids.grid(kind) else { continue }
            let sections = r.completion(kind)
            let done = sections.reduce(0) { $0 + $1.answered }, total = sections.reduce(0) { $0 + $1.required }
            Console.out("")
            Console.out("\(kind == .evaluation ? "Grille d'évaluation" : "Grille de contrôle") \(grid.reference) : \(done)/\(total)")
            for s in sections {
                Console.out("  \(s.section.padding(toLength: 7, withPad: " ", startingAt: 0)) \(VisitText.bar(s.answered, s.required)) \(s.answered)/\(s.required)"
                            + (s.notRelevant > 0 ? " (\(s.notRelevant) hors champ)" : "") + "  \(s.title)")
            }
            let scoring = DoubleScoring(record: r, grid: kind)
            if !scoring.scorers.isEmpty {
                let scored = scoring.items.filter { $0.answers.contains { $0 != nil } }
                let each = scoring.scorers.indices.map { i in "\(scoring.scorers[i]) \(scoring.items.count { $0.answers[i] != nil })" }.joined(separator: ", ")
                Console.out("  Double évaluation : \(each) ; \(scored.count { $0.consensus != nil }) réconcilié(s), \(scored.count(where: \.pending)) à réconcilier"
                            + " (regards reconcile \(visit)\(kind == .control ? " --grid control" : ""))")
            }
        }
        Console.out("")
        var perMethod: [String: Int] = [:]
        for o in r.observations { perMethod[o.method, default: 0] += 1 }
        Console.out("Observations : \(r.observations.count)" + (perMethod.isEmpty ? "" : " — " + r.grids.evaluation.methods.compactMap { m in
            perMethod[m.id].map { "\(m.id) \($0)" } }.joined(separator: ", ")))
        let delays = r.journeyDelays
        let late = delays.filter { $0.check.state == .late }.count
        Console.out("Parcours : \(r.journeyChecks.count) personne(s), \(late) étape(s) en retard, \(delays.count - late) manquante(s) (au \(r.asOf))")
        let byStatus = Dictionary(grouping: r.actions, by: \.status).mapValues(\.count)
        Console.out("Pistes : \(r.actions.count) — \(byStatus[.open] ?? 0) ouverte(s), \(byStatus[.inProgress] ?? 0) en cours, \(byStatus[.done] ?? 0) faite(s), \(byStatus[.dropped] ?? 0) abandonnée(s)")
        let p = r.procedure
        if !p.findings.isEmpty || !p.measures.isEmpty {
            let kinds = FindingKind.allCases.map { k in "\(p.activeFindings.filter { $0.kind == k }.count) \(k.label)(s)" }
            let counts = p.statusCounts(today: r.today)
            Console.out("Constats : " + kinds.joined(separator: ", ") + " ; mesures : \(p.activeMeasures.count)" + (counts.isEmpty ? "" : " — " + counts))
        }
        let imperatives = r.imperativesWithoutAction
        if !imperatives.isEmpty { Console.out("Impératifs sous le niveau maximal sans piste : \(imperatives.joined(separator: ", "))") }
        if let workflow = r.workflow {
            let options = WorkflowEngine(workflow: workflow).options(for: r)
            Console.out("")
            if options.isEmpty { Console.out("Phase finale : plus de transition.") }
            for option in options {
                let target = workflow.state(option.transition.to)?.title ?? option.transition.to
                Console.out("Vers « \(target) » : " + (option.allowed ? "possible" : "bloqué"))
                for check in option.checks { Console.out("  \(check.holds ? "✔" : "✘") \(check.guardCondition.summary) — \(check.detail)") }
            }
        }
    }
}

struct VisitLog: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: "The whole audit trail of a visit, oldest first (the scorers' independent answers marked as such).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "Only this criterion's answers.") var criterion: String?

    func run() throws {
        let ws = try workspace.open()
        _ = try workspace.visit(visit, in: ws)
        var lines: [(at: String, order: Int, text: String)] = []
        // The visit's answers, then the independent scorings of double scoring, each marked with its scorer.
        for (i, e) in try (ws.answerEvents(visit: visit) + ws.scoringEvents(visit: visit)).enumerated() where criterion == nil || e.criterion == criterion {
            var text = "\(e.at)  \(e.author)  \(e.criterion)  \(e.previous?.code ?? "—") → \(e.value?.code ?? "retiré")"
            if let scorer = e.scorer { text += "  [évaluation indépendante de \(scorer)]" }
            if let c = e.comment { text += "  « \(c) »" }
            if let ev = e.evidence { text += "  preuve : \(ev)" }
            if let settled = e.reconciles { text += "  consensus de " + settled.map { "\($0.scorer) : \($0.value?.code ?? "—")" }.joined(separator: " · ") }
            if let reason = e.reason { text += "  motif : \(reason)" }
            lines.append((e.at, i, text))
        }
        if criterion == nil {
            for (i, e) in try ws.stateEvents(visit: visit).enumerated() {
                lines.append((e.at, 1_000_000 + i, "\(e.at)  \(e.author)  phase  \(e.from ?? "—") → \(e.to)" + (e.reason.map { "  motif : \($0)" } ?? "")))
            }
            let events = try ws.procedureEvents(visit: visit)
            let procedure = Procedure(events: events)
            for (i, e) in events.enumerated() { lines.append((e.at, 2_000_000 + i, "\(e.at)  \(e.author)  \(procedure.logText(e))")) }
        }
        for line in lines.sorted(by: { ($0.at, $0.order) < ($1.at, $1.order) }) { Console.out(line.text) }
    }
}

struct VisitAdvance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "advance",
        abstract: "Move a visit to its next phase, or explain, guard by guard, what blocks it.",
        discussion: "Exit 0 when the visit moved, 1 when a guard blocks (each one is explained).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "The phase to move to, when several are possible.") var to: String?
    @Option(help: "Why (kept in the history).") var reason: String?
    @Option(help: "The date of the report this phase issues (YYYY-MM-DD; default: today).") var on: String?

    func run() throws {
        let date = try on.map { try DateInput.read($0, field: "--on").get() }
        let session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        let from = session.visit.state
        let (workflow, option) = try session.nextPhase(to: to)
        let target = workflow.state(option.transition.to)?.title ?? option.transition.to
        guard option.allowed else {
            Console.out("Passage à « \(target) » bloqué :")
            for check in option.checks { Console.out("  \(check.holds ? "✔" : "✘") \(check.guardCondition.summary) — \(check.detail)") }
            throw RegardsError.problemsFound
        }
        try session.move(option, reason: reason, on: date)
        Console.out("Visite \(visit) : \(workflow.state(from)?.title ?? from) → \(target)")
    }
}
