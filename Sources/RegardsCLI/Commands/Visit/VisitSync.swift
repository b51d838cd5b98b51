import ArgumentParser
import Foundation
import RegardsCore

/// `--from` / `--to`: the team's store (a PostgreSQL server, or any workspace), default `$REGARDS_SERVER`.
struct TeamStore {
    static func location(_ given: String?, option: String) throws -> WorkspaceLocation {
        guard let text = given ?? Environment.value("REGARDS_SERVER") else {
            throw RegardsError.usage("say which store with \(option) postgres://… (or set REGARDS_SERVER)")
        }
        return WorkspaceLocation(path: text)
    }

    /// Copies `visit` from one store into another, merged as an import is; prints what was done.
    static func transfer(_ visit: String, from source: WorkspaceLocation, to target: WorkspaceLocation, create: Bool, author: String, verb: String,
                         otherwise: String) throws {
        let origin = try source.open()
        guard let bundle = try origin.bundle(visit: visit, exportedAt: Clock.now(), exportedBy: author) else {
            let known = (try? origin.visits(campaign: nil).map(\.id)) ?? []
            throw RegardsError.missingInput("no visit `\(visit)` in \(source.address)" + .hint(Suggestion.hint(for: visit, in: known)))
        }
        let destination = try target.open(create: create)
        let plan = try VisitTransfer.merge(bundle, into: destination, otherwise: otherwise)
        VisitTransfer.summary(plan, visit: visit, source: source.address.description, verb: verb).forEach { Console.out($0) }
    }
}

struct VisitPull: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Copy a visit (with its protocol snapshots) from the team's store into this workspace, to work on it offline.",
        discussion: "Pulling again brings what others added since; an answer changed on both sides is a conflict, kept in the history.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: ArgumentHelp("The team's store: postgres://… or a libpq keyword string (default: $REGARDS_SERVER).", valueName: "URL")) var from: String?

    func run() throws {
        try TeamStore.transfer(visit, from: TeamStore.location(from, option: "--from"), to: workspace.location, create: true, author: workspace.author,
                               verb: "pulled", otherwise: "pull it into another workspace (--db OTHER.sqlite)")
    }
}

struct VisitPush: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Send back to the team's store what this workspace added to a visit, in one transaction.",
        discussion: "Rows are identified by their uid: pushing twice adds nothing. An answer changed on both sides is a conflict, kept in the history.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: ArgumentHelp("The team's store: postgres://… or a libpq keyword string (default: $REGARDS_SERVER).", valueName: "URL")) var to: String?

    func run() throws {
        try TeamStore.transfer(visit, from: workspace.location, to: TeamStore.location(to, option: "--to"), create: false, author: workspace.author,
                               verb: "pushed", otherwise: "export it (`visit export`) and import it there beside with --as NEW-ID")
    }
}
