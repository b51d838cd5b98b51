import Foundation
import Testing
import RegardsTestSupport

/// The bad-input corpus (Tests/Fixtures/bad-input/KIND/CASE/): each case runs `regards` with the
/// arguments in `args` (one per line; `$DB` is a fresh workspace holding visit 2026-001, `$CASE`
/// the case's folder, `$TMP` an empty folder) and expects exactly `expected` in English and
/// `expected.fr` in French: its first line is the exit status, the rest is stderr. Nothing may be written: stdout stays empty, the visit's history
/// does not change and `$TMP` stays empty.
@Suite struct BadInputTests {
    static let root = Run.fixtures.appendingPathComponent("bad-input")

    static let cases: [String] = {
        let kinds = (try? FileManager.default.contentsOfDirectory(atPath: root.path))?.sorted() ?? []
        return kinds.flatMap { kind in
            ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(kind).path))?.sorted() ?? []).map { "\(kind)/\($0)" }
        }.filter { FileManager.default.fileExists(atPath: root.appendingPathComponent("\($0)/args").path) }
    }()

    @Test func corpusCoversEveryKind() {
        let kinds = Set(Self.cases.map { String($0.split(separator: "/")[0]) })
        #expect(kinds.isSuperset(of: ["answers-csv", "bundle", "date", "finess", "command-line"]))
        #expect(Self.cases.count >= 30)
    }

    /// Each language's expectation file.
    static let expectations = ["en": "expected", "fr": "expected.fr"]

    @Test(arguments: cases, ["fr", "en"])
    func refusedWithTheExpectedReason(name: String, language: String) throws {
        let directory = Self.root.appendingPathComponent(name)
        let f = Field()
        try f.newVisit()
        let before = try f.historyCount()
        let tmp = f.directory.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
        func expand(_ s: String) -> String {
            s.replacingOccurrences(of: "$DB", with: f.db).replacingOccurrences(of: "$CASE", with: directory.path).replacingOccurrences(of: "$TMP", with: tmp.path)
        }
        let args = try String(contentsOf: directory.appendingPathComponent("args"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { expand(String($0)) }
        let expected = try String(contentsOf: directory.appendingPathComponent(try #require(Self.expectations[language])), encoding: .utf8)
        let status = Int32(expected.prefix { $0 != "\n" }) ?? -1
        let stderr = expand(String(expected.drop { $0 != "\n" }.dropFirst()))
        let run = try Run(args, in: f.directory, environment: ["REGARDS_LANG": language])
        #expect(run.status == status, "\(name): \(run.stderr)")
        #expect(run.stderr == stderr, "\(name):\n\(TextDiff.unified(expected: stderr, actual: run.stderr, name: "expected"))")
        #expect(run.stdout.isEmpty, "\(name) wrote to stdout")
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump"))
        #expect(try f.historyCount() == before, "\(name) changed the history")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty, "\(name) wrote a file")
    }
}

@Suite struct LargeInputTests {
    /// 100,000 rows for the evaluation grid: refused quickly as a whole, every bad row counted, the first hundred listed.
    @Test func hundredThousandRowsAreRefusedWhole() throws {
        let f = Field()
        try f.newVisit()
        let ids = ["AC-10"] + (2...9).map { "AC-0\($0)" }
        var text = "criterion,value,comment,evidence\n"
        for i in 0..<100_000 { text += "\(ids[i % 9]),\(1 + i % 4),\"commentaire \(i), avec virgule\",\n" }
        let path = try f.write("cent-mille.csv", text)
        let run = try f.run("answer", "2026-001", "--from", path)
        #expect(run.status == 65)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 102)
        #expect(lines.first == "\(path):11: error: AC-10 is already answered on line 2")
        #expect(lines.last == "regards: error: \(path): 99991 bad row(s); nothing was written")
        #expect(try f.historyCount() == 0)
    }
}
