import Testing
@testable import RegardsCore

/// Criterion analytics on six hand-built visits whose figures are worked out below.
///
///             v1   v2   v3   v4   v5   v6      (v1–v3 public jeunes, v4–v6 familles)
///   T-1        4    4    4    4    4    3      ceiling 5/6
///   T-2        1    2    3    4    2    3
///   T-3        1    2    3    4    2    3      same as T-2: merge
///   T-4       nv   nv    3    1    4    2      « non évalué » 2/6; linked to CTL-DU-01
///   S-1       na   na   na   na   na    2      alone in its theme; « non concerné » 5/6
///   N-1        —    —    —   (does not apply) applies to jeunes only, never answered
///   N-2        1    1    1    1    2    1      floor 5/6
///   CTL-DU-01  —    —    2    2    0    2      conforme, conforme, non conforme, conforme
enum ReviewSample {
    static let scale = Scale(id: "q", levels: (1...4).map { ScaleLevel(value: $0, label: "Niveau \($0)") }, notApplicable: true, notAssessed: true)

    static func evaluation(version: SemanticVersion = SemanticVersion(1, 0, 0)) -> AuditProtocol {
        AuditProtocol(
            id: "eval", version: version, kind: .evaluation, title: "Évaluation", comparesWith: ProtocolReference(id: "ctl", major: 1),
            context: [ContextVariable(id: "public", title: "Public", type: .choice, values: ["jeunes", "familles"])],
            scales: [scale], defaultScale: "q",
            sections: [
                Section(id: "T", title: "Thème", criteria: [
                    Criterion(id: "T-1", title: "Un", scale: "q"),
                    Criterion(id: "T-2", title: "Deux", scale: "q"),
                    Criterion(id: "T-3", title: "Trois", scale: "q"),
                    Criterion(id: "T-4", title: "Quatre", scale: "q", mapsTo: [Mapping(control: "CTL-DU-01", relation: .equal)]),
                ]),
                Section(id: "S", title: "Seul", criteria: [Criterion(id: "S-1", title: "Seul", scale: "q")]),
                Section(id: "N", title: "Jamais", criteria: [
                    Criterion(id: "N-1", title: "Jeunes", scale: "q", when: "public == 'jeunes'"),
                    Criterion(id: "N-2", title: "Bas", scale: "q"),
                ]),
            ])
    }

    static let columns: [String: [AnswerValue?]] = [
        "T-1": [.level(4), .level(4), .level(4), .level(4), .level(4), .level(3)],
        "T-2": [.level(1), .level(2), .level(3), .level(4), .level(2), .level(3)],
        "T-3": [.level(1), .level(2), .level(3), .level(4), .level(2), .level(3)],
        "T-4": [.notAssessed, .notAssessed, .level(3), .level(1), .level(4), .level(2)],
        "S-1": [.notApplicable, .notApplicable, .notApplicable, .notApplicable, .notApplicable, .level(2)],
        "N-2": [.level(1), .level(1), .level(1), .level(1), .level(2), .level(1)],
    ]
    static let control: [AnswerValue?] = [nil, nil, .level(2), .level(2), .level(0), .level(2)]

    static func comparisons() -> [VisitComparison] {
        let grids = VisitGrids(evaluation: evaluation(), control: Sample.control())
        return (0..<6).map { i in
            var visit = Sample.visit(context: ["public": .text(i < 3 ? "jeunes" : "familles")])
            visit.id = "2026-00\(i + 1)"
            var history = columns.sorted { $0.key < $1.key }.compactMap { id, values in
                values[i].map { AnswerEvent(uid: "\(id)-\(i)", visit: visit.id, grid: .evaluation, criterion: id, value: $0, author: "a", at: "t") }
            }
            if let c = control[i] { history.append(AnswerEvent(uid: "c-\(i)", visit: visit.id, grid: .control, criterion: "CTL-DU-01", value: c, author: "a", at: "t")) }
            return VisitComparison(VisitRecord(visit: visit, grids: grids, workflow: nil, history: history, observations: [], journeys: [], actions: [],
                                               asOf: CalendarDate(iso: "2026-11-20")!))
        }
    }

