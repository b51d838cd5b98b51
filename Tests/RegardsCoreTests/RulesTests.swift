import Foundation
import Testing
import RegardsTestSupport
@testable import RegardsCore

/// The rules moved into the core, each in one place, checked as tables.
@Suite(.messages(.en)) struct AnswerChoicesTests {
    /// The order of every list: levels as declared, « non concerné » (never on an imperative), « non évalué ».
    @Test func choicesFollowTheProtocolAndTheImperativeRule() {
        #expect(Sample.conformity.choices(imperative: false).map(\.code) == ["2", "1", "0", "nc", "nv"])
        #expect(Sample.conformity.choices(imperative: true).map(\.code) == ["2", "1", "0", "nv"])
        #expect(Sample.quality.choices(imperative: false).map(\.label) == ["Niveau 1", "Niveau 2", "Niveau 3", "Niveau 4", "Non concerné"])
        #expect(Sample.quality.choices(imperative: true).map(\.value) == [.level(1), .level(2), .level(3), .level(4)])
    }

    @Test func aRefusalListsTheSameChoices() {
        guard case .failure(let refusal) = Sample.grids.interpret("9", criterion: "VC-02", context: ["public": .text("jeunes")]) else { Issue.record("accepted"); return }
        #expect(refusal.description == "`9` is not an answer for VC-02; expected one of: 1 Niveau 1, 2 Niveau 2, 3 Niveau 3, 4 Niveau 4")
        #expect(Sample.grids.interpret("nc", criterion: "VC-02", context: [:]).failureMessage == AnswerRefusal.notApplicableOnImperative("VC-02").description)
        #expect(Sample.grids.interpret("nv", criterion: "AC-01", context: [:]).failureMessage == "« Non évalué » is not allowed for AC-01 (scale `qualite`)")
        #expect(AnswerRefusal.notApplicableOnImperative("VC-02").regardsError.kind == .badData)
    }
}

@Suite struct RelevanceTests {
    @Test func conditionsAreParsedOnceAndWrittenAsTheirText() throws {
        let c = try #require(Sample.evaluation().criterion("VC-01"))
        #expect(c.applies(in: ["public": .text("jeunes")]) && !c.applies(in: ["public": .text("familles")]))
        #expect(c.applies(in: [:]), "a variable not set keeps the criterion")
        #expect(String(decoding: CanonicalJSON.encode(c.when), as: UTF8.self) == "\"public == 'jeunes'\"")
        #expect(RelevanceCondition("public ==").holds(in: [:]), "a condition the validator refuses keeps the criterion")
        #expect(RelevanceCondition("b and a and b").variables == ["a", "b"])
    }
}

@Suite(.messages(.en)) struct DateInputTests {
    @Test(arguments: [
        ("2026-02-28", "2026-02-28"), (" 2026-02-28 ", "2026-02-28"),
        ("", "--start is empty; write YYYY-MM-DD (e.g. 2026-12-31)"),
        ("2026-02-30", "--start: `2026-02-30` does not exist: February 2026 has 28 days"),
        ("2028-02-30", "--start: `2028-02-30` does not exist: February 2028 has 29 days"),
        ("31/12/2026", "--start: `31/12/2026` is not a date in the YYYY-MM-DD form; did you mean `2026-12-31`?"),
        ("2026-13-01", "--start: `2026-13-01` is not a date; write YYYY-MM-DD (e.g. 2026-12-31)"),
        ("hier", "--start: `hier` is not a date; write YYYY-MM-DD (e.g. 2026-12-31)"),
    ])
    func readsOrSaysWhy(text: String, expected: String) {
        switch DateInput.read(text, field: "--start") {
        case .success(let date): #expect(date.description == expected)
        case .failure(let refusal): #expect(refusal.message == expected && refusal.regardsError.kind == .usage)
        }
    }
}

