import ArgumentParser
import RegardsCore
import RegardsStore

struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Set up the team's shared store on a PostgreSQL server.",
        subcommands: [StoreInit.self])
}

struct StoreInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create (or upgrade) the store on a PostgreSQL server: its schema, and the roles \(StoreSetup.inspectorRole) and \(StoreSetup.adminRole).",
        discussion: """
            Run it as the database's owner or a superuser; running it again applies only the migrations not yet there. \
            \(StoreSetup.inspectorRole) may add records and read them, never change or delete history; \(StoreSetup.adminRole) owns the schema \
            (migrations, redaction). Give each inspector a login in the first: CREATE ROLE name LOGIN IN ROLE \(StoreSetup.inspectorRole).
            """)

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
        guard case .server(let server) = workspace.location.address else {
            throw RegardsError.usage("store init sets up a PostgreSQL store (--db postgres://…); a workspace file needs no set-up")
        }
        let setup = try PostgresWorkspace.initialize(server: server)
        if setup.migrationsApplied.isEmpty {
            Console.out("store \(server): schema \(setup.schemaAfter), up to date")
        } else {
            Console.out("store \(server): schema \(setup.schemaBefore) → \(setup.schemaAfter) (\(setup.migrationsApplied.joined(separator: ", ")))")
        }
        Console.note("roles: \(StoreSetup.inspectorRole) (add and read), \(StoreSetup.adminRole) (migrations, redaction); "
                     + "give each inspector a login: CREATE ROLE name LOGIN IN ROLE \(StoreSetup.inspectorRole)")
    }
}
