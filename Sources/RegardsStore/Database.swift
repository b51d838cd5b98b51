import CSQLite
import Foundation
import RegardsCore

/// A failure of the workspace file, with enough context to act on — never the bound values.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible, RegardsErrorConvertible {
    case sqlite(code: Int32, message: String, sql: String?)
    case notADatabase(path: String)
    case notAWorkspace(path: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case missing(path: String)
    case cannotCreate(path: String, reason: String)
    case corrupt(path: String, detail: String)
    /// A row a command names (an action by its number) is not there.
    case missingAction(visit: String, number: Int)
    /// libsqlite3 could not be opened (it is loaded when the first workspace is).
    case libraryMissing(String)

    public var description: String {
        switch self {
        case let .sqlite(code, message, sql):
            "SQLite error \(code): \(message)" + (sql.map { " (in `\($0.prefix(120))`)" } ?? "")
        case let .notADatabase(path):
            "\(path) is not a SQLite database (nor a Regards workspace); nothing was changed"
        case let .notAWorkspace(path):
            "\(path) is a SQLite database but not a Regards workspace; nothing was changed"
        case let .newerSchema(path, found, supported):
            "\(path) was written by a newer Regards (schema \(found), this binary knows up to \(supported)); nothing was changed"
        case let .missing(path):
            "\(path): no such workspace; create one with `regards visit new`"
        case let .cannotCreate(path, reason):
            "\(path): cannot create the workspace: \(reason)"
        case let .corrupt(path, detail):
            "\(path) is damaged (\(detail)); restore it from a backup or re-import the visits with `regards visit import` from their exported bundles"
        case let .missingAction(visit, number):
            "no action #\(number) in visit \(visit)"
        case let .libraryMissing(message):
            message
        }
    }

    public var regardsError: RegardsError {
        switch self {
        case .missing, .missingAction: .missingInput(description)
        case .notADatabase, .notAWorkspace, .newerSchema, .corrupt: .badData(description)
        case .sqlite, .cannotCreate, .libraryMissing: .ioError(description)
        }
    }
}

/// A thin wrapper over one SQLite connection. Every result code is checked.
final class Database {
    let path: String
    private(set) var handle: OpaquePointer?

    /// SQLITE_TRANSIENT: SQLite copies bound text before the call returns.
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    /// Opens libsqlite3 (once): before anything else is done to a workspace, so a missing library leaves nothing behind.
    static func loadLibrary() throws(StoreError) {
        if let problem = regards_sqlite_open() { throw .libraryMissing(String(cString: problem)) }
    }

    init(path: String) throws(StoreError) {
        try Self.loadLibrary()
        self.path = path
        var db: OpaquePointer?
        let code = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
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
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "unknown"
        if code & 0xff == SQLITE_NOTADB { return .notADatabase(path: path) }
        if code & 0xff == SQLITE_CORRUPT { return .corrupt(path: path, detail: message) }
        return .sqlite(code: code, message: message, sql: sql)
    }

    func execute(_ sql: String) throws(StoreError) {
        let code = sqlite3_exec(handle, sql, nil, nil, nil)
        guard code == SQLITE_OK else { throw error(code, sql: sql) }
    }

    func prepare(_ sql: String) throws(StoreError) -> Statement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else { throw error(code, sql: sql) }
        return Statement(statement, database: self, sql: sql)
    }

    /// Statements read for every visit of a campaign, prepared once per connection.
    private var cache: [String: Statement] = [:]

    /// Runs `body` with a prepared statement kept for the next call with the same SQL, reset after
    /// `body` whatever happens (a statement left mid-way would hold its read snapshot).
    func withStatement<T>(_ sql: String, _ body: (Statement) throws -> T) throws -> T {
        let statement: Statement
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
    func run(_ sql: String, _ values: [SQLValue]) throws {
        try withStatement(sql) { try $0.run(values) }
    }

    /// Runs `body` in a transaction; `immediate` takes the write lock at once (waiting up to the busy timeout).
    func transaction<T>(immediate: Bool = true, _ body: () throws -> T) throws -> T {
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

    var changes: Int { Int(sqlite3_changes(handle)) }
}

/// A prepared statement: values bound in order, rows read by column name (`column("uid")` once per
/// use, then its position for each row).
final class Statement {
    private let statement: OpaquePointer
    private unowned let database: Database
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
    func column(_ name: String) -> Int32 {
        guard let index = columns[name] else { preconditionFailure("no column `\(name)` in `\(sql)`") }
        return index
    }

    init(_ statement: OpaquePointer, database: Database, sql: String) {
        self.statement = statement
        self.database = database
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(statement)
    }

    @discardableResult
    func bind(_ values: [SQLValue]) throws(StoreError) -> Statement {
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
                    guard let base = bytes.baseAddress, !bytes.isEmpty else { return sqlite3_bind_text(statement, index, "", 0, Database.transient) }
                    return sqlite3_bind_text(statement, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), Int32(bytes.count), Database.transient)
                }
            }
            guard code == SQLITE_OK else { throw database.error(code, sql: sql) }
        }
        return self
    }

    /// True when a row is available.
    func step() throws(StoreError) -> Bool {
        let code = sqlite3_step(statement)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw database.error(code, sql: sql)
        }
    }

    func run(_ values: [SQLValue] = []) throws(StoreError) {
        try bind(values)
        while try step() {}
    }

    func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(statement, column)) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(statement, column) }
    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(statement, column) == SQLITE_NULL }

    func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(statement, column) else { return nil }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: Int(sqlite3_column_bytes(statement, column))), as: UTF8.self)
    }

    func string(_ column: Int32) -> String { text(column) ?? "" }
}

enum SQLValue {
    case null
    case int(Int)
    case double(Double)
    case text(String)

    static func optional(_ s: String?) -> SQLValue { s.map(SQLValue.text) ?? .null }
}
