import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

/// Exit codes, after BSD sysexits.
enum Exit {
    static let problems: Int32 = 1
    static let usage: Int32 = 64
    static let badData: Int32 = 65
    static let missingInput: Int32 = 66
    static let ioError: Int32 = 74
}

/// Options every protocol command shares.
struct ProtocolFolderOptions: ParsableArguments {
    @Option(name: .customLong("protocols"), help: ArgumentHelp(
        "A protocol folder (repeatable, searched in order).",
        discussion: "Default: ./Protocols, then <bin>/../share/regards/Protocols, then the Protocols folder of the source tree the binary was built from.",
        valueName: "DIR"))
    var directories: [String] = []

    var searchPath: [String] { directories.isEmpty ? ProtocolRepository.defaultDirectories() : directories }

    func repository() throws -> ProtocolRepository {
        do {
            return try ProtocolRepository(directories: searchPath)
        } catch {
            throw fail(error.description, code: Exit.missingInput)
        }
    }
}

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Writes `regards: error: message` to stderr and returns the exit to throw.
func fail(_ message: String, code: Int32) -> ExitCode {
    Console.error("regards: error: \(message)")
    return ExitCode(code)
}

func fail(_ error: ProtocolRepositoryError) -> ExitCode {
    switch error {
    case .missingFile, .missingDirectory, .unknownProtocol, .unknownVersion: fail(error.description, code: Exit.missingInput)
    case .unreadable: fail(error.description, code: Exit.ioError)
    case .invalidSpecifier: fail(error.description, code: Exit.usage)
    }
}

enum Console {
    /// Set while `regards demo` runs the other commands: their ordinary output is not shown (errors are).
    @TaskLocal static var quiet = false

    static func out(_ text: String) {
        if quiet { return }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func error(_ text: String) {
        if quiet && !text.hasPrefix("regards: ") { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A prompt, on stderr, without a line break.
    static func prompt(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

extension ProtocolRepository {
    /// Resolves a specifier and refuses a file with errors (printing them), so commands work on sound models only.
    func sound(_ specifier: String) throws -> LoadedFile {
        let file: LoadedFile
        do {
            file = try resolve(specifier)
        } catch {
            throw fail(error)
        }
        let errors = file.diagnostics.filter { $0.severity == .error }.sortedForDisplay()
        guard errors.isEmpty, file.content != nil else {
            errors.forEach { Console.error($0.rendered) }
            throw fail("\(file.file) has \(errors.count) error(s); run `regards protocol validate \(file.file)`", code: Exit.badData)
        }
        return file
    }
}
