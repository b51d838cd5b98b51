/// Where a value sits in a source file (1-based line and column, columns counted in Unicode scalars).
public struct SourceLocation: Hashable, Sendable, Codable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// A problem the user must fix in a file, printed `file:line:col: severity: message`.
public struct Diagnostic: Hashable, Sendable, Codable {
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        case error
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public var severity: Severity
    public var message: String
    public var location: SourceLocation
    /// Key path of the value inside the document, e.g. `sections[2].criteria[4].scale`.
    public var keyPath: String
    /// A suggestion shown after the message, e.g. "did you mean `qualite`?".
    public var hint: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation, keyPath: String = "", hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.keyPath = keyPath
        self.hint = hint
    }

    /// The one-line rendering used by every command.
    public var rendered: String {
        Messages.diagnostic("\(location.file):\(location.line):\(location.column):", severity, message) + .hint(hint)
    }
}

extension Array where Element == Diagnostic {
    /// Diagnostics in reading order: file, line, column, then errors before warnings, then message.
    public func sortedForDisplay() -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return filter { seen.insert($0).inserted }.sorted { a, b in
            if a.location.file != b.location.file { return a.location.file < b.location.file }
            if a.location.line != b.location.line { return a.location.line < b.location.line }
            if a.location.column != b.location.column { return a.location.column < b.location.column }
            if a.severity != b.severity { return a.severity < b.severity }
            return a.message < b.message
        }
    }

    public var hasErrors: Bool { contains { $0.severity == .error } }
}
