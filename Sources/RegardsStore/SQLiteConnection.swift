import CSQLite
import Foundation
import RegardsCore

/// A thin wrapper over one SQLite connection. Every result code is checked.
public final class SQLiteConnection: Connection {
    public var dialect: SQLDialect { .sqlite }
    let path: String
    private(set) var handle: OpaquePointer?

    /// SQLITE_TRANSIENT: SQLite copies bound text before the call returns.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Opens libsqlite3 (once): before anything else is done to a workspace, so a missing library leaves nothing behind.
    static func loadLibrary() throws(StoreError) {
        if let failure = regards_sqlite_open()?.pointee { throw .libraryMissing(LibraryFailure(failure)) }
    }

    init(path: String) throws(StoreError) {
        try Self.loadLibrary()
        self.path = path
        var db: OpaquePointer?
        let code = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? Messages.cannotOpen
            sqlite3_close_v2(db)
            throw .sqlite(code: code, message: message, sql: nil)
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        sqlite3_busy_timeout(db, 15_000)
    }

    deinit {
        cache.removeAll()
        sqlite3_close_v2(handle)
    }

    func error(_ code: Int32, sql: String?) -> StoreError {
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? Messages.unknownSQLiteError
        if code & 0xff == SQLITE_NOTADB { return .notADatabase(path: path) }
        if code & 0xff == SQLITE_CORRUPT { return .corrupt(path: path, detail: message) }
        return .sqlite(code: code, message: message, sql: sql)
    }

    func execute(_ sql: String) throws(StoreError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code, sql: sql) }
    }

    func prepare(_ sql: String) throws(StoreError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, sql: sql) }
        return SQLiteStatement(statement, database: self, sql: sql)
    }

    /// Statements read for every visit of a campaign, prepared once per connection.
    private var cache: [String: SQLiteStatement] = [:]

    /// Runs `body` with a prepared statement kept for the next call with the same SQL, reset after
    /// `body` whatever happens (a statement left mid-way would hold its read snapshot).
    public func withStatement<T>(_ sql: String, _ body: (SQLiteStatement) throws -> T) throws -> T {
        let statement: SQLiteStatement
        if let cached = cache[sql] {
            statement = cached
        } else {
            statement = try prepare(sql)
            cache[sql] = statement
        }
        defer { statement.reset() }
        return try body(statement)
    }

    /// Runs a statement (prepared once per connection) with these values.
    public func run(_ sql: String, _ values: [SQLValue]) throws {
        try withStatement(sql) { try $0.run(values) }
    }

    /// Runs `body` in a transaction; `immediate` takes the write lock at once (waiting up to the busy timeout).
    /// The prepared insert, run for each row.
    public func insertMany(_ insert: TableInsert, orIgnore: Bool, _ rows: [[SQLValue]]) throws {
        try withStatement(insert.sql(orIgnore: orIgnore)) { statement in
            for row in rows { try statement.run(row) }
        }
    }

    public func transaction<T>(immediate: Bool, _ body: () throws -> T) throws -> T {
        try execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    func scalarInt(_ sql: String) throws(StoreError) -> Int {
        let statement = try prepare(sql)
        guard try statement.step() else { return 0 }
        return statement.int(0)
    }

    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// `PRAGMA user_version`.
    public var schemaVersion: Int { (try? scalarInt("PRAGMA user_version")) ?? 0 }

    /// `PRAGMA integrity_check`: "ok" or the problems found.
    public func integrityCheck() throws -> [String] {
        let statement = try prepare("PRAGMA integrity_check")
        let problem = statement.column("integrity_check")
        var out: [String] = []
        while try statement.step() { out.append(statement.string(problem)) }
        return out
    }

    /// Overwrite freed content with zeros, so the old text does not linger in the file's free space.
    public func prepareRedaction() throws { try execute("PRAGMA secure_delete = ON") }

    /// Push the change into the main file and empty the write-ahead log, which still holds the old pages.
    public func purgeRedacted(tables: [String]) throws { try execute("PRAGMA wal_checkpoint(TRUNCATE)") }
}

/// A prepared SQLite statement.
public final class SQLiteStatement: RowCursor {
    private let statement: OpaquePointer
    private unowned let database: SQLiteConnection
    let sql: String
    /// Column name → position, read from SQLite once.
    private lazy var columns: [String: Int32] = {
        var out: [String: Int32] = [:]
        for i in 0..<sqlite3_column_count(statement) {
            if let name = sqlite3_column_name(statement, i) { out[String(cString: name)] = i }
        }
        return out
    }()

    /// The position of a result column; a statement without it is a programming error.
    public func column(_ name: String) -> Int32 {
        guard let index = columns[name] else { preconditionFailure("no column `\(name)` in `\(sql)`") }
        return index
    }

    init(_ statement: OpaquePointer, database: SQLiteConnection, sql: String) {
        self.statement = statement
        self.database = database
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(statement)
    }

    public func bind(_ values: [SQLValue]) throws(StoreError) {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(statement, index)
            case .int(let n): code = sqlite3_bind_int64(statement, index, Int64(n))
            case .double(let d): code = sqlite3_bind_double(statement, index, d)
            case .text(var s):
                // The bytes and their length, without building a C string first.
                code = s.withUTF8 { bytes in
                    guard let base = bytes.baseAddress, !bytes.isEmpty else { return sqlite3_bind_text(statement, index, "", 0, SQLiteConnection.transient) }
                    return sqlite3_bind_text(statement, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), SQLiteConnection.transient)
                }
            }
            guard code == SQLITE_OK else { throw database.error(code, sql: sql) }
        }
    }

    /// True when a row is available.
    public func step() throws(StoreError) -> Bool {
        let code = sqlite3_step(statement)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(code, sql: sql)
        }
    }

    public func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }
    public func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    public func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(statement, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, column))), as: UTF8.self)
    }
}

extension LibraryFailure {
    /// What the loader of a C library (SQLite, libpq) says when it cannot open it.
    init(_ failure: regards_library_failure) {
        self.init(label: String(cString: failure.label), reason: String(cString: failure.reason), install: String(cString: failure.install))
    }
}
