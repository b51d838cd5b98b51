import Testing
@testable import RegardsCore

@Suite struct ScoringTests {
    @Test(arguments: [
        (AnswerValue.level(2), AnswerValue.level(2), Divergence.conformButUnsatisfying),
        (.level(1), .level(2), .conformButUnsatisfying),
        (.level(3), .level(0), .nonConformButSatisfying),
        (.level(4), .level(0), .nonConformButSatisfying),
        (.level(4), .level(2), .agreement),
        (.level(1), .level(0), .agreement),
        (.level(2), .level(1), .agreement),
        (.level(3), .level(1), .agreement),
        (.notApplicable, .level(2), .notAssessed),
        (.level(3), .notAssessed, .notAssessed),
        (.level(3), .notApplicable, .notAssessed),
    ])
    func classifiesLinks(evaluation: AnswerValue, control: AnswerValue, expected: Divergence) {
        #expect(Divergence.classify(evaluation: evaluation, evaluationScale: Sample.quality, control: control, controlScale: Sample.conformity) == expected)
        #expect(Divergence.classify(evaluation: nil, evaluationScale: Sample.quality, control: control, controlScale: Sample.conformity) == .notAssessed)
    }

    @Test func scores() {
        #expect(Scoring.score(.level(1), scale: Sample.conformity, kind: .control) == 0.5)
        #expect(Scoring.score(.level(3), scale: Sample.quality, kind: .evaluation) == 3)
        #expect(Scoring.score(.notApplicable, scale: Sample.quality, kind: .evaluation) == nil)
        #expect(Scoring.mean([(4, 2), (1, 1)]) == 3)
        #expect(Scoring.mean([]) == nil)
    }
}

@Suite struct VisitComparisonTests {
    func record() -> VisitRecord {
        var r = Sample.record(history: [
            Sample.event("AC-01", .level(2)), Sample.event("AC-02", .level(4)), Sample.event("VC-01", .level(1)), Sample.event("VC-02", .level(3)),
            Sample.event("CTL-DU-01", .level(2), grid: .control), Sample.event("CTL-DU-02", .level(0), grid: .control),
            Sample.event("CTL-AS-01", .level(1), grid: .control), Sample.event("CTL-AS-02", .notApplicable, grid: .control),
        ], observations: [
            Observation(uid: "o1", visit: "2026-001", method: "entretien", text: "x", criteria: ["AC-01", "VC-01"], author: "a", at: "t"),
            Observation(uid: "o2", visit: "2026-001", method: "visite", text: "y", criteria: ["AC-01"], author: "a", at: "t"),
        ])
        r.journeys = [JourneyRecord(uid: "j", visit: "2026-001", entry: JourneyEntry(resident: "R1", step: "admission", date: CalendarDate(iso: "2026-10-01")), author: "a", at: "t")]
        return r
    }

    @Test func linksAreClassed() {
        let c = VisitComparison(record())
        #expect(c.links.map { "\($0.evaluation?.criterion ?? "-") \($0.control?.criterion ?? "-") \($0.divergence.rawValue)" } == [
            "AC-01 CTL-DU-01 conforme-mais-insatisfaisant",
            "AC-02 CTL-DU-02 non-conforme-mais-satisfaisant",
            "AC-02 CTL-AS-01 accord",
            "VC-01 - angle-mort-du-controle",
            "VC-02 CTL-DU-02 non-conforme-mais-satisfaisant",
            "- CTL-AS-02 hors-evaluation",
        ])
        #expect(c.divergenceCount == 3)
    }

    @Test func themesSitSideBySide() {
        let c = VisitComparison(record())
        #expect(c.themes.map(\.section) == ["AC", "VC"])
        #expect(c.themes[0].evaluationScore == 3)
        // AC maps to CTL-DU-01 (1), CTL-DU-02 (0), CTL-AS-01 (0.5): mean 0.5.
        #expect(c.themes[0].controlConformity == 0.5)
        #expect(c.themes[0].divergences == 2 && c.themes[1].blindSpots == 1)
        #expect(c.controlThemes.map(\.conformity) == [0.5, 0.5])
        #expect(c.controlThemes[1].scored == 1)
    }

    @Test func evidenceDelaysAndImperatives() {
        let c = VisitComparison(record())
        #expect(c.evidence["AC-01"] == VisitComparison.Evidence(count: 2, methods: ["entretien", "visite"]))
        #expect(c.delays.map { "\($0.resident) \($0.check.step) \($0.check.state.rawValue)" } == ["R1 contrat manquant"])
        #expect(c.imperativesBelowTop == ["VC-02"] && c.imperativesWithoutAction == ["VC-02"])
    }

    @Test func campaignRanksBlindSpotsByLowScores() {
        var second = record()
        second.visit.id = "2026-002"
        second.history.append(Sample.event("VC-01", .level(4), at: "t9"))
        let campaign = CampaignComparison(campaign: "c", visits: [VisitComparison(record()), VisitComparison(second)], evaluation: Sample.evaluation())
        #expect(campaign.cells.count == 4)
        #expect(campaign.blindSpots == [CampaignComparison.BlindSpot(criterion: "VC-01", title: "Espaces partagés", lowScores: 1, answered: 2, meanScore: 2.5)])
    }
}
