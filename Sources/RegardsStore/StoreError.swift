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
    case libraryMissing(LibraryFailure)
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
        case let .sqlite(code, message, sql): Messages.sqliteError(code, message, sql: sql)
        case let .notADatabase(path): Messages.notADatabase(path)
        case let .notAWorkspace(path): Messages.notAWorkspace(path)
        case let .newerSchema(path, found, supported): Messages.newerWorkspace(path, found: found, supported: supported)
        case let .missing(path): Messages.noWorkspace(path)
        case let .cannotCreate(path, reason): Messages.cannotCreateWorkspace(path, reason)
        case let .corrupt(path, detail): Messages.damagedWorkspace(path, detail)
        case let .missingAction(visit, number): Messages.noAction(number, visit: visit)
        case let .libraryMissing(failure): failure.description
        case let .serverUnavailable(server, reason): Messages.serverUnreachable(server, reason)
        case let .invalidAddress(server, reason): Messages.invalidConnectionString(server, reason)
        case let .insecure(server, host): Messages.insecureConnection(server, host: host)
        case let .notPermitted(server, reason): Messages.notPermitted(server, reason)
        case let .server(state, message, sql): Messages.postgresError(state, message, sql: sql)
        case let .notAStore(server): Messages.notAStore(server)
        case let .olderSchema(server, found, needed): Messages.olderStore(server, found: found, needed: needed)
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

