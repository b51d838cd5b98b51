/// (Public only so that the workspace types can name it; commands never use it.)
/// What the workspace's records need from a database engine: prepared statements (kept per
/// connection), transactions, and the few things each engine does its own way. SQLite
/// (`SQLiteConnection`) and PostgreSQL (`PostgresConnection`) implement it; every record is read
/// and written once, in `SQLStore`, for both.
public protocol Connection: AnyObject {
    associatedtype Cursor: RowCursor
    /// Which SQL the engine speaks where the two differ (`SQL` writes both forms beside each other).
    var dialect: SQLDialect { get }
    /// Runs `body` with a prepared statement kept for the next call with the same SQL, reset after.
    func withStatement<T>(_ sql: String, _ body: (Cursor) throws -> T) throws -> T
    /// Runs a statement with these values.
    func run(_ sql: String, _ values: [SQLValue]) throws
    /// Rows changed by the last `run`.
    var changes: Int { get }
    /// Inserts rows in this order, inside the caller's transaction — never a round trip per answer
    /// on a server; `orIgnore` skips rows the store already has (an import).
    func insertMany(_ insert: TableInsert, orIgnore: Bool, _ rows: [[SQLValue]]) throws
    /// Runs `body` in a transaction; `immediate` takes the write lock at once, so that writers
    /// reading what they add to (previous answers, the next action number) go one at a time.
    func transaction<T>(immediate: Bool, _ body: () throws -> T) throws -> T

    /// The store's consistency check: `["ok"]`, or the problems found.
    func integrityCheck() throws -> [String]
    /// The schema version of the store.
    var schemaVersion: Int { get }
    /// Around a redaction: what makes the old text unrecoverable once the rows are rewritten
    /// (SQLite's secure delete and checkpoint, PostgreSQL's rewrite of the tables).
    func prepareRedaction() throws
    func purgeRedacted(tables: [String]) throws
}

/// A prepared statement: values bound in order, rows read by column name (`column("uid")` once
/// per use, then its position for each row).
public protocol RowCursor: AnyObject {
    func bind(_ values: [SQLValue]) throws
    /// True when a row is available.
    func step() throws -> Bool
    /// The position of a result column; a statement without it is a programming error.
    func column(_ name: String) -> Int32
    func int(_ column: Int32) -> Int
    func isNull(_ column: Int32) -> Bool
    func text(_ column: Int32) -> String?
}

extension RowCursor {
    func string(_ column: Int32) -> String { text(column) ?? "" }

    func run(_ values: [SQLValue] = []) throws {
        try bind(values)
        while try step() {}
    }
}

extension Connection {
    func transaction<T>(_ body: () throws -> T) throws -> T { try transaction(immediate: true, body) }

    func insertMany(_ insert: TableInsert, _ rows: [[SQLValue]]) throws { try insertMany(insert, orIgnore: false, rows) }
}

/// The two SQL dialects the store speaks.
public enum SQLDialect: Sendable {
    case sqlite
    case postgres
}

public enum SQLValue {
    case null
    case int(Int)
    case double(Double)
    case text(String)

    static func optional(_ s: String?) -> SQLValue { s.map(SQLValue.text) ?? .null }
}
