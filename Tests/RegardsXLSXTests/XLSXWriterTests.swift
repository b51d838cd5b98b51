import Foundation
import Testing
import RegardsTestSupport
import RegardsCore
@testable import RegardsXLSX

enum Parts {
    /// The text of every part of an .xlsx, by path.
    static func read(_ path: String) throws -> [String: String] { try WorkbookParts.read(path) }

    static func temporary() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("regards-xlsx-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/xlsx")

    static func check(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let url = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["REGARDS_RECORD"] != nil {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(name); review the diff and run again without REGARDS_RECORD", sourceLocation: sourceLocation)
            return
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? "(missing \(name))"
        // Workbook parts are one long line: one element per line makes the diff readable.
        func lines(_ xml: String) -> String { xml.replacingOccurrences(of: "><", with: ">\n<") }
        #expect(actual == expected, "\(name) differs:\n\(TextDiff.unified(expected: lines(expected), actual: lines(actual), name: name))", sourceLocation: sourceLocation)
    }
}

/// A small report with every kind of cell, style, rule, chart and an Excel table.
let sample = Report(
    title: "Essai", language: "fr",
    properties: Report.Properties(title: "Essai de classeur", subject: "Tests", author: "inspectrice-a", keywords: "Regards", comments: "chrs@1.0.0 [abc]",
                                  custom: [Report.Field("visite", "2026-001"), Report.Field("empreinte-evaluation", String(repeating: "a", count: 64))]),
    sheets: [
        Sheet(name: "Synthèse", summary: [SummaryLine("Établissement", .text("CHRS Essai", .emphasis)), SummaryLine("Divergences", .integer(2, .bad))],
              columns: [Column("theme", "Thème", .text, "t"), Column("title", "Intitulé", .longText, "i"), Column("score", "Score", .number, "s"),
                        Column("rate", "Conformité", .percent, "c")],
              rows: [[.text("AC"), .text("Accueil"), .number(2.75), .number(0.5)], [.text("VC"), .text("Vie collective"), .number(1.5, .bad), .number(1)]],
              chart: Chart(title: "Scores", categoryColumn: "theme", valueColumns: ["score"], valueAxisTitle: "sur 4", maximum: 4),
              formats: [.colourScale(columns: ["score"], reversed: false)]),
        Sheet(name: "Texte", columns: [Column("comment", "Commentaire", .longText, "c"), Column("day", "Jour", .date, "d"), Column("at", "Horodatage", .timestamp, "h"),
                                       Column("class", "Classe", .text, "k")],
              rows: [[.text("=SOMME(A1:A9)"), .date(CalendarDate(iso: "2026-02-28")), Cell(.timestamp("2026-11-26T15:47:24.491Z")), .text("accord", .good)],
                     [.text("+33 6 00 00 00 00"), .empty, .empty, .text("conforme mais insatisfaisant", .bad)],
                     [.text("-1 @x\nseconde ligne"), .date(CalendarDate(iso: "2024-02-29")), .empty, .empty]],
              formats: [.textEquals(column: "class", text: "accord", style: .good), .textEquals(column: "class", text: "conforme mais insatisfaisant", style: .bad)]),
        Sheet(name: "Données", columns: [Column("a", "A", .text, "a"), Column("n", "N", .integer, "n")], rows: [[.text("x"), .integer(1)], [.text("y"), .integer(2)]],
              excelTable: true),
    ])

@Suite struct XLSXWriterTests {
    let created = 1_795_000_000

    func write(_ report: Report = sample, constantMemory: Bool? = nil) throws -> (URL, [String: String]) {
        let directory = Parts.temporary()
        let path = directory.appendingPathComponent("essai.xlsx").path
        try XLSXWriter(created: created, constantMemory: constantMemory).write(report, to: path)
        return (directory, try Parts.read(path))
    }

