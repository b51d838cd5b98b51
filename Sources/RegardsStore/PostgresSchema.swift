/// The store's schema on PostgreSQL: the same numbered migrations as a SQLite workspace
/// (`Migrations`, translated), in a schema of their own (`regards`), with two roles.
enum PostgresSchema {
    static let name = "regards"
    /// One row per migration applied: the store's schema version is the highest.
    static let versionTable = "schema_migration"
    /// Inspectors add records and read them; they never change or delete history.
    static let inspectorRole = StoreSetup.inspectorRole
    /// The administrator owns the schema: migrations and redaction.
    static let adminRole = StoreSetup.adminRole

    /// The tables whose rows belong to a visit (checked by the integrity check).
    static let visitTables = ["answer_event", "scoring_event", "observation", "journey_entry", "action", "state_event", "procedure_event", "privacy_review"]

    /// The workspace's migrations (`Migrations.all`), each in PostgreSQL's words: a history row's
    /// `seq` (SQLite's row id) becomes an identity column; every other type and constraint reads
    /// the same in both engines.
    static let migrations: [Migrations.Migration] = Migrations.all.map {
        .init(version: $0.version, name: $0.name, sql: translated($0.sql))
    }

    static func translated(_ sql: String) -> String {
        sql.replacingOccurrences(of: "seq INTEGER PRIMARY KEY", with: "seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY")
    }

    /// What inspectors may do: read everything, add rows; change a visit's phase and a privacy
    /// decision (current state, not history). Given again after each migration (new tables).
    static let grants = """
        GRANT USAGE ON SCHEMA \(name) TO \(inspectorRole);
        GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA \(name) TO \(inspectorRole);
        REVOKE INSERT ON \(versionTable) FROM \(inspectorRole);
        GRANT UPDATE (state) ON visit TO \(inspectorRole);
        GRANT UPDATE (kind, decision, reason, author, at) ON privacy_review TO \(inspectorRole);
        GRANT \(inspectorRole) TO \(adminRole);
        """

    /// Creates a role if it is not there (roles are the server's, shared by its databases; two
    /// set-ups at once may race: the loser's duplicate is ignored).
    static func createRole(_ role: String) -> String {
        """
        DO $$ BEGIN
            IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(role)') THEN CREATE ROLE \(role) NOLOGIN; END IF;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END $$;
        """
    }
}

/// A workspace on a PostgreSQL server, shared by a team.
public typealias PostgresWorkspace = SQLStore<PostgresConnection>

/// What `store init` did, and the roles it made.
public struct StoreSetup: Sendable, Equatable {
    /// Inspectors add records and read them; they never change or delete history.
    public static let inspectorRole = "regards_inspector"
    /// The administrator owns the schema: migrations and redaction.
    public static let adminRole = "regards_admin"

    public var schemaBefore: Int
    public var schemaAfter: Int
    public var migrationsApplied: [String]
}

extension SQLStore where DB == PostgresConnection {
    /// Opens the store on a server. A database without one, or with a schema older or newer than
    /// this binary's, is refused untouched (the administrator sets up and upgrades, `initialize`).
    public convenience init(server: ServerAddress) throws(StoreError) {
        let db = try PostgresConnection(server)
        let version = try db.storeVersion()
        guard let version else { throw .notAStore(server: server.description) }
        if version > Migrations.latest { throw .newerSchema(path: server.description, found: version, supported: Migrations.latest) }
        if version < Migrations.latest { throw .olderSchema(server: server.description, found: version, needed: Migrations.latest) }
        self.init(db: db)
    }

    /// Sets up or upgrades the store: the two roles, the schema (owned by the administrator's
    /// role), each migration not yet applied (in one transaction each), the inspectors' grants.
    /// Run by the database's owner or a superuser; running it again changes nothing.
    public static func initialize(server: ServerAddress) throws(StoreError) -> StoreSetup {
        let db = try PostgresConnection(server)
        let before = try db.storeVersion() ?? 0
        if before > Migrations.latest { throw .newerSchema(path: server.description, found: before, supported: Migrations.latest) }
        var applied: [String] = []
        do {
            try db.execute(PostgresSchema.createRole(PostgresSchema.inspectorRole))
            try db.execute(PostgresSchema.createRole(PostgresSchema.adminRole))
            try db.transaction {
                try db.execute("CREATE SCHEMA IF NOT EXISTS \(PostgresSchema.name) AUTHORIZATION \(PostgresSchema.adminRole)")
                try db.execute("SET LOCAL ROLE \(PostgresSchema.adminRole)")
                try db.execute("CREATE TABLE IF NOT EXISTS \(PostgresSchema.versionTable) (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            }
            for migration in PostgresSchema.migrations {
                try db.transaction {
                    // Read again under the write lock: another set-up may have migrated meanwhile.
                    guard (try db.storeVersion() ?? 0) < migration.version else { return }
                    try db.execute("SET LOCAL ROLE \(PostgresSchema.adminRole)")
                    try db.execute(migration.sql)
                    try db.run("INSERT INTO \(PostgresSchema.versionTable) (version, name) VALUES (?, ?)", [.int(migration.version), .text(migration.name)])
                    applied.append(migration.name)
                }
            }
            try db.execute(PostgresSchema.grants)
        } catch let error as StoreError {
            throw error
        } catch {
            preconditionFailure("the set-up only throws StoreError")
        }
        return StoreSetup(schemaBefore: before, schemaAfter: try db.storeVersion() ?? 0, migrationsApplied: applied)
    }
}

extension PostgresConnection {
    /// The store's schema version; nil when the database holds no store.
    func storeVersion() throws(StoreError) -> Int? {
        guard try scalar("SELECT to_regclass('\(PostgresSchema.name).\(PostgresSchema.versionTable)')") != nil else { return nil }
        return Int(try scalar("SELECT coalesce(max(version), 0) FROM \(PostgresSchema.versionTable)") ?? "0")
    }
}
