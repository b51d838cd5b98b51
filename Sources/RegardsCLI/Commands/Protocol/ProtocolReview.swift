import ArgumentParser
import Foundation
import RegardsCore

struct ProtocolReview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Criterion analytics over a campaign: how each criterion was answered, and the changes the figures propose.",
        discussion: """
            Per criterion of PROTOCOL over the campaign's visits pinned to it: the levels given, the rates of « non concerné » \
            and « non évalué », floor and ceiling effects, the correlation with the rest of its theme, systematic divergence \
            with the other grid, criteria never answered; then drop, split, merge and reword proposals with their figures. \
            It never edits a protocol. Visits pinned to several versions: each version is reviewed on its own (--version V \
            reviews one). See docs/criterion-review.md.
            """)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: ArgumentHelp("The protocol id (ID or ID@VERSION), as the campaign's visits are pinned to it.", valueName: "PROTOCOL")) var specifier: String
    @Option(help: "The campaign whose visits are reviewed.") var campaign: String
    @Option(help: "Review only the visits pinned to this version.") var version: String?
    @Option(help: ArgumentHelp("Write the workbook here.", valueName: "FILE.xlsx")) var xlsx: String?
    @Option(help: ArgumentHelp("Write the Markdown note (the proposals and their reasons) here.", valueName: "FILE.md")) var md: String?
    @Option(help: "text, csv, json or md (to stdout), when neither --xlsx nor --md is given") var format: ReportFormat = .text

    func validate() throws {
        let parts = specifier.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count > 2 || parts.contains(where: \.isEmpty) { throw ValidationError("PROTOCOL is ID or ID@VERSION, not `\(specifier)`") }
        if parts.count == 2, let version, version != String(parts[1]) { throw ValidationError("`\(specifier)` and --version \(version) name two versions") }
    }

    func run() throws {
        let id = String(specifier.split(separator: "@")[0])
        let wanted = version ?? specifier.split(separator: "@").dropFirst().first.map(String.init)
        let ws = try workspace.open()
        let visits = try ws.visits(campaign: campaign)
        guard !visits.isEmpty else {
            let campaigns = Set(try ws.visits(campaign: nil).compactMap(\.campaign))
            let known = campaigns.isEmpty ? "; it has no campaign" : "; its campaigns: " + campaigns.sorted().joined(separator: ", ")
            throw RegardsError.missingInput("no visit of campaign `\(campaign)` in \(workspace.path)" + (Suggestion.hint(for: campaign, in: campaigns).map { "; \($0)" } ?? known))
        }
        let (chosen, note) = try CriterionReview.chosenVersions(of: id, version: wanted, in: visits, campaign: campaign)
        if let note { Console.note(note) }
        var reviews: [CriterionReview] = []
        for group in chosen {
            let grid = try PinnedProtocols.grid(group.pin, ws)
            let comparisons = try group.visits.map { VisitComparison(try VisitSession.open($0, workspace: ws, author: workspace.author, folders: nil).record) }
            reviews.append(CriterionReview(campaign: campaign, grid: grid, hash: group.pin.hash, kind: group.kind, visits: comparisons))
        }
        let report = ReviewReport.build(reviews, generatedBy: workspace.author)
        if let xlsx { try ReportOutput.write(report, to: xlsx) }
        if let md {
            try OutputFile.write(Data(ReviewNote.markdown(reviews).utf8), to: md)
            Console.out(md)
        }
        guard xlsx == nil, md == nil else { return }
        switch format {
        case .text: text(reviews).forEach(Console.out)
        case .md: Console.write(ReviewNote.markdown(reviews))
        case .json: ReportOutput.print(report, .json)
        case .csv:
            // Every version's criteria under one header (the sheets share their columns).
            let sheets = report.sheets.filter { $0.role == .criteria }
            Console.write(sheets.enumerated().map { i, sheet in
                let csv = ReportRenderer.csv(sheet)
                return i == 0 ? csv : String(csv.drop { $0 != "\n" }.dropFirst())
            }.joined())
        }
    }

    /// The terminal's rendering: per version, the flags counted and each proposal with its figures.
    func text(_ reviews: [CriterionReview]) -> [String] {
        var out: [String] = []
        for review in reviews {
            if !out.isEmpty { out.append("") }
            let c = review.criteria
            out.append("\(review.grid.reference) — campagne \(review.campaign) : \(review.visits.count) visite\(review.visits.count > 1 ? "s" : "") (\(review.visits.joined(separator: ", "))), \(c.count) critères")
            out.append("  effets plafond \(c.filter(\.ceilingEffect).count) · plancher \(c.filter(\.floorEffect).count) · jamais renseignés \(c.filter(\.neverAnswered).count)"
                       + " · divergences systématiques \(c.filter(\.systematicDivergence).count)")
            guard !review.proposals.isEmpty else {
                out.append("  aucun changement proposé")
                continue
            }
            out.append("  \(review.proposals.count) proposition\(review.proposals.count > 1 ? "s" : "") (la revue propose, elle ne modifie aucun protocole) :")
            let width = review.proposals.map { $0.criteria.joined(separator: ", ").count }.max() ?? 0
            for p in review.proposals {
                let ids = p.criteria.joined(separator: ", ")
                out.append("  " + p.kind.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0) + ids.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                           + ReviewReport.sentence(p, in: review))
            }
        }
        return out
    }
}