    static func review(_ kind: ProtocolKind = .evaluation) -> CriterionReview {
        CriterionReview(campaign: "c", grid: kind == .evaluation ? evaluation() : Sample.control(), kind: kind, visits: comparisons())
    }
}

@Suite struct CriterionReviewTests {
    let review = ReviewSample.review()

    func figures(_ id: String) throws -> CriterionReview.Figures { try #require(review.figures(id)) }

    @Test func distributionsAndRates() throws {
        let t4 = try figures("T-4")
        #expect(t4.visits == 6 && t4.applies == 6)
        #expect(t4.levels.map(\.count) == [1, 1, 1, 1])
        #expect(t4.levels.map(\.value) == [1, 2, 3, 4])
        #expect(t4.notAssessed == 2 && t4.notApplicable == 0 && t4.unanswered == 0)
        #expect(t4.answered == 6 && t4.scored == 4)
        #expect(t4.notAssessedRate == 2.0 / 6)
        #expect(t4.floor == 0.25 && t4.ceiling == 0.25)

        let s1 = try figures("S-1")
        #expect(s1.notApplicable == 5 && s1.notApplicableRate == 5.0 / 6)
        #expect(s1.levels.map(\.count) == [0, 1, 0, 0])
        #expect(s1.itemRest == .undefined(.noOtherCriterion))

        let t1 = try figures("T-1")
        #expect(t1.ceiling == 5.0 / 6 && t1.ceilingEffect && !t1.floorEffect)
        let n2 = try figures("N-2")
        #expect(n2.floor == 5.0 / 6 && n2.floorEffect && !n2.ceilingEffect)
    }

    @Test func relevanceAndNeverAnswered() throws {
        let n1 = try figures("N-1")
        #expect(n1.applies == 3)
        #expect(n1.unanswered == 3 && n1.answered == 0)
        #expect(n1.neverAnswered)
        #expect(n1.floor == nil && n1.notApplicableRate == nil)
        #expect(try !figures("T-2").neverAnswered)
    }

    @Test func itemRestCorrelation() throws {
        // T-2 against the mean of T-1, T-3 and T-4 (those with a level): x = 1 2 3 4 2 3, y = 5/2 3 10/3 3 10/3 8/3.
        // Σ(x−x̄)(y−ȳ) = 7/12, Σ(x−x̄)² = 11/2, Σ(y−ȳ)² = 125/216.
        let r = try #require(try figures("T-2").itemRest.figure)
        #expect(r.visits == 6)
        #expect(abs(r.r - (7.0 / 12) / (11.0 / 2 * 125.0 / 216).squareRoot()) < 1e-12)
        #expect(abs(r.r - 0.3269695565478395) < 1e-12)
        #expect(abs(try #require(try figures("T-1").itemRest.figure).r - -0.17622684421256027) < 1e-12)
        // T-4 has a level on four visits only; N-2's theme has no other level at all.
        #expect(try figures("T-4").itemRest == .undefined(.tooFewVisits(count: 4, needed: 5)))
        #expect(try figures("N-2").itemRest == .undefined(.tooFewVisits(count: 0, needed: 5)))
    }

    @Test func pearsonUndefinedCases() {
        let constant = [(2.0, 1.0), (2, 2), (2, 3), (2, 4), (2, 1)]
        #expect(CriterionReview.pearson(constant, needed: 5) == .undefined(.constant(level: 2)))
        #expect(CriterionReview.pearson(constant.map { ($0.1, $0.0) }, needed: 5) == .undefined(.otherConstant))
        #expect(CriterionReview.pearson(Array(constant.prefix(4)), needed: 5) == .undefined(.tooFewVisits(count: 4, needed: 5)))
        #expect(CriterionReview.pearson([(1, 2)], needed: 0) == .undefined(.tooFewVisits(count: 1, needed: 2)))
        #expect(CriterionReview.pearson([(1, 3), (2, 2), (3, 1)], needed: 3).figure?.r == -1)
    }

    @Test func divergenceWithTheControlGrid() throws {
        // v3 agreement (3 / conforme), v4 conforme but 1, v5 non conforme but 4, v6 conforme but 2; v1, v2 not scored.
        let t4 = try figures("T-4")
        #expect(t4.compared == 4 && t4.diverging == 3)
        #expect(t4.divergenceRate == 0.75 && t4.systematicDivergence)
        #expect(try figures("T-1").compared == 0)
        let item = try #require(ReviewSample.review(.control).figures("CTL-DU-01"))
        #expect(item.compared == 4 && item.diverging == 3)
        #expect(item.levels.map(\.value) == [0, 1, 2] && item.levels.map(\.count) == [1, 0, 3])
    }

    @Test func proposals() {
        typealias P = CriterionReview.Proposal
        let expected: [P] = [
            P(kind: .drop, criteria: ["T-1"], section: "T", reason: .ceiling(level: 4, count: 5, scored: 6)),
            P(kind: .drop, criteria: ["S-1"], section: "S", reason: .mostlyNotApplicable(count: 5, answered: 6)),
            P(kind: .drop, criteria: ["N-2"], section: "N", reason: .floor(level: 1, count: 5, scored: 6)),
            P(kind: .split, criteria: ["T-4"], section: "T", reason: .systematicDivergence(diverging: 3, compared: 4)),
            P(kind: .merge, criteria: ["T-2", "T-3"], section: "T", reason: .answeredAlike(.init(r: 1, visits: 6), equal: 6)),
            P(kind: .reword, criteria: ["T-1"], section: "T", reason: .lowItemRest(.init(r: -0.17622684421256027, visits: 6))),
            P(kind: .reword, criteria: ["T-4"], section: "T", reason: .oftenNotAssessed(count: 2, answered: 6)),
            P(kind: .reword, criteria: ["N-1"], section: "N", reason: .neverAnswered(applies: 3)),
        ]
        #expect(review.proposals.count == expected.count)
        for (got, want) in zip(review.proposals, expected) {
            if case .lowItemRest(let c) = got.reason, case .lowItemRest(let w) = want.reason {
                #expect(abs(c.r - w.r) < 1e-12 && c.visits == w.visits && got.criteria == want.criteria)
            } else {
                #expect(got == want)
            }
        }
    }

    @Test func thresholdsDecide() {
        var strict = CriterionReview.Thresholds()
        strict.effect = 0.9
        strict.mergeEqual = 1.01
        let r = CriterionReview(campaign: "c", grid: ReviewSample.evaluation(), kind: .evaluation, visits: ReviewSample.comparisons(), thresholds: strict)
        #expect(!r.proposals.contains { $0.kind == .merge })
        #expect(!r.proposals.contains { if case .ceiling = $0.reason { true } else { false } })
        #expect(r.figures("T-1")?.ceilingEffect == false)
    }

    @Test func anImperativeAtItsTopOrAControlItemIsNotProposedForRemoval() {
        var grid = ReviewSample.evaluation()
        grid.sections[0].criteria[0].imperative = true
        let r = CriterionReview(campaign: "c", grid: grid, kind: .evaluation, visits: ReviewSample.comparisons())
        #expect(r.figures("T-1")?.ceilingEffect == true)
        #expect(!r.proposals.contains { $0.kind == .drop && $0.criteria == ["T-1"] })
        let control = ReviewSample.review(.control)
        #expect(control.proposals.filter { $0.kind == .split }.map(\.criteria) == [["CTL-DU-01"]])
        #expect(control.criteria.filter(\.neverAnswered).map(\.criterion) == ["CTL-DU-02", "CTL-AS-01", "CTL-AS-02"])
    }

    @Test func versionsAreGroupedOldestFirst() {
        func visit(_ id: String, _ version: String?, control: String? = nil) -> Visit {
            var v = Sample.visit()
            v.id = id
            v.evaluation = ProtocolPin(id: "eval", version: version ?? "1.0.0", hash: "h\(version ?? "")")
            v.control = ProtocolPin(id: "ctl", version: control ?? "1.0.0", hash: "k\(control ?? "")")
            return v
        }
        let visits = [visit("1", "10.0.0"), visit("2", "2.0.0"), visit("3", "10.0.0"), visit("4", "2.0.0", control: "2.0.0")]
        let groups = CriterionReview.versions(of: "eval", in: visits)
        #expect(groups.map(\.pin.version) == ["2.0.0", "10.0.0"])
        #expect(groups.map { $0.visits.map(\.id) } == [["2", "4"], ["1", "3"]])
        #expect(groups.allSatisfy { $0.kind == .evaluation })
        let controls = CriterionReview.versions(of: "ctl", in: visits)
        #expect(controls.map(\.pin.version) == ["1.0.0", "2.0.0"] && controls.map(\.kind) == [.control, .control])
        #expect(CriterionReview.versions(of: "other", in: visits).isEmpty)
    }

    @Test func workbookAndNote() throws {
        let report = ReviewReport.build([review], generatedBy: "inspectrice-a")
        #expect(report.sheets.map(\.name) == ["Synthèse", "Critères", "Propositions", "Dictionnaire"])
        let criteria = try #require(report.sheet(.criteria))
        let row = try #require(criteria.rows.first { $0[criteria.column("criterion")].value == .text("T-4") })
        #expect(row[criteria.column("level_1")].value == .number(1))
        #expect(row[criteria.column("not_assessed_rate")].value == .number(0.3333))
        #expect(row[criteria.column("divergence_rate")].value == .number(0.75))
        #expect(row[criteria.column("item_rest_note")].value == .text("4 visites avec les deux chiffres, 5 au moins"))
        #expect(row[criteria.column("proposals")].value == .text("scinder, reformuler"))
        let proposals = try #require(report.sheet(.proposals))
        #expect(proposals.rows.count == 8)
        #expect(proposals.rows[4].map(\.value.plain) == ["1.0.0", "fusionner", "T", "T-2, T-3", "1", "6",
                                                          "corrélation r = 1 sur 6 visites, même niveau sur 6 d'entre elles ; les deux critères semblent dire la même chose"])
        #expect(proposals.rows[3][proposals.column("reason")].value.plain.hasPrefix("diverge de la grille de contrôle sur 3 des 4 visites comparées (75 %)"))

