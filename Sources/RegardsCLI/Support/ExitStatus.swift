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
        Messages.exitMeaning(kind)
    }

    /// The line of `regards --help` that lists the exit codes (see `Messages.exitSummary`).
    static var summary: String { Messages.exitSummary }

    /// The same line built from the table.
    static var summaryFromTable: String {
        Messages.exitSummaryStart(success: success) + RegardsError.Kind.allCases.map { kind in
            let (name, example) = meaning(of: kind)
            return "\(code(for: kind)) \(name)" + (example.map { " (\($0))" } ?? "")
        }.joined(separator: ", ") + "."
    }

    /// The error as the user sees it on stderr: its detail lines, then `regards: error: MESSAGE`.
    static func lines(_ error: RegardsError) -> [String] {
        error.details + (error.message.map { [Messages.error($0)] } ?? [])
    }
}
