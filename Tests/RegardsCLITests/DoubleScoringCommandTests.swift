import Foundation
import Testing
import RegardsTestSupport

/// Double scoring from the command line: `--scorer` on answer, fill and sheet, `reconcile`, and
/// `agreement` (the demo: 2026-001 scored by inspectrice-a and inspecteur-b, 2026-002 by
/// inspecteur-b and inspectrice-c; 2026-003 by nobody).
@Suite struct DoubleScoringCommandTests {
    @Test func aScoringIsKeptApartFromTheVisitsAnswers() throws {
        let f = Field()
        try f.newVisit()
        try f.run("answer", "2026-001", "AC-10", "3")
        let scored = try f.run("answer", "2026-001", "AC-10", "2", "--scorer", "inspecteur-b", inspector: "inspecteur-b")
        #expect(scored.status == 0, "\(scored.stderr)")
        #expect(scored.stdout == "AC-10 = Plutôt pas satisfaisant — inspecteur-b's independent scoring\n", "a scoring starts empty: no « avant »")
        #expect(try f.run("answer", "2026-001", "AC-10", "1", "--scorer", "inspecteur-b").stdout
            == "AC-10 = Pas du tout satisfaisant (before: Plutôt pas satisfaisant) — inspecteur-b's independent scoring\n")
        #expect(try f.run("answer", "2026-001", "AC-10", "4").stdout == "AC-10 = Tout à fait satisfaisant (before: Plutôt satisfaisant)\n",
                "the visit's own answer is untouched by the scoring")
        let log = try f.run("visit", "log", "2026-001").lines
        #expect(log.count == 4 && log.filter { $0.hasSuffix("[évaluation indépendante de inspecteur-b]") }.count == 2, "the audit trail shows both, the scoring marked")
        // A CSV file into a scoring; fill as a scorer shows that scorer's unanswered criteria only.
        let csv = try f.write("b.csv", "criterion,value\nAC-11,3\n")
        #expect(try f.run("answer", "2026-001", "--from", csv, "--scorer", "inspecteur-b").stdout == "1 answer(s) recorded for visit 2026-001 (inspecteur-b's independent scoring)\n")
        let fill = try f.run("fill", "2026-001", "--section", "AC", "--scorer", "inspecteur-b", stdin: "2\n\n\n")
        #expect(fill.status == 66)
        #expect(fill.stderr.contains("AC-02"), "AC-10 and AC-11 are answered in this scoring")
        #expect(!fill.stderr.contains("AC-10 —"))
        #expect(fill.stderr.hasSuffix("regards: error: input ended before the grid was complete (1 answer(s) saved; run `regards fill 2026-001 --scorer inspecteur-b` again to go on)\n"))
        #expect(try f.run("visit", "log", "2026-001").lines.filter { !$0.contains("[évaluation indépendante de inspecteur-b]") }.count == 2,
                "the visit's own answers are still the two")

        let bad = try f.run("answer", "2026-001", "AC-10", "2", "--scorer", " b ")
        #expect(bad.status == 64)
        #expect(bad.stderr.hasPrefix("Error: --scorer is a name on one line, without spaces around it, not ` b `\n"))
        #expect(try f.run("answer", "--from", csv, "--scorer", "b").stderr.hasPrefix("Error: --scorer goes with one VISIT, not a campaign file\n"))
    }

    @Test func aScorersFillInWorkbookGoesBackIntoTheirScoring() throws {
        let f = Field()
        try f.newVisit()
        try f.run("answer", "2026-001", "AC-10", "3")
        try f.run("answer", "2026-001", "AC-11", "4", "--scorer", "inspecteur-b")
        let grid = f.directory.appendingPathComponent("b.xlsx").path
        #expect(try f.run("sheet", "2026-001", "--xlsx", grid, "--scorer", "inspecteur-b").status == 0)
        let row10 = try #require(try WorkbookParts.row(of: "AC-10", column: "B", in: grid))
        // The workbook shows the scorer's answers only: AC-10 (the visit's) is empty, AC-11 is theirs.
        let same = try f.run("answer", "2026-001", "--from", grid)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.hasPrefix("0 answer(s) recorded for visit 2026-001 (inspecteur-b's independent scoring) from b.xlsx ("))
        let filled = f.directory.appendingPathComponent("b-rempli.xlsx").path
        try WorkbookParts.rewrite(grid, to: filled) { name, xml in
            name == "xl/worksheets/sheet1.xml" ? WorkbookParts.setting(xml, "F\(row10)", to: WorkbookParts.textCell("F\(row10)", "Plutôt pas satisfaisant")) : xml
        }
        let run = try f.run("answer", "2026-001", "--from", filled, inspector: "inspecteur-b")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("AC-10 = Plutôt pas satisfaisant (before: no answer)\n1 answer(s) recorded for visit 2026-001 (inspecteur-b's independent scoring) from b-rempli.xlsx"))
        #expect(try f.run("answer", "2026-001", "AC-10", "3").stdout == "AC-10 = Plutôt satisfaisant (before: Plutôt satisfaisant)\n", "the visit's answer is untouched")
        #expect(try f.run("answer", "2026-001", "AC-10", "2", "--scorer", "inspecteur-b").stdout.contains("(before: Plutôt pas satisfaisant)"))

        let other = try f.run("answer", "2026-001", "--from", grid, "--scorer", "inspectrice-a")
        #expect(other.status == 65)
        #expect(other.stderr == "regards: error: \(grid): this workbook holds inspecteur-b's independent scoring, not inspectrice-a's\n")
        let own = f.directory.appendingPathComponent("visite.xlsx").path
        #expect(try f.run("sheet", "2026-001", "--xlsx", own).status == 0)
        let intoScoring = try f.run("answer", "2026-001", "--from", own, "--scorer", "inspecteur-b")
        #expect(intoScoring.status == 65)
        #expect(intoScoring.stderr.hasPrefix("regards: error: \(own): this workbook holds the visit's own answers, not inspecteur-b's independent scoring"))
    }

    @Test func reconcilingRecordsTheConsensusWithEveryScorersAnswer() throws {
        let (f, _) = try Demo.copy()
        let list = try f.run("reconcile", "2026-001")
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.lines.first == "visite 2026-001 — grille evaluation, évaluée indépendamment par inspecteur-b, inspectrice-a : 62 critères notés, 43 concordants, 44 réconciliés")
        #expect(list.lines.contains("  AC-02  inspecteur-b : Plutôt pas satisfaisant · inspectrice-a : Plutôt satisfaisant   réconcilié : Plutôt pas satisfaisant"))
        #expect(list.lines.contains("  AC-04  inspecteur-b : Plutôt satisfaisant · inspectrice-a : Plutôt pas satisfaisant   à réconcilier"))
        let before = try f.run("agreement", "2026-001", "--format", "csv").stdout
        #expect(try f.run("visit", "status", "2026-001").lines.contains(
            "  Double évaluation : inspecteur-b 62, inspectrice-a 62 ; 44 réconcilié(s), 18 à réconcilier (regards reconcile 2026-001)"))

        let run = try f.run("reconcile", "2026-001", "AC-04", "2", "--reason", "relu ensemble")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "AC-04 = Plutôt pas satisfaisant (consensus of inspecteur-b: Plutôt satisfaisant · inspectrice-a: Plutôt pas satisfaisant)\n")
        #expect(try f.run("reconcile", "2026-001").lines.contains("  AC-04  inspecteur-b : Plutôt satisfaisant · inspectrice-a : Plutôt pas satisfaisant   réconcilié : Plutôt pas satisfaisant"))
        let consensus = try #require(try f.run("visit", "log", "2026-001", "--criterion", "AC-04").lines.last)
        #expect(consensus.contains("AC-04  2 → 2  « ") && consensus.hasSuffix("consensus de inspecteur-b : 3 · inspectrice-a : 2  motif : relu ensemble"),
                "the visit's comment and evidence stay on the consensus: \(consensus)")
        #expect(try f.run("agreement", "2026-001", "--format", "csv").stdout == before, "a reconciliation never changes the scorings")
        #expect(try f.run("reconcile", "2026-001", "--agreed").stdout == "0 consensus answer(s) recorded for visit 2026-001 (criteria all scorers answered alike)\n",
                "the demo recorded them already")

        let noReason = try f.run("reconcile", "2026-001", "AC-04", "2")
        #expect(noReason.status == 64)
        #expect(noReason.stderr.hasPrefix("Error: --reason is required: say why the scorers settled on this answer\n"))
        let nobody = try f.run("reconcile", "2026-003")
        #expect(nobody.status == 65)
        #expect(nobody.stderr.hasPrefix("regards: error: visit 2026-003: its evaluation grid is scored by nobody; double scoring needs two scorers"))
        try f.run("answer", "2026-003", "AC-10", "2", "--scorer", "inspectrice-a")
        try f.run("answer", "2026-003", "AC-11", "2", "--scorer", "inspectrice-a")
        try f.run("answer", "2026-003", "AC-10", "3", "--scorer", "inspectrice-c")
        let one = try f.run("reconcile", "2026-003", "AC-11", "2", "--reason", "x")
        #expect(one.status == 65)
        #expect(one.stderr == "regards: error: visit 2026-003: AC-11 was scored by inspectrice-a only, not by inspectrice-c; every scorer (inspectrice-a, inspectrice-c) answers it before it is reconciled\n")
        #expect(try f.run("reconcile", "2026-003", "AC-10", "3", "--reason", "x").status == 0)
    }

    @Test func aScorersCommentIsScannedForPersonalDataAndRedacted() throws {
        let f = Field()
        try f.newVisit()
        try f.run("answer", "2026-001", "AC-10", "2", "--scorer", "inspecteur-b", "--comment", "R07 joignable au 06 12 34 56 78", inspector: "inspecteur-b")
        let scan = try f.run("privacy", "scan", "2026-001")
        #expect(scan.status == 1, "an unreviewed finding, even in a scoring")
        #expect(scan.stdout.contains("numéro de téléphone — AC-10, commentaire (") && scan.stdout.contains(", inspecteur-b, évaluation indépendante de inspecteur-b)"))
        let id = try #require(scan.lines.first?.split(separator: " ").first.map(String.init))
        #expect(try f.run("privacy", "review", "2026-001", id, "--redact", "--reason", "numéro personnel").stdout.contains("in 1 field(s)"))
        let grid = f.directory.appendingPathComponent("b.xlsx").path
        #expect(try f.run("sheet", "2026-001", "--xlsx", grid, "--scorer", "inspecteur-b").status == 0)
        #expect(try WorkbookParts.read(grid).values.contains { $0.contains("R07 joignable au [masqué]") })
        for suffix in ["", "-wal", "-shm"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: f.db + suffix))) ?? Data()
            #expect(bytes.range(of: Data("06 12 34 56 78".utf8)) == nil, "found in regards.sqlite\(suffix)")
        }
    }

    /// A visit pinned to an evaluation protocol that compares with no control grid.
    @Test func aSecondScoringNeedsTheGridItScores() throws {
        let f = Field()
        let source = try String(contentsOf: Run.root.appendingPathComponent("Protocols/chrs-acces-aux-droits-2.0.0.yaml"), encoding: .utf8)
        var lines: [Substring] = [], skip: Int?
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            if let s = skip, line.trimmingCharacters(in: .whitespaces).isEmpty || indent > s { continue }
            skip = nil
            if line.hasPrefix("compares_with:") { continue }
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("maps_to:") { skip = indent; continue }
            lines.append(line.hasPrefix("id: ") ? "id: chrs-sans-controle" : line)
        }
        let file = try f.write("sans-controle.yaml", lines.joined(separator: "\n"))
        let new = try f.run("visit", "new", "--establishment", "CHRS X", "--finess", "750712184", "--start", "2026-11-20", "--evaluation", file, "--context", "hebergement=collectif")
        #expect(new.status == 0, "\(new.stderr)")
        let message = "regards: error: visit 2026-001 has no control grid (it was started with chrs-sans-controle@2.0.0 only): there is nothing for inspecteur-b to score\n"
        for arguments in [["answer", "2026-001", "CTL-AU-01", "conforme", "--grid", "control"], ["fill", "2026-001", "--grid", "control"],
                          ["sheet", "2026-001", "--grid", "control", "--xlsx", f.directory.appendingPathComponent("x.xlsx").path]] {
            let run = try f.run(arguments + ["--scorer", "inspecteur-b"])
            #expect(run.status == 65 && run.stderr == message, "\(arguments[0]): \(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: f.directory.appendingPathComponent("x.xlsx").path))
        #expect(try f.run("agreement", "2026-001", "--grid", "control").stderr == "regards: error: visit 2026-001 has no control grid (it was started with chrs-sans-controle@2.0.0 only)\n")
    }
}