@Suite(.messages(.en)) struct NewVisitTests {
    @Test func idsAreNumberedByYear() {
        #expect(Visit.nextID(year: 2026, taken: []) == "2026-001")
        #expect(Visit.nextID(year: 2026, taken: ["2026-001", "2026-009", "2025-040", "2026-x"]) == "2026-010")
        #expect(Visit.nextID(year: 2026, taken: ["2026-099"]) == "2026-100")
        #expect(Visit.nextID(year: 2026, taken: ["2026-999"]) == "2026-1000")
    }

    @Test(arguments: [("2026-001", true), ("A.b_c-1", true), ("-x", false), ("", false), ("é1", false), ("a b", false), ("a/b", false)])
    func idsAreLettersDigitsAndSeparators(id: String, valid: Bool) {
        #expect(Visit.isValidID(id) == valid)
    }

    @Test func theFirstPhaseIsTheWorkflowsInitialState() {
        #expect(Visit.initialState(nil) == "en-cours")
        #expect(Visit.initialState(Workflow(id: "w", version: SemanticVersion(1, 0, 0), title: "W", initial: "preparation", states: [], transitions: [])) == "preparation")
    }

    @Test func contextIsTypedNameValuePairs() throws {
        let variables = Sample.evaluation().context + [ContextVariable(id: "places", title: "Places", type: .number), ContextVariable(id: "diffus", title: "Diffus", type: .boolean)]
        #expect(try Visit.context(["public=jeunes", "places=12,5", "diffus=oui"], variables: variables, of: "eval@1.0.0").get()
            == ["public": .text("jeunes"), "places": .number(12.5), "diffus": .boolean(true)])
        #expect(Visit.context(["public"], variables: variables, of: "eval@1.0.0") == .failure(InputRefusal("--context `public`: write NAME=VALUE")))
        #expect(Visit.context(["publik=jeunes"], variables: variables, of: "eval@1.0.0")
            == .failure(InputRefusal("--context: `publik` is not a context variable of `eval@1.0.0` (public, places, diffus); did you mean `public`?")))
        #expect(Visit.context(["public=jeune"], variables: variables, of: "eval@1.0.0")
            == .failure(InputRefusal("--context: `jeune` is not a value of `public` (jeunes, familles); did you mean `jeunes`?")))
    }
}

@Suite(.messages(.en)) struct SingleRecordTests {
    let stamp = FieldRecordReader.Stamp(author: "a", at: "t", today: CalendarDate(iso: "2026-11-26")!, makeID: { "id" })

    /// One record typed on the command line is checked by the rules of a file's row; only the field's name differs.
    @Test func theSameRulesNameTheOptionOrTheColumn() {
        let r = Sample.record()
        let fields: FieldRecordReader.Fields = ["method": "entretien", "text": "x", "participant": "Dupont"]
        #expect(FieldRecordReader.observation(fields, r, stamp, source: .commandLine).failureMessage == "--participant `Dupont`: \(PseudonymCode.rule)")
        #expect(FieldRecordReader.observation(fields, r, stamp, source: .file).failureMessage == "participant `Dupont`: \(PseudonymCode.rule)")
        #expect(FieldRecordReader.observation(["method": "entretien", "text": "x", "date": "31/12/2026"], r, stamp, source: .file).failureMessage
            == "date: `31/12/2026` is not a date in the YYYY-MM-DD form; did you mean `2026-12-31`?")
        #expect(FieldRecordReader.observation(["method": "entretien", "text": "  \n"], r, stamp, source: .commandLine).failureMessage == "the observation is empty")
        #expect(FieldRecordReader.journey(["resident": "R1", "step": "contrat"], r, stamp, source: .commandLine).failureMessage == "--not-done needs --note to say why")
        #expect(FieldRecordReader.journey(["resident": "R1", "step": "contrat"], r, stamp, source: .file).failureMessage
            == "a step without a date (not done) needs a note saying why")
        #expect(FieldRecordReader.action(["title": "Piste", "criteria": "AC-01,ZZ"], r, stamp, source: .commandLine).failureMessage
            == "--criteria: unknown criterion `ZZ`")
        let observation = try? FieldRecordReader.observation(FieldRecordReader.fields([("method", "entretien"), ("text", " note "), ("theme", " ")]), r, stamp,
                                                             source: .commandLine).get()
        #expect(observation?.text == "note" && observation?.theme == nil && observation?.date == stamp.today)
    }

    @Test func aRefusedFileListsAHundredRowsThenCounts() {
        let problems = (2...150).map { RowProblem(line: $0, message: "x") }
        let error = RegardsError.refused("f.csv", problems)
        #expect(error.kind == .badData && error.message == "f.csv: 149 bad row(s); nothing was written")
        #expect(error.details.count == 101 && error.details.first == "f.csv:2: error: x" && error.details.last == "f.csv: … and 49 more bad row(s)")
    }
}

