import Foundation
import Testing
import RegardsStore
import RegardsTestSupport
@testable import RegardsCLI

/// A workspace in a temporary folder, and `regards` run against it.
final class Field {
    let directory = temporaryDirectory()
    var db: String { directory.appendingPathComponent("regards.sqlite").path }

    deinit { try? FileManager.default.removeItem(at: directory) }

    @discardableResult
    func run(_ arguments: String..., stdin: String? = nil, inspector: String = "inspectrice-a") throws -> Run {
        try run(arguments, stdin: stdin, inspector: inspector)
    }

    @discardableResult
    func run(_ arguments: [String], stdin: String? = nil, inspector: String = "inspectrice-a") throws -> Run {
        try Run(arguments + ["--db", db, "--inspector", inspector], in: directory, stdin: stdin)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func newVisit() throws {
        let run = try self.run("visit", "new", "--establishment", "CHRS Les Tilleuls", "--finess", "750712184", "--start", "2026-11-20",
                               "--campaign", "occitanie-2026", "--context", "hebergement=collectif", "--protocols", Run.root.appendingPathComponent("Protocols").path)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "2026-001\n")
    }

    func historyCount() throws -> Int {
        try run("visit", "log", "2026-001").lines.filter { $0.contains("  →") || $0.contains(" → ") }.filter { !$0.contains(" phase ") }.count
    }
}

