import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

extension GridKind: ExpressibleByArgument {}

struct AnswerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "answer",
        abstract: "Record one answer, or a whole CSV file of answers in one transaction.",
        discussion: """
        VALUE is a level's number or label, `nc` (non concerné) or `nv` (non évalué). \
        With --from, the file has a header row `criterion,value,comment,evidence` (optional columns `grid`, `reason`); \
        it is checked completely first, then written in one transaction: one bad row refuses the whole file, every bad row listed.
        """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id (omit it with a campaign file whose `visit` column names each row's visit).") var visit: String?
    @Argument(help: "The criterion id.") var criterion: String?
    @Argument(help: "The answer.") var value: String?
    @Option(help: "evaluation or control (needed only if both grids have the criterion).") var grid: GridKind?
    @Option(help: "A comment.") var comment: String?
    @Option(help: "The evidence seen (document, observation …).") var evidence: String?
    @Option(help: "Why the answer changes (kept in the history).") var reason: String?
    @Option(name: .customLong("from"), help: ArgumentHelp("A CSV file of answers.", valueName: "FILE.csv")) var csv: String?

    func validate() throws {
        if csv == nil && (visit == nil || criterion == nil || value == nil) { throw ValidationError("give VISIT, CRITERION and VALUE, or --from FILE.csv") }
        if csv != nil && (criterion != nil || value != nil) { throw ValidationError("--from replaces CRITERION and VALUE; give one or the other") }
    }

    func run() throws {
        guard let visit else {
            if let csv { try runCampaign(csv) }
            return
        }
        var session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        let context = session.visit.conditionContext
        if let csv {
            try runBatch(csv, &session, context)
            return
        }
        guard let criterion, let value else { return }
        switch session.record.grids.interpret(value, criterion: criterion, grid: grid, context: context) {
        case .failure(let refusal):
            throw fail(refusal.description, code: Exit.badData)
        case .success(let (kind, c, answer)):
            let change = AnswerChange(uid: UID.make(), grid: kind, criterion: c.id, value: answer, comment: comment, evidence: evidence, reason: reason)
            let event = try session.record([change])[0]
            let scale = session.record.grids.grid(kind)?.scale(c.scale)
            Console.out("\(c.id) = \(answer.label(in: scale))" + (event.previous.map { " (avant : \($0.label(in: scale)))" } ?? ""))
        }
    }

    /// A campaign file: each row names its visit; every row of every visit is checked, then all are written in one transaction.
    func runCampaign(_ path: String) throws {
        let table = try FieldBatch.table(path)
        guard let visitColumn = table.header.firstIndex(of: "visit") else {
            throw fail("\(path): without VISIT, the file needs a `visit` column naming each row's visit", code: Exit.usage)
        }
        var order: [String] = []
        var byVisit: [String: [CSVTable.Row]] = [:]
        for row in table.rows {
            let id = visitColumn < row.fields.count ? row.fields[visitColumn].trimmedSpaces : ""
            if byVisit[id] == nil { order.append(id) }
            byVisit[id, default: []].append(row)
        }
        let ws = try workspace.open()
        var problems: [(line: Int, message: String)] = []
        var batches: [(visit: String, changes: [AnswerChange])] = []
        for id in order {
            let rows = byVisit[id] ?? []
            guard let visit = try store({ try ws.visit(id) }) else {
                rows.forEach { problems.append(($0.line, id.isEmpty ? "empty visit" : "no visit `\(id)` in \(workspace.path)")) }
                continue
            }
            // Answers are checked against the visit's pinned grids and context; nothing else of the visit is needed.
            switch AnswerBatch.read(CSVTable(header: table.header, rows: rows), grids: try VisitSession.grids(visit, ws), context: visit.conditionContext) {
            case .failure(let refusal): problems += refusal.problems.map { ($0.line, "\(id): \($0.message)") }
            case .success(let answers):
                batches.append((id, answers.map { AnswerChange(uid: UID.make(), grid: $0.grid, criterion: $0.criterion, value: $0.value, comment: $0.comment,
                                                              evidence: $0.evidence, reason: $0.reason ?? reason) }))
            }
        }
        problems.sort { $0.line < $1.line }
        try FieldBatch.refuse(path, problems.map { FieldBatch.Problem(line: $0.line, message: $0.message) })
        let count = try store { try ws.recordAnswers(batches, author: workspace.author, at: Clock.now()) }
        Console.out("\(count) answer(s) recorded for \(batches.count) visit(s)")
    }

    func runBatch(_ path: String, _ session: inout VisitSession, _ context: [String: Condition.Value]) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw fail("\(path): is a folder, not a CSV file", code: Exit.usage)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw fail("\(path): no such file", code: FileManager.default.fileExists(atPath: path) ? Exit.ioError : Exit.missingInput)
        }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            throw fail("\(path): not UTF-8 text; save the file as UTF-8 (CSV UTF-8 in a spreadsheet)", code: Exit.badData)
        }
        let table: CSVTable
        do {
            table = try CSVTable.parse(text)
        } catch {
            throw fail("\(path):\(error.line): \(error.message)", code: Exit.badData)
        }
        switch AnswerBatch.read(table, grids: session.record.grids, context: context) {
        case .failure(let refusal):
            // Every bad row up to a hundred; past that, the count (a wrong file, not a few typos).
            refusal.problems.prefix(100).forEach { Console.error("\(path):\($0.line): error: \($0.message)") }
            if refusal.problems.count > 100 { Console.error("\(path): … and \(refusal.problems.count - 100) more bad row(s)") }
            throw fail("\(path): \(refusal.problems.count) bad row(s); nothing was written", code: Exit.badData)
        case .success(let rows):
            let changes = rows.map { AnswerChange(uid: UID.make(), grid: $0.grid, criterion: $0.criterion, value: $0.value, comment: $0.comment,
                                                  evidence: $0.evidence, reason: $0.reason ?? reason) }
            _ = try session.record(changes)
            Console.out("\(rows.count) answer(s) recorded for visit \(session.visit.id)")
        }
    }
}
