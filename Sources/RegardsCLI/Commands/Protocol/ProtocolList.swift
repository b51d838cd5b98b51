import ArgumentParser
import RegardsCore
import RegardsProtocols

struct ProtocolList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the protocols and workflows of the protocol folders.")

    @OptionGroup var folders: ProtocolFolderOptions
    @Option(help: "text or json") var format: OutputFormat = .text

    struct Row: Encodable {
        var id: String
        var version: String
        var kind: String
        var title: String
        var file: String
        var criteria: Int?
        var states: Int?
        var errors: Int
        var hash: String?
    }

    func run() throws {
        let repository = try folders.repository()
        let rows = repository.files.map { f in
            Row(id: f.id ?? "?", version: f.version?.description ?? "?",
                kind: f.grid?.kind.rawValue ?? (f.workflow != nil ? "workflow" : "?"),
                title: f.grid?.title ?? f.workflow?.title ?? "(unreadable)", file: f.file,
                criteria: f.grid?.criteriaCount, states: f.workflow?.states.count,
                errors: f.diagnostics.filter { $0.severity == .error }.count, hash: f.contentHash)
        }
        switch format {
        case .json:
            Console.out(CanonicalJSON.string(rows))
        case .text:
            if rows.isEmpty {
                Console.note("no protocol files in \(folders.searchPath.joined(separator: ", "))")
                return
            }
            let table = [["ID", "VERSION", "KIND", "ITEMS", "TITLE", "FILE"]] + rows.map { r in
                [r.id, r.version, r.kind, r.criteria.map { "\($0) critères" } ?? r.states.map { "\($0) états" } ?? "—",
                 r.errors > 0 ? "\(r.title) [\(r.errors) erreur(s)]" : r.title, r.file]
            }
            TextRenderer.table(table).forEach(Console.out)
        }
    }
}
