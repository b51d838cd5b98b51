import Foundation
import Testing
import RegardsTestSupport
import RegardsCore
import RegardsStore

/// The inspection's procedure from the command line, on a copy of the demo: findings, measures,
/// the provisional report, the organisation's answer, the definitive report and the follow-up —
/// and each bad input of the issue refused with its exact message, its exit code, nothing written.
@Suite struct ProcedureCommandTests {
    /// The procedure events of visit 2026-001, read from the file.
    func events(_ db: String, _ visit: String = "2026-004") throws -> Int { try SQLiteWorkspace(path: db, create: false).procedureEvents(visit: visit).count }

    /// A bad input: its exit code and exact stderr, stdout empty, no event written.
    func refused(_ f: Field, _ db: String, _ arguments: [String], _ status: Int32, _ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let before = try events(db)
        let run = try Run(arguments + ["--db", db, "--inspector", "inspectrice-a"], in: f.directory)
        #expect(run.status == status, "\(arguments): \(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr == "regards: error: \(message)\n", sourceLocation: sourceLocation)
        #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
        #expect(try events(db) == before, "\(arguments) wrote something", sourceLocation: sourceLocation)
    }

    func ok(_ f: Field, _ arguments: String...) throws -> Run {
        let run = try f.run(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return run
    }

    @Test func aVisitGoesThroughTheWholeProcedure() throws {
        let (f, db) = try Demo.copy()
        let v = "2026-004"
        // Proposals record nothing until accepted.
        let proposals = try ok(f, "finding", "suggest", v)
        #expect(proposals.stdout.contains("CTL-DU-08  écart"))
        #expect(try events(db) == 0)
        // Recorded in grid order: CTL-AU-04 is E1, CTL-AU-07 R1, CTL-DU-08 E2.
        #expect(try ok(f, "finding", "suggest", v, "--accept", "CTL-DU-08,CTL-AU-04,CTL-AU-07").lines.filter { !$0.hasPrefix(" ") }.map { String($0.prefix(3)) }
            == ["E1 ", "R1 ", "E2 "])
        #expect(try ok(f, "finding", "add", v, "--kind", "bonne-pratique", "--fact", "Les personnes accueillies animent la commission des menus.", "--evidence", "#2")
            .stdout.hasPrefix("BP1  bonne pratique"))

        // Bad findings and measures.
        try refused(f, db, ["finding", "add", v, "--kind", "ecart", "--fact", "Un constat sans texte."], 64,
                    "an écart cites the text it breaches: give --criterion (a control item) or --reference")
        try refused(f, db, ["finding", "add", v, "--kind", "remarque", "--fact", "x", "--evidence", "#999"], 64,
                    "evidence `#999`: visit \(v) has \(try observationCount(f, v)) observation(s) (regards observation list \(v))")
        try refused(f, db, ["measure", "add", v, "--kind", "prescription", "--text", "Conclure le CPOM.", "--due", "2027-06-30"], 64,
                    "a measure answers at least one finding: give --findings E1,R2")
        try refused(f, db, ["measure", "add", v, "--kind", "prescription", "--text", "Conclure le CPOM.", "--findings", "E1"], 64,
                    "a measure needs a deadline: give --due YYYY-MM-DD or --within \"3 mois\" (counted from the decision)")
        try refused(f, db, ["measure", "add", v, "--kind", "prescription", "--text", "Conclure le CPOM.", "--findings", "E1", "--due", "2026-01-15"], 64,
                    "--due 2026-01-15 is before the visit (2026-12-08)")
        try refused(f, db, ["measure", "add", v, "--kind", "prescription", "--text", "Sécuriser.", "--findings", "R1", "--due", "2027-06-30"], 64,
                    "a prescription answers an écart (R1 is a remarque); a remarque leads to a recommandation")
        try refused(f, db, ["measure", "add", v, "--kind", "recommandation", "--text", "Valoriser.", "--findings", "BP1", "--due", "2027-06-30"], 64,
                    "BP1 is a good practice: no measure answers it")
        try refused(f, db, ["measure", "add", v, "--kind", "prescription", "--text", "x", "--findings", "E9", "--due", "2027-06-30"], 66,
                    "no finding `E9` in visit \(v); did you mean `E1`?")

