/// The tableau de suivi (`regards measure sheet`) filled by the organisation and read back: each
/// row it filled (its answer, the documents it sent, the date) becomes the measure's follow-up « en
/// cours » for the inspectors to judge (`measure follow M1 --status lifted`). Stamped like the
/// fill-in grid: the visit, the measures it lists and a hash of what the inspectors asked.
public enum FollowUpImport {
    /// One follow-up to record, from the row that holds it.
    public struct Row: Sendable {
        public var location: String
        public var label: String
        public var event: ProcedureEvent
    }

    public struct Plan: Sendable {
        public var rows: [Row] = []
        /// Rows the organisation filled for a measure already settled: not recorded, said.
        public var settled: [String] = []
        public var unchanged = 0
    }

    /// What the follow-up's note says before the organisation's words.
    public static let notePrefix = "réponse de l'organisme : "

    public static func read(_ workbook: Workbook, path: String, record r: VisitRecord, desk: ProcedureDesk) throws -> Plan {
        let visit = r.visit
        guard let stamps = WorkbookStamps(workbook) else {
            throw WorkbookStamps.missing(path, .followUpTable, writtenBy: "regards measure sheet \(visit.id) --xlsx FILE.xlsx")
        }
        guard stamps["document"] == "tableau-de-suivi" else {
            throw RegardsError.badData(Messages.gridNotTableau(path, visit: visit.id))
        }
        try stamps.check(visit: visit, path: path)
        let p = r.procedure
        let listed = (stamps["mesures"] ?? "").split(separator: ",").map { p.measure(uid: String($0)) }
        let measures = listed.compactMap { $0 }
        if measures.count != listed.count || FollowUpReport.hash(r, measures) != stamps["empreinte"] {
            throw RegardsError.badData(Messages.measuresChanged(path, visit: visit.id))
        }
        let table = try GridTable.locate(in: workbook, path: path, titles: FollowUpReport.titles, required: ["measure", "org_answer", "org_evidence", "org_date"],
                                         document: .followUpTable)
        let byLabel = Dictionary(uniqueKeysWithValues: measures.map { ($0.label, $0) })
        var plan = Plan()
        var problems: [CellProblem] = []
        var seen: [String: Int] = [:]
        for row in table.sheet.rows where row.number > table.header {
            func place(_ key: String) -> String { WorksheetData.reference(row: row.number, column: table.columns[key]!) }
            func problem(at key: String, _ message: String) { problems.append(CellProblem(sheet: table.sheet.name, reference: place(key), message: message)) }
            var text: [String: String] = [:]
            var bad = false
            for key in ["measure", "org_answer", "org_evidence"] {
                switch GridTable.text(row[column: table.columns[key]!]) {
                case .success(let t): if let t { text[key] = t }
                case .failure(let refusal): problem(at: key, refusal.message); bad = true
                }
            }
            var date: CalendarDate?
            switch row[column: table.columns["org_date"]!] {
            case nil: break
            case .date(let d)?: date = CalendarDate(year: d.year, month: d.month, day: d.day)
            case .text(let t)?:
                switch DateInput.read(t, field: Messages.theDate) {
                case .success(let d): date = d
                case .failure(let refusal): problem(at: "org_date", refusal.description); bad = true
                }
            case let other?: problem(at: "org_date", Messages.cellNotADate(other.description)); bad = true
            }
            if bad {
                if let label = text["measure"], seen[label] == nil { seen[label] = row.number }
                continue
            }
            guard let label = text["measure"] else {
                if text["org_answer"] != nil || text["org_evidence"] != nil || date != nil { problem(at: "measure", Messages.answerWithoutMeasure) }
                continue
            }
            guard let measure = byLabel[label] else {
                problem(at: "measure", Messages.notAMeasureOfTableau(label, measures: measures.map(\.label)))
                continue
            }
            if let earlier = seen[label] {
                problem(at: "measure", Messages.measureOnTwoRows(label, row: earlier))
                continue
            }
            seen[label] = row.number
            let answer = text["org_answer"], evidence = text["org_evidence"]
            guard answer != nil || evidence != nil || date != nil else { continue }
            let note = answer.map { notePrefix + $0 }
            if let current = measure.followUp, current.note == note, current.evidence == evidence, date == nil || current.on == date {
                plan.unchanged += 1
                continue
            }
            if p.status(of: measure, today: r.today).isSettled || measure.withdrawn {
                plan.settled.append("\(label) : \(p.status(of: measure, today: r.today).label), la réponse de l'organisme (\(table.sheet.name)!\(place("org_answer"))) n'est pas enregistrée")
                continue
            }
            do {
                let event = try desk.follow(label, status: .inProgress, on: date?.description, evidence: evidence, note: note, source: .file)
                plan.rows.append(Row(location: "\(table.sheet.name)!\(place("org_answer"))", label: label, event: event))
            } catch let error as RegardsError {
                let key = date == nil ? "org_answer" : "org_date"
                problem(at: key, error.description)
            }
        }
        problems += table.deletedRows(measures.map(\.label).filter { seen[$0] == nil }, .followUpTable)
        if !problems.isEmpty { throw RegardsError.refused(path, problems) }
        return plan
    }
}
