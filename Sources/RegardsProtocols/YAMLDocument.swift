import RegardsCore
import Yams

/// A YAML value with its position, detached from the YAML library.
struct YNode {
    enum Kind {
        case scalar(String)
        case mapping([(key: YNode, value: YNode)])
        case sequence([YNode])
    }

    enum Style {
        case plain, singleQuoted, doubleQuoted, literal, folded, collection
    }

    var kind: Kind
    var line: Int
    var column: Int
    var style = Style.collection
    /// Written in single or double quotes.
    var quoted: Bool { style == .singleQuoted || style == .doubleQuoted }
    /// A plain `~`, `null` or empty value.
    var isNull = false

    var typeName: String {
        if isNull { return Messages.foundNothing }
        switch kind {
        case .scalar: return Messages.foundValue
        case .mapping: return Messages.foundMapping
        case .sequence: return Messages.foundList
        }
    }

    var scalar: String? {
        if case .scalar(let s) = kind, !isNull { return s }
        return nil
    }
}

/// Reads a file's bytes into a `YNode` tree, turning every failure into one diagnostic.
///
/// Guards against what a YAML library alone does not: huge files, binary data, invalid UTF-8,
/// deeply nested flow collections (stack depth) and alias bombs (node budget).
struct YAMLDocumentReader {
    static let maximumBytes = 4 * 1024 * 1024
    static let maximumNodes = 200_000
    static let maximumDepth = 64

    let file: String

    enum Outcome {
        /// The tree and the text's lines (for exact positions inside scalars).
        case document(YNode, lines: SourceLines)
        case failure(Diagnostic)
    }

