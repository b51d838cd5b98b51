import CPQ
import Foundation
import RegardsCore

/// One connection to a PostgreSQL server through libpq (opened on first use). Statements are
/// prepared once per connection with their `?` placeholders numbered (`$1` …); every value goes
/// as a parameter, never into the SQL text. Errors say the server as `ServerAddress` prints it
/// (password masked) and one line of libpq's message.
public final class PostgresConnection: Connection {
    public var dialect: SQLDialect { .postgres }
    let address: ServerAddress
    let handle: OpaquePointer
    private var cache: [String: PostgresStatement] = [:]
    public private(set) var changes = 0

    /// The key of the advisory lock write transactions take ("RGDS"): writers go one at a time, as
    /// on a SQLite file, so that the previous answer and the next action number they read stay true.
    static let writeLock = 0x5247_4453

    /// The seconds a connection attempt may take before it is reported (unless the string or
    /// `PGCONNECT_TIMEOUT` says otherwise).
    static let connectTimeout = "4"

    static func loadLibrary() throws(StoreError) {
        if let failure = regards_pq_open()?.pointee { throw .libraryMissing(LibraryFailure(failure)) }
    }

    /// Connects, refusing a connection to a remote host without TLS.
    public init(_ address: ServerAddress) throws(StoreError) {
        try Self.loadLibrary()
        self.address = address
        let environment = ProcessInfo.processInfo.environment
        try Self.checkEncryption(address, environment: environment)
        // Defaults first: the connection string (expanded from `dbname`) overrides them.
        var keywords: [String] = ["fallback_application_name"]
        var values: [String] = ["regards"]
        if environment["PGCONNECT_TIMEOUT"] == nil {
            keywords.append("connect_timeout")
            values.append(Self.connectTimeout)
        }
        keywords.append("dbname")
        values.append(address.connectionString)
        let connection = Self.withCStrings(keywords) { k in Self.withCStrings(values) { v in PQconnectdbParams(k, v, 1) } }
        guard let connection else { throw .serverUnavailable(server: address.description, reason: Messages.outOfMemory) }
        guard PQstatus(connection) == CONNECTION_OK else {
            let reason = Self.oneLine(PQerrorMessage(connection))
            PQfinish(connection)
            throw .serverUnavailable(server: address.description, reason: reason)
        }
        handle = connection
        regards_pq_quiet(connection)
        // TLS for any host but a local socket or the loopback.
        let host = PQhost(connection).map { String(cString: $0) } ?? ""
        if !Self.isLocal(host) && PQsslInUse(connection) == 0 {
            throw .insecure(server: address.description, host: host)
        }
        try execute("SET search_path TO \(PostgresSchema.name)")
    }

    deinit {
        cache.removeAll()
        PQfinish(handle)
    }

