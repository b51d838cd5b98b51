import ArgumentParser
import RegardsCore

struct SheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "Write a fill-in workbook of one grid: drop-down answers, free comment and evidence, everything else protected.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @OptionGroup var scoring: ScorerOption
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "evaluation or control") var grid: ProtocolKind = .evaluation
    @Option(help: ArgumentHelp("The workbook to write.", valueName: "FILE.xlsx")) var xlsx: String
    @Flag(help: "Export even though personal-data findings are not reviewed (the workbook's properties say so).") var allowPersonalData = false

    func run() throws {
        var session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        try session.score(as: scoring.scorer, grid: grid)
        let record = session.record
        let stamp = try PrivacyGate.export([record], allow: allowPersonalData, command: "sheet")
        guard var report = FillInReport.build(record, grid: grid, generatedBy: workspace.author) else {
            throw RegardsError.usage("visit \(visit) has no \(grid.rawValue) grid")
        }
        report.properties.custom += stamp
        try ReportOutput.write(report, to: xlsx)
    }
}
