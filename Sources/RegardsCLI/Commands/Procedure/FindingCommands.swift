import ArgumentParser
import Foundation
import RegardsCore

struct FindingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finding", abstract: "The inspection's findings: écarts, remarques and good practice to value.",
        discussion: "Findings are numbered E1…, R1…, BP1… Before the provisional report the numbers follow the findings still counted; the report freezes them, and a finding dropped after it keeps its number, shown as withdrawn.",
        subcommands: [FindingAdd.self, FindingEdit.self, FindingDrop.self, FindingList.self, FindingSuggest.self], defaultSubcommand: FindingList.self)
}

/// The options a finding is typed with, on `add` and `edit`.
struct FindingFields: ParsableArguments {
    @Option(help: "ecart, remarque or bonne-pratique") var kind: FindingKind?
    @Option(help: "The fact observed, in the report's words (never a name).") var fact: String?
    @Option(help: "The criterion it was found on; for a control item its references are taken, and its answer as evidence.") var criterion: String?
    @Option(name: .customLong("reference"), help: "A text it rests on (repeat the option for several; replaces the item's).") var references: [String] = []
    @Option(help: "Evidence, comma-separated: a criterion id (CTL-DU-08), an observation number (#3), a journey step (R07/admission).") var evidence: String?

    var input: ProcedureDesk.FindingInput {
        ProcedureDesk.FindingInput(kind: kind, fact: fact, evidence: evidence.map(splitList), references: references.isEmpty ? nil : references, criterion: criterion)
    }
}

struct FindingAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a finding.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @OptionGroup var fields: FindingFields

    func run() throws {
        var session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        let event = try session.desk.addFinding(fields.input)
        let procedure = try session.append([event])
        Console.out(session.record.lines(procedure.finding(uid: event.item)!).joined(separator: "\n"))
    }
}

struct FindingEdit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a finding (the history keeps every version).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Argument(help: "The finding (E1, R2, BP1).") var finding: String
    @OptionGroup var fields: FindingFields
    @Option(help: "Why (kept in the history; required once the provisional report is issued).") var reason: String?

    func run() throws {
        var session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        let event = try session.desk.editFinding(finding, fields.input, reason: reason)
        let procedure = try session.append([event])
        Console.out(session.record.lines(procedure.finding(uid: event.item)!).joined(separator: "\n"))
    }
}

struct FindingDrop: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "drop", abstract: "Withdraw a finding (after the provisional report it keeps its number).")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Argument(help: "The finding (E1, R2, BP1).") var finding: String
    @Option(help: "Why (kept in the history; required once the provisional report is issued).") var reason: String?

    func run() throws {
        var session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        let event = try session.desk.dropFinding(finding, reason: reason)
        let label = session.record.procedure.finding(uid: event.item)!.label
        try session.append([event])
        Console.out("\(label) retiré")
    }
}

struct FindingList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List a visit's findings in report order, and écarts still without a measure.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "text or json") var format: OutputFormat = .text

    func run() throws {
        let r = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        let p = r.procedure
        let listed = p.reportFindings + p.findings.filter { $0.number == nil }
        switch format {
        case .json:
            struct Row: Encodable { var label: String; var finding: Finding; var measures: [String] }
            Console.out(CanonicalJSON.string(listed.map { Row(label: $0.label, finding: $0, measures: p.measures(answering: $0).map(\.label)) }))
        case .text:
            for f in listed { r.lines(f).forEach(Console.out) }
            let bare = p.ecartsWithoutMeasure.map(\.label)
            if !bare.isEmpty { Console.out("⚠ écarts sans mesure : \(bare.joined(separator: ", "))") }
            if listed.isEmpty { Console.note("no finding for visit \(visit); regards finding suggest \(visit) proposes some from the answers") }
        }
    }
}

struct FindingSuggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest", abstract: "Propose findings from the visit's answers; record only those accepted.",
        discussion: "Proposes every control item answered below its top level (an écart on an enforceable text, a remarque on good practice) and the evaluation criteria the people accommodated judge at the lowest level while the control grid finds them conformant. Nothing is recorded without --accept.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "The proposals to record, by criterion (comma-separated), or `all`.") var accept: String?

    func run() throws {
        var session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        let proposals = session.record.findingSuggestions
        guard let accept else {
            for s in proposals {
                Console.out("\(s.criterion)  \(s.kind.label)  \(s.fact)")
                Console.out("    \(s.why)" + (s.references.isEmpty ? "" : " ; références : \(s.references.joined(separator: " ; "))"))
            }
            Console.note(proposals.isEmpty ? "nothing to propose for visit \(visit)"
                         : "\(proposals.count) proposal(s); record them with --accept CRITERION,… or --accept all")
            return
        }
        let wanted = accept.trimmingCharacters(in: .whitespaces) == "all" ? proposals.map(\.criterion) : splitList(accept)
        let events = try session.desk.accept(wanted)
        let procedure = try session.append(events)
        for e in events { session.record.lines(procedure.finding(uid: e.item)!).forEach(Console.out) }
    }
}
