import ArgumentParser
import Foundation
import RegardsCore

struct JourneyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "journey", abstract: "Trace residents' journeys and check them against the deadlines.",
                                                    subcommands: [JourneyAdd.self, JourneyShow.self])
}

struct JourneyAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Record a dated step of a resident's journey, or a note about a step not done (--not-done).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "The resident's code (never a name).") var resident: String?
    @Option(help: "A step of the protocol's journey template.") var step: String?
    @Option(name: .customLong("from"), help: ArgumentHelp("Record many entries: a CSV file with the columns resident,step,date,note (an empty date: not done, the note says why), all or nothing.", valueName: "FILE.csv"))
    var batch: String?
    @Option(help: "When it happened (YYYY-MM-DD).") var date: String?
    @Flag(help: "The step was not done; --note says why.") var notDone = false
    @Option(help: "A note (why a step is late or missing …).") var note: String?

    func validate() throws {
        if batch == nil && (resident == nil || step == nil) { throw ValidationError("give --resident and --step, or --from FILE.csv") }
        if batch != nil && (resident != nil || step != nil) { throw ValidationError("--from replaces --resident and --step; give one or the other") }
    }

    func run() throws {
        let session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        guard session.record.grids.evaluation.journey != nil else { throw RegardsError.usage("the visit's protocol has no journey template") }
        if let batch {
            let list = try FieldRecordReader.journeys(InputFile.csv(batch), session.record, session.stamp).mapError { RegardsError.refused(batch, $0.list) }.get()
            try session.workspace.addJourneyRecords(list)
            Console.out("\(list.count) journey entr(y/ies) recorded for visit \(visit)")
            return
        }
        switch (date, notDone) {
        case (nil, false): throw RegardsError.usage("give --date, or --not-done with a --note")
        case (_?, true): throw RegardsError.usage("--date and --not-done exclude each other")
        default: break
        }
        let fields = FieldRecordReader.fields([("resident", resident), ("step", step), ("date", date), ("note", note)])
        let record = try FieldRecordReader.journey(fields, session.record, session.stamp, source: .commandLine).get()
        try session.workspace.addJourneyRecord(record)
        Console.out("\(record.entry.resident) \(record.entry.step) \(record.entry.date?.description ?? "non fait")")
    }
}

struct JourneyShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Each resident's steps, deadlines and delays, and the totals.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "Only this resident.") var resident: String?
    @Option(help: "text or json") var format: OutputFormat = .text

    func run() throws {
        let r = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        let all = r.journeyChecks.filter { resident == nil || $0.resident == resident }
        if let resident, all.isEmpty { throw RegardsError.missingInput("no journey for `\(resident)` in visit \(visit)") }
        switch format {
        case .json:
            struct Resident: Encodable { var resident: String; var steps: [StepCheck] }
            Console.out(CanonicalJSON.string(all.map { Resident(resident: $0.resident, steps: $0.checks) }))
        case .text:
            let titles = Dictionary(uniqueKeysWithValues: (r.grids.evaluation.journey?.steps ?? []).map { ($0.id, $0.title) })
            var totals: [StepCheck.State: Int] = [:]
            let exit = r.grids.evaluation.journey?.exit
            for (person, checks) in all {
                if let left = checks.first(where: { $0.step == exit })?.done, left <= r.asOf {
                    Console.out("\(person)  (sortie le \(left) : rien n'est dû après)")
                } else {
                    Console.out("\(person)  (au \(r.asOf))")
                }
                for c in checks {
                    totals[c.state, default: 0] += 1
                    let label = c.occurrence > 1 ? "\(c.step) n°\(c.occurrence)" : c.step
                    var line = "  " + Self.mark(c.state) + " " + label.padding(toLength: 30, withPad: " ", startingAt: 0)
                    line += " fait \(c.done?.description ?? "—")  échéance \(c.due?.description ?? "—")"
                    if c.daysLate > 0 { line += "  \(c.state == .late ? "retard" : "dépassé de") \(c.daysLate) j" }
                    if let note = c.note { line += "  « \(note) »" }
                    Console.out(line + "  \(titles[c.step] ?? "")")
                }
            }
            let order: [StepCheck.State] = [.onTime, .late, .missing, .notDone, .pending, .undetermined, .notRecorded]
            Console.out("Total : " + order.map { "\(totals[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", "))
        }
    }

    static func mark(_ state: StepCheck.State) -> String {
        switch state {
        case .onTime: "✔"
        case .late: "!"
        case .missing: "✘"
        case .pending: "…"
        case .undetermined: "?"
        case .notRecorded: "·"
        case .notDone: "–"
        }
    }
}
