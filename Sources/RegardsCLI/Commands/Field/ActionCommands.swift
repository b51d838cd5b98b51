import ArgumentParser
import Foundation
import RegardsCore

struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "action", abstract: "Improvement paths (pistes d'amélioration) agreed with the establishment.",
                                                    subcommands: [ActionAdd.self, ActionList.self, ActionSet.self])
}

struct ActionAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an improvement path.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "What will be done.") var title: String?
    @Option(name: .customLong("from"), help: ArgumentHelp("Add many actions: a CSV file with the columns title,owner,due,criteria,status (criteria separated by `;`), all or nothing.", valueName: "FILE.csv"))
    var batch: String?
    @Option(help: "Who carries it.") var owner: String?
    @Option(help: "By when (YYYY-MM-DD).") var due: String?
    @Option(help: "Criteria it answers, comma-separated.") var criteria: String?

    func validate() throws {
        if (batch == nil) == (title == nil) { throw ValidationError("give --title (one action) or --from FILE.csv") }
    }

    func run() throws {
        let session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        if let batch {
            let list = try FieldRecordReader.actions(InputFile.csv(batch), session.record, session.stamp).mapError { RegardsError.refused(batch, $0.list) }.get()
            let saved = try session.workspace.addActions(list)
            Console.out("\(saved.count) action(s) added to visit \(visit)")
            return
        }
        let fields = FieldRecordReader.fields([("title", title), ("owner", owner), ("due", due), ("criteria", criteria)])
        let action = try FieldRecordReader.action(fields, session.record, session.stamp, source: .commandLine).get()
        let saved = try session.workspace.addAction(action)
        Console.out("#\(saved.number) \(saved.title)")
    }
}

struct ActionList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a visit's improvement paths, and imperative criteria still without one.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String

    func run() throws {
        let r = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        for a in r.actions {
            Console.out("#\(a.number)  [\(a.status.rawValue)]  \(a.title)  — \(a.owner ?? "sans responsable"), \(a.due.map { "échéance \($0)" } ?? "sans échéance")"
                        + (a.criteria.isEmpty ? "" : "  → \(a.criteria.joined(separator: ", "))"))
        }
        let lacking = r.imperativesWithoutAction
        if !lacking.isEmpty { Console.out("⚠ critères impératifs sous le niveau maximal sans piste : \(lacking.joined(separator: ", "))") }
        if r.actions.isEmpty && lacking.isEmpty { Console.note("no action for visit \(visit)") }
    }
}

struct ActionSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Change the status of an improvement path.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Argument(help: "The action's number (#1 …).") var number: String
    @Option(help: "open, in-progress, done or dropped") var status: ActionStatus
    @Option(help: "Why (kept in the history).") var reason: String?

    func run() throws {
        guard let n = Int(number.hasPrefix("#") ? String(number.dropFirst()) : number) else { throw RegardsError.usage("`\(number)` is not an action number") }
        let ws = try workspace.open()
        try ws.setActionStatus(visit: visit, number: n, status: status, uid: UID.make(), author: workspace.author, at: Clock.now(), reason: reason)
        Console.out("#\(n) \(status.rawValue)")
    }
}
