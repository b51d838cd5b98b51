import Testing
@testable import RegardsCore
import RegardsTestSupport

@Suite struct CalendarDateTests {
    func d(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }

    @Test(arguments: ["2026-02-30", "2025-02-29", "31/12/2026", "", "2026-13-01", "2026-1-01", "2026-04-31", "0000-01-01", "2026-02-3x"])
    func refusesImpossibleOrMalformedDates(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func acceptsLeapDays() {
        #expect(CalendarDate(iso: "2024-02-29")?.description == "2024-02-29")
        #expect(CalendarDate(iso: "2000-02-29") != nil)
        #expect(CalendarDate(iso: "1900-02-29") == nil)
    }

    @Test(arguments: [
        ("2026-01-31", 1, "2026-02-28"), ("2024-01-31", 1, "2024-02-29"), ("2026-08-31", 6, "2027-02-28"),
        ("2026-03-15", 6, "2026-09-15"), ("2026-12-10", 1, "2027-01-10"), ("2026-05-31", -1, "2026-04-30"),
    ])
    func addsCalendarMonthsClampingToMonthEnd(start: String, months: Int, expected: String) {
        #expect(d(start).adding(months: months).description == expected)
    }

    @Test(arguments: [("2026-02-20", 15, "2026-03-07"), ("2024-02-20", 15, "2024-03-06"), ("2026-12-25", 10, "2027-01-04"), ("1970-01-01", 0, "1970-01-01")])
    func addsDays(start: String, days: Int, expected: String) {
        #expect(d(start).adding(days: days).description == expected)
    }

    @Test func dayNumbersRoundTrip() {
        #expect(d("1970-01-01").dayNumber == 0)
        #expect(d("2026-11-26").days(since: d("2026-01-01")) == 329)
        for n in stride(from: -800_000, through: 2_900_000, by: 997) {
            #expect(CalendarDate(dayNumber: n).dayNumber == n)
        }
    }
}

@Suite(.messages(.en)) struct FinessTests {
    @Test(arguments: ["750712184", "310781406", "75 071 218 4"])
    func acceptsPublicNumbers(text: String) {
        guard case .valid(let f) = Finess.check(text) else { Issue.record("\(text) refused"); return }
        #expect(f.value.count == 9)
    }

    @Test func refusesWithTheReason() {
        #expect(Finess.check("750712185") == .invalid("the check key of `750712185` is wrong: the last digit should be 4 (Luhn)"))
        #expect(Finess.check("75071218") == .invalid("a FINESS number has 9 characters, `75071218` has 8"))
        #expect(Finess.check("75O712184") == .invalid("`75O712184` has `O` where a digit is expected (only Corsican numbers start with 2A or 2B)"))
    }

    @Test func corsicanNumbersAreWarnedNotRefused() {
        // 2A0000008 passes with 2A read as 20; 2B0000001 passes under no convention, so it is only warned about.
        guard case .valid(let f) = Finess.check("2a0000008") else { Issue.record("2A0000008 not valid"); return }
        #expect(f.value == "2A0000008")
        guard case .unverified(let g, let reason) = Finess.check("2B0000001") else { Issue.record("2B0000001 not unverified"); return }
        #expect(g.value == "2B0000001")
        #expect(reason == "the check key of a Corsican FINESS number could not be verified")
    }
}

@Suite struct JourneyEvaluatorTests {
    let template = JourneyTemplate(steps: [
        JourneyStep(id: "admission", title: "Admission"),
        JourneyStep(id: "contrat-remis", title: "Contrat remis", deadline: Deadline(after: "admission", within: Period(days: 15))),
        JourneyStep(id: "contrat-signe", title: "Contrat signé", deadline: Deadline(after: "admission", within: Period(months: 1))),
        JourneyStep(id: "bilan", title: "Bilan", deadline: Deadline(after: "admission", within: Period(months: 6)), repeatEvery: Period(months: 6)),
        JourneyStep(id: "domiciliation", title: "Domiciliation"),
        JourneyStep(id: "sortie", title: "Sortie", deadline: Deadline(after: "admission", within: Period(months: 18)), optional: true),
    ])

    func d(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }

    func states(_ entries: [JourneyEntry], asOf: String) -> [String] {
        JourneyEvaluator(template: template).evaluate(entries, resident: "R1", asOf: d(asOf)).map {
            "\($0.step)#\($0.occurrence) \($0.state.rawValue) \($0.due?.description ?? "-") \($0.daysLate)"
        }
    }

