import RegardsCore
import Foundation

/// A part's relationships (`_rels/NAME.rels`): which parts it points to, by id and type.
struct Relationships {
    struct Relationship {
        var id: String
        var type: String
        /// The target's part name, resolved against the source part (no leading `/`).
        var target: String
    }

    var list: [Relationship] = []

    /// Types are matched by their last segment: the transitional and strict vocabularies differ in
    /// their prefix only (`…/officeDocument/2006/relationships/worksheet` and `…/relationships/worksheet`).
    func first(ofType suffix: String) -> Relationship? {
        list.first { $0.type.hasSuffix("/" + suffix) }
    }

    subscript(id id: String) -> Relationship? {
        list.first { $0.id == id }
    }

    /// Reads the relationships of `source` (`""` for the package itself); none when the file is absent.
    static func load(for source: String, from archive: PackageArchive) throws(WorkbookReaderError) -> Relationships {
        let path = relationshipsPath(of: source)
        guard archive.contains(path) else { return Relationships() }
        let parser = RelationshipsParser(part: path, base: directory(of: source))
        try parser.parse(try archive.data(path))
        return parser.relationships
    }

    /// `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; the package → `_rels/.rels`.
    static func relationshipsPath(of source: String) -> String {
        let folder = directory(of: source)
        let name = source.split(separator: "/").last.map(String.init) ?? ""
        return (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
    }

    static func directory(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[..<slash])
    }

    /// A target relative to `base` (`worksheets/sheet1.xml`, `../docProps/custom.xml`) or absolute
    /// (`/xl/worksheets/sheet1.xml`, as LibreOffice writes some), as a part name without a leading `/`.
    static func resolve(_ target: String, base: String) -> String {
        let decoded = target.removingPercentEncoding ?? target
        var segments: [Substring] = decoded.hasPrefix("/") ? [] : base.split(separator: "/")
        for segment in decoded.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": _ = segments.popLast()
            default: segments.append(segment)
            }
        }
        return segments.joined(separator: "/")
    }
}

final class RelationshipsParser: XMLPartParser {
    let base: String
    var relationships = Relationships()

    init(part: String, base: String) {
        self.base = base
        super.init(part: part)
    }

    override func start(_ elementName: String, attributes: [String: String]) {
        guard elementName == "Relationship" else { return }
        // External targets (hyperlinks) are not parts.
        if Self.attribute("TargetMode", in: attributes) == "External" { return }
        guard let id = Self.attribute("Id", in: attributes), let type = Self.attribute("Type", in: attributes),
              let target = Self.attribute("Target", in: attributes) else { return }
        relationships.list.append(.init(id: id, type: type, target: Relationships.resolve(target, base: base)))
    }
}
