import Foundation
import Testing
import RegardsTestSupport
import ZIPFoundation
@testable import RegardsCore
@testable import RegardsWorkbookReader

/// Every file the reader refuses, with its exact one-line message (the message is the contract).
@Suite(.messages(.en)) struct RefusalTests {
    /// Reads `bytes` written to a file and returns the refusal's message.
    func refusal(_ bytes: Data, limits: WorkbookReader.Limits = .init()) throws -> String? {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("grille.xlsx")
        try bytes.write(to: url)
        return refusal(url, limits: limits)
    }

    func refusal(_ url: URL, limits: WorkbookReader.Limits = .init()) -> String? {
        let error = #expect(throws: WorkbookReaderError.self) { try WorkbookReader(limits: limits).read(path: url.path) }
        return error?.description
    }

    func zip(_ parts: [(String, String)], compression: CompressionMethod = .deflate) throws -> Data {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("paquet.zip")
        try TinyPackage.write(parts, to: url, compression: compression)
        return try Data(contentsOf: url)
    }

    @Test func theDefaultLimits() {
        #expect(WorkbookReader.Limits() == .init(fileSize: 20_000_000, expandedSize: 100_000_000, compressionRatio: 100, ratioCheckedFrom: 1_000_000))
    }

    @Test func filesThatAreNotZipArchives() throws {
        let cfb = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504))
        let cases: [(Data, String)] = [
            (Data(), "not an .xlsx workbook: the file is empty"),
            (cfb, "not an .xlsx workbook: an encrypted workbook or an .xls file: save it as .xlsx without a password"),
            (Data("critère;réponse\r\nAC-01;oui\r\n".utf8), "not an .xlsx workbook: the file is text (CSV?), not a zip archive"),
            (Data("\u{FEFF}criterion,answer\n".utf8), "not an .xlsx workbook: the file is text (CSV?), not a zip archive"),
            (Data("\n<html><body><table><tr><td>1</td></tr></table></body></html>".utf8),
             "not an .xlsx workbook: the file is HTML or XML text: open it in a spreadsheet and save it as .xlsx"),
            (Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]), "not an .xlsx workbook: the file is not a zip archive"),
        ]
        for (bytes, message) in cases {
            #expect(try refusal(bytes) == message)
        }
    }

    @Test func anOpenDocumentSpreadsheet() throws {
        // As LibreOffice writes it: a first, stored `mimetype` part.
        let ods = try zip([("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<office:document-content/>")], compression: .none)
        #expect(try refusal(ods) == "not an .xlsx workbook: an .ods file: convert it with `soffice --headless --convert-to xlsx FILE.ods`")
    }

    @Test func aTruncatedZip() throws {
        let whole = try zip(TinyPackage.workbook(sheetData: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))
        for length in [whole.count / 2, whole.count - 10, 30] {
            #expect(try refusal(whole.prefix(length)) == "the workbook is truncated or damaged: its zip archive cannot be read (was it copied completely?)")
        }
    }

    @Test func aFileOverTheSizeLimit() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A sparse 40 MB file: the size is refused before a byte is read.
        let url = folder.appendingPathComponent("grosse.xlsx")
        #expect(FileManager.default.createFile(atPath: url.path, contents: Data("PK\u{03}\u{04}".utf8)))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 40_000_000)
        try handle.close()
        #expect(refusal(url) == "the file is too large: 40 MB, the limit is 20 MB")
        #expect(refusal(url, limits: .init(fileSize: 39_500_000)) == "the file is too large: 40 MB, the limit is 39.5 MB")
    }

    @Test func zipBombs() throws {
        let spaces = String(repeating: " ", count: 2_000_000)
        let bomb = try zip([("xl/worksheets/sheet1.xml", spaces)])
        #expect(try refusal(bomb, limits: .init(expandedSize: 1_500_000)) == "refused as a zip bomb: its parts expand to 2 MB, the limit is 1.5 MB")
        // Within the total, but one part expands far beyond any real sheet.
        let archive = try Archive(data: bomb, accessMode: .read)
        let entry = try #require(archive["xl/worksheets/sheet1.xml"])
        let ratio = entry.uncompressedSize / entry.compressedSize
        #expect(ratio > 100)
        #expect(try refusal(bomb) == "refused as a zip bomb: xl/worksheets/sheet1.xml expands \(ratio) times, the limit is 100")
        // A part whose zip header understates its size is stopped while it expands.
        var lying = try zip(TinyPackage.workbook(sheetData: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>\(String(repeating: "x", count: 5000))</t></is></c></row>"))
        Self.setUncompressedSize(of: "xl/feuilles/premiere.xml", to: 600, in: &lying)
        #expect(try refusal(lying) == "refused as a zip bomb: xl/feuilles/premiere.xml expands beyond the size its zip header announces")
    }

    @Test func aDamagedPart() throws {
        // Stored, not compressed, so the byte to change is found: the CRC no longer matches.
        var bytes = try zip(TinyPackage.workbook(sheetData: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"), compression: .none)
        let value = try #require(bytes.range(of: Data("<v>1</v>".utf8)))
        bytes[value.lowerBound + 3] = UInt8(ascii: "7")
        #expect(try refusal(bytes) == "the workbook is damaged: xl/feuilles/premiere.xml cannot be unzipped")
    }

    @Test func packagesWithoutAWorkbook() throws {
        #expect(try refusal(zip([("notes.txt", "rien")])) == "not an .xlsx workbook: the zip archive has no workbook part")
        var parts = TinyPackage.workbook(sheetData: "")
        #expect(try refusal(zip(parts.filter { $0.0 != "xl/classeur.xml" })) == "the workbook is damaged: the part xl/classeur.xml is missing")
        #expect(try refusal(zip(parts.filter { $0.0 != "xl/feuilles/premiere.xml" })) == "the workbook is damaged: the part xl/feuilles/premiere.xml is missing")
        let unlinked = parts.map { $0.0 == "xl/_rels/classeur.xml.rels" ? ($0.0, TinyPackage.rels([])) : $0 }
        #expect(try refusal(zip(unlinked)) == "the workbook is damaged: the sheet Feuille has no part")
        parts = parts.map { $0.0 == "xl/classeur.xml" ? ($0.0, "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>") : $0 }
        #expect(try refusal(zip(parts)) == "not an .xlsx workbook: its main part xl/classeur.xml is not a spreadsheet (a Word or PowerPoint file?)")
    }

    @Test func filesThatCannotBeOpened() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(refusal(folder.appendingPathComponent("absente.xlsx")) == "cannot open the file: no such file or directory")
        #expect(refusal(folder) == "cannot open the file: it is not a regular file")
    }

    /// Rewrites the uncompressed size of one entry in its local header and in the central directory.
    static func setUncompressedSize(of path: String, to size: UInt32, in zip: inout Data) {
        let name = Array(path.utf8)
        let bytes = [UInt8](zip)
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func put(_ i: Int) { for k in 0..<4 { zip[i + k] = UInt8((size >> (8 * UInt32(k))) & 0xFF) } }
        var i = 0
        while i + 46 < bytes.count {
            if bytes[i..<i + 4] == [0x50, 0x4B, 0x03, 0x04], Array(bytes[(i + 30)..<(i + 30 + u16(i + 26))]) == name { put(i + 22) }
            if bytes[i..<i + 4] == [0x50, 0x4B, 0x01, 0x02], Array(bytes[(i + 46)..<(i + 46 + u16(i + 28))]) == name { put(i + 24) }
            i += 1
        }
    }
}
