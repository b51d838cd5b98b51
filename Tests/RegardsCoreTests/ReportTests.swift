import Foundation
import Testing
import RegardsTestSupport
@testable import RegardsCore

/// Golden files: `REGARDS_RECORD=1 swift test` rewrites them, and the recording run still fails so the diff is reviewed.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/reports")

    static func check(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["REGARDS_RECORD"] != nil {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name); review the diff and run again without REGARDS_RECORD", sourceLocation: sourceLocation)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "(missing golden file \(name))"
        #expect(actual == expected, "\(name) differs from its golden file:\n\(TextDiff.unified(expected: expected, actual: actual, name: name))", sourceLocation: sourceLocation)
    }
}

extension Sample {
    /// A visit with answers on both grids, observations, a journey and an action, all with fixed times.
    static func reportRecord() -> VisitRecord {
        var r = record(history: [
            event("AC-01", .level(2), at: "2026-11-20T09:00:00.000Z"), event("AC-02", .level(4), at: "2026-11-20T09:05:00.000Z"),
            event("VC-01", .level(1), at: "2026-11-20T10:00:00.000Z"), event("VC-02", .level(3), at: "2026-11-20T10:05:00.000Z"),
            event("CTL-DU-01", .level(2), grid: .control, at: "2026-11-21T09:00:00.000Z"), event("CTL-DU-02", .level(0), grid: .control, at: "2026-11-21T09:01:00.000Z"),
            event("CTL-AS-01", .level(1), grid: .control, at: "2026-11-21T09:02:00.000Z"),
        ], observations: [
            Observation(uid: "o1", visit: "2026-001", method: "entretien", text: "=SOMME(A1) n'est pas une formule ; « la cuisine ferme à 19 h »", participant: "R07",
                        role: .resident, criteria: ["AC-01", "VC-01"], theme: "repas", date: CalendarDate(iso: "2026-11-20"), author: "a", at: "t"),
        ], actions: [ImprovementAction(uid: "x", visit: "2026-001", number: 1, title: "Ouvrir la cuisine le soir", owner: "direction", due: CalendarDate(iso: "2027-03-01"),
                                       criteria: ["VC-02"], author: "a", at: "t")])
        r.history[0].comment = "+33 n'est pas un nombre, -1 non plus, @x non plus"
        r.journeys = [JourneyRecord(uid: "j", visit: "2026-001", entry: JourneyEntry(resident: "R1", step: "admission", date: CalendarDate(iso: "2026-10-01")), author: "a", at: "t")]
        r.visit.startDate = CalendarDate(iso: "2026-11-20")
        return r
    }
}

