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
    /// libsqlite3 or libpq could not be opened (each is loaded when the first store of its kind is).
    case libraryMissing(String)
    /// A PostgreSQL server cannot be reached, refused the connection, or went away (`server` with its password masked).
    case serverUnavailable(server: String, reason: String)
    /// A connection string libpq cannot read.
    case invalidAddress(server: String, reason: String)
    /// A connection to a remote host that would not be encrypted.
    case insecure(server: String, host: String)
    /// The server refused a statement to this role (an inspector's role cannot rewrite history).
    case notPermitted(server: String, reason: String)
    /// An error the server reported for a statement (its SQLSTATE and message).
    case server(state: String, message: String, sql: String?)
    /// The database holds no Regards store.
    case notAStore(server: String)
    /// The store's schema is older than this binary's: the administrator upgrades it.
    case olderSchema(server: String, found: Int, needed: Int)

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
        case let .serverUnavailable(server, reason):
            "\(server): cannot reach the PostgreSQL store: \(reason)"
        case let .invalidAddress(server, reason):
            "\(server): not a valid PostgreSQL connection string: \(reason)"
        case let .insecure(server, host):
            "\(server): a connection to \(host) must be encrypted; add sslmode=verify-full (or sslmode=require) to it; nothing was sent"
        case let .notPermitted(server, reason):
            "\(server): \(reason); this role may add and read records, not change them: ask the store's administrator"
        case let .server(state, message, sql):
            "PostgreSQL error \(state): \(message)" + (sql.map { " (in `\($0.prefix(120))`)" } ?? "")
        case let .notAStore(server):
            "\(server): no Regards store in this database; the administrator sets it up with `regards store init --db …`; nothing was changed"
        case let .olderSchema(server, found, needed):
            "\(server): the store's schema is \(found), this Regards needs \(needed); the administrator upgrades it with `regards store init --db …`; nothing was changed"
        }
    }

    public var regardsError: RegardsError {
        switch self {
        case .missing, .missingAction: .missingInput(description)
        case .notADatabase, .notAWorkspace, .newerSchema, .corrupt, .notAStore, .olderSchema: .badData(description)
        case .insecure, .invalidAddress: .usage(description)
        case .sqlite, .cannotCreate, .libraryMissing, .serverUnavailable, .notPermitted, .server: .ioError(description)
        }
    }
}