        let note = ReviewNote.markdown([review])
        #expect(note.hasPrefix("# Revue des critères de eval — campagne c\n"))
        #expect(note.contains("Cette note **propose** des changements"))
        #expect(note.contains("Elle ne modifie aucun protocole"))
        #expect(note.contains("- **T-2** « Deux » et **T-3** « Trois » — corrélation r = 1 sur 6 visites"))
        #expect(note.contains("- **T-1** « Un » — corrélation avec le reste du thème r = -0,18 sur 6 visites"))
        #expect(note.contains("la personne accueillie"))
        #expect(note.contains("Jamais renseignés : N-1."))
    }

    @Test func severalVersionsHaveSheetsOfTheirOwn() throws {
        let later = CriterionReview(campaign: "c", grid: ReviewSample.evaluation(version: SemanticVersion(2, 0, 0)), kind: .evaluation,
                                    visits: Array(ReviewSample.comparisons().prefix(2)))
        let report = ReviewReport.build([review, later], generatedBy: "a")
        #expect(report.sheets.map(\.name) == ["Synthèse", "Critères 1.0.0", "Propositions 1.0.0", "Critères 2.0.0", "Propositions 2.0.0", "Dictionnaire"])
        #expect(report.sheets[1].columns == report.sheets[3].columns)
        #expect(try #require(report.sheet(.summary)).rows.map { $0[2].value } == [.number(6), .number(2)])
        let note = ReviewNote.markdown([review, later])
        #expect(note.contains("- eval@1.0.0 : 6 visites (2026-001, 2026-002, 2026-003, 2026-004, 2026-005, 2026-006)\n- eval@2.0.0 : 2 visites (2026-001, 2026-002)\n"))
        #expect(note.contains("\n## eval@2.0.0\n"))
    }
}