@Suite struct VisitCommandTests {
    @Test func newVisitIsPinnedAndTheFileOwnerOnly() throws {
        let f = Field()
        try f.newVisit()
        let mode = try FileManager.default.attributesOfItem(atPath: f.db)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
        let show = try f.run("visit", "show", "2026-001", "--format", "json")
        #expect(show.stdout.contains("\"establishment\" : \"CHRS Les Tilleuls\""))
        #expect(show.stdout.contains("\"id\" : \"chrs-acces-aux-droits\""))
        #expect(try f.run("visit", "new", "--establishment", "X", "--finess", "750712185").stderr
            == "regards: error: --finess: the check key of `750712185` is wrong: the last digit should be 4 (Luhn)\n")
        #expect(try f.run("visit", "new", "--establishment", "X", "--finess", "75071218A").status == 65)
        #expect(try f.run("visit", "new", "--establishment", "X", "--finess", "750712184", "--start", "31/12/2026").stderr
            == "regards: error: --start: `31/12/2026` is not a date in the YYYY-MM-DD form; did you mean `2026-12-31`?\n")
        #expect(try f.run("visit", "new", "--establishment", "X", "--finess", "750712184", "--start", "2026-02-30").status == 64)
        #expect(try f.run("visit", "new", "--establishment", "X", "--finess", "750712184", "--context", "hebergment=diffus").stderr.contains("did you mean `hebergement`?"))
        let second = try f.run("visit", "new", "--establishment", "CHRS B", "--finess", "310781406", "--start", "2026-12-01")
        #expect(second.stdout == "2026-002\n")
        #expect(try f.run("visit", "list", "--format", "csv").lines.count == 3)
        #expect(try f.run("visit", "list", "--campaign", "occitanie-2026").lines.count == 2)
    }

    @Test func answersAreCheckedAndKeptWithTheirHistory() throws {
        let f = Field()
        try f.newVisit()
        #expect(try f.run("answer", "2026-001", "AC-10", "3", "--comment", "=livret lu").stdout == "AC-10 = Plutôt satisfaisant\n")
        let bad = try f.run("answer", "2026-001", "AC-10", "5")
        #expect(bad.status == 65)
        #expect(bad.stderr.hasPrefix("regards: error: `5` is not an answer for AC-10; expected one of: 1 Pas du tout satisfaisant"))
        #expect(try f.run("answer", "2026-001", "DI-01", "nc").stderr == "regards: error: « non concerné » is never allowed on an imperative criterion (DI-01)\n")
        #expect(try f.run("answer", "2026-001", "VC-07", "2").stderr
            == "regards: error: VC-07 does not apply to this visit: its condition `hebergement in ['diffus', 'mixte']` is false (hebergement = collectif)\n")
        #expect(try f.run("answer", "2026-001", "AC-99", "2").status == 65)
        let again = try f.run("answer", "2026-001", "AC-10", "tout à fait satisfaisant", "--reason", "revu", inspector: "inspecteur-b")
        #expect(again.stdout == "AC-10 = Tout à fait satisfaisant (before: Plutôt satisfaisant)\n")
        let log = try f.run("visit", "log", "2026-001", "--criterion", "AC-10").lines
        #expect(log.count == 2)
        #expect(log[0].hasSuffix("inspectrice-a  AC-10  — → 3  « =livret lu »"))
        #expect(log[1].hasSuffix("inspecteur-b  AC-10  3 → 4  motif : revu"))
        let env = try Run(["answer", "2026-001", "AC-02", "2"], in: f.directory, environment: ["REGARDS_DB": f.db, "REGARDS_INSPECTOR": "par-env"])
        #expect(env.status == 0)
        #expect(try f.run("visit", "log", "2026-001", "--criterion", "AC-02").stdout.contains("par-env"))
    }

    @Test func batchIsAllOrNothingWithEveryBadRowListed() throws {
        let f = Field()
        try f.newVisit()
        let bad = try f.write("bad.csv", "criterion,value,comment,evidence\nAD-01,3,\"domiciliation faite, attestation remise\",dossier\nAD-03,9,,\n\"AD-12\",nc,\"deux\nlignes\",\nZZ-01,1,,\n")
        let refused = try f.run("answer", "2026-001", "--from", bad)
        #expect(refused.status == 65)
        #expect(refused.stderr.split(separator: "\n").map(String.init) == [
            "\(bad):3: error: `9` is not an answer for AD-03; expected one of: 1 Pas du tout satisfaisant, 2 Plutôt pas satisfaisant, 3 Plutôt satisfaisant, 4 Tout à fait satisfaisant, nc Non concerné",
            "\(bad):6: error: unknown criterion `ZZ-01`",
            "regards: error: \(bad): 2 bad row(s); nothing was written",
        ])
        #expect(try f.historyCount() == 0)
        let good = try f.write("good.csv", "criterion,value,comment,evidence\r\nAD-01,3,\"domiciliation faite, attestation remise\",dossier\r\n\"AD-12\",nc,\"deux\nlignes\",\r\nCTL-DU-01,conforme,,\r\n")
        #expect(try f.run("answer", "2026-001", "--from", good).stdout == "3 answer(s) recorded for visit 2026-001\n")
        #expect(try f.historyCount() == 3)
        let latin1 = f.directory.appendingPathComponent("latin1.csv")
        try Data([0x63, 0x72, 0x69, 0x74, 0x65, 0x72, 0x69, 0x6F, 0x6E, 0x2C, 0x76, 0x61, 0x6C, 0x75, 0x65, 0x0A, 0x41, 0x43, 0x2D, 0x30, 0x31, 0x2C, 0xE9, 0x0A]).write(to: latin1)
        #expect(try f.run("answer", "2026-001", "--from", latin1.path).stderr == "regards: error: \(latin1.path): not UTF-8 text; save the file as UTF-8 (CSV UTF-8 in a spreadsheet)\n")
    }

    @Test func fillWalksUnansweredCriteriaFromPipedInput() throws {
        let f = Field()
        try f.newVisit()
        try f.run("answer", "2026-001", "AC-02", "4")
        let run = try f.run("fill", "2026-001", "--section", "AC", stdin: "3\nbien accueilli\nlivret\n7\n2\n\n\ns\nb\n1\n\n\nq\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("[AC-10] (1/9)"))
        #expect(!run.stderr.contains("[AC-02]"))
        #expect(run.stderr.contains("✘ `7` is not an answer for AC-11"))
        #expect(run.stderr.contains("3 answer(s) saved."))
        let log = try f.run("visit", "log", "2026-001").lines
        #expect(log.count == 4)
        #expect(log[1].hasSuffix("AC-10  — → 3  « bien accueilli »  preuve : livret"))
        // Skipped AC-03 with `s`, then `b` from AC-04 went back to AC-03, answered 1.
        #expect(log.contains { $0.hasSuffix("AC-03  — → 1") })
        let ended = try f.run("fill", "2026-001", "--section", "AC", stdin: "2\n")
        #expect(ended.status == 66)
        #expect(ended.stderr.hasSuffix("regards: error: input ended before the grid was complete (1 answer(s) saved; run `regards fill 2026-001` again to go on)\n"))
    }

    @Test func observationsJourneysActionsAndPhases() throws {
        let f = Field()
        try f.newVisit()
        #expect(try f.run("visit", "advance", "2026-001").stdout == "Visit 2026-001: Préparation → Immersion\n")
        let blocked = try f.run("visit", "advance", "2026-001")
        #expect(blocked.status == 1)
        #expect(blocked.lines == [
            "Move to « Animation » blocked:",
            "  ✘ au moins 1 observation(s) « visite-guidee » — 0 sur 1 observation(s) « visite-guidee »",
            "  ✘ au moins 3 observation(s) « entretien » — 0 sur 3 observation(s) « entretien »",
            "  ✘ au moins 3 parcours de personnes accueillies — 0 sur 3 parcours",
        ])
        #expect(try f.run("observe", "2026-001", "--method", "visite-guidee", "--participant", "R07", "--role", "resident", "--criteria", "VC-03,VC-04",
                          "--text", "La cuisine ferme à 19 h.").status == 0)
        for (i, p) in ["R07", "R12", "S02"].enumerated() {
            #expect(try f.run("observe", "2026-001", "--method", "entretien", "--participant", p, stdin: "Note \(i)\n").status == 0)
        }
        #expect(try f.run("observe", "2026-001", "--method", "entretiens", "--text", "x").stderr.contains("did you mean `entretien`?"))
        #expect(try f.run("observe", "2026-001", "--method", "entretien", "--participant", "Jean Dupont", "--text", "x").status == 64)
        #expect(try f.run("observe", "2026-001", "--method", "entretien", "--participant", "Dupont", "--text", "x").status == 64)
        #expect(try f.run("journey", "add", "2026-001", "--resident", "Martin", "--step", "admission", "--date", "2026-03-02").status == 64)
        let listed = try f.run("observation", "list", "2026-001", "--criteria", "VC-04").lines
        #expect(listed.count == 2)
        #expect(listed.first?.hasSuffix("visite-guidee  R07 (resident)  → VC-03, VC-04") == true)
        #expect(listed.last == "    La cuisine ferme à 19 h.")
        for (resident, steps) in [("R07", [("admission", "2026-03-02"), ("contrat-remis", "2026-03-25"), ("contrat-signe", "2026-03-31")]),
                                  ("R12", [("admission", "2026-10-01")]), ("R20", [("admission", "2026-11-01")])] {
            for (step, date) in steps { #expect(try f.run("journey", "add", "2026-001", "--resident", resident, "--step", step, "--date", date).status == 0) }
        }
        let journeys = try f.run("journey", "show", "2026-001", "--resident", "R07").stdout
        #expect(journeys.contains("! contrat-remis                  fait 2026-03-25  échéance 2026-03-17  retard 8 j"))
        #expect(journeys.contains("✘ bilan                          fait —  échéance 2026-09-02  dépassé de 79 j"))
        #expect(try f.run("journey", "add", "2026-001", "--resident", "R07", "--step", "contrat", "--date", "2026-03-02").stderr.contains("is not a journey step"))
        #expect(try f.run("visit", "advance", "2026-001").stdout == "Visit 2026-001: Immersion → Animation\n")
        #expect(try f.run("action", "add", "2026-001", "--title", "Ouvrir la cuisine le soir", "--owner", "direction", "--due", "2027-03-01", "--criteria", "VC-04").stdout
            == "#1 Ouvrir la cuisine le soir\n")
        #expect(try f.run("action", "set", "2026-001", "#1", "--status", "in-progress").stdout == "#1 in-progress\n")
        #expect(try f.run("action", "list", "2026-001").stdout.hasPrefix("#1  [in-progress]  Ouvrir la cuisine le soir  — direction, échéance 2027-03-01  → VC-04"))
        let status = try f.run("visit", "status", "2026-001").stdout
        #expect(status.contains("Phase : Animation"))
        #expect(status.contains("Observations : 4 — visite-guidee 1, entretien 3"))
        #expect(status.contains("Parcours : 3 personne(s), 1 étape(s) en retard"))
        #expect(status.contains("Vers « Co-construction » : bloqué"))
        #expect(try f.run("visit", "log", "2026-001").lines.filter { $0.contains(" phase ") }.count == 2)
    }

    @Test func exportImportAndMerge() throws {
        let a = Field(), b = Field()
        try a.newVisit()
        try a.run("answer", "2026-001", "AC-10", "3")
        let bundle = a.directory.appendingPathComponent("visite.json").path
        #expect(try a.run("visit", "export", "2026-001", "--out", bundle).status == 0)
        #expect(try b.run("visit", "import", bundle).stdout.hasPrefix("visit 2026-001 imported: 1 answer event(s)"))
        try b.run("answer", "2026-001", "AC-10", "2", inspector: "inspecteur-b")
        try b.run("answer", "2026-001", "AC-02", "4", inspector: "inspecteur-b")
        try a.run("answer", "2026-001", "AC-10", "1")
        let back = b.directory.appendingPathComponent("retour.json").path
        #expect(try b.run("visit", "export", "2026-001", "--out", back).status == 0)
        let merged = try a.run("visit", "import", back)
        #expect(merged.status == 0)
        #expect(merged.lines.first == "visit 2026-001 merged: 2 new answer event(s), 0 observation(s), 0 journey entr(y/ies), 0 action(s), 0 phase change(s)")
        #expect(merged.lines.count == 2 && merged.lines[1].hasPrefix("conflict: AC-10: 1 here (inspectrice-a"))
        #expect(try a.run("visit", "import", back).stdout == "visit 2026-001: nothing new in \(back)\n")
        #expect(try a.historyCount() == 4)
        // Damaged bundles are refused, the workspace untouched.
        let text = try String(contentsOfFile: back, encoding: .utf8)
        let truncated = try a.write("t.json", String(text.prefix(200)))
        #expect(try a.run("visit", "import", truncated).stderr == "regards: error: \(truncated): not a JSON visit bundle (truncated or damaged JSON)\n")
        let tampered = try a.write("x.json", text.replacingOccurrences(of: "Grille", with: "Grile"))
        #expect(try a.run("visit", "import", tampered).stderr.contains("does not match its hash"))
        let newer = try a.write("n.json", text.replacingOccurrences(of: "\"schema_version\" : 1", with: "\"schema_version\" : 2"))
        #expect(try a.run("visit", "import", newer).status == 65)
        #expect(try a.historyCount() == 4)
    }
}

