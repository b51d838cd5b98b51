import RegardsCore

/// A workspace on a SQL engine: every record is written and read here once, through a
/// `Connection`, whichever engine serves it. The statements are in `SQL`, the values bound and read
/// back in `Rows`, each family of records in its own file (`SQLStore+Answers.swift` …). What an
/// engine does its own way — opening, migrating, checking, purging redacted text — is in its
/// connection: `SQLiteConnection` (a file, the default) and `ServerConnection` (PostgreSQL).
public final class SQLStore<DB: Connection>: Workspace {
    let db: DB

    init(db: DB) {
        self.db = db
    }

    public var schemaVersion: Int { db.schemaVersion }

    public func integrityCheck() throws -> [String] { try db.integrityCheck() }
}
