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
