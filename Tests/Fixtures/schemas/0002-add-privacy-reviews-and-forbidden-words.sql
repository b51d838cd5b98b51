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
