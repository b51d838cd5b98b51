import Testing
@testable import RegardsCore
import RegardsTestSupport

extension Sample {
    static let pin = ProtocolPin(id: "eval", version: "1.0.0", hash: "h")

    static func visit(context: [String: ContextValue] = ["public": .text("jeunes")], state: String = "a") -> Visit {
        Visit(id: "2026-001", uid: "u", establishment: "CHRS", finess: "750712184", inspectors: ["inspectrice-a"], evaluation: pin,
              control: ProtocolPin(id: "ctl", version: "1.0.0", hash: "k"), state: state, context: context, createdAt: "t", createdBy: "a")
    }

    static var grids: VisitGrids { VisitGrids(evaluation: evaluation(), control: control()) }

    static func event(_ criterion: String, _ value: AnswerValue?, grid: ProtocolKind = .evaluation, at: String = "t", uid: String? = nil, author: String = "a") -> AnswerEvent {
        AnswerEvent(uid: uid ?? "\(criterion)-\(at)", visit: "2026-001", grid: grid, criterion: criterion, value: value, author: author, at: at)
    }

    static func record(history: [AnswerEvent] = [], observations: [Observation] = [], journeys: [JourneyRecord] = [], actions: [ImprovementAction] = [],
                       context: [String: ContextValue] = ["public": .text("jeunes")]) -> VisitRecord {
        VisitRecord(visit: visit(context: context), grids: grids, workflow: nil, history: history, observations: observations, journeys: journeys,
                    actions: actions, asOf: CalendarDate(iso: "2026-11-20")!)
    }
}

@Suite(.messages(.en)) struct AnswerInterpretationTests {
    let context: [String: Condition.Value] = ["public": .text("jeunes")]

    func interpret(_ text: String, _ criterion: String, grid: ProtocolKind? = nil, context: [String: Condition.Value]? = nil) -> String {
        switch Sample.grids.interpret(text, criterion: criterion, grid: grid, context: context ?? self.context) {
        case .success(let (kind, c, value)): "\(kind.rawValue) \(c.id) \(value.code)"
        case .failure(let refusal): refusal.description
        }
    }

    @Test(arguments: [
        ("3", "AC-01", "evaluation AC-01 3"),
        ("niveau 4", "AC-01", "evaluation AC-01 4"),
        ("  NIVEAU 2 ", "AC-01", "evaluation AC-01 2"),
        ("nc", "AC-01", "evaluation AC-01 na"),
        ("Non concerné", "AC-01", "evaluation AC-01 na"),
        ("non concerne", "AC-01", "evaluation AC-01 na"),
        ("conforme", "CTL-DU-01", "control CTL-DU-01 2"),
        ("0", "CTL-DU-01", "control CTL-DU-01 0"),
        ("nv", "CTL-DU-01", "control CTL-DU-01 nv"),
        ("sans objet", "CTL-DU-01", "control CTL-DU-01 na"),
    ])
    func accepts(text: String, criterion: String, expected: String) {
        #expect(interpret(text, criterion) == expected)
    }

    @Test func refusesWithTheReason() {
        #expect(interpret("5", "AC-01") == "`5` is not an answer for AC-01; expected one of: 1 Niveau 1, 2 Niveau 2, 3 Niveau 3, 4 Niveau 4, nc Non concerné")
        #expect(interpret("nv", "AC-01") == "« Non évalué » is not allowed for AC-01 (scale `qualite`)")
        #expect(interpret("nc", "VC-02") == "« non concerné » is never allowed on an imperative criterion (VC-02)")
        #expect(interpret("3", "AC-1") == "unknown criterion `AC-1`; did you mean `AC-01`?")
        #expect(interpret("3", "CTL-DU-01", grid: .evaluation) == "unknown criterion `CTL-DU-01`")
        #expect(interpret("3", "VC-01", context: ["public": .text("familles")])
            == "VC-01 does not apply to this visit: its condition `public == 'jeunes'` is false (public = familles)")
        // While the variable is unset, the criterion applies.
        #expect(interpret("3", "VC-01", context: [:]) == "evaluation VC-01 3")
    }
}

@Suite(.messages(.en)) struct CSVTableTests {
    @Test func readsQuotedFieldsCommasAndLineBreaks() throws {
        let table = try CSVTable.parse("\u{FEFF}criterion,value,comment\r\nAC-01,3,\"a, b\"\r\nAC-02,4,\"deux\nlignes\"\nAC-03,1,\"il a dit \"\"non\"\"\"\n\n")
        #expect(table.header == ["criterion", "value", "comment"])
        #expect(table.rows.map(\.line) == [2, 3, 5])
        #expect(table.rows.map { $0.fields[2] } == ["a, b", "deux\nlignes", "il a dit \"non\""])
    }

    @Test func noFinalNewlineAndEmptyFields() throws {
        let table = try CSVTable.parse("a,b\n1,\n,2")
        #expect(table.rows.map(\.fields) == [["1", ""], ["", "2"]])
    }

    @Test(arguments: [
        ("", 1, "the file is empty; expected a header row"),
        ("a,b\n1,\"open", 2, "a quoted field is not closed before the end of the file"),
        ("a,b\n1,x\"y\n", 2, "a quote inside an unquoted field; quote the whole field and double the quote"),
        ("a,b\n\"x\"y,1\n", 2, "text after a closing quote; a quoted field must end at a comma or the end of the line"),
    ])
    func syntaxErrors(text: String, line: Int, message: String) {
        #expect(throws: CSVTable.SyntaxError(line: line, message: message)) { try CSVTable.parse(text) }
    }
}

