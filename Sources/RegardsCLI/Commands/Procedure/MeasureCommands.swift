import ArgumentParser
import Foundation
import RegardsCore

struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure", abstract: "The measures the findings lead to: prescriptions, recommandations, injonctions, and their follow-up.",
        discussion: "Before the provisional report every écart needs a measure. Between the provisional and the definitive report, `answer` records the organisation's answer and `respond` the inspectors' response to a contested point; after the decision, `follow` records where each measure stands.",
        subcommands: [MeasureAdd.self, MeasureEdit.self, MeasureDrop.self, MeasureList.self, MeasureAnswer.self, MeasureRespond.self, MeasureFollow.self,
                      MeasureStatusCommand.self, MeasureSheet.self],
        defaultSubcommand: MeasureList.self)
}

/// The options a measure is typed with, on `add`, `edit` and `respond`.
struct MeasureFields: ParsableArguments {
    @Option(help: "prescription, recommandation or injonction") var kind: MeasureKind?
    @Option(help: "What is asked of the organisation.") var text: String?
    @Option(help: "The findings it answers, comma-separated (E1,R2).") var findings: String?
    @Option(help: "Its deadline (YYYY-MM-DD).") var due: String?
    @Option(help: "Its deadline as a period counted from the decision (`3 mois`, `15 jours`).") var within: String?

    var input: ProcedureDesk.MeasureInput {
        ProcedureDesk.MeasureInput(kind: kind, text: text, findings: findings.map(splitList), due: due, within: within)
    }
}

/// Opens the visit, lets the core make one change to a measure, appends it and prints the measure.
private func change(_ visit: String, _ workspace: WorkspaceOptions, _ folders: ProtocolFolderOptions,
                    _ make: (ProcedureDesk) throws -> ProcedureEvent) throws {
    var session = try VisitSession.open(visit, workspace: workspace, folders: folders)
    let event = try make(session.desk)
    let procedure = try session.append([event])
    session.record.lines(procedure.measure(uid: event.item)!).forEach(Console.out)
}

struct MeasureAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a measure.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @OptionGroup var fields: MeasureFields

    func run() throws { try change(visit, workspace, folders) { try $0.addMeasure(fields.input) } }
}

struct MeasureEdit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a measure (the history keeps every version).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Argument(help: "The measure (M1).") var measure: String
    @OptionGroup var fields: MeasureFields
    @Option(help: "Why (kept in the history; required once the provisional report is issued).") var reason: String?

    func run() throws { try change(visit, workspace, folders) { try $0.editMeasure(measure, fields.input, reason: reason) } }
}

struct MeasureDrop: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "drop", abstract: "Withdraw a measure.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Argument(help: "The measure (M1).") var measure: String
    @Option(help: "Why (kept in the history; required once the provisional report is issued).") var reason: String?

    func run() throws { try change(visit, workspace, folders) { try $0.dropMeasure(measure, reason: reason) } }
}

struct MeasureAnswer: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "answer", abstract: "Record the organisation's answer to a measure (contradictory procedure).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Argument(help: "The measure (M1).") var measure: String
    @Option(help: "accepted or contested") var position: OrganisationAnswer.Position
    @Option(help: "The organisation's arguments (required when it contests).") var arguments: String?
    @Option(help: "The action plan it commits to.") var plan: String?
    @Option(help: "The documents it sent.") var evidence: String?
    @Option(help: "When the answer was received (YYYY-MM-DD; default: today).") var received: String?

    func run() throws {
        try change(visit, workspace, folders) { try $0.answer(measure, position: position, arguments: arguments, plan: plan, evidence: evidence, received: received) }
    }
}

struct MeasureRespond: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "respond", abstract: "Record the inspectors' response to a contested measure.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Argument(help: "The measure (M1).") var measure: String
    @Option(help: "kept, changed or withdrawn") var decision: InspectorsResponse.Decision
    @Option(help: "Why (it goes in the definitive report).") var reason: String
    @OptionGroup var fields: MeasureFields

    func run() throws {
        try change(visit, workspace, folders) { try $0.respond(measure, decision: decision, reason: reason, changes: fields.input) }
    }
}

