/// A table's insert: its columns, bound in this order. (Public only so that each `Connection`
/// can take one; its members are the store's.)
public struct TableInsert: Sendable {
    let table: String
    let columns: [String]
    /// The columns holding integers (the others hold text), for a batch sent as arrays.
    var integers: Set<String> = []

    /// `INSERT INTO table (…) VALUES (?, …)`; `orIgnore` skips a row whose uid (or key) is already
    /// there (in the form both engines read).
    func sql(orIgnore: Bool = false) -> String {
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
            + (orIgnore ? " ON CONFLICT DO NOTHING" : "")
    }

    /// PostgreSQL's insert of many rows in one statement: each column one array parameter, unnested
    /// in order (`INSERT INTO table (…) SELECT * FROM unnest(?::text[], …)`).
    func arraysSQL(orIgnore: Bool) -> String {
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) SELECT * FROM unnest("
            + columns.map { integers.contains($0) ? "?::bigint[]" : "?::text[]" }.joined(separator: ", ") + ")"
            + (orIgnore ? " ON CONFLICT DO NOTHING" : "")
    }
}

/// Every statement of the workspace, each written once, in SQL both engines read (the PostgreSQL
/// connection numbers the `?` placeholders); where the engines differ, both forms are side by side.
/// Inserts are declared as a table and its columns; an import uses the same insert, made to ignore
/// rows it already has (rows are identified by uid).
enum SQL {
    typealias Insert = TableInsert

