import Foundation

/// Which workbook written to be read back an import reads: how its messages name it.
enum ReadBackDocument: Sendable {
    /// `regards sheet`'s grid.
    case fillInGrid
    /// `regards measure sheet`'s tableau de suivi.
    case followUpTable
}

/// Where the rows of a workbook written to be read back are: the first sheet (the stamps' aside)
/// with a header row naming the columns, found by their titles in either language wherever they
/// are, so that a re-save that moves nothing and a re-save that adds a column both read the same.
struct GridTable {
    var sheet: WorksheetData
    /// The header's row number; the rows below it are data.
    var header: Int
    /// Column key (`criterion`, `answer` …) → its 1-based column.
    var columns: [String: Int]

    /// The table of `titles`, whose `required` ones must all be there; the header is searched in
    /// the first rows of each sheet.
    static func locate(in workbook: Workbook, path: String, titles: [FillInReport.Title] = FillInReport.gridTitles,
                       required: [String] = ["criterion", "answer", "comment", "evidence"], document: ReadBackDocument = .fillInGrid) throws -> GridTable {
        let keyTitles = titles.filter { required.prefix(2).contains($0.key) }
        for sheet in workbook.sheets where sheet.name != FillInReport.stampSheet {
            for row in sheet.rows.prefix(while: { $0.number <= 30 }) {
                var columns: [String: Int] = [:]
                for cell in row.cells {
                    guard case .text(let text) = cell.value else { continue }
                    let heading = text.trimmingCharacters(in: .whitespacesAndNewlines)
                    if let title = titles.first(where: { $0.both.contains(heading) }), columns[title.key] == nil { columns[title.key] = cell.column }
                }
                guard keyTitles.allSatisfy({ columns[$0.key] != nil }) else { continue }
                if let absent = titles.first(where: { required.contains($0.key) && columns[$0.key] == nil }) {
                    throw RegardsError.badData(Messages.columnMissing(path, sheet: sheet.name, absent.french, document))
                }
                return GridTable(sheet: sheet, header: row.number, columns: columns)
            }
        }
        // The key columns are the first two required ones.
        throw RegardsError.badData(Messages.noTable(path, document, columns: keyTitles[0].french, keyTitles[1].french))
    }

    /// A cell's text as typed (nil when empty); a refusal for what an import never takes: a
    /// formula (its result is derived, not typed) and an error value.
    static func text(_ content: CellContent?) -> Result<String?, Refusal> {
        switch content {
        case nil: return .success(nil)
        case .text(let s):
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            return .success(t.isEmpty ? nil : t)
        case .number, .date, .bool: return .success(content?.description)
        case .formula: return .failure(Refusal(Messages.formulaInCell))
        case .error(let e): return .failure(Refusal(Messages.errorValueInCell(e)))
        }
    }

    /// The one problem of rows the workbook was written with and no longer has.
    func deletedRows(_ missing: [String], _ document: ReadBackDocument) -> [CellProblem] {
        guard !missing.isEmpty else { return [] }
        return [CellProblem(sheet: sheet.name, reference: nil, message: Messages.rowsDeleted(missing, document))]
    }

    struct Refusal: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}

extension FillInReport {
    /// The columns a fill-in grid is read back by.
    static let gridTitles = [criterionTitle, answerTitle, titleTitle, commentTitle, evidenceTitle]
}
