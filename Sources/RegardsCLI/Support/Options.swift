import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

/// `--protocols DIR`, shared by every command that reads protocol files.
struct ProtocolFolderOptions: ParsableArguments {
    @Option(name: .customLong("protocols"), help: Messages.protocolsHelp)
    var directories: [String] = []

    var searchPath: [String] { directories.isEmpty ? ProtocolRepository.defaultDirectories() : directories }

    func repository() throws -> ProtocolRepository {
        try ProtocolRepository(directories: searchPath)
    }
}

/// `--db` and `--inspector`, shared by every command that reads or writes a workspace.
/// `--scorer NAME`: double scoring — the answers go into NAME's independent scoring of the visit,
/// kept apart from the visit's own answers, and only NAME's answers are shown.
struct ScorerOption: ParsableArguments {
    @Option(help: Messages.scorerHelp)
    var scorer: String?

    func validate() throws {
        guard let scorer else { return }
        if scorer.trimmingCharacters(in: .whitespaces).isEmpty || scorer.contains(where: \.isNewline) || scorer != scorer.trimmingCharacters(in: .whitespaces) {
            throw ValidationError(Messages.scorerNotAName(scorer))
        }
    }
}

struct WorkspaceOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: Messages.dbHelp)
    var db: String?

    @Option(help: Messages.inspectorHelp)
    var inspector: String?

    /// As given (a server's password included): only `location` reads it.
    private var given: String {
        db ?? Environment.value("REGARDS_DB") ?? "regards.sqlite"
    }

    /// The workspace as messages name it: the file, or the server with its password masked.
    var path: String { location.address.description }

    var author: String {
        if let inspector, !inspector.isEmpty { return inspector }
        if let name = Environment.value("REGARDS_INSPECTOR") { return name }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "inconnu"
    }

    var location: WorkspaceLocation { WorkspaceLocation(path: given) }

    func open(create: Bool = false) throws -> any Workspace {
        try location.open(create: create)
    }

    /// The visit, or a clear error naming the workspace (with the nearest id as a hint).
    func visit(_ id: String, in workspace: any Workspace) throws -> Visit {
        guard let visit = try workspace.visit(id) else {
            let known = (try? workspace.visits(campaign: nil).map(\.id)) ?? []
            throw RegardsError.missingInput(Messages.noVisit(id, in: path) + .hint(Suggestion.hint(for: id, in: known)))
        }
        return visit
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

extension ProtocolKind: ExpressibleByArgument {}
extension FillInImport.Preference: ExpressibleByArgument {}
extension ParticipantRole: ExpressibleByArgument {}
extension ActionStatus: ExpressibleByArgument {}

/// Values of comma-separated options (`--inspectors a,b`).
func splitList(_ text: String?) -> [String] {
    (text ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}

/// The settings read from the environment: a variable set to an empty string is not set.
enum Environment {
    static func value(_ name: String) -> String? {
        ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
    }
}
