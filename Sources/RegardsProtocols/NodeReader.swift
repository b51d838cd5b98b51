import RegardsCore

/// Diagnostics and locations gathered while turning one file's node tree into model values.
final class LoadContext {
    var sourceMap: SourceMap
    var diagnostics: [Diagnostic] = []
    /// The file's lines, to place errors inside a scalar's text.
    var lines = SourceLines()

    init(file: String) {
        sourceMap = SourceMap(file: file)
    }

    func record(_ path: String, _ node: YNode) {
        sourceMap.record(path, line: node.line, column: node.column)
    }

    /// Reports a problem with the value at `path`; checks that depend on it are then skipped.
    func error(_ message: String, _ node: YNode, path: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, message, at: SourceLocation(file: sourceMap.file, line: node.line, column: node.column), keyPath: path, hint: hint))
        sourceMap.markInvalid(path)
    }

    /// Records where each character of a scalar's text sits in the file.
    func recordPositions(_ path: String, _ node: YNode) {
        guard let text = node.scalar, let positions = ScalarPositions.locate(text, node: node, lines: lines) else { return }
        sourceMap.recordPositions(path, positions.map { SourceLocation(file: sourceMap.file, line: $0.line, column: $0.column) })
    }
}

/// Maps each Unicode scalar of a decoded YAML scalar back to its line and column, following
/// quoting, escapes, line folding and block indentation; nil when the text cannot be matched.
enum ScalarPositions {
    static func locate(_ text: String, node: YNode, lines: SourceLines) -> [(line: Int, column: Int)]? {
        var row = node.line - 1, col = node.column - 1
        guard row >= 0, row < lines.count else { return nil }
        switch node.style {
        case .singleQuoted, .doubleQuoted:
            col += 1
        case .literal, .folded:
            // The text starts on the next non-blank line, at its indentation.
            row += 1
            while row < lines.count, lines[row].allSatisfy({ $0 == " " }) { row += 1 }
            guard row < lines.count else { return nil }
            col = lines[row].prefix { $0 == " " }.count
        case .plain, .collection:
            break
        }
        var out: [(line: Int, column: Int)] = []
        func atLineEnd() -> Bool { lines[row][col...].allSatisfy { $0 == " " || $0 == "\t" } }
        func nextLine() -> Bool {
            row += 1
            guard row < lines.count else { return false }
            col = lines[row].prefix { $0 == " " || $0 == "\t" }.count
            return true
        }
        for scalar in text.unicodeScalars {
            guard row < lines.count else { return nil }
            if col >= lines[row].count || atLineEnd() {
                // A line break in the source: kept (`\n`) or folded into a space.
                guard scalar == " " || scalar == "\n" else { return nil }
                out.append((row + 1, min(col, lines[row].count) + 1))
                guard nextLine() else { return out }
                continue
            }
            let raw = lines[row][col]
            switch node.style {
            case .doubleQuoted where raw == "\\":
                guard col + 1 < lines[row].count else { return nil }
                out.append((row + 1, col + 1))
                switch lines[row][col + 1] {
                case "x": col += 4
                case "u": col += 6
                case "U": col += 10
                default: col += 2
                }
            case .singleQuoted where raw == "'":
                guard scalar == "'" else { return nil }
                out.append((row + 1, col + 1))
                col += 2
            default:
                guard raw == scalar else { return nil }
                out.append((row + 1, col + 1))
                col += 1
            }
        }
        return out
    }
}

func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

/// Typed, checked access to one YAML mapping: unknown keys and missing required keys are
/// reported when the reader is made; each getter reports a wrong type at the value.
struct MappingReader {
    let node: YNode
    let path: String
    let context: LoadContext
    private var values: [String: YNode] = [:]
    /// The keys in file order.
    private(set) var keys: [String] = []

    /// Nil (after reporting) when `node` is not a mapping.
    init?(_ node: YNode, path: String, context: LoadContext, allowed: [String], required: [String] = [], what: String) {
        self.node = node
        self.path = path
        self.context = context
        context.record(path, node)
        guard case .mapping(let pairs) = node.kind else {
            context.error(Messages.mustBeMapping(what, found: MappingReader.describe(node)), node, path: path)
            return nil
        }
        for (key, value) in pairs {
            guard let name = key.scalar else {
                context.error(Messages.keysMustBePlainNames(found: key.typeName), key, path: path)
                continue
            }
            if !allowed.isEmpty, !allowed.contains(name) {
                context.error(Messages.unknownKey(name, in: what), key, path: join(path, name), hint: Suggestion.hint(for: name, in: allowed))
                continue
            }
            values[name] = value
            keys.append(name)
            context.record(join(path, name), value)
        }
        for key in required where values[key] == nil {
            context.error(Messages.missingKey(key, in: what), node, path: path)
        }
    }

    func has(_ key: String) -> Bool { values[key] != nil }