struct MeasureFollow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow", abstract: "Record where a measure stands after the decision, or read back the tableau de suivi the organisation filled.",
        discussion: """
        With --from FILE.xlsx (a tableau written by `regards measure sheet`), each row the organisation filled — its answer, the documents \
        it sent, the date — becomes the measure's follow-up « en cours », for the inspectors to judge with --status lifted or not-lifted.
        """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Argument(help: "The measure (M1).") var measure: String?
    @Option(help: "lifted, in-progress or not-lifted") var status: FollowUp.Status?
    @Option(help: "When it was checked (YYYY-MM-DD; default: today).") var on: String?
    @Option(help: "What was received or seen.") var evidence: String?
    @Option(help: "A note.") var note: String?
    @Option(name: .customLong("from"), help: ArgumentHelp("The tableau de suivi filled by the organisation.", valueName: "FILE.xlsx")) var workbook: String?
    @Flag(help: "With --from: print what would be recorded, write nothing.") var dryRun = false

    func validate() throws {
        if workbook == nil && (measure == nil || status == nil) { throw ValidationError("give MEASURE and --status, or --from FILE.xlsx") }
        if workbook != nil && (measure != nil || status != nil || on != nil || evidence != nil || note != nil) {
            throw ValidationError("--from reads every measure's row; give MEASURE and --status, or --from FILE.xlsx")
        }
        if dryRun && workbook == nil { throw ValidationError("--dry-run goes with --from FILE.xlsx") }
    }

    func run() throws {
        guard let workbook else {
            guard let measure, let status else { return }
            try change(visit, workspace, folders) { try $0.follow(measure, status: status, on: on, evidence: evidence, note: note) }
            return
        }
        var session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        let plan = try FollowUpImport.read(try InputFile.workbook(workbook), path: workbook, record: session.record, desk: session.desk)
        plan.settled.forEach { Console.note($0) }
        for row in plan.rows {
            let follow = row.event.measure?.followUp
            Console.out("\(row.label) : en cours" + (follow.map { " au \($0.on)" } ?? "") + (follow?.evidence.map { " — pièces : \($0)" } ?? ""))
        }
        let name = URL(fileURLWithPath: workbook).lastPathComponent
        let tail = "(\(plan.unchanged) row(s) unchanged, \(plan.settled.count) for a settled measure)"
        if dryRun {
            Console.out("\(plan.rows.count) follow-up(s) would be recorded for visit \(visit) \(tail); nothing was written (--dry-run)")
            return
        }
        if !plan.rows.isEmpty { try session.append(plan.rows.map(\.event)) }
        Console.out("\(plan.rows.count) follow-up(s) recorded for visit \(visit) from \(name) \(tail)")
    }
}

struct MeasureList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a visit's measures with the organisation's answers and their follow-up.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "text or json") var format: OutputFormat = .text

    func run() throws {
        let r = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        let listed = r.procedure.measures.filter { $0.number != nil } + r.procedure.measures.filter { $0.number == nil }
        switch format {
        case .json:
            struct Row: Encodable { var label: String; var findings: [String]; var due: CalendarDate?; var status: MeasureStatus; var measure: Measure }
            Console.out(CanonicalJSON.string(listed.map {
                Row(label: $0.label, findings: r.procedure.findingLabels($0), due: r.procedure.due($0), status: r.procedure.status(of: $0, today: r.today), measure: $0)
            }))
        case .text:
            for m in listed { r.lines(m).forEach(Console.out) }
            if listed.isEmpty { Console.note("no measure for visit \(visit)") }
        }
    }
}

struct MeasureStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Where each measure stands today: lifted, in progress or overdue (the overdue first).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "text, json or csv") var format: TableFormat = .text

    func run() throws {
        let r = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        let p = r.procedure
        let sheet = ComparisonReport.procedureSheets(r).first { $0.role == .measures }
        switch format {
        case .csv: if let sheet { Console.write(ReportRenderer.csv(sheet)) }
        case .json: Console.out(ReportRenderer.json(rowsOf: sheet))
        case .text:
            let measures = p.followUpOrder(today: r.today)
            for m in measures {
                Console.out("\(m.label)  \(p.status(of: m, today: r.today).label)  échéance \(p.due(m)?.description ?? m.deadline.description)  \(m.kind.label) → \(p.findingLabels(m).joined(separator: ", "))  \(m.text)")
            }
            if let (earlier, q) = r.followed {
                let carried = q.followUpOrder(today: r.today)
                Console.out("Mesures de la visite suivie \(earlier) (regards measure follow \(earlier) M…) :")
                for m in carried {
                    Console.out("  \(m.label)  \(q.status(of: m, today: r.today).label)  échéance \(q.due(m)?.description ?? m.deadline.description)  \(m.kind.label)  \(m.text)")
                }
                if carried.isEmpty { Console.out("  aucune") }
            }
            Console.note(measures.isEmpty ? "no measure for visit \(visit)" : p.statusCounts(measures, today: r.today))
        }
    }
}

struct MeasureSheet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet", abstract: "Write the tableau de suivi: one row per measure, the organisation's columns (answer, evidence, date) unlocked, everything else protected.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: ArgumentHelp("The workbook to write.", valueName: "FILE.xlsx")) var xlsx: String
    @Flag(help: "Export even though personal-data findings are not reviewed (the workbook's properties say so).") var allowPersonalData = false

    func run() throws {
        let record = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        let stamp = try PrivacyGate.export([record], allow: allowPersonalData, command: "measure sheet")
        guard var report = FollowUpReport.build(record, generatedBy: workspace.author) else {
            throw RegardsError.usage("visit \(visit) has no measure to follow up (regards measure add)")
        }
        report.properties.custom += stamp
        try ReportOutput.write(report, to: xlsx)
    }
}
