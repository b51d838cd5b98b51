import Foundation
import Testing
import RegardsCore
import RegardsTestSupport
@testable import RegardsProtocols

func load(_ text: String, file: String = "t.yaml") -> LoadedFile {
    ProtocolLoader().load(bytes: Array(text.utf8), file: file)
}

func rendered(_ f: LoadedFile) -> [String] { f.diagnostics.sortedForDisplay().map(\.rendered) }

let base = """
id: t
version: 1.0.0
kind: evaluation
title: T
scales:
  qualite:
    levels: [{value: 1, label: Non}, {value: 2, label: Oui}]
sections:
  - id: AC
    title: Accueil
    criteria:
      - id: AC-01
        title: Un
        scale: qualite

"""

@Suite(.messages(.en)) struct LoaderTests {
    @Test func validBase() {
        #expect(rendered(load(base)) == [])
    }

    @Test func locatesSemanticErrorsAtTheValue() {
        let f = load(base.replacingOccurrences(of: "scale: qualite", with: "scale: qualte"))
        #expect(rendered(f) == ["t.yaml:14:16: error: unknown scale `qualte`; did you mean `qualite`?"])
    }

    @Test func conditionErrorsPointInsideTheString() {
        let text = base + "        when: \"publik == 'x'\"\n"
        let withContext = text.replacingOccurrences(of: "scales:\n", with: "context:\n  public: {title: P, type: choice, values: [x]}\nscales:\n")
        #expect(rendered(load(withContext)) == ["t.yaml:17:16: error: unknown context variable `publik`; did you mean `public`?"])
        let plain = withContext.replacingOccurrences(of: "\"publik == 'x'\"", with: "public == y")
        #expect(rendered(load(plain)) == ["t.yaml:17:25: error: `y` is not a value of `public`"])
    }

    @Test func reportsEveryProblemInOneRun() {
        let text = base
            .replacingOccurrences(of: "title: T\n", with: "titel: T\n")
            .replacingOccurrences(of: "version: 1.0.0", with: "version: 1.0")
            .replacingOccurrences(of: "scale: qualite", with: "scale: qualite\n        weight: lourd\n        required: yes")
        #expect(rendered(load(text)) == [
            "t.yaml:1:1: error: missing required key `title` in the protocol",
            "t.yaml:2:10: error: version `1.0` is not a semantic version MAJOR.MINOR.PATCH (e.g. `1.0.0`)",
            "t.yaml:4:1: error: unknown key `titel` in the protocol; did you mean `title`?",
            "t.yaml:15:17: error: `weight` must be a number, found `lourd`",
            "t.yaml:16:19: error: `required` must be true or false, found `yes`",
        ])
    }

    @Test func defaultsApply() throws {
        let p = try #require(load(base).grid)
        let c = try #require(p.criterion("AC-01"))
        #expect(c.required && c.weight == 1 && !c.imperative && c.when == nil && p.language == "fr")
        #expect(p.scale("qualite")?.notApplicable == false)
        #expect(p.scale("qualite")?.notApplicableLabel == "Non concerné")
    }

    @Test func crlfAndBomKeepPositions() {
        let text = "\u{FEFF}" + base.replacingOccurrences(of: "scale: qualite", with: "scale: qualte").replacingOccurrences(of: "\n", with: "\r\n")
        #expect(rendered(load(text)) == ["t.yaml:14:16: error: unknown scale `qualte`; did you mean `qualite`?"])
    }
}

@Suite struct ContentHashTests {
    static let reference = load(base).grid?.contentHash

    @Test(arguments: [
        "# un commentaire\n" + base + "\n\n# fin\n",
        base.replacingOccurrences(of: "title: Un", with: "title: \"Un\""),
        base.replacingOccurrences(of: "levels: [{value: 1, label: Non}, {value: 2, label: Oui}]",
                                  with: "levels:\n      - value: 1\n        label: Non\n      - {label: Oui, value: 2}"),
        base.replacingOccurrences(of: "id: t\nversion: 1.0.0\n", with: "version: 1.0.0\nid: t\n"),
        base.replacingOccurrences(of: "        scale: qualite\n", with: "        scale: qualite\n        required: true\n        weight: 1\n"),
    ])
    func stableAcrossFormatting(text: String) throws {
        let f = load(text)
        #expect(f.diagnostics.isEmpty)
        #expect(f.grid?.contentHash == Self.reference)
    }

