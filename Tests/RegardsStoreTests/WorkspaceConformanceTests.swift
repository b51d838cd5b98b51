import Foundation
import Testing
import RegardsCore
import RegardsStore
import RegardsTestSupport

/// A store under test: how to make an empty one. A second store (a server) adds its own entry to
/// `WorkspaceConformanceTests.stores` and runs every test below unchanged.
struct StoreUnderTest: Sendable, CustomTestStringConvertible {
    let name: String
    /// An empty workspace, and what to do once the test is over.
    let make: @Sendable () throws -> (workspace: any Workspace, cleanup: @Sendable () -> Void)

    var testDescription: String { name }

    static let sqlite = StoreUnderTest(name: "SQLite") {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("regards-conformance-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let workspace = try SQLiteWorkspace(path: directory.appendingPathComponent("w.sqlite").path, create: true)
        return (workspace, { try? FileManager.default.removeItem(at: directory) })
    }

    /// A new database on the tests' PostgreSQL server, set up as `regards store init` does.
    static let postgres = StoreUnderTest(name: "PostgreSQL") {
        let server = try TestServer.shared.get()
        let address = try #require(ServerAddress(try server.newDatabase()))
        _ = try PostgresWorkspace.initialize(server: address)
        return (try PostgresWorkspace(server: address), {})
    }
}

/// What every store does, written against the `Workspace` protocol only.
@Suite struct WorkspaceConformanceTests {
    static let stores: [StoreUnderTest] = TestServer.enabled ? [.sqlite, .postgres] : [.sqlite]

    /// Runs `body` with a new empty workspace of the store.
    func with(_ store: StoreUnderTest, _ body: (any Workspace) throws -> Void) throws {
        let (workspace, cleanup) = try store.make()
        defer { cleanup() }
        try body(workspace)
    }

