import Foundation
import Testing
import RegardsTestSupport
@testable import RegardsCore
@testable import RegardsWorkbookReader

/// Hand-made packages for what the writers at hand do not produce on demand: inline strings, runs,
/// phonetic runs, missing `r`, absolute targets and odd rIds, prefixed elements, every cell type.
@Suite(.messages(.en)) struct PackageTests {
    func sheet(_ sheetData: String, sharedStrings: String? = nil, styles: String? = nil, date1904: Bool = false, extra: String = "") throws -> WorksheetData {
        let workbook = try TinyPackage.read(TinyPackage.workbook(sheetData: sheetData, sharedStrings: sharedStrings, styles: styles, date1904: date1904, sheetExtra: extra))
        return try #require(workbook.sheets.first)
    }

    @Test func inlineStringsRunsAndSpacesAsWritten() throws {
        let s = try sheet("""
            <row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve">  deux espaces  </t></is></c>\
            <c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>gras</t></r><r><t xml:space="preserve"> puis </t></r><r><t>maigre</t></r></is></c>\
            <c r="C1" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c>\
            <c r="D1" t="inlineStr"><is><t>a &amp; b &lt;c&gt; &#233;</t></is></c>\
            <c r="E1" t="inlineStr"><is><t xml:space="preserve"> </t></is></c>\
            <c r="F1" t="inlineStr"><is><t>ligne 1
            ligne 2</t></is></c></row>
            """)
        #expect(s.cell("A1") == .text("  deux espaces  "))
        #expect(s.cell("B1") == .text("gras puis maigre"))
        #expect(s.cell("C1") == .text("東京"))
        #expect(s.cell("D1") == .text("a & b <c> é"))
        #expect(s.cell("E1") == .text(" "))
        #expect(s.cell("F1") == .text("ligne 1\nligne 2"))
    }

    @Test func sharedStringsWithRunsAndPhoneticRuns() throws {
        let s = try sheet("<row r=\"2\"><c r=\"B2\" t=\"s\"><v>1</v></c><c r=\"C2\" t=\"s\"><v>0</v></c><c r=\"D2\" t=\"s\"><v>2</v></c></row>",
                          sharedStrings: "<si><t>simple</t></si><si><r><t>pas </t></r><r><rPr><i/></rPr><t>conforme</t></r><rPh><t>x</t></rPh></si><si><t/></si>")
        #expect(s.rows.map(\.number) == [2])
        #expect(s.cell(row: 2, column: 2) == .text("pas conforme"))
        #expect(s.rows[0][column: "C"] == .text("simple"))
        #expect(s.cell("D2") == nil, "an empty text is no value")
    }

    @Test func missingReferencesCountPositions() throws {
        // No `r` on rows or cells (positions counted), then a row and a cell with one, then counting again.
        let s = try sheet("""
            <row><c t="inlineStr"><is><t>A1</t></is></c><c><v>2</v></c></row>\
            <row><c/><c s="0"/><c><v>3</v></c></row>\
            <row r="5"><c r="D5"><v>4</v></c><c><v>5</v></c></row>\
            <row><c r="B6"><v>6</v></c></row>\
            <row><c><v>7</v></c></row>
            """)
        #expect(s.cell("A1") == .text("A1"))
        #expect(s.cell("B1") == .number(2))
        #expect(s.rows[1].cells == [WorksheetCell(column: 3, value: .number(3))], "value-less cells are skipped")
        #expect(s.cell("D5") == .number(4) && s.cell("E5") == .number(5))
        #expect(s.cell("B6") == .number(6))
        #expect(s.cell("A7") == .number(7))
    }

    @Test func everyCellType() throws {
        let s = try sheet("""
            <row r="1"><c r="A1"><v>2.75</v></c><c r="B1" t="n"><v>-1E-3</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c>\
            <c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="str"><v>0042</v></c><c r="G1" t="d"><v>2026-02-28T15:47:24</v></c><c r="H1" t="s"/></row>\
            <row r="2"><c r="A2" t="b"><f>TRUE()</f><v>1</v></c><c r="B2"><f>SUM(A1:A9)</f><v>2.75</v></c><c r="C2"><f t="shared" si="0"/><v>0</v></c>\
            <c r="D2" t="str"><f>"a"&amp;"b"</f></c><c r="E2" s="0"><v></v></c></row>
            """)
        #expect(s.rows[0].cells.map(\.value) == [.number(2.75), .number(-0.001), .bool(true), .bool(false), .error("#N/A"), .text("0042"),
                                                  .date(CellDate(year: 2026, month: 2, day: 28, hour: 15, minute: 47, second: 24))])
        // Formulas are never their cached values, booleans LibreOffice writes as formulas included.
        #expect(s.rows[1].cells.map(\.value) == [.formula("TRUE()"), .formula("SUM(A1:A9)"), .formula(""), .formula("\"a\"&\"b\"")])
    }

    @Test func datesThroughStyles() throws {
        let styles = """
            <numFmts count="3"><numFmt numFmtId="164" formatCode="dd/mm/yyyy\\ hh:mm"/><numFmt numFmtId="165" formatCode="0.00&quot; days&quot;"/>\
            <numFmt numFmtId="166" formatCode="[Red][&lt;0]#,##0;0"/></numFmts>\
            <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
            <cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="47"/></cellXfs>\
            <dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="yyyy"/></dxf></dxfs>
            """
        let row = "<row r=\"1\"><c r=\"A1\"><v>46081</v></c><c r=\"B1\" s=\"1\"><v>46081</v></c><c r=\"C1\" s=\"2\"><v>46352.657916666</v></c>"
            + "<c r=\"D1\" s=\"3\"><v>46081</v></c><c r=\"E1\" s=\"4\"><v>46081</v></c><c r=\"F1\" s=\"5\"><v>0.5</v></c><c r=\"G1\" s=\"9\"><v>1</v></c></row>"
        let s = try sheet(row, styles: styles)
        #expect(s.cell("A1") == .number(46081))
        #expect(s.cell("B1") == .date(CellDate(year: 2026, month: 2, day: 28)))
        #expect(s.cell("C1") == .date(CellDate(year: 2026, month: 11, day: 26, hour: 15, minute: 47, second: 24)))
        #expect(s.cell("D1") == .number(46081), "quoted text is not a date token")
        #expect(s.cell("E1") == .number(46081), "bracketed colours and conditions are not date tokens")
        #expect(s.cell("F1") == .date(CellDate(year: 1899, month: 12, day: 30, hour: 12)))
        #expect(s.cell("G1") == .number(1), "a style index beyond cellXfs is no date")
        let mac = try sheet("<row r=\"1\"><c r=\"A1\" s=\"1\"><v>44619</v></c></row>", styles: styles, date1904: true)
        #expect(mac.cell("A1") == .date(CellDate(year: 2026, month: 2, day: 28)))
    }

    @Test func prefixedElementsAndStrictRelationshipTypes() throws {
        let x = "http://purl.oclc.org/ooxml/spreadsheetml/main"
        let strict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
        let parts: [(String, String)] = [
            ("_rels/.rels", "<Relationships xmlns=\"\(TinyPackage.packageRelationships)\"><Relationship Id=\"a\" Type=\"\(strict)/officeDocument\" Target=\"/wb.xml\"/></Relationships>"),
            ("wb.xml", "<x:workbook xmlns:x=\"\(x)\" xmlns:rel=\"\(strict)\"><x:workbookPr date1904=\"0\"/><x:sheets>"
                + "<x:sheet name=\"Cachée\" sheetId=\"3\" state=\"veryHidden\" rel:id=\"b\"/><x:sheet name=\"Graphique\" sheetId=\"4\" rel:id=\"c\"/></x:sheets></x:workbook>"),
            ("_rels/wb.xml.rels", "<Relationships xmlns=\"\(TinyPackage.packageRelationships)\"><Relationship Id=\"b\" Type=\"\(strict)/worksheet\" Target=\"./s/../s/one.xml\"/>"
                + "<Relationship Id=\"c\" Type=\"\(strict)/chartsheet\" Target=\"chart.xml\"/><Relationship Id=\"h\" Type=\"\(strict)/hyperlink\" Target=\"https://example.org\" TargetMode=\"External\"/></Relationships>"),
            ("s/one.xml", "<x:worksheet xmlns:x=\"\(x)\"><x:sheetData><x:row r=\"3\"><x:c r=\"B3\" t=\"inlineStr\"><x:is><x:t>ok</x:t></x:is></x:c></x:row></x:sheetData>"
                + "<x:sheetProtection x:sheet=\"1\"/></x:worksheet>"),
        ]
        let workbook = try TinyPackage.read(parts)
        #expect(workbook.sheets.map(\.name) == ["Cachée"], "chart sheets have no cells")
        #expect(workbook.sheets[0].state == .veryHidden && workbook.sheets[0].protected)
        #expect(workbook.sheets[0].cell("B3") == .text("ok"))
    }

    @Test func rowsAndCellsOutOfOrderAreSorted() throws {
        let s = try sheet("<row r=\"4\"><c r=\"C4\"><v>3</v></c><c r=\"A4\"><v>1</v></c></row><row r=\"2\"><c r=\"B2\"><v>2</v></c></row><row r=\"4\"><c r=\"B4\"><v>9</v></c></row>")
        #expect(s.rows.map(\.number) == [2, 4])
        #expect(s.rows[1].cells.map(\.column) == [1, 2, 3])
        #expect(s.cell("B4") == .number(9))
    }

    @Test func sheetStateProtectionAndCustomProperties() throws {
        var parts = TinyPackage.workbook(sheetData: "", sheetExtra: "<sheetProtection sheet=\"true\" objects=\"true\"/>")
        parts = parts.map { path, text in
            switch path {
            case "xl/classeur.xml": (path, text.replacingOccurrences(of: "sheetId=\"1\"", with: "sheetId=\"1\" state=\"hidden\""))
            case "_rels/.rels": (path, TinyPackage.rels([(id: "rId7", type: "officeDocument", target: "xl/classeur.xml"), (id: "rId9", type: "custom-properties", target: "/props/perso.xml")]))
            default: (path, text)
            }
        }
        parts.append(("props/perso.xml", """
            <?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" \
            xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
            <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="visite"><vt:lpwstr>2026-001</vt:lpwstr></property>\
            <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="point"><vt:i4>17</vt:i4></property>\
            <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="vide"><vt:lpwstr></vt:lpwstr></property>\
            <property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="5" name="espaces"><vt:lpwstr xml:space="preserve"> a b </vt:lpwstr></property>\
            </Properties>
            """))
        let workbook = try TinyPackage.read(parts)
        #expect(workbook.customProperties == ["visite": "2026-001", "point": "17", "vide": "", "espaces": " a b "])
        #expect(workbook.sheets[0].state == .hidden && workbook.sheets[0].protected)
        let open = try TinyPackage.read(TinyPackage.workbook(sheetData: "", sheetExtra: "<sheetProtection objects=\"1\"/>"))
        #expect(!open.sheets[0].protected, "protecting objects only is not protecting the sheet")
        #expect(open.customProperties.isEmpty)
    }

    @Test func officeEscapesInText() throws {
        let s = try sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>ligne_x000D_\nsuite</t></is></c><c r=\"B1\" t=\"s\"><v>0</v></c></row>",
                          sharedStrings: "<si><t>_x005F_x0041_</t></si>")
        #expect(s.cell("A1") == .text("ligne\r\nsuite"))
        #expect(s.cell("B1") == .text("_x0041_"))
    }

    /// A DTD is refused before parsing: no entity is expanded, no external file read.
    @Test func hostileXML() throws {
        let laughs = "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
        let external = "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        for doctype in [laughs, external] {
            let parts = TinyPackage.workbook(sheetData: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&c;&x;</t></is></c></row>").map { path, text in
                path == "xl/feuilles/premiere.xml" ? (path, text.replacingOccurrences(of: "?><worksheet", with: "?><!-- commentaire -->\(doctype)<worksheet")) : (path, text)
            }
            let error = #expect(throws: WorkbookReaderError.self) { try TinyPackage.read(parts) }
            #expect(error?.description == "refused: xl/feuilles/premiere.xml declares a document type (DTD), which no spreadsheet program writes")
        }
    }

    @Test func damagedContentsAreRefusedWithThePartAndCell() throws {
        let cases: [(String, String?, String)] = [
            ("<row r=\"3\"><c r=\"B3\" t=\"s\"><v>4</v></c></row>", "<si><t>seul</t></si>",
             "the workbook is damaged: xl/feuilles/premiere.xml cell B3 has an unreadable shared string index"),
            ("<row r=\"1\"><c r=\"A1\"><v>douze</v></c></row>", nil, "the workbook is damaged: xl/feuilles/premiere.xml cell A1 has an unreadable number"),
            ("<row r=\"2\"><c r=\"C2\"><v>nan</v></c></row>", nil, "the workbook is damaged: xl/feuilles/premiere.xml cell C2 has an unreadable number"),
            ("<row r=\"2\"><c r=\"C2\" t=\"z\"><v>1</v></c></row>", nil, "the workbook is damaged: xl/feuilles/premiere.xml cell C2 has an unreadable cell type"),
            ("<row r=\"2000000\"><c><v>1</v></c></row>", nil, "the workbook is damaged: xl/feuilles/premiere.xml row 2000000 has an unreadable row number"),
            ("<row r=\"1\"><c r=\"A0\"><v>1</v></c></row>", nil, "the workbook is damaged: xl/feuilles/premiere.xml cell A0 has an unreadable cell reference"),
            ("<row r=\"1\"><c r=\"A1\"><v>1</v></row>", nil, "the workbook is damaged: malformed XML in xl/feuilles/premiere.xml at line 1"),
        ]
        for (data, strings, message) in cases {
            let error = #expect(throws: WorkbookReaderError.self) { try TinyPackage.read(TinyPackage.workbook(sheetData: data, sharedStrings: strings)) }
            #expect(error?.description == message)
        }
    }
}
