import ArgumentParser
import Foundation
import RegardsCore

struct ObserveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observe",
        abstract: "Record an observation (field note) from one immersion method.",
        discussion: "The text comes from --text, --file, or stdin. Participants are codes (R07, S02), never names.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "The observation method (a method of the evaluation protocol).") var method: String?
    @Option(help: "The note.") var text: String?
    @Option(name: .customLong("from"), help: ArgumentHelp("Record many observations: a CSV file with the columns method,participant,role,criteria,theme,date,text (criteria separated by `;`), all or nothing.", valueName: "FILE.csv"))
    var batch: String?
    @Option(help: "Read the note from this file.") var file: String?
    @Option(help: "The participant's code (never a name).") var participant: String?
    @Option(help: "resident, staff, partner or other") var role: ParticipantRole?
    @Option(help: "Criteria it informs, comma-separated.") var criteria: String?
    @Option(help: "A free theme (repas, nuit …).") var theme: String?
    @Option(help: "When it was observed (YYYY-MM-DD; default: today).") var date: String?

    func validate() throws {
        if (batch == nil) == (method == nil) { throw ValidationError("give --method (one observation) or --from FILE.csv") }
    }

    func run() throws {
        let session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        if let batch {
            let list = try FieldRecordReader.observations(InputFile.csv(batch), session.record, session.stamp).mapError { RegardsError.refused(batch, $0.list) }.get()
            try session.workspace.addObservations(list)
            Console.out("\(list.count) observation(s) recorded for visit \(visit)")
            return
        }
        // The method is checked before the note is asked for on stdin.
        _ = try FieldRecordReader.method(method, session.record).get()
        let fields = FieldRecordReader.fields([("method", method), ("text", try note()), ("participant", participant), ("role", role?.rawValue),
                                               ("criteria", criteria), ("theme", theme), ("date", date)])
        let observation = try FieldRecordReader.observation(fields, session.record, session.stamp, source: .commandLine).get()
        try session.workspace.addObservation(observation)
        Console.out("observation recorded (\(observation.method)\(observation.participant.map { ", \($0)" } ?? ""))")
    }

    /// The note: --text, --file, or what is typed or piped on stdin.
    func note() throws -> String {
        if let text { return text }
        if let file { return try InputFile.text(file) }
        if isatty(0) != 0 { Console.note("Texte de l'observation (fin : Ctrl-D) :") }
        return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    }
}

struct ObservationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "observation", abstract: "List the observations of a visit.",
                                                    subcommands: [ObservationList.self], defaultSubcommand: ObservationList.self)
}

struct ObservationList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a visit's observations, oldest first.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "Only those tagged with one of these criteria (comma-separated).") var criteria: String?
    @Option(help: "Only this method.") var method: String?
    @Option(help: "text or json") var format: OutputFormat = .text

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
            Console.note("\(list.count) observation(s)")
        }
    }
}
