import ArgumentParser

struct VisitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visit",
        abstract: "Create, list and follow visits; move them through their phases; exchange them, pull them from and push them to the team's store.",
        subcommands: [VisitNew.self, VisitList.self, VisitShow.self, VisitStatus.self, VisitLog.self, VisitAdvance.self, VisitExport.self, VisitImport.self, VisitPull.self, VisitPush.self])
}
