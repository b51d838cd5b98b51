import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols
import RegardsXLSX

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
            var report = ComparisonReport.visit(record, generatedBy: workspace.author)
            report.properties.custom += try PersonalDataCheck.export([record], allow: allowPersonalData, command: "compare")
            if let xlsx {
                try ReportOutput.write(report, to: xlsx)
            } else if format == .text {
                CompareText.visit(VisitComparison(record), record).forEach(Console.out)
            } else {
                ReportOutput.print(report, format)
            }
        } else if let campaign {
            let streamed = try CampaignExport.report(campaign, workspace: workspace, allowPersonalData: allowPersonalData, command: "compare")
            if let xlsx {
                try ReportOutput.write(streamed, to: xlsx)
            } else {
                let report = try streamed.materialised()
                if format == .text { CompareText.campaign(report).forEach(Console.out) } else { ReportOutput.print(report, format) }
            }
        }
    }
}

/// A campaign's comparison, read from the workspace one visit at a time while it is written.
enum CampaignExport {
    static func report(_ campaign: String, workspace options: WorkspaceOptions, allowPersonalData: Bool, command: String) throws -> StreamedReport {
        let ws = try options.open()
        let visits = try ws.visits(campaign: campaign)
        guard let first = visits.first else { throw RegardsError.missingInput("no visit of campaign `\(campaign)` in \(options.path)") }
        let evaluationIDs = Set(visits.map(\.evaluation.id))
        guard evaluationIDs.count == 1 else {
            throw RegardsError.badData("the visits of `\(campaign)` use different evaluation protocols (\(evaluationIDs.sorted().joined(separator: ", "))); they cannot be compared side by side")
        }
        let location = options.location, author = options.author
        // Unreviewed personal-data findings, gathered by the producing thread, read once it has finished.
        let findings = Locked<[String]>([])
        var report = ComparisonReport.campaign(campaign, evaluation: try PinnedProtocols.grid(first.evaluation, ws), visits: visits.count, generatedBy: author) { each in
            // The producing thread reads the visits through its own connection.
            let workspace = try location.open()
            for visit in visits {
                let record = try VisitSession.open(visit, workspace: workspace, author: author, folders: nil).record
                findings.withValue { $0 += PrivacyGate.open(record) }
                try each(record)
            }
        }
        // Nothing reaches the target before this check: a refused workbook is never renamed into place.
        let finish = report.finish
        report.finish = {
            let stamp = try PersonalDataCheck.export(open: findings.withValue { $0 }, allow: allowPersonalData, command: command)
            var done = try finish()
            done.properties.custom += stamp
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
