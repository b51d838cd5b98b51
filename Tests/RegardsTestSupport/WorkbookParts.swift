import Foundation
import ZIPFoundation

/// The parts of an .xlsx (a zip of XML files), for tests that look inside workbooks.
public enum WorkbookParts {
    /// The text of every part, by path inside the archive.
    public static func read(_ path: String) throws -> [String: String] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var out: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            out[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return out
    }
}

/// Hand-made packages: a zip of the given parts, in order, for the cases no writer produces on demand.
public enum TinyPackage {
    public static func write(_ parts: [(String, String)], to url: URL, compression: CompressionMethod = .deflate) throws {
        try write(parts.map { ($0.0, Data($0.1.utf8)) }, to: url, compression: compression)
    }

    public static func write(_ parts: [(String, Data)], to url: URL, compression: CompressionMethod = .deflate) throws {
        let archive = try Archive(url: url, accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_795_000_000),
                                 compressionMethod: compression) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    public static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    public static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    public static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"

    public static func rels(_ list: [(id: String, type: String, target: String)]) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"\(packageRelationships)\">"
            + list.map { "<Relationship Id=\"\($0.id)\" Type=\"\(relationships)/\($0.type)\" Target=\"\($0.target)\"/>" }.joined()
            + "</Relationships>"
    }

    /// A workbook of one sheet named `Feuille` with these `<sheetData>` contents; shared strings and
    /// styles only when given. Parts sit where LibreOffice puts them (absolute targets, rId2 first).
    public static func workbook(sheetData: String, sharedStrings: String? = nil, styles: String? = nil, date1904: Bool = false, sheetExtra: String = "") -> [(String, String)] {
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
}

extension WorkbookParts {
    /// A copy of the workbook at `path` written to `target`, each part passed through `edit`
    /// (nil drops the part): how the tests make the workbook a user damaged, sorted or re-stamped.
    public static func rewrite(_ path: String, to target: String, edit: (String, String) -> String?) throws {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var parts: [(String, Data)] = []
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            if let text = edit(entry.path, String(decoding: data, as: UTF8.self)) { parts.append((entry.path, Data(text.utf8))) }
        }
        try? FileManager.default.removeItem(atPath: target)
        try TinyPackage.write(parts, to: URL(fileURLWithPath: target))
    }

    /// A worksheet's XML with the cell at `reference` replaced by `cell` (the whole `<c …>` element;
    /// nil removes it), or `cell` added at the end of its row.
    public static func setting(_ xml: String, _ reference: String, to cell: String?) -> String {
        let pattern = "<c r=\"\(reference)\"[^>]*?(/>|>.*?</c>)"
        if let range = xml.range(of: pattern, options: .regularExpression) { return xml.replacingCharacters(in: range, with: cell ?? "") }
        guard let cell, let row = Int(reference.drop { $0.isLetter }),
              let open = xml.range(of: "<row r=\"\(row)\"[^>]*>.*?</row>", options: .regularExpression) else { return xml }
        var element = String(xml[open])
        element.removeLast("</row>".count)
        return xml.replacingCharacters(in: open, with: element + cell + "</row>")
    }

    /// An inline-string cell, as a user's typing is written by some programs.
    public static func textCell(_ reference: String, _ text: String) -> String {
        "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
    }

    /// The `<row>` element of row `number` (nil when the row has no cell).
    public static func row(_ xml: String, _ number: Int) -> Range<String.Index>? {
        xml.range(of: "<row r=\"\(number)\"[^>]*>.*?</row>", options: .regularExpression)
    }

    /// The row of the first sheet whose cell in `column` holds the shared string `text`.
    public static func row(of text: String, column: String, in path: String) throws -> Int? {
        let parts = try read(path)
        let strings = (parts["xl/sharedStrings.xml"] ?? "").components(separatedBy: "<si>").dropFirst()
        guard let index = strings.firstIndex(where: { $0.hasPrefix("<t>\(text)</t>") || $0.hasPrefix("<t xml:space=\"preserve\">\(text)</t>") }).map({ $0 - 1 }),
              let sheet = parts["xl/worksheets/sheet1.xml"],
              let cell = sheet.range(of: "<c r=\"\(column)[0-9]+\"[^>]*t=\"s\"><v>\(index)</v></c>", options: .regularExpression) else { return nil }
        return Int(sheet[cell].dropFirst("<c r=\"\(column)".count).prefix { $0.isNumber })
    }
}