        _ = try ok(f, "measure", "add", v, "--kind", "prescription", "--text", "Ouvrir les ateliers d'adaptation à la vie active.", "--findings", "E1", "--within", "6 mois")
        // An écart without a measure blocks the provisional report, and says which.
        let blocked = try f.run("visit", "advance", v)
        #expect(blocked.status == 1)
        #expect(blocked.stdout.contains("✘ chaque écart a une mesure, chaque mesure un constat et une échéance — écarts sans mesure : E2"))
        _ = try ok(f, "measure", "add", v, "--kind", "prescription", "--text", "Remettre le contrat dans les quinze jours.", "--findings", "E2", "--due", "2027-03-31")
        _ = try ok(f, "measure", "add", v, "--kind", "recommandation", "--text", "Sécuriser le circuit du médicament.", "--findings", "R1", "--within", "3 mois")
        // Before the provisional report, a dropped finding gives its number up.
        _ = try ok(f, "finding", "add", v, "--kind", "remarque", "--fact", "Un constat retiré ensuite.")
        _ = try ok(f, "finding", "drop", v, "R2")
        try refused(f, db, ["measure", "answer", v, "M1", "--position", "accepted"], 65,
                    "the provisional report of visit \(v) is not issued yet: the organisation answers it (regards visit advance \(v))")

        #expect(try ok(f, "visit", "advance", v, "--on", "2026-12-10").stdout == "Visit \(v): Restitution → Rapport provisoire\n")
        // Numbers are frozen: a finding added now takes the next number; one dropped keeps its own.
        _ = try ok(f, "finding", "add", v, "--kind", "remarque", "--fact", "Un constat ajouté après le rapport provisoire.")
        try refused(f, db, ["finding", "drop", v, "R2"], 64, "the provisional report was issued on 2026-12-10: a change to it gives its reason (--reason)")
        _ = try ok(f, "finding", "drop", v, "R2", "--reason", "Fait non établi.")
        let listed = try ok(f, "finding", "list", v).lines.filter { !$0.hasPrefix(" ") }.map { $0.components(separatedBy: "  ")[0] }
        #expect(listed == ["E1", "E2", "R1", "R2 (retiré)", "BP1", "— (retiré)"])
        try refused(f, db, ["measure", "answer", v, "M7", "--position", "accepted"], 66, "no measure `M7` in visit \(v); did you mean `M1`?")
        try refused(f, db, ["measure", "answer", v, "M1", "--position", "contested"], 64,
                    "a contested measure comes with the organisation's arguments: give --arguments")
        _ = try ok(f, "measure", "answer", v, "M1", "--position", "contested", "--arguments", "Négociation engagée, signature prévue en 2027.", "--received", "2026-12-20")
        _ = try ok(f, "measure", "answer", v, "M2", "--position", "accepted", "--plan", "Procédure d'admission revue.", "--received", "2026-12-20")
        let waiting = try f.run("visit", "advance", v)
        #expect(waiting.status == 1 && waiting.stdout.contains("sans réponse : M3 ; délai de réponse jusqu'au 2027-01-10"))
        _ = try ok(f, "measure", "answer", v, "M3", "--position", "accepted", "--received", "2026-12-21")
        _ = try ok(f, "visit", "advance", v)
        let contested = try f.run("visit", "advance", v)
        #expect(contested.status == 1 && contested.stdout.contains("contestées sans réponse des inspecteurs : M1"))
        try refused(f, db, ["measure", "respond", v, "M2", "--decision", "kept", "--reason", "x"], 65,
                    "M2 is not contested: only a contested measure needs the inspectors' response")
        _ = try ok(f, "measure", "respond", v, "M1", "--decision", "changed", "--reason", "Négociation prise en compte.", "--within", "12 mois")
        try refused(f, db, ["measure", "follow", v, "M2", "--status", "lifted"], 65,
                    "the decision of visit \(v) is not issued yet: measures are followed up after the definitive report")
        #expect(try ok(f, "visit", "advance", v, "--on", "2027-01-15").stdout.contains("→ Rapport définitif et décision"))

        // After the decision: the findings are final, the periods run from it.
        try refused(f, db, ["finding", "edit", v, "E1", "--fact", "Autre texte.", "--reason", "y"], 65,
                    "the definitive report of visit \(v) was issued on 2027-01-15: its findings are final")
        try refused(f, db, ["measure", "add", v, "--kind", "prescription", "--text", "x", "--findings", "E1", "--due", "2027-06-30"], 65,
                    "the definitive report of visit \(v) was issued on 2027-01-15: its measures are final; record their follow-up (regards measure follow)")
        _ = try ok(f, "measure", "follow", v, "M2", "--status", "lifted", "--on", "2027-03-20", "--evidence", "Contrats de janvier à mars 2027")
        let status = try ok(f, "measure", "status", v, "--format", "csv").lines
        #expect(status[0] == "measure,kind,findings,text,due,deadline,status,answer,response,followed_on,follow_up_evidence")
        #expect(status.dropFirst().map { $0.components(separatedBy: ",")[0] } == ["M3", "M1", "M2"])
        #expect(status.contains { $0.hasPrefix("M1,prescription,E1,Ouvrir les ateliers d'adaptation à la vie active.,2028-01-15,12 mois après la décision,") })
        _ = try ok(f, "visit", "advance", v)
        let open = try f.run("visit", "advance", v)
        #expect(open.status == 1 && open.stdout.contains("mesures à suivre : M1, M3"))
        _ = try ok(f, "measure", "follow", v, "M1", "--status", "lifted", "--on", "2027-09-01")
        _ = try ok(f, "measure", "follow", v, "M3", "--status", "not-lifted", "--on", "2027-09-01", "--note", "Boîte toujours ouverte.")
        #expect(try ok(f, "visit", "advance", v).stdout.contains("→ Clôture"))