    /// Refuses, before anything is sent, a remote host (from the string or `PGHOST`) without an
    /// `sslmode` that requires TLS (from the string or `PGSSLMODE`). A host that comes from a service
    /// file is checked once connected.
    static func checkEncryption(_ address: ServerAddress, environment: [String: String]) throws(StoreError) {
        var problem: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(address.connectionString, &problem) else {
            let reason = oneLine(problem)
            if let problem { PQfreemem(problem) }
            throw .invalidAddress(server: address.description, reason: reason)
        }
        defer { PQconninfoFree(options) }
        var given: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { given[String(cString: keyword)] = String(cString: value) }
            option += 1
        }
        let hosts = (given["host"] ?? given["hostaddr"] ?? environment["PGHOST"] ?? environment["PGHOSTADDR"] ?? "").split(separator: ",").map(String.init)
        let mode = given["sslmode"] ?? environment["PGSSLMODE"] ?? "prefer"
        if let remote = hosts.first(where: { !isLocal($0) }), !["require", "verify-ca", "verify-full"].contains(mode) {
            throw .insecure(server: address.description, host: remote)
        }
    }

    /// A Unix socket (a path), `localhost` or a loopback address.
    static func isLocal(_ host: String) -> Bool {
        host.isEmpty || host.hasPrefix("/") || host == "localhost" || host.hasPrefix("127.") || host == "::1"
    }

    /// A libpq message on one line: its lines joined, trailing spaces and the `ERROR:` prefix dropped.
    static func oneLine(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return Messages.unknownServerError }
        return String(cString: message).split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            .map { $0.hasPrefix("ERROR:") ? String($0.dropFirst(6)).trimmingCharacters(in: .whitespaces) : $0 }
            .joined(separator: "; ")
    }

    static func withCStrings<T>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> T) -> T {
        let copies = strings.map { strdup($0) } + [nil]
        defer { for copy in copies { free(copy) } }
        return copies.map { UnsafePointer($0) }.withUnsafeBufferPointer { body($0.baseAddress!) }
    }

    /// The error of a failed result: the server gone, a permission refused, or the statement's own.
    func error(_ result: OpaquePointer?, sql: String?) -> StoreError {
        if PQstatus(handle) != CONNECTION_OK {
            return .serverUnavailable(server: address.description, reason: Self.oneLine(PQerrorMessage(handle)))
        }
        let state = result.flatMap { PQresultErrorField($0, Int32(regards_pq_diag_sqlstate)) }.map { String(cString: $0) } ?? ""
        let message = result.flatMap { PQresultErrorField($0, Int32(regards_pq_diag_message)) }.map { String(cString: $0) }
            ?? Self.oneLine(result.map { PQresultErrorMessage($0) } ?? PQerrorMessage(handle))
        if state == "42501" { return .notPermitted(server: address.description, reason: message) }
        return .server(state: state, message: message, sql: sql)
    }

    /// Runs SQL without parameters (schema changes, transaction control); checks the result.
    func execute(_ sql: String) throws(StoreError) {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        let status = result.map { PQresultStatus($0) } ?? PGRES_FATAL_ERROR
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else { throw error(result, sql: sql) }
    }

    /// The first column of the first row of a query without parameters, as text.
    func scalar(_ sql: String) throws(StoreError) -> String? {
        let result = PQexec(handle, sql)
        defer { PQclear(result) }
        guard let result, PQresultStatus(result) == PGRES_TUPLES_OK else { throw error(result, sql: sql) }
        guard PQntuples(result) > 0, PQgetisnull(result, 0, 0) == 0 else { return nil }
        return String(cString: PQgetvalue(result, 0, 0))
    }

    public func withStatement<T>(_ sql: String, _ body: (PostgresStatement) throws -> T) throws -> T {
        let statement: PostgresStatement
        if let cached = cache[sql] {
            statement = cached
        } else {
            statement = try PostgresStatement(sql: sql, name: "regards_\(cache.count + 1)", connection: self)
            cache[sql] = statement
        }
        defer { statement.reset() }
        return try body(statement)
    }

    public func run(_ sql: String, _ values: [SQLValue]) throws {
        try withStatement(sql) { statement in
            try statement.run(values)
            changes = statement.changes
        }
    }

    /// New rows streamed with COPY; rows that may already be there (a merge: `orIgnore`) in
    /// batches, a column per array, skipping those the store has.
    public func insertMany(_ insert: TableInsert, orIgnore: Bool, _ rows: [[SQLValue]]) throws {
        if !orIgnore && rows.count > 1 { return try copy(into: insert.table, columns: insert.columns, rows) }
        var start = 0
        while start < rows.count {
            let batch = rows[start..<min(start + SQL.batchRows, rows.count)]
            try run(insert.arraysSQL(orIgnore: orIgnore), insert.columns.indices.map { column in .text(SQL.arrayLiteral(batch.map { $0[column] })) })
            start += SQL.batchRows
        }
    }

    /// `COPY table (columns) FROM STDIN` of these rows (text format), streamed in blocks: the server
    /// stores a block while the next is encoded. Inside the caller's transaction.
    func copy(into table: String, columns: [String], _ rows: [[SQLValue]]) throws(StoreError) {
        let sql = "COPY \(table) (\(columns.joined(separator: ", "))) FROM STDIN"
        let started = PQexec(handle, sql)
        defer { PQclear(started) }
        guard let started, PQresultStatus(started) == PGRES_COPY_IN else { throw error(started, sql: sql) }
        var block: [UInt8] = []
        block.reserveCapacity(1 << 20)
        var sent = true
        func flush() {
            guard !block.isEmpty, sent else { return }
            sent = block.withUnsafeBufferPointer { PQputCopyData(handle, UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), Int32($0.count)) } == 1
            block.removeAll(keepingCapacity: true)
        }
        for row in rows {
            for (i, value) in row.enumerated() {
                if i > 0 { block.append(UInt8(ascii: "\t")) }
                SQL.copyField(value, into: &block)
            }
            block.append(UInt8(ascii: "\n"))
            if block.count >= 1 << 20 { flush() }
        }
        flush()
        let ended = sent && PQputCopyEnd(handle, nil) == 1
        var failure: StoreError?
        // The COPY's result, then nothing: every result is read, whatever happened.
        while let result = PQgetResult(handle) {
            if PQresultStatus(result) != PGRES_COMMAND_OK && failure == nil { failure = error(result, sql: sql) }
            PQclear(result)
        }
        if let failure { throw failure }
        if !ended { throw error(nil, sql: sql) }
        changes = rows.count
    }

    public func transaction<T>(immediate: Bool, _ body: () throws -> T) throws -> T {
        // A reading transaction sees one consistent picture (a bundle while others write).
        try execute(immediate ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ")
        do {
            if immediate { try execute("SELECT pg_advisory_xact_lock(\(Self.writeLock))") }
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            if PQstatus(handle) == CONNECTION_OK { try? execute("ROLLBACK") }
            throw error
        }
    }

    public var schemaVersion: Int { ((try? storeVersion()) ?? nil) ?? 0 }

    /// Every history row belongs to a visit (the server keeps its own pages and foreign keys
    /// consistent): `["ok"]` or what is wrong.
    public func integrityCheck() throws -> [String] {
        var problems: [String] = []
        for table in PostgresSchema.visitTables {
            if let orphans = try scalar("SELECT count(*) FROM \(table) t WHERE NOT EXISTS (SELECT 1 FROM visit v WHERE v.id = t.visit)"), orphans != "0" {
                problems.append(Messages.orphanRows(table, orphans))
            }
        }
        return problems.isEmpty ? ["ok"] : problems
    }

    public func prepareRedaction() throws {}

    /// Rewrites the tables, so that the old row versions (which PostgreSQL keeps until a vacuum)
    /// are gone from the disk: `VACUUM FULL` (the administrator's, outside the transaction).
    public func purgeRedacted(tables: [String]) throws {
        for table in tables { try execute("VACUUM FULL \(table)") }
    }
}

