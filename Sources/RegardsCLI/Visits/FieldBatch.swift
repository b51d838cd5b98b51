import Foundation
import RegardsCore

/// Observations, journey entries and actions read from CSV files (the columns of the single
/// commands' options), checked completely before one transaction writes them all.
enum FieldBatch {
    struct Problem {
        var line: Int
        var message: String
    }

    /// A reason a value is refused.
    struct Refusal: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    static func table(_ path: String) throws -> CSVTable {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw fail("\(path): is a folder, not a CSV file", code: Exit.usage)
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw fail("\(path): no such file", code: Exit.missingInput) }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            throw fail("\(path): not UTF-8 text; save the file as UTF-8 (CSV UTF-8 in a spreadsheet)", code: Exit.badData)
        }
        do {
            return try CSVTable.parse(text)
        } catch {
            throw fail("\(path):\(error.line): \(error.message)", code: Exit.badData)
        }
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
            for (name, value) in zip(table.header, row.fields) where !value.trimmingCharacters(in: .whitespaces).isEmpty { fields[name] = value }
            out.append((row.line, fields))
        }
        return (out, problems)
    }

    static func date(_ text: String?, _ column: String) -> Result<CalendarDate?, Refusal> {
        guard let text else { return .success(nil) }
        guard let date = CalendarDate(iso: text.trimmingCharacters(in: .whitespaces)) else { return .failure(Refusal("`\(text)` in `\(column)` is not a date; write YYYY-MM-DD")) }
        return .success(date)
    }

    static func criteria(_ text: String?, _ grids: VisitGrids) -> Result<[String], Refusal> {
        let ids = (text ?? "").split(whereSeparator: { $0 == ";" || $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for id in ids {
            if case .failure(let refusal) = grids.locate(id) { return .failure(Refusal(refusal.description)) }
        }
        return .success(ids)
    }

    /// Reports every problem and refuses the file, or returns.
    static func refuse(_ path: String, _ problems: [Problem]) throws {
        guard !problems.isEmpty else { return }
        problems.prefix(100).forEach { Console.error("\(path):\($0.line): error: \($0.message)") }
        if problems.count > 100 { Console.error("\(path): … and \(problems.count - 100) more bad row(s)") }
        throw fail("\(path): \(problems.count) bad row(s); nothing was written", code: Exit.badData)
    }

    static func observations(_ path: String, _ r: VisitRecord, author: String) throws -> [Observation] {
        let (rows, headerProblems) = rows(try table(path), columns: ["method", "participant", "role", "criteria", "theme", "date", "text"], required: ["method", "text"])
        var problems = headerProblems, out: [Observation] = []
        let methods = r.grids.evaluation.methods.map(\.id) + (r.grids.control?.methods.map(\.id) ?? [])
        let now = Clock.now(), today = Clock.today()
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
                out.append(Observation(uid: UID.make(), visit: r.visit.id, method: method, text: text, participant: f["participant"], role: role,
                                       criteria: listed, theme: f["theme"], date: day ?? today, author: author, at: now))
            }
        }
        try refuse(path, problems)
        return out
    }

    static func journeys(_ path: String, _ r: VisitRecord, author: String) throws -> [JourneyRecord] {
        let (rows, headerProblems) = rows(try table(path), columns: ["resident", "step", "date", "note"], required: ["resident", "step"])
        var problems = headerProblems, out: [JourneyRecord] = []
        let steps = r.grids.evaluation.journey?.steps.map(\.id) ?? []
        let now = Clock.now()
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
                out.append(JourneyRecord(uid: UID.make(), visit: r.visit.id, entry: JourneyEntry(resident: resident, step: step, date: day, note: f["note"]),
                                         author: author, at: now))
            }
        }
        try refuse(path, problems)
        return out
    }

    static func actions(_ path: String, _ r: VisitRecord, author: String) throws -> [ImprovementAction] {
        let (rows, headerProblems) = rows(try table(path), columns: ["title", "owner", "due", "criteria", "status"], required: ["title"])
        var problems = headerProblems, out: [ImprovementAction] = []
        let now = Clock.now()
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
                out.append(ImprovementAction(uid: UID.make(), visit: r.visit.id, title: title, owner: f["owner"], due: due, criteria: listed,
                                             status: status, author: author, at: now))
            }
        }
        try refuse(path, problems)
        return out
    }
}
