import RegardsCore
import Foundation

/// A worksheet part, streamed: the cells of `sheetData` that hold a value, and the sheet's
/// protection. Value-less cells (LibreOffice writes styled empty cells over whole validated
/// ranges) are skipped; `r` is optional on rows and cells (positions are then counted);
/// `<dimension>` is not read.
final class WorksheetParser: XMLPartParser {
    private let sharedStrings: [String]
    private let dateStyles: [Bool]
    private let date1904: Bool

    private(set) var rows: [WorksheetRow] = []
    private(set) var protected = false

    private var rowNumber = 0
    private var rowHasNumber = false
    private var cells: [WorksheetCell] = []

    // The cell being read.
    private var inCell = false
    private var column = 0
    private var type: String?
    private var style = 0
    private var value: String?
    private var formula: String?
    private var inline: String?

    private enum Capture { case none, value, formula, inlineText }
    private var capture = Capture.none
    private var text = ""
    private var phonetic = 0

    init(part: String, sharedStrings: [String], dateStyles: [Bool], date1904: Bool) {
        self.sharedStrings = sharedStrings
        self.dateStyles = dateStyles
        self.date1904 = date1904
        super.init(part: part)
    }

    override func start(_ elementName: String, attributes: [String: String]) {
        switch elementName {
        case "c":
            startCell(attributes)
        case "v" where inCell:
            capture = .value
            text = ""
        case "f" where inCell:
            capture = .formula
            text = ""
        case "is" where inCell:
            inline = ""
        case "t" where inline != nil && phonetic == 0:
            capture = .inlineText
            text = ""
        case "rPh":
            phonetic += 1
        case "row":
            startRow(attributes)
        case "sheetProtection":
            protected = Self.isTrue(Self.attribute("sheet", in: attributes))
        default:
            break
        }
    }

    override func text(_ string: String) {
        if capture != .none { text += string }
    }


    override func end(_ elementName: String) {
        switch elementName {
        case "v" where capture == .value:
            value = text
            capture = .none
        case "f" where capture == .formula:
            formula = text
            capture = .none
        case "t" where capture == .inlineText:
            inline? += text
            capture = .none
        case "rPh":
            phonetic -= 1
        case "c" where inCell:
            endCell()
        case "row":
            endRow()
        default:
            break
        }
    }

    private func startRow(_ attributes: [String: String]) {
        if let r = attributes["r"] {
            guard let n = Int(r), n >= 1, n <= CellReference.maximumRow else {
                return fail(.badValue(part: part, place: Messages.rowPlace(String(r.prefix(12))), kind: Messages.rowNumberValue))
            }
            rowNumber = n
            rowHasNumber = true
        } else {
            rowNumber += 1
            rowHasNumber = false
        }
        column = 0
        cells.removeAll(keepingCapacity: true)
    }

    private func startCell(_ attributes: [String: String]) {
        inCell = true
        capture = .none
        // One pass over the (two or three) attributes costs less than three hashed lookups, per cell.
        var r: String?
        type = nil
        style = 0
        for (key, value) in attributes {
            switch key {
            case "r": r = value
            case "t": type = value
            case "s": style = Int(value) ?? 0
            default: break
            }
        }
        if let r {
            guard let reference = CellReference(r) else {
                return fail(.badValue(part: part, place: Messages.cellPlace(String(r.prefix(12))), kind: Messages.cellReferenceValue))
            }
            column = reference.column
            // A row without `r` takes its number from its first cell's reference.
            if !rowHasNumber {
                rowNumber = reference.row
                rowHasNumber = true
            }
        } else {
            column += 1
            guard column <= CellReference.maximumColumn, rowNumber <= CellReference.maximumRow else {
                return fail(.badValue(part: part, place: Messages.rowPlace(String(rowNumber)), kind: Messages.cellPositionValue))
            }
        }
        value = nil
        formula = nil
        inline = nil
    }

    private func endCell() {
        inCell = false
        capture = .none
        guard rowNumber >= 1, column >= 1 else { return }
        if let formula {
            cells.append(WorksheetCell(column: column, value: .formula(formula)))
            return
        }
        guard let cellValue = readValue(), cellValue != .text("") else { return }
        cells.append(WorksheetCell(column: column, value: cellValue))
    }

    /// The cell's value from its type (`t`), `<v>` or `<is>`; nil when it has none.
    private func readValue() -> CellContent? {
        if let inline { return .text(Self.unescapeOfficeText(inline)) }
        // `<v/>` is no value (openpyxl writes one after each formula).
        guard let value, !value.isEmpty else { return nil }
        switch type {
        case nil, "n":
            guard let number = Double(value), number.isFinite else { return bad(Messages.numberValue) }
            if style >= 0, style < dateStyles.count, dateStyles[style] {
                guard let date = CellDate(serial: number, date1904: date1904) else { return bad(Messages.dateValue) }
                return .date(date)
            }
            return .number(number)
        case "s":
            guard let index = Int(value), index >= 0, index < sharedStrings.count else { return bad(Messages.sharedStringValue) }
            return .text(sharedStrings[index])
        case "str", "inlineStr":
            return .text(Self.unescapeOfficeText(value))
        case "b":
            return .bool(Self.isTrue(value))
        case "e":
            return .error(value)
        case "d":
            guard let date = CellDate(iso: value) else { return bad(Messages.dateValue) }
            return .date(date)
        default:
            return bad(Messages.cellTypeValue)
        }
    }

    private func bad(_ kind: String) -> CellContent? {
        fail(.badValue(part: part, place: Messages.cellPlace(WorksheetData.reference(row: rowNumber, column: column)), kind: kind))
        return nil
    }

    private func endRow() {
        guard !cells.isEmpty else { return }
        // Cells are in column order in any sane file; a file that is not is sorted (the last of two
        // cells at one place wins) rather than trusted.
        if !zip(cells, cells.dropFirst()).allSatisfy({ $0.column < $1.column }) {
            var byColumn: [Int: CellContent] = [:]
            for cell in cells { byColumn[cell.column] = cell.value }
            cells = byColumn.sorted { $0.key < $1.key }.map { WorksheetCell(column: $0.key, value: $0.value) }
        }
        rows.append(WorksheetRow(number: rowNumber, cells: cells))
        cells.removeAll(keepingCapacity: true)
    }

    /// Rows in ascending order, one per number (rows repeated out of order are merged).
    func orderedRows() -> [WorksheetRow] {
        if zip(rows, rows.dropFirst()).allSatisfy({ $0.number < $1.number }) { return rows }
        var merged: [Int: [Int: CellContent]] = [:]
        for row in rows {
            for cell in row.cells { merged[row.number, default: [:]][cell.column] = cell.value }
        }
        return merged.sorted { $0.key < $1.key }.map { number, cells in
            WorksheetRow(number: number, cells: cells.sorted { $0.key < $1.key }.map { WorksheetCell(column: $0.key, value: $0.value) })
        }
    }
}
