import Foundation

/// A fill-in grid (`regards sheet`) filled in a spreadsheet and read back: its stamps checked
/// against the visit, every row checked like a CSV row, and the answers compared three ways — as
/// the workbook was written (its history point), as the workspace holds them now, as the workbook
/// holds them — so that only real changes are recorded and an answer changed on both sides is a
/// conflict. Nothing here writes: the plan is recorded by the caller in one transaction.
public struct FillInImport: Sendable {
    /// Which side wins a conflict.
    public enum Preference: String, Sendable, CaseIterable {
        case workbook, workspace
    }

    /// One answer to record, from the cell that holds it.
    public struct Change: Sendable {
        /// `Grille de contrôle!F12`.
        public var location: String
        public var change: AnswerChange
        /// The workspace's answer it replaces.
        public var before: AnswerEvent?
    }

    /// A criterion changed both in the workspace since the workbook was written and in the workbook.
    public struct Conflict: Sendable {
        public var location: String
        public var grid: ProtocolKind
        public var criterion: String
        public var workspace: AnswerEvent?
        public var workbook: AnswerValue?
        /// The side kept (nil: the import is refused).
        public var kept: Preference?
    }

    public var grid: ProtocolKind
    public var sheet: String
    public var changes: [Change] = []
    public var conflicts: [Conflict] = []
    /// Rows whose answer, comment and evidence did not change.
    public var unchanged = 0
    /// The rows are not in the grid's order (they were sorted): each was matched by its criterion.
    public var sorted = false

    /// What a row holds, compared field by field (text trimmed, line ends as `\n`, empty as nil).
    struct Entry: Equatable {
        var value: AnswerValue?
        var comment: String?
        var evidence: String?

        init(value: AnswerValue?, comment: String?, evidence: String?) {
            self.value = value
            self.comment = Self.normal(comment)
            self.evidence = Self.normal(evidence)
        }

        init(_ event: AnswerEvent?) {
            self.init(value: event?.value, comment: event?.comment, evidence: event?.evidence)
        }

        static func normal(_ text: String?) -> String? {
            guard let text else { return nil }
            let t = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty ? nil : t
        }
    }

