/// Locations of the values of one file, by key path (`sections[0].criteria[3].scale`).
///
/// The model stays a plain value; validators name a key path and the map turns it into a
/// `file:line:col`. A path that was not recorded falls back to its nearest recorded parent.
public struct SourceMap: Sendable, Equatable {
    public let file: String
    private var locations: [String: SourceLocation] = [:]
    /// Key paths whose value could not be read (a wrong type …): checks that depend on them are skipped.
    public private(set) var invalidPaths: Set<String> = []
    /// For some scalars (relevance conditions), the position of each Unicode scalar of the decoded text.
    private var scalarPositions: [String: [SourceLocation]] = [:]

    public init(file: String) {
        self.file = file
    }

    public mutating func record(_ keyPath: String, line: Int, column: Int) {
        if locations[keyPath] == nil {
            locations[keyPath] = SourceLocation(file: file, line: line, column: column)
        }
    }

    public mutating func markInvalid(_ keyPath: String) {
        invalidPaths.insert(keyPath)
    }

    public mutating func recordPositions(_ keyPath: String, _ positions: [SourceLocation]) {
        scalarPositions[keyPath] = positions
    }

    /// Whether the file had a value at this key path.
    public func contains(_ keyPath: String) -> Bool { locations[keyPath] != nil }

    /// Whether the value at this key path (or one of its parents) could not be read.
    public func isInvalid(_ keyPath: String) -> Bool {
        var path = Substring(keyPath)
        while true {
            if invalidPaths.contains(String(path)) { return true }
            guard let cut = path.lastIndex(where: { $0 == "." || $0 == "[" }) else { return false }
            path = path[..<cut]
        }
    }

    /// The position of the `offset`-th Unicode scalar of the text at `keyPath` when known,
    /// else the position of the value itself.
    public func location(of keyPath: String, offset: Int) -> SourceLocation {
        if let positions = scalarPositions[keyPath], !positions.isEmpty {
            if offset < positions.count { return positions[offset] }
            var end = positions[positions.count - 1]
            end.column += offset - positions.count + 1
            return end
        }
        return location(of: keyPath)
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