@Suite(.messages(.en)) struct VisitRulesTests {
    @Test func imperativesBelowTheTopAndWithoutAnAction() {
        var r = Sample.record(history: [Sample.event("VC-02", .level(3)), Sample.event("AC-01", .level(1)), Sample.event("CTL-DU-01", .level(1), grid: .control)])
        #expect(r.imperativesBelowTop == ["VC-02"] && r.imperativesWithoutAction == ["VC-02"])
        r.actions = [ImprovementAction(uid: "x", visit: "2026-001", number: 1, title: "Piste", criteria: ["VC-02"], author: "a", at: "t")]
        #expect(r.imperativesWithoutAction.isEmpty)
        r.actions[0].status = .dropped
        #expect(r.imperativesWithoutAction == ["VC-02"], "a dropped action answers nothing")
    }

    @Test func lateAndMissingStepsAreTheDelays() {
        var r = Sample.record()
        r.journeys = [JourneyRecord(uid: "1", visit: "2026-001", entry: JourneyEntry(resident: "R1", step: "admission", date: CalendarDate(iso: "2026-01-01")), author: "a", at: "t"),
                      JourneyRecord(uid: "2", visit: "2026-001", entry: JourneyEntry(resident: "R1", step: "contrat", date: CalendarDate(iso: "2026-02-01")), author: "a", at: "t"),
                      JourneyRecord(uid: "3", visit: "2026-001", entry: JourneyEntry(resident: "R2", step: "admission", date: CalendarDate(iso: "2026-10-01")), author: "a", at: "t")]
        #expect(r.journeyDelays.map { "\($0.resident) \($0.check.step) \($0.check.state.rawValue) \($0.check.daysLate)" }
            == ["R1 contrat en-retard 16", "R2 contrat manquant 35"])
        #expect(VisitComparison(r).delays == r.journeyDelays)
    }

    @Test func theNextPhaseOrWhyNot() throws {
        let workflow = Workflow(id: "w", version: SemanticVersion(1, 0, 0), title: "W", initial: "a",
                                states: [WorkflowState(id: "a", title: "A"), WorkflowState(id: "b", title: "B"), WorkflowState(id: "c", title: "C", final: true)],
                                transitions: [Transition(from: "a", to: "b", guards: [.minObservations(method: nil, count: 1)]), Transition(from: "a", to: "c"),
                                              Transition(from: "b", to: "c")])
        let engine = WorkflowEngine(workflow: workflow)
        let r = Sample.record()
        let forward = try engine.next(for: r, to: nil).get()
        #expect(forward.transition.to == "b" && !forward.allowed)
        #expect(try engine.next(for: r, to: "c").get().allowed)
        #expect(engine.next(for: r, to: "d").failureMessage == "no transition from `a` to `d`; possible: b, c")
        var done = r
        done.visit.state = "c"
        #expect(engine.next(for: done, to: nil).failureMessage == "visit 2026-001 is in its final phase `c`")
    }
}

@Suite(.messages(.en)) struct VisitBundleReaderTests {
    func bundle() -> VisitBundle {
        VisitBundle(exportedAt: "t", exportedBy: "a", visit: Sample.visit(), snapshots: [ProtocolSnapshot(hash: "h", id: "eval", version: "1.0.0", kind: "evaluation", file: "e.yaml", source: "x"),
                                                                                         ProtocolSnapshot(hash: "k", id: "ctl", version: "1.0.0", kind: "control", file: "c.yaml", source: "y")],
                    answers: [Sample.event("AC-01", .level(2))], observations: [], journeys: [], actions: [], actionEvents: [], stateEvents: [])
    }

    /// The hash each snapshot's text would have: here, its text's first letter stands for it.
    func read(_ data: Data) -> Result<VisitBundle, RegardsError> {
        VisitBundleReader.read(data, path: "b.json") { $0.source == "x" ? "h" : $0.source == "y" ? "k" : nil }
    }

    @Test func readsWhatWasExported() throws {
        #expect(try read(CanonicalJSON.encode(bundle())).get() == bundle())
    }

    @Test(arguments: [
        ("", "b.json: not a JSON visit bundle (truncated or damaged JSON)"),
        ("{\"format\": \"autre\", \"schema_version\": 1}", "b.json: not a Regards visit bundle"),
        ("{\"format\": \"regards-visit-bundle\", \"schema_version\": 9}", "b.json: bundle schema 9 was written by a newer Regards (this one reads up to 1)"),
        ("{\"format\": \"regards-visit-bundle\", \"schema_version\": 1}", "b.json: missing `exported_at`"),
    ])
    func refusesWithTheReason(text: String, message: String) {
        #expect(read(Data(text.utf8)).failureMessage == message)
    }

    @Test func refusesAnEditedOrMissingSnapshot() {
        var edited = bundle()
        edited.snapshots[0].source = "z"
        #expect(read(CanonicalJSON.encode(edited)).failureMessage == "b.json: the protocol snapshot `eval@1.0.0` does not match its hash (edited after export?)")
        var missing = bundle()
        missing.snapshots.removeLast()
        #expect(read(CanonicalJSON.encode(missing)).failureMessage == "b.json: the snapshot of `ctl@1.0.0` is missing")
    }
}

