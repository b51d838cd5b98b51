import ArgumentParser
import RegardsCore

struct SheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "Write a fill-in workbook of one grid: drop-down answers, free comment and evidence, everything else protected.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "evaluation or control") var grid: GridKind = .evaluation
    @Option(help: ArgumentHelp("The workbook to write.", valueName: "FILE.xlsx")) var xlsx: String

    func run() throws {
        let record = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        guard let report = FillInReport.build(record, grid: grid, generatedBy: workspace.author) else {
            throw fail("visit \(visit) has no \(grid.rawValue) grid", code: Exit.usage)
        }
        try ReportOutput.emit(report, xlsx: xlsx, format: .text, csvSheet: "") { [] }
    }
}
