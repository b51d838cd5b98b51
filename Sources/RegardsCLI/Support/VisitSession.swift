import Foundation
import RegardsCore
import RegardsProtocols

/// One visit opened for a command: the workspace, the visit's pinned protocols (from their
/// snapshots) and everything recorded, as a `VisitRecord`.
struct VisitSession {
    let workspace: any Workspace
    var record: VisitRecord
    let author: String

    var visit: Visit { record.visit }

    static func open(_ id: String, workspace options: WorkspaceOptions, folders: ProtocolFolderOptions?, using opened: (any Workspace)? = nil) throws -> VisitSession {
        let workspace = try opened ?? options.open()
        let visit = try options.visit(id, in: workspace)
        return try open(visit, workspace: workspace, author: options.author, folders: folders)
    }

    /// A visit already read from `workspace` (a campaign's list), with everything recorded.
    static func open(_ visit: Visit, workspace: any Workspace, author: String, folders: ProtocolFolderOptions?) throws -> VisitSession {
        let id = visit.id
        let grids = try PinnedProtocols.grids(visit, workspace)
        let workflow = try visit.workflow.map { try PinnedProtocols.load($0, workspace).workflow } ?? nil
        if let folders { warnDrift(visit, folders: folders) }
        var record = VisitRecord(
            visit: visit, grids: grids, workflow: workflow,
            history: try workspace.answerEvents(visit: id),
            observations: try workspace.observations(visit: id),
            journeys: try workspace.journeyRecords(visit: id),
            actions: try workspace.actions(visit: id),
            asOf: visit.endDate ?? visit.startDate ?? Clock.today())
        record.scorings = try workspace.scoringEvents(visit: id)
        record.privacy = try workspace.privacySettings(visit: id)
        record.procedure = Procedure(events: try workspace.procedureEvents(visit: id))
        if let earlier = visit.follows { record.followed = (earlier, Procedure(events: try workspace.procedureEvents(visit: earlier))) }
        record.today = Clock.today()
        return VisitSession(workspace: workspace, record: record, author: author)
    }

    /// A protocol file edited without a version bump since the visit started: say so, keep the snapshot.
    static func warnDrift(_ visit: Visit, folders: ProtocolFolderOptions) {
        guard let repository = try? ProtocolRepository(directories: folders.searchPath) else { return }
        for (pin, file) in repository.drifted(from: visit.pins) {
            Console.warning(Messages.protocolDrifted(file, visit: visit.id, pin: pin.description))
        }
    }

    /// From now on, `scorer`'s independent scoring of `grid` (double scoring): the record shows
    /// their answers only, and `record(_:)` writes into their scoring. Nil leaves the visit's own answers.
    mutating func score(as scorer: String?, grid: ProtocolKind?) throws {
        guard let scorer else { return }
        if let grid, record.grids.grid(grid) == nil {
            throw RegardsError.badData(Messages.nothingToScore(Messages.noGrid(visit: visit.id, grid.rawValue, startedWith: visit.evaluation.description), scorer: scorer))
        }
        record = record.scoring(by: scorer)
    }

    /// Records answers (one transaction), into the visit's own or the scorer's, and updates the in-memory record.
    mutating func record(_ changes: [AnswerChange]) throws -> [AnswerEvent] {
        let events = try record.scorer.map { try workspace.recordScores(visit: visit.id, scorer: $0, changes, author: author, at: Clock.now()) }
            ?? workspace.recordAnswers(visit: visit.id, changes, author: author, at: Clock.now())
        record.history += events
        if record.scorer != nil { record.scorings += events }
        return events
    }

    /// The visit's workflow and the transition it takes next (to `target`, or the forward one), its guards checked.
    func nextPhase(to target: String?) throws -> (Workflow, WorkflowEngine.Option) {
        guard let workflow = record.workflow else { throw RegardsError.badData(Messages.noWorkflow(visit: visit.id)) }
        return (workflow, try WorkflowEngine(workflow: workflow).next(for: record, to: target).get())
    }

    /// Records a move its guards allow, with the report the phase issues (dated `on`, else today);
    /// refused if another writer moved the visit first.
    func move(_ option: WorkflowEngine.Option, reason: String?, on date: CalendarDate? = nil) throws {
        let event = StateEvent(uid: UID.make(), visit: visit.id, from: visit.state, to: option.transition.to, author: author, at: Clock.now(), reason: reason)
        let report = record.workflow?.state(option.transition.to)?.report.map { ProcedureDesk(record: record, stamp: stamp).issue($0, on: date ?? Clock.today()) }
        guard try workspace.recordTransition(event, with: report.map { [$0] } ?? []) else {
            throw RegardsError.ioError(Messages.phaseChangedMeanwhile(visit: visit.id))
        }
    }

    /// Who records, when, and how ids are made.
    var stamp: FieldRecordReader.Stamp { Clock.stamp(author) }
}

/// The protocols visits are pinned to, read from their snapshots and parsed once per process (the
/// text of a pin never changes: its hash is checked), and the grids of visits pinned to the same
/// pair. Sendable: every access holds its lock.
final class PinnedProtocols: @unchecked Sendable {
    private static let shared = PinnedProtocols()
    private let lock = NSLock()
    private var files: [String: LoadedFile] = [:]
    private var pairs: [String: VisitGrids] = [:]

    private func cached<T>(_ body: (PinnedProtocols) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(self)
    }

    static func load(_ pin: ProtocolPin, _ workspace: any Workspace) throws -> LoadedFile {
        if let loaded = shared.cached({ $0.files[pin.hash] }) { return loaded }
        guard let snapshot = try workspace.snapshot(hash: pin.hash) else {
            throw RegardsError.badData(Messages.snapshotMissing(pin.description))
        }
        let loaded = ProtocolLoader().load(bytes: Array(snapshot.source.utf8), file: snapshot.file)
        guard loaded.content != nil, !loaded.diagnostics.hasErrors, loaded.contentHash == pin.hash else {
            throw RegardsError.badData(Messages.snapshotMismatch(pin.description))
        }
        shared.cached { $0.files[pin.hash] = loaded }
        return loaded
    }

    /// A visit's two grids; visits pinned to the same protocols share them (and their lookups).
    static func grids(_ visit: Visit, _ workspace: any Workspace) throws -> VisitGrids {
        let key = visit.evaluation.hash + "|" + (visit.control?.hash ?? "")
        if let found = shared.cached({ $0.pairs[key] }) { return found }
        let grids = VisitGrids(evaluation: try grid(visit.evaluation, workspace), control: try visit.control.map { try grid($0, workspace) })
        shared.cached { $0.pairs[key] = grids }
        return grids
    }

    static func grid(_ pin: ProtocolPin, _ workspace: any Workspace) throws -> AuditProtocol {
        guard let grid = try load(pin, workspace).grid else { throw RegardsError.badData(Messages.notAGrid(pin.description)) }
        return grid
    }
}
