import ArgumentParser

struct VisitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "visit",
        abstract: Messages.visitAbstract,
        subcommands: [VisitNew.self, VisitList.self, VisitShow.self, VisitStatus.self, VisitLog.self, VisitAdvance.self, VisitExport.self, VisitImport.self, VisitPull.self, VisitPush.self])
}
