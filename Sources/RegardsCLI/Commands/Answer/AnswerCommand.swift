import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

struct AnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: Messages.answerAbstract,
        discussion: Messages.answerDiscussion)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @OptionGroup var scoring: ScorerOption
    @Argument(help: Messages.answerVisitHelp) var visit: String?
    @Argument(help: Messages.answerCriterionHelp) var criterion: String?
    @Argument(help: Messages.answerValueHelp) var value: String?
    @Option(help: Messages.answerGridHelp) var grid: ProtocolKind?
    @Option(help: Messages.answerCommentHelp) var comment: String?
    @Option(help: Messages.answerEvidenceHelp) var evidence: String?
    @Option(help: Messages.answerReasonHelp) var reason: String?
    @Option(name: .customLong("from"), help: Messages.answerFromHelp) var csv: String?
    @Option(help: Messages.answerPreferHelp) var prefer: FillInImport.Preference?
    @Flag(help: Messages.answerDryRunHelp) var dryRun = false

    func validate() throws {
        if csv == nil && (visit == nil || criterion == nil || value == nil) { throw ValidationError(Messages.answerNeedsValue) }
        if csv != nil && (criterion != nil || value != nil) { throw ValidationError(Messages.answerFromReplacesValue) }
        if (prefer != nil || dryRun) && !(csv.map(InputFile.isWorkbook) ?? false) { throw ValidationError(Messages.answerPreferNeedsWorkbook) }
        if visit == nil && scoring.scorer != nil { throw ValidationError(Messages.answerScorerNeedsVisit) }
    }

    func run() throws {
        guard let visit else {
            if let csv { try runCampaign(csv) }
            return
        }
        var session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        if let csv {
            try InputFile.isWorkbook(csv) ? runWorkbook(csv, &session) : runBatch(csv, &session)
            return
        }
        try session.score(as: scoring.scorer, grid: grid)
        guard let criterion, let value else { return }
        let (kind, c, answer) = try session.record.grids.interpret(value, criterion: criterion, grid: grid, context: session.visit.conditionContext).get()
        let event = try session.record([AnswerChange(uid: UID.make(), grid: kind, criterion: c.id, value: answer, comment: comment, evidence: evidence, reason: reason)])[0]
        let scale = session.record.grids.scale(c.scale, in: kind)
        Console.out(AnswerChangeLine.line(c.id, now: answer.label(in: scale), before: event.previous.map { .some($0.label(in: scale)) }, scorer: event.scorer))
    }

    func changes(_ rows: [AnswerBatch.Row]) -> [AnswerChange] {
        rows.map { AnswerChange(uid: UID.make(), grid: $0.grid, criterion: $0.criterion, value: $0.value, comment: $0.comment, evidence: $0.evidence, reason: $0.reason ?? reason) }
    }

    /// A campaign file: each row names its visit; every row of every visit is checked, then all are written in one transaction.
    func runCampaign(_ path: String) throws {
        let table = try InputFile.csv(path)
        guard table.header.contains("visit") else {
            throw RegardsError.usage(Messages.campaignFileNeedsVisitColumn(path))
        }
        let ws = try workspace.open()
        let batches = try AnswerBatch.readCampaign(table, visit: { id in
            try ws.visit(id).map { (visit: $0, grids: try PinnedProtocols.grids($0, ws)) }
        }, unknownVisit: { Messages.noVisit($0, in: workspace.path) }).mapError { RegardsError.refused(path, $0.list) }.get()
        let count = try ws.recordAnswers(batches.map { ($0.visit, changes($0.rows)) }, author: workspace.author, at: Clock.now())
        Console.out(Messages.answersRecorded(count, visits: batches.count))
    }

    func runBatch(_ path: String, _ session: inout VisitSession) throws {
        if let head = try? InputFile.bytes(path).prefix(4096), FillInImport.isSavedGrid(Array(head)) {
            throw RegardsError.badData(Messages.fillInGridSavedAsCSV(path))
        }
        let table = try InputFile.csv(path)
        try session.score(as: scoring.scorer, grid: grid)
        let rows = try AnswerBatch.read(table, grids: session.record.grids, context: session.visit.conditionContext).mapError { RegardsError.refused(path, $0.list) }.get()
        _ = try session.record(changes(rows))
        Console.out(Messages.answersRecorded(rows.count, visit: session.visit.id) + (session.record.scorer.map(Messages.intoScoring) ?? ""))
    }

    /// A fill-in grid filled in a spreadsheet: its changes only, in one transaction.
    func runWorkbook(_ path: String, _ session: inout VisitSession) throws {
        let workbook = try InputFile.workbook(path)
        let name = URL(fileURLWithPath: path).lastPathComponent
        try session.score(as: try WorkbookStamps(workbook)?.scoring(wanted: scoring.scorer, path: path), grid: nil)
        let plan = try FillInImport.read(workbook, path: path, record: session.record, grid: grid, prefer: prefer,
                                         reason: reason ?? "import de \(name)", makeID: UID.make)
        if plan.sorted { Console.warning(Messages.rowsNotInGridOrder(path)) }
        for conflict in plan.conflicts {
            Console.note(Messages.importConflict(path, conflict.location, FillInImport.describe(conflict, session.record.grids), kept: conflict.kept?.rawValue ?? "?"))
        }
        for line in FillInImport.lines(plan, session.record.grids) { Console.out(line) }
        let unchanged = Messages.unchangedRows(plan.unchanged) + (plan.conflicts.isEmpty ? "" : Messages.conflictsKept(plan.conflicts.count, from: prefer?.rawValue ?? "?"))
        if dryRun {
            Console.out(Messages.answersWouldBeRecorded(plan.changes.count, visit: session.visit.id, unchanged))
            return
        }
        if !plan.changes.isEmpty { _ = try session.record(plan.changes.map(\.change)) }
        Console.out(Messages.answersRecorded(plan.changes.count, visit: session.visit.id) + (session.record.scorer.map(Messages.intoScoring) ?? "")
                    + Messages.fromWorkbook(name, unchanged))
    }
}