    @Test func computesEveryDeadline() {
        let entries = [
            JourneyEntry(resident: "R1", step: "admission", date: d("2026-01-31")),
            JourneyEntry(resident: "R1", step: "contrat-remis", date: d("2026-02-20")),
            JourneyEntry(resident: "R1", step: "contrat-signe", date: d("2026-02-27")),
            JourneyEntry(resident: "R1", step: "bilan", date: d("2026-07-30")),
            JourneyEntry(resident: "R2", step: "admission", date: d("2020-01-01")),
        ]
        #expect(states(entries, asOf: "2026-11-26") == [
            "admission#1 dans-les-delais - 0",
            "contrat-remis#1 en-retard 2026-02-15 5",
            "contrat-signe#1 dans-les-delais 2026-02-28 0",
            "bilan#1 dans-les-delais 2026-07-31 0",
            "domiciliation#1 non-renseigne - 0",
            "sortie#1 non-renseigne 2027-07-31 0",
        ])
        // 6 months after 2026-07-30 is 2027-01-30: still ahead on 2026-11-26, so no second review is due.
        #expect(states(entries, asOf: "2027-02-10").contains("bilan#2 manquant 2027-01-30 11"))
    }

    @Test func missingAndUndetermined() {
        let entries = [JourneyEntry(resident: "R1", step: "contrat-remis", date: d("2026-03-01"))]
        #expect(states(entries, asOf: "2026-11-26").prefix(3) == [
            "admission#1 non-renseigne - 0",
            "contrat-remis#1 indetermine - 0",
            "contrat-signe#1 indetermine - 0",
        ])
        let admitted = [JourneyEntry(resident: "R1", step: "admission", date: d("2026-10-01"))]
        #expect(states(admitted, asOf: "2026-10-31").prefix(4) == [
            "admission#1 dans-les-delais - 0",
            "contrat-remis#1 manquant 2026-10-16 15",
            "contrat-signe#1 a-venir 2026-11-01 0",
            "bilan#1 a-venir 2027-04-01 0",
        ])
    }

    @Test func recurringReviewsFollowThePreviousOne() {
        var entries = [JourneyEntry(resident: "R1", step: "admission", date: d("2024-02-29"))]
        entries.append(JourneyEntry(resident: "R1", step: "bilan", date: d("2024-09-10")))
        let bilans = states(entries, asOf: "2025-08-01").filter { $0.hasPrefix("bilan") }
        // Due 2024-08-29 (Feb 29 + 6 months), done 12 days late; the next is due 6 months after it, then missed.
        #expect(bilans == ["bilan#1 en-retard 2024-08-29 12", "bilan#2 manquant 2025-03-10 144"])
    }
}

/// The rules of the 2.0.0 journeys: nothing due after the exit, a DIPC waives the signature,
/// a deadline counted backwards, months from a context variable.
@Suite struct JourneyRulesTests {
    let template = JourneyTemplate(steps: [
        JourneyStep(id: "admission", title: "Admission"),
        JourneyStep(id: "dipc", title: "DIPC établi", optional: true),
        JourneyStep(id: "contrat-signe", title: "Contrat de séjour signé", deadline: Deadline(after: "admission", within: Period(months: 1)), unless: ["dipc"]),
        JourneyStep(id: "bilan", title: "Bilan", deadline: Deadline(after: "admission", within: Period(months: 6)), repeatEvery: Period(months: 6)),
        JourneyStep(id: "recours-dalo", title: "Recours DALO", optional: true),
        JourneyStep(id: "decision-dalo", title: "Décision DALO", deadline: Deadline(after: "recours-dalo", within: Period(months: 3), monthsFrom: "delai-dalo-mois")),
        JourneyStep(id: "fin-decision", title: "Échéance de la décision", optional: true),
        JourneyStep(id: "demande-prolongation", title: "Demande de prolongation", deadline: Deadline(before: "fin-decision", within: Period(months: 1))),
        JourneyStep(id: "sortie", title: "Sortie", optional: true),
    ], exit: "sortie")

    func d(_ s: String) -> CalendarDate { CalendarDate(iso: s)! }

    func checks(_ entries: [(String, String)], asOf: String, context: [String: Condition.Value] = [:]) -> [StepCheck] {
        let journey = entries.map { JourneyEntry(resident: "R1", step: $0.0, date: d($0.1)) }
        return JourneyEvaluator(template: template).evaluate(journey, resident: "R1", asOf: d(asOf), context: context)
    }

