import ArgumentParser
import RegardsCore

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: Messages.compareAbstract,
        discussion: Messages.compareDiscussion)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String?
    @Option(help: Messages.compareCampaignHelp) var campaign: String?
    @Option(help: Messages.compareSinceHelp) var since: String?
    @Option(help: Messages.workbookHereHelp) var xlsx: String?
    @Option(help: Messages.compareFormatHelp) var format: ReportFormat = .text
    @Flag(help: Messages.allowPersonalDataHelp) var allowPersonalData = false

    func validate() throws {
        if (visit == nil) == (campaign == nil) { throw ValidationError(Messages.compareVisitOrCampaign) }
        if since != nil, visit == nil { throw ValidationError(Messages.compareSinceNeedsVisit) }
    }

    func run() throws {
        if let visit, let since {
            let later = try VisitSession.open(visit, workspace: workspace, folders: folders).record
            let earlier = try VisitSession.open(since, workspace: workspace, folders: nil).record
            var report = try EvolutionReport.build(earlier: earlier, later: later, generatedBy: workspace.author).get()
            report.properties.custom += try PrivacyGate.export([earlier, later], allow: allowPersonalData, command: "compare")
            if let xlsx {
                try ReportOutput.write(report, to: xlsx)
            } else {
                ReportOutput.print(report, format == .text ? .md : format, sheet: .evolution)
            }
        } else if let visit {
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
