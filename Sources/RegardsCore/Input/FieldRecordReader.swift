import Foundation

/// Participants and residents are codes such as R07 or S02, never names: a code is short and holds a digit.
public enum PseudonymCode {
    /// What a code must be, said when one is refused.
    public static var rule: String { Messages.pseudonymRule }

    public static func isValid(_ code: String) -> Bool {
        code.count <= 16 && code.contains(where: \.isNumber)
            && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
    }
}

/// Every problem of a refused file, by line.
public struct RowProblems: Error, Equatable, Sendable {
    public var list: [RowProblem]

    public init(_ list: [RowProblem]) {
        self.list = list
    }
}

/// Observations, journey entries and actions as typed — one on the command line (`observe --method …`),
/// or many in a CSV file whose columns have the options' names — checked by the same rules.
public enum FieldRecordReader {
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

    /// The typed values of one record by field name (`method`, `participant` …); a blank value is absent.
    public typealias Fields = [String: String]

    public static let observationColumns = ["method", "participant", "role", "criteria", "theme", "date", "text"]
    public static let journeyColumns = ["resident", "step", "date", "note"]
    public static let actionColumns = ["title", "owner", "due", "criteria", "status"]

    // MARK: - One record

    /// An observation method of the visit's grids.
    public static func method(_ typed: String?, _ r: VisitRecord) -> Result<String, InputRefusal> {
        let methods = r.grids.methods
        guard let typed, methods.contains(typed) else {
            return .failure(InputRefusal(Messages.notAMethod(typed ?? "", methods: methods, hint: Suggestion.hint(for: typed ?? "", in: methods))))
        }
        return .success(typed)
    }

