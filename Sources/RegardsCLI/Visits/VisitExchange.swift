import ArgumentParser
import RegardsCore

struct VisitExport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write a self-contained JSON bundle of a visit (not yet available).")
    @Argument var visit: String
    func run() throws { throw fail("visit export is not available yet", code: Exit.usage) }
}

struct VisitImport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Bring a visit bundle into this workspace (not yet available).")
    @Argument var file: String
    func run() throws { throw fail("visit import is not available yet", code: Exit.usage) }
}