/// `regards agreement` on the demo.
@Suite struct AgreementCommandTests {
    static let overall = "  ensemble de la grille  accord 74 % sur 58 · kappa 0,85 [0,78 ; 0,93] · alpha 0,86 · (retenu : alpha) · 4 hors échelle, 0 sans réponse"

    @Test func measuresAVisitAndACampaign() throws {
        let (f, _) = try Demo.copy()
        let visit = try f.run("agreement", "2026-001")
        #expect(visit.status == 0, "\(visit.stderr)")
        #expect(visit.lines.first == "Accord inter-évaluateurs — visite 2026-001, chrs-acces-aux-droits@2.0.0 : 1 visite double-évaluée (2026-001), 2 évaluateurs par visite")
        #expect(visit.lines.contains(Self.overall))
        #expect(visit.lines.contains("  AC-07                  inspecteur-b nc / inspectrice-a 3 · rien à comparer"))

        let campaign = try f.run("agreement", "--campaign", "demo-occitanie-2026")
        #expect(campaign.status == 0, "\(campaign.stderr)")
        #expect(campaign.lines.first?.hasSuffix("2 visites double-évaluées (2026-001, 2026-002), 2 évaluateurs par visite") == true)
        #expect(campaign.lines.contains { $0.hasPrefix("  ensemble de la grille  accord 74 % sur 114 · kappa 0,85 [0,80 ; 0,90]") })

        let csv = try f.run("agreement", "--campaign", "demo-occitanie-2026", "--format", "csv")
        #expect(csv.lines.first == "version,level,id,title,scale,answers,items,off_scale,unanswered,compared,observed,kappa,kappa_low,kappa_high,alpha,retained,note")
        #expect(csv.lines.contains { $0.hasPrefix("2.0.0,grille,,Ensemble de la grille,qualite,,122,8,0,114,0.7368,") })
    }

