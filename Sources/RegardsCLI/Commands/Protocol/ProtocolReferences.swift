import ArgumentParser
import RegardsCore
import RegardsProtocols

struct ProtocolReferences: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "references",
        abstract: Messages.protocolReferencesAbstract,
        discussion: Messages.protocolReferencesDiscussion)

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, json }

    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.protocolReferencesSpecifiersHelp) var specifiers: [String] = []
    @Option(help: Messages.mdOrJSONHelp) var format: Format = .md

    func run() throws {
        let repository = try folders.repository()
        let grids = try specifiers.isEmpty ? repository.latestGrids() : specifiers.map { specifier in
            guard let grid = try repository.sound(specifier).grid else { throw RegardsError.badData(Messages.isAWorkflow(specifier)) }
            return grid
        }
        let index = ReferenceIndex(grids)
        // The command that writes docs/references.md, named in the document.
        let markdown = index.markdown(command: "regards protocol references")
        switch format {
        case .md: Console.out(String(markdown.dropLast()))
        case .json: Console.out(CanonicalJSON.string(index))
        }
    }
}
