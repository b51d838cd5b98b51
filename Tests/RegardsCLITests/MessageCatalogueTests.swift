import Foundation
import RegardsTestSupport
import Testing

/// Every user-facing text is in a module's catalogue (`Sources/MODULE/Messages/`), in French and in
/// English, the French typeset the French way; none is written anywhere else.
@Suite struct MessageCatalogueTests {
    /// Calls whose arguments are what the user reads: an error, a console line, a help text.
    static let userFacing = [
        "RegardsError", ".usage", ".badData", ".missingInput", ".ioError", ".refused", "ValidationError", "InputRefusal", "Diagnostic",
        "Console.out", "Console.note", "Console.warning", "Console.prompt", "Console.failure", "Console.write",
        "@Option", "@Flag", "@Argument", "CommandConfiguration", "ArgumentHelp",
        // A module's own ways of making a diagnostic or a refused row.
        "error", "warning", "fail", "problem", "CellProblem", "RowProblem",
    ]

    /// Properties that are what the user reads of an error.
    static let userFacingProperties = ["var description: String", "var message: String", "var hint: String?", "var errorDescription: String?"]

    /// Literals that are an interface, not a message: a command's or an option's name, a value's name.
    static let interfaceLabels = ["commandName:", "name:", "valueName:", "version:", "keyPath:", "customLong(", "customShort(", "aliases:", "at:"]

    static let sources = Run.root.appendingPathComponent("Sources")

    static func files() throws -> [(path: String, inCatalogue: Bool, source: SwiftSource)] {
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var out: [(String, Bool, SwiftSource)] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let relative = String(url.path.dropFirst(Run.root.path.count + 1))
            // The benchmark's tool speaks to developers, in English.
            if relative.hasPrefix("Sources/regards-bench/") { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            out.append((relative, relative.contains("/Messages/"), SwiftSource(path: relative, text: text)))
        }
        return out.sorted { $0.0 < $1.0 }
    }

    static func hasWords(_ text: String) -> Bool {
        text.unicodeScalars.contains { CharacterSet.letters.contains($0) }
    }

    @Test func noMessageIsWrittenOutsideTheCatalogue() throws {
        var found: [String] = []
        for (path, inCatalogue, source) in try Self.files() where !inCatalogue {
            for call in source.calls("tr") where !source.before(call - 2).hasSuffix("func") {
                found.append("\(path):\(source.line(of: call)): tr(…) outside the catalogue")
            }
            let openings = Self.userFacing.flatMap { name in source.calls(name).map { (name, $0) } }
                + Self.userFacingProperties.flatMap { name in source.bodies(name).map { (name, $0) } }
            for (name, open) in openings {
                do {
                    let end = source.closing(open)
                    for literal in source.literals(in: open..<end) where Self.hasWords(literal.text) {
                        let before = source.before(literal.start)
                        if Self.interfaceLabels.contains(where: { before.hasSuffix($0) }) { continue }
                        found.append("\(path):\(literal.line): \(name)(…) \"\(literal.text.prefix(60))\"")
                    }
                }
            }
        }
        // One issue per text, so that none is cut from the report.
        for text in Set(found).sorted() { Issue.record("outside the catalogue: \(text)") }
    }

    /// Each `tr(french, english)` of a catalogue: two literals, both with words, not the same text;
    /// the French typeset (a space before `:` `;` `?` `!`, « guillemets » not straight quotes), the
    /// English without French spaces.
    @Test func everyMessageHasBothLanguages() throws {
        var found: [String] = []
        var count = 0
        let missingSpace = try Regex(#"[\p{L}\p{N}`)][:;?!](\s|$)"#)
        for (path, inCatalogue, source) in try Self.files() where inCatalogue {
            for open in source.calls("tr") {
                count += 1
                let line = source.line(of: open)
                let arguments = source.arguments(open)
                let texts = arguments.map { range -> String? in
                    let inside = source.literals(in: range)
                    guard let first = inside.first, source.text(range).count == first.end - first.start else { return nil }
                    return first.text
                }
                guard texts.count == 2, let french = texts[0], let english = texts[1] else {
                    found.append("\(path):\(line): tr(…) needs two literals, French then English")
                    continue
                }
                if !Self.hasWords(french) || !Self.hasWords(english) { found.append("\(path):\(line): an empty text") }
                if french == english { found.append("\(path):\(line): the French is the English: \"\(english.prefix(50))\"") }
                if french.contains(missingSpace) { found.append("\(path):\(line): French wants a space before : ; ? ! — \"\(french.prefix(70))\"") }
                if french.contains("\"") { found.append("\(path):\(line): French quotes are « », not \"") }
                if french.contains("«") && !french.contains("« ") || french.contains("»") && !french.contains(" »") {
                    found.append("\(path):\(line): « guillemets » take a space inside")
                }
                if english.contains("\u{00A0}") { found.append("\(path):\(line): a French space in the English text") }
            }
        }
        #expect(count > 0)
        for problem in found { Issue.record("catalogue: \(problem)") }
    }
}
