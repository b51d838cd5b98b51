import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

struct VisitList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: Messages.visitListAbstract)

    /// The columns of `--format csv`, an interface.
    static let csvColumns = ["id", "establishment", "finess", "start_date", "end_date", "campaign", "state", "evaluation", "control", "inspectors"]

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Option(help: Messages.visitListCampaignHelp) var campaign: String?
    @Option(help: Messages.textJSONOrCSVHelp) var format: TableFormat = .text

    func run() throws {
        let visits = try workspace.open().visits(campaign: campaign)
        switch format {
        case .json:
            Console.out(CanonicalJSON.string(visits))
        case .csv:
            Console.write(ReportRenderer.line(Self.csvColumns))
            for v in visits {
                Console.write(ReportRenderer.line([v.id, v.establishment, v.finess, v.startDate?.description ?? "", v.endDate?.description ?? "", v.campaign ?? "",
                                                   v.state, v.evaluation.description, v.control?.description ?? "", v.inspectors.joined(separator: ";")]))
            }
        case .text:
            if visits.isEmpty { Console.note(Messages.noVisitListed(in: workspace.path, campaign: campaign)) }
            let rows = [["VISITE", "ÉTABLISSEMENT", "FINESS", "DÉBUT", "CAMPAGNE", "PHASE"]] + visits.map {
                [$0.id, $0.establishment, $0.finess, $0.startDate?.description ?? "—", $0.campaign ?? "—", $0.state]
            }
            if !visits.isEmpty { TextRenderer.table(rows).forEach(Console.out) }
        }
    }
}

struct VisitShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: Messages.visitShowAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.textOrJSONHelp) var format: OutputFormat = .text

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
                Console.out(VisitText.gridHeading(kind, grid.reference.description))
                for (_, c) in grid.allCriteria {
                    guard let e = r.current[kind]?[c.id], let value = e.value else { continue }
                    Console.out("  \(c.id)  \(value.label(in: grid.scale(c.scale)))" + (e.comment.map { " — \($0)" } ?? ""))
                }
            }
        }
    }
}

struct VisitStatus: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: Messages.visitStatusAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String

    func run() throws {
        let r = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        VisitText.header(r).forEach(Console.out)
        for kind in ProtocolKind.allCases {
            guard let grid = r.grids.grid(kind) else { continue }
            let sections = r.completion(kind)
            let done = sections.reduce(0) { $0 + $1.answered }, total = sections.reduce(0) { $0 + $1.required }
            Console.out("")
            Console.out(VisitText.statusCompletion(kind, grid.reference.description, done: done, total: total))
            for s in sections {
                Console.out("  \(s.section.padding(toLength: 7, withPad: " ", startingAt: 0)) \(VisitText.bar(s.answered, s.required)) \(s.answered)/\(s.required)"
                            + (s.notRelevant > 0 ? VisitText.outOfScope(s.notRelevant) : "") + "  \(s.title)")
            }
            let scoring = DoubleScoring(record: r, grid: kind)
            if !scoring.scorers.isEmpty {
                let scored = scoring.items.filter { $0.answers.contains { $0 != nil } }
                let each = scoring.scorers.indices.map { i in "\(scoring.scorers[i]) \(scoring.items.count { $0.answers[i] != nil })" }.joined(separator: ", ")
                let command = "regards reconcile \(visit)" + (kind == .control ? " --grid control" : "")
                Console.out(VisitText.statusDoubleScoring(each, reconciled: scored.count { $0.consensus != nil }, pending: scored.count(where: \.pending), command: command))
            }
        }
        Console.out("")
        var perMethod: [String: Int] = [:]
        for o in r.observations { perMethod[o.method, default: 0] += 1 }
        Console.out(VisitText.statusObservations(r.observations.count, perMethod: r.grids.evaluation.methods.compactMap { m in
            perMethod[m.id].map { "\(m.id) \($0)" } }.joined(separator: ", ")))
        let delays = r.journeyDelays
        let late = delays.filter { $0.check.state == .late }.count
        Console.out(VisitText.statusJourneys(people: r.journeyChecks.count, late: late, missing: delays.count - late, asOf: r.asOf.description))
        let byStatus = Dictionary(grouping: r.actions, by: \.status).mapValues(\.count)
        Console.out(VisitText.statusActions(r.actions.count, open: byStatus[.open] ?? 0, inProgress: byStatus[.inProgress] ?? 0, done: byStatus[.done] ?? 0,
                                           dropped: byStatus[.dropped] ?? 0))
        let p = r.procedure
        if !p.findings.isEmpty || !p.measures.isEmpty {
            let kinds = FindingKind.allCases.map { k in "\(p.activeFindings.filter { $0.kind == k }.count) \(k.label)(s)" }
            let counts = p.statusCounts(today: r.today)
            Console.out(VisitText.statusFindings(kinds.joined(separator: ", "), measures: p.activeMeasures.count, counts: counts))
        }
        let imperatives = r.imperativesWithoutAction
        if !imperatives.isEmpty { Console.out(VisitText.statusImperativesWithoutAction(imperatives.joined(separator: ", "))) }
        if let workflow = r.workflow {
            let options = WorkflowEngine(workflow: workflow).options(for: r)
            Console.out("")
            if options.isEmpty { Console.out(VisitText.finalPhase) }
            for option in options {
                let target = workflow.state(option.transition.to)?.title ?? option.transition.to
                Console.out(VisitText.towards(target, allowed: option.allowed))
                for check in option.checks { Console.out("  \(check.holds ? "✔" : "✘") \(check.guardCondition.summary) — \(check.detail)") }
            }
        }
    }
}

struct VisitLog: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log", abstract: Messages.visitLogAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.visitLogCriterionHelp) var criterion: String?

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
        abstract: Messages.visitAdvanceAbstract,
        discussion: Messages.visitAdvanceDiscussion)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.visitAdvanceToHelp) var to: String?
    @Option(help: Messages.whyHelp) var reason: String?
    @Option(help: Messages.visitAdvanceOnHelp) var on: String?

    func run() throws {
        let date = try on.map { try DateInput.read($0, field: "--on").get() }
        let session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        let from = session.visit.state
        let (workflow, option) = try session.nextPhase(to: to)
        let target = workflow.state(option.transition.to)?.title ?? option.transition.to
        guard option.allowed else {
            Console.out(Messages.moveBlocked(target))
            for check in option.checks { Console.out("  \(check.holds ? "✔" : "✘") \(check.guardCondition.summary) — \(check.detail)") }
            throw RegardsError.problemsFound
        }
        try session.move(option, reason: reason, on: date)
        Console.out(Messages.moved(visit: visit, from: workflow.state(from)?.title ?? from, to: target))
    }
}