    @Test func writesEveryPart() throws {
        let (directory, parts) = try write()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(parts["xl/workbook.xml"]?.contains("<sheet name=\"Synthèse\" sheetId=\"1\" r:id=\"rId1\"/>") == true)
        #expect(parts["docProps/core.xml"]?.contains("<dc:title>Essai de classeur</dc:title>") == true)
        #expect(parts["docProps/core.xml"]?.contains("2026-11-18T11:06:40Z") == true)
        #expect(parts["docProps/custom.xml"]?.contains("<vt:lpwstr>2026-001</vt:lpwstr>") == true)
        #expect(parts["xl/tables/table1.xml"]?.contains("name=\"Donnees\"") == true)
        #expect(parts["xl/charts/chart1.xml"] != nil)
        let text = try #require(parts["xl/worksheets/sheet2.xml"])
        #expect(!text.contains("<f>"), "text must never become a formula")
        #expect(parts["xl/sharedStrings.xml"]?.contains("<t>=SOMME(A1:A9)</t>") == true)
        #expect(parts["xl/worksheets/sheet1.xml"]?.contains("<pane ySplit=\"4\" topLeftCell=\"A5\" activePane=\"bottomLeft\" state=\"frozen\"/>") == true)
        #expect(parts["xl/worksheets/sheet1.xml"]?.contains("<autoFilter ref=\"A4:D6\"/>") == true)
        #expect(text.contains("<conditionalFormatting sqref=\"D2:D4\">"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(".essai.xlsx.tmp").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["essai.xlsx"])
        Parts.check(parts["xl/worksheets/sheet1.xml"] ?? "", "sheet1.xml")
        Parts.check(parts["xl/worksheets/sheet2.xml"] ?? "", "sheet2.xml")
        Parts.check(parts["xl/sharedStrings.xml"] ?? "", "sharedStrings.xml")
    }

    @Test func sameInputsSameParts() throws {
        let (a, first) = try write(), (b, second) = try write()
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        #expect(first == second)
    }

    @Test func constantMemoryStreamsRowsAndKeepsAnAutofilter() throws {
        let (directory, parts) = try write(constantMemory: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(parts["xl/sharedStrings.xml"] == nil)
        #expect(parts["xl/worksheets/sheet2.xml"]?.contains("<is><t>=SOMME(A1:A9)</t></is>") == true)
        #expect(parts["xl/tables/table1.xml"] == nil)
        #expect(parts["xl/worksheets/sheet3.xml"]?.contains("<autoFilter ref=\"A1:B3\"/>") == true)
    }

    @Test func aFailureLeavesNoHalfWorkbook() throws {
        let directory = Parts.temporary()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("essai.xlsx").path
        try Data("ancien classeur".utf8).write(to: URL(fileURLWithPath: path))
        var report = sample
        report.sheets[1].rows[0][0] = .text(String(repeating: "x", count: 40_000))
        #expect(throws: XLSXError.cellTooLong(sheet: "Texte", row: 2, column: "comment")) { try XLSXWriter(created: created).write(report, to: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "ancien classeur")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["essai.xlsx"])
        let missing = directory.appendingPathComponent("absent/essai.xlsx").path
        #expect(throws: XLSXError.self) { try XLSXWriter(created: created).write(sample, to: missing) }
    }
}

/// Reports whose long sheet is produced while it is written.
@Suite struct StreamedWriterTests {
    let created = 1_795_000_000

    struct Refused: Error, Equatable {}

    /// The sample's *Données* sheet streamed (with `count` rows), the other sheets built afterwards.
    func streamed(rows count: Int, failAt: Int? = nil, long: Int? = nil) -> StreamedReport {
        let data = Sheet(name: "Données", columns: [Column("a", "A", .text, "a"), Column("n", "N", .integer, "n")], rows: [], excelTable: true)
        let finished = FinishCount()
        return StreamedReport(sheetNames: sample.sheets.map(\.name), index: 2, sheet: data, estimatedRows: count, produce: { emit in
            for i in 0..<count {
                if i == failAt { throw Refused() }
                try emit([.text(i == long ? String(repeating: "x", count: 40_000) : "ligne \(i)"), .integer(i)])
            }
        }, finish: {
            finished.add()
            var report = sample
            report.sheets[2].rows = []
            report.properties.custom.append(Report.Field("lignes", "\(count)"))
            return report
        })
    }

