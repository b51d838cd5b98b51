import Testing
@testable import RegardsCore
import RegardsTestSupport

/// The three-way rule of reading a fill-in grid back: as written (the stamped history point), the
/// workspace now, the workbook. A workbook is built here as the reader returns it.
@Suite(.messages(.en)) struct FillInImportTests {
    /// The control grid of `Sample.record` as a workbook: stamps, header on row 4, one row per
    /// criterion (criterion in B, answer in F, comment in G, evidence in H).
    func workbook(_ rows: [(String, String?, String?)], point: String?, stamps: [String: String] = [:]) -> Workbook {
        let header = WorksheetRow(number: 4, cells: [(2, "Critère"), (3, "Intitulé"), (6, "Réponse"), (7, "Commentaire"), (8, "Preuve")].map {
            WorksheetCell(column: $0.0, value: .text($0.1))
        })
        let data = rows.enumerated().map { i, row in
            WorksheetRow(number: 5 + i, cells: [WorksheetCell(column: 2, value: .text(row.0))]
                + [row.1.map { WorksheetCell(column: 6, value: .text($0)) }, row.2.map { WorksheetCell(column: 7, value: .text($0)) }].compactMap { $0 })
        }
        var values = ["visite": "2026-001", "visite-uid": "u", "grille": "control", "protocole": "ctl", "version": "1.0.0", "empreinte": "k"]
        if let point { values["historique"] = point }
        values.merge(stamps) { $1 }
        let stamp = WorksheetData(name: "Regards", state: .hidden, rows: values.sorted { $0.key < $1.key }.enumerated().map { i, kv in
            WorksheetRow(number: i + 2, cells: [WorksheetCell(column: 1, value: .text(kv.key)), WorksheetCell(column: 2, value: .text(kv.value))])
        })
        return Workbook(sheets: [WorksheetData(name: "Grille de contrôle", rows: [header] + data), stamp])
    }

    /// Written when CTL-DU-01 was 2 and CTL-DU-02 was 0 (history point `p`).
    let written = [Sample.event("CTL-DU-01", .level(2), grid: .control, uid: "p1"), Sample.event("CTL-DU-02", .level(0), grid: .control, uid: "p")]

    func read(_ wb: Workbook, history: [AnswerEvent], prefer: FillInImport.Preference? = nil) throws -> FillInImport {
        var n = 0
        return try FillInImport.read(wb, path: "g.xlsx", record: Sample.record(history: history), grid: nil, prefer: prefer, reason: "import de g.xlsx",
                                     makeID: { n += 1; return "id\(n)" })
    }

    func changes(_ plan: FillInImport) -> [String] {
        plan.changes.map { "\($0.change.criterion)=\($0.change.value?.code ?? "-")" }
    }

    @Test func untouchedRowsRecordNothingEvenWhenTheWorkspaceMovedOn() throws {
        let later = written + [Sample.event("CTL-DU-01", .level(1), grid: .control, uid: "w")]
        let plan = try read(workbook([("CTL-DU-01", "2", nil), ("CTL-DU-02", "0", nil), ("CTL-AS-01", nil, nil), ("CTL-AS-02", nil, nil)], point: "p"), history: later)
        #expect(changes(plan).isEmpty)
        #expect(plan.unchanged == 4)
        #expect(plan.conflicts.isEmpty)
    }

    @Test func aChangeInTheWorkbookOnlyIsRecorded() throws {
        let plan = try read(workbook([("CTL-DU-01", "2", "vu"), ("CTL-DU-02", "1", nil), ("CTL-AS-01", "nc", nil), ("CTL-AS-02", nil, nil)], point: "p"), history: written)
        #expect(changes(plan) == ["CTL-DU-01=2", "CTL-DU-02=1", "CTL-AS-01=na"])
        #expect(plan.changes.allSatisfy { $0.change.reason == "import de g.xlsx" })
        #expect(plan.changes[0].change.comment == "vu")
    }

    @Test func theSameChangeOnBothSidesIsNoConflict() throws {
        let later = written + [Sample.event("CTL-DU-02", .level(1), grid: .control, uid: "w")]
        let plan = try read(workbook([("CTL-DU-01", "2", nil), ("CTL-DU-02", "1", nil), ("CTL-AS-01", nil, nil), ("CTL-AS-02", nil, nil)], point: "p"), history: later)
        #expect(changes(plan).isEmpty && plan.conflicts.isEmpty)
    }

    @Test func differentChangesOnBothSidesAreAConflict() throws {
        let later = written + [Sample.event("CTL-DU-02", .level(1), grid: .control, uid: "w")]
        let wb = workbook([("CTL-DU-01", "2", nil), ("CTL-DU-02", "2", nil), ("CTL-AS-01", nil, nil), ("CTL-AS-02", nil, nil)], point: "p")
        #expect(throws: RegardsError.self) { try read(wb, history: later) }
        do {
            _ = try read(wb, history: later)
        } catch let error as RegardsError {
            #expect(error.kind == .badData)
            #expect(error.details == ["g.xlsx:Grille de contrôle!F6: conflict: CTL-DU-02 changed since the workbook was written: `Partiel` in the workspace (by a, t), `Conforme` in the workbook"])
        }
        #expect(changes(try read(wb, history: later, prefer: .workbook)) == ["CTL-DU-02=2"])
        let kept = try read(wb, history: later, prefer: .workspace)
        #expect(changes(kept).isEmpty && kept.conflicts.map(\.kept) == [.workspace])
    }

    @Test func theHistoryPointMustBeThisVisits() throws {
        let wb = workbook([("CTL-DU-01", "2", nil)], point: "elsewhere")
        #expect(throws: RegardsError.badData("g.xlsx: the history point this workbook was written from is not in visit 2026-001's history (written from another copy of the visit?)")) {
            try read(wb, history: written)
        }
        // A grid written before any answer: every filled row is a change.
        let empty = try read(workbook([("CTL-DU-01", "2", nil), ("CTL-DU-02", nil, nil), ("CTL-AS-01", nil, nil), ("CTL-AS-02", nil, nil)], point: ""), history: [])
        #expect(changes(empty) == ["CTL-DU-01=2"])
    }
}