    /// Text whose characters the diagnostics may point into (a relevance condition).
    func locatedString(_ key: String) -> String? {
        guard let value = string(key), let node = values[key] else { return nil }
        context.recordPositions(join(path, key), node)
        return value
    }
    func node(_ key: String) -> YNode? { values[key] }

    func string(_ key: String) -> String? {
        guard let value = values[key] else { return nil }
        return Self.string(value, path: join(path, key), key: key, context: context)
    }

    static func string(_ value: YNode, path: String, key: String, context: LoadContext) -> String? {
        if let s = value.scalar { return s }
        context.error(Messages.mustBeText(key, found: value.typeName), value, path: path)
        return nil
    }

    func int(_ key: String) -> Int? {
        guard let value = values[key] else { return nil }
        if let s = value.scalar, !value.quoted, let n = Int(s) { return n }
        context.error(Messages.mustBeWholeNumber(key, found: describe(value)), value, path: join(path, key))
        return nil
    }

    func double(_ key: String) -> Double? {
        guard let value = values[key] else { return nil }
        if let s = value.scalar, !value.quoted, let n = Double(s), n.isFinite { return n }
        context.error(Messages.mustBeNumber(key, found: describe(value)), value, path: join(path, key))
        return nil
    }

    func bool(_ key: String) -> Bool? {
        guard let value = values[key] else { return nil }
        if let s = value.scalar, !value.quoted {
            if s == "true" { return true }
            if s == "false" { return false }
        }
        context.error(Messages.mustBeBoolean(key, found: describe(value)), value, path: join(path, key))
        return nil
    }

    /// A value from a closed set, with a suggestion when misspelt.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) -> T? where T.RawValue == String {
        guard let text = string(key), let value = values[key] else { return nil }
        if let found = T(rawValue: text) { return found }
        let allowed = T.allCases.map(\.rawValue)
        context.error(Messages.mustBeOneOf(key, allowed: allowed.map { "`\($0)`" }.joined(separator: ", "), found: text), value,
                      path: join(path, key), hint: Suggestion.hint(for: text, in: allowed))
        return nil
    }

    /// A list of texts; a single text is accepted as a one-item list.
    func strings(_ key: String) -> [String] {
        guard let value = values[key] else { return [] }
        let base = join(path, key)
        switch value.kind {
        case .scalar where !value.isNull:
            return [value.scalar ?? ""]
        case .sequence(let items):
            var out: [String] = []
            for (i, item) in items.enumerated() {
                context.record("\(base)[\(i)]", item)
                if let s = Self.string(item, path: "\(base)[\(i)]", key: key, context: context) { out.append(s) }
            }
            return out
        default:
            context.error(Messages.mustBeListOfTexts(key, found: describe(value)), value, path: base)
            return []
        }
    }

    /// The items of a list, each with its key path.
    func list(_ key: String) -> [(node: YNode, path: String)] {
        guard let value = values[key] else { return [] }
        let base = join(path, key)
        guard case .sequence(let items) = value.kind else {
            context.error(Messages.mustBeList(key, found: describe(value)), value, path: base)
            return []
        }
        return items.enumerated().map { i, item in
            context.record("\(base)[\(i)]", item)
            return (item, "\(base)[\(i)]")
        }
    }

    /// The entries of a mapping keyed by id, in file order.
    func entries(_ key: String) -> [(id: String, node: YNode, path: String)] {
        guard let value = values[key] else { return [] }
        let base = join(path, key)
        guard case .mapping(let pairs) = value.kind else {
            context.error(Messages.mustBeMappingOfIDs(key, found: describe(value)), value, path: base)
            return []
        }
        var out: [(id: String, node: YNode, path: String)] = []
        for (k, v) in pairs {
            guard let id = k.scalar else {
                context.error(Messages.idsMustBePlainNames(found: k.typeName), k, path: base)
                continue
            }
            context.record("\(base).\(id)", v)
            out.append((id, v, "\(base).\(id)"))
        }
        return out
    }

    private func describe(_ value: YNode) -> String {
        MappingReader.describe(value)
    }

    static func describe(_ value: YNode) -> String {
        if let s = value.scalar { return value.quoted ? Messages.foundQuotedText(s) : "`\(s)`" }
        return value.typeName
    }
}

extension MappingReader {
    /// `days: N` or `months: N`, one of them, at least 1.
    func period(what: String) -> Period? {
        let r = self
        let days = r.int("days"), months = r.int("months")
        switch (r.has("days"), r.has("months")) {
        case (true, true):
            context.error(Messages.periodTakesOne(what), r.node, path: r.path)
            return nil
        case (false, false):
            context.error(Messages.periodNeedsOne(what), r.node, path: r.path)
            return nil
        default:
            let given = r.has("days") ? "days" : "months"
            if let n = days ?? months, n < 1, let node = r.node(given) {
                context.error(Messages.periodAtLeastOne(what), node, path: join(r.path, given))
                return nil
            }
            guard days != nil || months != nil else { return nil }
            return Period(days: days, months: months)
        }
    }
}
