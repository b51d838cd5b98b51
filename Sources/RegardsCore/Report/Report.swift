/// A neutral report: sheets of typed columns and rows of cells with named styles. The core
/// decides what a report says; each renderer (CSV, JSON, Markdown, Excel) only decides how it looks.
public struct Report: Codable, Equatable, Sendable {
    public var title: String
    public var language: String
    public var properties: Properties
    public var sheets: [Sheet]

    public init(title: String, language: String, properties: Properties, sheets: [Sheet]) {
        self.title = title
        self.language = language
        self.properties = properties
        self.sheets = sheets
    }

    public func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }

    /// The sheet that plays this role, whatever its name in the report's language.
    public func sheet(_ role: SheetRole) -> Sheet? { sheets.first { $0.role == role } }

    /// Document properties (the workbook's title, author …) and custom ones (visit, protocol versions and hashes).
    public struct Properties: Codable, Equatable, Sendable {
        public var title: String
        public var subject: String
        public var author: String
        public var keywords: String
        public var comments: String
        public var custom: [Field]

        public init(title: String, subject: String, author: String, keywords: String = "", comments: String = "", custom: [Field] = []) {
            self.title = title
            self.subject = subject
            self.author = author
            self.keywords = keywords
            self.comments = comments
            self.custom = custom
        }
    }

    public struct Field: Codable, Equatable, Sendable {
        public var name: String
        public var value: String

        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }
}

/// The kind of a column: how its cells are written and how wide it is by default.
public enum ColumnType: String, Codable, Sendable {
    /// Short text, ids and codes.
    case text
    /// Comments and notes: wrapped.
    case longText
    case integer
    case number
    /// A share 0–1, shown as a percentage.
    case percent
    case date
    case timestamp
}

public struct Column: Codable, Equatable, Sendable {
    /// Stable machine name (CSV and JSON headers, pivots).
    public var key: String
    /// The heading shown, in the report's language.
    public var header: String
    public var type: ColumnType
    /// What the column means (the data dictionary).
    public var description: String
    /// Width in characters; nil: from the type.
    public var width: Double?
    /// Left unlocked when the sheet is protected (the cells an inspector fills in).
    public var editable: Bool

    public init(_ key: String, _ header: String, _ type: ColumnType = .text, _ description: String, width: Double? = nil, editable: Bool = false) {
        self.key = key
        self.header = header
        self.type = type
        self.description = description
        self.width = width
        self.editable = editable
    }
}

public enum CellValue: Codable, Equatable, Sendable {
    case empty
    case text(String)
    case number(Double)
    case date(CalendarDate)
    /// UTC timestamp, ISO 8601 (`2026-11-26T15:47:24.491Z`).
    case timestamp(String)

    public var plain: String {
        switch self {
        case .empty: ""
        case .text(let s): s
        case .number(let n): Self.format(n)
        case .date(let d): d.description
        case .timestamp(let t): t
        }
    }

    /// Numbers without noise: `3`, `2.75`, `0.5`.
    public static func format(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e15 { return String(Int(n)) }
        let rounded = (n * 10000).rounded() / 10000
        return String(rounded)
    }
}

/// Named styles the renderers know how to show.
public enum CellStyle: String, Codable, Sendable, CaseIterable {
    case good, bad, warning, neutral, emphasis, muted
}

public struct Cell: Codable, Equatable, Sendable {
    public var value: CellValue
    public var style: CellStyle?

    public init(_ value: CellValue, _ style: CellStyle? = nil) {
        self.value = value
        self.style = style
    }

    public static let empty = Cell(.empty)
    public static func text(_ s: String?, _ style: CellStyle? = nil) -> Cell { s.map { Cell(.text($0), style) } ?? .empty }
    public static func number(_ n: Double?, _ style: CellStyle? = nil) -> Cell { n.map { Cell(.number($0), style) } ?? .empty }
    public static func integer(_ n: Int?, _ style: CellStyle? = nil) -> Cell { n.map { Cell(.number(Double($0)), style) } ?? .empty }
    public static func date(_ d: CalendarDate?) -> Cell { d.map { Cell(.date($0)) } ?? .empty }
}