    /// Ten generated visits, two scorers with noise, « non concerné » and unanswered criteria: the
    /// whole grid's figures as `agreement --campaign` reports them (rounded to 4 decimals) are those
    /// of scikit-learn and krippendorff on the same answers (Tests/Support/agreement_of_scorings.py);
    /// the criterion review of the same campaign counts what was generated.
    @Test(.enabled(if: Clients.agreementReference || Clients.required, "python3 with scikit-learn and krippendorff is not installed"))
    func aGeneratedCampaignMatchesTheReferenceImplementationsAndIsReviewed() throws {
        let python = try #require(Clients.agreementReference ? Clients.python : nil,
                                  "scikit-learn, statsmodels and krippendorff are required (REGARDS_REQUIRE_CLIENTS=1); run `make setup-tests`")
        let f = Field()
        // The criteria that apply to the demo's 2026-004, with its context.
        let demo = try String(contentsOf: Run.root.appendingPathComponent("Templates/demo/2026-004/evaluation.csv"), encoding: .utf8)
        let criteria = demo.split(separator: "\n").dropFirst().map { String($0.prefix { $0 != "," }) }
        let imperative: Set<String> = ["DI-01", "DI-02", "DI-03", "DI-04", "DI-05", "DI-06", "DI-07", "DI-13", "DI-14", "DI-15"]
        var rng = SeededGenerator(seed: 20_261_202)
        var items: [[String]] = []
        for v in 1...10 {
            let id = String(format: "2026-%03d", v)
            let new = try f.run("visit", "new", "--id", id, "--establishment", "CHRS généré \(v) (fictif)", "--finess", "750712184", "--start", "2026-11-20",
                                "--campaign", "generee", "--context", "public=tout-public", "--context", "hebergement=diffus",
                                "--context", "duree-sejour-prevue-superieure-2-mois=oui", "--context", "ateliers-vie-active=oui", "--context", "delai-dalo-mois=3",
                                "--protocols", Run.root.appendingPathComponent("Protocols").path)
            try #require(new.status == 0, "\(new.stderr)")
            var first = "criterion,value\n", second = "criterion,value\n"
            for criterion in criteria {
                let truth = Int.random(in: 1...4, using: &rng)
                let a: String? = Int.random(in: 0..<10, using: &rng) == 0 ? nil : String(truth)
                let b = !imperative.contains(criterion) && Int.random(in: 0..<12, using: &rng) == 0
                    ? "nc" : String(min(4, max(1, truth + [-1, 0, 0, 0, 1][Int.random(in: 0..<5, using: &rng)])))
                if let a { first += "\(criterion),\(a)\n" }
                second += "\(criterion),\(b)\n"
                items.append([a ?? "", b])
            }
            for (scorer, text) in [("s1", first), ("s2", second)] {
                let run = try f.run("answer", id, "--from", try f.write("\(id)-\(scorer).csv", text), "--scorer", scorer)
                try #require(run.status == 0, "\(run.stderr)")
            }
        }
        let json = try f.run("agreement", "--campaign", "generee", "--format", "json")
        try #require(json.status == 0, "\(json.stderr)")
        let report = try JSONDecoder().decode(ReportJSON.self, from: Data(json.stdout.utf8))
        let overall = try #require(report.sheets.first?.rows.first { if case .text("grille")? = $0["level"] { true } else { false } })
        func figure(_ key: String) -> Double? { if case .number(let n)? = overall[key] { n } else { nil } }

