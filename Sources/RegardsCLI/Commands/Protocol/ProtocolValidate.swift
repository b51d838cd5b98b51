import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

struct ProtocolValidate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check protocol and workflow files; print every problem as file:line:col.",
        discussion: "Without FILE, checks every file of the protocol folders. Exit 0 when there is no error (warnings allowed), 1 otherwise.")

    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "Files to check (default: every file of the protocol folders).") var files: [String] = []

    func run() throws {
        var repository: ProtocolRepository
        let checked: [String]
        if files.isEmpty {
            repository = try folders.repository()
            if repository.files.isEmpty {
                throw RegardsError.missingInput("no protocol files in \(folders.searchPath.joined(separator: ", "))")
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
        Console.note("\(checked.count) file(s) checked: \(errors) error(s), \(warnings) warning(s)")
        if errors > 0 { throw RegardsError.problemsFound }
    }
}
