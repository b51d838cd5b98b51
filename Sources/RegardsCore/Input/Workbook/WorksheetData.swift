/// One worksheet: its name, visibility, protection, and the cells that hold a value.
public struct WorksheetData: Equatable, Sendable {
    public enum State: String, Equatable, Sendable {
        case visible, hidden, veryHidden
    }

    public var name: String
    public var state: State
    /// The sheet is protected (`<sheetProtection sheet="1">`); a password hash is not read.
    public var protected: Bool
    /// Rows with at least one value, by ascending row number.
    public var rows: [WorksheetRow]

    public init(name: String, state: State = .visible, protected: Bool = false, rows: [WorksheetRow] = []) {
        self.name = name
        self.state = state
        self.protected = protected
        self.rows = rows
    }

    /// The row with this number (1-based), if it has a value.
    public func row(_ number: Int) -> WorksheetRow? {
        var low = 0, high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle].number < number { low = middle + 1 } else { high = middle }
        }
        return low < rows.count && rows[low].number == number ? rows[low] : nil
    }

    /// The value at a 1-based row and column (`A` is 1); nil for an empty cell.
    public func cell(row: Int, column: Int) -> CellContent? {
        self.row(row)?[column: column]
    }

    /// The value at a reference such as `F12`; nil for an empty cell or a malformed reference.
    public func cell(_ reference: String) -> CellContent? {
        guard let r = CellReference(reference) else { return nil }
        return cell(row: r.row, column: r.column)
    }

    /// `F12` for row 12, column 6: how a cell is named in messages.
    public static func reference(row: Int, column: Int) -> String {
        CellReference(row: row, column: column).description
    }
}

/// A row's cells that hold a value, by ascending column.
public struct WorksheetRow: Equatable, Sendable {
    /// 1-based, as shown in the spreadsheet.
    public var number: Int
    public var cells: [WorksheetCell]

    public init(number: Int, cells: [WorksheetCell]) {
        self.number = number
        self.cells = cells
    }

    /// The value in a 1-based column (`A` is 1).
    public subscript(column column: Int) -> CellContent? {
        var low = 0, high = cells.count
        while low < high {
            let middle = (low + high) / 2
            if cells[middle].column < column { low = middle + 1 } else { high = middle }
        }
        return low < cells.count && cells[low].column == column ? cells[low].value : nil
    }

    /// The value in a column named by its letters (`F`, `AB`); nil for malformed letters.
    public subscript(column letters: String) -> CellContent? {
        guard let column = CellReference.column(letters: letters) else { return nil }
        return self[column: column]
    }
}

public struct WorksheetCell: Equatable, Sendable {
    /// 1-based (`A` is 1).
    public var column: Int
    public var value: CellContent

    public init(column: Int, value: CellContent) {
        self.column = column
        self.value = value
    }
}
