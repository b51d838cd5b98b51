import RegardsCore
import RegardsStore

/// Where a workspace is, and the one place that knows which store serves it: a SQLite file, or a
/// PostgreSQL server when `--db` is a connection string. Only the address crosses threads: a
/// thread that needs the workspace opens its own connection.
struct WorkspaceLocation: Sendable {
    var path: String

    var address: StoreAddress { StoreAddress(path) }

    func open(create: Bool = false) throws -> any Workspace {
        switch address {
        case .file(let file): try SQLiteWorkspace(path: file, create: create)
        case .server(let server): try PostgresWorkspace(server: server)
        }
    }
}
