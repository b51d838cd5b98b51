import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

struct VisitNew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a visit, pinned to its protocols (id, version, content hash and a copy of the text).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Option(help: "The establishment's name (with --follows: the earlier visit's).") var establishment: String?
    @Option(help: "Its FINESS number (9 characters, checked; with --follows: the earlier visit's).") var finess: String?
    @Option(help: "The earlier visit of the same establishment this one follows up: its open actions are carried, its measures followed.") var follows: String?
    @Option(help: "Visit id (default: YEAR-NNN).") var id: String?
    @Option(help: "First day on site (YYYY-MM-DD).") var start: String?
    @Option(help: "Last day on site (YYYY-MM-DD).") var end: String?
    @Option(help: "Inspectors, comma-separated.") var inspectors: String?
    @Option(help: "Campaign the visit belongs to (a region, a year).") var campaign: String?
    @Option(help: "Evaluation protocol (ID, ID@VERSION or file).") var evaluation = "chrs-acces-aux-droits"
    @Option(help: "Control protocol (default: the one the evaluation protocol compares with).") var control: String?
    @Option(name: .customLong("context"), help: ArgumentHelp("A context variable, NAME=VALUE (repeatable), e.g. hebergement=diffus.", valueName: "NAME=VALUE"))
    var contextValues: [String] = []

    func validate() throws {
        if follows == nil, establishment == nil || finess == nil { throw ValidationError("give --establishment and --finess (or --follows VISIT)") }
    }

    func run() throws {
        var finessNumber: String?
        switch finess.map(Finess.check) {
        case .valid(let f)?: finessNumber = f.value
        case .unverified(let f, let reason)?:
            Console.warning(reason)
            finessNumber = f.value
        case .invalid(let reason)?: throw RegardsError.badData("--finess: \(reason)")
        case nil: break
        }
        // A follow-up visit: the earlier one must exist here and be of the same establishment.
        let earlier = try follows.map { try VisitSession.open($0, workspace: workspace, folders: nil).record }
        if let earlier { try Visit.checkFollowUp(of: earlier.visit, finess: finessNumber).get() }
        let startDate = try start.map { try DateInput.read($0, field: "--start").get() }
        let endDate = try end.map { try DateInput.read($0, field: "--end").get() }
        if let startDate, let endDate, endDate < startDate {
            throw RegardsError.usage("--end \(endDate) is before --start \(startDate)")
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
            guard let hash = file.contentHash, let id = file.id, let version = file.version else { throw RegardsError.ioError("\(file.file): cannot read") }
            return ProtocolSnapshot(hash: hash, id: id, version: version.description, kind: file.grid?.kind.rawValue ?? "workflow", file: file.file, source: source)
        }
        let ws = try workspace.open(create: true)
        let visitID = try id ?? Visit.nextID(year: (startDate ?? Clock.today()).year, taken: ws.visitIDs(prefix: "\((startDate ?? Clock.today()).year)-"))
        guard Visit.isValidID(visitID) else {
            throw RegardsError.usage("--id `\(visitID)`: use letters, digits, `.`, `_` or `-`")
        }
        if try ws.visit(visitID) != nil {
            throw RegardsError.usage("visit `\(visitID)` already exists in \(workspace.path)")
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
            Console.note("visit \(visitID) follows \(earlier.visit.id): \(carried.count) open action(s) carried, \(open.count) measure(s) to check "
                         + "(regards measure status \(visitID))")
        }
        Console.note("visit \(visitID) created in \(workspace.path): \(visit.evaluation)" + (visit.control.map { " + \($0)" } ?? "") + ", phase \(visit.state)")
    }
}
