import RegardsTestSupport
import Testing
@testable import RegardsCore

@Suite(.messages(.en)) struct ProtocolValidatorTests {
    func messages(_ p: AuditProtocol) -> [String] {
        ProtocolValidator().validate(p, sourceMap: Sample.map).map { $0.message + ($0.hint.map { "; " + $0 } ?? "") }
    }

    @Test func samplesAreValid() {
        #expect(messages(Sample.control()).isEmpty)
        #expect(messages(Sample.evaluation()).isEmpty)
    }

    @Test func duplicateCriterionAcrossSections() {
        var p = Sample.evaluation()
        p.sections[1].criteria[0].id = "AC-01"
        #expect(messages(p) == ["duplicate criterion id `AC-01` (first declared on line 1)"])
    }

    @Test func unknownReferencesWithHints() {
        var p = Sample.evaluation()
        p.sections[0].criteria[0].scale = "qualte"
        p.sections[0].criteria[0].documents = ["livre"]
        p.sections[0].criteria[0].methods = ["entretient"]
        p.documents[2].overlapsWith = ["avenan"]
        #expect(Set(messages(p)) == [
            "unknown scale `qualte`; did you mean `qualite`?",
            "unknown document `livre`; did you mean `livret`?",
            "unknown observation method `entretient`; did you mean `entretien`?",
            "unknown document `avenan` in `overlaps_with`; did you mean `avenant`?",
        ])
    }

    @Test func journeyCycleAndSelfReference() {
        var p = Sample.evaluation()
        p.journey = JourneyTemplate(steps: [
            JourneyStep(id: "a", title: "A", deadline: Deadline(after: "c", within: Period(days: 1))),
            JourneyStep(id: "b", title: "B", deadline: Deadline(after: "a", within: Period(days: 1))),
            JourneyStep(id: "c", title: "C", deadline: Deadline(after: "b", within: Period(days: 1))),
            JourneyStep(id: "d", title: "D", deadline: Deadline(after: "d", within: Period(days: 1))),
            JourneyStep(id: "e", title: "E", deadline: Deadline(after: "zz", within: Period(days: 1))),
        ])
        #expect(messages(p) == [
            "step `d` has a deadline counted from itself",
            "unknown journey step `zz`",
            "deadline cycle: `a` → `c` → `b` → `a`",
        ])
    }

    @Test func conditionsAreCheckedAgainstContext() {
        var p = Sample.evaluation()
        p.sections[1].criteria[0].when = RelevanceCondition("publik == 'jeunes' or public == 'jeune' or public > 3")
        #expect(messages(p) == [
            "unknown context variable `publik`; did you mean `public`?",
            "`jeune` is not a value of `public`; did you mean `jeunes`?",
            "`public` is a choice variable; this value does not fit",
            "operator `>` needs a number variable; `public` is a choice",
        ])
    }

    @Test func kindRules() {
        var c = Sample.control()
        c.sections[0].criteria[0].mapsTo = [Mapping(control: "X", relation: .equal)]
        #expect(messages(c) == ["`maps_to` is only allowed in evaluation protocols"])
        var e = Sample.evaluation()
        e.comparesWith = nil
        #expect(messages(e) == ["criteria declare `maps_to` but the protocol has no `compares_with`"])
    }

    @Test func scaleRules() {
        var p = Sample.control()
        p.scales[0].levels.append(ScaleLevel(value: 2, label: "conforme", colour: "red"))
        #expect(messages(p) == [
            "duplicate level value 2 in scale `conformite` (first declared on line 1)",
            "duplicate level label `conforme` in scale `conformite` (first declared on line 1)",
            "colour `red` must be written `#RRGGBB`",
        ])
    }

    @Test func idFormats() {
        var p = Sample.control()
        p.id = "Ctl"
        p.sections[0].criteria[0].id = "ctl-du-01"
        p.sections[0].criteria[1].weight = 0
        #expect(messages(p) == [
            "protocol id `Ctl` must be a lower-case slug (letters, digits, `-`)",
            "criterion id `ctl-du-01` must be an upper-case code (`AD-03`)",
            "weight must be a positive number",
        ])
    }
}

