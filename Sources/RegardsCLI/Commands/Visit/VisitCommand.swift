import ArgumentParser

struct VisitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visit",
        abstract: "Create, list and follow visits; move them through their phases; exchange them.",
        subcommands: [VisitNew.self, VisitList.self, VisitShow.self, VisitStatus.self, VisitLog.self, VisitAdvance.self, VisitExport.self, VisitImport.self])
}