        // Each report says what it said the day it was issued.
        let provisional = try ok(f, "report", v, "--document", "rapport-provisoire").stdout
        #expect(provisional.contains("Rapport provisoire du 2026-12-10 · réponse de l'organisme gestionnaire attendue au plus tard le 2027-01-10"))
        #expect(provisional.contains("| M1 | prescription | E1 | Ouvrir les ateliers d'adaptation à la vie active. | 6 mois après la décision |"))
        #expect(!provisional.contains("PROJET") && !provisional.contains("&#39;") && !provisional.contains("ajouté après le rapport provisoire"))
        let letter = try ok(f, "report", v, "--document", "lettre").stdout
        #expect(letter.contains("- **M2** (prescription, constats E2) : Remettre le contrat dans les quinze jours. — échéance : 2027-03-31."))
        let definitive = try ok(f, "report", v, "--document", "rapport-definitif", "--format", "html").stdout
        #expect(definitive.contains("<tr><td>M1</td><td>prescription</td><td>E1</td><td>Ouvrir les ateliers d&#39;adaptation à la vie active.</td><td>2028-01-15</td></tr>"))
        #expect(definitive.contains("mesure modifiée — Négociation prise en compte.") && definitive.contains("@page { size: A4"))
        #expect(definitive.contains("Constats retirés : R2"))

        // The audit trail shows every change, the reports and the reasons; the status counts.
        let log = try ok(f, "visit", "log", v).stdout
        #expect(log.contains("inspectrice-a  rapport provisoire du 2026-12-10") && log.contains("rapport définitif et décision du 2027-01-15"))
        #expect(log.contains("constat R2 (remarque) retiré : Un constat ajouté après le rapport provisoire.  motif : Fait non établi."))
        #expect(log.contains("mesure M1 : réponse des inspecteurs, modifiée  motif : Négociation prise en compte."))
        #expect(try ok(f, "visit", "status", v).stdout.contains("Constats : 2 écart(s), 1 remarque(s), 1 bonne pratique(s) ; mesures : 3 — "))

