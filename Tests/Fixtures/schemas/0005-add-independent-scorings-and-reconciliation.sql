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