        let input = f.directory.appendingPathComponent("items.json")
        let encoded = items.map { pair in "[" + pair.map { Int($0).map(String.init) ?? ($0.isEmpty ? "null" : "\"\($0)\"") }.joined(separator: ", ") + "]" }
        try Data("{\"scale\": [1, 2, 3, 4], \"items\": [\(encoded.joined(separator: ", "))]}".utf8).write(to: input)
        let reference = try Clients.run(python, [Run.root.appendingPathComponent("Tests/Support/agreement_of_scorings.py").path, input.path])
        try #require(reference.status == 0, "\(reference.stderr)")
        let expected = try JSONDecoder().decode([String: Double].self, from: Data(reference.stdout.utf8))
        #expect(figure("items") == Double(items.count) && figure("compared") == expected["compared"])
        #expect(figure("off_scale") == Double(items.count { $0[1] == "nc" }) && figure("unanswered") == Double(items.count { $0[0].isEmpty }))
        for key in ["observed", "kappa", "alpha"] {
            let (reported, wanted) = (try #require(figure(key)), try #require(expected[key]))
            #expect(abs(reported - wanted) <= 0.00005 + 1e-12, "\(key): \(reported) reported, \(wanted) by the reference")
        }

        // The same generated campaign through the criterion review: the second scorer's answers
        // recorded as the visits' own, each criterion's counts are those of the answers generated.
        for v in 1...10 {
            let id = String(format: "2026-%03d", v)
            try #require(try f.run("answer", id, "--from", f.directory.appendingPathComponent("\(id)-s2.csv").path).status == 0)
        }
        let review = try f.run("protocol", "review", "chrs-acces-aux-droits", "--campaign", "generee", "--format", "json")
        try #require(review.status == 0, "\(review.stderr)")
        let sheet = try #require(try JSONDecoder().decode(ReportJSON.self, from: Data(review.stdout.utf8)).sheets.first { $0.name == "Critères" })
        func count(_ row: [String: ReportJSON.Value], _ key: String) -> Int? { if case .number(let n)? = row[key] { Int(n) } else { nil } }
        for (i, criterion) in criteria.enumerated() {
            let given = (0..<10).map { items[$0 * criteria.count + i][1] }
            let row = try #require(sheet.rows.first { if case .text(criterion)? = $0["criterion"] { true } else { false } })
            #expect(count(row, "visits") == 10 && count(row, "applies") == 10 && count(row, "unanswered") == 0, "\(criterion)")
            #expect(count(row, "not_applicable") == given.count { $0 == "nc" } && count(row, "scored") == given.count { $0 != "nc" }, "\(criterion)")
            for level in 1...4 { #expect((count(row, "level_\(level)") ?? 0) == given.count { $0 == String(level) }, "\(criterion) level \(level)") }
        }
    }

    @Test func writesTheWorkbookAClientReadsBack() throws {
        let (f, _) = try Demo.copy()
        let xlsx = f.directory.appendingPathComponent("accord.xlsx").path
        let run = try f.run("agreement", "--campaign", "demo-occitanie-2026", "--xlsx", xlsx)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "\(xlsx)\n" && run.stderr == "1 sheet: Accord\n")
        guard let book = try ClientBook.openpyxl(xlsx) else { return }
        let json = try f.run("agreement", "--campaign", "demo-occitanie-2026", "--format", "json")
        try book.expectSame(try JSONDecoder().decode(ReportJSON.self, from: Data(json.stdout.utf8)))
    }

