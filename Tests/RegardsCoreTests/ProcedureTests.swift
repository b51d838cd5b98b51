import Foundation
import RegardsTestSupport
import Testing
@testable import RegardsCore

/// The inspection's procedure (DOMAIN.md §9) in the core: numbering and its freeze, what each stage
/// allows, the guards of the workflow, measure statuses, and how a period is typed.
@Suite(.messages(.en)) struct ProcedureTests {
    final class IDs: @unchecked Sendable {
        var n = 0
        func next() -> String { n += 1; return "id-\(n)" }
    }

    /// A visit answered below the top on CTL-DU-02 (an écart) and CTL-AS-01, with the procedure so far.
    func record(_ events: [ProcedureEvent] = [], today: String = "2026-12-01") -> VisitRecord {
        var r = Sample.record(history: [Sample.event("CTL-DU-02", .level(0), grid: .control), Sample.event("CTL-AS-01", .level(1), grid: .control)])
        r.visit.startDate = CalendarDate(iso: "2026-11-20")
        r.procedure = Procedure(events: events)
        r.today = CalendarDate(iso: today)!
        return r
    }

    let ids = IDs()
    func desk(_ r: VisitRecord) -> ProcedureDesk {
        ProcedureDesk(record: r, stamp: FieldRecordReader.Stamp(author: "a", at: "t", today: r.today, makeID: ids.next))
    }

    /// Applies changes one after the other, as separate commands would.
    func apply(_ steps: [(ProcedureDesk) throws -> ProcedureEvent]) throws -> [ProcedureEvent] {
        var events: [ProcedureEvent] = []
        for step in steps { events.append(try step(desk(record(events)))) }
        return events
    }

    func message(_ body: () throws -> Any) -> String {
        do {
            _ = try body()
            return "accepted"
        } catch let error as any RegardsErrorConvertible {
            return "\(error.regardsError.kind.rawValue): \(error.regardsError.description)"
        } catch {
            return "\(error)"
        }
    }

    @Test func numbersFollowTheFindingsStillCountedUntilTheProvisionalReportFreezesThem() throws {
        let events = try apply([
            { try $0.addFinding(.init(kind: .ecart, fact: "Contrat non signé", criterion: "CTL-DU-02")) },
            { try $0.addFinding(.init(kind: .remarque, fact: "Bilan tardif")) },
            { try $0.addFinding(.init(kind: .remarque, fact: "Deuxième remarque")) },
            { try $0.dropFinding("R1", reason: nil) },
        ])
        var p = Procedure(events: events)
        #expect(p.findings.map(\.label) == ["E1", "—", "R1"])
        #expect(p.finding(label: "e1")?.references == ["CASF L311-4"] && p.finding(label: "E1")?.evidence == [.answer(.control, criterion: "CTL-DU-02")])
        let frozen = try apply([
            { _ in events[0] }, { _ in events[1] }, { _ in events[2] }, { _ in events[3] },
            { try $0.addMeasure(.init(kind: .prescription, text: "Signer", findings: ["E1"], within: "2 mois")) },
            { $0.issue(.provisional, on: CalendarDate(iso: "2026-12-10")!) },
            { try $0.addFinding(.init(kind: .remarque, fact: "Ajoutée après")) },
            { try $0.dropFinding("R1", reason: "non établi") },
        ])
        p = Procedure(events: frozen)
        #expect(p.findings.map { "\($0.label)\($0.withdrawn ? "x" : "")" } == ["E1", "—x", "R1x", "R2"])
        #expect(p.stage == .provisional && p.provisionalReport == CalendarDate(iso: "2026-12-10"))
        #expect(p.measures.map(\.label) == ["M1"])
    }

    @Test func eachStageAllowsWhatItShould() throws {
        let base = try apply([
            { try $0.addFinding(.init(kind: .ecart, fact: "Contrat non signé", criterion: "CTL-DU-02")) },
            { try $0.addFinding(.init(kind: .bonnePratique, fact: "Commission des menus")) },
        ])
        let r = record(base)
        #expect(message { try desk(r).addMeasure(.init(kind: .recommandation, text: "x", findings: ["BP1"], due: "2027-01-01")) }
            == "usage: BP1 is a good practice: no measure answers it")
        #expect(message { try desk(r).addMeasure(.init(kind: .injonction, text: "x", findings: ["E1"], due: "2027-01-01", within: "1 mois")) }
            == "usage: give --due or --within, not both")
        #expect(message { try desk(r).addMeasure(.init(kind: .injonction, text: "x", findings: ["E1"], within: "trois mois")) }
            == "usage: --within: `trois mois` is not a period; write a number and a unit, e.g. `3 mois` or `15 jours`")
        #expect(message { try desk(r).addFinding(.init(kind: .remarque, fact: "   ")) } == "usage: a finding states the fact observed: give --fact")
        #expect(message { try desk(r).addFinding(.init(kind: .remarque, fact: "x", evidence: ["CTL-DU-01"])) }
            == "usage: evidence `CTL-DU-01`: CTL-DU-01 has no answer in visit 2026-001")
        #expect(message { try desk(r).follow("M1", status: .lifted, on: nil, evidence: nil, note: nil) }
            == "badData: the decision of visit 2026-001 is not issued yet: measures are followed up after the definitive report")
        let measured = base + [try desk(r).addMeasure(.init(kind: .prescription, text: "Signer", findings: ["E1"], within: "2 mois"))]
        #expect(message { try desk(record(measured)).dropFinding("E1", reason: nil) } == "badData: M1 answers only E1: edit or drop M1 first")
        let issued = measured + [desk(record(measured)).issue(.provisional, on: CalendarDate(iso: "2026-12-10")!)]
        #expect(message { try desk(record(issued)).editFinding("E1", .init(kind: .remarque), reason: "r") }
            == "badData: E1 keeps its kind since the provisional report (2026-12-10); drop it and add a new finding")
        #expect(message { try desk(record(issued)).answer("M1", position: .accepted, arguments: nil, plan: nil, evidence: nil, received: "2026-12-01") }
            == "usage: --received 2026-12-01 is before the provisional report (2026-12-10)")
        let decided = issued + [desk(record(issued)).issue(.definitive, on: CalendarDate(iso: "2027-01-15")!)]
        #expect(message { try desk(record(decided)).addFinding(.init(kind: .remarque, fact: "x")) }
            == "badData: the definitive report of visit 2026-001 was issued on 2027-01-15: its findings are final")
        #expect(message { try desk(record(decided)).answer("M1", position: .accepted, arguments: nil, plan: nil, evidence: nil, received: nil) }
            == "badData: the definitive report of visit 2026-001 was issued on 2027-01-15: the organisation's answers are closed; record the follow-up (regards measure follow)")
        // The period runs from the decision: due 2027-03-15, overdue the day after.
        let p = Procedure(events: decided)
        #expect(p.due(p.measures[0]) == CalendarDate(iso: "2027-03-15"))
        #expect(p.status(of: p.measures[0], today: CalendarDate(iso: "2027-03-15")!) == .inProgress)
        #expect(p.status(of: p.measures[0], today: CalendarDate(iso: "2027-03-16")!) == .overdue)
    }

    @Test func guardsSayWhatIsMissing() throws {
        let workflow = Workflow(id: "w", version: SemanticVersion(2, 0, 0), title: "W", initial: "a",
                                states: [WorkflowState(id: "a", title: "A"), WorkflowState(id: "p", title: "P", report: .provisional, answerWithin: Period(days: 15))],
                                transitions: [])
        let engine = WorkflowEngine(workflow: workflow)
        let events = try apply([
            { try $0.addFinding(.init(kind: .ecart, fact: "Contrat non signé", criterion: "CTL-DU-02")) },
            { try $0.addFinding(.init(kind: .ecart, fact: "Bilan absent", references: ["CASF R345-4"])) },
            { try $0.addMeasure(.init(kind: .prescription, text: "Signer", findings: ["E1"], within: "2 mois")) },
        ])
        #expect(engine.check(.ecartsHaveMeasures, record(events)).detail == "écarts sans mesure : E2")
        let issued = events + [desk(record(events)).issue(.provisional, on: CalendarDate(iso: "2026-12-10")!)]
        let pending = engine.check(.organisationAnswered, record(issued, today: "2026-12-25"))
        #expect(!pending.holds && pending.detail == "sans réponse : M1 ; délai de réponse jusqu'au 2026-12-25")
        let late = engine.check(.organisationAnswered, record(issued, today: "2026-12-26"))
        #expect(late.holds && late.detail == "délai de réponse échu le 2026-12-25 ; sans réponse : M1")
        #expect(Workflow(id: "w", version: SemanticVersion(1, 0, 0), title: "W", initial: "a", states: [], transitions: []).answerDelay == Period(months: 1))
    }

    @Test(arguments: [
        ("3 mois", "3 mois"), ("15 jours", "15 jours"), ("2 semaines", "14 jours"), ("6 months", "6 mois"), ("1 day", "1 jour"), ("3m", "3 mois"), ("10j", "10 jours"),
        ("0 mois", "--within: `0 mois` is not a period; write a number and a unit, e.g. `3 mois` or `15 jours`"),
        ("3 ans", "--within: `3 ans` has no known unit; write `mois`, `semaines` or `jours`, e.g. `3 mois`"),
    ])
    func periodsAreTypedInFrenchOrEnglish(_ typed: String, _ expected: String) {
        switch PeriodInput.read(typed, field: "--within") {
        case .success(let p): #expect(p.description == expected)
        case .failure(let refusal): #expect(refusal.description == expected)
        }
    }

    @Test func suggestionsComeFromTheControlAnswersAndLeaveOutWhatIsRecorded() throws {
        let r = record()
        #expect(r.findingSuggestions.map { "\($0.criterion) \($0.kind.rawValue)" } == ["CTL-DU-02 ecart", "CTL-AS-01 ecart"])
        let events = try apply([{ try $0.addFinding(.init(kind: .ecart, fact: "Contrat non signé", criterion: "CTL-DU-02")) }])
        #expect(record(events).findingSuggestions.map(\.criterion) == ["CTL-AS-01"])
    }

    @Test func findingsAndMeasuresAreScannedForPersonalData() throws {
        let events = try apply([{ try $0.addFinding(.init(kind: .remarque, fact: "Mme Dupont, née le 12/03/1980, attend son contrat.")) }])
        let r = record(events)
        let found = r.privacyFindings(PrivacySettings())
        #expect(found.contains { $0.field == .findingFact })
        #expect(found.allSatisfy { r.text(of: $0) != nil })
    }
}
