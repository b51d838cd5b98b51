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
            report.properties.custom += try PrivacyGate.export([record], allow: allowPersonalData, command: "compare")
            if let xlsx {
                try ReportOutput.write(report, to: xlsx)
            } else if format == .text {
                CompareText.visit(report, header: VisitText.header(record)).forEach(Console.out)
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
            let stamp = try PrivacyGate.export(open: findings.withValue { $0 }, allow: allowPersonalData, command: command)
            var done = try finish()
            done.properties.custom += stamp
            return done
        }
        return report
    }
}

/// The comparison in the terminal: a rendering of the same report the other formats render, its
/// sheets found by role and its columns by key.
enum CompareText {
    static func percent(_ x: Double?) -> String { x.map { "\(Int(($0 * 100).rounded())) %" } ?? "—" }
    static func score(_ x: Double?) -> String { x.map { String(format: "%.2f", $0) } ?? "—" }

    /// The cells of a sheet's rows, by column key.
    struct Rows {
        let sheet: Sheet
        init(_ report: Report, _ role: SheetRole) {
            guard let sheet = report.sheet(role) else { preconditionFailure("no \(role) sheet in \(report.title)") }
            self.sheet = sheet
        }
        func column(_ key: String) -> [CellValue] {
            let i = sheet.column(key)
            return sheet.rows.map { $0[i].value }
        }
        func rows(_ keys: [String]) -> [[CellValue]] {
            let indices = keys.map(sheet.column)
            return sheet.rows.map { row in indices.map { row[$0].value } }
        }
    }

    static func visit(_ report: Report, header: [String]) -> [String] {
        var out = header + ["", "Par thème : score d'évaluation (sur 4) · conformité des points de contrôle liés"]
        let themes = Rows(report, .summary)
        let table = [["THÈME", "ÉVALUATION", "CONFORMITÉ", "DIVERGENCES", "ANGLES MORTS", "INTITULÉ"]] + themes.rows(["theme", "evaluation_score", "control_conformity", "divergences", "blind_spots", "theme_title"]).map {
            [$0[0].plain, score($0[1].number), percent($0[2].number), $0[3].plain, $0[4].plain, $0[5].plain]
        }
        out += TextRenderer.table(table).map { "  " + $0 }
        out.append("")
        let comparison = Rows(report, .comparison).rows(["divergence", "criterion", "evaluation", "control_item", "control", "criterion_title"])
        func links(_ d: Divergence) -> [[CellValue]] {
            let label = ComparisonReport.label(of: d, language: report.language)
            return comparison.filter { $0[0].plain == label }
        }
        for d in [Divergence.conformButUnsatisfying, .nonConformButSatisfying] {
            let found = links(d)
            out.append("\(d.label.prefix(1).uppercased() + d.label.dropFirst()) : \(found.count)")
            for l in found {
                out.append("  \(l[1].plain) (\(l[2].text ?? "—")) ↔ \(l[3].plain) (\(l[4].text ?? "—"))  \(l[5].plain)")
            }
        }
        let blind = links(.controlBlindSpot).map { $0[1].plain }.filter { !$0.isEmpty }
        out.append("Angles morts du contrôle : \(blind.count) critère(s) — " + blind.joined(separator: ", "))
        let summary = themes.sheet
        out.append("Parcours : \(summary.summary("late_steps")?.plain ?? "0") étape(s) en retard, \(summary.summary("missing_steps")?.plain ?? "0") manquante(s)")
        let lacking = Rows(report, .actions).rows(["number", "criteria"]).filter { $0[0] == .empty }.map { $0[1].plain }
        out.append("Pistes ouvertes : \(summary.summary("open_actions")?.plain ?? "0")" + (lacking.isEmpty ? "" : " ; impératifs sans piste : \(lacking.joined(separator: ", "))"))
        return out
    }

    static func campaign(_ report: Report) -> [String] {
        var out = [report.title, ""]
        let overview = Rows(report, .summary)
        let keys = ["visit", "establishment", "finess", "start", "phase", "evaluation_score", "conformity", "conform_unsatisfying", "nonconform_satisfying"]
        let columns = keys.map { overview.sheet.columns[overview.sheet.column($0)] }
        out += TextRenderer.table([columns.map(\.header)] + overview.rows(keys).map { row in
            zip(columns, row).map { column, value in column.type == .percent ? percent(value.number) : value.plain }
        })
        let spots = Rows(report, .blindSpots).rows(["criterion", "low_scores", "mean_score", "title"])
        if !spots.isEmpty {
            out.append("")
            out.append("Angles morts les plus souvent mal notés :")
            spots.prefix(10).forEach { out.append("  \($0[0].plain)  \($0[1].plain) visite(s) ≤ 2, moyenne \($0[2].plain)  \($0[3].plain)") }
        }
        return out
    }
}

extension CellValue {
    var number: Double? {
        if case .number(let n) = self { return n }
        return nil
    }

    var text: String? {
        if case .text(let s) = self { return s }
        return nil
    }
}
