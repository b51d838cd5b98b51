import Foundation
import Testing
import RegardsTestSupport

/// `regards answer VISIT --from FILE.xlsx`: a fill-in grid written by `regards sheet`, changed the
/// way a user changes it (the XML a spreadsheet writes, edited part by part), read back.
struct FilledGrid {
    let f = Field()
    /// The control grid of visit 2026-001 as `regards sheet` wrote it (rows from 5: CTL-AU-01, CTL-AU-02 …; answers in F).
    let grid: String

    init(answered: Bool = true) throws {
        try f.newVisit()
        if answered {
            try f.run("answer", "2026-001", "CTL-AU-01", "conforme")
            try f.run("answer", "2026-001", "CTL-AU-02", "non conforme", "--comment", "arrêté absent")
        }
        grid = f.directory.appendingPathComponent("grille.xlsx").path
        #expect(try f.run("sheet", "2026-001", "--grid", "control", "--xlsx", grid).status == 0)
    }

    /// A copy of the grid named `name`, its worksheet (or another part) edited.
    func edited(_ name: String, part: String = "xl/worksheets/sheet1.xml", _ edit: @escaping (String) -> String?) throws -> String {
        let path = f.directory.appendingPathComponent(name).path
        try WorkbookParts.rewrite(grid, to: path) { name, text in name == part ? edit(text) : text }
        return path
    }

    /// A copy with these cells typed (`F5` → text), as a spreadsheet writes them.
    func typed(_ name: String, _ cells: [(String, String)]) throws -> String {
        try edited(name) { xml in cells.reduce(xml) { WorkbookParts.setting($0, $1.0, to: WorkbookParts.textCell($1.0, $1.1)) } }
    }

    func file(_ name: String, _ data: Data) throws -> String {
        let path = f.directory.appendingPathComponent(name).path
        try data.write(to: URL(fileURLWithPath: path))
        return path
    }

    func answers(_ extra: String...) throws -> Run { try answers(extra) }
    func answers(_ extra: [String]) throws -> Run { try f.run(["answer", "2026-001", "--from"] + extra) }
}

@Suite struct WorkbookImportTests {
    @Test func onlyTheChangedRowsAreRecordedWithTheFileAsReason() throws {
        let g = try FilledGrid()
        let before = try g.f.historyCount()
        let same = try g.answers(g.grid)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout == "0 answer(s) recorded for visit 2026-001 from grille.xlsx (77 row(s) unchanged)\n")
        #expect(try g.f.historyCount() == before)

        let filled = try g.typed("rempli.xlsx", [("F5", "partiellement CONFORME"), ("G6", "arrêté absent ; relance faite"), ("F7", "2"), ("F8", "sans objet")])
        let dry = try g.answers(filled, "--dry-run")
        #expect(dry.stdout == """
            CTL-AU-01 = Partiellement conforme (before: Conforme)
            CTL-AU-02 = Non conforme (comment changed)
            CTL-AU-03 = Conforme (before: no answer)
            CTL-AU-04 = Sans objet (before: no answer)
            4 answer(s) would be recorded for visit 2026-001 (73 row(s) unchanged); nothing was written (--dry-run)

            """)
        #expect(try g.f.historyCount() == before)
        let run = try g.answers(filled)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("4 answer(s) recorded for visit 2026-001 from rempli.xlsx (73 row(s) unchanged)\n"))
        let log = try g.f.run("visit", "log", "2026-001").lines.filter { $0.contains("motif : import de rempli.xlsx") }
        #expect(log.count == 4)
        #expect(log.allSatisfy { $0.contains("inspectrice-a") })
        // Read again: everything is already there.
        #expect(try g.answers(filled).stdout == "0 answer(s) recorded for visit 2026-001 from rempli.xlsx (77 row(s) unchanged)\n")
    }

    @Test func anAnswerClearedInTheWorkbookIsWithdrawn() throws {
        let g = try FilledGrid()
        let cleared = try g.edited("vide.xlsx") { WorkbookParts.setting($0, "F5", to: nil) }
        #expect(try g.answers(cleared).stdout.hasPrefix("CTL-AU-01 = answer withdrawn (before: Conforme)\n"))
        #expect(try g.f.run("visit", "log", "2026-001").stdout.contains("CTL-AU-01  2 → retiré  motif : import de vide.xlsx"))
    }

    @Test func aConflictIsRefusedUnlessASideIsChosen() throws {
        let g = try FilledGrid()
        let filled = try g.typed("rempli.xlsx", [("F5", "non conforme"), ("F7", "conforme")])
        try g.f.run("answer", "2026-001", "CTL-AU-01", "1", "--inspector", "inspecteur-b")
        let before = try g.f.historyCount()
        let refused = try g.answers(filled)
        #expect(refused.status == 65)
        #expect(refused.stdout.isEmpty)
        let date = String(ISO8601DateFormatter().string(from: Date()).prefix(10))
        #expect(refused.stderr == """
            \(filled):Grille de contrôle!F5: conflict: CTL-AU-01 changed since the workbook was written: `Partiellement conforme` in the workspace (by inspectrice-a, \(date)), `Non conforme` in the workbook
            regards: error: \(filled): 1 answer(s) changed both in the workspace and in the workbook; nothing was written: keep one side with --prefer workbook or --prefer workspace

