import RegardsCore

/// Diagnostics and locations gathered while turning one file's node tree into model values.
final class LoadContext {
    var sourceMap: SourceMap
    var diagnostics: [Diagnostic] = []

    init(file: String) {
        sourceMap = SourceMap(file: file)
    }

    func record(_ path: String, _ node: YNode) {
        sourceMap.record(path, line: node.line, column: node.column)
        if node.quoted { sourceMap.markQuoted(path) }
    }

    func error(_ message: String, _ node: YNode, path: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.error, message, at: SourceLocation(file: sourceMap.file, line: node.line, column: node.column), keyPath: path, hint: hint))
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
            context.error("\(what) must be a mapping, found \(node.typeName)", node, path: path)
            return nil
        }
        for (key, value) in pairs {
            guard let name = key.scalar else {
                context.error("keys must be plain names, found \(key.typeName)", key, path: path)
                continue
            }
            if !allowed.isEmpty, !allowed.contains(name) {
                context.error("unknown key `\(name)` in \(what)", key, path: join(path, name), hint: Suggestion.hint(for: name, in: allowed))
                continue
            }
            values[name] = value
            keys.append(name)
            context.record(join(path, name), value)
        }
        for key in required where values[key] == nil {
            context.error("missing required key `\(key)` in \(what)", node, path: path)
        }
    }

    func has(_ key: String) -> Bool { values[key] != nil }
    func node(_ key: String) -> YNode? { values[key] }

    func string(_ key: String) -> String? {
        guard let value = values[key] else { return nil }
        return Self.string(value, path: join(path, key), key: key, context: context)
    }

    static func string(_ value: YNode, path: String, key: String, context: LoadContext) -> String? {
        if let s = value.scalar { return s }
        context.error("`\(key)` must be text, found \(value.typeName)", value, path: path)
        return nil
    }

    func int(_ key: String) -> Int? {
        guard let value = values[key] else { return nil }
        if let s = value.scalar, !value.quoted, let n = Int(s) { return n }
        context.error("`\(key)` must be a whole number, found \(describe(value))", value, path: join(path, key))
        return nil
    }

    func double(_ key: String) -> Double? {
        guard let value = values[key] else { return nil }
        if let s = value.scalar, !value.quoted, let n = Double(s), n.isFinite { return n }
        context.error("`\(key)` must be a number, found \(describe(value))", value, path: join(path, key))
        return nil
    }

    func bool(_ key: String) -> Bool? {
        guard let value = values[key] else { return nil }
        if let s = value.scalar, !value.quoted {
            if s == "true" { return true }
            if s == "false" { return false }
        }
        context.error("`\(key)` must be true or false, found \(describe(value))", value, path: join(path, key))
        return nil
    }

    /// A value from a closed set, with a suggestion when misspelt.
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) -> T? where T.RawValue == String {
        guard let text = string(key), let value = values[key] else { return nil }
        if let found = T(rawValue: text) { return found }
        let allowed = T.allCases.map(\.rawValue)
        context.error("`\(key)` must be one of \(allowed.map { "`\($0)`" }.joined(separator: ", ")), found `\(text)`", value,
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
            context.error("`\(key)` must be a list of texts, found \(value.typeName)", value, path: base)
            return []
        }
    }

    /// The items of a list, each with its key path.
    func list(_ key: String) -> [(node: YNode, path: String)] {
        guard let value = values[key] else { return [] }
        let base = join(path, key)
        guard case .sequence(let items) = value.kind else {
            context.error("`\(key)` must be a list, found \(value.typeName)", value, path: base)
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
            context.error("`\(key)` must be a mapping of ids, found \(value.typeName)", value, path: base)
            return []
        }
        var out: [(id: String, node: YNode, path: String)] = []
        for (k, v) in pairs {
            guard let id = k.scalar else {
                context.error("ids must be plain names, found \(k.typeName)", k, path: base)
                continue
            }
            context.record("\(base).\(id)", v)
            out.append((id, v, "\(base).\(id)"))
        }
        return out
    }

    private func describe(_ value: YNode) -> String {
        if let s = value.scalar { return value.quoted ? "the text \"\(s)\"" : "`\(s)`" }
        return value.typeName
    }
}
