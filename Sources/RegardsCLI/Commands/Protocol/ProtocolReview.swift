import ArgumentParser
import Foundation
import RegardsCore

struct ProtocolReview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: Messages.protocolReviewAbstract,
        discussion: Messages.protocolReviewDiscussion)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: Messages.protocolReviewSpecifierHelp) var specifier: String
    @Option(help: Messages.protocolReviewCampaignHelp) var campaign: String
    @Option(help: Messages.protocolReviewVersionHelp) var version: String?
    @Option(help: Messages.workbookHereHelp) var xlsx: String?
    @Option(help: Messages.protocolReviewNoteHelp) var md: String?
    @Option(help: Messages.protocolReviewFormatHelp) var format: ReportFormat = .text

    func validate() throws {
        let parts = specifier.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count > 2 || parts.contains(where: \.isEmpty) { throw ValidationError(Messages.reviewSpecifierShape(specifier)) }
        if parts.count == 2, let version, version != String(parts[1]) { throw ValidationError(Messages.twoVersionsNamed(specifier, version: version)) }
    }

    func run() throws {
        let id = String(specifier.split(separator: "@")[0])
        let wanted = version ?? specifier.split(separator: "@").dropFirst().first.map(String.init)
        let ws = try workspace.open()
        let visits = try ws.visits(campaign: campaign)
        guard !visits.isEmpty else {
            let campaigns = Set(try ws.visits(campaign: nil).compactMap(\.campaign))
            let known = campaigns.isEmpty ? Messages.workspaceHasNoCampaign : Messages.itsCampaigns(campaigns.sorted().joined(separator: ", "))
            throw RegardsError.missingInput(Messages.noVisitOfCampaign(campaign, in: workspace.path)
                                            + (Suggestion.hint(for: campaign, in: campaigns).map { .hint($0) } ?? known))
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
            let parts = sheets.enumerated().map { i, sheet in
                let csv = ReportRenderer.csv(sheet)
                return i == 0 ? csv : String(csv.drop { $0 != "\n" }.dropFirst())
            }
            Console.write(parts.joined())
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
