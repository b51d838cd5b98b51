import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols
import RegardsStore

/// One visit opened for a command: the workspace, the visit's pinned protocols (from their
/// snapshots) and everything recorded, as a `VisitRecord`.
struct VisitSession {
    let workspace: SQLiteWorkspace
    var record: VisitRecord
    let author: String

    var visit: Visit { record.visit }

    static func open(_ id: String, workspace options: WorkspaceOptions, folders: ProtocolFolderOptions?, using opened: SQLiteWorkspace? = nil) throws -> VisitSession {
        let workspace = try opened ?? options.open()
        guard let visit = try store({ try workspace.visit(id) }) else {
            let known = (try? workspace.visits(campaign: nil).map(\.id)) ?? []
            throw fail("no visit `\(id)` in \(options.path)" + (Suggestion.hint(for: id, in: known).map { "; \($0)" } ?? ""), code: Exit.missingInput)
        }
        return try open(visit, workspace: workspace, author: options.author, folders: folders)
    }

    /// A visit already read from `workspace` (a campaign's list), with everything recorded.
    static func open(_ visit: Visit, workspace: SQLiteWorkspace, author: String, folders: ProtocolFolderOptions?) throws -> VisitSession {
        let id = visit.id
        let grids = try self.grids(visit, workspace)
        var workflow: Workflow?
        if let pin = visit.workflow {
            workflow = try load(pin, workspace).workflow
        }
        if let folders { warnDrift(visit, folders: folders) }
        var record = VisitRecord(
            visit: visit, grids: grids, workflow: workflow,
            history: try store { try workspace.answerEvents(visit: id) },
            observations: try store { try workspace.observations(visit: id) },
            journeys: try store { try workspace.journeyRecords(visit: id) },
            actions: try store { try workspace.actions(visit: id) },
            asOf: visit.endDate ?? visit.startDate ?? Clock.today())
        record.privacy = try store { try workspace.privacySettings(visit: id) }
        return VisitSession(workspace: workspace, record: record, author: author)
    }

    static func load(_ pin: ProtocolPin, _ workspace: SQLiteWorkspace) throws -> LoadedFile {
        // The text of a pinned protocol never changes (its hash is checked): read and parse it once per process.
        if let loaded = SnapshotCache.shared[pin.hash] { return loaded }
        let loaded = try read(pin, workspace)
        SnapshotCache.shared[pin.hash] = loaded
        return loaded
    }

    static func read(_ pin: ProtocolPin, _ workspace: SQLiteWorkspace) throws -> LoadedFile {
        guard let snapshot = try store({ try workspace.snapshot(hash: pin.hash) }) else {
            throw fail("the snapshot of `\(pin)` is missing from the workspace", code: Exit.badData)
        }
        let loaded = ProtocolLoader().load(bytes: Array(snapshot.source.utf8), file: snapshot.file)
        guard loaded.content != nil, !loaded.diagnostics.hasErrors, loaded.contentHash == pin.hash else {
            throw fail("the stored snapshot of `\(pin)` does not read back as recorded (hash mismatch)", code: Exit.badData)
        }
        return loaded
    }

    /// A visit's two grids; visits pinned to the same protocols share them (and their lookups).
    static func grids(_ visit: Visit, _ workspace: SQLiteWorkspace) throws -> VisitGrids {
        let key = visit.evaluation.hash + "|" + (visit.control?.hash ?? "")
        if let cached = SnapshotCache.shared.grids(key) { return cached }
        let grids = VisitGrids(evaluation: try grid(visit.evaluation, workspace), control: try visit.control.map { try grid($0, workspace) })
        SnapshotCache.shared.setGrids(grids, key)
        return grids
    }

    static func grid(_ pin: ProtocolPin, _ workspace: SQLiteWorkspace) throws -> AuditProtocol {
        guard let grid = try load(pin, workspace).grid else { throw fail("`\(pin)` is not a grid", code: Exit.badData) }
        return grid
    }

    /// A protocol file edited without a version bump since the visit started: say so, keep the snapshot.
    static func warnDrift(_ visit: Visit, folders: ProtocolFolderOptions) {
        guard let repository = try? ProtocolRepository(directories: folders.searchPath) else { return }
        for (pin, file) in repository.drifted(from: [visit.evaluation, visit.control, visit.workflow].compactMap { $0 }) {
            Console.error("regards: warning: \(file) changed since visit \(visit.id) started, without a new version of `\(pin)`; the visit keeps the text it started with")
        }
    }

    /// Records answers (one transaction) and updates the in-memory record.
    mutating func record(_ changes: [AnswerChange]) throws -> [AnswerEvent] {
        let events = try store { try workspace.recordAnswers(visit: visit.id, changes, author: author, at: Clock.now()) }
        record.history += events
        return events
    }
}

/// Parsed protocol snapshots by content hash, and the grids of visits by the hashes they are pinned to.
final class SnapshotCache: @unchecked Sendable {
    static let shared = SnapshotCache()
    private let lock = NSLock()
    private var entries: [String: LoadedFile] = [:]
    private var pairs: [String: VisitGrids] = [:]

    func grids(_ key: String) -> VisitGrids? {
        lock.lock()
        defer { lock.unlock() }
        return pairs[key]
    }

    func setGrids(_ grids: VisitGrids, _ key: String) {
        lock.lock()
        pairs[key] = grids
        lock.unlock()
    }

    subscript(hash: String) -> LoadedFile? {
        get {
            lock.lock()
            defer { lock.unlock() }
            return entries[hash]
        }
        set {
            lock.lock()
            entries[hash] = newValue
            lock.unlock()
        }
    }
}
