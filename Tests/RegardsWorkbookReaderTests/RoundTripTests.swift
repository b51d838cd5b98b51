import Foundation
import Testing
import RegardsCore
import RegardsXLSX
import RegardsTestSupport
@testable import RegardsWorkbookReader

/// A fill-in grid and its hidden, protected stamp, as `regards sheet` writes them.
let stampedReport: Report = {
    var grid = Sheet(name: "Grille", summary: [SummaryLine("Visite", .text("2026-001"))],
                     columns: [Column("criterion", "Critère", .text, "c"), Column("answer", "Réponse", .text, "r", editable: true),
                               Column("comment", "Commentaire", .longText, "m", editable: true), Column("score", "Score", .number, "s"),
                               Column("day", "Jour", .date, "d"), Column("at", "Horodatage", .timestamp, "h")],
                     rows: [[.text("AC-01"), .text("oui"), .text("  deux espaces  \nseconde ligne"), .number(2.75), .date(CalendarDate(iso: "2026-02-28")),
                             Cell(.timestamp("2026-11-26T15:47:24.491Z"))],
                            [.text("AC-02"), .empty, .text("=SOMME(A1) « pas une formule »"), .number(3), .date(CalendarDate(iso: "1900-03-01")), .empty],
                            [.text("VC-03"), .text("non concerné"), .empty, .number(-0.5), .empty, Cell(.timestamp("2024-02-29T00:00:00Z"))]])
    grid.protected = true
    grid.validations = [DataValidation(column: "answer", firstRow: 0, lastRow: 2, values: ["oui", "non", "non concerné"])]
    var stamp = Sheet(name: "Tampon", columns: [Column("key", "Clé", .text, "k"), Column("value", "Valeur", .text, "v")],
                      rows: [[.text("visite"), .text("2026-001")], [.text("empreinte"), .text(String(repeating: "a", count: 64))]])
    stamp.hidden = true
    stamp.protected = true
    return Report(title: "Grille", language: "fr",
                  properties: .init(title: "Grille à remplir", subject: "Visite", author: "inspectrice-a",
                                    custom: [Report.Field("visite", "2026-001"), Report.Field("empreinte", String(repeating: "a", count: 64))]),
                  sheets: [grid, stamp])
}()

/// What every faithful reading of `stampedReport` holds, cell by cell.
let stampedCells: [String: [String: CellContent]] = [
    "Grille": ["A1": .text("Visite"), "C1": .text("2026-001"),
               "A3": .text("Critère"), "B3": .text("Réponse"), "C3": .text("Commentaire"), "D3": .text("Score"), "E3": .text("Jour"), "F3": .text("Horodatage"),
               "A4": .text("AC-01"), "B4": .text("oui"), "C4": .text("  deux espaces  \nseconde ligne"), "D4": .number(2.75),
               "E4": .date(CellDate(year: 2026, month: 2, day: 28)), "F4": .date(CellDate(year: 2026, month: 11, day: 26, hour: 15, minute: 47, second: 24)),
               "A5": .text("AC-02"), "C5": .text("=SOMME(A1) « pas une formule »"), "D5": .number(3), "E5": .date(CellDate(year: 1900, month: 3, day: 1)),
               "A6": .text("VC-03"), "B6": .text("non concerné"), "D6": .number(-0.5), "F6": .date(CellDate(year: 2024, month: 2, day: 29))],
    "Tampon": ["A1": .text("Clé"), "B1": .text("Valeur"), "A2": .text("visite"), "B2": .text("2026-001"), "A3": .text("empreinte"),
               "B3": .text(String(repeating: "a", count: 64))],
]

/// Every cell of a sheet by reference, to compare with a table like `stampedCells`.
func cells(_ sheet: WorksheetData) -> [String: CellContent] {
    var out: [String: CellContent] = [:]
    for row in sheet.rows {
        for cell in row.cells { out[WorksheetData.reference(row: row.number, column: cell.column)] = cell.value }
    }
    return out
}

