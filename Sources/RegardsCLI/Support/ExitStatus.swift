import RegardsCore

/// Where an error becomes an exit code (after BSD sysexits), and where it is printed: once, at the
/// top of the program (`Regards.main`), never while it is being made.
enum ExitStatus {
    static let success: Int32 = 0

    static func code(for kind: RegardsError.Kind) -> Int32 {
        switch kind {
        case .problemsFound: 1
        case .usage: 64
        case .badData: 65
        case .missingInput: 66
        case .ioError: 74
        }
    }

    /// How the README's table and `regards --help` name each code.
    static func meaning(of kind: RegardsError.Kind) -> (name: String, example: String?) {
        switch kind {
        case .problemsFound: ("problems found", nil)
        case .usage: ("usage error", nil)
        case .badData: ("bad data", "an invalid protocol or input")
        case .missingInput: ("missing input", "file, folder or protocol not found")
        case .ioError: ("I/O error", nil)
        }
    }

    /// The line of `regards --help` that lists the exit codes, written out because it is read at every
    /// start (building it from the table costs more than the rest of `regards --help`'s own work);
    /// `ExitStatusTests` checks it says what `code(for:)` and `meaning(of:)` say.
    static let summary = "Exit codes: 0 ok, 1 problems found, 64 usage error, 65 bad data (an invalid protocol or input), 66 missing input (file, folder or protocol not found), 74 I/O error."

    /// The same line built from the table.
    static var summaryFromTable: String {
        "Exit codes: \(success) ok, " + RegardsError.Kind.allCases.map { kind in
            let (name, example) = meaning(of: kind)
            return "\(code(for: kind)) \(name)" + (example.map { " (\($0))" } ?? "")
        }.joined(separator: ", ") + "."
    }

    /// The error as the user sees it on stderr: its detail lines, then `regards: error: MESSAGE`.
    static func lines(_ error: RegardsError) -> [String] {
        error.details + (error.message.map { ["regards: error: \($0)"] } ?? [])
    }
}
