import ArgumentParser
import Foundation
import RegardsCore

extension ParticipantRole: ExpressibleByArgument {}

extension ActionStatus: ExpressibleByArgument {}

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
            let list = try FieldBatch.observations(batch, session.record, author: session.author)
            try store { try session.workspace.addObservations(list) }
            Console.out("\(list.count) observation(s) recorded for visit \(visit)")
            return
        }
        guard let method else { return }
        let grids = session.record.grids
        let methods = grids.evaluation.methods.map(\.id) + (grids.control?.methods.map(\.id) ?? [])
        guard methods.contains(method) else {
            throw fail("`\(method)` is not an observation method of this visit (\(methods.joined(separator: ", ")))"
                       + (Suggestion.hint(for: method, in: methods).map { "; \($0)" } ?? ""), code: Exit.usage)
        }
        var note: String
        if let text {
            note = text
        } else if let file {
            guard let data = FileManager.default.contents(atPath: file) else { throw fail("\(file): no such file", code: Exit.missingInput) }
            guard let s = String(validating: [UInt8](data), as: UTF8.self) else { throw fail("\(file): not UTF-8 text", code: Exit.badData) }
            note = s
        } else {
            if isatty(0) != 0 { Console.error("Texte de l'observation (fin : Ctrl-D) :") }
            note = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !note.isEmpty else { throw fail("the observation is empty", code: Exit.usage) }
        if let participant, !PseudonymCode.isValid(participant) {
            throw fail("--participant `\(participant)`: \(PseudonymCode.rule)", code: Exit.usage)
        }
        let ids = splitList(criteria)
        for id in ids {
            if case .failure(let refusal) = grids.locate(id) { throw fail("--criteria: \(refusal.description)", code: Exit.usage) }
        }
        let observation = Observation(uid: UID.make(), visit: visit, method: method, text: note, participant: participant, role: role, criteria: ids,
                                      theme: theme, date: try date.map { try parseDate($0, option: "--date") } ?? Clock.today(),
                                      author: session.author, at: Clock.now())
        try store { try session.workspace.addObservation(observation) }
        Console.out("observation recorded (\(method)\(participant.map { ", \($0)" } ?? ""))")
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
        guard try store({ try ws.visit(visit) }) != nil else { throw fail("no visit `\(visit)` in \(workspace.path)", code: Exit.missingInput) }
        let wanted = Set(splitList(criteria))
        let list = try store { try ws.observations(visit: visit) }.filter {
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
            Console.error("\(list.count) observation(s)")
        }
    }
}

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
        guard let template = session.record.grids.evaluation.journey else { throw fail("the visit's protocol has no journey template", code: Exit.usage) }
        if let batch {
            let list = try FieldBatch.journeys(batch, session.record, author: session.author)
            try store { try session.workspace.addJourneyRecords(list) }
            Console.out("\(list.count) journey entr(y/ies) recorded for visit \(visit)")
            return
        }
        guard let resident, let step else { return }
        let steps = template.steps.map(\.id)
        guard steps.contains(step) else {
            throw fail("`\(step)` is not a journey step (\(steps.joined(separator: ", ")))" + (Suggestion.hint(for: step, in: steps).map { "; \($0)" } ?? ""), code: Exit.usage)
        }
        guard PseudonymCode.isValid(resident) else {
            throw fail("--resident `\(resident)`: \(PseudonymCode.rule)", code: Exit.usage)
        }
        let day: CalendarDate?
        switch (date, notDone) {
        case (let d?, false): day = try parseDate(d, option: "--date")
        case (nil, true):
            guard let note, !note.isEmpty else { throw fail("--not-done needs --note to say why", code: Exit.usage) }
            day = nil
        case (nil, false): throw fail("give --date, or --not-done with a --note", code: Exit.usage)
        case (_?, true): throw fail("--date and --not-done exclude each other", code: Exit.usage)
        }
        let record = JourneyRecord(uid: UID.make(), visit: visit, entry: JourneyEntry(resident: resident, step: step, date: day, note: note),
                                   author: session.author, at: Clock.now())
        try store { try session.workspace.addJourneyRecord(record) }
        Console.out("\(resident) \(step) \(day?.description ?? "non fait")")
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
        if let resident, all.isEmpty { throw fail("no journey for `\(resident)` in visit \(visit)", code: Exit.missingInput) }
        switch format {
        case .json:
            struct Resident: Encodable { var resident: String; var steps: [StepCheck] }
            Console.out(CanonicalJSON.string(all.map { Resident(resident: $0.resident, steps: $0.checks) }))
        case .text:
            let titles = Dictionary(uniqueKeysWithValues: (r.grids.evaluation.journey?.steps ?? []).map { ($0.id, $0.title) })
            var totals: [StepCheck.State: Int] = [:]
            for (person, checks) in all {
                Console.out("\(person)  (au \(r.asOf))")
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

struct ActionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "action", abstract: "Improvement paths (pistes d'amélioration) agreed with the establishment.",
                                                    subcommands: [ActionAdd.self, ActionList.self, ActionSet.self])
}