@Suite struct WorkspaceFaultTests {
    @Test func aFileThatIsNotAWorkspaceIsRefusedUntouched() throws {
        let f = Field()
        let path = try f.write("notes.txt", "des notes, pas une base\n")
        let run = try Run(["visit", "list", "--db", path], in: f.directory)
        #expect(run.status == 65)
        #expect(run.stderr == "regards: error: \(path) is not a SQLite database (nor a Regards workspace); nothing was changed\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "des notes, pas une base\n")
        #expect(try Run(["visit", "list", "--db", f.directory.appendingPathComponent("absent.sqlite").path], in: f.directory).status == 66)
    }

    /// Two processes answering into one workspace at once: every answer lands, no "database is locked".
    @Test func concurrentWritersAllLand() throws {
        let f = Field()
        try f.newVisit()
        let script = """
            for i in $(seq 1 40); do "$0" answer 2026-001 "$1" $(( (i % 4) + 1 )) --db "$2" --inspector "$3" || exit 1; done
            """
        let processes = ["AC-10", "AC-02"].map { criterion -> Process in
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", script, Run.binary.path, criterion, f.db, "writer-\(criterion)"]
            p.standardOutput = FileHandle.nullDevice
            return p
        }
        try processes.forEach { try $0.run() }
        processes.forEach { $0.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        #expect(try f.historyCount() == 80)
        #expect(try SQLiteWorkspace(path: f.db, create: false).integrityCheck() == ["ok"])
    }

    /// SIGKILL at seeded moments spread over a batch import's duration: the file stays sound and holds
    /// all of the batch or none of it. At least one kill must land while the import has the workspace open.
    @Test func killedBatchIsAllOrNothing() throws {
        let f = Field()
        try f.newVisit()
        let rows = ["AC-10", "AC-11"] + (2...9).map { "AC-0\($0)" } + [1, 2, 3, 5, 7, 8, 9].map { "AD-0\($0)" } + ["AD-10", "AD-12", "AD-13", "AD-15"]
            + [1, 2, 3, 5, 6, 7, 8, 9].map { "PP-0\($0)" }
        let csv = try f.write("batch.csv", "criterion,value,comment\n" + rows.map { "\($0),3,\"\(String(repeating: "observation détaillée ", count: 40))\"" }.joined(separator: "\n") + "\n")
        let command = ["answer", "2026-001", "--from", csv, "--db", f.db, "--inspector", "k"]
        let full = try duration(of: command)
        try #require(try f.historyCount() == rows.count, "the batch itself must import")
        var generator = SeededGenerator(seed: 2027)
        var expected = rows.count
        var moments: [KillMoment] = []
        for _ in 0..<12 {
            moments.append(try killed(command, after: full * (0.1 + 0.9 * Double(generator.next() % 1000) / 1000), watching: f.db))
            let count = try f.historyCount()
            #expect(count == expected || count == expected + rows.count, "partial batch: \(count - expected) rows")
            expected = count
            #expect(try SQLiteWorkspace(path: f.db, create: false).integrityCheck() == ["ok"])
        }
        #expect(moments.filter { $0 == .midWrite }.count > 0, "no kill landed while the import had the workspace open: \(moments)")
    }
}

@Suite struct ProtocolDriftTests {
    /// A protocol file edited without a new version after the visit started: said, and the visit keeps its snapshot.
    @Test func editedProtocolWithoutVersionBumpIsReported() throws {
        let f = Field()
        let folder = f.directory.appendingPathComponent("Protocols")
        try FileManager.default.copyItem(at: Run.root.appendingPathComponent("Protocols"), to: folder)
        #expect(try f.run("visit", "new", "--establishment", "CHRS", "--finess", "750712184", "--start", "2026-11-20", "--protocols", folder.path).status == 0)
        let file = folder.appendingPathComponent("chrs-acces-aux-droits-2.0.0.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "title: Accès aux droits en CHRS, du point de vue des personnes accueillies",
                                      with: "title: Accès aux droits en CHRS (titre modifié)").write(to: file, atomically: true, encoding: .utf8)
        let status = try f.run("visit", "status", "2026-001", "--protocols", folder.path)
        #expect(status.status == 0)
        #expect(status.stderr.contains("chrs-acces-aux-droits-2.0.0.yaml changed since visit 2026-001 started, without a new version of `chrs-acces-aux-droits@2.0.0`"))
        #expect(try f.run("visit", "status", "2026-001", "--protocols", Run.root.appendingPathComponent("Protocols").path).stderr.isEmpty)
    }
}

@Suite struct BatchFieldTests {
    @Test func observationsJourneysAndActionsFromFiles() throws {
        let f = Field()
        try f.newVisit()
        let observations = try f.write("o.csv", "method,participant,role,criteria,theme,date,text\nentretien,R07,resident,VC-03;VC-04,repas,2026-11-20,\"La cuisine ferme à 19 h, dit-il.\"\nvisite-guidee,R12,resident,,,,Visite de l'étage\n")
        #expect(try f.run("observe", "2026-001", "--from", observations).stdout == "2 observation(s) recorded for visit 2026-001\n")
        let journeys = try f.write("j.csv", "resident,step,date,note\nR07,admission,2026-03-02,\nR07,contrat-signe,,refus de signer\n")
        #expect(try f.run("journey", "add", "2026-001", "--from", journeys).stdout == "2 journey entr(y/ies) recorded for visit 2026-001\n")
        let actions = try f.write("a.csv", "title,owner,due,criteria,status\n\"Ouvrir la cuisine, le soir\",direction,2027-03-01,VC-04,in-progress\n")
        #expect(try f.run("action", "add", "2026-001", "--from", actions).stdout == "1 action(s) added to visit 2026-001\n")
        #expect(try f.run("action", "list", "2026-001").stdout.hasPrefix("#1  [in-progress]  Ouvrir la cuisine, le soir"))
        let bad = try f.write("bad.csv", "method,text,participant\nentretiens,x,R1\nentretien,,R2\nentretien,y,Dupont\n")
        let refused = try f.run("observe", "2026-001", "--from", bad)
        #expect(refused.status == 65)
        #expect(refused.stderr.split(separator: "\n").count == 4)
        #expect(try f.run("observation", "list", "2026-001", "--format", "json").stdout.components(separatedBy: "\"uid\"").count == 3)
    }

