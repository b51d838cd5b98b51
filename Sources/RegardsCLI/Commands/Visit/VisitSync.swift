import ArgumentParser
import Foundation
import RegardsCore

/// `--from` / `--to`: the team's store (a PostgreSQL server, or any workspace), default `$REGARDS_SERVER`.
struct TeamStore {
    static func location(_ given: String?, option: String) throws -> WorkspaceLocation {
        guard let text = given ?? Environment.value("REGARDS_SERVER") else {
            throw RegardsError.usage(Messages.sayWhichStore(option))
        }
        return WorkspaceLocation(path: text)
    }

    /// Copies `visit` from one store into another, merged as an import is; prints what was done.
    static func transfer(_ visit: String, from source: WorkspaceLocation, to target: WorkspaceLocation, create: Bool, author: String, verb: String,
                         otherwise: String) throws {
        let origin = try source.open()
        guard let bundle = try origin.bundle(visit: visit, exportedAt: Clock.now(), exportedBy: author) else {
            let known = (try? origin.visits(campaign: nil).map(\.id)) ?? []
            throw RegardsError.missingInput(Messages.noVisit(visit, in: source.address.description) + .hint(Suggestion.hint(for: visit, in: known)))
        }
        let destination = try target.open(create: create)
        let plan = try VisitTransfer.merge(bundle, into: destination, otherwise: otherwise)
        VisitTransfer.summary(plan, visit: visit, source: source.address.description, verb: verb).forEach { Console.out($0) }
    }
}

struct VisitPull: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: Messages.visitPullAbstract,
        discussion: Messages.visitPullDiscussion)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.teamStoreHelp) var from: String?

    func run() throws {
        try TeamStore.transfer(visit, from: TeamStore.location(from, option: "--from"), to: workspace.location, create: true, author: workspace.author,
                               verb: "pulled", otherwise: Messages.pullElsewhere)
    }
}

struct VisitPush: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: Messages.visitPushAbstract,
        discussion: Messages.visitPushDiscussion)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.teamStoreHelp) var to: String?

    func run() throws {
        try TeamStore.transfer(visit, from: workspace.location, to: TeamStore.location(to, option: "--to"), create: false, author: workspace.author,
                               verb: "pushed", otherwise: Messages.pushElsewhere)
    }
}
