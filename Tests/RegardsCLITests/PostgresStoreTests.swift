import Foundation
import Testing
import ZIPFoundation
import RegardsTestSupport

/// A PostgreSQL store on the tests' server (a new database, set up with `store init`), and
/// `regards` run against it.
final class ServerField {
    let server: TestServer
    /// The store's connection string (the superuser, over the local socket).
    let db: String
    let directory = temporaryDirectory()

    init() throws {
        server = try TestServer.shared.get()
        db = try server.newDatabase()
        let setup = try Run(["store", "init", "--db", db], in: directory)
        guard setup.status == 0 else { throw Demo.Failure(message: "store init failed: \(setup.stderr)") }
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    /// The database's name.
    var database: String { String(db.split(separator: "=").last!) }

    @discardableResult
    func run(_ arguments: String..., db: String? = nil, inspector: String = "inspectrice-a", environment: [String: String] = [:]) throws -> Run {
        try Run(Array(arguments) + ["--db", db ?? self.db, "--inspector", inspector], in: directory, environment: environment)
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
}

/// A workbook's sheets and strings as text, what differs between two runs replaced (the times of
/// records, fractional day numbers; the uids and hashes its stamps carry): equal when the
/// workbooks show the same.
func workbookContent(_ path: String) throws -> [String: String] {
    let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    var out: [String: String] = [:]
    for entry in archive where entry.path.hasPrefix("xl/worksheets/") || entry.path == "xl/sharedStrings.xml" {
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        out[entry.path] = String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: #"<v>4\d{4}\.\d+</v>"#, with: "<v>T</v>", options: .regularExpression)
            .replacingOccurrences(of: #"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"#, with: "UID", options: .regularExpression)
            .replacingOccurrences(of: #"[0-9a-f]{64}"#, with: "HASH", options: .regularExpression)
    }
    return out
}

/// Timestamps of records (`2026-12-03T08:13:22.675Z`) replaced: equal when two runs say the same.
func withoutTimes(_ text: String) -> String {
    text.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z"#, with: "T", options: .regularExpression)
}

@Suite(.enabled(if: TestServer.enabled, "no PostgreSQL server (REGARDS_REQUIRE_POSTGRES=1 makes this a failure)"))
struct PostgresStoreTests {
    /// The whole command set on a server gives what it gives on a file: the demo built in each,
    /// every view, report and workbook compared.
    @Test func theDemoGivesTheSameAnswersOnAServerAsInAFile() throws {
        let s = try ServerField()
        let file = try Demo.folder()
        let out = s.path("demo")
        let demo = try Run(["demo", "--db", s.db, "--out", out], in: s.directory)
        #expect(demo.status == 0, "\(demo.stderr)")
        let sqlite = file.appendingPathComponent("demo.sqlite").path
        for name in ["restitution-2026-001.md", "rapport-provisoire-2026-001.md", "lettre-2026-001.md", "rapport-definitif-2026-001.html"] {
            #expect(try String(contentsOfFile: "\(out)/\(name)", encoding: .utf8) == String(contentsOf: file.appendingPathComponent(name), encoding: .utf8), "\(name)")
        }
        for name in ["campagne-demo-occitanie-2026.xlsx", "comparaison-2026-001.xlsx", "suivi-2026-001.xlsx", "evolution-2027-001.xlsx", "grille-remplie-2027-001.xlsx"] {
            #expect(try workbookContent("\(out)/\(name)") == workbookContent(file.appendingPathComponent(name).path), "\(name)")
        }
        let commands: [[String]] = [
            ["visit", "list", "--format", "csv"], ["visit", "status", "2026-001"], ["visit", "log", "2026-001"], ["visit", "log", "2027-001"],
            ["compare", "--campaign", "demo-occitanie-2026", "--format", "json"], ["agreement", "--campaign", "demo-occitanie-2026", "--format", "csv"],
            ["measure", "list", "2026-001"], ["finding", "list", "2026-001"], ["privacy", "scan", "2026-002"], ["journey", "show", "2026-001"],
            ["action", "list", "2026-001"], ["observation", "list", "2026-003"], ["protocol", "review", "chrs-acces-aux-droits", "--campaign", "demo-occitanie-2026"],
        ]
        for command in commands {
            let here = try Run(command + ["--db", s.db], in: s.directory), there = try Run(command + ["--db", sqlite], in: s.directory)
            #expect(here.status == there.status, "\(command)")
            #expect(withoutTimes(here.stdout) == withoutTimes(there.stdout), "\(command): \(TextDiff.unified(expected: withoutTimes(there.stdout), actual: withoutTimes(here.stdout)))")
        }
        // The demo is built in an empty store only.
        let again = try Run(["demo", "--db", s.db, "--out", out], in: s.directory)
        #expect(again.status == 64 && again.stderr.hasSuffix("already holds visit 2026-001\n"))
    }
}
