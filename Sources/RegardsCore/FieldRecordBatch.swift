import Foundation

/// Participants and residents are codes such as R07 or S02, never names: a code is short and holds a digit.
public enum PseudonymCode {
    public static let rule = "use a code with at least one digit (R07, S02; letters, digits, `-`, `_`, at most 16), never a name"

    public static func isValid(_ code: String) -> Bool {
        code.count <= 16 && code.contains(where: \.isNumber)
            && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}

/// Observations, journey entries and actions read from CSV tables (the columns of the single
/// commands' options), checked completely: every problem by line, or every record.
public enum FieldRecordBatch {
    public struct Problem: Equatable, Sendable {
        public var line: Int
        public var message: String

        public init(line: Int, message: String) {
            self.line = line
            self.message = message
        }
    }

    /// Who records, when, and how ids are made (passed in: the core has no clock and no randomness).
    public struct Stamp {
        public var author: String
        public var at: String
        public var today: CalendarDate
        public var makeID: () -> String

        public init(author: String, at: String, today: CalendarDate, makeID: @escaping () -> String) {
            self.author = author
            self.at = at
            self.today = today
            self.makeID = makeID
        }
    }

    /// Every problem of a refused file.
    public struct Problems: Error, Sendable {
        public var list: [Problem]
    }

    /// A reason a value is refused.
    struct Refusal: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
    /// Rows as dictionaries; unknown or missing columns are problems at line 1.
    static func rows(_ table: CSVTable, columns: [String], required: [String]) -> ([(line: Int, fields: [String: String])], [Problem]) {
        var problems: [Problem] = []
        for name in table.header where !columns.contains(name) {
            problems.append(Problem(line: 1, message: "unknown column `\(name)`" + (Suggestion.hint(for: name, in: columns).map { "; \($0)" } ?? "")
                                    + " (expected: \(columns.joined(separator: ",")))"))
        }
        for name in required where !table.header.contains(name) {
            problems.append(Problem(line: 1, message: "missing column `\(name)` (expected: \(columns.joined(separator: ",")))"))
        }
        guard problems.isEmpty else { return ([], problems) }
        var out: [(line: Int, fields: [String: String])] = []
        for row in table.rows {
            guard row.fields.count == table.header.count else {
                problems.append(Problem(line: row.line, message: "\(row.fields.count) field(s) where the header has \(table.header.count)"))
                continue
            }
            var fields: [String: String] = [:]
            for (name, value) in zip(table.header, row.fields) where !value.trimmedSpaces.isEmpty { fields[name] = value }
            out.append((row.line, fields))
        }
        return (out, problems)
    }

    static func date(_ text: String?, _ column: String) -> Result<CalendarDate?, Refusal> {
        guard let text else { return .success(nil) }
        guard let date = CalendarDate(iso: text.trimmedSpaces) else { return .failure(Refusal("`\(text)` in `\(column)` is not a date; write YYYY-MM-DD")) }
        return .success(date)
    }

    static func criteria(_ text: String?, _ grids: VisitGrids) -> Result<[String], Refusal> {
        let ids = (text ?? "").split(whereSeparator: { $0 == ";" || $0 == "," }).map { String($0).trimmedSpaces }.filter { !$0.isEmpty }
        for id in ids {
            if case .failure(let refusal) = grids.locate(id) { return .failure(Refusal(refusal.description)) }
        }
        return .success(ids)
    }