    @Test func badInput() throws {
        let (f, _) = try Demo.copy()
        let single = try f.run("agreement", "2026-003")
        #expect(single.status == 65)
        #expect(single.stderr.hasPrefix("regards: error: visit 2026-003: its evaluation grid is scored by nobody; double scoring needs two scorers"))
        let control = try f.run("agreement", "--campaign", "demo-occitanie-2026", "--grid", "control")
        #expect(control.status == 65)
        #expect(control.stderr.hasPrefix("regards: error: campaign `demo-occitanie-2026` has no visit double-scored on the control grid; agreement over a campaign needs at least two"))
        let fewer = try f.run("agreement", "--campaign", "demo-occitanie-2027")
        #expect(fewer.status == 65)
        #expect(fewer.stderr.hasPrefix("regards: error: campaign `demo-occitanie-2027` has no visit double-scored on the evaluation grid"))
        #expect(try f.run("agreement", "--campaign", "bretagne").status == 66)
        #expect(try f.run("agreement").status == 64)
        #expect(try f.run("agreement", "2026-001", "--campaign", "demo-occitanie-2026").status == 64)
        #expect(try f.run("agreement", "2026-001", "--version", "2.0.0").status == 64)
    }

    @Test func aCampaignPinnedToTwoVersionsIsMeasuredVersionByVersion() throws {
        let (f, _) = try Demo.copy()
        for id in ["2026-098", "2026-099"] {
            let added = try f.run("visit", "new", "--id", id, "--establishment", "CHRS Ancien (fictif)", "--finess", "750712184", "--start", "2026-10-01",
                                  "--campaign", "demo-occitanie-2026", "--evaluation", "chrs-acces-aux-droits@1.0.0", "--context", "hebergement=collectif",
                                  "--protocols", Run.root.appendingPathComponent("Protocols").path)
            #expect(added.status == 0, "\(added.stderr)")
            for (criterion, a, b) in [("AC-01", "3", "3"), ("AC-02", "2", "3"), ("AC-03", "4", "4")] {
                try f.run("answer", id, criterion, a, "--scorer", "inspectrice-a")
                try f.run("answer", id, criterion, b, "--scorer", "inspecteur-d")
            }
        }
        let run = try f.run("agreement", "--campaign", "demo-occitanie-2026")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "the visits of `demo-occitanie-2026` are pinned to 2 versions of `chrs-acces-aux-droits`: chrs-acces-aux-droits@1.0.0 (2 visits), "
                + "chrs-acces-aux-droits@2.0.0 (2 visits); each version is measured on its own (--version V takes one)\n")
        #expect(run.lines.first?.hasPrefix("Accord inter-évaluateurs — campagne demo-occitanie-2026, chrs-acces-aux-droits@1.0.0 : 2 visites double-évaluées (2026-098, 2026-099)") == true)
        #expect(run.lines.contains { $0.hasPrefix("Accord inter-évaluateurs — campagne demo-occitanie-2026, chrs-acces-aux-droits@2.0.0 : 2 visites") })
        let xlsx = f.directory.appendingPathComponent("deux.xlsx").path
        #expect(try f.run("agreement", "--campaign", "demo-occitanie-2026", "--xlsx", xlsx).stderr.hasSuffix("2 sheets: Accord 1.0.0, Accord 2.0.0\n"))
        let one = try f.run("agreement", "--campaign", "demo-occitanie-2026", "--version", "1.0.0")
        #expect(one.status == 0 && one.stderr.isEmpty)
        #expect(!one.stdout.contains("@2.0.0"))
    }
}
