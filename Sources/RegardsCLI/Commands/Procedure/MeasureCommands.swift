import ArgumentParser
import Foundation
import RegardsCore

struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure", abstract: Messages.measureAbstract,
        discussion: Messages.measureDiscussion,
        subcommands: [MeasureAdd.self, MeasureEdit.self, MeasureDrop.self, MeasureList.self, MeasureAnswer.self, MeasureRespond.self, MeasureFollow.self,
                      MeasureStatusCommand.self, MeasureSheet.self],
        defaultSubcommand: MeasureList.self)
}

/// The options a measure is typed with, on `add`, `edit` and `respond`.
struct MeasureFields: ParsableArguments {
    @Option(help: Messages.measureKindHelp) var kind: MeasureKind?
    @Option(help: Messages.measureTextHelp) var text: String?
    @Option(help: Messages.measureFindingsHelp) var findings: String?
    @Option(help: Messages.measureDueHelp) var due: String?
    @Option(help: Messages.measureWithinHelp) var within: String?

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
    static let configuration = CommandConfiguration(commandName: "add", abstract: Messages.measureAddAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @OptionGroup var fields: MeasureFields

    func run() throws { try change(visit, workspace, folders) { try $0.addMeasure(fields.input) } }
}

struct MeasureEdit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: Messages.measureEditAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Argument(help: Messages.measureLabelHelp) var measure: String
    @OptionGroup var fields: MeasureFields
    @Option(help: Messages.procedureReasonHelp) var reason: String?

    func run() throws { try change(visit, workspace, folders) { try $0.editMeasure(measure, fields.input, reason: reason) } }
}

struct MeasureDrop: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "drop", abstract: Messages.measureDropAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Argument(help: Messages.measureLabelHelp) var measure: String
    @Option(help: Messages.procedureReasonHelp) var reason: String?

    func run() throws { try change(visit, workspace, folders) { try $0.dropMeasure(measure, reason: reason) } }
}

struct MeasureAnswer: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "answer", abstract: Messages.measureAnswerAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Argument(help: Messages.measureLabelHelp) var measure: String
    @Option(help: Messages.measurePositionHelp) var position: OrganisationAnswer.Position
    @Option(help: Messages.measureArgumentsHelp) var arguments: String?
    @Option(help: Messages.measurePlanHelp) var plan: String?
    @Option(help: Messages.measureAnswerEvidenceHelp) var evidence: String?
    @Option(help: Messages.measureReceivedHelp) var received: String?

    func run() throws {
        try change(visit, workspace, folders) { try $0.answer(measure, position: position, arguments: arguments, plan: plan, evidence: evidence, received: received) }
    }
}

struct MeasureRespond: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "respond", abstract: Messages.measureRespondAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Argument(help: Messages.measureLabelHelp) var measure: String
    @Option(help: Messages.measureDecisionHelp) var decision: InspectorsResponse.Decision
    @Option(help: Messages.measureRespondReasonHelp) var reason: String
    @OptionGroup var fields: MeasureFields

    func run() throws {
        try change(visit, workspace, folders) { try $0.respond(measure, decision: decision, reason: reason, changes: fields.input) }
    }
}

struct MeasureFollow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "follow", abstract: Messages.measureFollowAbstract, discussion: Messages.measureFollowDiscussion)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Argument(help: Messages.measureLabelHelp) var measure: String?
    @Option(help: Messages.measureFollowStatusHelp) var status: FollowUp.Status?
    @Option(help: Messages.measureFollowOnHelp) var on: String?
    @Option(help: Messages.measureFollowEvidenceHelp) var evidence: String?
    @Option(help: Messages.measureFollowNoteHelp) var note: String?
    @Option(name: .customLong("from"), help: Messages.measureFollowFromHelp) var workbook: String?
    @Flag(help: Messages.measureFollowDryRunHelp) var dryRun = false

    func validate() throws {
        if workbook == nil && (measure == nil || status == nil) { throw ValidationError(Messages.followOneOrMany) }
        if workbook != nil && (measure != nil || status != nil || on != nil || evidence != nil || note != nil) {
            throw ValidationError(Messages.followFromReadsEveryRow)
        }
        if dryRun && workbook == nil { throw ValidationError(Messages.dryRunNeedsFrom) }
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
        plan.rows.map(TextRenderer.line).forEach(Console.out)
        let name = URL(fileURLWithPath: workbook).lastPathComponent
        let left = Messages.followUpRowsLeft(unchanged: plan.unchanged, settled: plan.settled.count)
        if dryRun {
            Console.out(Messages.followUpsWouldBeRecorded(plan.rows.count, visit: visit, left))
            return
        }
        if !plan.rows.isEmpty { try session.append(plan.rows.map(\.event)) }
        Console.out(Messages.followUpsRecorded(plan.rows.count, visit: visit, from: name, left))
    }
}

struct MeasureList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: Messages.measureListAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.textOrJSONHelp) var format: OutputFormat = .text

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
            if listed.isEmpty { Console.note(Messages.noMeasure(visit: visit)) }
        }
    }
}

struct MeasureStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: Messages.measureStatusAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.textJSONOrCSVHelp) var format: TableFormat = .text

    func run() throws {
        let r = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        let p = r.procedure
        let sheet = ComparisonReport.procedureSheets(r).first { $0.role == .measures }
        switch format {
        case .csv: if let sheet { Console.write(ReportRenderer.csv(sheet)) }
        case .json: Console.out(ReportRenderer.json(rowsOf: sheet))
        case .text:
            let measures = p.followUpOrder(today: r.today)
            TextRenderer.measureStatus(r).forEach(Console.out)
            Console.note(measures.isEmpty ? Messages.noMeasure(visit: visit) : p.statusCounts(measures, today: r.today))
        }
    }
}

struct MeasureSheet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet", abstract: Messages.measureSheetAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.workbookToWriteHelp) var xlsx: String
    @Flag(help: Messages.allowPersonalDataHelp) var allowPersonalData = false

    func run() throws {
        let record = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        let stamp = try PrivacyGate.export([record], allow: allowPersonalData, command: "measure sheet")
        guard var report = FollowUpReport.build(record, generatedBy: workspace.author) else {
            throw RegardsError.usage(Messages.noMeasureToFollow(visit: visit))
        }
        report.properties.custom += stamp
        try ReportOutput.write(report, to: xlsx)
    }
}
