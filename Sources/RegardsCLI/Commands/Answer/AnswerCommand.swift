import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

struct AnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Record one answer, or a whole CSV file of answers in one transaction.",
        discussion: """
        VALUE is a level's number or label, `nc` (non concerné) or `nv` (non évalué). \
        With --from, the file has a header row `criterion,value,comment,evidence` (optional columns `grid`, `reason`); \
        it is checked completely first, then written in one transaction: one bad row refuses the whole file, every bad row listed.

        With --from FILE.xlsx, the file is a fill-in grid written by `regards sheet` and filled in a spreadsheet: its stamps must be \
        this visit's and its protocol's; only the rows changed since it was written are recorded (reason « import de FILE.xlsx »); \
        an answer changed both in the workspace and in the workbook is a conflict, refused unless --prefer says which side to keep.

        With --scorer NAME (double scoring), the answers go into NAME's independent scoring of the visit: kept apart from the \
        visit's own answers and from any other scorer's, until `regards reconcile` records the consensus. A fill-in workbook \
        written with `regards sheet --scorer NAME` goes back into NAME's scoring by itself.
        """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @OptionGroup var scoring: ScorerOption
    @Argument(help: "The visit id (omit it with a campaign file whose `visit` column names each row's visit).") var visit: String?
    @Argument(help: "The criterion id.") var criterion: String?
    @Argument(help: "The answer.") var value: String?
    @Option(help: "evaluation or control (needed only if both grids have the criterion).") var grid: ProtocolKind?
    @Option(help: "A comment.") var comment: String?
    @Option(help: "The evidence seen (document, observation …).") var evidence: String?
    @Option(help: "Why the answer changes (kept in the history).") var reason: String?
    @Option(name: .customLong("from"), help: ArgumentHelp("A CSV file of answers, or a fill-in grid filled in a spreadsheet.", valueName: "FILE.csv|FILE.xlsx")) var csv: String?
    @Option(help: ArgumentHelp("With a workbook: the side kept for an answer changed in both (workbook or workspace).", valueName: "side")) var prefer: FillInImport.Preference?
    @Flag(help: "With a workbook: print what would change, write nothing.") var dryRun = false

    func validate() throws {
        if csv == nil && (visit == nil || criterion == nil || value == nil) { throw ValidationError("give VISIT, CRITERION and VALUE, or --from FILE.csv") }
        if csv != nil && (criterion != nil || value != nil) { throw ValidationError("--from replaces CRITERION and VALUE; give one or the other") }
        if (prefer != nil || dryRun) && !(csv.map(InputFile.isWorkbook) ?? false) { throw ValidationError("--prefer and --dry-run go with --from FILE.xlsx") }
        if visit == nil && scoring.scorer != nil { throw ValidationError("--scorer goes with one VISIT, not a campaign file") }
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
        Console.out("\(c.id) = \(answer.label(in: scale))" + (event.previous.map { " (avant : \($0.label(in: scale)))" } ?? "")
                    + (event.scorer.map { " — évaluation indépendante de \($0)" } ?? ""))
    }

    func changes(_ rows: [AnswerBatch.Row]) -> [AnswerChange] {
        rows.map { AnswerChange(uid: UID.make(), grid: $0.grid, criterion: $0.criterion, value: $0.value, comment: $0.comment, evidence: $0.evidence, reason: $0.reason ?? reason) }
    }

    /// A campaign file: each row names its visit; every row of every visit is checked, then all are written in one transaction.
    func runCampaign(_ path: String) throws {
        let table = try InputFile.csv(path)
        guard table.header.contains("visit") else {
            throw RegardsError.usage("\(path): without VISIT, the file needs a `visit` column naming each row's visit")
        }
        let ws = try workspace.open()
        let batches = try AnswerBatch.readCampaign(table, visit: { id in
            try ws.visit(id).map { (visit: $0, grids: try PinnedProtocols.grids($0, ws)) }
        }, unknownVisit: { "no visit `\($0)` in \(workspace.path)" }).mapError { RegardsError.refused(path, $0.list) }.get()
        let count = try ws.recordAnswers(batches.map { ($0.visit, changes($0.rows)) }, author: workspace.author, at: Clock.now())
        Console.out("\(count) answer(s) recorded for \(batches.count) visit(s)")
    }

    func runBatch(_ path: String, _ session: inout VisitSession) throws {
        if let head = try? InputFile.bytes(path).prefix(4096), FillInImport.isSavedGrid(Array(head)) {
            throw RegardsError.badData("\(path): a fill-in grid saved as CSV, which loses its stamps: import the .xlsx workbook itself (--from FILE.xlsx)")
        }
        let table = try InputFile.csv(path)
        try session.score(as: scoring.scorer, grid: grid)
        let rows = try AnswerBatch.read(table, grids: session.record.grids, context: session.visit.conditionContext).mapError { RegardsError.refused(path, $0.list) }.get()
        _ = try session.record(changes(rows))
        Console.out("\(rows.count) answer(s) recorded for visit \(session.visit.id)" + (session.record.scorer.map { " (\($0)'s independent scoring)" } ?? ""))
    }

    /// A fill-in grid filled in a spreadsheet: its changes only, in one transaction.
    func runWorkbook(_ path: String, _ session: inout VisitSession) throws {
        let workbook = try InputFile.workbook(path)
        let name = URL(fileURLWithPath: path).lastPathComponent
        try session.score(as: try WorkbookStamps(workbook)?.scoring(wanted: scoring.scorer, path: path), grid: nil)
        let plan = try FillInImport.read(workbook, path: path, record: session.record, grid: grid, prefer: prefer,
                                         reason: reason ?? "import de \(name)", makeID: UID.make)
        if plan.sorted { Console.warning("\(path): the rows are not in the grid's order (sorted?); each was matched by its criterion") }
        for conflict in plan.conflicts {
            Console.note("\(path):\(conflict.location): conflict: \(FillInImport.describe(conflict, session.record.grids)); kept: the \(conflict.kept?.rawValue ?? "?")")
        }
        for line in FillInImport.lines(plan, session.record.grids) { Console.out(line) }
        let unchanged = "\(plan.unchanged) row(s) unchanged" + (plan.conflicts.isEmpty ? "" : ", \(plan.conflicts.count) conflict(s) kept from the \(prefer?.rawValue ?? "?")")
        if dryRun {
            Console.out("\(plan.changes.count) answer(s) would be recorded for visit \(session.visit.id) (\(unchanged)); nothing was written (--dry-run)")
            return
        }
        if !plan.changes.isEmpty { _ = try session.record(plan.changes.map(\.change)) }
        Console.out("\(plan.changes.count) answer(s) recorded for visit \(session.visit.id)" + (session.record.scorer.map { " (\($0)'s independent scoring)" } ?? "")
                    + " from \(name) (\(unchanged))")
    }
}
