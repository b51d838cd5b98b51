import ArgumentParser
import Foundation
import RegardsCore

struct JourneyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "journey", abstract: Messages.journeyAbstract,
                                                    subcommands: [JourneyAdd.self, JourneyShow.self])
}

struct JourneyAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: Messages.journeyAddAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.journeyResidentHelp) var resident: String?
    @Option(help: Messages.journeyStepHelp) var step: String?
    @Option(name: .customLong("from"), help: Messages.journeyFromHelp)
    var batch: String?
    @Option(help: Messages.journeyDateHelp) var date: String?
    @Flag(help: Messages.journeyNotDoneHelp) var notDone = false
    @Option(help: Messages.journeyNoteHelp) var note: String?

    func validate() throws {
        if batch == nil && (resident == nil || step == nil) { throw ValidationError(Messages.journeyOneOrMany) }
        if batch != nil && (resident != nil || step != nil) { throw ValidationError(Messages.journeyFromReplaces) }
    }

    func run() throws {
        let session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        guard session.record.grids.evaluation.journey != nil else { throw RegardsError.usage(Messages.noJourneyTemplate) }
        if let batch {
            let list = try FieldRecordReader.journeys(InputFile.csv(batch), session.record, session.stamp).mapError { RegardsError.refused(batch, $0.list) }.get()
            try session.workspace.addJourneyRecords(list)
            Console.out(Messages.journeyEntriesRecorded(list.count, visit: visit))
            return
        }
        switch (date, notDone) {
        case (nil, false): throw RegardsError.usage(Messages.journeyDateOrNotDone)
        case (_?, true): throw RegardsError.usage(Messages.journeyDateExcludesNotDone)
        default: break
        }
        let fields = FieldRecordReader.fields([("resident", resident), ("step", step), ("date", date), ("note", note)])
        let record = try FieldRecordReader.journey(fields, session.record, session.stamp, source: .commandLine).get()
        try session.workspace.addJourneyRecord(record)
        Console.out("\(record.entry.resident) \(record.entry.step) \(record.entry.date?.description ?? Messages.journeyStepNotDone)")
    }
}

struct JourneyShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: Messages.journeyShowAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.journeyOnlyResidentHelp) var resident: String?
    @Option(help: Messages.textOrJSONHelp) var format: OutputFormat = .text

    func run() throws {
        let r = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        let all = r.journeyChecks.filter { resident == nil || $0.resident == resident }
        if let resident, all.isEmpty { throw RegardsError.missingInput(Messages.noJourney(resident: resident, visit: visit)) }
        switch format {
        case .json:
            struct Resident: Encodable { var resident: String; var steps: [StepCheck] }
            Console.out(CanonicalJSON.string(all.map { Resident(resident: $0.resident, steps: $0.checks) }))
        case .text: TextRenderer.journeys(all, of: r).forEach(Console.out)
        }
    }
}