    /// An error of a store says what kind of failure it is (which decides the exit code).
    func expectReported(_ kind: RegardsError.Kind? = nil, _ body: () throws -> Void, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        do {
            try body()
            Issue.record("no error", sourceLocation: sourceLocation)
        } catch let error as any RegardsErrorConvertible {
            if let kind { #expect(error.regardsError.kind == kind, sourceLocation: sourceLocation) }
        } catch {
            Issue.record("\(error) does not say its kind", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: stores) func aNewStoreIsSoundAndEmpty(store: StoreUnderTest) throws {
        try with(store) { (w: any Workspace) throws in
            #expect(w.schemaVersion > 0)
            #expect(try w.integrityCheck() == ["ok"])
            #expect(try w.visits(campaign: nil).isEmpty)
            #expect(try w.visit("2026-001") == nil)
        }
    }

    @Test(arguments: stores) func visitsRoundTrip(store: StoreUnderTest) throws {
        try with(store) { (w: any Workspace) throws in
            try w.createVisit(Sample.visit(), snapshots: [Sample.snapshot])
            try w.createVisit(Sample.visit("2026-002", campaign: nil), snapshots: [Sample.snapshot])
            #expect(try w.visit("2026-001") == Sample.visit())
            #expect(try w.visits(campaign: "occitanie-2026").map(\.id) == ["2026-001"])
            #expect(try w.visits(campaign: nil).map(\.id) == ["2026-001", "2026-002"])
            #expect(try w.visitIDs(prefix: "2026-") == ["2026-001", "2026-002"])
            #expect(try w.visitIDs(prefix: "2027-").isEmpty)
            #expect(try w.snapshot(hash: Sample.snapshot.hash) == Sample.snapshot)
            #expect(try w.snapshot(hash: "absent") == nil)
            expectReported { try w.createVisit(Sample.visit(), snapshots: []) }
        }
    }

    @Test(arguments: stores) func answersAreAppendOnlyWithPreviousValues(store: StoreUnderTest) throws {
        try with(store) { (w: any Workspace) throws in
            try w.createVisit(Sample.visit(), snapshots: [Sample.snapshot])
            _ = try w.recordAnswers(visit: "2026-001", [AnswerChange(uid: "a1", grid: .evaluation, criterion: "AC-01", value: .level(2), comment: "=SOMME(A1)")],
                                    author: "a", at: "t1")
            let second = try w.recordAnswers(visit: "2026-001", [AnswerChange(uid: "a2", grid: .evaluation, criterion: "AC-01", value: .level(4), reason: "revu"),
                                                                 AnswerChange(uid: "a3", grid: .control, criterion: "AC-01", value: .notAssessed)],
                                             author: "b", at: "t2")
            #expect(second.map(\.previous) == [.level(2), nil], "the previous value is the same grid's")
            let history = try w.answerEvents(visit: "2026-001")
            #expect(history.map(\.value) == [.level(2), .level(4), .notAssessed])
            #expect(history.map(\.previous) == [nil, .level(2), nil])
            #expect(history[0].comment == "=SOMME(A1)" && history[0].grid == .evaluation && history[2].grid == .control)
            #expect(history[1].author == "b" && history[1].reason == "revu" && history[1].at == "t2")
            _ = try w.recordAnswers(visit: "2026-001", [AnswerChange(uid: "a4", grid: .evaluation, criterion: "AC-01", value: nil, reason: "retiré")], author: "a", at: "t3")
            #expect(try w.answerEvents(visit: "2026-001").last?.previous == .level(4))
        }
    }

    /// Double scoring: each scorer's answers kept apart from the visit's own and from each other's;
    /// a consensus answer keeps the scorers' answers it settled.
    /// Text that SQL or an array literal could mistake for syntax comes back as it went in, in a
    /// batch larger than one of PostgreSQL's (2,000 rows), in order.
    @Test(arguments: stores) func anyTextRoundTripsInLargeBatches(store: StoreUnderTest) throws {
        try with(store) { (w: any Workspace) throws in
            try w.createVisit(Sample.visit(), snapshots: [Sample.snapshot])
            let awkward = ["a \"quoted\" word", "back\\slash \\\"", "{braces}, commas", "NULL", "null", "'single'; DROP TABLE visit; --", "é à « » œ 🙂",
                           "line\nbreak\ttab", "", " ", "$1 ?1 ? :x"]
            let changes = (0..<4_100).map { i in
                AnswerChange(uid: "u\(i)", grid: .evaluation, criterion: "C-\(i % 97)", value: i % 5 == 0 ? nil : .level(i % 4),
                             comment: i % 3 == 0 ? nil : awkward[i % awkward.count], evidence: awkward[(i + 1) % awkward.count])
            }
            let recorded = try w.recordAnswers(visit: "2026-001", changes, author: "a", at: "t1")
            let history = try w.answerEvents(visit: "2026-001")
            #expect(history == recorded)
            #expect(history.map(\.uid) == changes.map(\.uid))
            #expect(history.map(\.comment) == changes.map(\.comment))
            #expect(history.map(\.value) == changes.map(\.value))
            try w.addObservations(awkward.enumerated().map { Observation(uid: "o\($0.offset)", visit: "2026-001", method: "entretien", text: $0.element,
                                                                        participant: $0.element.isEmpty ? nil : "R1", author: "a", at: "t") })
            #expect(try w.observations(visit: "2026-001").map(\.text) == awkward)
            // The same rows through an import (rows the store may already have: another path on a server).
            let bundle = try #require(try w.bundle(visit: "2026-001", exportedAt: "t", exportedBy: "a")).renamed(to: "2026-002", uid: "uid-2")
            try w.apply(MergePlan.plan(local: nil, incoming: bundle), visit: "2026-002")
            // (a copy's rows have uids of their own, filed by time then uid)
            #expect(try w.answerEvents(visit: "2026-002").map { $0.comment ?? "∅" }.sorted() == changes.map { $0.comment ?? "∅" }.sorted())
            #expect(try w.observations(visit: "2026-002").map(\.text) == awkward)
        }
    }

    @Test(arguments: stores) func scoringsAreKeptApart(store: StoreUnderTest) throws {
        try with(store) { (w: any Workspace) throws in
            try w.createVisit(Sample.visit(), snapshots: [Sample.snapshot])
            _ = try w.recordAnswers(visit: "2026-001", [AnswerChange(uid: "a1", grid: .evaluation, criterion: "AC-01", value: .level(1))], author: "a", at: "t1")
            let first = try w.recordScores(visit: "2026-001", scorer: "inspectrice-a", [AnswerChange(uid: "s1", grid: .evaluation, criterion: "AC-01", value: .level(3),
                                                                                                   comment: "vu le registre")], author: "a", at: "t2")
            #expect(first.map(\.previous) == [nil], "a scoring starts empty: the visit's own answer is not its previous value")
            _ = try w.recordScores(visit: "2026-001", scorer: "inspecteur-b", [AnswerChange(uid: "s2", grid: .evaluation, criterion: "AC-01", value: .level(2))], author: "b", at: "t3")
            let again = try w.recordScores(visit: "2026-001", scorer: "inspectrice-a", [AnswerChange(uid: "s3", grid: .evaluation, criterion: "AC-01", value: .level(4))],
                                           author: "a", at: "t4")
            #expect(again.map(\.previous) == [.level(3)], "the previous value is the same scorer's")
            let scorings = try w.scoringEvents(visit: "2026-001")
            #expect(scorings.map(\.uid) == ["s1", "s2", "s3"])
            #expect(scorings.map(\.scorer) == ["inspectrice-a", "inspecteur-b", "inspectrice-a"])
            #expect(scorings[0].comment == "vu le registre" && scorings[0].reconciles == nil)
            #expect(try w.answerEvents(visit: "2026-001").map(\.uid) == ["a1"], "a scoring never changes the visit's own answers")
            let settled = [ScorerAnswer(scorer: "inspecteur-b", value: .level(2)), ScorerAnswer(scorer: "inspectrice-a", value: .level(4))]
            let consensus = try w.recordAnswers(visit: "2026-001", [AnswerChange(uid: "a2", grid: .evaluation, criterion: "AC-01", value: .level(3), reason: "accord après discussion",
                                                                                 reconciles: settled)], author: "a", at: "t5")
            #expect(consensus.first?.previous == .level(1) && consensus.first?.scorer == nil)
            #expect(try w.answerEvents(visit: "2026-001").last?.reconciles == settled)
            #expect(try w.answerEvents(visit: "2026-001").first?.reconciles == nil)
            expectReported { _ = try w.recordScores(visit: "nope", scorer: "x", [AnswerChange(uid: "s9", grid: .evaluation, criterion: "AC-01", value: .level(1))], author: "a", at: "t") }
            expectReported {
                _ = try w.recordScores(visit: "2026-001", scorer: "x", [AnswerChange(uid: "s8", grid: .evaluation, criterion: "AC-02", value: .level(1)),
                                                                        AnswerChange(uid: "s1", grid: .evaluation, criterion: "AC-03", value: .level(1))], author: "a", at: "t")
            }
            #expect(try w.scoringEvents(visit: "2026-001").count == 3, "all or nothing")
            // Carried by a bundle, merged once; a redaction reaches the scorings' comments too.
            let bundle = try #require(try w.bundle(visit: "2026-001", exportedAt: "t6", exportedBy: "a"))
            #expect(bundle.scorings.map(\.uid) == ["s1", "s2", "s3"])
            try with(store) { (target: any Workspace) throws in
                try target.apply(MergePlan.plan(local: nil, incoming: bundle), visit: "2026-001")
                #expect(try target.bundle(visit: "2026-001", exportedAt: "t6", exportedBy: "a") == bundle)
                #expect(MergePlan.plan(local: bundle, incoming: bundle).isEmpty)
            }
            #expect(try w.redact(visit: "2026-001", text: "registre", replacement: "[masqué]") == 1)
            #expect(try w.scoringEvents(visit: "2026-001").first?.comment == "vu le [masqué]")
        }
    }

    @Test(arguments: stores) func aBatchIsAllOrNothing(store: StoreUnderTest) throws {
        try with(store) { (w: any Workspace) throws in
            try w.createVisit(Sample.visit(), snapshots: [Sample.snapshot])
            try w.createVisit(Sample.visit("2026-002"), snapshots: [Sample.snapshot])
            // The second change reuses a uid (ids are globally unique): the whole batch is rolled back.
            expectReported {
                _ = try w.recordAnswers(visit: "2026-001", [
                    AnswerChange(uid: "same", grid: .evaluation, criterion: "AC-01", value: .level(1)),
                    AnswerChange(uid: "same", grid: .evaluation, criterion: "AC-02", value: .level(1)),
                ], author: "a", at: "t")
            }
            #expect(try w.answerEvents(visit: "2026-001").isEmpty)
            // A campaign batch: one transaction for every visit.
            expectReported {
                _ = try w.recordAnswers([("2026-001", [AnswerChange(uid: "c1", grid: .evaluation, criterion: "AC-01", value: .level(1))]),
                                         ("nope", [AnswerChange(uid: "c2", grid: .evaluation, criterion: "AC-01", value: .level(1))])], author: "a", at: "t")
            }
            #expect(try w.answerEvents(visit: "2026-001").isEmpty)
            #expect(try w.recordAnswers([("2026-001", [AnswerChange(uid: "c1", grid: .evaluation, criterion: "AC-01", value: .level(1))]),
                                         ("2026-002", [AnswerChange(uid: "c2", grid: .evaluation, criterion: "AC-01", value: .level(2))])], author: "a", at: "t") == 2)
        }
    }