        // The history keeps every version; a bundle carries it to another workspace.
        let bundle = f.directory.appendingPathComponent("v.json").path
        _ = try ok(f, "visit", "export", v, "--out", bundle)
        let other = Field()
        _ = try other.run("visit", "import", bundle)
        #expect(try SQLiteWorkspace(path: other.db, create: false).procedureEvents(visit: v).count == (try events(db)))
        #expect(try other.run("measure", "status", v, "--format", "csv").stdout == (try f.run("measure", "status", v, "--format", "csv").stdout))
    }

    @Test func documentsOfADraftAndTheirOfficeFormats() throws {
        let (f, db) = try Demo.copy()
        _ = db
        let v = "2026-002"
        _ = try ok(f, "finding", "suggest", v, "--accept", "all")
        let draft = try ok(f, "report", v, "--document", "rapport-provisoire").stdout
        #expect(draft.contains("**PROJET — ce rapport n'est pas encore émis.**"))
        let missing = try Run(["report", v, "--document", "lettre", "--format", "pdf", "--out", "l.pdf", "--db", f.db], in: f.directory,
                              environment: ["REGARDS_SOFFICE": "/nonexistent/soffice"])
        #expect(missing.status == 74)
        #expect(missing.stderr == "regards: error: --format pdf needs LibreOffice (soffice), which is not installed; install libreoffice-writer, or write --format html and print it; nothing was written\n")
        #expect(!FileManager.default.fileExists(atPath: f.directory.appendingPathComponent("l.pdf").path))
        // A finding that names a person stops every document until it is reviewed.
        _ = try ok(f, "finding", "add", v, "--kind", "remarque", "--fact", "Mme Dupont attend son contrat depuis le 12/03/2026, tél. 06 12 34 56 78.")
        let refused = try f.run("report", v, "--document", "rapport-provisoire")
        #expect(refused.status == 65 && refused.stdout.isEmpty)
        #expect(refused.stderr.hasPrefix("regards: error: report refused: 1 personal-data finding(s) not reviewed: \(v)/") && refused.stderr.contains("(numéro de téléphone)"))
        guard Clients.soffice != nil || Clients.required else { return }
        try #require(Clients.soffice != nil, "LibreOffice is required (REGARDS_REQUIRE_CLIENTS=1) but soffice is not on the PATH; run `make setup-tests`")
        for format in ["pdf", "odt", "docx"] {
            let out = f.directory.appendingPathComponent("rapport.\(format)").path
            let run = try f.run("report", v, "--document", "rapport-provisoire", "--format", format, "--out", out, "--allow-personal-data")
            #expect(run.status == 0, "\(format): \(run.stderr)")
            let data = FileManager.default.contents(atPath: out) ?? Data()
            #expect(data.starts(with: format == "pdf" ? Data("%PDF".utf8) : Data("PK".utf8)), "\(format) is not what it says")
        }
        let text = try Clients.run("/usr/bin/pdftotext", [f.directory.appendingPathComponent("rapport.pdf").path, "-"])
        #expect(text.stdout.contains("Rapport d’inspection provisoire") || text.stdout.contains("Rapport d'inspection provisoire"))
        #expect(text.stdout.contains("E1"))
    }

    @Test func theFollowUpWorkbookAndTheFollowUpVisit() throws {
        let (f, db) = try Demo.copy()
        let v = "2026-005"
        _ = db
        _ = try ok(f, "finding", "suggest", v, "--accept", "CTL-DU-11,CTL-AU-07")
        _ = try ok(f, "measure", "add", v, "--kind", "prescription", "--text", "Écrire un avenant pour chaque personne.", "--findings", "E1", "--due", "2027-06-30")
        _ = try ok(f, "measure", "add", v, "--kind", "recommandation", "--text", "Suivre les indicateurs du CPOM.", "--findings", "R1", "--within", "3 mois")
        // The tableau de suivi: the organisation's three columns are the only ones unlocked, the stamps name the measures.
        let xlsx = f.directory.appendingPathComponent("suivi.xlsx").path
        #expect(try ok(f, "measure", "sheet", v, "--xlsx", xlsx).stdout == xlsx + "\n")
        if Clients.openpyxl || Clients.required {
            try #require(Clients.openpyxl, "openpyxl is required (REGARDS_REQUIRE_CLIENTS=1); run `make setup-tests`")
            let script = """
            import openpyxl, sys
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb["Tableau de suivi"]
            header = [c.row for c in ws["A"] if c.value == "Mesure"][0]
            print(ws.protection.sheet, wb["Regards"].sheet_state)
            for row in ws.iter_rows(min_row=header + 1):
                print(row[0].value, [c.column_letter for c in row if not c.protection.locked])
            print(dict((r[0].value, r[1].value) for r in wb["Regards"].iter_rows(min_row=2))["document"])
            """
            let run = try Clients.run(Clients.which("python3")!, ["-c", script, xlsx])
            #expect(run.stdout == "True hidden\nM1 ['G', 'H', 'I']\nM2 ['G', 'H', 'I']\ntableau-de-suivi\n", "\(run.stderr)")
        }
        let visitsBefore = try f.run("visit", "list", "--format", "csv").lines.count
        try refused(f, db, ["visit", "new", "--follows", v, "--finess", "340519370"], 65,
                    "--follows \(v): visit \(v) is of another establishment (FINESS 660281544, not 340519370); a follow-up visit is of the same one")
        #expect(try f.run("visit", "list", "--format", "csv").lines.count == visitsBefore)
        let created = try ok(f, "visit", "new", "--follows", v, "--start", "2027-11-16")
        // The demo already has a 2027-001 (its own follow-up visit): this one is 2027-002.
        #expect(created.stdout == "2027-002\n")
        #expect(created.stderr.hasPrefix("visit 2027-002 follows 2026-005: 5 open action(s) carried, 2 measure(s) to check"))
        #expect(try ok(f, "action", "list", "2027-002").stdout.hasPrefix("#1  [in-progress]  [2026-005 #1] "))
        let status = try ok(f, "measure", "status", "2027-002").stdout
        #expect(status.contains("Mesures de la visite suivie 2026-005") && status.contains("  M1  envisagée  échéance 2027-06-30  prescription  Écrire un avenant pour chaque personne."))
        let evolution = try ok(f, "compare", "2027-002", "--since", v).stdout
        #expect(evolution.hasPrefix("# Évolution — visite 2027-002 depuis 2026-005") && evolution.contains("| M1 | prescription | Écrire un avenant pour chaque personne. | 2027-06-30 | envisagée |"))
        let other = try f.run("compare", "2027-002", "--since", "2026-002")
        #expect(other.status == 65 && other.stderr == "regards: error: --since 2026-002: visit 2026-002 is of another establishment (FINESS 340519370, not 660281544); the evolution compares two visits of the same one\n")
    }

    func observationCount(_ f: Field, _ visit: String) throws -> Int {
        try f.run("observation", "list", visit, "--format", "json").stdout.components(separatedBy: "\"uid\"").count - 1
    }
}