@Suite(.messages(.en)) struct AnswerBatchTests {
    func read(_ text: String) throws -> Result<[AnswerBatch.Row], RowProblems> {
        AnswerBatch.read(try CSVTable.parse(text), grids: Sample.grids, context: ["public": .text("jeunes")])
    }

    @Test func readsEveryRow() throws {
        let rows = try read("criterion,value,comment,evidence\nAC-01,3,bien,livret\nCTL-DU-01,conforme,,\n").get()
        #expect(rows.map { "\($0.grid.rawValue) \($0.criterion) \($0.value.code) \($0.comment ?? "-") \($0.evidence ?? "-")" }
            == ["evaluation AC-01 3 bien livret", "control CTL-DU-01 2 - -"])
    }

    @Test func listsEveryBadRowByLine() throws {
        let result = try read("criterion,value,comment,evidence\nAC-01,9,,\nAC-02,3,,\nZZ,1,,\nAC-02,4,,\nAC-01,2\n")
        guard case .failure(let refusal) = result else { Issue.record("accepted"); return }
        #expect(refusal.list.map(\.description) == [
            "line 2: `9` is not an answer for AC-01; expected one of: 1 Niveau 1, 2 Niveau 2, 3 Niveau 3, 4 Niveau 4, nc Non concerné",
            "line 4: unknown criterion `ZZ`",
            "line 5: AC-02 is already answered on line 3",
            "line 6: 2 field(s) where the header has 4",
        ])
    }

    @Test func checksTheHeader() throws {
        guard case .failure(let refusal) = try read("critere,valeur\nAC-01,3\n") else { Issue.record("accepted"); return }
        #expect(refusal.list.map(\.description).first == "line 1: unknown column `critere` (expected: criterion,value,comment,evidence[,grid,reason])")
        #expect(refusal.list.count == 4)
    }
}

@Suite struct VisitRecordTests {
    @Test func completionCountsRequiredRelevantCriteria() {
        let r = Sample.record(history: [Sample.event("AC-01", .level(3)), Sample.event("AC-02", .level(2)), Sample.event("AC-02", nil, at: "t2")],
                              context: ["public": .text("familles")])
        let sections = r.completion(.evaluation)
        #expect(sections.map { "\($0.section) \($0.answered)/\($0.required) -\($0.notRelevant)" } == ["AC 1/2 -0", "VC 0/1 -1"])
        #expect(sections[0].missing == ["AC-02"])
        #expect(r.unanswered(.evaluation).map(\.id) == ["AC-02", "VC-02"])
    }

    @Test func imperativesBelowTopNeedAnAction() {
        let low = Sample.record(history: [Sample.event("VC-02", .level(3))])
        #expect(low.imperativesWithoutAction == ["VC-02"])
        let covered = Sample.record(history: [Sample.event("VC-02", .level(3))],
                                    actions: [ImprovementAction(uid: "x", visit: "2026-001", number: 1, title: "t", criteria: ["VC-02"], author: "a", at: "t")])
        #expect(covered.imperativesWithoutAction.isEmpty)
        #expect(Sample.record(history: [Sample.event("VC-02", .level(4))]).imperativesWithoutAction.isEmpty)
    }
}

@Suite struct WorkflowEngineTests {
    let workflow = Workflow(id: "w", version: SemanticVersion(1, 0, 0), title: "W", initial: "a",
                            states: [WorkflowState(id: "a", title: "A"), WorkflowState(id: "b", title: "B"), WorkflowState(id: "z", title: "Z", final: true)],
                            transitions: [
                                Transition(from: "a", to: "b", guards: [.minObservations(method: "entretien", count: 2), .minJourneys(1), .gridComplete(.evaluation)]),
                                Transition(from: "b", to: "z", guards: [.minActions(1), .actionsHaveOwners, .imperativesHaveActions, .journeysChecked]),
                            ])

    func observation(_ method: String) -> Observation {
        Observation(uid: method + UUIDish.next(), visit: "2026-001", method: method, text: "x", author: "a", at: "t")
    }

    @Test func explainsEveryBlockingGuard() {
        let r = Sample.record(history: [Sample.event("AC-01", .level(3))], observations: [observation("entretien"), observation("visite")])
        let option = WorkflowEngine(workflow: workflow).options(for: r)[0]
        #expect(!option.allowed)
        #expect(option.checks.map(\.detail) == ["1 sur 2 observation(s) « entretien »", "0 sur 1 parcours", "1 sur 4 ; manquent : AC-02, VC-01, VC-02"])
    }