/// A line above a sheet's table: « Établissement : CHRS … ».
public struct SummaryLine: Codable, Equatable, Sendable {
    public var label: String
    public var cell: Cell
    /// A stable name, for the lines other renderings read (the label follows the report's language).
    public var key: String?

    public init(_ label: String, _ cell: Cell, key: String? = nil) {
        self.label = label
        self.cell = cell
        self.key = key
    }
}

/// A rule that colours cells of one or more columns over every data row; columns are named by key.
public enum ConditionalFormat: Codable, Equatable, Sendable {
    /// Cells of `column` whose text equals `text` take `style`.
    case textEquals(column: String, text: String, style: CellStyle)
    /// A red–yellow–green scale over `columns` (low is red unless `reversed`).
    case colourScale(columns: [String], reversed: Bool)
}

/// A bar chart of some columns of the table, one category per row; columns are named by key.
public struct Chart: Codable, Equatable, Sendable {
    public var title: String
    public var categoryColumn: String
    public var valueColumns: [String]
    public var valueAxisTitle: String
    public var maximum: Double?

    public init(title: String, categoryColumn: String, valueColumns: [String], valueAxisTitle: String, maximum: Double? = nil) {
        self.title = title
        self.categoryColumn = categoryColumn
        self.valueColumns = valueColumns
        self.valueAxisTitle = valueAxisTitle
        self.maximum = maximum
    }
}

/// A drop-down list on one column (by key) over a run of data rows (0-based, counted from the first data row).
public struct DataValidation: Codable, Equatable, Sendable {
    public var column: String
    public var firstRow: Int
    public var lastRow: Int
    public var values: [String]

    public init(column: String, firstRow: Int, lastRow: Int, values: [String]) {
        self.column = column
        self.firstRow = firstRow
        self.lastRow = lastRow
        self.values = values
    }
}

/// What a sheet is, whatever its name in the report's language: how callers find a sheet.
public enum SheetRole: String, Codable, Sendable, CaseIterable {
    case summary, evaluationGrid, controlGrid, comparison, coverage, observations, journeys, actions, documents, data, dictionary
    case scoresByTheme, conformityByTheme, blindSpots, outsideEvaluation, scales
    case fillIn, stamp
    case findings, measures, followUp, evolution
    case criteria, proposals, agreement
}

public struct Sheet: Codable, Equatable, Sendable {
    /// At most 31 characters, none of `[]:*?/\`.
    public var name: String
    public var role: SheetRole?
    public var summary: [SummaryLine]
    public var columns: [Column]
    public var rows: [[Cell]]
    /// Render the table as an Excel table (for pivots).
    public var excelTable: Bool
    public var chart: Chart?
    public var formats: [ConditionalFormat]
    public var validations: [DataValidation] = []
    /// Protect the sheet: only `editable` columns can be changed.
    public var protected = false
    public var hidden = false

    public init(name: String, role: SheetRole? = nil, summary: [SummaryLine] = [], columns: [Column], rows: [[Cell]], excelTable: Bool = false, chart: Chart? = nil,
                formats: [ConditionalFormat] = []) {
        precondition(name.count <= 31 && !name.contains(where: { "[]:*?/\\".contains($0) }), "invalid sheet name \(name)")
        precondition(rows.allSatisfy { $0.count == columns.count }, "row width differs from columns in \(name)")
        self.name = name
        self.role = role
        self.summary = summary
        self.columns = columns
        self.rows = rows
        self.excelTable = excelTable
        self.chart = chart
        self.formats = formats
    }

    /// The value of the summary line with this key.
    public func summary(_ key: String) -> CellValue? { summary.first { $0.key == key }?.cell.value }

    /// The position of the column with this key (a programming error when there is none).
    public func column(_ key: String) -> Int {
        guard let index = columns.firstIndex(where: { $0.key == key }) else { preconditionFailure("no column `\(key)` in sheet \(name)") }
        return index
    }

    /// The row index (0-based) of the table's header when rendered: after the summary and a blank line.
    public var headerRow: Int { summary.isEmpty ? 0 : summary.count + 1 }
}