@Suite struct ReportTests {
    @Test func visitReportHasEverySheet() {
        let report = ComparisonReport.visit(Sample.reportRecord(), generatedBy: "inspectrice-a")
        #expect(report.sheets.map(\.name) == ["Synthèse", "Grille d'évaluation", "Grille de contrôle", "Comparaison", "Couverture", "Observations", "Parcours",
                                              "Plan d'actions", "Documents", "Données", "Dictionnaire"])
        #expect(report.sheet("Données")?.excelTable == true)
        #expect(report.sheet("Données")?.rows.count == 8)
        #expect(report.sheet("Dictionnaire")?.rows.count == report.sheets.dropLast().reduce(0) { $0 + $1.columns.count })
        #expect(report.properties.custom.map(\.name) == ["visite", "finess", "protocole-evaluation", "empreinte-evaluation", "protocole-controle", "empreinte-controle"])
    }

    /// A campaign of two visits: read one visit at a time (streamed) or from records in memory, the same report.
    @Test func campaignReportGolden() throws {
        var second = Sample.reportRecord()
        second.visit.id = "2026-002"
        second.visit.establishment = "CHRS Deux"
        second.history.append(Sample.event("VC-01", .level(4), at: "2026-11-22T09:00:00.000Z"))
        // One measure, still envisaged (no decision yet) though its date has passed.
        let finding = Finding(uid: "f1", kind: .ecart, fact: "Contrat non signé", references: ["CASF L311-4"], criterion: "CTL-DU-02")
        let measure = Measure(uid: "m1", kind: .prescription, text: "Faire signer le contrat", findings: ["f1"], deadline: MeasureDeadline(date: CalendarDate(iso: "2027-01-31")!))
        second.procedure = Procedure(events: [ProcedureEvent(uid: "e1", visit: "2026-002", change: .added, finding: finding, author: "a", at: "t"),
                                              ProcedureEvent(uid: "e2", visit: "2026-002", change: .added, measure: measure, author: "a", at: "t")])
        second.today = CalendarDate(iso: "2027-02-01")!
        let records = [Sample.reportRecord(), second]
        let report = ComparisonReport.campaign("occitanie-2026", records: records, generatedBy: "inspectrice-a")
        #expect(report.sheets.map(\.name) == ["Synthèse", "Scores par thème", "Conformité par thème", "Angles morts", "Mesures", "Données", "Dictionnaire"])
        #expect(report.sheet("Mesures")?.rows.map { $0.map(\.value.plain) } == [["2026-002", "CHRS Deux", "M1", "prescription", "E1", "Faire signer le contrat", "2027-01-31", "envisagée"]])
        #expect(report.sheet("Données")?.rows.count == 16)
        let streamed = ComparisonReport.campaign("occitanie-2026", evaluation: records[0].grids.evaluation, visits: 2, generatedBy: "inspectrice-a") { each in
            for r in records { try each(r) }
        }
        var rows: [[Cell]] = []
        try streamed.produce { rows.append($0) }
        let finished = try streamed.finish()
        #expect(rows == report.sheets[5].rows)
        #expect(finished.sheets[5].rows.isEmpty && Array(finished.sheets.prefix(5)) == Array(report.sheets.prefix(5)))
        Golden.check(ReportRenderer.markdown(report), "campaign.md")
    }

    @Test func englishHeadingsForOtherLanguages() {
        var r = Sample.reportRecord()
        var e = r.grids.evaluation
        e.language = "en"
        r.grids = VisitGrids(evaluation: e, control: r.grids.control)
        let report = ComparisonReport.visit(r, generatedBy: "a")
        #expect(report.sheets.first?.name == "Summary")
        #expect(report.sheet("Comparison")?.columns.last?.header == "Divergence")
    }

    @Test func goldenRenderings() {
        let report = ComparisonReport.visit(Sample.reportRecord(), generatedBy: "inspectrice-a")
        Golden.check(ReportRenderer.markdown(report), "visit.md")
        Golden.check(ReportRenderer.json(report), "visit.json")
        Golden.check(ReportRenderer.csv(report.sheet("Données")!), "visit-donnees.csv")
        // Same inputs, same bytes.
        #expect(ReportRenderer.json(report) == ReportRenderer.json(ComparisonReport.visit(Sample.reportRecord(), generatedBy: "inspectrice-a")))
    }

    @Test func campaignAndCoverageReports() {
        var second = Sample.reportRecord()
        second.visit.id = "2026-002"
        let campaign = ComparisonReport.campaign("c", records: [Sample.reportRecord(), second], generatedBy: "a")
        #expect(campaign.sheets.map(\.name) == ["Synthèse", "Scores par thème", "Conformité par thème", "Angles morts", "Mesures", "Données", "Dictionnaire"])
        #expect(campaign.sheet("Synthèse")?.rows.count == 2)
        #expect(campaign.sheet("Angles morts")?.rows.first?[0].value == .text("VC-01"))
        let coverage = ComparisonReport.coverage(Coverage(evaluation: Sample.evaluation(), control: Sample.control()), evaluation: Sample.evaluation(), control: Sample.control(), generatedBy: "a")
        #expect(coverage.sheets.map(\.name) == ["Synthèse", "Couverture", "Angles morts", "Hors évaluation", "Documents", "Échelles", "Dictionnaire"])
        Golden.check(ReportRenderer.markdown(coverage), "coverage.md")
    }

    /// Rules, charts and lists name columns by key: every key they name is a column of their sheet;
    /// every sheet has a role, each role once per report, and its columns' keys are unique.
    @Test func sheetsAreFoundByRoleAndColumnsByKey() throws {
        var second = Sample.reportRecord()
        second.visit.id = "2026-002"
        let reports = [
            ComparisonReport.visit(Sample.reportRecord(), generatedBy: "a"),
            ComparisonReport.campaign("c", records: [Sample.reportRecord(), second], generatedBy: "a"),
            ComparisonReport.coverage(Coverage(evaluation: Sample.evaluation(), control: Sample.control()), evaluation: Sample.evaluation(), control: Sample.control(), generatedBy: "a"),
            try #require(FillInReport.build(Sample.reportRecord(), grid: .evaluation, generatedBy: "a")),
        ]
        for report in reports {
            let roles = report.sheets.compactMap(\.role)
            #expect(roles.count == report.sheets.count && Set(roles).count == roles.count, "\(report.title)")
            for sheet in report.sheets {
                let keys = sheet.columns.map(\.key)
                #expect(Set(keys).count == keys.count, "\(sheet.name)")
                var named: [String] = sheet.validations.map(\.column)
                for rule in sheet.formats {
                    switch rule {
                    case .textEquals(let column, _, _): named.append(column)
                    case .colourScale(let columns, _): named += columns
                    }
                }
                if let chart = sheet.chart { named += [chart.categoryColumn] + chart.valueColumns }
                #expect(named.allSatisfy(keys.contains), "\(sheet.name): \(named)")
            }
        }
        #expect(reports[0].sheet(.comparison)?.name == "Comparaison" && reports[1].sheet(.blindSpots)?.name == "Angles morts")
    }

    /// The sheets read the comparison's figures: the long table's scores are the comparison's results, rounded.
    @Test func sheetsShowTheComparisonsScores() throws {
        let r = Sample.reportRecord()
        let c = VisitComparison(r)
        let data = try #require(ComparisonReport.visit(r, generatedBy: "a").sheet(.data))
        let (criterion, grid, score) = (data.column("criterion"), data.column("grid"), data.column("score"))
        for row in data.rows {
            guard case .text(let id) = row[criterion].value, case .text(let kind) = row[grid].value, let kind = ProtocolKind(rawValue: kind) else { continue }
            let expected = c.result(kind, id)?.score.map { ($0 * 10000).rounded() / 10000 }
            #expect(row[score].value == (expected.map(CellValue.number) ?? .empty), "\(id)")
        }
    }

    /// The OWASP CSV-injection rule: what a spreadsheet would run as a formula is made inert; numbers stay numbers.
    @Test(arguments: [("=SOMME(A1)", "'=SOMME(A1)"), ("+33 6", "'+33 6"), ("-x", "'-x"), ("@cmd", "'@cmd"), ("\tx", "'\tx"), ("\rx", "\"'\rx\""),
                      ("-3", "-3"), ("+4.5", "+4.5"), ("texte", "texte"), ("=a,b", "\"'=a,b\"")])
    func csvFieldsAreInert(text: String, expected: String) {
        #expect(ReportRenderer.field(text) == expected)
    }

    @Test func csvQuotesWhatNeedsQuoting() {
        let sheet = Sheet(name: "S", columns: [Column("a", "A", .text, "a"), Column("b", "B", .number, "b")],
                          rows: [[.text("x, \"y\"\nz"), .number(2.5)], [.empty, .integer(3)]])
        #expect(ReportRenderer.csv(sheet) == "a,b\n\"x, \"\"y\"\"\nz\",2.5\n,3\n")
    }
}