            """)
        #expect(try g.f.historyCount() == before)

        let workspace = try g.answers(filled, "--prefer", "workspace")
        #expect(workspace.status == 0)
        #expect(workspace.stderr.hasSuffix("; kept: the workspace\n"))
        #expect(workspace.stdout == "CTL-AU-03 = Conforme (before: no answer)\n1 answer(s) recorded for visit 2026-001 from rempli.xlsx (75 row(s) unchanged, 1 conflict(s) kept from the workspace)\n")
        let workbook = try g.answers(filled, "--prefer", "workbook")
        #expect(workbook.stdout == "CTL-AU-01 = Non conforme (before: Partiellement conforme)\n1 answer(s) recorded for visit 2026-001 from rempli.xlsx (76 row(s) unchanged, 1 conflict(s) kept from the workbook)\n")
    }

    @Test func sortedRowsAreMatchedByTheirCriterion() throws {
        let g = try FilledGrid()
        // The whole rows 5 and 6 swapped, as a sort of the table does.
        let sorted = try g.edited("trie.xlsx") { xml in
            guard let five = WorkbookParts.row(xml, 5), let six = WorkbookParts.row(xml, 6) else { return xml }
            let a = String(xml[five]).replacingOccurrences(of: "5\"", with: "6\""), b = String(xml[six]).replacingOccurrences(of: "6\"", with: "5\"")
            return xml.replacingCharacters(in: six, with: a).replacingCharacters(in: five, with: b)
        }
        let run = try g.answers(sorted)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "regards: warning: \(sorted): the rows are not in the grid's order (sorted?); each was matched by its criterion\n")
        #expect(run.stdout == "0 answer(s) recorded for visit 2026-001 from trie.xlsx (77 row(s) unchanged)\n")
    }

    @Test func theSameWorkbookSavedAsCSVIsRefused() throws {
        let g = try FilledGrid()
        let csv = try g.f.write("grille.csv", "Visite,,2026-001 — CHRS Les Tilleuls,,,,,\nProtocole,,chrs-controle@2.0.0,,,,,\n,,,,,,,\nThème,Critère,Intitulé,Consigne,Références,Réponse,Commentaire,Preuve\n")
        let run = try g.answers(csv)
        #expect(run.status == 65)
        #expect(run.stderr == "regards: error: \(csv): a fill-in grid saved as CSV, which loses its stamps: import the .xlsx workbook itself (--from FILE.xlsx)\n")
    }

    /// Every bad workbook the issue lists: the exact message, the exit status, nothing written.
    @Test func badWorkbooksAreRefusedWithNothingWritten() throws {
        let g = try FilledGrid()
        let f = g.f
        let other = Field()
        try other.newVisit()
        let otherGrid = other.directory.appendingPathComponent("autre.xlsx").path
        try other.run("sheet", "2026-001", "--grid", "control", "--xlsx", otherGrid)
        try f.run("visit", "new", "--establishment", "CHRS B", "--finess", "310781406", "--start", "2026-12-01")
        let secondVisit = f.directory.appendingPathComponent("visite-2.xlsx").path
        try f.run("sheet", "2026-002", "--grid", "control", "--xlsx", secondVisit)
        let evaluation = f.directory.appendingPathComponent("evaluation.xlsx").path
        try f.run("sheet", "2026-001", "--xlsx", evaluation)
        let hash = "3835c8b23cd4d5345a2ea04ee25ce0a57046cf542a7e5779aab5a645d1771dca"
        let original = try Data(contentsOf: URL(fileURLWithPath: g.grid))
        let again = "write the grid again with `regards sheet 2026-001 --grid control --xlsx FILE.xlsx`"
        func restamped(_ name: String, _ from: String, _ to: String) throws -> String {
            let path = f.directory.appendingPathComponent(name).path
            try WorkbookParts.rewrite(g.grid, to: path) { part, text in
                part == "xl/sharedStrings.xml" || part == "docProps/custom.xml" ? text.replacingOccurrences(of: ">\(from)<", with: ">\(to)<") : text
            }
            return path
        }
        let unstamped = f.directory.appendingPathComponent("copie.xlsx").path
        try WorkbookParts.rewrite(g.grid, to: unstamped) { part, text in
            part == "docProps/custom.xml" ? nil
                : part == "xl/workbook.xml" ? text.replacingOccurrences(of: "<sheet name=\"Regards\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>", with: "") : text
        }
        let bomb = f.directory.appendingPathComponent("bombe.xlsx")
        try TinyPackage.write([("[Content_Types].xml", Data("<Types/>".utf8)), ("xl/worksheets/sheet1.xml", Data(count: 5_000_000))], to: bomb)
        let ods = f.directory.appendingPathComponent("grille.ods")
        try TinyPackage.write([("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<office:document-content/>")], to: ods, compression: .none)
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) + Data(count: 4088)
        var big = Data(original)
        big.append(Data(count: 40_000_000 - original.count))

        let cases: [(name: String, path: String, extra: [String], status: Int32, stderr: (String) -> String)] = [
            ("another visit", secondVisit, [], 65, { "regards: error: \($0): this workbook is for visit 2026-002, not 2026-001\n" }),
            ("the same id in another workspace", otherGrid, [], 65,
             { "regards: error: \($0): this workbook is for another visit 2026-001 (from another workspace: its uid differs)\n" }),
            ("the other grid", evaluation, ["--grid", "control"], 65, { "regards: error: \($0): this workbook holds the evaluation grid, not the control grid\n" }),
            ("an older protocol version", try restamped("ancienne.xlsx", "2.0.0", "1.0.0"), [], 65,
             { "regards: error: \($0): this workbook was written from chrs-controle@1.0.0; visit 2026-001 is pinned to chrs-controle@2.0.0: \(again)\n" }),
            ("an edited protocol", try restamped("modifie.xlsx", hash, String(hash.reversed())), [], 65,
             { "regards: error: \($0): protocol chrs-controle@2.0.0 differs from the one this workbook was written from (hash \(String(hash.reversed()).prefix(12))…, the visit's \(hash.prefix(12))…): \(again)\n" }),
            ("stamps removed (copied into a new workbook)", unstamped, [], 65,
             { "regards: error: \($0): no Regards stamps: this is not a fill-in grid written by Regards, or its stamps were lost (rows copied into a new workbook?); write one with `regards sheet 2026-001 --xlsx FILE.xlsx` and fill that one\n" }),
            ("a row deleted", try g.edited("supprime.xlsx") { xml in WorkbookParts.row(xml, 6).map { xml.replacingCharacters(in: $0, with: "") } }, [], 65,
             { "\($0):Grille de contrôle: error: the row of CTL-AU-02 was deleted: a grid comes back with every row it was written with\nregards: error: \($0): 1 bad row(s); nothing was written\n" }),
            ("a row added with an unknown criterion", try g.edited("ajout.xlsx") { xml in
                xml.replacingOccurrences(of: "</sheetData>", with: "<row r=\"90\">\(WorkbookParts.textCell("B90", "CTL-AU-99"))\(WorkbookParts.textCell("F90", "Conforme"))</row></sheetData>")
            }, [], 65, { "\($0):Grille de contrôle!B90: error: unknown criterion `CTL-AU-99` in chrs-controle; did you mean `CTL-AS-09`?: rows cannot be added to a grid\nregards: error: \($0): 1 bad row(s); nothing was written\n" }),
            ("criteria sorted apart from their titles", try g.edited("colonne.xlsx") { xml in
                let b5 = "CTL-AU-02", b6 = "CTL-AU-01"
                return WorkbookParts.setting(WorkbookParts.setting(xml, "B5", to: WorkbookParts.textCell("B5", b5)), "B6", to: WorkbookParts.textCell("B6", b6))
            }, [], 65, { "\($0):Grille de contrôle!C5: error: this is not the title of CTL-AU-02: were the columns sorted separately, or the row edited?\n\($0):Grille de contrôle!C6: error: this is not the title of CTL-AU-01: were the columns sorted separately, or the row edited?\nregards: error: \($0): 2 bad row(s); nothing was written\n" }),
            ("a formula in an answer cell", try g.edited("formule.xlsx") { WorkbookParts.setting($0, "F7", to: "<c r=\"F7\" t=\"str\"><f>F5</f><v>Conforme</v></c>") }, [], 65,
             { "\($0):Grille de contrôle!F7: error: a formula where a value is expected: type the value itself (formulas are not imported)\nregards: error: \($0): 1 bad row(s); nothing was written\n" }),
            ("a value outside the list", try g.typed("hors-liste.xlsx", [("F7", "plutôt conforme")]), [], 65,
             { "\($0):Grille de contrôle!F7: error: `plutôt conforme` is not an answer for CTL-AU-03; expected one of: 2 Conforme, 1 Partiellement conforme, 0 Non conforme, nc Sans objet, nv Non vérifié\nregards: error: \($0): 1 bad row(s); nothing was written\n" }),
            ("a truncated zip", try g.file("tronque.xlsx", original.prefix(original.count / 2)), [], 65,
             { "regards: error: \($0): the workbook is truncated or damaged: its zip archive cannot be read (was it copied completely?)\n" }),
            ("an empty file", try g.file("vide.xlsx", Data()), [], 65, { "regards: error: \($0): not an .xlsx workbook: the file is empty\n" }),
            ("a 40 MB file", try g.file("enorme.xlsx", big), [], 65, { "regards: error: \($0): the file is too large: 40 MB, the limit is 20 MB\n" }),
            ("an encrypted workbook", try g.file("chiffre.xlsx", ole), [], 65,
             { "regards: error: \($0): not an .xlsx workbook: an encrypted workbook or an .xls file: save it as .xlsx without a password\n" }),
            ("an .xls file", try g.file("ancien.xls", ole), [], 65,
             { "regards: error: \($0): not an .xlsx workbook: an encrypted workbook or an .xls file: save it as .xlsx without a password\n" }),
            ("an .ods file", ods.path, [], 65,
             { "regards: error: \($0): not an .xlsx workbook: an .ods file: convert it with `soffice --headless --convert-to xlsx FILE.ods`\n" }),
            ("a zip bomb", bomb.path, [], 65, { "regards: error: \($0): refused as a zip bomb: xl/worksheets/sheet1.xml expands 1028 times, the limit is 100\n" }),
        ]
        let before = try f.historyCount()
        for c in cases {
            let run = try g.answers([c.path] + c.extra)
            #expect(run.status == c.status, "\(c.name): \(run.stderr)")
            #expect(run.stderr == c.stderr(c.path), "\(c.name):\n\(TextDiff.unified(expected: c.stderr(c.path), actual: run.stderr, name: "expected"))")
            #expect(run.stdout.isEmpty, "\(c.name) wrote to stdout")
        }
        #expect(try f.historyCount() == before)
        #expect(cases.count == 18)
    }

    @Test func anImperativeCriterionIsNeverNotConcerned() throws {
        let g = try FilledGrid()
        let evaluation = g.f.directory.appendingPathComponent("evaluation.xlsx").path
        try g.f.run("sheet", "2026-001", "--xlsx", evaluation)
        // DI-01 is imperative: its row in the grid as written.
        let row = try #require(try WorkbookParts.row(of: "DI-01", column: "B", in: evaluation))
        let typed = g.f.directory.appendingPathComponent("nc.xlsx").path
        try WorkbookParts.rewrite(evaluation, to: typed) { part, text in
            part == "xl/worksheets/sheet1.xml" ? WorkbookParts.setting(text, "F\(row)", to: WorkbookParts.textCell("F\(row)", "Non concerné")) : text
        }
        let run = try g.answers(typed)
        #expect(run.status == 65)
        #expect(run.stderr == "\(typed):Grille d'évaluation!F\(row): error: « non concerné » is never allowed on an imperative criterion (DI-01)\nregards: error: \(typed): 1 bad row(s); nothing was written\n")
    }
}

/// The real clients: a grid filled with openpyxl, re-saved by LibreOffice (xlsx → xlsx, and
/// xlsx → ods → xlsx), comes back with the same answers each time.
@Suite(.serialized) struct WorkbookImportClientTests {
    static let filling = ["CTL-AU-01=Partiellement conforme|arrêté vu le 20 novembre", "CTL-AU-03=non conforme", "CTL-DU-08=Sans objet", "CTL-AU-04=2"]
    static let expected = """
        CTL-AU-01 = Partiellement conforme (before: no answer; comment changed)
        CTL-AU-03 = Non conforme (before: no answer)
        CTL-AU-04 = Conforme (before: no answer)
        CTL-DU-08 = Sans objet (before: no answer)
        4 answer(s) would be recorded for visit 2026-001 (73 row(s) unchanged); nothing was written (--dry-run)

