import CXLSXWriter
import Foundation
import RegardsCore

/// Renders a `Report` as an .xlsx workbook through libxlsxwriter. This module is the only code that
/// touches C pointers: `WorkbookSession` holds the workbook, `TableWriter` fills a sheet, `Palette`
/// makes formats, `RowPipe` hands streamed rows between threads, `TemporaryFile` puts the result in place.
public struct XLSXWriter: Sendable {
    /// The workbook's creation date, in seconds since 1970 (fixed in tests so the XML is identical).
    public var created: Int
    /// Stream rows to disk (`constant_memory`); nil: decide from the number of cells.
    public var constantMemory: Bool?

    public init(created: Int, constantMemory: Bool? = nil) {
        self.created = created
        self.constantMemory = constantMemory
    }

    /// Above this many cells, rows are streamed (memory stays flat; Excel tables are then replaced by autofilters).
    public static let constantMemoryThreshold = 400_000

    /// Writes to a temporary file in the target folder and renames it on success:
    /// a failure never leaves a half workbook at `path`.
    public func write(_ report: Report, to path: String) throws {
        let cells = report.sheets.reduce(0) { $0 + $1.rows.count * $1.columns.count }
        try TemporaryFile.write(path) { temporary, directory in
            let session = try WorkbookSession(path: temporary, created: created, constantMemory: constantMemory ?? (cells > Self.constantMemoryThreshold),
                                              temporaryDirectory: directory)
            try session.run { () throws(XLSXError) in
                try session.setProperties(report.properties)
                for sheet in report.sheets { try session.write(sheet, into: try session.addWorksheet(sheet.name)) }
            }
            try session.close()
        }
    }

    /// Writes a report whose long sheet is produced while it is written: its rows are made on a
    /// second thread while this one hands the previous ones to libxlsxwriter, and go to disk as they
    /// come (`constant_memory` for a long sheet), so memory stays flat. The other sheets, built by
    /// `finish` afterwards, keep their place in the workbook. An error from `produce` or `finish`
    /// (a refusal, a damaged visit) is thrown as it is, and nothing is left at `path`.
    public func write(_ streamed: StreamedReport, to path: String) throws {
        let cells = streamed.estimatedRows * streamed.sheet.columns.count
        try TemporaryFile.write(path) { temporary, directory in
            let session = try WorkbookSession(path: temporary, created: created, constantMemory: constantMemory ?? (cells > Self.constantMemoryThreshold),
                                              temporaryDirectory: directory)
            try session.run { () throws in
                // Worksheets are created in workbook order first; each is then filled in its own time.
                var sheets: [UnsafeMutablePointer<lxw_worksheet>] = []
                for name in streamed.sheetNames { sheets.append(try session.addWorksheet(name)) }
                try session.write(streamed.sheet, into: sheets[streamed.index], produce: streamed.produce)
                let report = try streamed.finish()
                precondition(report.sheets.map(\.name) == streamed.sheetNames, "finished report does not have the announced sheets")
                try session.setProperties(report.properties)
                for (i, sheet) in report.sheets.enumerated() where i != streamed.index { try session.write(sheet, into: sheets[i]) }
            }
            try session.close()
        }
    }
}
