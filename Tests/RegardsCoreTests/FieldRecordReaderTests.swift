import Testing
@testable import RegardsCore
import RegardsTestSupport

@Suite(.messages(.en)) struct FieldRecordReaderTests {
    let stamp = FieldRecordReader.Stamp(author: "a", at: "2026-11-26T10:00:00.000Z", today: CalendarDate(iso: "2026-11-26")!, makeID: { "id" })

    @Test func readsObservationsOrListsEveryProblem() throws {
        let good = try CSVTable.parse("method,participant,role,criteria,theme,date,text\nentretien,R07,resident,AC-01;VC-01,repas,2026-11-20,Note\n")
        guard case .success(let list) = FieldRecordReader.observations(good, Sample.record(), stamp) else { Issue.record("refused"); return }
        #expect(list.map(\.criteria) == [["AC-01", "VC-01"]] && list[0].date == CalendarDate(iso: "2026-11-20") && list[0].uid == "id")
        let bad = try CSVTable.parse("method,participant,role,criteria,date,text\nentretiens,R07,,,,x\nentretien,Dupont,,,,x\nentretien,R1,chef,,,x\nentretien,R1,,ZZ,,x\nentretien,R1,,,hier,x\n")
        guard case .failure(let problems) = FieldRecordReader.observations(bad, Sample.record(), stamp) else { Issue.record("accepted"); return }
        #expect(problems.list.map(\.line) == [2, 3, 4, 5, 6])
        #expect(problems.list[0].message == "`entretiens` is not an observation method of this visit (entretien); did you mean `entretien`?")
    }

    @Test func journeysNeedANoteWhenNotDone() throws {
        let table = try CSVTable.parse("resident,step,date,note\nR1,admission,2026-10-01,\nR1,contrat,,\n")
        guard case .failure(let problems) = FieldRecordReader.journeys(table, Sample.record(), stamp) else { Issue.record("accepted"); return }
        #expect(problems.list.map(\.message) == ["a step without a date (not done) needs a note saying why"])
    }

    @Test func actionsKeepTheirStatus() throws {
        let table = try CSVTable.parse("title,owner,due,criteria,status\nOuvrir la cuisine,direction,2027-03-01,VC-02,in-progress\n")
        guard case .success(let list) = FieldRecordReader.actions(table, Sample.record(), stamp) else { Issue.record("refused"); return }
        #expect(list[0].status == .inProgress && list[0].criteria == ["VC-02"])
    }
}
