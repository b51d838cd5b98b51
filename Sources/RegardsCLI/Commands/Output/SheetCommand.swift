import ArgumentParser
import RegardsCore

struct SheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: Messages.sheetAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @OptionGroup var scoring: ScorerOption
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.gridKindHelp) var grid: ProtocolKind = .evaluation
    @Option(help: Messages.workbookToWriteHelp) var xlsx: String
    @Flag(help: Messages.allowPersonalDataHelp) var allowPersonalData = false

    func run() throws {
        var session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        try session.score(as: scoring.scorer, grid: grid)
        let record = session.record
        let stamp = try PrivacyGate.export([record], allow: allowPersonalData, command: "sheet")
        guard var report = FillInReport.build(record, grid: grid, generatedBy: workspace.author) else {
            throw RegardsError.usage(Messages.noGrid(visit: visit, grid.rawValue))
        }
        report.properties.custom += stamp
        try ReportOutput.write(report, to: xlsx)
    }
}