    public static func observation(_ f: Fields, _ r: VisitRecord, _ stamp: Stamp, source: InputSource) -> Result<Observation, InputRefusal> {
        let method: String
        switch self.method(f["method"], r) {
        case .success(let m): method = m
        case .failure(let refusal): return .failure(refusal)
        }
        guard let text = f["text"]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return .failure(InputRefusal(Messages.emptyObservation)) }
        if let p = f["participant"], !PseudonymCode.isValid(p) {
            let field = source.label("participant")
            return .failure(InputRefusal(Messages.notAPseudonym(field, p)))
        }
        var role: ParticipantRole?
        if let typed = f["role"] {
            guard let parsed = ParticipantRole(rawValue: typed) else {
                let field = source.label("role")
                return .failure(InputRefusal(Messages.notARole(field, typed)))
            }
            role = parsed
        }
        return criteria(f["criteria"], r.grids, source).flatMap { listed in
            date(f["date"], "date", source).map { day in
                Observation(uid: stamp.makeID(), visit: r.visit.id, method: method, text: text, participant: f["participant"], role: role,
                            criteria: listed, theme: f["theme"], date: day ?? stamp.today, author: stamp.author, at: stamp.at)
            }
        }
    }

    public static func journey(_ f: Fields, _ r: VisitRecord, _ stamp: Stamp, source: InputSource) -> Result<JourneyRecord, InputRefusal> {
        let steps = r.grids.evaluation.journey?.steps.map(\.id) ?? []
        guard let resident = f["resident"], PseudonymCode.isValid(resident) else {
            let (field, typed) = (source.label("resident"), f["resident"] ?? "")
            return .failure(InputRefusal(Messages.notAPseudonym(field, typed)))
        }
        guard let step = f["step"], steps.contains(step) else {
            let typed = f["step"] ?? ""
            return .failure(InputRefusal(Messages.notAStep(typed, steps: steps, hint: Suggestion.hint(for: typed, in: steps))))
        }
        return date(f["date"], "date", source).flatMap { day in
            if day == nil && (f["note"] ?? "").isEmpty {
                return .failure(InputRefusal(source == .commandLine ? Messages.notDoneNeedsNoteOption : Messages.notDoneNeedsNoteColumn))
            }
            return .success(JourneyRecord(uid: stamp.makeID(), visit: r.visit.id, entry: JourneyEntry(resident: resident, step: step, date: day, note: f["note"]),
                                          author: stamp.author, at: stamp.at))
        }
    }

    public static func action(_ f: Fields, _ r: VisitRecord, _ stamp: Stamp, source: InputSource) -> Result<ImprovementAction, InputRefusal> {
        guard let title = f["title"] else { return .failure(InputRefusal(Messages.emptyTitle)) }
        var status = ActionStatus.open
        if let typed = f["status"] {
            guard let parsed = ActionStatus(rawValue: typed) else {
                let field = source.label("status")
                return .failure(InputRefusal(Messages.notAnActionStatus(field, typed)))
            }
            status = parsed
        }
        return criteria(f["criteria"], r.grids, source).flatMap { listed in
            date(f["due"], "due", source).map { due in
                ImprovementAction(uid: stamp.makeID(), visit: r.visit.id, title: title, owner: f["owner"], due: due, criteria: listed,
                                  status: status, author: stamp.author, at: stamp.at)
            }
        }
    }

    /// The typed fields without the blank ones.
    public static func fields(_ pairs: [(String, String?)]) -> Fields {
        var out: Fields = [:]
        for (name, value) in pairs {
            if let value, !value.trimmedSpaces.isEmpty { out[name] = value }
        }
        return out
    }

    static func date(_ text: String?, _ field: String, _ source: InputSource) -> Result<CalendarDate?, InputRefusal> {
        guard let text else { return .success(nil) }
        return DateInput.read(text, field: source.label(field)).map { $0 }
    }

    /// Criteria ids separated by `;` or `,`, each one of the visit's grids.
    static func criteria(_ text: String?, _ grids: VisitGrids, _ source: InputSource) -> Result<[String], InputRefusal> {
        let ids = (text ?? "").split(whereSeparator: { $0 == ";" || $0 == "," }).map { String($0).trimmedSpaces }.filter { !$0.isEmpty }
        let field = source.label("criteria")
        for id in ids {
            if case .failure(let refusal) = grids.locate(id) { return .failure(InputRefusal(Language.labelled(field, refusal.description))) }
        }
        return .success(ids)
    }

    // MARK: - A file of records

    public static func observations(_ table: CSVTable, _ r: VisitRecord, _ stamp: Stamp) -> Result<[Observation], RowProblems> {
        each(table, columns: observationColumns, required: ["method", "text"]) { observation($0, r, stamp, source: .file) }
    }

    public static func journeys(_ table: CSVTable, _ r: VisitRecord, _ stamp: Stamp) -> Result<[JourneyRecord], RowProblems> {
        each(table, columns: journeyColumns, required: ["resident", "step"]) { journey($0, r, stamp, source: .file) }
    }

    public static func actions(_ table: CSVTable, _ r: VisitRecord, _ stamp: Stamp) -> Result<[ImprovementAction], RowProblems> {
        each(table, columns: actionColumns, required: ["title"]) { action($0, r, stamp, source: .file) }
    }

    /// Every row read by `read`, or every problem: unknown or missing columns at line 1, then each bad row.
    static func each<T>(_ table: CSVTable, columns: [String], required: [String], _ read: (Fields) -> Result<T, InputRefusal>) -> Result<[T], RowProblems> {
        var problems: [RowProblem] = []
        for name in table.header where !columns.contains(name) {
            problems.append(RowProblem(line: 1, message: Messages.unknownColumn(name, hint: Suggestion.hint(for: name, in: columns), expected: columns.joined(separator: ","))))
        }
        for name in required where !table.header.contains(name) {
            problems.append(RowProblem(line: 1, message: Messages.missingColumn(name, expected: columns.joined(separator: ","))))
        }
        guard problems.isEmpty else { return .failure(RowProblems(problems)) }
        var out: [T] = []
        for row in table.rows {
            guard row.fields.count == table.header.count else {
                problems.append(RowProblem(line: row.line, message: Messages.fieldCount(row.fields.count, header: table.header.count)))
                continue
            }
            switch read(fields(Array(zip(table.header, row.fields.map(Optional.some))))) {
            case .success(let record): out.append(record)
            case .failure(let refusal): problems.append(RowProblem(line: row.line, message: refusal.message))
            }
        }
        return problems.isEmpty ? .success(out) : .failure(RowProblems(problems))
    }
}
