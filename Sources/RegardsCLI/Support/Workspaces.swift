import RegardsCore
import RegardsStore

/// Where a workspace is, and the one place that knows which store serves it. Only a path crosses
/// threads: a thread that needs the workspace opens its own connection.
struct WorkspaceLocation: Sendable {
    var path: String

    func open(create: Bool = false) throws -> any Workspace {
        try SQLiteWorkspace(path: path, create: create)
    }
}
