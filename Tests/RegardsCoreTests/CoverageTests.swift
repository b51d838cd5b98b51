import Testing
@testable import RegardsCore

@Suite struct CoverageTests {
    let coverage = Coverage(evaluation: Sample.evaluation(), control: Sample.control())

    @Test func themesCountCriteriaByStrongestRelation() {
        #expect(coverage.criteria == 4)
        #expect(coverage.covered == 3)
        #expect(coverage.themes.map(\.section) == ["AC", "VC"])
        #expect(coverage.themes[0].byRelation == ["superset": 1, "equal": 1])
        #expect(coverage.themes[1].byRelation == ["subset": 1])
        #expect(coverage.themes[1].blindSpots == ["VC-01"])
    }

    @Test func blindSpotsBothWays() {
        #expect(coverage.blindSpots.map(\.id) == ["VC-01"])
        #expect(coverage.unmappedControlItems.map(\.id) == ["CTL-AS-02"])
    }

    @Test func matrixCountsLinks() {
        let cell = { (e: String, c: String) in coverage.matrix.first { $0.evaluationSection == e && $0.controlSection == c }?.links }
        #expect(cell("AC", "CTL-DU") == 2)
        #expect(cell("AC", "CTL-AS") == 1)
        #expect(cell("VC", "CTL-DU") == 1)
        #expect(cell("VC", "CTL-AS") == 0)
        #expect(coverage.matrix.count == 4)
    }

    @Test func documentsOverlapTransitively() {
        #expect(coverage.overlappingDocuments.map { $0.documents.map(\.id) } == [["avenant", "bilan", "projet"]])
        #expect(coverage.sharedDocuments.map(\.document) == ["livret"])
        #expect(coverage.sharedDocuments.first { $0.document == "livret" }?.items == ["AC-01", "CTL-DU-01"])
    }

    @Test func scaleMismatches() {
        var c = Sample.control()
        c.scales[0].notApplicable = false
        c.sections[0].criteria[1].required = false
        let mismatches = Coverage(evaluation: Sample.evaluation(), control: c).scaleMismatches
        #expect(mismatches.contains { $0.criterion == "VC-02" && $0.reason == "`VC-02` est impératif, `CTL-DU-02` est facultatif" })
        #expect(mismatches.contains { $0.criterion == "AC-01" && $0.reason == "`AC-01` admet « non concerné », `CTL-DU-01` non" })
    }

    @Test func hashIgnoresNothingMeaningful() {
        var p = Sample.evaluation()
        let before = p.contentHash
        #expect(before.count == 64)
        p.sections[0].criteria[0].weight = 2
        #expect(p.contentHash != before)
    }
}
