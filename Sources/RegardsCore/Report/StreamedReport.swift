/// A report whose longest sheet is written while its rows are produced, so that a campaign of any
/// size is exported in flat memory: the rows go to the workbook as they come, and the other sheets
/// (a line per visit) are built by `finish` once every row has been produced.
public struct StreamedReport: Sendable {
    /// Every sheet's name, in workbook order, known before any row is produced.
    public var sheetNames: [String]
    /// Where the streamed sheet sits among them.
    public var index: Int
    /// The streamed sheet's columns and options; its `rows` stay empty.
    public var sheet: Sheet
    /// About how many rows `produce` will emit (decides whether the workbook streams to disk).
    public var estimatedRows: Int
    /// Emits every row of `sheet`, in order. Called once; it may run on another thread than `finish`.
    public var produce: @Sendable (_ emit: (_ row: [Cell]) throws -> Void) throws -> Void
    /// The whole report once `produce` has returned; its sheet at `index` has no rows (they were streamed).
    public var finish: @Sendable () throws -> Report

    public init(sheetNames: [String], index: Int, sheet: Sheet, estimatedRows: Int,
                produce: @escaping @Sendable (_ emit: (_ row: [Cell]) throws -> Void) throws -> Void,
                finish: @escaping @Sendable () throws -> Report) {
        precondition(sheetNames.indices.contains(index) && sheetNames[index] == sheet.name, "streamed sheet \(sheet.name) not at \(index)")
        self.sheetNames = sheetNames
        self.index = index
        self.sheet = sheet
        self.estimatedRows = estimatedRows
        self.produce = produce
        self.finish = finish
    }

    /// The same report held in memory (for the text renderings, which print sheets in order).
    public func materialised() throws -> Report {
        var rows: [[Cell]] = []
        rows.reserveCapacity(estimatedRows)
        try produce { row in
            precondition(row.count == sheet.columns.count, "row width differs from columns in \(sheet.name)")
            rows.append(row)
        }
        var report = try finish()
        precondition(report.sheets.map(\.name) == sheetNames, "finished report does not have the announced sheets")
        report.sheets[index].rows = rows
        return report
    }
}