    @Test(arguments: stores) func recordsBelongToAVisitThatExists(store: StoreUnderTest) throws {
        try with(store) { (w: any Workspace) throws in
            expectReported {
                _ = try w.recordAnswers(visit: "nope", [AnswerChange(uid: "x", grid: .evaluation, criterion: "AC-01", value: .level(1))], author: "a", at: "t")
            }
            expectReported { try w.addObservation(Observation(uid: "o", visit: "nope", method: "entretien", text: "x", author: "a", at: "t")) }
        }
    }

    @Test(arguments: stores) func observationsJourneysActionsAndPhases(store: StoreUnderTest) throws {
        try with(store) { (w: any Workspace) throws in
            try w.createVisit(Sample.visit(), snapshots: [Sample.snapshot])
            let o = Observation(uid: "o1", visit: "2026-001", method: "entretien", text: "La cuisine ferme à 19 h.", participant: "R07", role: .resident,
                                criteria: ["VC-04", "a,b"], theme: "repas", date: CalendarDate(iso: "2026-11-20"), author: "a", at: "t")
            try w.addObservations([o, Observation(uid: "o2", visit: "2026-001", method: "visite-guidee", text: "x", author: "a", at: "t")])
            #expect(try w.observations(visit: "2026-001").map(\.uid) == ["o1", "o2"])
            #expect(try w.observations(visit: "2026-001").first == o)
            let j = JourneyRecord(uid: "j1", visit: "2026-001", entry: JourneyEntry(resident: "R07", step: "contrat-signe", date: nil, note: "refus de signer"), author: "a", at: "t")
            try w.addJourneyRecord(j)
            #expect(try w.journeyRecords(visit: "2026-001") == [j])
            let first = try w.addAction(ImprovementAction(uid: "x1", visit: "2026-001", title: "Ouvrir la cuisine le soir", owner: "direction",
                                                          due: CalendarDate(iso: "2027-03-01"), criteria: ["VC-04"], author: "a", at: "t"))
            let added = try w.addActions([ImprovementAction(uid: "x2", visit: "2026-001", title: "Afficher les horaires", status: .done, author: "a", at: "t")])
            #expect(first.number == 1 && added.map(\.number) == [2])
            try w.setActionStatus(visit: "2026-001", number: 1, status: .inProgress, uid: "s1", author: "a", at: "t2", reason: "commencé")
            #expect(try w.actions(visit: "2026-001").map(\.status) == [.inProgress, .done])
            #expect(try w.actions(visit: "2026-001").first?.due == CalendarDate(iso: "2027-03-01"))
            expectReported(.missingInput) { try w.setActionStatus(visit: "2026-001", number: 9, status: .done, uid: "s2", author: "a", at: "t", reason: nil) }
            #expect(try w.recordTransition(StateEvent(uid: "e1", visit: "2026-001", from: "preparation", to: "immersion", author: "a", at: "t")))
            #expect(try !w.recordTransition(StateEvent(uid: "e2", visit: "2026-001", from: "preparation", to: "immersion", author: "a", at: "t")),
                    "a move from a phase the visit has left is refused")
            #expect(try w.visit("2026-001")?.state == "immersion")
            #expect(try w.stateEvents(visit: "2026-001").map(\.to) == ["immersion"])
        }
    }

