import ArgumentParser
import RegardsCore
import RegardsProtocols

struct ProtocolList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: Messages.protocolListAbstract)

    @OptionGroup var folders: ProtocolFolderOptions
    @Option(help: Messages.textOrJSONHelp) var format: OutputFormat = .text

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
                title: f.grid?.title ?? f.workflow?.title ?? Messages.unreadableTitle, file: f.file,
                criteria: f.grid?.criteriaCount, states: f.workflow?.states.count,
                errors: f.diagnostics.filter { $0.severity == .error }.count, hash: f.contentHash)
        }
        switch format {
        case .json:
            Console.out(CanonicalJSON.string(rows))
        case .text:
            if rows.isEmpty {
                Console.note(Messages.noProtocolFiles(in: folders.searchPath.joined(separator: ", ")))
                return
            }
            let table = [["ID", "VERSION", "KIND", "ITEMS", "TITLE", "FILE"]] + rows.map { r in
                [r.id, r.version, r.kind, r.criteria.map(Messages.criteriaCount) ?? r.states.map(Messages.statesCount) ?? "—",
                 r.errors > 0 ? Messages.titleWithErrors(r.title, errors: r.errors) : r.title, r.file]
            }
            TextRenderer.table(table).forEach(Console.out)
        }
    }
}
