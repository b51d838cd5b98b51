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

    /// The connection string as `user` (over the local socket, trusted).
    func socket(user: String) -> String { server.socket(database: database, user: user) }

    /// A visit with two answers and an observation.
    func newVisit(_ id: String = "2026-001") throws {
        let made = try run("visit", "new", "--id", id, "--establishment", "CHRS Les Tilleuls", "--finess", "750712184", "--start", "2026-11-20",
                           "--campaign", "occitanie-2026", "--context", "hebergement=collectif", "--protocols", Run.root.appendingPathComponent("Protocols").path)
        guard made.status == 0 else { throw Demo.Failure(message: "visit new: \(made.stderr)") }
        try run("answer", id, "AC-10", "2", "--comment", "R07 joignable au 06 12 34 56 78 le soir")
        try run("answer", id, "AD-01", "3")
        try run("observe", id, "--method", "entretien", "--participant", "R07", "--text", "La cuisine ferme tôt.")
    }

    /// A login role of the inspectors' group.
    func inspectorLogin(_ name: String, password: String) throws {
        try server.sql("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(name)') THEN "
                       + "CREATE ROLE \(name) LOGIN PASSWORD '\(password)' IN ROLE regards_inspector; END IF; END $$")
    }

    /// Rows of a table of the store.
    func count(_ table: String, _ condition: String = "true") throws -> Int {
        Int(try server.sql("SELECT count(*) FROM regards.\(table) WHERE \(condition)", database: database).trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1
    }
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

    /// `store init` twice changes nothing; an inspector's role adds and reads, never rewrites
    /// history; the administrator's redaction leaves no old text in the table's files.
    @Test func rolesKeepTheHistoryAppendOnly() throws {
        let s = try ServerField()
        let again = try Run(["store", "init", "--db", s.db], in: s.directory)
        #expect(again.status == 0 && again.stdout.hasSuffix("schema 5, up to date\n"), "\(again.stderr)")
        try s.newVisit()
        try s.inspectorLogin("inspecteur_x", password: "mot-de-passe-x")
        let inspector = s.socket(user: "inspecteur_x")
        // An inspector records, moves phases, reviews.
        #expect(try s.run("answer", "2026-001", "AC-10", "3", "--reason", "revu", db: inspector).status == 0)
        #expect(try s.run("observe", "2026-001", "--method", "entretien", "--text", "Deuxième entretien.", db: inspector).status == 0)
        #expect(try s.run("visit", "list", db: inspector).stdout.contains("2026-001"))
        // … and cannot rewrite or delete history, from regards or from psql.
        let scan = try s.run("privacy", "scan", "2026-001", "--format", "json", db: inspector).stdout
        struct Finding: Decodable { var id: String }
        let finding = try #require(try JSONDecoder().decode([Finding].self, from: Data(scan.utf8)).first)
        let refused = try s.run("privacy", "review", "2026-001", finding.id, "--redact", "--reason", "numéro personnel", db: inspector)
        #expect(refused.status == 74)
        #expect(refused.stderr.hasSuffix("this role may add and read records, not change them: ask the store's administrator\n"), "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
        #expect(try s.count("answer_event", "comment LIKE '%06 12 34%'") == 1, "nothing was changed")
        for statement in ["UPDATE regards.answer_event SET value = '0'", "DELETE FROM regards.answer_event", "DELETE FROM regards.observation",
                          "UPDATE regards.observation SET text = 'x'", "TRUNCATE regards.state_event", "DROP TABLE regards.answer_event"] {
            #expect(throws: (any Error).self, "\(statement)") { try s.server.sql(statement, database: s.database, user: "inspecteur_x") }
        }
        #expect(try s.count("answer_event") == 3)
        // The administrator redacts: the old text is gone from the rows and from the table's files.
        let redacted = try s.run("privacy", "review", "2026-001", finding.id, "--redact", "--reason", "numéro personnel")
        #expect(redacted.status == 0, "\(redacted.stderr)")
        #expect(try s.count("answer_event", "comment LIKE '%06 12 34%'") == 0)
        let file = try s.server.relationFile("answer_event", database: s.database)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(bytes.range(of: Data("06 12 34 56 78".utf8)) == nil)
        #expect(bytes.range(of: Data("[masqué]".utf8)) != nil)
    }

    /// Connection strings: the password never printed; TLS for a remote host; a wrong host, port,
    /// role or password is one line, exit 74, within 5 seconds.
    @Test func connectionsAreCheckedAndSaidWithoutThePassword() throws {
        let s = try ServerField()
        try s.newVisit()
        try s.inspectorLogin("inspectrice_y", password: "secret-y")
        let port = s.server.port
        // Over TCP on the loopback: a password, no TLS needed.
        let good = "postgresql://inspectrice_y:secret-y@127.0.0.1:\(port)/\(s.database)"
        let list = try s.run("visit", "list", db: good)
        #expect(list.status == 0 && list.stdout.contains("2026-001"), "\(list.stderr)")
        let cases: [(db: String, status: Int32, says: String)] = [
            ("postgresql://inspectrice_y:wrong-pass@127.0.0.1:\(port)/\(s.database)", 74, "password authentication failed"),
            ("host=127.0.0.1 port=\(port) user=inspectrice_y password=wrong-pass dbname=\(s.database)", 74, "password authentication failed"),
            ("host=\(s.server.directory.path) port=\(port) user=nobody dbname=\(s.database)", 74, "role \"nobody\" does not exist"),
            ("postgresql://inspectrice_y:secret-y@127.0.0.1:1/\(s.database)", 74, "Connection refused"),
            ("postgresql://inspectrice_y:secret-y@store.invalid/\(s.database)", 64, "must be encrypted"),
            ("host=192.0.2.10 user=inspectrice_y password=secret-y sslmode=prefer dbname=x", 64, "must be encrypted"),
            ("host=\(s.server.directory.path) port=\(port) user=regards dbname=postgres", 65, "no Regards store in this database"),
        ]
        for c in cases {
            let start = Date()
            let run = try s.run("visit", "list", db: c.db)
            #expect(Date().timeIntervalSince(start) < 5, "\(c.db)")
            #expect(run.status == c.status, "\(c.db): \(run.stderr)")
            #expect(run.stderr.contains(c.says), "\(c.db): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
            for secret in ["wrong-pass", "secret-y"] { #expect(!run.stderr.contains(secret), "\(run.stderr)") }
            #expect(run.stdout.isEmpty)
        }
        // A host that accepts the connection and never answers: given up after the connection timeout.
        let silent = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(silent) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(silent, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        #expect(bound == 0 && listen(silent, 8) == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(silent, $0, &length) } }
        let start = Date()
        let hung = try s.run("visit", "list", db: "postgresql://inspectrice_y:secret-y@127.0.0.1:\(UInt16(bigEndian: address.sin_port))/\(s.database)")
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(hung.status == 74 && hung.stderr.contains("timeout") && !hung.stderr.contains("secret-y"), "\(hung.stderr)")
        // libpq's own settings: PG* variables, a password file, REGARDS_DB.
        let passfile = s.path("pgpass")
        try "127.0.0.1:\(port):\(s.database):inspectrice_y:secret-y\n".write(toFile: passfile, atomically: true, encoding: .utf8)
        chmod(passfile, 0o600)
        let variables = ["PGHOST": s.server.directory.path, "PGPORT": "\(port)", "PGUSER": "regards"]
        #expect(try Run(["visit", "list", "--db", "dbname=\(s.database)"], in: s.directory, environment: variables).stdout.contains("2026-001"))
        let withFile = try Run(["visit", "list", "--db", "postgresql://inspectrice_y@127.0.0.1:\(port)/\(s.database)"], in: s.directory, environment: ["PGPASSFILE": passfile])
        #expect(withFile.stdout.contains("2026-001"), "\(withFile.stderr)")
        #expect(try Run(["visit", "list"], in: s.directory, environment: ["REGARDS_DB": good]).stdout.contains("2026-001"))
        let remote = try Run(["visit", "list", "--db", "dbname=x"], in: s.directory, environment: ["PGHOST": "store.invalid"])
        #expect(remote.status == 64 && remote.stderr.contains("a connection to store.invalid must be encrypted"), "\(remote.stderr)")
        // A remote host with TLS required goes on to connect (and fails only because it is not there).
        let tls = try s.run("visit", "list", db: "postgresql://u:secret-y@store.invalid/x?sslmode=verify-full")
        #expect(tls.status == 74 && tls.stderr.contains("postgresql://u:***@store.invalid/x?sslmode=verify-full"), "\(tls.stderr)")
    }

    /// Two laptops pull a visit, work offline, push: the server holds both; pushing twice adds
    /// nothing; an answer changed on both sides is a conflict, kept in the history.
    @Test func laptopsPullWorkOfflineAndPush() throws {
        let s = try ServerField()
        try s.newVisit()
        let (a, b) = (s.path("a.sqlite"), s.path("b.sqlite"))
        let pulled = try Run(["visit", "pull", "2026-001", "--from", s.db, "--db", a], in: s.directory)
        #expect(pulled.stdout.hasPrefix("visit 2026-001 pulled: 2 answer event(s), 1 observation(s)"), "\(pulled.stderr)")
        #expect(try Run(["visit", "pull", "2026-001", "--db", b], in: s.directory, environment: ["REGARDS_SERVER": s.db]).status == 0)
        // Offline: each laptop adds its own, and both change AC-10.
        #expect(try s.run("answer", "2026-001", "AC-10", "3", "--reason", "revu en réunion", "--comment", "Vu au repas du soir", db: a).status == 0)
        #expect(try s.run("observe", "2026-001", "--method", "observation-passive", "--text", "Repas du soir observé.", db: a).status == 0)
        #expect(try s.run("answer", "2026-001", "AC-10", "1", "--reason", "dossier relu", db: b, inspector: "inspecteur-b").status == 0)
        #expect(try s.run("answer", "2026-001", "AD-02", "4", "--comment", "Pièces du dossier lues", db: b, inspector: "inspecteur-b").status == 0)
        #expect(try s.run("observe", "2026-001", "--method", "entretien", "--text", "Lingerie fermée le dimanche.", db: b, inspector: "inspecteur-b").status == 0)
        let first = try Run(["visit", "push", "2026-001", "--to", s.db, "--db", a], in: s.directory)
        #expect(first.stdout == "visit 2026-001 merged: 1 new answer event(s), 1 observation(s), 0 journey entr(y/ies), 0 action(s), 0 phase change(s)\n", "\(first.stderr)")
        let twice = try Run(["visit", "push", "2026-001", "--to", s.db, "--db", a], in: s.directory)
        #expect(twice.stdout.hasPrefix("visit 2026-001: nothing new in \(a)"), "\(twice.stdout)")
        let second = try Run(["visit", "push", "2026-001", "--to", s.db, "--db", b], in: s.directory)
        #expect(second.status == 0)
        #expect(second.stdout.contains("merged: 2 new answer event(s), 1 observation(s)") && second.stdout.contains("conflict: AC-10: 3 here (inspectrice-a"),
                "\(second.stdout)")
        #expect(try s.count("answer_event") == 5)
        #expect(try s.count("observation") == 3)
        // The campaign workbook built from the server holds both laptops' work.
        let workbook = s.path("campagne.xlsx")
        let written = try s.run("compare", "--campaign", "occitanie-2026", "--xlsx", workbook, "--allow-personal-data")
        #expect(written.status == 0, "\(written.stderr)")
        let strings = try workbookContent(workbook)["xl/sharedStrings.xml"] ?? ""
        #expect(strings.contains("Pièces du dossier lues"), "laptop B's answer")
        #expect(try s.run("visit", "status", "2026-001").stdout.contains("Observations : 3"), "both laptops' observations")
        let log = try s.run("visit", "log", "2026-001").stdout
        #expect(log.contains("revu en réunion") && log.contains("dossier relu"))
        // Pulling again brings the other laptop's work.
        let back = try Run(["visit", "pull", "2026-001", "--from", s.db, "--db", a], in: s.directory)
        #expect(back.stdout.hasPrefix("visit 2026-001 merged: 2 new answer event(s), 1 observation(s)"), "\(back.stdout)")
        // Bad input: a visit the server does not have; no server named; another visit under the same id.
        let missing = try Run(["visit", "pull", "2026-0001", "--from", s.db, "--db", a], in: s.directory)
        #expect(missing.status == 66 && missing.stderr.contains("no visit `2026-0001` in host=") && missing.stderr.contains("did you mean"), "\(missing.stderr)")
        #expect(try Run(["visit", "push", "2026-001", "--db", a], in: s.directory).stderr == "regards: error: say which store with --to postgres://… (or set REGARDS_SERVER)\n")
        let other = s.path("other.sqlite")
        #expect(try Run(["visit", "new", "--id", "2026-001", "--establishment", "CHRS Autre", "--finess", "750712184", "--db", other], in: s.directory).status == 0)
        let clash = try Run(["visit", "push", "2026-001", "--to", s.db, "--db", other], in: s.directory)
        #expect(clash.status == 65 && clash.stderr.contains("is a different visit"), "\(clash.stderr)")
        #expect(try s.count("answer_event") == 5, "nothing was changed")
    }

    /// 8 processes record 250 answers each on one visit at the same time: 2,000 history rows, no
    /// error, and each row's previous answer is the one recorded before it.
    @Test func eightWritersAtOnce() throws {
        let s = try ServerField()
        try s.newVisit()
        let criteria = try String(contentsOf: Run.root.appendingPathComponent("Templates/demo/2026-001/evaluation.csv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { String($0.prefix(while: { $0 != "," })) }
        let before = try s.count("answer_event")
        var writers: [Process] = []
        for w in 0..<8 {
            // Five files of 50 distinct criteria.
            var script = ""
            for round in 0..<5 {
                let rows = (0..<50).map { "\(criteria[$0 % criteria.count]),\(1 + (w + round + $0) % 4),rédacteur \(w) tour \(round)" }
                let file = s.path("w\(w)-\(round).csv")
                try ("criterion,value,comment\n" + rows.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
                script += "\(Run.binary.path) answer 2026-001 --from \(file) --db '\(s.db)' --inspector w\(w) || exit 1\n"
            }
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", script]
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            writers.append(p)
        }
        for p in writers { p.waitUntilExit() }
        #expect(writers.allSatisfy { $0.terminationStatus == 0 })
        #expect(try s.count("answer_event") - before == 2_000)
        let broken = try s.server.sql("""
            SELECT count(*) FROM (SELECT previous, lag(value) OVER (PARTITION BY grid, criterion ORDER BY seq) AS before
                                  FROM regards.answer_event WHERE visit = '2026-001') t WHERE previous IS DISTINCT FROM before
            """, database: s.database)
        #expect(broken.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    /// Waits until a backend of the server is blocked on a lock (the command under test got there).
    static func waitForBlockedBackend(_ server: TestServer, database: String, timeout: TimeInterval = 20) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let waiting = try server.sql("SELECT count(*) FROM pg_stat_activity WHERE datname = '\(database)' AND application_name = 'regards' AND wait_event_type = 'Lock'")
            if waiting.trimmingCharacters(in: .whitespacesAndNewlines) != "0" { return true }
            usleep(20_000)
        }
        return false
    }

    /// A push killed (SIGKILL) in the middle of its transaction — every row sent, the last
    /// statement waiting — leaves nothing on the server; pushing again completes it.
    @Test func aPushKilledMidTransactionLeavesNothing() throws {
        let s = try ServerField()
        try s.newVisit()
        let laptop = s.path("laptop.sqlite")
        #expect(try Run(["visit", "pull", "2026-001", "--from", s.db, "--db", laptop], in: s.directory).status == 0)
        for round in 0..<3 {
            #expect(try s.run("answer", "2026-001", "AC-10", "\(round + 1)", "--reason", "tour \(round)", db: laptop).status == 0)
            #expect(try s.run("observe", "2026-001", "--method", "entretien", "--text", "Entretien \(round).", db: laptop).status == 0)
        }
        let (answers, observations) = (try s.count("answer_event"), try s.count("observation"))
        // Hold the visit's row: the push sends every row, then waits on its last statement (the phase).
        let holder = try s.server.background("BEGIN; SELECT 1 FROM regards.visit WHERE id = '2026-001' FOR NO KEY UPDATE; SELECT pg_sleep(60); COMMIT",
                                             database: s.database)
        defer { if holder.isRunning { holder.terminate() } }
        usleep(300_000)
        let push = try started(["visit", "push", "2026-001", "--to", s.db, "--db", laptop])
        #expect(try Self.waitForBlockedBackend(s.server, database: s.database), "the push reached its last statement")
        kill(push.processIdentifier, SIGKILL)
        push.waitUntilExit()
        #expect(push.terminationReason == .uncaughtSignal)
        // The holder's transaction ends (its backend, not only psql).
        try s.server.sql("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(s.database)' AND query LIKE '%pg_sleep%' AND pid <> pg_backend_pid()")
        holder.waitUntilExit()
        #expect(try s.count("answer_event") == answers)
        #expect(try s.count("observation") == observations)
        let again = try Run(["visit", "push", "2026-001", "--to", s.db, "--db", laptop], in: s.directory)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.hasPrefix("visit 2026-001 merged: 3 new answer event(s), 3 observation(s)"), "\(again.stdout)")
        #expect(try s.count("answer_event") == answers + 3)
        #expect(try Run(["visit", "push", "2026-001", "--to", s.db, "--db", laptop], in: s.directory).stdout.contains("nothing new"))
    }

    /// The server stopped while a command runs: one line, exit 74, nothing half-written; it works
    /// again once the server is back. A store whose schema is newer than the binary is refused
    /// untouched; an older one is for the administrator to upgrade.
    @Test func aServerThatStopsOrIsNewerIsSaidInOneLine() throws {
        let server = try TestServer.dedicated()
        defer { server.stop(mode: "immediate") }
        let db = try server.newDatabase()
        let database = String(db.split(separator: "=").last!)
        let directory = temporaryDirectory()
        func run(_ arguments: String...) throws -> Run { try Run(Array(arguments) + ["--db", db, "--inspector", "inspectrice-a"], in: directory) }
        #expect(try run("store", "init").status == 0)
        #expect(try run("visit", "new", "--id", "2026-001", "--establishment", "CHRS Les Tilleuls", "--finess", "750712184").status == 0)
        // A writer waits for the lock another holds, and the server stops under it.
        let holder = try server.background("SELECT pg_advisory_lock(\(0x5247_4453)); SELECT pg_sleep(60)", database: database)
        defer { if holder.isRunning { holder.terminate() } }
        usleep(300_000)
        let csv = directory.appendingPathComponent("a.csv").path
        try "criterion,value\nAC-10,2\nAD-01,3\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let out = Pipe(), err = Pipe()
        let writer = Process()
        writer.executableURL = Run.binary
        writer.arguments = ["answer", "2026-001", "--from", csv, "--db", db]
        writer.environment = ProcessInfo.processInfo.environment.merging(["REGARDS_LANG": "en"]) { $1 }
        writer.standardOutput = out
        writer.standardError = err
        try writer.run()
        #expect(try Self.waitForBlockedBackend(server, database: database))
        server.stop(mode: "immediate")
        let said = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 74)
        #expect(said.hasPrefix("regards: error: \(db): cannot reach the PostgreSQL store: ") && said.split(separator: "\n").count == 1, "\(said)")
        let down = try run("visit", "list")
        #expect(down.status == 74 && down.stderr.split(separator: "\n").count == 1, "\(down.stderr)")
        try server.start()
        let list = try run("visit", "status", "2026-001")
        #expect(list.status == 0, "\(list.stderr)")
        #expect(try run("answer", "2026-001", "--from", csv).status == 0)
        #expect(try server.sql("SELECT count(*) FROM regards.answer_event", database: database).trimmingCharacters(in: .whitespacesAndNewlines) == "2")
        // A newer schema: refused, untouched; an older one: the administrator upgrades it.
        try server.sql("INSERT INTO regards.schema_migration (version, name) VALUES (99, 'from-the-future')", database: database)
        let newer = try run("visit", "list")
        #expect(newer.status == 65 && newer.stderr.contains("was written by a newer Regards (schema 99, this binary knows up to 5); nothing was changed"), "\(newer.stderr)")
        #expect(try run("store", "init").status == 65)
        try server.sql("DELETE FROM regards.schema_migration WHERE version >= 5", database: database)
        let older = try run("visit", "list")
        #expect(older.status == 65 && older.stderr.contains("the store's schema is 4, this Regards needs 5; the administrator upgrades it"), "\(older.stderr)")
    }
}
