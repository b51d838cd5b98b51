import ArgumentParser
import Foundation
import RegardsCore

struct AgreementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreement",
        abstract: Messages.agreementAbstract,
        discussion: Messages.agreementDiscussion)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: Messages.agreementVisitHelp) var visit: String?
    @Option(help: Messages.agreementCampaignHelp) var campaign: String?
    @Option(help: Messages.gridKindHelp) var grid: ProtocolKind = .evaluation
    @Option(help: Messages.agreementVersionHelp) var version: String?
    @Option(help: Messages.workbookHereHelp) var xlsx: String?
    @Option(help: Messages.agreementFormatHelp) var format: ReportFormat = .text

    func validate() throws {
        if (visit == nil) == (campaign == nil) { throw ValidationError(Messages.agreementVisitOrCampaign) }
        if version != nil && campaign == nil { throw ValidationError(Messages.agreementVersionNeedsCampaign) }
        if format == .md { throw ValidationError(Messages.agreementFormats) }
    }

    func run() throws {
        let ws = try workspace.open()
        let (measures, scope) = try visit.map { try (measureVisit($0, ws), "visite \($0)") } ?? (try measureCampaign(campaign ?? "", ws), "campagne \(campaign ?? "")")
        let report = AgreementReport.build(measures, scope: scope, generatedBy: workspace.author)
        if let xlsx { return try ReportOutput.write(report, to: xlsx) }
        switch format {
        case .json: ReportOutput.print(report, .json)
        case .csv:
            // Every version's rows under one header (the sheets share their columns).
            let rows = report.sheets.enumerated().map { i, sheet in
                let csv = ReportRenderer.csv(sheet)
                return i == 0 ? csv : String(csv.drop { $0 != "\n" }.dropFirst())
            }
            Console.write(rows.joined())
        case .text, .md: text(measures, scope).forEach(Console.out)
        }
    }

    func measureVisit(_ id: String, _ ws: any Workspace) throws -> [ScoringAgreement] {
        let record = try VisitSession.open(id, workspace: workspace, folders: nil, using: ws).record
        guard let protocolGrid = record.grids.grid(grid) else {
            throw RegardsError.badData(Messages.noGrid(visit: id, grid.rawValue, startedWith: record.visit.evaluation.description))
        }
        let scoring = DoubleScoring(record: record, grid: grid)
        if let refusal = scoring.notDoubleScored { throw refusal }
        return [ScoringAgreement(grid: protocolGrid, kind: grid, scorings: [scoring])]
    }

    func measureCampaign(_ campaign: String, _ ws: any Workspace) throws -> [ScoringAgreement] {
        let visits = try ws.visits(campaign: campaign)
        guard !visits.isEmpty else {
            let campaigns = Set(try ws.visits(campaign: nil).compactMap(\.campaign))
            throw RegardsError.missingInput(Messages.noVisitOfCampaign(campaign, in: workspace.path) + .hint(Suggestion.hint(for: campaign, in: campaigns)))
        }
        var scorings: [String: DoubleScoring] = [:]
        for visit in visits {
            let record = try VisitSession.open(visit, workspace: ws, author: workspace.author, folders: nil).record
            scorings[visit.id] = DoubleScoring(record: record, grid: grid)
        }
        let scored = visits.filter { scorings[$0.id]?.isDoubleScored ?? false }
        if let refusal = ScoringAgreement.checkCampaign(visits.compactMap { scorings[$0.id] }, campaign: campaign, kind: grid) { throw refusal }
        var measures: [ScoringAgreement] = []
        for id in Set(scored.compactMap { grid == .evaluation ? $0.evaluation.id : $0.control?.id }).sorted() {
            let (chosen, note) = try CriterionReview.chosenVersions(of: id, version: version, in: scored, campaign: campaign, verb: "measured")
            if let note { Console.note(note) }
            for group in chosen {
                let inGroup = group.visits.compactMap { scorings[$0.id] }
                if let refusal = ScoringAgreement.checkCampaign(inGroup, campaign: campaign + " (\(group.pin))", kind: grid) { throw refusal }
                measures.append(ScoringAgreement(grid: try PinnedProtocols.grid(group.pin, ws), kind: grid, scorings: inGroup))
            }
        }
        return measures
    }

    /// The terminal's rendering: the grid, then the whole grid, each theme and each criterion, one line each.
    func text(_ measures: [ScoringAgreement], _ scope: String) -> [String] {
        var out: [String] = []
        for m in measures {
            if !out.isEmpty { out.append("") }
            out.append("Accord inter-évaluateurs — \(scope), \(m.grid.reference) : \(m.visits.count) visite\(m.visits.count > 1 ? "s" : "") double-évaluée\(m.visits.count > 1 ? "s" : "")"
                       + " (\(m.visits.joined(separator: ", "))), \(m.scorers) évaluateurs par visite")
            out.append("  " + ScoringAgreement.handling)
            let rows = m.rows(.overall) + m.rows(.theme) + m.rows(.criterion)
            let width = rows.map { label($0).count }.max() ?? 0
            for row in rows { out.append("  " + label(row).padding(toLength: width + 2, withPad: " ", startingAt: 0) + figures(row, m.grid.language)) }
        }
        return out
    }

    func label(_ row: ScoringAgreement.Row) -> String {
        switch row.level {
        case .overall: row.title.lowercased()
        case .theme: "thème " + row.id
        case .criterion: row.id
        }
    }

    /// An answer as typed: its level, `nc` or `nv`.
    func short(_ answer: AnswerValue) -> String {
        switch answer {
        case .level(let v): String(v)
        case .notApplicable: "nc"
        case .notAssessed: "nv"
        }
    }

    func figures(_ row: ScoringAgreement.Row, _ language: String) -> String {
        func number(_ x: Double) -> String { String(format: "%.2f", x).replacingOccurrences(of: ".", with: ",") }
        var parts: [String] = []
        if let answers = row.answers { parts.append(answers.map { "\($0.scorer) \($0.value.map(short) ?? "—")" }.joined(separator: " / ")) }
        if let o = row.observed.figure {
            parts.append("accord \(Int((o.proportion * 100).rounded())) % sur \(o.items)")
        } else {
            parts.append("rien à comparer")
        }
        if row.answers == nil {
            if let k = row.kappa?.figure {
                parts.append("kappa \(number(k.value))" + (ScoringAgreement.interval(row).map { " [\(number($0.lowerBound)) ; \(number($0.upperBound))]" } ?? ""))
            }
            if let a = row.alpha.figure { parts.append("alpha \(number(a.value))") }
            if row.kappa?.figure != nil || row.alpha.figure != nil { parts.append("(retenu : \(row.retained.rawValue))") }
            if row.offScale + row.unanswered > 0 { parts.append("\(row.offScale) hors échelle, \(row.unanswered) sans réponse") }
            if let note = AgreementReport.note(row, language: language), row.level != .criterion || row.kappa?.figure == nil && row.alpha.figure == nil {
                parts.append("— " + note)
            }
        }
        return parts.joined(separator: " · ")
    }
}