/// A statement prepared on the server. Values are bound, the statement runs at the first `step`,
/// then its rows are read one by one (text format).
public final class PostgresStatement: RowCursor {
    let sql: String
    private let name: String
    private unowned let connection: PostgresConnection
    private let columns: [String: Int32]
    private var values: [SQLValue] = []
    private var result: OpaquePointer?
    private var row: Int32 = -1
    private var rows: Int32 = 0
    private(set) var changes = 0

    init(sql: String, name: String, connection: PostgresConnection) throws(StoreError) {
        self.sql = sql
        self.name = name
        self.connection = connection
        let text = Self.numbered(sql)
        let prepared = PQprepare(connection.handle, name, text, 0, nil)
        defer { PQclear(prepared) }
        guard let prepared, PQresultStatus(prepared) == PGRES_COMMAND_OK else { throw connection.error(prepared, sql: sql) }
        let described = PQdescribePrepared(connection.handle, name)
        defer { PQclear(described) }
        guard let described, PQresultStatus(described) == PGRES_COMMAND_OK else { throw connection.error(described, sql: sql) }
        var columns: [String: Int32] = [:]
        for i in 0..<PQnfields(described) { columns[String(cString: PQfname(described, i))] = i }
        self.columns = columns
    }

    deinit {
        PQclear(result)
    }

    /// `?` placeholders numbered `$1`, `$2` … in order, `?N` as `$N`; quoted text left alone.
    static func numbered(_ sql: String) -> String {
        var out = ""
        var next = 0
        var quoted = false
        var characters = sql.makeIterator()
        var pending: Character? = characters.next()
        while let c = pending {
            pending = characters.next()
            if c == "'" { quoted.toggle() }
            guard c == "?", !quoted else {
                out.append(c)
                continue
            }
            var digits = ""
            while let d = pending, d.isASCII, d.isNumber {
                digits.append(d)
                pending = characters.next()
            }
            if digits.isEmpty {
                next += 1
                digits = String(next)
            }
            out += "$" + digits
        }
        return out
    }

    public func column(_ name: String) -> Int32 {
        guard let index = columns[name] else { preconditionFailure("no column `\(name)` in `\(sql)`") }
        return index
    }

    public func bind(_ values: [SQLValue]) throws {
        reset()
        self.values = values
    }

    public func step() throws -> Bool {
        if result == nil { try execute() }
        row += 1
        return row < rows
    }

    private func execute() throws(StoreError) {
        let texts: [String?] = values.map {
            switch $0 {
            case .null: nil
            case .int(let n): String(n)
            case .double(let d): String(d)
            case .text(let s): s
            }
        }
        let copies = texts.map { $0.map { strdup($0) } ?? nil }
        defer { for copy in copies { free(copy) } }
        let executed = copies.map { UnsafePointer($0) }.withUnsafeBufferPointer {
            PQexecPrepared(connection.handle, name, Int32(texts.count), $0.baseAddress, nil, nil, 0)
        }
        let status = executed.map { PQresultStatus($0) } ?? PGRES_FATAL_ERROR
        guard let executed, status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            let failure = connection.error(executed, sql: sql)
            PQclear(executed)
            throw failure
        }
        result = executed
        rows = PQntuples(executed)
        changes = Int(String(cString: PQcmdTuples(executed))) ?? 0
        row = -1
    }

    public func int(_ column: Int32) -> Int { text(column).flatMap { Int($0) } ?? 0 }
    public func isNull(_ column: Int32) -> Bool { PQgetisnull(result, row, column) != 0 }

    public func text(_ column: Int32) -> String? {
        guard let result, PQgetisnull(result, row, column) == 0, let value = PQgetvalue(result, row, column) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: value, count: Int(PQgetlength(result, row, column))), as: UTF8.self)
    }

    func reset() {
        PQclear(result)
        result = nil
        rows = 0
        row = -1
    }
}
