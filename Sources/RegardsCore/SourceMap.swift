/// Locations of the values of one file, by key path (`sections[0].criteria[3].scale`).
///
/// The model stays a plain value; validators name a key path and the map turns it into a
/// `file:line:col`. A path that was not recorded falls back to its nearest recorded parent.
public struct SourceMap: Sendable, Equatable {
    public let file: String
    private var locations: [String: SourceLocation] = [:]
    /// Key paths whose scalar was written in quotes (its text starts one column after the location).
    public private(set) var quotedScalars: Set<String> = []

    public init(file: String) {
        self.file = file
    }

    public mutating func record(_ keyPath: String, line: Int, column: Int) {
        if locations[keyPath] == nil {
            locations[keyPath] = SourceLocation(file: file, line: line, column: column)
        }
    }

    public mutating func markQuoted(_ keyPath: String) {
        quotedScalars.insert(keyPath)
    }

    public func location(of keyPath: String) -> SourceLocation {
        var path = Substring(keyPath)
        while true {
            if let found = locations[String(path)] { return found }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { break }
            path = path[..<cut]
        }
        return locations[""] ?? SourceLocation(file: file, line: 1, column: 1)
    }

    public func error(_ message: String, at keyPath: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location(of: keyPath), keyPath: keyPath, hint: hint)
    }

    public func warning(_ message: String, at keyPath: String, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location(of: keyPath), keyPath: keyPath, hint: hint)
    }
}