    func read(_ bytes: [UInt8]) -> Outcome {
        func fail(_ message: String, line: Int = 1, column: Int = 1) -> Outcome {
            .failure(Diagnostic(.error, message, at: SourceLocation(file: file, line: line, column: column)))
        }
        if bytes.count > Self.maximumBytes {
            let mb = Double(bytes.count) / 1_048_576
            return fail(Messages.fileTooLarge(megabytes: Self.format(mb), limit: Self.maximumBytes / 1_048_576))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.starts(with: [0xFF, 0xFE]) || body.starts(with: [0xFE, 0xFF]) {
            return fail(Messages.fileIsUTF16)
        }
        if let nul = body.firstIndex(of: 0) {
            let (line, column) = Self.position(of: nul - body.startIndex, in: body)
            return fail(Messages.fileIsBinary, line: line, column: column)
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            let bad = Self.firstInvalidUTF8(body)
            let (line, column) = Self.position(of: bad - body.startIndex, in: body)
            return fail(Messages.fileIsNotUTF8(byte: String(format: "0x%02X", bytes[bad])), line: line, column: column)
        }
        if let (line, column) = Self.excessiveFlowNesting(text) {
            return fail(Messages.nestingTooDeep(Self.maximumDepth), line: line, column: column)
        }
        let root: Node?
        do {
            // Scalars are typed by the reader itself (with their quoting): the basic resolver skips the
            // regular expressions of implicit tags, a tenth of the time of `protocol validate`.
            root = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error))
        } catch {
            return fail(Messages.yamlSyntaxError)
        }
        guard let root else {
            let hasComments = text.split(separator: "\n").contains { $0.trimmingPrefix(while: { $0 == " " || $0 == "\t" }).hasPrefix("#") }
            return fail(hasComments ? Messages.fileHasOnlyComments : Messages.fileIsEmpty)
        }
        var budget = Self.maximumNodes
        do throws(Refusal) {
            return .document(try convert(root, budget: &budget, depth: 0), lines: SourceLines(text))
        } catch {
            switch error {
            case .tooManyValues:
                return fail(Messages.tooManyValues(Self.maximumNodes))
            case .tooDeep(let line, let column):
                return fail(Messages.nestingTooDeep(Self.maximumDepth), line: line, column: column)
            }
        }
    }

    enum Refusal: Error {
        case tooManyValues
        case tooDeep(line: Int, column: Int)
    }

    private func convert(_ node: Node, budget: inout Int, depth: Int) throws(Refusal) -> YNode {
        budget -= 1
        let mark = node.mark
        let line = mark?.line ?? 1, column = mark?.column ?? 1
        guard budget >= 0 else { throw .tooManyValues }
        guard depth <= Self.maximumDepth else { throw .tooDeep(line: line, column: column) }
        switch node {
        case .scalar(let scalar):
            let text = scalar.string
            var y = YNode(kind: .scalar(text), line: line, column: column)
            switch scalar.style {
            case .singleQuoted: y.style = .singleQuoted
            case .doubleQuoted: y.style = .doubleQuoted
            case .literal: y.style = .literal
            case .folded: y.style = .folded
            default:
                y.style = .plain
                switch text {
                case "", "~", "null", "Null", "NULL": y.isNull = true
                default: break
                }
            }
            return y
        case .mapping(let mapping):
            var pairs: [(key: YNode, value: YNode)] = []
            pairs.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                pairs.append((try convert(key, budget: &budget, depth: depth + 1), try convert(value, budget: &budget, depth: depth + 1)))
            }
            return YNode(kind: .mapping(pairs), line: line, column: column)
        case .sequence(let sequence):
            var items: [YNode] = []
            items.reserveCapacity(sequence.count)
            for item in sequence {
                items.append(try convert(item, budget: &budget, depth: depth + 1))
            }
            return YNode(kind: .sequence(items), line: line, column: column)
        case .alias:
            return YNode(kind: .scalar(""), line: line, column: column)
        }
    }

    private func diagnostic(for error: YamlError) -> Diagnostic {
        func make(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> Diagnostic {
            if problem.hasPrefix("Maximum nesting level reached") {
                return Diagnostic(.error, Messages.nestingTooDeep(Self.maximumDepth), at: SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1)))
            }
            var message = Messages.yamlSyntaxError(problem)
            if let context { message += Messages.yamlContext(context.text, line: context.mark.line, column: context.mark.column) }
            return Diagnostic(.error, message, at: SourceLocation(file: file, line: max(mark.line, 1), column: max(mark.column, 1)))
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            return make(problem, context, mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            // The library marks the first occurrence; point at the repetition, as for duplicate ids.
            let first = context.mark
            let key = duplicates.first ?? ""
            if let again = Self.repetition(of: key, after: first, in: context.text) {
                return Diagnostic(.error, Messages.duplicateKey(key, firstLine: first.line), at: SourceLocation(file: file, line: again.line, column: again.column))
            }
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            return Diagnostic(.error, Messages.duplicateKeys(keys), at: SourceLocation(file: file, line: max(first.line, 1), column: max(first.column, 1)))
        case let .reader(problem, _, _, _):
            return Diagnostic(.error, Messages.yamlReaderError(problem), at: SourceLocation(file: file, line: 1, column: 1))
        default:
            return Diagnostic(.error, Messages.yamlSyntaxError, at: SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// The next line after `first` where `key:` starts at the same column (a block mapping's repeated key).
    static func repetition(of key: String, after first: Mark, in text: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard first.line >= 1, first.line <= lines.count else { return nil }
        let indent = first.column - 1
        for index in first.line..<lines.count {
            let line = Array(lines[index].unicodeScalars)
            guard line.count > indent else { continue }
            let leading = line.prefix { $0 == " " }.count
            if leading < indent, line.contains(where: { $0 != " " && $0 != "\r" }), !(line.first == "#") { return nil }
            guard leading == indent else { continue }
            var rest = String.UnicodeScalarView()
            rest.append(contentsOf: line[indent...])
            let text = String(rest)
            if text.hasPrefix(key + ":") || text.hasPrefix("\"\(key)\":") || text.hasPrefix("'\(key)':") {
                return (index + 1, first.column)
            }
        }
        return nil
    }

    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func position(of offset: Int, in bytes: some Collection<UInt8>) -> (Int, Int) {
        var line = 1, column = 1, index = 0
        for byte in bytes {
            if index == offset { break }
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.endIndex else { return i }
            if length > 1, String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { return i }
            i += length
        }
        return bytes.startIndex
    }

    /// Flow collections (`[[[[…`) nest without indentation and could exhaust the stack of a
    /// recursive parser; find the first place deeper than the limit, ignoring quotes and comments.
    static func excessiveFlowNesting(_ text: String) -> (Int, Int)? {
        // Every character that matters is ASCII, so the bytes are scanned (a UTF-8 continuation
        // byte is never one of them); the column, in characters, is counted only on failure.
        var depth = 0, line = 1
        var lineStart = 0
        var quote: UInt8?
        var comment = false
        var previous: UInt8 = 10
        let utf8 = text.utf8
        var offset = 0
        for c in utf8 {
            defer { previous = c; offset += 1 }
            if c == 10 {
                line += 1
                lineStart = offset + 1
                comment = false
                continue
            }
            if comment { continue }
            if let q = quote {
                if c == q { quote = nil }
                continue
            }
            switch c {
            case UInt8(ascii: "#") where previous == 32 || previous == 9 || previous == 10: comment = true
            case UInt8(ascii: "'"), UInt8(ascii: "\""): if depth > 0 || previous == 32 || previous == UInt8(ascii: ":") { quote = c }
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumDepth {
                    let from = utf8.index(utf8.startIndex, offsetBy: lineStart), to = utf8.index(utf8.startIndex, offsetBy: offset + 1)
                    return (line, text.unicodeScalars[from..<to].count)
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }
}

/// The lines of a file's text, each split into Unicode scalars only when asked for (only the
/// lines of a scalar an error points inside are).
final class SourceLines {
    private let text: String
    /// The UTF-8 offset where each line starts.
    private let starts: [Int]
    private var cache: [Int: [Unicode.Scalar]] = [:]

    init(_ text: String) {
        self.text = text
        var starts = [0]
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == 10 { starts.append(offset) }
        }
        self.starts = starts
    }

    convenience init() { self.init("") }

    var count: Int { starts.count }

    /// The line's scalars, without its line end (`\n`, or `\r\n`).
    subscript(row: Int) -> [Unicode.Scalar] {
        if let line = cache[row] { return line }
        let utf8 = text.utf8
        let from = utf8.index(utf8.startIndex, offsetBy: starts[row])
        var to = row + 1 < starts.count ? utf8.index(utf8.startIndex, offsetBy: starts[row + 1] - 1) : utf8.endIndex
        if to > from, utf8[utf8.index(before: to)] == 13 { to = utf8.index(before: to) }
        let line = Array(text.unicodeScalars[from..<to])
        cache[row] = line
        return line
    }
}
