import Foundation
import Testing
import ZIPFoundation
import RegardsTestSupport
@testable import RegardsWorkbookReader

/// A fresh folder per test, removed by the caller.
func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("regards-reader-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// LibreOffice conversions for the round-trip tests (the clients themselves: `RegardsTestSupport.Clients`).
extension Clients {
    /// A LibreOffice profile of our own, so a LibreOffice started by another test or by the user does not lock us out;
    /// kept between runs (creating one costs seconds).
    static let profile = FileManager.default.temporaryDirectory.appendingPathComponent("regards-reader-lo-profile")

    /// `soffice --headless --convert-to FORMAT`, into `folder`; the converted file's path.
    static func convert(_ file: URL, to format: String, into folder: URL) throws -> URL {
        let soffice = try #require(soffice, "LibreOffice is required (REGARDS_REQUIRE_CLIENTS=1) but soffice is not on the PATH; run `make setup-tests`")
        let result = try run(soffice, ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", format, "--outdir", folder.path, file.path])
        let out = folder.appendingPathComponent(file.deletingPathExtension().lastPathComponent + "." + format)
        #expect(result.status == 0 && FileManager.default.fileExists(atPath: out.path), "soffice: \(result.stdout) \(result.stderr)")
        return out
    }
}

/// Hand-made packages: a zip of the given parts, in order, for the cases no writer produces on demand.
enum TinyPackage {
    static func write(_ parts: [(String, String)], to url: URL, compression: CompressionMethod = .deflate) throws {
        try write(parts.map { ($0.0, Data($0.1.utf8)) }, to: url, compression: compression)
    }

    static func write(_ parts: [(String, Data)], to url: URL, compression: CompressionMethod = .deflate) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_795_000_000),
                                 compressionMethod: compression) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    static func rels(_ list: [(id: String, type: String, target: String)]) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"\(packageRelationships)\">"
            + list.map { "<Relationship Id=\"\($0.id)\" Type=\"\(relationships)/\($0.type)\" Target=\"\($0.target)\"/>" }.joined()
            + "</Relationships>"
    }

    /// A workbook of one sheet named `Feuille` with these `<sheetData>` contents; shared strings and
    /// styles only when given. Parts sit where LibreOffice puts them (absolute targets, rId2 first).
    static func workbook(sheetData: String, sharedStrings: String? = nil, styles: String? = nil, date1904: Bool = false, sheetExtra: String = "") -> [(String, String)] {
        var workbookRels: [(id: String, type: String, target: String)] = [(id: "rId2", type: "worksheet", target: "/xl/feuilles/premiere.xml")]
        var parts: [(String, String)] = [
            ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("_rels/.rels", rels([(id: "rId7", type: "officeDocument", target: "xl/classeur.xml")])),
            ("xl/classeur.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
                + (date1904 ? "<workbookPr date1904=\"true\"/>" : "")
                + "<sheets><sheet name=\"Feuille\" sheetId=\"1\" r:id=\"rId2\"/></sheets></workbook>"),
            ("xl/feuilles/premiere.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"\(main)\"><dimension ref=\"A1\"/><sheetData>\(sheetData)</sheetData>\(sheetExtra)</worksheet>"),
        ]
        if let sharedStrings {
            workbookRels.append((id: "rId1", type: "sharedStrings", target: "textes.xml"))
            parts.append(("xl/textes.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"\(main)\">\(sharedStrings)</sst>"))
        }
        if let styles {
            workbookRels.append((id: "rId3", type: "styles", target: "styles.xml"))
            parts.append(("xl/styles.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>"))
        }
        parts.append(("xl/_rels/classeur.xml.rels", rels(workbookRels)))
        return parts
    }

    /// Writes `parts` and reads them back.
    static func read(_ parts: [(String, String)], limits: WorkbookReader.Limits = .init()) throws -> Workbook {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("essai.xlsx")
        try write(parts, to: url)
        return try WorkbookReader(limits: limits).read(path: url.path)
    }
}
