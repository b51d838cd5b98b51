import Testing
import RegardsTestSupport
@testable import RegardsCore
@testable import RegardsWorkbookReader

/// Pure conversions: serial dates, cell references, date format codes, Office text escapes.
@Suite struct ValueTests {
    @Test(arguments: [
        (46081.0, false, "2026-02-28"), (46352.657916666, false, "2026-11-26T15:47:24"), (61, false, "1900-03-01"), (60, false, "1900-02-28"),
        (59, false, "1900-02-28"), (1, false, "1900-01-01"), (0.5, false, "1899-12-30T12:00:00"), (45351.99999999, false, "2024-03-01"),
        (-1, false, "1899-12-29"), (44619, true, "2026-02-28"), (0, true, "1904-01-01"), (2_958_465.999988426, false, "9999-12-31T23:59:59"),
    ])
    func serialDates(serial: Double, date1904: Bool, expected: String) throws {
        #expect(try #require(CellDate(serial: serial, date1904: date1904)).description == expected)
    }

    @Test func unreadableSerialsAndISODates() {
        #expect(CellDate(serial: .nan, date1904: false) == nil && CellDate(serial: 1e9, date1904: false) == nil)
        #expect(CellDate(iso: "2026-02-28") == CellDate(year: 2026, month: 2, day: 28))
        #expect(CellDate(iso: "2026-02-28T15:47:24.491Z") == CellDate(year: 2026, month: 2, day: 28, hour: 15, minute: 47, second: 24))
        #expect(CellDate(iso: "2026-13-01") == nil && CellDate(iso: "28/02/2026") == nil && CellDate(iso: "2026-02-28T25:00:00") == nil)
    }

    @Test func references() {
        #expect(WorksheetData.reference(row: 12, column: 6) == "F12")
        #expect([1, 26, 27, 52, 53, 702, 703, 16_384].map(CellReference.letters(column:)) == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"])
        #expect(["A", "z", "AA", "xfd"].map(CellReference.column(letters:)) == [1, 26, 27, 16_384])
        #expect(CellReference.column(letters: "XFE") == nil && CellReference.column(letters: "") == nil && CellReference.column(letters: "A1") == nil)
        #expect(CellReference("$AB$12") == CellReference(row: 12, column: 28))
        #expect(["", "12", "F", "1F", "F0", "F1048577", "XFE1", "F-1"].allSatisfy { CellReference($0) == nil })
    }

    @Test(arguments: [
        ("yyyy-mm-dd", true), ("YYYY\\-MM\\-DD", true), ("dd/mm/yyyy\\ hh:mm", true), ("[$-40C]d\\ mmmm\\ yyyy;@", true), ("h:mm AM/PM", true), ("[h]:mm:ss", true),
        ("General", false), ("0.00", false), ("#,##0\\ \"€\"", false), ("0.00\" jours\"", false), ("[Red][<0]#,##0", false), ("0.0E+00", false),
        ("_-* #,##0_-;\\-* #,##0_-", false), ("@", false), ("\\d\\a\\y 0", false), ("*-0", false), ("[ss]", false),
    ])
    func dateFormatCodes(code: String, isDate: Bool) {
        #expect(DateFormatCode.isDate(code) == isDate)
    }

    @Test func officeTextEscapes() {
        #expect(XMLPartParser.unescapeOfficeText("a_x000D_b") == "a\rb")
        #expect(XMLPartParser.unescapeOfficeText("_x005F_x0041_ reste") == "_x0041_ reste")
        #expect(XMLPartParser.unescapeOfficeText("_xD83D__xDE00_") == "😀")
        #expect(XMLPartParser.unescapeOfficeText("_x12G4_ et _x") == "_x12G4_ et _x")
        #expect(XMLPartParser.unescapeOfficeText("sans échappement") == "sans échappement")
    }
}
