import Foundation

/// A throwaway PostgreSQL server for the tests, started once per test process in a temporary
/// folder (initdb, then pg_ctl; as `postgres` when the tests run as root, since PostgreSQL refuses
/// to run as root) and stopped when the process ends. Local socket connections are trusted; TCP
/// on 127.0.0.1 asks for a password (SCRAM), so that wrong passwords can be tested.
/// `REGARDS_REQUIRE_POSTGRES=1` (what CI sets): a server that cannot start fails the tests that
/// need it instead of skipping them.
public final class TestServer: @unchecked Sendable {
    public static let required = ProcessInfo.processInfo.environment["REGARDS_REQUIRE_POSTGRES"] == "1"

    /// The server's binaries (the highest version installed), or nil.
    public static let binaries: String? = {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        guard let version = versions.last else { return nil }
        let bin = "\(root)/\(version)/bin"
        return FileManager.default.isExecutableFile(atPath: bin + "/initdb") ? bin : nil
    }()

    /// The shared server, or why there is none.
    public static let shared: Result<TestServer, Clients.Failure> = {
        do {
            let server = try TestServer()
            server.watch()
            return .success(server)
        } catch let failure as Clients.Failure {
            return .failure(failure)
        } catch {
            return .failure(Clients.Failure(description: "\(error)"))
        }
    }()

    /// True when the PostgreSQL tests run: a server started, or one is required (and the tests fail).
    public static var enabled: Bool { required || (try? shared.get()) != nil }

    /// The folder of the server: its data, its socket, its log.
    public let directory: URL
    /// The TCP port on 127.0.0.1 (the socket has the same number).
    public let port: Int
    /// The superuser the tests connect as.
    public let superuser = "regards"
    private let bin: String
    private let lock = NSLock()
    private var databases = 0

    /// A server of the test's own (to stop and start without disturbing the others), removed
    /// when the test process ends.
    public static func dedicated() throws -> TestServer {
        let server = try TestServer()
        server.watch()
        return server
    }

    /// psql running `script` in the background (to hold a lock while a command runs); kill it to end it.
    public func background(_ script: String, database: String) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "\(bin)/psql")
        p.arguments = ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", socket(database: database), "-c", script]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }

    /// The data files of a table (to check what is on the disk).
    public func relationFile(_ table: String, database: String) throws -> String {
        let relative = try sql("SELECT pg_relation_filepath('\(table)')", database: database).trimmingCharacters(in: .whitespacesAndNewlines)
        return directory.appendingPathComponent("data").appendingPathComponent(relative).path
    }

    init() throws {
        guard let bin = Self.binaries else {
            throw Clients.Failure(description: "PostgreSQL is required (REGARDS_REQUIRE_POSTGRES=1) but no server is installed; run `make setup-tests`")
        }
        self.bin = bin
        directory = URL(fileURLWithPath: "/tmp").appendingPathComponent("regards-pg-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        port = Int.random(in: 20_000...60_000)
        let root = getuid() == 0
        if root { _ = Self.shell("chown postgres:postgres \(directory.path)") }
        let d = directory.path
        let script = """
            \(bin)/initdb -D \(d)/data -U regards --auth-local=trust --auth-host=scram-sha-256 --no-sync -E UTF8 --locale=C.UTF-8 >\(d)/initdb.log 2>&1 && \
            \(bin)/pg_ctl -D \(d)/data -w -l \(d)/log -o "-k \(d) -p \(port) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60" start >\(d)/start.log 2>&1
            """
        let result = Self.shell(script, asServer: root)
        guard result.status == 0 else {
            let log = (try? String(contentsOf: directory.appendingPathComponent("log"), encoding: .utf8)) ?? ""
            let initLog = (try? String(contentsOf: directory.appendingPathComponent("initdb.log"), encoding: .utf8)) ?? ""
            throw Clients.Failure(description: "the test PostgreSQL server did not start: \(result.output) \(initLog.suffix(400)) \(log.suffix(400))")
        }
    }

    /// A connection string over the local socket (trusted).
    public func socket(database: String = "postgres", user: String? = nil) -> String {
        "host=\(directory.path) port=\(port) user=\(user ?? superuser) dbname=\(database)"
    }

    /// A new empty database; its connection string.
    public func newDatabase() throws -> String {
        let name = lock.withLock { () -> String in
            databases += 1
            return "regards_test_\(databases)"
        }
        try sql("CREATE DATABASE \(name)")
        return socket(database: name)
    }

    /// Runs SQL with psql as the superuser, or `user` (in `database`); its output.
    @discardableResult
    public func sql(_ text: String, database: String = "postgres", user: String? = nil) throws -> String {
        let command = "\(bin)/psql -X -q -A -t -v ON_ERROR_STOP=1 -d \(Self.quoted(socket(database: database, user: user))) -c \(Self.quoted(text))"
        let result = Self.shell(command)
        guard result.status == 0 else { throw Clients.Failure(description: "psql: \(result.output)") }
        return result.output
    }

    /// Stops the server (`immediate`: as a crash would) and starts it again.
    public func stop(mode: String = "fast") {
        _ = try? control("stop -m \(mode)")
    }

    /// A watchdog, detached from the tests: once the test process is gone (however it ended), it
    /// stops the server and removes its folder.
    func watch() {
        let d = directory.path
        let stop = "\(bin)/pg_ctl -D \(d)/data -m immediate stop"
        let command = getuid() == 0 ? "su postgres -s /bin/sh -c \(Self.quoted(stop))" : stop
        _ = Self.shell("nohup setsid sh -c \(Self.quoted("while kill -0 \(getpid()) 2>/dev/null; do sleep 1; done; \(command); rm -rf \(d)")) >/dev/null 2>&1 &")
    }

    public func start() throws {
        try control("start -o \"-k \(directory.path) -p \(port) -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60\"")
    }

    private func control(_ action: String) throws {
        let d = directory.path
        let script = "\(bin)/pg_ctl -D \(d)/data -w -l \(d)/log \(action) >>\(d)/control.log 2>&1"
        let result = Self.shell(script, asServer: getuid() == 0)
        guard result.status == 0 else { throw Clients.Failure(description: "pg_ctl \(action) failed: \(result.output)") }
    }

    static func quoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// Runs a shell script (as `postgres` when `asServer`), its output in a file: posix_spawn and
    /// waitpid, not Foundation's Process, whose exit monitor can starve while the tests' threads
    /// wait for this server to start.
    static func shell(_ script: String, asServer: Bool = false) -> (status: Int32, output: String) {
        let output = "/tmp/regards-pg-out-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer { unlink(output) }
        let line = asServer ? "su postgres -s /bin/sh -c \(quoted(script)) >\(output) 2>&1" : "(\(script)) >\(output) 2>&1"
        var pid: pid_t = 0
        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sh"), strdup("-c"), strdup(line), nil]
        defer { for a in arguments { free(a) } }
        guard posix_spawn(&pid, "/bin/sh", nil, nil, arguments, environ) == 0 else { return (-1, "cannot run /bin/sh") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        return ((status & 0x7f) == 0 ? (status >> 8) & 0xff : -1, text)
    }
}