struct ActionAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Add an improvement path.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "What will be done.") var title: String?
    @Option(name: .customLong("from"), help: ArgumentHelp("Add many actions: a CSV file with the columns title,owner,due,criteria,status (criteria separated by `;`), all or nothing.", valueName: "FILE.csv"))
    var batch: String?
    @Option(help: "Who carries it.") var owner: String?
    @Option(help: "By when (YYYY-MM-DD).") var due: String?
    @Option(help: "Criteria it answers, comma-separated.") var criteria: String?

    func validate() throws {
        if (batch == nil) == (title == nil) { throw ValidationError("give --title (one action) or --from FILE.csv") }
    }

    func run() throws {
        let session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        if let batch {
            let list = try FieldBatch.actions(batch, session.record, author: session.author)
            let saved = try store { try session.workspace.addActions(list) }
            Console.out("\(saved.count) action(s) added to visit \(visit)")
            return
        }
        guard let title else { return }
        let ids = splitList(criteria)
        for id in ids {
            if case .failure(let refusal) = session.record.grids.locate(id) { throw fail("--criteria: \(refusal.description)", code: Exit.usage) }
        }
        let action = ImprovementAction(uid: UID.make(), visit: visit, title: title, owner: owner, due: try due.map { try parseDate($0, option: "--due") },
                                       criteria: ids, author: session.author, at: Clock.now())
        let saved = try store { try session.workspace.addAction(action) }
        Console.out("#\(saved.number) \(saved.title)")
    }
}

struct ActionList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a visit's improvement paths, and imperative criteria still without one.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String

    func run() throws {
        let r = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        for a in r.actions {
            Console.out("#\(a.number)  [\(a.status.rawValue)]  \(a.title)  — \(a.owner ?? "sans responsable"), \(a.due.map { "échéance \($0)" } ?? "sans échéance")"
                        + (a.criteria.isEmpty ? "" : "  → \(a.criteria.joined(separator: ", "))"))
        }
        let lacking = r.imperativesWithoutAction
        if !lacking.isEmpty { Console.out("⚠ critères impératifs sous le niveau maximal sans piste : \(lacking.joined(separator: ", "))") }
        if r.actions.isEmpty && lacking.isEmpty { Console.error("no action for visit \(visit)") }
    }
}

struct ActionSet: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Change the status of an improvement path.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Argument(help: "The action's number (#1 …).") var number: String
    @Option(help: "open, in-progress, done or dropped") var status: ActionStatus
    @Option(help: "Why (kept in the history).") var reason: String?

    func run() throws {
        guard let n = Int(number.hasPrefix("#") ? String(number.dropFirst()) : number) else { throw fail("`\(number)` is not an action number", code: Exit.usage) }
        let ws = try workspace.open()
        guard try store({ try ws.actions(visit: visit) }).contains(where: { $0.number == n }) else {
            throw fail("no action #\(n) in visit \(visit)", code: Exit.missingInput)
        }
        try store { try ws.setActionStatus(visit: visit, number: n, status: status, uid: UID.make(), author: workspace.author, at: Clock.now(), reason: reason) }
        Console.out("#\(n) \(status.rawValue)")
    }
}
