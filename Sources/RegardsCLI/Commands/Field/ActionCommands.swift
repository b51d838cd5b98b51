import ArgumentParser
import Foundation
import RegardsCore

struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "action", abstract: Messages.actionAbstract,
                                                    subcommands: [ActionAdd.self, ActionList.self, ActionSet.self])
}

struct ActionAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: Messages.actionAddAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.actionTitleHelp) var title: String?
    @Option(name: .customLong("from"), help: Messages.actionFromHelp)
    var batch: String?
    @Option(help: Messages.actionOwnerHelp) var owner: String?
    @Option(help: Messages.actionDueHelp) var due: String?
    @Option(help: Messages.actionCriteriaHelp) var criteria: String?

    func validate() throws {
        if (batch == nil) == (title == nil) { throw ValidationError(Messages.actionOneOrMany) }
    }

    func run() throws {
        let session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        if let batch {
            let list = try FieldRecordReader.actions(InputFile.csv(batch), session.record, session.stamp).mapError { RegardsError.refused(batch, $0.list) }.get()
            let saved = try session.workspace.addActions(list)
            Console.out(Messages.actionsAdded(saved.count, visit: visit))
            return
        }
        let fields = FieldRecordReader.fields([("title", title), ("owner", owner), ("due", due), ("criteria", criteria)])
        let action = try FieldRecordReader.action(fields, session.record, session.stamp, source: .commandLine).get()
        let saved = try session.workspace.addAction(action)
        Console.out("#\(saved.number) \(saved.title)")
    }
}

struct ActionList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: Messages.actionListAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String

    func run() throws {
        let r = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        for a in r.actions {
            Console.out(TextRenderer.line(a))
        }
        let lacking = r.imperativesWithoutAction
        if !lacking.isEmpty { Console.out(Messages.imperativesWithoutAction(lacking.joined(separator: ", "))) }
        if r.actions.isEmpty && lacking.isEmpty { Console.note(Messages.noAction(visit: visit)) }
    }
}

struct ActionSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: Messages.actionSetAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Argument(help: Messages.actionNumberHelp) var number: String
    @Option(help: Messages.actionStatusHelp) var status: ActionStatus
    @Option(help: Messages.whyHelp) var reason: String?

    func run() throws {
        guard let n = Int(number.hasPrefix("#") ? String(number.dropFirst()) : number) else { throw RegardsError.usage(Messages.notAnActionNumber(number)) }
        let ws = try workspace.open()
        try ws.setActionStatus(visit: visit, number: n, status: status, uid: UID.make(), author: workspace.author, at: Clock.now(), reason: reason)
        Console.out("#\(n) \(status.rawValue)")
    }
}
