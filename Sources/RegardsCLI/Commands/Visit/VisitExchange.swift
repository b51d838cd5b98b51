import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

struct VisitExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: Messages.visitExportAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.visitExportOutHelp) var out: String
    @Flag(help: Messages.visitExportAllowPersonalDataHelp) var allowPersonalData = false

    func run() throws {
        let session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        _ = try PrivacyGate.export([session.record], allow: allowPersonalData, command: "visit export")
        guard let bundle = try session.workspace.bundle(visit: visit, exportedAt: Clock.now(), exportedBy: workspace.author) else {
            throw RegardsError.missingInput(Messages.noVisit(visit, in: workspace.path))
        }
        try OutputFile.write(CanonicalJSON.encode(bundle, pretty: true) + Data("\n".utf8), to: out)
        Console.out(out)
        Console.note(Messages.visitExported(visit, answers: bundle.answers.count, observations: bundle.observations.count,
                                            journeys: bundle.journeys.count, actions: bundle.actions.count))
    }
}

struct VisitImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: Messages.visitImportAbstract,
        discussion: Messages.visitImportDiscussion)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitImportFileHelp) var file: String
    @Option(name: .customLong("as"), help: Messages.visitImportAsHelp) var newID: String?

    func run() throws {
        let data = try InputFile.bytes(file)
        var bundle = try VisitBundleReader.read(data, path: file) { snapshot in
            ProtocolLoader().load(bytes: Array(snapshot.source.utf8), file: snapshot.file).contentHash
        }.get()
        let ws = try workspace.open(create: true)
        if let newID {
            guard try ws.visit(newID) == nil else { throw RegardsError.usage(Messages.visitExistsHere(newID)) }
            bundle = bundle.renamed(to: newID, uid: UID.make())
        }
        let plan = try VisitTransfer.merge(bundle, into: ws)
        VisitTransfer.summary(plan, visit: bundle.visit.id, source: file).forEach { Console.out($0) }
    }
}
