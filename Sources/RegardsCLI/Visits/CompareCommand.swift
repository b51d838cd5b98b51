import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols
import RegardsStore
import RegardsXLSX

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, csv, json, md
}

/// Writes a report: an .xlsx when asked, else a text format on stdout.
enum ReportOutput {
    /// The workbook's creation date: `SOURCE_DATE_EPOCH` when set (reproducible builds, tests), else now.
    static var created: Int {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let n = Int(text) { return n }
        return Int(Date().timeIntervalSince1970)
    }

    /// A report streamed into a workbook. Errors of the library are I/O errors; a refusal or a damaged
    /// visit met while producing rows has already said what it is.
    static func emit(_ report: StreamedReport, xlsx: String) throws {
        try workbook(xlsx, sheets: report.sheetNames) { try XLSXWriter(created: created).write(report, to: xlsx) }
    }

    /// Runs `write`, then names the workbook and its sheets.
    private static func workbook(_ path: String, sheets: [String], _ write: () throws -> Void) throws {
        do {
            try write()
        } catch let error as XLSXError {
            throw fail(error.description, code: Exit.ioError)
        }
        Console.out(path)
        Console.error("\(sheets.count) sheets: " + sheets.joined(separator: ", "))
    }

    static func emit(_ report: Report, xlsx: String?, format: ReportFormat, csvSheet: String, text: () -> [String]) throws {
        if let xlsx {
            try workbook(xlsx, sheets: report.sheets.map(\.name)) { try XLSXWriter(created: created).write(report, to: xlsx) }
            return
        }
        switch format {
        case .json: FileHandle.standardOutput.write(Data(ReportRenderer.json(report).utf8))
        case .md: FileHandle.standardOutput.write(Data(ReportRenderer.markdown(report).utf8))
        case .csv:
            guard let sheet = report.sheet(csvSheet) ?? report.sheets.last(where: \.excelTable) ?? report.sheets.first else { return }
            FileHandle.standardOutput.write(Data(ReportRenderer.csv(sheet).utf8))
        case .text: text().forEach(Console.out)
        }
    }
}

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the control grid and the evaluation of a visit, or of every visit of a campaign.",
        discussion: "--xlsx writes the comparison workbook; otherwise --format text|csv|json|md prints it (csv: the tidy long table).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String?
    @Option(help: "Compare every visit of this campaign instead.") var campaign: String?
    @Option(help: ArgumentHelp("Write the workbook here.", valueName: "FILE.xlsx")) var xlsx: String?
    @Option(help: "text, csv, json or md (to stdout)") var format: ReportFormat = .text
    @Flag(help: "Export even though personal-data findings are not reviewed (the workbook's properties say so).") var allowPersonalData = false

    func validate() throws {
        if (visit == nil) == (campaign == nil) { throw ValidationError("give a VISIT or --campaign NAME") }
    }

    func run() throws {
        if let visit {
            let record = try VisitSession.open(visit, workspace: workspace, folders: folders).record
            let stamp = try PersonalDataGate.check([record], allow: allowPersonalData, command: "compare")
            var report = ComparisonReport.visit(record, generatedBy: workspace.author)
            if let stamp { report.properties.custom.append(stamp) }
            try ReportOutput.emit(report, xlsx: xlsx, format: format, csvSheet: "Données") { CompareText.visit(VisitComparison(record), record) }
        } else if let campaign {
            let streamed = try CampaignExport.report(campaign, workspace: workspace, allowPersonalData: allowPersonalData, command: "compare")
            if let xlsx {
                try ReportOutput.emit(streamed, xlsx: xlsx)
            } else {
                let report = try streamed.materialised()
                try ReportOutput.emit(report, xlsx: nil, format: format, csvSheet: "Données") { CompareText.campaign(report) }
            }
        }
    }
}

/// A campaign's comparison, read from the workspace one visit at a time while it is written.
enum CampaignExport {
    /// What the producing thread needs: the workspace is used by that thread only while rows are made.
    private struct Source: @unchecked Sendable {
        let workspace: SQLiteWorkspace
        let visits: [Visit]
        let author: String
    }

    /// Unreviewed personal-data findings, gathered by the producing thread, read once it has finished.
    private final class Findings: @unchecked Sendable {
        var open: [String] = []
    }