    /// A value as COPY's text format writes it: `\N` for null, backslash, tab and line breaks escaped.
    static func copyField(_ value: SQLValue, into out: inout [UInt8]) {
        switch value {
        case .null: out += [UInt8(ascii: "\\"), UInt8(ascii: "N")]
        case .int(let n): out += Array(String(n).utf8)
        case .double(let d): out += Array(String(d).utf8)
        case .text(let text):
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                default: out.append(byte)
                }
            }
        }
    }

    /// A PostgreSQL array literal of these values (`{"a","b\\"c",NULL}`).
    static func arrayLiteral(_ values: [SQLValue]) -> String {
        var out = "{"
        for (i, value) in values.enumerated() {
            if i > 0 { out += "," }
            switch value {
            case .null: out += "NULL"
            case .int(let n): out += String(n)
            case .double(let d): out += String(d)
            case .text(let text):
                out += "\""
                if text.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
                    for c in text.unicodeScalars {
                        if c == "\"" || c == "\\" { out += "\\" }
                        out.unicodeScalars.append(c)
                    }
                } else {
                    out += text
                }
                out += "\""
            }
        }
        return out + "}"
    }

    /// Rows sent to PostgreSQL in one statement.
    static let batchRows = 2_000

    static let snapshot = Insert(table: "protocol_snapshot", columns: ["hash", "id", "version", "kind", "file", "source"])
    static let visit = Insert(table: "visit", columns: ["id", "uid", "establishment", "finess", "start_date", "end_date", "inspectors", "campaign", "evaluation_hash",
                                                        "control_hash", "workflow_hash", "state", "context", "created_at", "created_by", "follows"])
    static let answer = Insert(table: "answer_event", columns: ["uid", "visit", "grid", "criterion", "value", "comment", "evidence", "author", "at", "previous", "reason",
                                                                "reconciles"])
    static let scoring = Insert(table: "scoring_event", columns: ["uid", "visit", "grid", "criterion", "value", "comment", "evidence", "author", "at", "previous", "reason",
                                                                  "scorer"])
    static let observation = Insert(table: "observation", columns: ["uid", "visit", "method", "text", "participant", "role", "criteria", "theme", "date", "author", "at"])
    static let journeyEntry = Insert(table: "journey_entry", columns: ["uid", "visit", "resident", "step", "date", "note", "author", "at"])
    static let action = Insert(table: "action", columns: ["uid", "visit", "number", "title", "owner", "due", "criteria", "author", "at"], integers: ["number"])
    static let actionEvent = Insert(table: "action_event", columns: ["uid", "action", "status", "author", "at", "reason"])
    static let stateEvent = Insert(table: "state_event", columns: ["uid", "visit", "from_state", "to_state", "author", "at", "reason"])
    static let procedureEvent = Insert(table: "procedure_event", columns: ["uid", "visit", "item", "change", "record", "date", "author", "at", "reason"])
    static let forbiddenWord = Insert(table: "forbidden_word", columns: ["hash", "author", "at"])

    /// A visit with its pinned protocols' ids and versions.
    static let selectVisit = """
        SELECT v.id, v.uid, v.establishment, v.finess, v.start_date, v.end_date, v.inspectors, v.campaign,
               e.id AS evaluation_id, e.version AS evaluation_version, e.hash AS evaluation_hash,
               c.id AS control_id, c.version AS control_version, c.hash AS control_hash,
               w.id AS workflow_id, w.version AS workflow_version, w.hash AS workflow_hash,
               v.state, v.context, v.created_at, v.created_by, v.follows
        FROM visit v JOIN protocol_snapshot e ON e.hash = v.evaluation_hash
        LEFT JOIN protocol_snapshot c ON c.hash = v.control_hash LEFT JOIN protocol_snapshot w ON w.hash = v.workflow_hash
        """
    static let visitByID = selectVisit + " WHERE v.id = ?"
    static let visitsOfCampaign = selectVisit + " WHERE CAST(?1 AS TEXT) IS NULL OR v.campaign = ?1 ORDER BY v.id"
    static let visitIDs = "SELECT id FROM visit WHERE substr(id, 1, length(CAST(?1 AS TEXT))) = ?1 ORDER BY id"
    static let snapshotByHash = "SELECT hash, id, version, kind, file, source FROM protocol_snapshot WHERE hash = ?"

    static let currentAnswers = "SELECT grid, criterion, value, at FROM answer_event WHERE visit = ? ORDER BY at, seq"
    static let answerEvents = "SELECT uid, grid, criterion, value, comment, evidence, author, at, previous, reason, reconciles FROM answer_event WHERE visit = ? ORDER BY at, seq"
    static let currentScores = "SELECT grid, criterion, value, at FROM scoring_event WHERE visit = ? AND scorer = ? ORDER BY at, seq"
    static let scoringEvents = "SELECT uid, grid, criterion, value, comment, evidence, author, at, previous, reason, scorer FROM scoring_event WHERE visit = ? ORDER BY at, seq"
    static let observations = "SELECT uid, method, text, participant, role, criteria, theme, date, author, at FROM observation WHERE visit = ? ORDER BY seq"
    static let procedureEvents = "SELECT uid, change, record, date, author, at, reason FROM procedure_event WHERE visit = ? ORDER BY seq"
    static let journeyEntries = "SELECT uid, resident, step, date, note, author, at FROM journey_entry WHERE visit = ? ORDER BY seq"

    static let nextActionNumber = "SELECT coalesce(max(number), 0) + 1 AS next FROM action WHERE visit = ?"
    static let actionNumberTaken = "SELECT 1 FROM action WHERE visit = ? AND number = ?"
    static let actionUID = "SELECT uid FROM action WHERE visit = ? AND number = ?"
    static let actions = """
        SELECT a.uid, a.number, a.title, a.owner, a.due, a.criteria, a.author, a.at,
               (SELECT status FROM action_event e WHERE e.action = a.uid ORDER BY e.seq DESC LIMIT 1) AS status
        FROM action a WHERE a.visit = ? ORDER BY a.number
        """
    static let actionEvents = """
        SELECT e.uid, e.action, e.status, e.author, e.at, e.reason FROM action_event e JOIN action a ON a.uid = e.action
        WHERE a.visit = ? ORDER BY e.seq
        """

    static let moveVisit = "UPDATE visit SET state = ? WHERE id = ? AND state IS NOT DISTINCT FROM ?"
    static let setVisitState = "UPDATE visit SET state = ? WHERE id = ?"
    static let stateEvents = "SELECT uid, from_state, to_state, author, at, reason FROM state_event WHERE visit = ? ORDER BY seq"

    static let salt = "SELECT value FROM workspace_setting WHERE key = 'privacy-salt'"
    static let setSalt = "INSERT INTO workspace_setting (key, value) VALUES ('privacy-salt', ?) ON CONFLICT DO NOTHING"
    static let forbiddenWords = "SELECT hash FROM forbidden_word"
    static let reviews = "SELECT finding, decision FROM privacy_review WHERE visit = ?"
    static let recordReview = """
        INSERT INTO privacy_review (finding, visit, kind, decision, reason, author, at) VALUES (?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (visit, finding) DO UPDATE SET kind = excluded.kind, decision = excluded.decision, reason = excluded.reason,
                                                   author = excluded.author, at = excluded.at
        """
    /// Free-text fields a redaction rewrites: (table, column), each with a `visit` column.
    /// `json`: the column holds JSON, where the text is found in its escaped form.
    static let freeText: [(table: String, column: String, json: Bool)] = [
        ("answer_event", "comment", false), ("answer_event", "evidence", false), ("scoring_event", "comment", false),
        ("scoring_event", "evidence", false), ("observation", "text", false), ("journey_entry", "note", false),
        ("action", "title", false), ("procedure_event", "record", true),
    ]
    static func redact(_ table: String, _ column: String, _ dialect: SQLDialect) -> String {
        let contains = switch dialect {
        case .sqlite: "instr(\(column), ?1) > 0"
        case .postgres: "strpos(\(column), ?1) > 0"
        }
        return "UPDATE \(table) SET \(column) = replace(\(column), ?1, ?2) WHERE visit = ?3 AND \(contains)"
    }
}