    @Test func campaignAnswerFileInOneTransaction() throws {
        let f = Field()
        try f.newVisit()
        #expect(try f.run("visit", "new", "--establishment", "CHRS B", "--finess", "310781406", "--start", "2026-12-01", "--campaign", "occitanie-2026").status == 0)
        let file = try f.write("campagne.csv", "visit,criterion,value,comment\n2026-001,AC-10,3,\n2026-002,AC-10,2,\"ok, vu\"\n2026-002,CTL-DU-01,conforme,\n")
        #expect(try f.run("answer", "--from", file).stdout == "3 answer(s) recorded for 2 visit(s)\n")
        let bad = try f.write("mauvais.csv", "visit,criterion,value\n2026-001,AC-02,3\n2026-009,AC-10,2\n2026-002,AC-10,9\n")
        let refused = try f.run("answer", "--from", bad)
        #expect(refused.status == 65)
        #expect(refused.stderr.contains("\(bad):3: error: no visit `2026-009`"))
        #expect(refused.stderr.contains("\(bad):4: error: 2026-002: `9` is not an answer for AC-10"))
        #expect(try f.historyCount() == 1)
        let noColumn = try f.write("sans.csv", "criterion,value\nAC-01,3\n")
        #expect(try f.run("answer", "--from", noColumn).status == 64)
    }
}

/// Row ids: random version-4 UUIDs, drawn from blocks of the kernel's generator.
@Suite struct UIDTests {
    @Test func versionFourLowerCaseAndDistinct() {
        let ids = (0..<3_000).map { _ in UID.make() }
        #expect(Set(ids).count == ids.count)
        for id in ids.prefix(600) {
            let bytes = Array(id.utf8)
            #expect(bytes.count == 36)
            #expect([8, 13, 18, 23].allSatisfy { bytes[$0] == UInt8(ascii: "-") })
            #expect(bytes[14] == UInt8(ascii: "4"), "version 4")
            #expect("89ab".utf8.contains(bytes[19]), "RFC 4122 variant")
            #expect(bytes.enumerated().allSatisfy { [8, 13, 18, 23].contains($0.offset) || "0123456789abcdef".utf8.contains($0.element) })
        }
    }
}