    /// A bundle exported from one store and applied to another brings every row; applying it again adds nothing.
    @Test(arguments: stores) func bundlesMergeOnceByUID(store: StoreUnderTest) throws {
        try with(store) { (source: any Workspace) throws in
            try source.createVisit(Sample.visit(), snapshots: [Sample.snapshot])
            _ = try source.recordAnswers(visit: "2026-001", [AnswerChange(uid: "a1", grid: .evaluation, criterion: "AC-01", value: .level(3))], author: "a", at: "t1")
            try source.addObservation(Observation(uid: "o1", visit: "2026-001", method: "entretien", text: "x", author: "a", at: "t"))
            _ = try source.addAction(ImprovementAction(uid: "x1", visit: "2026-001", title: "Piste", author: "a", at: "t"))
            _ = try source.recordTransition(StateEvent(uid: "e1", visit: "2026-001", from: "preparation", to: "immersion", author: "a", at: "t2"))
            let bundle = try #require(try source.bundle(visit: "2026-001", exportedAt: "t3", exportedBy: "a"))
            #expect(bundle.answers.count == 1 && bundle.actionEvents.count == 1 && bundle.snapshots == [Sample.snapshot])
            try with(store) { (target: any Workspace) throws in
                try target.apply(MergePlan.plan(local: nil, incoming: bundle), visit: "2026-001")
                let copy = try #require(try target.bundle(visit: "2026-001", exportedAt: "t3", exportedBy: "a"))
                #expect(copy == bundle)
                let again = MergePlan.plan(local: copy, incoming: bundle)
                #expect(again.isEmpty)
                try target.apply(again, visit: "2026-001")
                #expect(try target.bundle(visit: "2026-001", exportedAt: "t3", exportedBy: "a") == bundle)
            }
        }
    }

