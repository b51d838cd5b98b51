import ArgumentParser
import RegardsCore
import RegardsProtocols

struct ProtocolReferences: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "references",
        abstract: "Print the sources table: every reference the protocols cite, what cites it, its status.",
        discussion: """
            Without PROTOCOL, reads the latest version of each protocol of the folders. The Markdown \
            output is docs/references.md: regards protocol references > docs/references.md
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, json }

    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "ID, ID@MAJOR, ID@VERSION or a file path (default: the latest version of each protocol).") var specifiers: [String] = []
    @Option(help: "md or json") var format: Format = .md

    func run() throws {
        let repository = try folders.repository()
        let grids = try specifiers.isEmpty ? repository.latestGrids() : specifiers.map { specifier in
            guard let grid = try repository.sound(specifier).grid else { throw RegardsError.badData("`\(specifier)` is a workflow, not a protocol") }
            return grid
        }
        let index = ReferenceIndex(grids)
        switch format {
        case .md: Console.out(String(index.markdown(command: "regards protocol references").dropLast()))
        case .json: Console.out(CanonicalJSON.string(index))
        }
    }
}
