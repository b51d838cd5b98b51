/// A failure the user sees. Its kind decides the exit code (in one place: the command line's
/// `ExitStatus`); its message is one line. Commands throw these, and the top of the program prints
/// them once: the detail lines first (every bad row of a refused file, every diagnostic of a
/// refused protocol), then `regards: error: MESSAGE`.
public struct RegardsError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, CaseIterable, Sendable {
        /// Problems were found and already reported as the command's output (a validation error,
        /// a guard that blocks, findings to review, something `doctor` wants done).
        case problemsFound
        /// The command line is wrong: an unknown value, an invalid id or date, a file that exists without `--force`.
        case usage
        /// The input is wrong: an invalid protocol, an answer outside the scale, a bad CSV row or bundle,
        /// a file that is not a workspace or comes from a newer Regards.
        case badData
        /// Something named does not exist: a file, folder, protocol, version, workspace or visit.
        case missingInput
        /// A file cannot be read or written; a library cannot be loaded.
        case ioError
    }

    public var kind: Kind
    /// The one line after `regards: error: `; nil when the command's output already said it all.
    public var message: String?
    /// Lines printed before the message, as they are.
    public var details: [String]

    public init(_ kind: Kind, _ message: String?, details: [String] = []) {
        self.kind = kind
        self.message = message
        self.details = details
    }

    public static func usage(_ message: String) -> RegardsError { RegardsError(.usage, message) }
    public static func badData(_ message: String, details: [String] = []) -> RegardsError { RegardsError(.badData, message, details: details) }
    public static func missingInput(_ message: String) -> RegardsError { RegardsError(.missingInput, message) }
    public static func ioError(_ message: String) -> RegardsError { RegardsError(.ioError, message) }
    /// Problems already reported as output: nothing more is printed.
    public static let problemsFound = RegardsError(.problemsFound, nil)

    public var description: String { message ?? Messages.problemsFound }
}

/// An error of a module (the store, the workbook writer, the protocol folders …) that knows which
/// `RegardsError` it is: the kind of each of its cases is decided beside the cases.
public protocol RegardsErrorConvertible: Error {
    var regardsError: RegardsError { get }
}

extension RegardsError: RegardsErrorConvertible {
    public var regardsError: RegardsError { self }
}

extension String {
    /// `; did you mean `x`?` or nothing: how a hint follows a message.
    public static func hint(_ hint: String?) -> String { Messages.hintSuffix(hint) }
}
