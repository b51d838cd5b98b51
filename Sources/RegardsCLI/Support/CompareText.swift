import Foundation
import RegardsCore

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
        for (key, label) in [("ecarts", "Écarts (texte opposable)"), ("remarques", "Remarques (bonnes pratiques)"), ("unclassified_findings", "Non-conformités sans fondement précisé")] {
            if let line = summary.summary(key)?.plain { out.append("\(label) : \(line)") }
        }
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