    static func report(_ campaign: String, workspace options: WorkspaceOptions, allowPersonalData: Bool, command: String) throws -> StreamedReport {
        let ws = try options.open()
        let visits = try store { try ws.visits(campaign: campaign) }
        guard let first = visits.first else { throw fail("no visit of campaign `\(campaign)` in \(options.path)", code: Exit.missingInput) }
        let evaluationIDs = Set(visits.map(\.evaluation.id))
        guard evaluationIDs.count == 1 else {
            throw fail("the visits of `\(campaign)` use different evaluation protocols (\(evaluationIDs.sorted().joined(separator: ", "))); they cannot be compared side by side", code: Exit.badData)
        }
        let source = Source(workspace: ws, visits: visits, author: options.author)
        let findings = Findings()
        var report = ComparisonReport.campaign(campaign, evaluation: try VisitSession.grid(first.evaluation, ws), visits: visits.count, generatedBy: options.author) { each in
            for visit in source.visits {
                let record = try VisitSession.open(visit, workspace: source.workspace, author: source.author, folders: nil).record
                findings.open += PrivacyGate.open(record)
                try each(record)
            }
        }
        // Nothing reaches the target before this check: a refused workbook is never renamed into place.
        let finish = report.finish
        report.finish = {
            let stamp = try PersonalDataGate.check(open: findings.open, allow: allowPersonalData, command: command)
            var done = try finish()
            if let stamp { done.properties.custom.append(stamp) }
            return done
        }
        return report
    }
}

enum CompareText {
    static func percent(_ x: Double?) -> String { x.map { "\(Int(($0 * 100).rounded())) %" } ?? "—" }
    static func score(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "—" }

    static func visit(_ c: VisitComparison, _ r: VisitRecord) -> [String] {
        var out = VisitText.header(r) + ["", "Par thème : score d'évaluation (sur 4) · conformité des points de contrôle liés"]
        let rows = [["THÈME", "ÉVALUATION", "CONFORMITÉ", "DIVERGENCES", "ANGLES MORTS", "INTITULÉ"]] + c.themes.map {
            [$0.section, score($0.evaluationScore), percent($0.controlConformity), "\($0.divergences)", "\($0.blindSpots)", $0.title]
        }
        out += TextRenderer.table(rows).map { "  " + $0 }
        out.append("")
        for d in [Divergence.conformButUnsatisfying, .nonConformButSatisfying] {
            let links = c.links.filter { $0.divergence == d }
            out.append("\(d.label.prefix(1).uppercased() + d.label.dropFirst()) : \(links.count)")
            for l in links {
                out.append("  \(l.evaluation?.criterion ?? "") (\(l.evaluation?.label ?? "—")) ↔ \(l.control?.criterion ?? "") (\(l.control?.label ?? "—"))  \(l.evaluation?.title ?? "")")
            }
        }
        out.append("Angles morts du contrôle : \(c.count(.controlBlindSpot)) critère(s) — " + c.links.filter { $0.divergence == .controlBlindSpot }.compactMap { $0.evaluation?.criterion }.joined(separator: ", "))
        out.append("Parcours : \(c.lateSteps) étape(s) en retard, \(c.missingSteps) manquante(s)")
        out.append("Pistes ouvertes : \(c.openActions.count)" + (c.imperativesWithoutAction.isEmpty ? "" : " ; impératifs sans piste : \(c.imperativesWithoutAction.joined(separator: ", "))"))
        return out
    }

    static func campaign(_ report: Report) -> [String] {
        guard let overview = report.sheets.first else { return [] }
        var out = [report.title, ""]
        let rows = [overview.columns.prefix(9).map(\.header)] + overview.rows.map { row in
            zip(overview.columns.prefix(9), row.prefix(9)).map { column, cell in column.type == .percent ? percent(cell.value.number) : cell.value.plain }
        }
        out += TextRenderer.table(rows)
        // The fourth sheet of a campaign report holds the blind spots (its name follows the protocol's language).
        if report.sheets.count > 3, case let spots = report.sheets[3], !spots.rows.isEmpty {
            out.append("")
            out.append("Angles morts les plus souvent mal notés :")
            spots.rows.prefix(10).forEach { out.append("  \($0[0].value.plain)  \($0[2].value.plain) visite(s) ≤ 2, moyenne \($0[4].value.plain)  \($0[1].value.plain)") }
        }
        return out
    }
}

extension CellValue {
    var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }
}