    func lines(_ checks: [StepCheck], _ step: String) -> [String] {
        checks.filter { $0.step == step }.map { "#\($0.occurrence) \($0.state.rawValue) \($0.due?.description ?? "-") \($0.daysLate)" }
    }

    @Test func nothingIsDueAfterTheExit() {
        // Admitted in 2023, left in 2024, visit in 2026: the reviews stop at the exit.
        let result = checks([("admission", "2023-03-01"), ("contrat-signe", "2023-03-20"), ("bilan", "2023-09-01"), ("sortie", "2024-05-15")], asOf: "2026-11-26")
        #expect(lines(result, "bilan") == ["#1 dans-les-delais 2023-09-01 0", "#2 manquant 2024-03-01 75"])
        #expect(!result.contains { $0.state == .missing && $0.due.map { $0 > d("2024-05-15") } ?? false })
        #expect(result.filter { $0.state == .missing }.count == 1)
        // The same person still there in 2026 would owe five more reviews.
        let stayed = checks([("admission", "2023-03-01"), ("contrat-signe", "2023-03-20"), ("bilan", "2023-09-01")], asOf: "2026-11-26")
        #expect(lines(stayed, "bilan").filter { $0.contains("manquant") }.count == 6)
    }

    @Test func aDeadlineFallingAfterTheExitIsNotMissing() {
        // Left two weeks after admission: the one-month signature was not yet due.
        let result = checks([("admission", "2026-01-10"), ("sortie", "2026-01-24")], asOf: "2026-11-26")
        #expect(lines(result, "contrat-signe") == ["#1 non-renseigne 2026-02-10 0"])
        #expect(lines(result, "bilan") == ["#1 non-renseigne 2026-07-10 0"])
    }

    @Test func aDIPCNeedsNoSignatureWithinAMonth() {
        let withDIPC = checks([("admission", "2026-09-01"), ("dipc", "2026-09-10")], asOf: "2026-11-26")
        #expect(lines(withDIPC, "contrat-signe") == ["#1 non-renseigne - 0"])
        let withContract = checks([("admission", "2026-09-01")], asOf: "2026-11-26")
        #expect(lines(withContract, "contrat-signe") == ["#1 manquant 2026-10-01 56"])
    }

    @Test func theProlongationIsAskedAMonthBeforeTheDecisionEnds() {
        let base = [("admission", "2026-03-01"), ("contrat-signe", "2026-03-15"), ("bilan", "2026-08-20"), ("fin-decision", "2026-12-15")]
        #expect(lines(checks(base, asOf: "2026-11-26"), "demande-prolongation") == ["#1 manquant 2026-11-15 11"])
        #expect(lines(checks(base + [("demande-prolongation", "2026-11-20")], asOf: "2026-11-26"), "demande-prolongation") == ["#1 en-retard 2026-11-15 5"])
        #expect(lines(checks(base + [("demande-prolongation", "2026-11-01")], asOf: "2026-11-26"), "demande-prolongation") == ["#1 dans-les-delais 2026-11-15 0"])
        #expect(lines(checks(base, asOf: "2026-11-01"), "demande-prolongation") == ["#1 a-venir 2026-11-15 0"])
    }

    @Test func nothingIsDueFromAnOptionalStepThePersonDoesNotHave() {
        let result = checks([("admission", "2026-03-01"), ("contrat-signe", "2026-03-15")], asOf: "2026-11-26")
        #expect(lines(result, "decision-dalo") == ["#1 non-renseigne - 0"])
        #expect(lines(result, "demande-prolongation") == ["#1 non-renseigne - 0"])
        // Counted from a required step that is not recorded: unknown, not "nothing due".
        #expect(lines(checks([("contrat-signe", "2026-03-15")], asOf: "2026-11-26"), "bilan") == ["#1 indetermine - 0"])
    }

    @Test func theDALODelayComesFromTheContext() {
        let entries = [("admission", "2026-01-05"), ("recours-dalo", "2026-04-10")]
        #expect(lines(checks(entries, asOf: "2026-08-20"), "decision-dalo") == ["#1 manquant 2026-07-10 41"])
        #expect(lines(checks(entries, asOf: "2026-08-20", context: ["delai-dalo-mois": .number(6)]), "decision-dalo") == ["#1 a-venir 2026-10-10 0"])
        #expect(lines(checks(entries, asOf: "2026-08-20", context: ["delai-dalo-mois": .number(3)]), "decision-dalo") == ["#1 manquant 2026-07-10 41"])
    }
}
