import ArgumentParser
import RegardsCore
import RegardsStore

struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: Messages.storeAbstract,
        subcommands: [StoreInit.self])
}

struct StoreInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: Messages.storeInitAbstract(inspector: StoreSetup.inspectorRole, admin: StoreSetup.adminRole),
        discussion: Messages.storeInitDiscussion(inspector: StoreSetup.inspectorRole, admin: StoreSetup.adminRole))

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
        guard case .server(let server) = workspace.location.address else {
            throw RegardsError.usage(Messages.storeInitNeedsServer)
        }
        let setup = try PostgresWorkspace.initialize(server: server)
        if setup.migrationsApplied.isEmpty {
            Console.out(Messages.storeUpToDate("\(server)", schema: setup.schemaAfter))
        } else {
            Console.out(Messages.storeMigrated("\(server)", from: setup.schemaBefore, to: setup.schemaAfter, migrations: setup.migrationsApplied.joined(separator: ", ")))
        }
        Console.note(Messages.storeRoles(inspector: StoreSetup.inspectorRole, admin: StoreSetup.adminRole))
    }
}