    @Test(arguments: stores) func personalDataSettingsAndRedaction(store: StoreUnderTest) throws {
        try with(store) { (w: any Workspace) throws in
            try w.createVisit(Sample.visit(), snapshots: [Sample.snapshot])
            let settings = try w.privacySettings(visit: "2026-001")
            #expect(!settings.salt.isEmpty && settings.forbidden.isEmpty && settings.reviews.isEmpty)
            #expect(try w.privacySettings(visit: "2026-001").salt == settings.salt, "the salt is kept")
            #expect(try w.forbid(["Duplantier", "Jean Martin"], author: "a", at: "t") == 2)
            #expect(try w.forbid(["Duplantier"], author: "a", at: "t") == 0)
            let forbidden = try w.privacySettings(visit: "2026-001").forbidden
            #expect(forbidden == [PersonalDataScanner.hash("Duplantier", salt: settings.salt), PersonalDataScanner.hash("Jean Martin", salt: settings.salt)])
            _ = try w.recordAnswers(visit: "2026-001", [AnswerChange(uid: "a1", grid: .evaluation, criterion: "AC-01", value: .level(2), comment: "joindre au 06 12 34 56 78")],
                                    author: "a", at: "t")
            try w.addObservation(Observation(uid: "o1", visit: "2026-001", method: "entretien", text: "appelle le 06 12 34 56 78 le soir", author: "a", at: "t"))
            #expect(try w.redact(visit: "2026-001", text: "06 12 34 56 78", replacement: "[masqué]") == 2)
            #expect(try w.answerEvents(visit: "2026-001").first?.comment == "joindre au [masqué]")
            #expect(try w.observations(visit: "2026-001").first?.text == "appelle le [masqué] le soir")
            try w.recordReview(visit: "2026-001", finding: "f1", kind: .phone, decision: .redact, reason: "numéro", author: "a", at: "t")
            try w.recordReview(visit: "2026-001", finding: "f2", kind: .email, decision: .keep, reason: "adresse de service", author: "a", at: "t")
            #expect(try w.privacySettings(visit: "2026-001").reviews == ["f1": .redact, "f2": .keep])
        }
    }
}