    @Test func opensWhenEveryGuardHolds() {
        let journey = JourneyRecord(uid: "j", visit: "2026-001", entry: JourneyEntry(resident: "R1", step: "admission", date: CalendarDate(iso: "2026-11-01")), author: "a", at: "t")
        let r = Sample.record(history: ["AC-01", "AC-02", "VC-01", "VC-02"].map { Sample.event($0, .level(3)) },
                              observations: [observation("entretien"), observation("entretien")], journeys: [journey])
        #expect(WorkflowEngine(workflow: workflow).options(for: r)[0].allowed)
    }

    @Test func actionsAndJourneyGuards() {
        var visit = Sample.record(history: [Sample.event("VC-02", .level(2))],
                                  journeys: [JourneyRecord(uid: "j", visit: "2026-001", entry: JourneyEntry(resident: "R1", step: "admission", date: CalendarDate(iso: "2026-10-01")), author: "a", at: "t")],
                                  actions: [ImprovementAction(uid: "x", visit: "2026-001", number: 1, title: "t", author: "a", at: "t")])
        visit.visit.state = "b"
        let checks = WorkflowEngine(workflow: workflow).options(for: visit)[0].checks
        #expect(checks.map(\.holds) == [true, false, false, false])
        #expect(checks[1].detail == "sans responsable ou échéance : #1")
        #expect(checks[2].detail == "impératifs sans piste : VC-02")
        #expect(checks[3].detail == "sans commentaire : R1/contrat")
        visit.journeys.append(JourneyRecord(uid: "k", visit: "2026-001", entry: JourneyEntry(resident: "R1", step: "contrat", date: nil, note: "refus de signer"), author: "a", at: "t"))
        #expect(WorkflowEngine(workflow: workflow).check(.journeysChecked, visit).holds)
    }
}

/// Distinct ids for test values.
enum UUIDish {
    nonisolated(unsafe) static var counter = 0
    static func next() -> String {
        counter += 1
        return String(counter)
    }
}

@Suite(.messages(.en)) struct MergePlanTests {
    func bundle(_ answers: [AnswerEvent], states: [StateEvent] = []) -> VisitBundle {
        VisitBundle(exportedAt: "t", exportedBy: "a", visit: Sample.visit(), snapshots: [], answers: answers, observations: [], journeys: [],
                    actions: [], actionEvents: [], stateEvents: states)
    }

    @Test func newVisitTakesEverything() {
        let plan = MergePlan.plan(local: nil, incoming: bundle([Sample.event("AC-01", .level(3))]))
        #expect(plan.newVisit != nil && plan.answers.count == 1 && plan.conflicts.isEmpty)
    }

    @Test func mergesByUIDAndReportsConflicts() {
        let common = Sample.event("AC-01", .level(3), at: "1", uid: "c")
        let local = bundle([common, Sample.event("AC-01", .level(1), at: "3", uid: "l", author: "ici"), Sample.event("AC-02", .level(2), at: "3", uid: "l2")])
        let incoming = bundle([common, Sample.event("AC-01", .level(4), at: "2", uid: "r", author: "là-bas"), Sample.event("VC-01", .level(2), at: "2", uid: "r2")],
                              states: [StateEvent(uid: "s", visit: "2026-001", from: "a", to: "b", author: "x", at: "2")])
        let plan = MergePlan.plan(local: local, incoming: incoming)
        #expect(plan.newVisit == nil)
        #expect(plan.answers.map(\.uid) == ["r", "r2"])
        #expect(plan.conflicts.map(\.criterion) == ["AC-01"])
        #expect(plan.conflicts[0].description == "AC-01: 1 here (ici, 3), 4 in the bundle (là-bas, 2); both kept in the history, the later one (1) is current")
        #expect(plan.state == "b")
        #expect(MergePlan.plan(local: incoming, incoming: incoming).isEmpty)
    }

    /// Scorings merge by uid too; the same scorer's answer changed on both sides is a conflict, and
    /// two scorers answering the same criterion differently is not (that is what double scoring is for).
    @Test func scoringsMergeByUIDWithConflictsPerScorer() {
        func scored(_ scorer: String, _ value: Int, at: String, uid: String) -> AnswerEvent {
            var e = Sample.event("AC-01", .level(value), at: at, uid: uid, author: scorer)
            e.scorer = scorer
            return e
        }
        var local = bundle([]), incoming = bundle([])
        local.scorings = [scored("b", 2, at: "1", uid: "b1"), scored("b", 3, at: "3", uid: "b2")]
        incoming.scorings = [scored("b", 2, at: "1", uid: "b1"), scored("b", 1, at: "2", uid: "b3"), scored("c", 4, at: "2", uid: "c1")]
        let plan = MergePlan.plan(local: local, incoming: incoming)
        #expect(plan.scorings.map(\.uid) == ["b3", "c1"] && plan.answers.isEmpty)
        #expect(plan.conflicts.map(\.description) == ["AC-01 (scored by b): 3 here (b, 3), 1 in the bundle (b, 2); both kept in the history, the later one (3) is current"])
        #expect(!plan.isEmpty)
        #expect(MergePlan.plan(local: nil, incoming: incoming).scorings.count == 3)
    }
}
