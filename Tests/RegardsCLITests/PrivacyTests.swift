import Foundation
import Testing
import RegardsStore
import RegardsTestSupport

@Suite struct PrivacyCommandTests {
    func leaky() throws -> Field {
        let f = Field()
        try f.newVisit()
        try f.run("answer", "2026-001", "AC-10", "2", "--comment", "R07 joignable au 06 12 34 56 78 le soir")
        try f.run("answer", "2026-001", "AC-10", "3", "--comment", "R07 rappelé au 06 12 34 56 78, contrat expliqué", "--reason", "revu")
        try f.run("observe", "2026-001", "--method", "entretien", "--participant", "R07", "--text", "Mme Duplantier (R07) dit que la cuisine ferme tôt.")
        return f
    }

    @Test func scanListsFindingsAndExitsOneUntilReviewed() throws {
        let f = try leaky()
        let clean = try f.run("privacy", "scan", "2026-001")
        #expect(clean.status == 1)
        #expect(clean.lines.count == 4)
        #expect(clean.stdout.contains("numéro de téléphone — AC-10, commentaire"))
        #expect(clean.stdout.contains("0• •• •• •• ••"))
        #expect(!clean.stdout.contains("12 34 56"), "the data itself is never printed")
        #expect(try f.run("privacy", "forbid", "duplantier").stdout == "1 word(s) added to the forbidden list (0 already there)\n")
        let withNames = try f.run("privacy", "scan", "2026-001", "--format", "json")
        #expect(withNames.stdout.contains("\"kind\" : \"forbidden\""))
        #expect(!withNames.stdout.lowercased().contains("duplantier"))
        let raw = try Data(contentsOf: URL(fileURLWithPath: f.db)) + ((try? Data(contentsOf: URL(fileURLWithPath: f.db + "-wal"))) ?? Data())
        #expect(raw.range(of: Data("duplantier".utf8)) == nil, "forbidden words are stored hashed")
    }