@Suite(.messages(.en)) struct WorkflowValidatorTests {
    func workflow(_ transitions: [(String, String)], finals: Set<String> = ["z"], initial: String = "a") -> Workflow {
        Workflow(id: "w", version: SemanticVersion(1, 0, 0), title: "W", initial: initial,
                 states: ["a", "b", "c", "z"].map { WorkflowState(id: $0, title: $0, final: finals.contains($0)) },
                 transitions: transitions.map { Transition(from: $0.0, to: $0.1) })
    }

    func messages(_ w: Workflow) -> [String] {
        WorkflowValidator().validate(w, sourceMap: Sample.map).map { $0.message + ($0.hint.map { "; " + $0 } ?? "") }
    }

    @Test func soundWorkflow() {
        #expect(messages(workflow([("a", "b"), ("b", "c"), ("c", "z"), ("b", "a")])).isEmpty)
    }

    @Test func unreachableAndDeadEnd() {
        #expect(messages(workflow([("a", "b"), ("b", "z")])) == [
            "state `c` cannot be reached from the initial state `a`",
            "state `c` is a dead end: no transition leaves it and it is not final",
        ])
    }

    /// A transition to an unknown state is the error to fix; reachability is not judged on a broken graph,
    /// and a state with a (broken) way out is not a dead end.
    @Test func unknownTargetIsReportedAlone() {
        #expect(messages(workflow([("a", "b"), ("b", "zz"), ("c", "z")])) == [
            "transition to unknown state `zz`; did you mean `z`?",
        ])
    }

    @Test func noFinalStateAndUnknownInitial() {
        #expect(messages(workflow([("a", "b"), ("b", "c"), ("c", "z"), ("z", "a")], finals: [], initial: "aa")) == [
            "unknown initial state `aa`; did you mean `a`?",
            "the workflow has no final state (mark one with `final: true`)",
        ])
    }
}

@Suite(.messages(.en)) struct CrossFileValidatorTests {
    func messages(_ grids: [AuditProtocol], workflows: [Workflow] = []) -> [String] {
        CrossFileValidator().validate(grids: grids.map { grid in Located(grid, Sample.map, contentHash: { grid.contentHash }) },
                                      workflows: workflows.map { workflow in Located(workflow, Sample.map, contentHash: { workflow.contentHash }) })
            .map { $0.message + ($0.hint.map { "; " + $0 } ?? "") }
    }

    @Test func resolvesCrosswalk() {
        #expect(messages([Sample.evaluation(), Sample.control()]).isEmpty)
    }

    @Test func missingControlProtocolAndItems() {
        #expect(messages([Sample.evaluation()]) == ["control protocol `ctl` not found in the protocol folders"])
        var e = Sample.evaluation()
        e.comparesWith = ProtocolReference(id: "ctl", major: 2)
        #expect(messages([e, Sample.control()]) == ["control protocol `ctl@2` not found (versions present: 1.0.0)"])
        e = Sample.evaluation()
        e.sections[0].criteria[0].mapsTo = [Mapping(control: "CTL-DU-09", relation: .equal)]
        #expect(messages([e, Sample.control()]) == ["unknown control item `CTL-DU-09` in `ctl@1.0.0`; did you mean `CTL-DU-01`?"])
    }

    @Test func workflowReferences() {
        var e = Sample.evaluation()
        e.workflow = "evaluation"
        let w = Workflow(id: "evaluation-chrs", version: SemanticVersion(1, 0, 0), title: "W", initial: "a",
                         states: [WorkflowState(id: "a", title: "A"), WorkflowState(id: "z", title: "Z", final: true)],
                         transitions: [Transition(from: "a", to: "z", guards: [.minObservations(method: "entretiens", count: 2)])])
        #expect(messages([e, Sample.control()], workflows: [w]) == ["unknown workflow `evaluation`"])
        e.workflow = "evaluation-chrs"
        #expect(messages([e, Sample.control()], workflows: [w]) == [
            "method `entretiens` is not an observation method of `eval@1.0.0`, which uses this workflow; did you mean `entretien`?",
        ])
    }
}