    @Test(arguments: [
        base.replacingOccurrences(of: "title: Un", with: "title: Une"),
        base.replacingOccurrences(of: "label: Oui", with: "label: Oui !"),
        base.replacingOccurrences(of: "        scale: qualite\n", with: "        scale: qualite\n        weight: 2\n"),
    ])
    func changesWithMeaning(text: String) {
        #expect(load(text).grid?.contentHash != Self.reference)
    }
}

@Suite(.messages(.en)) struct MalformedFileTests {
    @Test func hugeFileIsRefusedBeforeReading() throws {
        let directory = Paths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("huge.yaml").path
        let line = Array("- une ligne de cinquante octets pour grossir xx\n".utf8)
        var data = Data(capacity: 50 * 1_048_576)
        while data.count < 50 * 1_048_576 { data.append(contentsOf: line) }
        try data.write(to: URL(fileURLWithPath: path))
        let f = try ProtocolRepository.load(path)
        #expect(rendered(f) == ["\(path):1:1: error: file is too large (50.0 MB); a protocol file is at most 4 MB"])
    }

    @Test(arguments: [
        ("", "t.yaml:1:1: error: file is empty: expected a YAML mapping"),
        ("# rien\n\n", "t.yaml:1:1: error: file has only comments: expected a YAML mapping"),
        ("\n  \n", "t.yaml:1:1: error: file is empty: expected a YAML mapping"),
        ("- a\n- b\n", "t.yaml:1:1: error: a protocol file must be a mapping of keys (id, version, kind …), found a list"),
        ("just text", "t.yaml:1:1: error: a protocol file must be a mapping of keys (id, version, kind …), found a value"),
    ])
    func oneLineErrors(text: String, expected: String) {
        #expect(rendered(load(text)) == [expected])
    }

    @Test func binaryAndEncodings() {
        #expect(rendered(ProtocolLoader().load(bytes: [0x69, 0x64, 0x3A, 0x00, 0xFF], file: "b.yaml")) == ["b.yaml:1:4: error: file is binary, not YAML text (NUL byte)"])
        #expect(rendered(ProtocolLoader().load(bytes: Array("id: t\ntitle: caf".utf8) + [0xE9, 0x0A], file: "l.yaml"))
            == ["l.yaml:2:11: error: file is not valid UTF-8 (byte 0xE9); save it as UTF-8"])
        #expect(rendered(ProtocolLoader().load(bytes: [0xFF, 0xFE, 0x69, 0x00], file: "u.yaml")) == ["u.yaml:1:1: error: file is UTF-16; save it as UTF-8"])
    }

    @Test func aliasBombIsBounded() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "a\(level - 1)"
            text += "a\(level): &a\(level) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        #expect(rendered(load(text)) == ["t.yaml:1:1: error: document expands to more than 200000 values (nested YAML aliases?)"])
    }

    @Test func deepNestingIsBounded() {
        let text = "id: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(rendered(load(text)) == ["t.yaml:1:69: error: nesting is deeper than 64 levels"])
    }

    /// A deterministic mutation fuzzer: random byte edits of a valid file never crash the loader
    /// and always give either a model or at least one error.
    @Test func mutationsNeverCrash() {
        var seed: UInt64 = 0x5EED_2026
        func next() -> UInt64 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return seed >> 33
        }
        let original = Array(Paths.read(Paths.fixtures.appendingPathComponent("docs/criteria.yaml")).utf8)
        let alphabet = Array(":-[]{}&*!|>'\"#%@`,? \t\n\r\u{0}".utf8) + [0xC3, 0xA9, 0xFF]
        for _ in 0..<400 {
            var bytes = original
            for _ in 0..<(1 + Int(next() % 6)) {
                let position = Int(next() % UInt64(bytes.count))
                switch next() % 3 {
                case 0: bytes[position] = alphabet[Int(next() % UInt64(alphabet.count))]
                case 1: bytes.remove(at: position)
                default: bytes.insert(alphabet[Int(next() % UInt64(alphabet.count))], at: position)
                }
            }
            let f = ProtocolLoader().load(bytes: bytes, file: "m.yaml")
            #expect(f.content != nil || f.diagnostics.hasErrors)
            for d in f.diagnostics { #expect(d.location.line >= 1 && d.location.column >= 1) }
        }
    }
}
