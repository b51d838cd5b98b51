import CSQLite
import Foundation
import RegardsCore

/// A workspace in one SQLite file: created owner-only (0600), WAL, a busy timeout, foreign keys on,
/// migrated forward on open. This module is the only code that speaks SQL.
public typealias SQLiteWorkspace = SQLStore<SQLiteConnection>

extension SQLStore where DB == SQLiteConnection {
    /// Opens the workspace at `path`, creating it when `create` is true and the file does not exist.
    /// A file that is not a Regards workspace, or one written by a newer Regards, is refused untouched.
    public convenience init(path: String, create: Bool) throws(StoreError) {
        self.init(db: try SQLiteConnection.openWorkspace(path: path, create: create))
    }

    /// The workspace file.
    public var path: String { db.path }
}

extension SQLiteConnection {
    static func openWorkspace(path: String, create: Bool) throws(StoreError) -> SQLiteConnection {
        try loadLibrary()
        let manager = FileManager.default
        var isNew = false
        if !manager.fileExists(atPath: path) {
            guard create else { throw .missing(path: path) }
            let fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            if fd < 0 && errno != EEXIST {
                throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
            }
            if fd >= 0 { close(fd) }
            isNew = true
        }
        try checkHeader(path)
        let db = try SQLiteConnection(path: path)
        let applicationID = try db.scalarInt("PRAGMA application_id")
        let version = try db.scalarInt("PRAGMA user_version")
        let tables = try db.scalarInt("SELECT count(*) FROM sqlite_master")
        if applicationID != Int(Migrations.applicationID) && !(applicationID == 0 && tables == 0) {
            throw .notAWorkspace(path: path)
        }
        if version > Migrations.latest {
            throw .newerSchema(path: path, found: version, supported: Migrations.latest)
        }
        if tables == 0 && !isNew && !create { throw .notAWorkspace(path: path) }
        try db.execute("PRAGMA journal_mode = WAL")
        try db.execute("PRAGMA synchronous = FULL")
        try db.execute("PRAGMA foreign_keys = ON")
        try db.migrate()
        return db
    }

    static func checkHeader(_ path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotCreate(path: path, reason: Messages.cannotReadWorkspace)
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }
        if header != Data("SQLite format 3\0".utf8) { throw .notADatabase(path: path) }
    }

    private func migrate() throws(StoreError) {
        do {
            for migration in Migrations.all {
                try transaction {
                    // Read again under the write lock: another process may have migrated meanwhile.
                    let current = try scalarInt("PRAGMA user_version")
                    guard current < migration.version else { return }
                    try execute(migration.sql)
                    try execute("PRAGMA user_version = \(migration.version)")
                    try execute("PRAGMA application_id = \(Migrations.applicationID)")
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            preconditionFailure("migrations only throw StoreError")
        }
    }
}
