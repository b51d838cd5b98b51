/// A column of a sheet whose rows are values of `Row`: what it is — its key, heading, type and
/// meaning — and the function that makes its cell. A sheet is a list of these; formats, rules and
/// charts name columns by key.
public struct SheetColumn<Row> {
    public var column: Column
    public var cell: (Row) -> Cell

    public init(_ column: Column, cell: @escaping (Row) -> Cell) {
        self.column = column
        self.cell = cell
    }
}

/// A sheet's columns, in order: they make its header, its entries in the data dictionary and the cells of each row.
public struct SheetColumns<Row> {
    public var list: [SheetColumn<Row>]

    public init(_ list: [SheetColumn<Row>]) {
        self.list = list
    }

    public var columns: [Column] { list.map(\.column) }

    /// The cells of one row.
    public func cells(_ row: Row) -> [Cell] { list.map { $0.cell(row) } }

    /// The sheet of these rows.
    public func sheet(_ name: String, role: SheetRole, summary: [SummaryLine] = [], rows: [Row], excelTable: Bool = false, chart: Chart? = nil,
                      formats: [ConditionalFormat] = []) -> Sheet {
        Sheet(name: name, role: role, summary: summary, columns: columns, rows: rows.map(cells), excelTable: excelTable, chart: chart, formats: formats)
    }
}

extension ReportVocabulary {
    /// A column whose heading follows the report's language, and how it makes its cell.
    func column<Row>(_ key: String, _ fr: String, _ en: String, _ type: ColumnType = .text, _ description: String, width: Double? = nil, editable: Bool = false,
                     _ cell: @escaping (Row) -> Cell) -> SheetColumn<Row> {
        SheetColumn(column(key, fr, en, type, description, width: width, editable: editable), cell: cell)
    }

    /// A column read back by an import: its heading is one of `title`'s.
    func column<Row>(_ title: FillInReport.Title, _ type: ColumnType = .text, _ description: String, width: Double? = nil, editable: Bool = false,
                     _ cell: @escaping (Row) -> Cell) -> SheetColumn<Row> {
        column(title.key, title.french, title.english, type, description, width: width, editable: editable, cell)
    }
}