    final class FinishCount: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.lock(); count += 1; lock.unlock() }
    }

    @Test(arguments: [false, true])
    func rowsComeInOrderAndSheetsKeepTheirPlace(constantMemory: Bool) throws {
        let directory = Parts.temporary()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("flux.xlsx").path
        // Several batches of the pipe, and a last one not full.
        try XLSXWriter(created: created, constantMemory: constantMemory).write(streamed(rows: 2_000), to: path)
        let parts = try Parts.read(path)
        let workbook = try #require(parts["xl/workbook.xml"])
        let order = ["Synthèse", "Texte", "Données"].map { workbook.range(of: "name=\"\($0)\"")!.lowerBound }
        #expect(order == order.sorted())
        let sheet = try #require(parts["xl/worksheets/sheet3.xml"])
        #expect(sheet.contains("<dimension ref=\"A1:B2001\"/>"))
        #expect(sheet.contains("<autoFilter ref=\"A1:B2001\"/>") || parts["xl/tables/table1.xml"]?.contains("ref=\"A1:B2001\"") == true)
        #expect(parts["docProps/custom.xml"]?.contains("<vt:lpwstr>2000</vt:lpwstr>") == true, "properties are set after the rows")
        #expect(parts["xl/worksheets/sheet1.xml"]?.contains("<c r=\"A5\"") == true, "the sheets built after the stream are complete")
        if constantMemory {
            #expect(sheet.contains("<is><t>ligne 0</t></is>") && sheet.contains("<is><t>ligne 1999</t></is>"))
            #expect(sheet.range(of: "ligne 1998")!.lowerBound < sheet.range(of: "ligne 1999")!.lowerBound)
        }
    }

    @Test func anErrorWhileProducingIsThrownAsItIsAndNothingIsLeft() throws {
        let directory = Parts.temporary()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("flux.xlsx").path
        #expect(throws: Refused()) { try XLSXWriter(created: created).write(streamed(rows: 5_000, failAt: 3_000), to: path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func anErrorWhileWritingStopsTheProducerAndNothingIsLeft() throws {
        let directory = Parts.temporary()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("flux.xlsx").path
        // Data row 10 (spreadsheet row 12) is too long for a cell: the writer stops while the producer still has rows to give.
        #expect(throws: XLSXError.cellTooLong(sheet: "Données", row: 12, column: "a")) {
            try XLSXWriter(created: created).write(streamed(rows: 100_000, long: 10), to: path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func materialisedIsTheSameReportInMemory() throws {
        let report = try streamed(rows: 3).materialised()
        #expect(report.sheets.map(\.name) == sample.sheets.map(\.name))
        #expect(report.sheets[2].rows == (0..<3).map { [.text("ligne \($0)"), .integer($0)] })
        #expect(report.sheets[0] == sample.sheets[0])
    }
}

@Suite struct AbandonedTemporaryFileTests {
    /// Left by a killed export: removed when the same workbook is written again; a running
    /// process's file and other names are kept.
    @Test func onlyFilesOfGoneProcessesAreRemoved() throws {
        let directory = Parts.temporary()
        defer { try? FileManager.default.removeItem(at: directory) }
        let names = [".essai.xlsx.2147483646.0A1B.tmp", ".essai.xlsx.\(getpid()).0A1B.tmp", ".essai.xlsx.tmp", ".autre.xlsx.2147483646.0A1B.tmp", "essai.xlsx.2147483646.x.tmp"]
        for name in names { try Data("x".utf8).write(to: directory.appendingPathComponent(name)) }
        try XLSXWriter(created: 1_795_000_000).write(sample, to: directory.appendingPathComponent("essai.xlsx").path)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        #expect(left == Set(names.dropFirst()).union(["essai.xlsx"]))
    }
}
