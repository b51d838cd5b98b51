import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

struct VisitExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a self-contained JSON bundle of a visit: answers with their history, observations, journeys, actions, protocol snapshots.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: ArgumentHelp("The bundle to write.", valueName: "FILE.json")) var out: String
    @Flag(help: "Export even though personal-data findings are not reviewed.") var allowPersonalData = false

    func run() throws {
        let session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        _ = try PrivacyGate.export([session.record], allow: allowPersonalData, command: "visit export")
        guard let bundle = try session.workspace.bundle(visit: visit, exportedAt: Clock.now(), exportedBy: workspace.author) else {
            throw RegardsError.missingInput("no visit `\(visit)` in \(workspace.path)")
        }
        try OutputFile.write(CanonicalJSON.encode(bundle, pretty: true) + Data("\n".utf8), to: out)
        Console.out(out)
        Console.note("visit \(visit): \(bundle.answers.count) answer event(s), \(bundle.observations.count) observation(s), "
                      + "\(bundle.journeys.count) journey entr(y/ies), \(bundle.actions.count) action(s)")
    }
}

struct VisitImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring a visit bundle into this workspace; a newer copy of a visit already here is merged, conflicting edits reported.",
        discussion: "Both sides of a conflicting edit are kept in the history; the later one is the current answer.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The bundle (written by `visit export`).") var file: String
    @Option(name: .customLong("as"), help: "Import under this visit id (a copy beside a different visit with the same id).") var newID: String?

    func run() throws {
        let data = try InputFile.bytes(file)
        var bundle = try VisitBundleReader.read(data, path: file) { snapshot in
            ProtocolLoader().load(bytes: Array(snapshot.source.utf8), file: snapshot.file).contentHash
        }.get()
        let ws = try workspace.open(create: true)
        if let newID {
            guard try ws.visit(newID) == nil else { throw RegardsError.usage("visit `\(newID)` already exists here") }
            bundle = bundle.renamed(to: newID, uid: UID.make())
        }
        let plan = try VisitTransfer.merge(bundle, into: ws)
        VisitTransfer.summary(plan, visit: bundle.visit.id, source: file).forEach { Console.out($0) }
    }
}
