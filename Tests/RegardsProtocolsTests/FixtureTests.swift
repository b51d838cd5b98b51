import Foundation
import Testing
import RegardsTestSupport
import RegardsCore
@testable import RegardsProtocols

/// Renders what `regards protocol validate --protocols .` prints inside `directory`.
func validationOutput(of directory: URL) throws -> [String] {
    let repository = try ProtocolRepository(directories: [directory.path])
    return repository.allDiagnostics().map { $0.rendered.replacingOccurrences(of: directory.path + "/", with: "") }
}

@Suite(.messages(.en)) struct DocumentationExamplesTests {
    static let documentation = Paths.read(Paths.root.appendingPathComponent("docs/protocol-format.md"))

    static var examples: [(path: String, body: String)] {
        let lines = documentation.components(separatedBy: "\n")
        var out: [(String, String)] = []
        var i = 0
        while i < lines.count {
            if lines[i] == "```yaml", i + 1 < lines.count, lines[i + 1].hasPrefix("# Tests/Fixtures/docs/") {
                let path = String(lines[i + 1].dropFirst(2))
                var body: [String] = []
                i += 2
                while i < lines.count, lines[i] != "```" { body.append(lines[i]); i += 1 }
                out.append((path, body.joined(separator: "\n") + "\n"))
            }
            i += 1
        }
        return out
    }

    @Test func everyExampleIsAFixture() {
        let examples = Self.examples
        #expect(examples.count >= 5)
        for example in examples {
            let fixture = Paths.read(Paths.root.appendingPathComponent(example.path))
            #expect(fixture == example.body, "\(example.path) differs from its example in docs/protocol-format.md")
        }
    }

    @Test func examplesValidateTogether() throws {
        #expect(try validationOutput(of: Paths.fixtures.appendingPathComponent("docs")) == [])
    }

    @Test func everyKeyIsDocumented() {
        let keys = ProtocolLoader.protocolKeys + ProtocolLoader.workflowKeys + GridReader.criterionKeys + Guard.vocabulary
            + ["not_applicable", "not_applicable_label", "not_assessed", "not_assessed_label", "overlaps_with", "repeat_every", "relation", "purpose"]
        for key in Set(keys) {
            #expect(Self.documentation.contains("`\(key)`"), "`\(key)` is not documented")
        }
    }
}

@Suite(.messages(.en)) struct InvalidFixtureTests {
    static let cases = Paths.subdirectories(of: Paths.fixtures.appendingPathComponent("invalid"))

    @Test func corpusIsThereAndComplete() {
        #expect(Self.cases.count >= 60)
        for directory in Self.cases {
            #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("expected.txt").path), "\(directory.lastPathComponent) has no expected.txt")
        }
    }

    @Test(arguments: cases)
    func yieldsExpectedDiagnostics(directory: URL) throws {
        let expected = Paths.read(directory.appendingPathComponent("expected.txt")).split(separator: "\n").map(String.init)
        let actual = try validationOutput(of: directory)
        #expect(actual == expected, "\(directory.lastPathComponent):\n\(TextDiff.unified(expected: expected.joined(separator: "\n"), actual: actual.joined(separator: "\n"), name: "expected.txt"))")
        #expect(actual.contains { $0.contains(": error: ") }, "\(directory.lastPathComponent) must fail validation")
    }
}

@Suite(.messages(.en)) struct DiffFixtureTests {
    static let directory = Paths.fixtures.appendingPathComponent("diff")

    func diff() throws -> ProtocolDiff {
        let old = try ProtocolRepository.load(Self.directory.appendingPathComponent("exemple-1.0.0.yaml").path)
        let new = try ProtocolRepository.load(Self.directory.appendingPathComponent("exemple-1.1.0.yaml").path)
        #expect(old.diagnostics.isEmpty && new.diagnostics.isEmpty)
        return try ProtocolDiff(old: #require(old.grid), new: #require(new.grid))
    }

    @Test func jsonIsStableAndMatchesGolden() throws {
        let first = CanonicalJSON.string(try diff()), second = CanonicalJSON.string(try diff())
        #expect(first == second)
        #expect(first + "\n" == Paths.read(Self.directory.appendingPathComponent("expected.json")))
    }

    @Test func classesEveryChange() throws {
        let d = try diff()
        func impact(_ subject: String, _ id: String, _ field: String? = nil) -> ProtocolDiff.Impact? {
            d.changes.first { $0.subject == subject && $0.id == id && (field == nil || $0.field == field) }?.impact
        }
        #expect(impact("criterion", "AC-03") == .breaking)
        #expect(impact("criterion", "AC-12") == .migration)
        #expect(d.changes.contains { $0.kind == .renamed && $0.old == "AC-02" && $0.id == "AC-12" })
        #expect(!d.changes.contains { $0.id == "AC-02" && $0.kind == .removed })
        #expect(impact("criterion", "AC-05") == .safe)
        #expect(impact("criterion", "AC-01", "title") == .safe)
        #expect(impact("criterion", "AC-04", "weight") == .migration)
        #expect(impact("criterion", "AC-04", "when") == .migration)
        #expect(impact("criterion", "VC-01", "section") == .safe)
        #expect(impact("scale", "qualite", "levels") == .migration)
        #expect(impact("method", "visite-guidee") == .breaking)
        #expect(impact("journey-step", "contrat-remis", "deadline") == .migration)
        #expect(impact("journey-step", "contrat-remis", "unless") == .migration)
        #expect(impact("journey", "exit") == .migration)
        // A criterion two new ones replace is split: neither piece is "added", the old one not "removed".
        #expect(d.changes.contains { $0.kind == .split && $0.id == "AC-06" && $0.new == "AC-07, AC-08" && $0.impact == .breaking })
        #expect(!d.changes.contains { ["AC-06", "AC-07", "AC-08"].contains($0.id) && [.added, .removed, .renamed].contains($0.kind) })
        #expect(d.impact == .breaking)
        #expect(d.warnings == ["breaking changes need a new major version (1.0.0 → 2.0.0)"])
    }

    @Test func scaleRemovalIsBreaking() throws {
        var a = try #require(ProtocolRepository.load(Self.directory.appendingPathComponent("exemple-1.0.0.yaml").path).grid)
        var b = a
        b.version = SemanticVersion(2, 0, 0)
        b.scales[0].levels.removeLast()
        b.scales[0].notApplicable = false
        let d = try ProtocolDiff(old: a, new: b)
        #expect(d.changes.map(\.impact) == [.breaking, .breaking])
        #expect(d.warnings.isEmpty)
        a.id = "autre"
        #expect(throws: ProtocolDiff.DifferentProtocols.self) { try ProtocolDiff(old: a, new: b) }
    }

    @Test func identicalFilesHaveNoChange() throws {
        let a = try #require(ProtocolRepository.load(Self.directory.appendingPathComponent("exemple-1.0.0.yaml").path).grid)
        let d = try ProtocolDiff(old: a, new: a)
        #expect(d.changes.isEmpty && d.impact == .safe && d.warnings.isEmpty)
    }
}
