import RegardsCore
import Foundation

/// Reads an .xlsx file into plain values (`Workbook`), streaming each XML part, after checking the
/// file is a workbook of a sensible size. Parts are found through the relationship files
/// (`_rels/.rels` → the workbook → `xl/_rels/workbook.xml.rels`), never by name or rId: writers
/// number them differently and LibreOffice renumbers them when it saves.
public struct WorkbookReader: Sendable {
    /// Sizes beyond which a file is refused before anything is unzipped.
    public struct Limits: Equatable, Sendable {
        /// The file's size on disk, in bytes.
        public var fileSize: Int
        /// The sum of the parts' uncompressed sizes, in bytes.
        public var expandedSize: UInt64
        /// How many times one part may expand (real spreadsheets stay well under 100).
        public var compressionRatio: UInt64
        /// Parts smaller than this are not ratio-checked: small repetitive parts compress very well and cost nothing.
        public var ratioCheckedFrom: UInt64

        public init(fileSize: Int = 20_000_000, expandedSize: UInt64 = 100_000_000, compressionRatio: UInt64 = 100, ratioCheckedFrom: UInt64 = 1_000_000) {
            self.fileSize = fileSize
            self.expandedSize = expandedSize
            self.compressionRatio = compressionRatio
            self.ratioCheckedFrom = ratioCheckedFrom
        }
    }

    public var limits: Limits

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    /// Every worksheet, the custom properties and the date system of the workbook at `path`.
    public func read(path: String) throws(WorkbookReaderError) -> Workbook {
        let archive = try PackageArchive(path: path, limits: limits)
        let package = try Relationships.load(for: "", from: archive)
        guard let main = package.first(ofType: "officeDocument") else { throw .noWorkbookPart }

        let workbook = WorkbookPartParser(part: main.target)
        try workbook.parse(try archive.data(main.target))
        let parts = try Relationships.load(for: main.target, from: archive)

        var sharedStrings: [String] = []
        if let rel = parts.first(ofType: "sharedStrings"), archive.contains(rel.target) {
            let parser = SharedStringsParser(part: rel.target)
            try parser.parse(try archive.data(rel.target))
            sharedStrings = parser.strings
        }
        var dateStyles: [Bool] = []
        if let rel = parts.first(ofType: "styles"), archive.contains(rel.target) {
            let parser = StylesParser(part: rel.target)
            try parser.parse(try archive.data(rel.target))
            dateStyles = parser.dateStyles
        }

        var sheets: [WorksheetData] = []
        for entry in workbook.sheets {
            guard let rel = parts[id: entry.relationshipID] else { throw .missingSheetPart(sheet: entry.name) }
            // Chart sheets and dialog sheets have no cells.
            guard rel.type.hasSuffix("/worksheet") else { continue }
            let parser = WorksheetParser(part: rel.target, sharedStrings: sharedStrings, dateStyles: dateStyles, date1904: workbook.date1904)
            try parser.parse(try archive.data(rel.target))
            sheets.append(WorksheetData(name: entry.name, state: entry.state, protected: parser.protected, rows: parser.orderedRows()))
        }

        var properties: [String: String] = [:]
        if let rel = package.first(ofType: "custom-properties"), archive.contains(rel.target) {
            let parser = CustomPropertiesParser(part: rel.target)
            try parser.parse(try archive.data(rel.target))
            properties = parser.properties
        }
        return Workbook(sheets: sheets, customProperties: properties, date1904: workbook.date1904)
    }
}
