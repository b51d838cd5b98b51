import ArgumentParser
import RegardsCore

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare the control grid and the evaluation of a visit, or of every visit of a campaign.",
        discussion: "--xlsx writes the comparison workbook; otherwise --format text|csv|json|md prints it (csv: the tidy long table).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String?
    @Option(help: "Compare every visit of this campaign instead.") var campaign: String?
    @Option(help: ArgumentHelp("An earlier visit of the same establishment: show the evolution since it (scores and conformity per theme, its measures, its actions).", valueName: "VISIT"))
    var since: String?
    @Option(help: ArgumentHelp("Write the workbook here.", valueName: "FILE.xlsx")) var xlsx: String?
    @Option(help: "text, csv, json or md (to stdout)") var format: ReportFormat = .text
    @Flag(help: "Export even though personal-data findings are not reviewed (the workbook's properties say so).") var allowPersonalData = false

    func validate() throws {
        if (visit == nil) == (campaign == nil) { throw ValidationError("give a VISIT or --campaign NAME") }
        if since != nil, visit == nil { throw ValidationError("--since compares a VISIT with an earlier one") }
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