    /// Reads `workbook` (the file `path`) for `record`'s visit; throws a one-line refusal for a
    /// workbook that is not this visit's grid, and every bad cell at once for bad rows.
    public static func read(_ workbook: Workbook, path: String, record r: VisitRecord, grid wanted: ProtocolKind?, prefer: Preference?,
                            reason: String, makeID: () -> String) throws -> FillInImport {
        let visit = r.visit
        guard let stamps = WorkbookStamps(workbook) else {
            throw WorkbookStamps.missing(path, .fillInGrid, writtenBy: "regards sheet \(visit.id) --xlsx FILE.xlsx")
        }
        if stamps["document"] == "tableau-de-suivi" {
            throw RegardsError.badData(Messages.tableauNotGrid(path, visit: visit.id))
        }
        try stamps.check(visit: visit, path: path)
        guard try stamps.scoring(wanted: r.scorer, path: path) == r.scorer else {
            throw RegardsError.badData(Messages.readBackIntoScoring(path, stamps.scorer ?? "?"))
        }
        let kind = try checkGrid(stamps, visit: visit, path: path, wanted: wanted)
        let base = try basePoint(stamps, r, grid: kind, path: path)
        guard let grid = r.grids.grid(kind) else { throw RegardsError.badData(Messages.visitHasNoGrid(visit.id, kind)) }
        let table = try GridTable.locate(in: workbook, path: path)
        let criterionColumn = table.columns["criterion"]!, answerColumn = table.columns["answer"]!
        var plan = FillInImport(grid: kind, sheet: table.sheet.name)
        var problems: [CellProblem] = []
        let context = visit.conditionContext
        var seen: [String: Int] = [:]
        var order: [String] = []
        for row in table.sheet.rows where row.number > table.header {
            func problem(_ column: Int, _ message: String) {
                problems.append(CellProblem(sheet: table.sheet.name, reference: WorksheetData.reference(row: row.number, column: column), message: message))
            }
            var fields: [String: String?] = [:]
            var bad = false
            for (key, column) in table.columns {
                switch GridTable.text(row[column: column]) {
                case .success(let text): fields[key] = text
                case .failure(let refusal): problem(column, refusal.message); bad = true
                }
            }
            if bad {
                if let id = fields["criterion"] ?? nil, seen[id] == nil { seen[id] = row.number }
                continue
            }
            let (answer, comment, evidence) = (fields["answer"] ?? nil, fields["comment"] ?? nil, fields["evidence"] ?? nil)
            guard let id = fields["criterion"] ?? nil else {
                if answer != nil || comment != nil || evidence != nil {
                    problem(criterionColumn, Messages.answerWithoutCriterion)
                }
                continue
            }
            guard let criterion = grid.criterion(id) else {
                let ids = grid.allCriteria.map(\.criterion.id)
                problem(criterionColumn, Messages.unknownGridCriterion(id, in: grid.id, hint: Suggestion.hint(for: id, in: ids)))
                continue
            }
            if let earlier = seen[id] {
                problem(criterionColumn, Messages.criterionOnTwoRows(id, row: earlier))
                continue
            }
            seen[id] = row.number
            order.append(id)
            if let titleColumn = table.columns["title"], let title = fields["title"] ?? nil, !title.hasPrefix(criterion.title.trimmedSpaces) {
                problem(titleColumn, Messages.notTheTitle(id))
                continue
            }
            var value: AnswerValue?
            if let answer {
                switch r.grids.interpret(answer, criterion: id, grid: kind, context: context) {
                case .success(let (_, _, v)): value = v
                case .failure(let refusal): problem(answerColumn, refusal.description); continue
                }
            } else if !criterion.applies(in: context) {
                problem(criterionColumn, Messages.criterionDoesNotApply(id))
                continue
            } else if comment != nil || evidence != nil {
                problem(answerColumn, Messages.commentWithoutAnswer)
                continue
            }
            let workbook = Entry(value: value, comment: comment, evidence: evidence)
            let before = Entry(base[id]), now = Entry(r.current[kind]?[id])
            let location = "\(table.sheet.name)!\(WorksheetData.reference(row: row.number, column: answerColumn))"
            if workbook == before || workbook == now {
                plan.unchanged += 1
                continue
            }
            if now != before {
                let kept = prefer
                plan.conflicts.append(Conflict(location: location, grid: kind, criterion: id, workspace: r.current[kind]?[id], workbook: value, kept: kept))
                if kept != .workbook { continue }
            }
            plan.changes.append(Change(location: location, change: AnswerChange(uid: makeID(), grid: kind, criterion: id, value: workbook.value, comment: workbook.comment,
                                                                               evidence: workbook.evidence, reason: reason),
                                       before: r.current[kind]?[id]))
        }
        let missing = grid.allCriteria.map(\.criterion).filter { $0.applies(in: context) && seen[$0.id] == nil }.map(\.id)
        problems += table.deletedRows(missing, .fillInGrid)
        if !problems.isEmpty { throw RegardsError.refused(path, problems) }
        let rank = Dictionary(uniqueKeysWithValues: grid.allCriteria.enumerated().map { ($1.criterion.id, $0) })
        plan.sorted = zip(order, order.dropFirst()).contains { rank[$0]! > rank[$1]! }
        if prefer == nil, !plan.conflicts.isEmpty {
            throw RegardsError.badData(Messages.conflictsRefused(path, plan.conflicts.count),
                                       details: plan.conflicts.map { Messages.conflictDetail("\(path):\($0.location)", describe($0, r.grids)) })
        }
        return plan
    }

    /// `CTL-AU-03 is `non conforme` in the workspace (by X, 2026-11-20) and `conforme` in the workbook`.
    public static func describe(_ c: Conflict, _ grids: VisitGrids) -> String {
        let scale = grids.criterion(c.criterion, in: c.grid).flatMap { grids.scale($0.scale, in: c.grid) }
        func label(_ v: AnswerValue?) -> String { v.map { "`\($0.label(in: scale))`" } ?? Messages.noAnswer }
        let who = c.workspace.map { Messages.answeredBy($0.author, on: $0.at.prefix(10)) } ?? ""
        return Messages.conflict(c.criterion, workspace: label(c.workspace?.value), by: who, workbook: label(c.workbook))
    }

