/// Answers read from a CSV file (`criterion,value,comment,evidence`, optionally `grid` and
/// `reason`), checked completely before anything is written.
public struct AnswerBatch: Sendable {
    public struct Row: Equatable, Sendable {
        public var line: Int
        public var grid: ProtocolKind
        public var criterion: String
        public var value: AnswerValue
        public var comment: String?
        public var evidence: String?
        public var reason: String?
    }

    /// `visit` is read by campaign files (several visits in one file); a single visit's file may carry it too.
    public static let columns = ["criterion", "value", "comment", "evidence", "grid", "reason", "visit"]

    /// The columns a message names as expected (`visit` is a campaign file's).
    static let expectedColumns = "criterion,value,comment,evidence[,grid,reason]"
    static let requiredColumns = "criterion,value,comment,evidence"

    /// Every row, or every problem (all of them, by line).
    public static func read(_ table: CSVTable, grids: VisitGrids, context: [String: Condition.Value]) -> Result<[Row], RowProblems> {
        var problems: [RowProblem] = []
        var index: [String: Int] = [:]
        for (i, name) in table.header.enumerated() {
            let key = name.lowercased()
            if !columns.contains(key) {
                problems.append(RowProblem(line: 1, message: Messages.unknownColumn(name, hint: Suggestion.hint(for: key, in: columns), expected: expectedColumns)))
            } else if index[key] != nil {
                problems.append(RowProblem(line: 1, message: Messages.duplicateColumn(name)))
            } else {
                index[key] = i
            }
        }
        for required in ["criterion", "value"] where index[required] == nil {
            problems.append(RowProblem(line: 1, message: Messages.missingColumn(required, expected: requiredColumns)))
        }
        guard problems.isEmpty, let ci = index["criterion"], let vi = index["value"] else { return .failure(RowProblems(problems)) }
        var rows: [Row] = []
        var seen: [String: Int] = [:]
        for row in table.rows {
            guard row.fields.count == table.header.count else {
                problems.append(RowProblem(line: row.line, message: Messages.fieldCount(row.fields.count, header: table.header.count)))
                continue
            }
            func field(_ name: String) -> String? {
                guard let i = index[name] else { return nil }
                let text = row.fields[i].trimmedSpaces
                return text.isEmpty ? nil : row.fields[i]
            }
            let criterion = row.fields[ci].trimmedSpaces
            var grid: ProtocolKind?
            if let g = field("grid") {
                guard let parsed = ProtocolKind(rawValue: g.trimmedSpaces.lowercased()) else {
                    problems.append(RowProblem(line: row.line, message: Messages.gridIsNeither(g)))
                    continue
                }
                grid = parsed
            }
            if criterion.isEmpty {
                problems.append(RowProblem(line: row.line, message: Messages.emptyCriterion))
                continue
            }
            let text = row.fields[vi].trimmedSpaces
            if text.isEmpty {
                problems.append(RowProblem(line: row.line, message: Messages.emptyValue(criterion)))
                continue
            }
            switch grids.interpret(text, criterion: criterion, grid: grid, context: context) {
            case .failure(let refusal):
                problems.append(RowProblem(line: row.line, message: refusal.description))
            case .success(let (kind, c, value)):
                let key = "\(kind.rawValue)/\(c.id)"
                if let earlier = seen[key] {
                    problems.append(RowProblem(line: row.line, message: Messages.alreadyAnswered(c.id, line: earlier)))
                    continue
                }
                seen[key] = row.line
                rows.append(Row(line: row.line, grid: kind, criterion: c.id, value: value, comment: field("comment"), evidence: field("evidence"), reason: field("reason")))
            }
        }
        return problems.isEmpty ? .success(rows) : .failure(RowProblems(problems))
    }

    /// A campaign file: each row names its visit in a `visit` column. Every row of every visit is
    /// checked against that visit's grids and context; the rows by visit, in the order visits first
    /// appear, or every problem (prefixed with the visit's id), by line.
    public static func readCampaign(_ table: CSVTable, visit lookup: (String) throws -> (visit: Visit, grids: VisitGrids)?,
                                    unknownVisit: (String) -> String) rethrows -> Result<[(visit: String, rows: [Row])], RowProblems> {
        let visitName = "visit"
        guard let visitColumn = table.header.firstIndex(of: visitName) else { return .failure(RowProblems([RowProblem(line: 1, message: Messages.missingColumn(visitName))])) }
        var order: [String] = []
        var byVisit: [String: [CSVTable.Row]] = [:]
        for row in table.rows {
            let id = visitColumn < row.fields.count ? row.fields[visitColumn].trimmedSpaces : ""
            if byVisit[id] == nil { order.append(id) }
            byVisit[id, default: []].append(row)
        }
        var problems: [RowProblem] = []
        var batches: [(visit: String, rows: [Row])] = []
        for id in order {
            let rows = byVisit[id] ?? []
            guard let (visit, grids) = try lookup(id) else {
                rows.forEach { problems.append(RowProblem(line: $0.line, message: id.isEmpty ? Messages.emptyVisit : unknownVisit(id))) }
                continue
            }
            // Answers are checked against the visit's pinned grids and context; nothing else of the visit is needed.
            switch read(CSVTable(header: table.header, rows: rows), grids: grids, context: visit.conditionContext) {
            case .failure(let refused): problems += refused.list.map { RowProblem(line: $0.line, message: Language.labelled(id, $0.message)) }
            case .success(let answers): batches.append((id, answers))
            }
        }
        problems.sort { $0.line < $1.line }
        return problems.isEmpty ? .success(batches) : .failure(RowProblems(problems))
    }
}
