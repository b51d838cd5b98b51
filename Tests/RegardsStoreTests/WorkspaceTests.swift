import Foundation
import Testing
import RegardsCore
@testable import RegardsStore

final class TemporaryWorkspace {
    let directory: URL
    var path: String { directory.appendingPathComponent("regards.sqlite").path }

    init() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("regards-store-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    func open() throws -> SQLiteWorkspace { try SQLiteWorkspace(path: path, create: true) }
}

enum Sample {
    static let snapshot = ProtocolSnapshot(hash: String(repeating: "a", count: 64), id: "eval", version: "1.0.0", kind: "evaluation", file: "eval.yaml", source: "id: eval\n")
    static func visit(_ id: String = "2026-001", campaign: String? = "occitanie-2026") -> Visit {
        Visit(id: id, uid: "uid-\(id)", establishment: "CHRS Exemple", finess: "750712184", startDate: CalendarDate(iso: "2026-11-20"),
              inspectors: ["inspectrice-a"], campaign: campaign, evaluation: snapshot.pin, state: "preparation",
              context: ["public": .text("jeunes")], createdAt: "2026-11-26T10:00:00.000Z", createdBy: "inspectrice-a")
    }
}

/// What only the SQLite file does: owner-only, WAL, foreign keys, refusing other files untouched,
/// frozen migrations. What every store does is in `WorkspaceConformanceTests`.
@Suite struct WorkspaceFileTests {
    @Test func createdOwnerOnlyInWALWithTheSchema() throws {
        let t = TemporaryWorkspace()
        let w = try t.open()
        let mode = try FileManager.default.attributesOfItem(atPath: t.path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        #expect(try w.db.scalarInt("PRAGMA foreign_keys") == 1)
        #expect(try w.db.prepare("PRAGMA journal_mode").step())
        let journal = try w.db.prepare("PRAGMA journal_mode")
        _ = try journal.step()
        #expect(journal.string(0) == "wal")
        #expect(w.schemaVersion == Migrations.latest)
        #expect(try w.integrityCheck() == ["ok"])
    }

    @Test func missingWorkspaceIsNotCreatedUnlessAsked() {
        let t = TemporaryWorkspace()
        #expect(throws: StoreError.missing(path: t.path)) { try SQLiteWorkspace(path: t.path, create: false) }
        #expect(!FileManager.default.fileExists(atPath: t.path))
    }

    @Test func refusesAFileThatIsNotADatabaseUntouched() throws {
        let t = TemporaryWorkspace()
        let text = Data("ceci n'est pas une base\n".utf8)
        try text.write(to: URL(fileURLWithPath: t.path))
        #expect(throws: StoreError.notADatabase(path: t.path)) { try SQLiteWorkspace(path: t.path, create: true) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: t.path)) == text)
    }

    @Test func refusesAnotherApplicationsDatabase() throws {
        let t = TemporaryWorkspace()
        let other = try SQLiteConnection(path: { FileManager.default.createFile(atPath: t.path, contents: nil); return t.path }())
        try other.execute("CREATE TABLE t (x); INSERT INTO t VALUES (1)")
        #expect(throws: StoreError.notAWorkspace(path: t.path)) { try SQLiteWorkspace(path: t.path, create: true) }
    }

    @Test func refusesANewerSchemaUntouched() throws {
        let t = TemporaryWorkspace()
        do {
            let w = try t.open()
            try w.db.execute("PRAGMA user_version = \(Migrations.latest + 1)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: t.path))
        #expect(throws: StoreError.newerSchema(path: t.path, found: Migrations.latest + 1, supported: Migrations.latest)) {
            try SQLiteWorkspace(path: t.path, create: true)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: t.path)) == before)
    }

    /// Released migrations are frozen: their SQL must equal the copy kept in Tests/Fixtures/schemas.
    @Test func releasedMigrationsAreNeverEdited() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/schemas")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(files.count == Migrations.all.count)
        for (file, migration) in zip(files, Migrations.all) {
            #expect(file == String(format: "%04d-%@.sql", migration.version, migration.name))
            #expect(try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) == migration.sql + "\n")
        }
    }

    /// A database built with each released schema (from the frozen SQL) opens and migrates to the latest.
    @Test func eachReleasedSchemaMigratesForward() throws {
        for released in Migrations.all.map(\.version) {
            let t = TemporaryWorkspace()
            _ = FileManager.default.createFile(atPath: t.path, contents: nil)
            do {
                let db = try SQLiteConnection(path: t.path)
                for m in Migrations.all where m.version <= released { try db.execute(m.sql) }
                try db.execute("PRAGMA user_version = \(released); PRAGMA application_id = \(Migrations.applicationID)")
            }
            let w = try SQLiteWorkspace(path: t.path, create: false)
            #expect(w.schemaVersion == Migrations.latest)
            try w.createVisit(Sample.visit(), snapshots: [Sample.snapshot])
            #expect(try w.visit("2026-001")?.establishment == "CHRS Exemple")
        }
    }
}

/// Id lists are stored as JSON arrays; the plain shape is read without JSONDecoder, anything else
/// through it, with the same result either way.
@Suite struct StoredListTests {
    @Test(arguments: [
        "[]", "[\"AC-01\"]", "[\"AC-01\",\"AD-02\",\"VC-09\"]", "[\"é\",\"ç à\"]", "[\"a,b\",\"\"]",
        "[\"a\\\"b\"]", "[\"a\\\\b\"]", "[ \"AC-01\" ]", "[\"AC-01\",]", "[\"AC-01\"", "AC-01", "", "[1,2]", "{\"a\":1}", "[\"a\"\"b\"]",
    ])
    func sameAsJSONDecoder(text: String) {
        let decoded = (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
        #expect(Rows.strings(text) == decoded)
    }

    @Test func absentIsEmpty() {
        #expect(Rows.strings(nil) == [])
    }
}