    /// The grid the workbook holds, checked against the visit's pinned protocol (id, version, hash).
    static func checkGrid(_ stamps: WorkbookStamps, visit: Visit, path: String, wanted: ProtocolKind?) throws -> ProtocolKind {
        guard let kind = stamps["grille"].flatMap(ProtocolKind.init(rawValue:)) else {
            throw RegardsError.badData(Messages.stampGridMissing(path, visit: visit.id))
        }
        if let wanted, wanted != kind {
            throw RegardsError.badData(Messages.workbookHoldsOtherGrid(path, kind, wanted: wanted))
        }
        guard let pin = kind == .evaluation ? visit.evaluation : visit.control else {
            throw RegardsError.badData(Messages.visitLacksWorkbookGrid(path, kind, visit: visit.id))
        }
        let again = Messages.writeGridAgain(visit: visit.id, kind)
        let (id, version, hash) = (stamps["protocole"] ?? "?", stamps["version"] ?? "?", stamps["empreinte"] ?? "?")
        if id != pin.id {
            throw RegardsError.badData(Messages.workbookOfOtherProtocol(path, id, visit: visit.id, kind, pinned: pin.id))
        }
        if version != pin.version {
            throw RegardsError.badData(Messages.workbookOfOtherVersion(path, "\(id)@\(version)", visit: visit.id, pinned: "\(pin)", again: again))
        }
        if hash != pin.hash {
            throw RegardsError.badData(Messages.workbookOfOtherHash(path, "\(pin)", written: String(hash.prefix(12)), visits: String(pin.hash.prefix(12)), again: again))
        }
        return kind
    }

    /// The answers as they stood when the workbook was written (its stamp `historique`).
    static func basePoint(_ stamps: WorkbookStamps, _ r: VisitRecord, grid kind: ProtocolKind, path: String) throws -> [String: AnswerEvent] {
        guard let point = stamps["historique"] else {
            throw RegardsError.badData(Messages.stampHistoryMissing(path, visit: r.visit.id))
        }
        if point.isEmpty { return [:] }
        guard let end = r.history.firstIndex(where: { $0.uid == point }) else {
            throw RegardsError.badData(Messages.historyPointUnknown(path, visit: r.visit.id))
        }
        return VisitRecord.latest(Array(r.history[...end]))[kind] ?? [:]
    }
}

extension FillInImport {
    /// One line per change: `CTL-AU-03 = non conforme (avant : conforme)`, what else changed.
    public static func lines(_ plan: FillInImport, _ grids: VisitGrids) -> [String] {
        plan.changes.map { c in
            let scale = grids.criterion(c.change.criterion, in: plan.grid).flatMap { grids.scale($0.scale, in: plan.grid) }
            let old = Entry(c.before), new = Entry(value: c.change.value, comment: c.change.comment, evidence: c.change.evidence)
            return AnswerChangeLine.line(c.change.criterion, now: c.change.value?.label(in: scale), before: old.value != new.value ? .some(old.value?.label(in: scale)) : nil,
                                         comment: old.comment != new.comment, evidence: old.evidence != new.evidence)
        }
    }

    /// A file that is a fill-in grid saved as CSV (its stamps lost), from its first bytes in any
    /// encoding and with either separator: a line of the grid's headings, not `criterion,value`.
    public static func isSavedGrid(_ head: [UInt8]) -> Bool {
        let lines = Array(head[..<(head.lastIndex(of: 0x0A) ?? head.endIndex)])
        let text = String(bytes: lines, encoding: .utf8) ?? String(bytes: lines, encoding: .isoLatin1) ?? ""
        let headings = Set([FillInReport.criterionTitle, FillInReport.answerTitle].flatMap(\.both))
        for line in text.split(separator: "\n").prefix(8) {
            let fields = line.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\t" })
            let named = fields.filter { field in headings.contains(field.trimmingCharacters(in: CharacterSet(charactersIn: "\" \r"))) }
            if named.count >= 2 { return true }
        }
        return false
    }
}
