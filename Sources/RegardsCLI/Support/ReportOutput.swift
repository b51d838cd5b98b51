import ArgumentParser
import Foundation
import RegardsCore
import RegardsXLSX

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json, md
}

/// Writes a report: a workbook, or a text rendering on stdout. Rendering only: the report says what.
enum ReportOutput {
    /// Writes the workbook, then names it (stdout) and its sheets (stderr).
    static func write(_ report: Report, to path: String) throws {
        try XLSXWriter(created: Clock.documentDate).write(report, to: path)
        announce(path, report.sheets.map(\.name))
    }

    /// A report streamed into a workbook. A refusal or a damaged visit met while producing rows is thrown as it is.
    static func write(_ report: StreamedReport, to path: String) throws {
        try XLSXWriter(created: Clock.documentDate).write(report, to: path)
        announce(path, report.sheetNames)
    }

    private static func announce(_ path: String, _ sheets: [String]) {
        Console.out(path)
        Console.note(Messages.sheetsWritten(sheets))
    }

    /// CSV (one sheet: the report's long table unless `sheet` names another), JSON or Markdown.
    static func print(_ report: Report, _ format: ReportFormat, sheet role: SheetRole = .data) {
        switch format {
        case .json: Console.write(ReportRenderer.json(report))
        case .md: Console.write(ReportRenderer.markdown(report))
        case .csv:
            guard let sheet = report.sheet(role) ?? report.sheets.first else { return }
            Console.write(ReportRenderer.csv(sheet))
        case .text: preconditionFailure("text renderings are the command's")
        }
    }
}