@Suite struct TextDiffTests {
    /// What a golden file's mismatch prints.
    @Test func aUnifiedDiffWithContext() {
        #expect(TextDiff.unified(expected: "a\nb\nc\nd\ne\nf\ng\nh", actual: "a\nb\nc\nD\ne\nf\ng\nh\ni", name: "x.txt") == """
            --- expected x.txt
            +++ actual
            @@ -1,8 +1,9 @@
             a
             b
             c
            -d
            +D
             e
             f
             g
             h
            +i
            """)
        #expect(TextDiff.unified(expected: "same", actual: "same").isEmpty)
    }
}

extension Result {
    /// The refusal's message, or nil when the value was accepted.
    var failureMessage: String? {
        guard case .failure(let error) = self else { return nil }
        if let error = error as? InputRefusal { return error.message }
        if let error = error as? RegardsError { return error.message }
        if let error = error as? AnswerRefusal { return error.description }
        return "\(error)"
    }
}

/// Écarts and remarques (DOMAIN.md §9): a control item answered below the top level is an écart
/// when it rests on an enforceable text, a remarque on good practice, numbered in grid order.
@Suite struct ControlFindingTests {
    func record(basis: [String: Basis?], answers: [(String, AnswerValue)], context: [String: ContextValue] = ["public": .text("jeunes")]) -> VisitRecord {
        var r = Sample.record(history: answers.map { Sample.event($0.0, $0.1, grid: .control) }, context: context)
        var control = r.grids.control!
        for s in control.sections.indices {
            for c in control.sections[s].criteria.indices {
                if let b = basis[control.sections[s].criteria[c].id] { control.sections[s].criteria[c].basis = b }
            }
        }
        control.sections[1].criteria[1].when = RelevanceCondition("public == 'familles'")
        r.grids = VisitGrids(evaluation: r.grids.evaluation, control: control)
        return r
    }

    @Test func numbersEcartsAndRemarquesApart() {
        let r = record(basis: ["CTL-DU-01": .goodPractice, "CTL-DU-02": .enforceable, "CTL-AS-01": .enforceable],
                       answers: [("CTL-DU-01", .level(1)), ("CTL-DU-02", .level(0)), ("CTL-AS-01", .level(1))])
        let findings = r.controlFindings
        #expect(findings.map { "\($0.number ?? "-") \($0.criterion) \($0.answer)" } == ["R1 CTL-DU-01 Partiel", "E1 CTL-DU-02 Non conforme", "E2 CTL-AS-01 Partiel"])
        let c = VisitComparison(r)
        #expect(c.count(.ecart) == 2 && c.count(.remarque) == 1)
        let restitution = Restitution(r)
        #expect(restitution.ecarts.map(\.number) == ["E1", "E2"] && restitution.remarques.map(\.number) == ["R1"] && !restitution.hasUnclassified)
    }

    @Test func conformantUnassessedAndIrrelevantItemsAreNoFinding() {
        // Top level, "non concerné", an item not relevant for this public (answered anyway): nothing to report.
        let r = record(basis: ["CTL-DU-01": .enforceable, "CTL-DU-02": .enforceable, "CTL-AS-02": .enforceable],
                       answers: [("CTL-DU-01", .level(2)), ("CTL-DU-02", .notApplicable), ("CTL-AS-02", .level(0))])
        #expect(r.controlFindings.isEmpty)
        #expect(record(basis: [:], answers: [("CTL-AS-02", .level(0))], context: ["public": .text("familles")]).controlFindings.map(\.criterion) == ["CTL-AS-02"])
    }

    @Test func aGridThatDoesNotSayTheBasisLeavesTheFindingUnclassified() {
        let r = record(basis: ["CTL-DU-01": nil, "CTL-DU-02": nil, "CTL-AS-01": nil, "CTL-AS-02": nil], answers: [("CTL-DU-02", .level(0))])
        #expect(r.controlFindings.map { "\($0.number ?? "-") \($0.kind?.rawValue ?? "-")" } == ["- -"])
        let report = ComparisonReport.visit(r, generatedBy: "a")
        #expect(report.sheet(.summary)?.summary("unclassified_findings")?.plain == "1 : CTL-DU-02")
        #expect(report.sheet(.summary)?.summary("ecarts")?.plain == "0")
        #expect(Restitution(r).hasUnclassified)
    }
}