    @Test func exportsRefuseUntilReviewedAndSayWhenAllowed() throws {
        let f = try leaky()
        let xlsx = f.directory.appendingPathComponent("v.xlsx").path
        let refused = try f.run("compare", "2026-001", "--xlsx", xlsx)
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("regards: error: compare refused: 2 personal-data finding(s) not reviewed: 2026-001/"))
        #expect(!FileManager.default.fileExists(atPath: xlsx))
        #expect(try f.run("visit", "export", "2026-001", "--out", f.directory.appendingPathComponent("b.json").path).status == 65)
        #expect(try f.run("sheet", "2026-001", "--xlsx", xlsx).status == 65)
        #expect(try f.run("report", "2026-001").status == 65)
        let allowed = try f.run("compare", "2026-001", "--xlsx", xlsx, "--allow-personal-data")
        #expect(allowed.status == 0)
        #expect(allowed.stderr.contains("warning: exporting with 2 unreviewed personal-data finding(s)"))
        let custom = try WorkbookParts.read(xlsx)["docProps/custom.xml"] ?? ""
        #expect(custom.contains("export autorisé avec 2 signalement(s) de données personnelles non revu(s)"))
    }

    /// A campaign workbook is written while its visits are read: the refusal comes once every visit
    /// has been read, and still nothing reaches the target (no half workbook, no temporary file).
    @Test func campaignExportsRefuseWhileStreamingAndLeaveNothing() throws {
        let f = try leaky()
        let xlsx = f.directory.appendingPathComponent("campagne.xlsx").path
        let refused = try f.run("compare", "--campaign", "occitanie-2026", "--xlsx", xlsx)
        #expect(refused.status == 65)
        #expect(refused.stderr.hasPrefix("regards: error: compare refused: 2 personal-data finding(s) not reviewed: 2026-001/"))
        #expect(!FileManager.default.fileExists(atPath: xlsx))
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.directory.path).allSatisfy { !$0.hasSuffix(".tmp") })
        let csv = try f.run("compare", "--campaign", "occitanie-2026", "--format", "csv")
        #expect(csv.status == 65 && csv.stdout.isEmpty, "nothing is printed before the check")
        let allowed = try f.run("compare", "--campaign", "occitanie-2026", "--xlsx", xlsx, "--allow-personal-data")
        #expect(allowed.status == 0)
        let parts = try WorkbookParts.read(xlsx)
        #expect(parts["docProps/custom.xml"]?.contains("export autorisé avec 2 signalement(s) de données personnelles non revu(s)") == true)
        // The streamed sheet keeps its place among the others.
        let workbook = parts["xl/workbook.xml"] ?? ""
        let names = ["Synthèse", "Scores par thème", "Conformité par thème", "Angles morts", "Données", "Dictionnaire"]
        let positions = names.map { workbook.range(of: "name=\"\($0)\"")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil } && positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func redactionLeavesNoTraceAndKeepIsRecorded() throws {
        let f = try leaky()
        let findings = try f.run("privacy", "scan", "2026-001", "--format", "json").stdout
        struct Finding: Decodable { var id: String; var kind: String; var field: String }
        let list = try JSONDecoder().decode([Finding].self, from: Data(findings.utf8))
        #expect(list.map(\.kind) == ["phone", "phone"])
        let redacted = try f.run("privacy", "review", "2026-001", list[0].id, "--redact", "--reason", "numéro personnel")
        #expect(redacted.stdout == "\(list[0].id) redacted: numéro de téléphone replaced by « [masqué] » in 2 field(s) of visit 2026-001\n")
        // Both history rows held the number: neither keeps it, nor does the file or its WAL.
        let log = try f.run("visit", "log", "2026-001", "--criterion", "AC-10").stdout
        #expect(log.contains("« R07 joignable au [masqué] le soir »") && log.contains("« R07 rappelé au [masqué], contrat expliqué »"))
        for suffix in ["", "-wal", "-shm"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: f.db + suffix))) ?? Data()
            #expect(bytes.range(of: Data("06 12 34 56 78".utf8)) == nil, "found in regards.sqlite\(suffix)")
        }
        #expect(try f.run("privacy", "scan", "2026-001").status == 0)
        try f.run("privacy", "forbid", "Duplantier")
        let named = try JSONDecoder().decode([Finding].self, from: Data(try f.run("privacy", "scan", "2026-001", "--format", "json").stdout.utf8))
        let open = named.filter { $0.kind == "forbidden" }
        #expect(open.count == 1)
        #expect(try f.run("privacy", "review", "2026-001", open[0].id, "--keep", "--reason", "nom de l'association, pas d'une personne").status == 0)
        #expect(try f.run("privacy", "scan", "2026-001").status == 0)
        #expect(try f.run("compare", "2026-001", "--format", "json").status == 0)
        #expect(try SQLiteWorkspace(path: f.db, create: false).integrityCheck() == ["ok"])
        #expect(try f.run("privacy", "review", "2026-001", "nope", "--keep", "--reason", "x").status == 66)
        #expect(try f.run("privacy", "review", "2026-001", open[0].id, "--keep", "--redact", "--reason", "x").status == 64)
    }
}

@Suite struct DoctorTests {
    @Test func reportsWhatToDo() throws {
        let f = Field()
        try f.newVisit()
        let clean = try f.run("doctor")
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(clean.lines.count == 6 && clean.lines.dropFirst().allSatisfy { $0.hasPrefix("  ✔") })
        try f.run("answer", "2026-001", "AC-10", "2", "--comment", "écrire à r.b75@laposte.net")
        chmod(f.db, 0o644)
        let sick = try f.run("doctor")
        #expect(sick.status == 1)
        #expect(sick.stdout.contains("✘ permissions of \(f.db): 644 — other accounts can read it; run `chmod 600 \(f.db)`"))
        #expect(sick.stdout.contains("✘ personal data: visit 2026-001, 1 finding(s) to review — `regards privacy scan 2026-001`"))
        let notes = try f.write("notes.txt", "pas une base\n")
        let refused = try Run(["doctor", "--db", notes], in: f.directory)
        #expect(refused.status == 65)
        #expect(refused.stdout.hasSuffix("  ✘ \(notes) is not a SQLite database (nor a Regards workspace); nothing was changed\n"))
    }
}
