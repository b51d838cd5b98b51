import CXLSXWriter
import RegardsCore

/// Writes one sheet's table row by row: its summary lines, its header, its rows. What each column
/// needs for every cell (its type, its formats, its width for wrapped text) is worked out once.
struct TableWriter {
    unowned let session: WorkbookSession
    let ws: UnsafeMutablePointer<lxw_worksheet>
    let sheet: Sheet
    /// The header's row; data rows follow it.
    let header: lxw_row_t
    private(set) var rowCount = 0
    let types: [ColumnType]
    let editable: [Bool]
    /// Wrapped columns and the characters a line of each holds.
    let wrapped: [(column: Int, width: Double)]
    /// The formats of unstyled cells, by column and kind: a memo in front of the session's formats,
    /// because this lookup is made for every cell of a campaign's long table.
    var plain: [[UnsafeMutablePointer<lxw_format>?]]

    init(_ session: WorkbookSession, _ ws: UnsafeMutablePointer<lxw_worksheet>, _ sheet: Sheet) throws(XLSXError) {
        self.session = session
        self.ws = ws
        self.sheet = sheet
        header = lxw_row_t(sheet.headerRow)
        types = sheet.columns.map(\.type)
        editable = sheet.columns.map(\.editable)
        wrapped = sheet.columns.enumerated().filter { $0.element.type == .longText }.map { ($0.offset, max(8, Palette.width($0.element) - 1)) }
        plain = Array(repeating: Array(repeating: nil, count: CellKind.allCases.count), count: sheet.columns.count)
        for (i, column) in sheet.columns.enumerated() {
            let f = try session.format(column.type, nil)
            try WorkbookSession.check(worksheet_set_column(ws, lxw_col_t(i), lxw_col_t(i), Palette.width(column), f), "worksheet_set_column")
        }
        if sheet.hidden { worksheet_hide(ws) }
        // Summary labels run over the first two (empty) cells of their line; the value sits in the third column.
        let valueColumn: lxw_col_t = sheet.columns.count >= 3 ? 2 : 1
        if !sheet.summary.isEmpty && valueColumn == 1 {
            let widest = sheet.summary.map { Double($0.label.count) }.max() ?? 10
            try WorkbookSession.check(worksheet_set_column(ws, 0, 0, max(Palette.width(sheet.columns[0]), min(widest + 2, 48)), try session.format(sheet.columns[0].type, nil)),
                                      "worksheet_set_column")
        }
        for (i, line) in sheet.summary.enumerated() {
            try session.writeString(ws, lxw_row_t(i), 0, line.label, try session.format(nil, nil, label: true), sheet: sheet.name, column: "A")
            try session.writeCell(ws, lxw_row_t(i), valueColumn, line.cell, unlocked: false, sheet: sheet.name,
                                  column: Int(valueColumn) < sheet.columns.count ? sheet.columns[Int(valueColumn)].key : "B") { kind throws(XLSXError) in
                try session.format(kind.formatType(nil, line.cell.value), line.cell.style)
            }
        }
        for (i, column) in sheet.columns.enumerated() {
            try session.writeString(ws, header, lxw_col_t(i), column.header, try session.format(nil, nil, header: true), sheet: sheet.name, column: column.key)
        }
    }

    mutating func append(_ row: [Cell]) throws(XLSXError) {
        let r = header + 1 + lxw_row_t(rowCount)
        rowCount += 1
        // Spreadsheet programs do not all grow rows for wrapped text on opening: set the height from the longest wrapped cell.
        var lines = 1
        for (i, width) in wrapped {
            guard case .text(let text) = row[i].value, text.utf8.count > Int(width) || text.utf8.contains(10) else { continue }
            lines = max(lines, Self.lines(text, width: width))
        }
        if lines > 1 {
            try WorkbookSession.check(worksheet_set_row(ws, r, 15 * Double(min(lines, 25)), nil), "worksheet_set_row")
        }
        for i in row.indices {
            try write(row[i], r, i)
        }
    }

    /// Lines a wrapped text takes in a column `width` characters wide (characters counted as Unicode scalars).
    static func lines(_ text: String, width: Double) -> Int {
        var total = 0, scalars = 0
        for byte in text.utf8 {
            if byte == 10 {
                total += max(1, Int((Double(scalars) / width).rounded(.up)))
                scalars = 0
            } else if byte & 0xC0 != 0x80 {
                scalars += 1
            }
        }
        return total + max(1, Int((Double(scalars) / width).rounded(.up)))
    }

    /// A cell's format: unstyled ones from the column's memo, made on first use.
    mutating func format(_ kind: CellKind, _ column: Int, _ cell: Cell) throws(XLSXError) -> UnsafeMutablePointer<lxw_format> {
        if cell.style == nil, let found = plain[column][kind.rawValue] { return found }
        let f = try session.format(kind.formatType(types[column], cell.value), cell.style, unlocked: editable[column])
        if cell.style == nil { plain[column][kind.rawValue] = f }
        return f
    }

    mutating func write(_ cell: Cell, _ r: lxw_row_t, _ i: Int) throws(XLSXError) {
        try session.writeCell(ws, r, lxw_col_t(i), cell, unlocked: editable[i], sheet: sheet.name, column: sheet.columns[i].key) { kind throws(XLSXError) in
            try format(kind, i, cell)
        }
    }
}
