import RegardsTestSupport
import Testing
@testable import RegardsCore

/// Double scoring on hand-built visits (the review's grid: themes T, S and N).
///
///            visit 1 (jeunes)     visit 2 (familles)
///            a     b              a     b
///   T-1      4     4              4     3
///   T-2      1     2              2     2
///   T-3      3     3              4     4
///   T-4      nv    2              1     1
///   S-1      —     na             —     —        (b only)
///
/// Theme T over both visits: 8 items, 1 off the scale (T-4 of visit 1), 7 compared, 5 alike;
/// quadratic kappa 0.8939393939393939 (scikit-learn `cohen_kappa_score`, labels 1–4) and ordinal
/// alpha 0.8902397838568051 (PyPI `krippendorff`, the off-scale answer missing).
@Suite(.messages(.en)) struct DoubleScoringTests {
    static let answers: [[String: (AnswerValue?, AnswerValue?)]] = [
        ["T-1": (.level(4), .level(4)), "T-2": (.level(1), .level(2)), "T-3": (.level(3), .level(3)), "T-4": (.notAssessed, .level(2)), "S-1": (nil, .notApplicable)],
        ["T-1": (.level(4), .level(3)), "T-2": (.level(2), .level(2)), "T-3": (.level(4), .level(4)), "T-4": (.level(1), .level(1))],
    ]

    static func record(_ i: Int, own: [AnswerEvent] = [], extra: [AnswerEvent] = []) -> VisitRecord {
        var visit = Sample.visit(context: ["public": .text(i == 0 ? "jeunes" : "familles")])
        visit.id = "2026-00\(i + 1)"
        var record = VisitRecord(visit: visit, grids: VisitGrids(evaluation: ReviewSample.evaluation(), control: nil), workflow: nil, history: own,
                                 observations: [], journeys: [], actions: [], asOf: CalendarDate(iso: "2026-11-20")!)
        var scorings: [AnswerEvent] = []
        for (criterion, pair) in answers[i].sorted(by: { $0.key < $1.key }) {
            for (scorer, value) in [("a", pair.0), ("b", pair.1)] {
                if let value {
                    scorings.append(AnswerEvent(uid: "\(scorer)-\(criterion)-\(i)", visit: visit.id, grid: .evaluation, criterion: criterion, value: value,
                                                author: scorer, at: "t1", scorer: scorer))
                }
            }
        }
        record.scorings = scorings + extra
        return record
    }

    @Test func aScorerSeesOnlyTheirOwnAnswers() {
        let own = AnswerEvent(uid: "o1", visit: "2026-001", grid: .evaluation, criterion: "T-1", value: .level(1), author: "x", at: "t0")
        let r = Self.record(0, own: [own])
        #expect(r.current[.evaluation]?["T-1"]?.value == .level(1))
        let b = r.scoring(by: "b")
        #expect(b.scorer == "b")
        #expect(b.current[.evaluation]?.mapValues(\.value) == ["T-1": .level(4), "T-2": .level(2), "T-3": .level(3), "T-4": .level(2), "S-1": .notApplicable])
        #expect(r.scoring(by: "c").current.isEmpty, "a new scorer starts from an empty grid, not from the visit's answers")
        #expect(r.scorer == nil)
    }

    @Test func itemsAreTheCriteriaThatApplyWithEachScorersAnswer() {
        let s = DoubleScoring(record: Self.record(1), grid: .evaluation)
        #expect(s.scorers == ["a", "b"] && s.isDoubleScored)
        #expect(s.items.map(\.criterion) == ["T-1", "T-2", "T-3", "T-4", "S-1", "N-2"], "N-1 applies to jeunes only")
        #expect(s.item("T-1")?.answers == [.level(4), .level(3)])
        #expect(s.item("T-2")?.agree == true && s.item("T-1")?.agree == false)
        #expect(s.item("S-1")?.pending == false && s.item("S-1")?.complete == false)
        #expect(DoubleScoring(record: Self.record(1), grid: .control).scorers.isEmpty)
    }

    @Test func reconcilingKeepsEveryScorersAnswer() throws {
        let s = DoubleScoring(record: Self.record(0), grid: .evaluation)
        let change = try s.reconcile("T-2", value: .level(2), comment: nil, reason: "relu ensemble", uid: "r1").get()
        #expect(change.value == .level(2) && change.reason == "relu ensemble" && change.grid == .evaluation)
        #expect(change.reconciles == [ScorerAnswer(scorer: "a", value: .level(1)), ScorerAnswer(scorer: "b", value: .level(2))])

        // Recorded, it is the item's consensus; a scorer who changes their answer afterwards reopens it.
        let recorded = AnswerEvent(uid: "r1", visit: "2026-001", grid: .evaluation, criterion: "T-2", value: .level(2), author: "a", at: "t2",
                                   reason: change.reason, reconciles: change.reconciles)
        #expect(DoubleScoring(record: Self.record(0, own: [recorded]), grid: .evaluation).item("T-2")?.consensus == recorded)
        let changed = AnswerEvent(uid: "b2", visit: "2026-001", grid: .evaluation, criterion: "T-2", value: .level(3), author: "b", at: "t3", scorer: "b")
        let reopened = DoubleScoring(record: Self.record(0, own: [recorded], extra: [changed]), grid: .evaluation).item("T-2")
        #expect(reopened?.consensus == nil && reopened?.pending == true)
    }

    /// A consensus keeps the visit's comment and evidence, else the scorers': an answer recorded by a
    /// reconciliation must not lose what justified it.
    @Test func aConsensusKeepsTheCommentsThatJustifyIt() throws {
        let own = AnswerEvent(uid: "o1", visit: "2026-001", grid: .evaluation, criterion: "T-1", value: .level(4), comment: "vu sur place", evidence: "registre",
                              author: "x", at: "t0")
        var alike = Self.record(0, own: [own])
        alike.scorings = alike.scorings.map { e in
            var e = e
            if e.criterion == "T-3" { e.comment = e.scorer == "a" ? "livret lu" : "entretien R07"; e.evidence = "livret" }
            if e.criterion == "T-2" && e.scorer == "b" { e.comment = "une seule personne" }
            return e
        }
        let s = DoubleScoring(record: alike, grid: .evaluation)
        #expect(s.item("T-1")?.comment == "vu sur place" && s.item("T-1")?.evidence == "registre", "the visit's own first")
        #expect(s.item("T-3")?.comment == "a : livret lu / b : entretien R07" && s.item("T-3")?.evidence == "livret")
        #expect(s.item("T-2")?.comment == "une seule personne")
        let t3 = try s.reconcile("T-3", value: .level(3), comment: nil, reason: "x", uid: "r").get()
        #expect(t3.comment == "a : livret lu / b : entretien R07" && t3.evidence == "livret")
        #expect(try s.reconcile("T-3", value: .level(3), comment: "dit ensemble", reason: "x", uid: "r").get().comment == "dit ensemble")
        #expect(s.agreed(reason: "x", uid: { "u" }).first { $0.criterion == "T-1" }?.comment == "vu sur place")
    }

    @Test func reconcilingRefusesWhatCannotBeSettled() {
        let s = DoubleScoring(record: Self.record(0), grid: .evaluation)
        #expect(s.reconcile("S-1", value: .notApplicable, comment: nil, reason: "x", uid: "r").failureMessage
                == "visit 2026-001: S-1 was scored by b only, not by a; every scorer (a, b) answers it before it is reconciled")
        #expect(s.reconcile("N-2", value: .level(1), comment: nil, reason: "x", uid: "r").failureMessage
                == "visit 2026-001: no scorer has answered N-2 yet; every scorer (a, b) answers it before it is reconciled")
        #expect(DoubleScoring(record: Self.record(1), grid: .evaluation).reconcile("N-1", value: .level(1), comment: nil, reason: "x", uid: "r").failureMessage
                == "visit 2026-002: N-1 does not apply to this visit; there is nothing to reconcile")
        var single = Self.record(0)
        single.scorings = single.scorings.filter { $0.scorer == "a" }
        let alone = DoubleScoring(record: single, grid: .evaluation)
        #expect(alone.reconcile("T-1", value: .level(4), comment: nil, reason: "x", uid: "r").failureMessage?
            .hasPrefix("visit 2026-001: its evaluation grid is scored by a only; double scoring needs two scorers (each records with `regards answer 2026-001 CRITERION VALUE --scorer NAME`") == true)
        #expect(alone.agreed(reason: "x", uid: { "u" }).isEmpty)
    }

    @Test func agreedAnswersAreRecordedOnce() {
        var n = 0
        let s = DoubleScoring(record: Self.record(1), grid: .evaluation)
        let changes = s.agreed(reason: "mêmes réponses", uid: { n += 1; return "u\(n)" })
        #expect(changes.map(\.criterion) == ["T-2", "T-3", "T-4"])
        #expect(changes.map(\.value) == [.level(2), .level(4), .level(1)])
        #expect(changes.map(\.uid) == ["u1", "u2", "u3"])
        let recorded = changes.map { AnswerEvent(uid: $0.uid, visit: "2026-002", grid: .evaluation, criterion: $0.criterion, value: $0.value, author: "a", at: "t2",
                                                 reason: $0.reason, reconciles: $0.reconciles) }
        #expect(DoubleScoring(record: Self.record(1, own: recorded), grid: .evaluation).agreed(reason: "x", uid: { "v" }).isEmpty)
    }

    @Test func agreementOverTwoVisitsMatchesTheReferenceImplementations() throws {
        let scorings = [DoubleScoring(record: Self.record(0), grid: .evaluation), DoubleScoring(record: Self.record(1), grid: .evaluation)]
        let m = ScoringAgreement(grid: ReviewSample.evaluation(), kind: .evaluation, scorings: scorings)
        #expect(m.visits == ["2026-001", "2026-002"] && m.scorers == 2)
        let theme = try #require(m.rows(.theme).first { $0.id == "T" })
        #expect(theme.items == 8 && theme.offScale == 1 && theme.unanswered == 0)
        #expect(theme.observed.figure == Agreement.ObservedAgreement(items: 7, agreeing: 5))
        let kappa = try #require(theme.kappa?.figure)
        #expect(abs(kappa.value - 0.8939393939393939) < 1e-9 && kappa.items == 7 && kappa.weighting == .quadratic)
        #expect(abs(try #require(theme.alpha.figure).value - 0.8902397838568051) < 1e-9)
        #expect(theme.retained == .alpha, "an answer off the scale: alpha is the coefficient to read")
        #expect(ScoringAgreement.interval(theme) == nil, "7 items: too few for the large-sample interval")
        #expect(theme.answers == nil, "answers are listed for a single visit only")

        // S-1: one answer, off the scale; the whole grid: T and S-1 together.
        let s1 = try #require(m.rows(.criterion).first { $0.id == "S-1" })
        #expect(s1.items == 1 && s1.offScale == 1 && s1.unanswered == 1 && s1.observed.undefinedReason == .tooFewItems(count: 0, needed: 1))
        let overall = try #require(m.rows(.overall).first)
        #expect(overall.items == 9 && overall.offScale == 2 && overall.unanswered == 1 && overall.title == "Ensemble de la grille")
        // One criterion over the two visits: two items, each scorer's answers as they are.
        let t1 = try #require(m.rows(.criterion).first { $0.id == "T-1" })
        #expect(t1.observed.figure == Agreement.ObservedAgreement(items: 2, agreeing: 1))
        #expect(t1.kappa?.figure != nil && t1.retained == .kappa)
        #expect(m.rows(.criterion).map(\.id) == ["T-1", "T-2", "T-3", "T-4", "S-1"], "criteria nobody scored have no row")
    }

    @Test func aSingleVisitListsTheAnswersAndSaysWhatCannotBeComputed() throws {
        let m = ScoringAgreement(grid: ReviewSample.evaluation(), kind: .evaluation, scorings: [DoubleScoring(record: Self.record(0), grid: .evaluation)])
        let t2 = try #require(m.rows(.criterion).first { $0.id == "T-2" })
        #expect(t2.answers == [ScorerAnswer(scorer: "a", value: .level(1)), ScorerAnswer(scorer: "b", value: .level(2))])
        #expect(t2.kappa?.undefinedReason == .tooFewItems(count: 1, needed: 2))
        #expect(t2.alpha.undefinedReason == .tooFewItems(count: 1, needed: 2))
        #expect(AgreementReport.note(t2, language: "fr") == "kappa : 1 élément comparé, 2 au moins ; alpha : 1 élément comparé, 2 au moins")
    }

    @Test func threeScorersAreReadByAlpha() throws {
        let extra = ["T-1": 4, "T-2": 2, "T-3": 3, "T-4": 2].map {
            AnswerEvent(uid: "c-\($0.key)", visit: "2026-001", grid: .evaluation, criterion: $0.key, value: .level($0.value), author: "c", at: "t1", scorer: "c")
        }
        let m = ScoringAgreement(grid: ReviewSample.evaluation(), kind: .evaluation,
                                 scorings: [DoubleScoring(record: Self.record(0, extra: extra), grid: .evaluation), DoubleScoring(record: Self.record(1), grid: .evaluation)])
        #expect(m.scorers == 3)
        let theme = try #require(m.rows(.theme).first { $0.id == "T" })
        #expect(theme.kappa == nil && theme.retained == .alpha)
        #expect(theme.alpha.figure != nil)
        #expect(AgreementReport.note(theme, language: "fr") == "kappa : plus de deux évaluateurs (voir alpha)")
        // Visit 2 has two scorers: its items miss the third answer without counting as unanswered.
        #expect(theme.unanswered == 0)
    }

    @Test func aCampaignNeedsTwoDoubleScoredVisits() {
        var single = Self.record(1)
        single.scorings = single.scorings.filter { $0.scorer == "a" }
        let one = [DoubleScoring(record: Self.record(0), grid: .evaluation), DoubleScoring(record: single, grid: .evaluation)]
        #expect(ScoringAgreement.checkCampaign(one, campaign: "c", kind: .evaluation)?.message?.hasPrefix(
            "campaign `c` has 1 visit (2026-001) double-scored on the evaluation grid; agreement over a campaign needs at least two") == true)
        #expect(ScoringAgreement.checkCampaign([], campaign: "c", kind: .control)?.message?.hasPrefix("campaign `c` has no visit double-scored on the control grid") == true)
        #expect(ScoringAgreement.checkCampaign([DoubleScoring(record: Self.record(0), grid: .evaluation), DoubleScoring(record: Self.record(1), grid: .evaluation)],
                                               campaign: "c", kind: .evaluation) == nil)
    }
}
