import ArgumentParser
import Foundation
import RegardsCore

struct ObserveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observe",
        abstract: Messages.observeAbstract,
        discussion: Messages.observeDiscussion)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.observeMethodHelp) var method: String?
    @Option(help: Messages.observeTextHelp) var text: String?
    @Option(name: .customLong("from"), help: Messages.observeFromHelp)
    var batch: String?
    @Option(help: Messages.observeFileHelp) var file: String?
    @Option(help: Messages.observeParticipantHelp) var participant: String?
    @Option(help: Messages.observeRoleHelp) var role: ParticipantRole?
    @Option(help: Messages.observeCriteriaHelp) var criteria: String?
    @Option(help: Messages.observeThemeHelp) var theme: String?
    @Option(help: Messages.observeDateHelp) var date: String?

    func validate() throws {
        if (batch == nil) == (method == nil) { throw ValidationError(Messages.observeOneOrMany) }
    }

    func run() throws {
        let session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        if let batch {
            let list = try FieldRecordReader.observations(InputFile.csv(batch), session.record, session.stamp).mapError { RegardsError.refused(batch, $0.list) }.get()
            try session.workspace.addObservations(list)
            Console.out(Messages.observationsRecorded(list.count, visit: visit))
            return
        }
        // The method is checked before the note is asked for on stdin.
        _ = try FieldRecordReader.method(method, session.record).get()
        let fields = FieldRecordReader.fields([("method", method), ("text", try note()), ("participant", participant), ("role", role?.rawValue),
                                               ("criteria", criteria), ("theme", theme), ("date", date)])
        let observation = try FieldRecordReader.observation(fields, session.record, session.stamp, source: .commandLine).get()
        try session.workspace.addObservation(observation)
        Console.out(Messages.observationRecorded(([observation.method] + [observation.participant].compactMap { $0 }).joined(separator: ", ")))
    }

    /// The note: --text, --file, or what is typed or piped on stdin.
    func note() throws -> String {
        if let text { return text }
        if let file { return try InputFile.text(file) }
        if isatty(0) != 0 { Console.note(Messages.observationPrompt) }
        return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}

struct ObservationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "observation", abstract: Messages.observationAbstract,
                                                    subcommands: [ObservationList.self], defaultSubcommand: ObservationList.self)
}

struct ObservationList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: Messages.observationListAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.observationCriteriaFilterHelp) var criteria: String?
    @Option(help: Messages.observationMethodFilterHelp) var method: String?
    @Option(help: Messages.textOrJSONHelp) var format: OutputFormat = .text

    func run() throws {
        let ws = try workspace.open()
        _ = try workspace.visit(visit, in: ws)
        let wanted = Set(splitList(criteria))
        let list = try ws.observations(visit: visit).filter {
            (wanted.isEmpty || !wanted.isDisjoint(with: $0.criteria)) && (method == nil || $0.method == method)
        }
        switch format {
        case .json: Console.out(CanonicalJSON.string(list))
        case .text:
            for (i, o) in list.enumerated() {
                var head = "#\(i + 1)  \(o.date?.description ?? "—")  \(o.method)"
                if let p = o.participant { head += "  \(p)" + (o.role.map { " (\($0.rawValue))" } ?? "") }
                if !o.criteria.isEmpty { head += "  → \(o.criteria.joined(separator: ", "))" }
                if let t = o.theme { head += "  [\(t)]" }
                Console.out(head)
                o.text.split(separator: "\n", omittingEmptySubsequences: false).forEach { Console.out("    \($0)") }
            }
            Console.note(Messages.observationsListed(list.count))
        }
    }
}