func expectStamped(_ workbook: Workbook, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(workbook.sheets.map(\.name) == ["Grille", "Tampon"], sourceLocation: sourceLocation)
    #expect(workbook.sheets.map(\.state) == [.visible, .hidden], sourceLocation: sourceLocation)
    #expect(workbook.sheets.map(\.protected) == [true, true], sourceLocation: sourceLocation)
    #expect(!workbook.date1904, sourceLocation: sourceLocation)
    #expect(workbook.customProperties["visite"] == "2026-001" && workbook.customProperties["empreinte"] == String(repeating: "a", count: 64),
            sourceLocation: sourceLocation)
    for sheet in workbook.sheets {
        let read = cells(sheet), expected = stampedCells[sheet.name] ?? [:]
        for key in Set(read.keys).union(expected.keys).sorted() where read[key] != expected[key] {
            Issue.record("\(sheet.name)!\(key): read \(read[key].map { "\($0)" } ?? "nothing"), expected \(expected[key].map { "\($0)" } ?? "nothing")",
                         sourceLocation: sourceLocation)
        }
    }
}

@Suite(.serialized) struct RoundTripTests {
    @Test(arguments: [false, true]) func regardsWorkbookReadsBack(constantMemory: Bool) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("grille.xlsx").path
        try XLSXWriter(created: 1_795_000_000, constantMemory: constantMemory).write(stampedReport, to: path)
        let workbook = try WorkbookReader().read(path: path)
        expectStamped(workbook)
        #expect(workbook.customProperties.count == 2)
        let grid = try #require(workbook.sheet(named: "Grille"))
        #expect(grid.row(4)?[column: "C"] == .text("  deux espaces  \nseconde ligne"))
        #expect(grid.cell(row: 5, column: 2) == nil, "an unlocked blank cell has no value")
    }

    /// LibreOffice renumbers parts, writes shared strings with runs, custom date codes and styled empty cells.
    @Test(.enabled(if: Clients.soffice != nil || Clients.required, "LibreOffice is not installed"), arguments: [["xlsx"], ["ods", "xlsx"]])
    func regardsWorkbookResavedByLibreOffice(route: [String]) throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var file = folder.appendingPathComponent("grille.xlsx")
        try XLSXWriter(created: 1_795_000_000).write(stampedReport, to: file.path)
        for (step, format) in route.enumerated() {
            let out = folder.appendingPathComponent("etape-\(step)")
            file = try Clients.convert(file, to: format, into: out)
        }
        expectStamped(try WorkbookReader().read(path: file.path))
    }

    /// openpyxl: inline strings with runs, a formula, booleans, dates with custom codes, the 1904 system.
    @Test(.enabled(if: Clients.openpyxl || Clients.required, "python3 with openpyxl is not installed"))
    func openpyxlWorkbooksReadBack() throws {
        let python = try #require(Clients.openpyxl ? Clients.python : nil, "openpyxl is required (REGARDS_REQUIRE_CLIENTS=1); run `make setup-tests`")
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let main = folder.appendingPathComponent("openpyxl.xlsx"), mac = folder.appendingPathComponent("mac.xlsx")
        let written = try Clients.run(python, ["-c", Self.openpyxlScript, main.path, mac.path])
        #expect(written.status == 0, "\(written.stderr)")
        let workbook = try WorkbookReader().read(path: main.path)
        Self.expectOpenpyxl(workbook, resaved: false)
        let macBook = try WorkbookReader().read(path: mac.path)
        #expect(macBook.date1904)
        #expect(macBook.sheets[0].cell("A1") == .date(CellDate(year: 2026, month: 2, day: 28)))
        #expect(macBook.sheets[0].cell("A2") == .date(CellDate(year: 1904, month: 1, day: 1, hour: 6)))

        // LibreOffice rewrites it with shared strings (runs kept as runs) and the boolean as `TRUE()`.
        guard Clients.soffice != nil || Clients.required else { return }
        let resaved = try Clients.convert(main, to: "xlsx", into: folder.appendingPathComponent("lo"))
        let parts = try WorkbookParts.read(resaved.path)
        #expect(parts["xl/sharedStrings.xml"]?.contains("<r>") == true, "runs in shared strings")
        Self.expectOpenpyxl(try WorkbookReader().read(path: resaved.path), resaved: true)
        let macResaved = try WorkbookReader().read(path: try Clients.convert(mac, to: "xlsx", into: folder.appendingPathComponent("lo-mac")).path)
        #expect(macResaved.sheets[0].cell("A1") == .date(CellDate(year: 2026, month: 2, day: 28)))
    }

    static func expectOpenpyxl(_ workbook: Workbook, resaved: Bool, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(workbook.sheets.map(\.name) == ["Grille", "Tampon"], sourceLocation: sourceLocation)
        #expect(workbook.sheets.map(\.state) == [.visible, .hidden] && workbook.sheets.map(\.protected) == [false, true], sourceLocation: sourceLocation)
        #expect(workbook.customProperties == ["visite": "2026-001", "point": "17"], sourceLocation: sourceLocation)
        var expected: [String: CellContent] = [
            "A1": .text("critère"), "B1": .text("pas conforme"), "C1": .text("  espaces  "),
            "A2": .number(2.5), "B2": .formula("SUM(A2:A3)"), "C2": .bool(true),
            "A3": .date(CellDate(year: 2026, month: 11, day: 26, hour: 15, minute: 47, second: 24)), "B3": .date(CellDate(year: 2026, month: 2, day: 28)),
            "C3": .number(46081), "D5": .text("seul"),
        ]
        if resaved { expected["C2"] = .formula("TRUE()") }
        #expect(cells(workbook.sheets[0]) == expected, sourceLocation: sourceLocation)
        #expect(cells(workbook.sheets[1]) == ["A1": .text("visite"), "B1": .text("2026-001")], sourceLocation: sourceLocation)
    }

    static let openpyxlScript = """
        import sys, datetime
        from openpyxl import Workbook
        from openpyxl.cell.rich_text import CellRichText, TextBlock
        from openpyxl.cell.text import InlineFont
        from openpyxl.packaging.custom import StringProperty, IntProperty
        from openpyxl.utils.datetime import CALENDAR_MAC_1904
        wb = Workbook()
        ws = wb.active
        ws.title = "Grille"
        ws["A1"] = "critère"
        ws["B1"] = CellRichText([TextBlock(InlineFont(b=True), "pas "), "conforme"])
        ws["C1"] = "  espaces  "
        ws["A2"] = 2.5
        ws["B2"] = "=SUM(A2:A3)"
        ws["C2"] = True
        ws["A3"] = datetime.datetime(2026, 11, 26, 15, 47, 24)
        ws["A3"].number_format = "dd/mm/yyyy hh:mm:ss"
        ws["B3"] = datetime.date(2026, 2, 28)
        ws["C3"] = 46081
        ws["C3"].number_format = '0.00" jours"'
        ws["D5"] = "seul"
        stamp = wb.create_sheet("Tampon")
        stamp.sheet_state = "hidden"
        stamp.protection.sheet = True
        stamp["A1"] = "visite"
        stamp["B1"] = "2026-001"
        wb.custom_doc_props.append(StringProperty(name="visite", value="2026-001"))
        wb.custom_doc_props.append(IntProperty(name="point", value=17))
        wb.save(sys.argv[1])
        mac = Workbook()
        mac.epoch = CALENDAR_MAC_1904
        mac.active["A1"] = datetime.date(2026, 2, 28)
        mac.active["A2"] = datetime.datetime(1904, 1, 1, 6, 0, 0)
        mac.save(sys.argv[2])
        """
}
