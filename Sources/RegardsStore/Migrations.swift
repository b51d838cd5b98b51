/// The schema, as numbered migrations. A released migration is never edited: add a new one.
/// `Tests/Fixtures/schemas/` keeps a frozen copy of each; a test fails if one changes.
enum Migrations {
    struct Migration {
        let version: Int
        let name: String
        let sql: String
    }

    /// `PRAGMA application_id` of a Regards workspace ("RGDS").
    static let applicationID: Int32 = 0x5247_4453

    static let all: [Migration] = [
        Migration(version: 1, name: "create-visits-answers-observations-journeys-actions", sql: """
            CREATE TABLE protocol_snapshot (
                hash TEXT PRIMARY KEY,
                id TEXT NOT NULL,
                version TEXT NOT NULL,
                kind TEXT NOT NULL,
                file TEXT NOT NULL,
                source TEXT NOT NULL
            );
            CREATE TABLE visit (
                id TEXT PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                establishment TEXT NOT NULL,
                finess TEXT NOT NULL,
                start_date TEXT,
                end_date TEXT,
                inspectors TEXT NOT NULL,
                campaign TEXT,
                evaluation_hash TEXT NOT NULL REFERENCES protocol_snapshot(hash),
                control_hash TEXT REFERENCES protocol_snapshot(hash),
                workflow_hash TEXT REFERENCES protocol_snapshot(hash),
                state TEXT NOT NULL,
                context TEXT NOT NULL,
                created_at TEXT NOT NULL,
                created_by TEXT NOT NULL
            );
            CREATE INDEX visit_campaign ON visit(campaign);
            CREATE TABLE answer_event (
                seq INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                visit TEXT NOT NULL REFERENCES visit(id),
                grid TEXT NOT NULL CHECK (grid IN ('evaluation', 'control')),
                criterion TEXT NOT NULL,
                value TEXT,
                comment TEXT,
                evidence TEXT,
                author TEXT NOT NULL,
                at TEXT NOT NULL,
                previous TEXT,
                reason TEXT
            );
            CREATE INDEX answer_event_visit ON answer_event(visit, grid, criterion, seq);
            CREATE TABLE observation (
                seq INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                visit TEXT NOT NULL REFERENCES visit(id),
                method TEXT NOT NULL,
                text TEXT NOT NULL,
                participant TEXT,
                role TEXT,
                criteria TEXT NOT NULL,
                theme TEXT,
                date TEXT,
                author TEXT NOT NULL,
                at TEXT NOT NULL
            );
            CREATE INDEX observation_visit ON observation(visit, seq);
            CREATE TABLE journey_entry (
                seq INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                visit TEXT NOT NULL REFERENCES visit(id),
                resident TEXT NOT NULL,
                step TEXT NOT NULL,
                date TEXT,
                note TEXT,
                author TEXT NOT NULL,
                at TEXT NOT NULL
            );
            CREATE INDEX journey_entry_visit ON journey_entry(visit, resident, seq);
            CREATE TABLE action (
                seq INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                visit TEXT NOT NULL REFERENCES visit(id),
                number INTEGER NOT NULL,
                title TEXT NOT NULL,
                owner TEXT,
                due TEXT,
                criteria TEXT NOT NULL,
                author TEXT NOT NULL,
                at TEXT NOT NULL,
                UNIQUE (visit, number)
            );
            CREATE TABLE action_event (
                seq INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                action TEXT NOT NULL REFERENCES action(uid),
                status TEXT NOT NULL CHECK (status IN ('open', 'in-progress', 'done', 'dropped')),
                author TEXT NOT NULL,
                at TEXT NOT NULL,
                reason TEXT
            );
            CREATE TABLE state_event (
                seq INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                visit TEXT NOT NULL REFERENCES visit(id),
                from_state TEXT,
                to_state TEXT NOT NULL,
                author TEXT NOT NULL,
                at TEXT NOT NULL,
                reason TEXT
            );
            """),
        Migration(version: 2, name: "add-privacy-reviews-and-forbidden-words", sql: """
            CREATE TABLE workspace_setting (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            );
            CREATE TABLE forbidden_word (
                hash TEXT PRIMARY KEY,
                author TEXT NOT NULL,
                at TEXT NOT NULL
            );
            CREATE TABLE privacy_review (
                finding TEXT NOT NULL,
                visit TEXT NOT NULL REFERENCES visit(id),
                kind TEXT NOT NULL,
                decision TEXT NOT NULL CHECK (decision IN ('keep', 'redact')),
                reason TEXT NOT NULL,
                author TEXT NOT NULL,
                at TEXT NOT NULL,
                PRIMARY KEY (visit, finding)
            );
            """),
        // An action's status is its latest event: without this index, each action scanned every event.
        Migration(version: 3, name: "index-action-events-by-action", sql: """
            CREATE INDEX action_event_action ON action_event(action, seq);
            """),
        // The inspection's procedure: each change to a finding or a measure carries the whole item
        // after it (`record`, JSON); the reports' issue is an event with its date.
        Migration(version: 4, name: "add-procedure-events-and-follow-up-visits", sql: """
            CREATE TABLE procedure_event (
                seq INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                visit TEXT NOT NULL REFERENCES visit(id),
                item TEXT NOT NULL,
                change TEXT NOT NULL CHECK (change IN ('added', 'edited', 'withdrawn', 'answered', 'responded', 'followed-up',
                                                       'provisional-report', 'definitive-report')),
                record TEXT,
                date TEXT,
                author TEXT NOT NULL,
                at TEXT NOT NULL,
                reason TEXT
            );
            CREATE INDEX procedure_event_visit ON procedure_event(visit, seq);
            ALTER TABLE visit ADD COLUMN follows TEXT;
            """),
        // Double scoring: each scorer's independent answers, kept apart from the visit's own (which
        // a scoring never changes); a consensus answer keeps every scorer's answer it settled (JSON).
        Migration(version: 5, name: "add-independent-scorings-and-reconciliation", sql: """
            CREATE TABLE scoring_event (
                seq INTEGER PRIMARY KEY,
                uid TEXT NOT NULL UNIQUE,
                visit TEXT NOT NULL REFERENCES visit(id),
                grid TEXT NOT NULL CHECK (grid IN ('evaluation', 'control')),
                scorer TEXT NOT NULL,
                criterion TEXT NOT NULL,
                value TEXT,
                comment TEXT,
                evidence TEXT,
                author TEXT NOT NULL,
                at TEXT NOT NULL,
                previous TEXT,
                reason TEXT
            );
            CREATE INDEX scoring_event_visit ON scoring_event(visit, scorer, grid, criterion, seq);
            ALTER TABLE answer_event ADD COLUMN reconciles TEXT;
            """),
    ]

    static var latest: Int { all.last?.version ?? 0 }
}
