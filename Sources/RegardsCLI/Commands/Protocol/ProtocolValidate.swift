import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

struct ProtocolValidate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: Messages.protocolValidateAbstract,
        discussion: Messages.protocolValidateDiscussion)

    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.protocolValidateFilesHelp) var files: [String] = []

    func run() throws {
        var repository: ProtocolRepository
        let checked: [String]
        if files.isEmpty {
            repository = try folders.repository()
            if repository.files.isEmpty {
                throw RegardsError.missingInput(Messages.noProtocolFiles(in: folders.searchPath.joined(separator: ", ")))
            }
            checked = repository.files.map(\.file)
        } else {
            // The named files are checked; the folders only resolve what they reference.
            repository = (try? ProtocolRepository(directories: folders.searchPath.filter { FileManager.default.fileExists(atPath: $0) }))
                ?? ProtocolRepository()
            let loaded = try files.map { path throws(ProtocolRepositoryError) in try ProtocolRepository.load(path) }
            repository.prepend(loaded)
            checked = loaded.map(\.file)
        }
        let shown = Set(checked)
        let diagnostics = repository.allDiagnostics().filter { shown.contains($0.location.file) }
        diagnostics.forEach { Console.out($0.rendered) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        Console.note(Messages.filesChecked(checked.count, errors: errors, warnings: warnings))
        if errors > 0 { throw RegardsError.problemsFound }
    }
}
