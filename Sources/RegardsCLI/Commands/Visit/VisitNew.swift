import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

struct VisitNew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: Messages.visitNewAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Option(help: Messages.visitEstablishmentHelp) var establishment: String?
    @Option(help: Messages.visitFinessHelp) var finess: String?
    @Option(help: Messages.visitFollowsHelp) var follows: String?
    @Option(help: Messages.visitIDHelp) var id: String?
    @Option(help: Messages.visitStartHelp) var start: String?
    @Option(help: Messages.visitEndHelp) var end: String?
    @Option(help: Messages.visitInspectorsHelp) var inspectors: String?
    @Option(help: Messages.visitCampaignHelp) var campaign: String?
    @Option(help: Messages.visitEvaluationHelp) var evaluation = "chrs-acces-aux-droits"
    @Option(help: Messages.visitControlHelp) var control: String?
    @Option(name: .customLong("context"), help: Messages.visitContextHelp)
    var contextValues: [String] = []

    func validate() throws {
        if follows == nil, establishment == nil || finess == nil { throw ValidationError(Messages.visitNeedsEstablishment) }
    }

    func run() throws {
        var finessNumber: String?
        switch finess.map(Finess.check) {
        case .valid(let f)?: finessNumber = f.value
        case .unverified(let f, let reason)?:
            Console.warning(reason)
            finessNumber = f.value
        case .invalid(let reason)?: throw RegardsError.badData(Messages.badFiness(reason))
        case nil: break
        }
        // A follow-up visit: the earlier one must exist here and be of the same establishment.
        let earlier = try follows.map { try VisitSession.open($0, workspace: workspace, folders: nil).record }
        if let earlier { try Visit.checkFollowUp(of: earlier.visit, finess: finessNumber).get() }
        let startDate = try start.map { try DateInput.read($0, field: "--start").get() }
        let endDate = try end.map { try DateInput.read($0, field: "--end").get() }
        if let startDate, let endDate, endDate < startDate {
            throw RegardsError.usage(Messages.endBeforeStart(endDate.description, startDate.description))
        }
        let repository = try folders.repository()
        let evaluationFile = try repository.grid(evaluation, kind: .evaluation)
        guard let eval = evaluationFile.grid else { return }
        var files = [evaluationFile]
        var controlGrid: AuditProtocol?
        if let control {
            let file = try repository.grid(control, kind: .control)
            files.append(file)
            controlGrid = file.grid
        } else if let file = try repository.control(for: eval) {
            files.append(file)
            controlGrid = file.grid
        }
        var workflowFile: LoadedFile?
        if let workflowID = eval.workflow {
            let file = try repository.sound(workflowID)
            files.append(file)
            workflowFile = file
        }
        let variables = eval.context + (controlGrid?.context ?? [])
        var context = try Visit.context(contextValues, variables: variables, of: eval.reference).get()
        if let earlier, contextValues.isEmpty {
            context = earlier.visit.context.filter { name, _ in variables.contains { $0.id == name } }
        }
        let snapshots = try files.map { file -> ProtocolSnapshot in
            let source = try InputFile.text(file.file)
            guard let hash = file.contentHash, let id = file.id, let version = file.version else { throw RegardsError.ioError(Messages.cannotRead(file.file)) }
            return ProtocolSnapshot(hash: hash, id: id, version: version.description, kind: file.grid?.kind.rawValue ?? "workflow", file: file.file, source: source)
        }
        let ws = try workspace.open(create: true)
        let visitID = try id ?? Visit.nextID(year: (startDate ?? Clock.today()).year, taken: ws.visitIDs(prefix: "\((startDate ?? Clock.today()).year)-"))
        guard Visit.isValidID(visitID) else {
            throw RegardsError.usage(Messages.badVisitID(visitID))
        }
        if try ws.visit(visitID) != nil {
            throw RegardsError.usage(Messages.visitExists(visitID, in: workspace.path))
        }
        let visit = Visit(id: visitID, uid: UID.make(), establishment: establishment ?? earlier?.visit.establishment ?? "",
                          finess: finessNumber ?? earlier?.visit.finess ?? "", startDate: startDate, endDate: endDate,
                          inspectors: splitList(inspectors), campaign: campaign, evaluation: snapshots[0].pin,
                          control: controlGrid == nil ? nil : snapshots[1].pin, workflow: workflowFile == nil ? nil : snapshots.last?.pin,
                          state: Visit.initialState(workflowFile?.workflow), context: context, createdAt: Clock.now(), createdBy: workspace.author,
                          follows: earlier?.visit.id)
        try ws.createVisit(visit, snapshots: snapshots)
        Console.out(visitID)
        if let earlier {
            let grids = VisitGrids(evaluation: eval, control: controlGrid)
            let carried = Visit.carriedActions(earlier, into: visit, grids: grids, makeID: UID.make, author: workspace.author, at: Clock.now())
            if !carried.isEmpty { _ = try ws.addActions(carried) }
            let open = earlier.procedure.unsettled(today: Clock.today())
            Console.note(Messages.followUpStarted(visitID, follows: earlier.visit.id, carried: carried.count, toCheck: open.count))
        }
        Console.note(Messages.visitCreated(visitID, in: workspace.path, "\(visit.evaluation)" + (visit.control.map { " + \($0)" } ?? ""), phase: visit.state))
    }
}
