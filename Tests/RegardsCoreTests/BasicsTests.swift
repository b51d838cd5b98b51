import RegardsTestSupport
import Testing
@testable import RegardsCore

@Suite struct SemanticVersionTests {
    @Test(arguments: [
        ("1.0.0", "1.0.0"), ("12.4.31", "12.4.31"), ("2.0.0-rc.1", "2.0.0-rc.1"),
    ])
    func parses(text: String, rendered: String) {
        #expect(SemanticVersion(text)?.description == rendered)
    }

    @Test(arguments: ["1.2", "v1.0.0", "1.0", "01.0.0", "1.0.0-", "1..0", "", "1.0.0.0", "a.b.c", "1.0.0-é"])
    func refuses(text: String) {
        #expect(SemanticVersion(text) == nil)
    }

    @Test func orders() {
        #expect(SemanticVersion("1.0.0-rc.1")! < SemanticVersion("1.0.0")!)
        #expect(SemanticVersion("1.9.0")! < SemanticVersion("1.10.0")!)
        #expect(!(SemanticVersion("2.0.0")! < SemanticVersion("1.99.99")!))
    }

    @Test func protocolReference() {
        #expect(ProtocolReference("chrs-controle@1") == ProtocolReference(id: "chrs-controle", major: 1))
        #expect(ProtocolReference("chrs-controle") == nil)
        #expect(ProtocolReference("chrs-controle@1.0") == nil)
        #expect(ProtocolReference("CHRS@1") == nil)
    }
}

@Suite(.messages(.en)) struct SuggestionTests {
    @Test(arguments: [("qualite", "qualte", 1), ("kitten", "sitting", 3), ("", "abc", 3), ("é", "e", 1), ("same", "same", 0), ("titel", "title", 1)])
    func distance(a: String, b: String, expected: Int) {
        #expect(Suggestion.distance(a, b) == expected)
    }

    @Test func hints() {
        #expect(Suggestion.hint(for: "qualte", in: ["qualite", "conformite"]) == "did you mean `qualite`?")
        #expect(Suggestion.hint(for: "titel", in: ["title", "id"]) == "did you mean `title`?")
        #expect(Suggestion.hint(for: "zzzzzz", in: ["title", "id"]) == nil)
    }
}

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func millionA() {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite(.messages(.en)) struct DiagnosticTests {
    @Test func rendersAndSorts() {
        let a = Diagnostic(.warning, "w", at: SourceLocation(file: "b.yaml", line: 1, column: 1))
        let b = Diagnostic(.error, "e2", at: SourceLocation(file: "a.yaml", line: 3, column: 2), hint: "did you mean `x`?")
        let c = Diagnostic(.error, "e1", at: SourceLocation(file: "a.yaml", line: 3, column: 1))
        #expect([a, b, c, b].sortedForDisplay().map(\.rendered) == [
            "a.yaml:3:1: error: e1", "a.yaml:3:2: error: e2; did you mean `x`?", "b.yaml:1:1: warning: w",
        ])
    }

    @Test func sourceMapFallsBackToParent() {
        var map = SourceMap(file: "f.yaml")
        map.record("sections[0]", line: 4, column: 3)
        #expect(map.location(of: "sections[0].criteria[2].scale").line == 4)
        #expect(map.location(of: "nothing").line == 1)
    }
}