    public static func observations(_ table: CSVTable, _ r: VisitRecord, _ stamp: Stamp) -> Result<[Observation], Problems> {
        let (rows, headerProblems) = rows(table, columns: ["method", "participant", "role", "criteria", "theme", "date", "text"], required: ["method", "text"])
        var problems = headerProblems, out: [Observation] = []
        let methods = r.grids.evaluation.methods.map(\.id) + (r.grids.control?.methods.map(\.id) ?? [])
        let now = stamp.at, today = stamp.today
        for (line, f) in rows {
            func problem(_ m: String) { problems.append(Problem(line: line, message: m)) }
            guard let method = f["method"], methods.contains(method) else {
                problem("`\(f["method"] ?? "")` is not an observation method of this visit" + (Suggestion.hint(for: f["method"] ?? "", in: methods).map { "; \($0)" } ?? ""))
                continue
            }
            guard let text = f["text"]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { problem("empty observation"); continue }
            if let p = f["participant"], !PseudonymCode.isValid(p) { problem("participant `\(p)`: \(PseudonymCode.rule)"); continue }
            var role: ParticipantRole?
            if let text = f["role"] {
                guard let parsed = ParticipantRole(rawValue: text) else { problem("role `\(text)` is not resident, staff, partner or other"); continue }
                role = parsed
            }
            let listed: [String]
            switch criteria(f["criteria"], r.grids) {
            case .success(let ids): listed = ids
            case .failure(let refusal): problem(refusal.message); continue
            }
            switch date(f["date"], "date") {
            case .failure(let refusal): problem(refusal.message)
            case .success(let day):
                out.append(Observation(uid: stamp.makeID(), visit: r.visit.id, method: method, text: text, participant: f["participant"], role: role,
                                       criteria: listed, theme: f["theme"], date: day ?? today, author: stamp.author, at: now))
            }
        }
        return problems.isEmpty ? .success(out) : .failure(Problems(list: problems))
    }

    public static func journeys(_ table: CSVTable, _ r: VisitRecord, _ stamp: Stamp) -> Result<[JourneyRecord], Problems> {
        let (rows, headerProblems) = rows(table, columns: ["resident", "step", "date", "note"], required: ["resident", "step"])
        var problems = headerProblems, out: [JourneyRecord] = []
        let steps = r.grids.evaluation.journey?.steps.map(\.id) ?? []
        let now = stamp.at
        for (line, f) in rows {
            func problem(_ m: String) { problems.append(Problem(line: line, message: m)) }
            guard let resident = f["resident"], PseudonymCode.isValid(resident) else { problem("resident `\(f["resident"] ?? "")`: \(PseudonymCode.rule)"); continue }
            guard let step = f["step"], steps.contains(step) else {
                problem("`\(f["step"] ?? "")` is not a journey step" + (Suggestion.hint(for: f["step"] ?? "", in: steps).map { "; \($0)" } ?? ""))
                continue
            }
            switch date(f["date"], "date") {
            case .failure(let refusal): problem(refusal.message)
            case .success(let day):
                if day == nil && (f["note"] ?? "").isEmpty { problem("a step without a date (not done) needs a note saying why"); continue }
                out.append(JourneyRecord(uid: stamp.makeID(), visit: r.visit.id, entry: JourneyEntry(resident: resident, step: step, date: day, note: f["note"]),
                                         author: stamp.author, at: now))
            }
        }
        return problems.isEmpty ? .success(out) : .failure(Problems(list: problems))
    }

    public static func actions(_ table: CSVTable, _ r: VisitRecord, _ stamp: Stamp) -> Result<[ImprovementAction], Problems> {
        let (rows, headerProblems) = rows(table, columns: ["title", "owner", "due", "criteria", "status"], required: ["title"])
        var problems = headerProblems, out: [ImprovementAction] = []
        let now = stamp.at
        for (line, f) in rows {
            func problem(_ m: String) { problems.append(Problem(line: line, message: m)) }
            guard let title = f["title"] else { problem("empty title"); continue }
            var status = ActionStatus.open
            if let text = f["status"] {
                guard let parsed = ActionStatus(rawValue: text) else { problem("status `\(text)` is not open, in-progress, done or dropped"); continue }
                status = parsed
            }
            let listed: [String]
            switch criteria(f["criteria"], r.grids) {
            case .success(let ids): listed = ids
            case .failure(let refusal): problem(refusal.message); continue
            }
            switch date(f["due"], "due") {
            case .failure(let refusal): problem(refusal.message)
            case .success(let due):
                out.append(ImprovementAction(uid: stamp.makeID(), visit: r.visit.id, title: title, owner: f["owner"], due: due, criteria: listed,
                                             status: status, author: stamp.author, at: now))
            }
        }
        return problems.isEmpty ? .success(out) : .failure(Problems(list: problems))
    }
}
