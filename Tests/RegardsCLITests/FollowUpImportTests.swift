import Foundation
import Testing
import RegardsTestSupport

/// `regards measure follow VISIT --from suivi.xlsx`: the tableau de suivi the organisation filled,
/// read back into the measures' follow-up (the demo's visit 2026-001, after its decision).
@Suite struct FollowUpImportTests {
    struct Tableau {
        let f: Field
        let path: String

        init() throws {
            (f, _) = try Demo.copy()
            path = f.directory.appendingPathComponent("suivi.xlsx").path
            #expect(try f.run("measure", "sheet", "2026-001", "--xlsx", path).status == 0)
        }

        /// A copy with the organisation's cells typed on the rows of these measures: (measure, column G/H/I, text).
        func filled(_ name: String, _ cells: [(String, String, String)]) throws -> String {
            var rows: [String: Int] = [:]
            for (label, _, _) in cells { rows[label] = try #require(try WorkbookParts.row(of: label, column: "A", in: path)) }
            let out = f.directory.appendingPathComponent(name).path
            try WorkbookParts.rewrite(path, to: out) { part, xml in
                guard part == "xl/worksheets/sheet1.xml" else { return xml }
                return cells.reduce(xml) { xml, c in
                    let ref = "\(c.1)\(rows[c.0]!)"
                    return WorkbookParts.setting(xml, ref, to: c.2.hasPrefix("=") ? "<c r=\"\(ref)\"><f>\(c.2.dropFirst())</f></c>" : WorkbookParts.textCell(ref, c.2))
                }
            }
            return out
        }

        func follow(_ extra: String...) throws -> Run { try f.run(["measure", "follow", "2026-001", "--from"] + extra) }
    }

    @Test func theOrganisationsAnswersBecomeFollowUpsInProgress() throws {
        let t = try Tableau()
        let filled = try t.filled("rempli.xlsx", [("M3", "G", "Règlement révisé, soumis au CVS du 12 mars"), ("M3", "H", "reglement-2028.pdf"),
                                                  ("M3", "I", "2028-03-14"), ("M4", "G", "Armoire posée")])
        let dry = try t.follow(filled, "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout == "M3 : en cours au 2028-03-14 — pièces : reglement-2028.pdf\n"
                + "1 follow-up(s) would be recorded for visit 2026-001 (0 row(s) unchanged, 1 for a settled measure); nothing was written (--dry-run)\n")
        let row = try #require(try WorkbookParts.row(of: "M4", column: "A", in: t.path))
        #expect(dry.stderr == "M4 : levée, la réponse de l'organisme (Tableau de suivi!G\(row)) n'est pas enregistrée\n")
        let before = try t.f.run("measure", "list", "2026-001").stdout
        #expect(!before.contains("reglement-2028.pdf"))
        let run = try t.follow(filled)
        #expect(run.stdout.hasSuffix("1 follow-up(s) recorded for visit 2026-001 from rempli.xlsx (0 row(s) unchanged, 1 for a settled measure)\n"))
        #expect(try t.f.run("measure", "list", "2026-001").stdout.contains(
            "suivi (2028-03-14) : en cours ; pièces : reglement-2028.pdf — réponse de l'organisme : Règlement révisé, soumis au CVS du 12 mars"))
        #expect(try t.follow(filled).stdout == "0 follow-up(s) recorded for visit 2026-001 from rempli.xlsx (1 row(s) unchanged, 1 for a settled measure)\n")
    }

    @Test func aBadTableauIsRefusedWithNothingWritten() throws {
        let t = try Tableau()
        let m3 = try #require(try WorkbookParts.row(of: "M3", column: "A", in: t.path))
        let grid = t.f.directory.appendingPathComponent("grille.xlsx").path
        try t.f.run("sheet", "2026-001", "--xlsx", grid)
        // The stamped hash of what the inspectors asked no longer matches the measures.
        let hash = try #require(try WorkbookParts.read(t.path)["docProps/custom.xml"].flatMap { xml in
            xml.range(of: "name=\"empreinte\"><vt:lpwstr>[0-9a-f]{64}", options: .regularExpression).map { String(xml[$0].suffix(64)) }
        })
        let restamped = t.f.directory.appendingPathComponent("restampe.xlsx").path
        try WorkbookParts.rewrite(t.path, to: restamped) { part, xml in
            part == "xl/sharedStrings.xml" ? xml.replacingOccurrences(of: "<t>\(hash)</t>", with: "<t>\(String(hash.reversed()))</t>") : xml
        }
        let cases: [(String, String, (String) -> String)] = [
            (try t.filled("date.xlsx", [("M3", "G", "fait"), ("M3", "I", "14/03/2028")]), "", { p in
                "\(p):Tableau de suivi!I\(m3): error: the date: `14/03/2028` is not a date in the YYYY-MM-DD form; did you mean `2028-03-14`?\nregards: error: \(p): 1 bad row(s); nothing was written\n" }),
            (try t.filled("avant.xlsx", [("M3", "G", "fait"), ("M3", "I", "2026-01-01")]), "", { p in
                "\(p):Tableau de suivi!I\(m3): error: the date 2026-01-01 is before the decision (2027-01-20)\nregards: error: \(p): 1 bad row(s); nothing was written\n" }),
            (try t.filled("formule.xlsx", [("M3", "G", "=A1")]), "", { p in
                "\(p):Tableau de suivi!G\(m3): error: a formula where a value is expected: type the value itself (formulas are not imported)\nregards: error: \(p): 1 bad row(s); nothing was written\n" }),
            (restamped, "", { p in "regards: error: \(p): the measures changed since this tableau de suivi was written: write it again with `regards measure sheet 2026-001 --xlsx FILE.xlsx`\n" }),
            (grid, "", { p in "regards: error: \(p): this is a fill-in grid, not a tableau de suivi: read it with `regards answer 2026-001 --from \(p)`\n" }),
        ]
        let before = try t.f.run("measure", "list", "2026-001").stdout
        for (path, _, expected) in cases {
            let run = try t.follow(path)
            #expect(run.status == 65, "\(path): \(run.stderr)")
            #expect(run.stderr == expected(path), "\(TextDiff.unified(expected: expected(path), actual: run.stderr, name: "expected"))")
            #expect(run.stdout.isEmpty)
        }
        #expect(try t.f.run("measure", "list", "2026-001").stdout == before)
    }
}