        """

    static let profile = FileManager.default.temporaryDirectory.appendingPathComponent("regards-import-lo-profile")

    func convert(_ file: URL, to format: String, into folder: URL) throws -> URL {
        try Clients.convert(file, to: format, into: folder, profile: Self.profile)
    }

    func filled(_ g: FilledGrid) throws -> String {
        let python = try #require(Clients.openpyxl ? Clients.python : nil, "openpyxl is required (REGARDS_REQUIRE_CLIENTS=1); run `make setup-tests`")
        let out = g.f.directory.appendingPathComponent("rempli.xlsx").path
        let fill = try Clients.run(python, [Run.root.appendingPathComponent("Tests/Support/fill_grid.py").path, g.grid, out] + Self.filling)
        #expect(fill.status == 0, "\(fill.stderr)")
        return out
    }

    @Test(.enabled(if: Clients.openpyxl || Clients.required, "python3 with openpyxl is not installed"))
    func aGridFilledWithOpenpyxlComesBack() throws {
        let g = try FilledGrid(answered: false)
        let path = try filled(g)
        let run = try g.answers(path, "--dry-run")
        #expect(run.stdout == Self.expected, "\(run.stderr)")
        let done = try g.answers(path)
        #expect(done.stdout.hasSuffix("4 answer(s) recorded for visit 2026-001 from rempli.xlsx (73 row(s) unchanged)\n"))
        #expect(try g.f.run("visit", "log", "2026-001").lines.filter { $0.contains("motif : import de rempli.xlsx") }.count == 4)
    }

    @Test(.enabled(if: (Clients.openpyxl && Clients.soffice != nil) || Clients.required, "openpyxl or LibreOffice is not installed"))
    func aGridResavedByLibreOfficeComesBackTheSame() throws {
        let g = try FilledGrid(answered: false)
        let path = URL(fileURLWithPath: try filled(g))
        let again = g.f.directory.appendingPathComponent("libreoffice"), viaODS = g.f.directory.appendingPathComponent("ods")
        try FileManager.default.createDirectory(at: again, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: viaODS, withIntermediateDirectories: true)
        let resaved = try convert(path, to: "xlsx:Calc MS Excel 2007 XML", into: again)
        let ods = try convert(path, to: "ods", into: viaODS)
        let back = try convert(ods, to: "xlsx:Calc MS Excel 2007 XML", into: again.appendingPathComponent("ods"))
        for file in [resaved, back] {
            let run = try g.answers(file.path, "--dry-run")
            #expect(run.stdout == Self.expected, "\(file.path): \(run.stderr)")
        }
        // The .ods itself is refused with how to convert it.
        #expect(try g.answers(ods.path).stderr.contains("not an .xlsx workbook: an .ods file: convert it with `soffice --headless --convert-to xlsx FILE.ods`"))
        #expect(try g.answers(back.path).stdout.hasSuffix("4 answer(s) recorded for visit 2026-001 from rempli.xlsx (73 row(s) unchanged)\n"))
        // The same answers from the openpyxl file: nothing left to record.
        #expect(try g.answers(path.path).stdout == "0 answer(s) recorded for visit 2026-001 from rempli.xlsx (77 row(s) unchanged)\n")
        // Saved as CSV by LibreOffice: its stamps are gone, and the message says what to import instead.
        let csv = try convert(URL(fileURLWithPath: g.grid), to: "csv", into: viaODS)
        #expect(try g.answers(csv.path).stderr == "regards: error: \(csv.path): a fill-in grid saved as CSV, which loses its stamps: import the .xlsx workbook itself (--from FILE.xlsx)\n")
    }
}
