import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols
import RegardsStore

struct VisitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visit",
        abstract: "Create, list and follow visits; move them through their phases; exchange them.",
        subcommands: [VisitNew.self, VisitList.self, VisitShow.self, VisitStatus.self, VisitLog.self, VisitAdvance.self, VisitExport.self, VisitImport.self])
}

struct VisitNew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a visit, pinned to its protocols (id, version, content hash and a copy of the text).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Option(help: "The establishment's name.") var establishment: String
    @Option(help: "Its FINESS number (9 characters, checked).") var finess: String
    @Option(help: "Visit id (default: YEAR-NNN).") var id: String?
    @Option(help: "First day on site (YYYY-MM-DD).") var start: String?
    @Option(help: "Last day on site (YYYY-MM-DD).") var end: String?
    @Option(help: "Inspectors, comma-separated.") var inspectors: String?
    @Option(help: "Campaign the visit belongs to (a region, a year).") var campaign: String?
    @Option(help: "Evaluation protocol (ID, ID@VERSION or file).") var evaluation = "chrs-acces-aux-droits"
    @Option(help: "Control protocol (default: the one the evaluation protocol compares with).") var control: String?
    @Option(name: .customLong("context"), help: ArgumentHelp("A context variable, NAME=VALUE (repeatable), e.g. hebergement=diffus.", valueName: "NAME=VALUE"))
    var contextValues: [String] = []

    func run() throws {
        let finessNumber: String
        switch Finess.check(finess) {
        case .valid(let f): finessNumber = f.value
        case .unverified(let f, let reason):
            Console.error("regards: warning: \(reason)")
            finessNumber = f.value
        case .invalid(let reason): throw fail("--finess: \(reason)", code: Exit.badData)
        }
        let startDate = try start.map { try parseDate($0, option: "--start") }
        let endDate = try end.map { try parseDate($0, option: "--end") }
        if let startDate, let endDate, endDate < startDate {
            throw fail("--end \(endDate) is before --start \(startDate)", code: Exit.usage)
        }
        let repository = try folders.repository()
        let evaluationFile = try repository.sound(evaluation)
        guard let eval = evaluationFile.grid, eval.kind == .evaluation else {
            throw fail("`\(evaluation)` is not an evaluation protocol", code: Exit.badData)
        }
        var files = [evaluationFile]
        var controlGrid: AuditProtocol?
        if let control {
            let file = try repository.sound(control)
            guard let grid = file.grid, grid.kind == .control else { throw fail("`\(control)` is not a control protocol", code: Exit.badData) }
            files.append(file)
            controlGrid = grid
        } else if let reference = eval.comparesWith {
            let file = try repository.sound("\(reference.id)@\(reference.major)")
            files.append(file)
            controlGrid = file.grid
        }
        var workflowFile: LoadedFile?
        if let workflowID = eval.workflow {
            workflowFile = try repository.sound(workflowID)
            files.append(workflowFile!)
        }
        let context = try parseContext(eval, controlGrid)
        let snapshots = try files.map { file -> ProtocolSnapshot in
            guard let source = FileManager.default.contents(atPath: file.file).map({ String(decoding: $0, as: UTF8.self) }),
                  let hash = file.contentHash, let id = file.id, let version = file.version else {
                throw fail("\(file.file): cannot read", code: Exit.ioError)
            }
            let kind = file.grid?.kind.rawValue ?? "workflow"
            return ProtocolSnapshot(hash: hash, id: id, version: version.description, kind: kind, file: file.file, source: source)
        }
        let ws = try workspace.open(create: true)
        let visitID = try id ?? nextID(ws, year: (startDate ?? Clock.today()).year)
        guard visitID.range(of: "^[A-Za-z0-9][A-Za-z0-9._-]*$", options: .regularExpression) != nil else {
            throw fail("--id `\(visitID)`: use letters, digits, `.`, `_` or `-`", code: Exit.usage)
        }
        if try store({ try ws.visit(visitID) }) != nil {
            throw fail("visit `\(visitID)` already exists in \(workspace.path)", code: Exit.usage)
        }
        let visit = Visit(id: visitID, uid: UID.make(), establishment: establishment, finess: finessNumber, startDate: startDate, endDate: endDate,
                          inspectors: splitList(inspectors), campaign: campaign, evaluation: snapshots[0].pin,
                          control: controlGrid == nil ? nil : snapshots[1].pin, workflow: workflowFile == nil ? nil : snapshots.last?.pin,
                          state: workflowFile?.workflow?.initial ?? "en-cours", context: context, createdAt: Clock.now(), createdBy: workspace.author)
        try store { try ws.createVisit(visit, snapshots: snapshots) }
        Console.out(visitID)
        Console.error("visit \(visitID) created in \(workspace.path): \(visit.evaluation)" + (visit.control.map { " + \($0)" } ?? "") + ", phase \(visit.state)")
    }

    func nextID(_ ws: SQLiteWorkspace, year: Int) throws -> String {
        let prefix = "\(year)-"
        let numbers = try store { try ws.visitIDs(prefix: prefix) }.compactMap { Int($0.dropFirst(prefix.count)) }
        let next = (numbers.max() ?? 0) + 1
        return prefix + (next < 10 ? "00" : next < 100 ? "0" : "") + String(next)
    }

    func parseContext(_ eval: AuditProtocol, _ control: AuditProtocol?) throws -> [String: ContextValue] {
        let variables = eval.context + (control?.context ?? [])
        var out: [String: ContextValue] = [:]
        for item in contextValues {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw fail("--context `\(item)`: write NAME=VALUE", code: Exit.usage) }
            guard let variable = variables.first(where: { $0.id == parts[0] }) else {
                let hint = Suggestion.hint(for: parts[0], in: variables.map(\.id)).map { "; \($0)" } ?? ""
                throw fail("--context: `\(parts[0])` is not a context variable of `\(eval.reference)` (\(variables.map(\.id).joined(separator: ", ")))\(hint)", code: Exit.usage)
            }
            switch ContextValue.parse(parts[1], for: variable) {
            case .success(let value): out[variable.id] = value
            case .failure(let error): throw fail("--context: \(error.message)" + (error.hint.map { "; \($0)" } ?? ""), code: Exit.usage)
            }
        }
        return out
    }
}
