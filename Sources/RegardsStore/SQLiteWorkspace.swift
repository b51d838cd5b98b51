import CSQLite
import Foundation
import RegardsCore

/// A workspace in one SQLite file: created owner-only (0600), WAL, a busy timeout, foreign keys on,
/// migrated forward on open. The only type that speaks SQL.
public final class SQLiteWorkspace: Workspace {
    let db: Database
    public let path: String

    /// Opens the workspace at `path`, creating it when `create` is true and the file does not exist.
    /// A file that is not a Regards workspace, or one written by a newer Regards, is refused untouched.
    public init(path: String, create: Bool) throws(StoreError) {
        self.path = path
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
        try Self.checkHeader(path)
        db = try Database(path: path)
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
        try migrate()
    }

    /// The schema version of the file.
    public var schemaVersion: Int { (try? db.scalarInt("PRAGMA user_version")) ?? 0 }

    static func checkHeader(_ path: String) throws(StoreError) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw .cannotCreate(path: path, reason: "cannot read it (permission denied?)")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        if header.isEmpty { return }
        if header != Data("SQLite format 3\0".utf8) { throw .notADatabase(path: path) }
    }

    private func migrate() throws(StoreError) {
        do {
            for migration in Migrations.all {
                try db.transaction {
                    // Read again under the write lock: another process may have migrated meanwhile.
                    let current = try db.scalarInt("PRAGMA user_version")
                    guard current < migration.version else { return }
                    try db.execute(migration.sql)
                    try db.execute("PRAGMA user_version = \(migration.version)")
                    try db.execute("PRAGMA application_id = \(Migrations.applicationID)")
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            preconditionFailure("migrations only throw StoreError")
        }
    }

    /// `PRAGMA integrity_check`: "ok" or the problems found.
    public func integrityCheck() throws(StoreError) -> [String] {
        let statement = try db.prepare("PRAGMA integrity_check")
        var out: [String] = []
        while try statement.step() { out.append(statement.string(0)) }
        return out
    }

    // MARK: - Encoding helpers

    static func json<T: Encodable>(_ value: T) -> String { String(decoding: CanonicalJSON.encode(value), as: UTF8.self) }

    /// A list of ids stored as a JSON array: the plain shape (`["AC-01","AD-02"]`, no escapes) is read
    /// directly, as it is read for every observation and action; anything else goes through JSONDecoder.
    static func strings(_ text: String?) -> [String] {
        guard let text else { return [] }
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]"), !bytes.contains(UInt8(ascii: "\\")) else {
            return decode([String].self, text, default: [])
        }
        var out: [String] = []
        var i = 1
        let end = bytes.count - 1
        while i < end {
            guard bytes[i] == UInt8(ascii: "\"") else { return decode([String].self, text, default: []) }
            guard let close = bytes[(i + 1)..<end].firstIndex(of: UInt8(ascii: "\"")) else { return decode([String].self, text, default: []) }
            out.append(String(decoding: bytes[(i + 1)..<close], as: UTF8.self))
            i = close + 1
            if i < end {
                guard bytes[i] == UInt8(ascii: ","), i + 1 < end else { return decode([String].self, text, default: []) }
                i += 1
            }
        }
        return out
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?, default fallback: T) -> T {
        guard let text else { return fallback }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return (try? decoder.decode(T.self, from: Data(text.utf8))) ?? fallback
    }

    // MARK: - Visits

    public func createVisit(_ visit: Visit, snapshots: [ProtocolSnapshot]) throws {
        try db.transaction {
            let insertSnapshot = try db.prepare("INSERT OR IGNORE INTO protocol_snapshot (hash, id, version, kind, file, source) VALUES (?, ?, ?, ?, ?, ?)")
            for s in snapshots {
                try insertSnapshot.run([.text(s.hash), .text(s.id), .text(s.version), .text(s.kind), .text(s.file), .text(s.source)])
            }
            try createVisitRow(visit)
        }
    }

    private func createVisitRow(_ visit: Visit) throws(StoreError) {
        try db.prepare("""
            INSERT INTO visit (id, uid, establishment, finess, start_date, end_date, inspectors, campaign, evaluation_hash, control_hash,
                               workflow_hash, state, context, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run([
                .text(visit.id), .text(visit.uid), .text(visit.establishment), .text(visit.finess),
                .optional(visit.startDate?.description), .optional(visit.endDate?.description), .text(Self.json(visit.inspectors)),
                .optional(visit.campaign), .text(visit.evaluation.hash), .optional(visit.control?.hash), .optional(visit.workflow?.hash),
                .text(visit.state), .text(Self.json(visit.context)), .text(visit.createdAt), .text(visit.createdBy),
            ])
    }

    private static let visitColumns = """
        v.id, v.uid, v.establishment, v.finess, v.start_date, v.end_date, v.inspectors, v.campaign,
        e.id, e.version, e.hash, c.id, c.version, c.hash, w.id, w.version, w.hash, v.state, v.context, v.created_at, v.created_by
        FROM visit v JOIN protocol_snapshot e ON e.hash = v.evaluation_hash
        LEFT JOIN protocol_snapshot c ON c.hash = v.control_hash LEFT JOIN protocol_snapshot w ON w.hash = v.workflow_hash
        """

    private func readVisit(_ s: Statement) -> Visit {
        func pin(_ i: Int32) -> ProtocolPin? {
            s.isNull(i) ? nil : ProtocolPin(id: s.string(i), version: s.string(i + 1), hash: s.string(i + 2))
        }
        return Visit(id: s.string(0), uid: s.string(1), establishment: s.string(2), finess: s.string(3),
                     startDate: s.text(4).flatMap(CalendarDate.init(iso:)), endDate: s.text(5).flatMap(CalendarDate.init(iso:)),
                     inspectors: Self.strings(s.text(6)), campaign: s.text(7),
                     evaluation: pin(8) ?? ProtocolPin(id: "?", version: "?", hash: "?"), control: pin(11), workflow: pin(14),
                     state: s.string(17), context: Self.decode([String: ContextValue].self, s.text(18), default: [:]),
                     createdAt: s.string(19), createdBy: s.string(20))
    }

    public func visit(_ id: String) throws -> Visit? {
        try db.withStatement("SELECT \(Self.visitColumns) WHERE v.id = ?") { s in
            try s.bind([.text(id)])
            return try s.step() ? readVisit(s) : nil
        }
    }

    public func visits(campaign: String?) throws -> [Visit] {
        let s = try db.prepare("SELECT \(Self.visitColumns) WHERE ?1 IS NULL OR v.campaign = ?1 ORDER BY v.id")
        try s.bind([.optional(campaign)])
        var out: [Visit] = []
        while try s.step() { out.append(readVisit(s)) }
        return out
    }

    public func visitIDs(prefix: String) throws -> [String] {
        let s = try db.prepare("SELECT id FROM visit WHERE substr(id, 1, length(?1)) = ?1 ORDER BY id")
        try s.bind([.text(prefix)])
        var out: [String] = []
        while try s.step() { out.append(s.string(0)) }
        return out
    }

    public func snapshot(hash: String) throws -> ProtocolSnapshot? {
        let s = try db.prepare("SELECT hash, id, version, kind, file, source FROM protocol_snapshot WHERE hash = ?")
        try s.bind([.text(hash)])
        guard try s.step() else { return nil }
        return ProtocolSnapshot(hash: s.string(0), id: s.string(1), version: s.string(2), kind: s.string(3), file: s.string(4), source: s.string(5))
    }

    // MARK: - Answers

    public func recordAnswers(visit: String, _ changes: [AnswerChange], author: String, at: String) throws -> [AnswerEvent] {
        try db.transaction { try insertAnswers(visit: visit, changes, author: author, at: at) }
    }

    public func recordAnswers(_ batches: [(visit: String, changes: [AnswerChange])], author: String, at: String) throws -> Int {
        try db.transaction {
            var count = 0
            for batch in batches { count += try insertAnswers(visit: batch.visit, batch.changes, author: author, at: at).count }
            return count
        }
    }

    /// Inside a transaction: the previous value of each criterion is read once per visit, then kept up to date.
    private func insertAnswers(visit: String, _ changes: [AnswerChange], author: String, at: String) throws -> [AnswerEvent] {
        var current: [ProtocolKind: [String: AnswerValue?]] = [:]
        try db.withStatement("SELECT grid, criterion, value FROM answer_event WHERE visit = ? ORDER BY at, seq") { latest in
            try latest.bind([.text(visit)])
            while try latest.step() {
                current[ProtocolKind(rawValue: latest.string(0)) ?? .evaluation, default: [:]][latest.string(1)] = latest.text(2).flatMap(AnswerValue.init(code:))
            }
        }
        return try db.withStatement("""
            INSERT INTO answer_event (uid, visit, grid, criterion, value, comment, evidence, author, at, previous, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """) { insert in
            var events: [AnswerEvent] = []
            events.reserveCapacity(changes.count)
            for change in changes {
                let previous = current[change.grid]?[change.criterion] ?? nil
                try insert.run([
                    .text(change.uid), .text(visit), .text(change.grid.rawValue), .text(change.criterion), .optional(change.value?.code),
                    .optional(change.comment), .optional(change.evidence), .text(author), .text(at), .optional(previous?.code), .optional(change.reason),
                ])
                current[change.grid, default: [:]][change.criterion] = change.value
                events.append(AnswerEvent(uid: change.uid, visit: visit, grid: change.grid, criterion: change.criterion, value: change.value,
                                          comment: change.comment, evidence: change.evidence, author: author, at: at, previous: previous, reason: change.reason))
            }
            return events
        }
    }

    public func answerEvents(visit: String) throws -> [AnswerEvent] {
        try db.withStatement("""
            SELECT uid, grid, criterion, value, comment, evidence, author, at, previous, reason FROM answer_event WHERE visit = ? ORDER BY at, seq
            """) { s in
            try s.bind([.text(visit)])
            var out: [AnswerEvent] = []
            while try s.step() {
                out.append(AnswerEvent(uid: s.string(0), visit: visit, grid: ProtocolKind(rawValue: s.string(1)) ?? .evaluation, criterion: s.string(2),
                                       value: s.text(3).flatMap(AnswerValue.init(code:)), comment: s.text(4), evidence: s.text(5),
                                       author: s.string(6), at: s.string(7), previous: s.text(8).flatMap(AnswerValue.init(code:)), reason: s.text(9)))
            }
            return out
        }
    }

    // MARK: - Observations, journeys

    public func addObservations(_ list: [Observation]) throws {
        try db.transaction {
            let insert = try db.prepare("""
                INSERT INTO observation (uid, visit, method, text, participant, role, criteria, theme, date, author, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for o in list {
                try insert.run([
                    .text(o.uid), .text(o.visit), .text(o.method), .text(o.text), .optional(o.participant), .optional(o.role?.rawValue),
                    .text(Self.json(o.criteria)), .optional(o.theme), .optional(o.date?.description), .text(o.author), .text(o.at),
                ])
            }
        }
    }

    public func observations(visit: String) throws -> [Observation] {
        try db.withStatement("SELECT uid, method, text, participant, role, criteria, theme, date, author, at FROM observation WHERE visit = ? ORDER BY seq") { s in
            try s.bind([.text(visit)])
            var out: [Observation] = []
            while try s.step() {
                out.append(Observation(uid: s.string(0), visit: visit, method: s.string(1), text: s.string(2), participant: s.text(3),
                                       role: s.text(4).flatMap(ParticipantRole.init(rawValue:)), criteria: Self.strings(s.text(5)),
                                       theme: s.text(6), date: s.text(7).flatMap(CalendarDate.init(iso:)), author: s.string(8), at: s.string(9)))
            }
            return out
        }
    }

    public func addJourneyRecords(_ list: [JourneyRecord]) throws {
        try db.transaction {
            let insert = try db.prepare("INSERT INTO journey_entry (uid, visit, resident, step, date, note, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            for r in list {
                try insert.run([
                    .text(r.uid), .text(r.visit), .text(r.entry.resident), .text(r.entry.step), .optional(r.entry.date?.description), .optional(r.entry.note),
                    .text(r.author), .text(r.at),
                ])
            }
        }
    }

    public func journeyRecords(visit: String) throws -> [JourneyRecord] {
        try db.withStatement("SELECT uid, resident, step, date, note, author, at FROM journey_entry WHERE visit = ? ORDER BY seq") { s in
            try s.bind([.text(visit)])
            var out: [JourneyRecord] = []
            while try s.step() {
                out.append(JourneyRecord(uid: s.string(0), visit: visit,
                                         entry: JourneyEntry(resident: s.string(1), step: s.string(2), date: s.text(3).flatMap(CalendarDate.init(iso:)), note: s.text(4)),
                                         author: s.string(5), at: s.string(6)))
            }
            return out
        }
    }

    // MARK: - Actions

    public func addActions(_ list: [ImprovementAction]) throws -> [ImprovementAction] {
        try db.transaction {
            let next = try db.prepare("SELECT coalesce(max(number), 0) + 1 FROM action WHERE visit = ?")
            let insert = try db.prepare("INSERT INTO action (uid, visit, number, title, owner, due, criteria, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
            let status = try db.prepare("INSERT INTO action_event (uid, action, status, author, at) VALUES (?, ?, ?, ?, ?)")
            var out: [ImprovementAction] = []
            for action in list {
                var numbered = action
                try next.bind([.text(action.visit)])
                numbered.number = try next.step() ? next.int(0) : 1
                try insert.run([
                    .text(numbered.uid), .text(numbered.visit), .int(numbered.number), .text(numbered.title), .optional(numbered.owner),
                    .optional(numbered.due?.description), .text(Self.json(numbered.criteria)), .text(numbered.author), .text(numbered.at),
                ])
                try status.run([.text(numbered.uid + "-open"), .text(numbered.uid), .text("open"), .text(numbered.author), .text(numbered.at)])
                if action.status != .open {
                    try status.run([.text(numbered.uid + "-" + action.status.rawValue), .text(numbered.uid), .text(action.status.rawValue), .text(numbered.author), .text(numbered.at)])
                }
                out.append(numbered)
            }
            return out
        }
    }

    public func setActionStatus(visit: String, number: Int, status: ActionStatus, uid: String, author: String, at: String, reason: String?) throws {
        try db.transaction {
            let find = try db.prepare("SELECT uid FROM action WHERE visit = ? AND number = ?")
            try find.bind([.text(visit), .int(number)])
            guard try find.step() else { throw StoreError.missingAction(visit: visit, number: number) }
            let actionUID = find.string(0)
            try db.prepare("INSERT INTO action_event (uid, action, status, author, at, reason) VALUES (?, ?, ?, ?, ?, ?)").run([
                .text(uid), .text(actionUID), .text(status.rawValue), .text(author), .text(at), .optional(reason),
            ])
        }
    }

    public func actions(visit: String) throws -> [ImprovementAction] {
        try db.withStatement("""
            SELECT a.uid, a.number, a.title, a.owner, a.due, a.criteria, a.author, a.at,
                   (SELECT status FROM action_event e WHERE e.action = a.uid ORDER BY e.seq DESC LIMIT 1)
            FROM action a WHERE a.visit = ? ORDER BY a.number
            """) { s in
            try s.bind([.text(visit)])
            var out: [ImprovementAction] = []
            while try s.step() {
                out.append(ImprovementAction(uid: s.string(0), visit: visit, number: s.int(1), title: s.string(2), owner: s.text(3),
                                             due: s.text(4).flatMap(CalendarDate.init(iso:)), criteria: Self.strings(s.text(5)),
                                             status: s.text(8).flatMap(ActionStatus.init(rawValue:)) ?? .open, author: s.string(6), at: s.string(7)))
            }
            return out
        }
    }

    // MARK: - Workflow

    public func recordTransition(_ event: StateEvent) throws -> Bool {
        try db.transaction {
            let update = try db.prepare("UPDATE visit SET state = ? WHERE id = ? AND state IS ?")
            try update.run([.text(event.to), .text(event.visit), .optional(event.from)])
            guard db.changes == 1 else { return false }
            try db.prepare("INSERT INTO state_event (uid, visit, from_state, to_state, author, at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)").run([
                .text(event.uid), .text(event.visit), .optional(event.from), .text(event.to), .text(event.author), .text(event.at), .optional(event.reason),
            ])
            return true
        }
    }

    public func stateEvents(visit: String) throws -> [StateEvent] {
        let s = try db.prepare("SELECT uid, from_state, to_state, author, at, reason FROM state_event WHERE visit = ? ORDER BY seq")
        try s.bind([.text(visit)])
        var out: [StateEvent] = []
        while try s.step() {
            out.append(StateEvent(uid: s.string(0), visit: visit, from: s.text(1), to: s.string(2), author: s.string(3), at: s.string(4), reason: s.text(5)))
        }
        return out
    }

    // MARK: - Exchange

    public func actionEvents(visit: String) throws -> [ActionStatusEvent] {
        let s = try db.prepare("""
            SELECT e.uid, e.action, e.status, e.author, e.at, e.reason FROM action_event e JOIN action a ON a.uid = e.action
            WHERE a.visit = ? ORDER BY e.seq
            """)
        try s.bind([.text(visit)])
        var out: [ActionStatusEvent] = []
        while try s.step() {
            out.append(ActionStatusEvent(uid: s.string(0), action: s.string(1), status: ActionStatus(rawValue: s.string(2)) ?? .open,
                                         author: s.string(3), at: s.string(4), reason: s.text(5)))
        }
        return out
    }

    public func bundle(visit id: String, exportedAt: String, exportedBy: String) throws -> VisitBundle? {
        // One read transaction, so the bundle is a consistent picture even while others write.
        try db.transaction(immediate: false) {
            guard let visit = try self.visit(id) else { return nil }
            let snapshots = try [visit.evaluation, visit.control, visit.workflow].compactMap { $0 }.compactMap { try snapshot(hash: $0.hash) }
            return VisitBundle(exportedAt: exportedAt, exportedBy: exportedBy, visit: visit, snapshots: snapshots,
                               answers: try answerEvents(visit: id), observations: try observations(visit: id), journeys: try journeyRecords(visit: id),
                               actions: try actions(visit: id), actionEvents: try actionEvents(visit: id), stateEvents: try stateEvents(visit: id))
        }
    }

    public func apply(_ plan: MergePlan, visit id: String) throws {
        try db.transaction {
            let insertSnapshot = try db.prepare("INSERT OR IGNORE INTO protocol_snapshot (hash, id, version, kind, file, source) VALUES (?, ?, ?, ?, ?, ?)")
            for s in plan.snapshots {
                try insertSnapshot.run([.text(s.hash), .text(s.id), .text(s.version), .text(s.kind), .text(s.file), .text(s.source)])
            }
            if let visit = plan.newVisit {
                try createVisitRow(visit)
            }
            let answer = try db.prepare("""
                INSERT OR IGNORE INTO answer_event (uid, visit, grid, criterion, value, comment, evidence, author, at, previous, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for e in plan.answers.sorted(by: { ($0.at, $0.uid) < ($1.at, $1.uid) }) {
                try answer.run([.text(e.uid), .text(id), .text(e.grid.rawValue), .text(e.criterion), .optional(e.value?.code), .optional(e.comment),
                                .optional(e.evidence), .text(e.author), .text(e.at), .optional(e.previous?.code), .optional(e.reason)])
            }
            for o in plan.observations {
                var copy = o
                copy.visit = id
                try db.prepare("""
                    INSERT OR IGNORE INTO observation (uid, visit, method, text, participant, role, criteria, theme, date, author, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).run([
                        .text(copy.uid), .text(id), .text(copy.method), .text(copy.text), .optional(copy.participant), .optional(copy.role?.rawValue),
                        .text(Self.json(copy.criteria)), .optional(copy.theme), .optional(copy.date?.description), .text(copy.author), .text(copy.at),
                    ])
            }
            for j in plan.journeys {
                try db.prepare("INSERT OR IGNORE INTO journey_entry (uid, visit, resident, step, date, note, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").run([
                    .text(j.uid), .text(id), .text(j.entry.resident), .text(j.entry.step), .optional(j.entry.date?.description), .optional(j.entry.note),
                    .text(j.author), .text(j.at),
                ])
            }
            for a in plan.actions {
                // Numbers are per visit: an action numbered on the other laptop takes the next free number here.
                let next = try db.prepare("SELECT coalesce(max(number), 0) + 1 FROM action WHERE visit = ?")
                try next.bind([.text(id)])
                let taken = try db.prepare("SELECT 1 FROM action WHERE visit = ? AND number = ?")
                try taken.bind([.text(id), .int(a.number)])
                let number = try taken.step() ? (try next.step() ? next.int(0) : a.number) : a.number
                try db.prepare("INSERT OR IGNORE INTO action (uid, visit, number, title, owner, due, criteria, author, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").run([
                    .text(a.uid), .text(id), .int(number), .text(a.title), .optional(a.owner), .optional(a.due?.description),
                    .text(Self.json(a.criteria)), .text(a.author), .text(a.at),
                ])
            }
            for e in plan.actionEvents.sorted(by: { ($0.at, $0.uid) < ($1.at, $1.uid) }) {
                try db.prepare("INSERT OR IGNORE INTO action_event (uid, action, status, author, at, reason) VALUES (?, ?, ?, ?, ?, ?)").run([
                    .text(e.uid), .text(e.action), .text(e.status.rawValue), .text(e.author), .text(e.at), .optional(e.reason),
                ])
            }
            for e in plan.stateEvents.sorted(by: { ($0.at, $0.uid) < ($1.at, $1.uid) }) {
                try db.prepare("INSERT OR IGNORE INTO state_event (uid, visit, from_state, to_state, author, at, reason) VALUES (?, ?, ?, ?, ?, ?, ?)").run([
                    .text(e.uid), .text(id), .optional(e.from), .text(e.to), .text(e.author), .text(e.at), .optional(e.reason),
                ])
            }
            try db.prepare("UPDATE visit SET state = ? WHERE id = ?").run([.text(plan.state), .text(id)])
        }
    }

    // MARK: - Personal data

    func salt() throws(StoreError) -> String {
        let read = try db.prepare("SELECT value FROM workspace_setting WHERE key = 'privacy-salt'")
        if try read.step() { return read.string(0) }
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255) }
        let salt = bytes.map { String(format: "%02x", $0) }.joined()
        try db.prepare("INSERT OR IGNORE INTO workspace_setting (key, value) VALUES ('privacy-salt', ?)").run([.text(salt)])
        let again = try db.prepare("SELECT value FROM workspace_setting WHERE key = 'privacy-salt'")
        _ = try again.step()
        return again.string(0)
    }

    public func privacySettings(visit: String) throws -> PrivacySettings {
        var settings = PrivacySettings(salt: try salt())
        try db.withStatement("SELECT hash FROM forbidden_word") { words in
            while try words.step() { settings.forbidden.insert(words.string(0)) }
        }
        try db.withStatement("SELECT finding, decision FROM privacy_review WHERE visit = ?") { reviews in
            try reviews.bind([.text(visit)])
            while try reviews.step() { settings.reviews[reviews.string(0)] = PrivacyDecision(rawValue: reviews.string(1)) }
        }
        return settings
    }

    public func forbid(_ words: [String], author: String, at: String) throws -> Int {
        let salt = try salt()
        return try db.transaction {
            let insert = try db.prepare("INSERT OR IGNORE INTO forbidden_word (hash, author, at) VALUES (?, ?, ?)")
            var added = 0
            for word in words {
                try insert.run([.text(PersonalDataScanner.hash(word, salt: salt)), .text(author), .text(at)])
                added += db.changes
            }
            return added
        }
    }

    public func recordReview(visit: String, finding: String, kind: PersonalDataKind, decision: PrivacyDecision, reason: String, author: String, at: String) throws {
        try db.prepare("""
            INSERT OR REPLACE INTO privacy_review (finding, visit, kind, decision, reason, author, at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """).run([.text(finding), .text(visit), .text(kind.rawValue), .text(decision.rawValue), .text(reason), .text(author), .text(at)])
    }

    public func redact(visit: String, text: String, replacement: String) throws -> Int {
        // Overwrite freed content with zeros, so the old text does not linger in the file's free space.
        try db.execute("PRAGMA secure_delete = ON")
        let changed: Int = try db.transaction {
            var total = 0
            let targets: [(table: String, column: String, visitColumn: String)] = [
                ("answer_event", "comment", "visit"), ("answer_event", "evidence", "visit"), ("observation", "text", "visit"),
                ("journey_entry", "note", "visit"), ("action", "title", "visit"),
            ]
            for t in targets {
                try db.prepare("UPDATE \(t.table) SET \(t.column) = replace(\(t.column), ?1, ?2) WHERE \(t.visitColumn) = ?3 AND instr(\(t.column), ?1) > 0")
                    .run([.text(text), .text(replacement), .text(visit)])
                total += db.changes
            }
            return total
        }
        // Push the change into the main file and empty the write-ahead log, which still holds the old pages.
        try db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return changed
    }
}
