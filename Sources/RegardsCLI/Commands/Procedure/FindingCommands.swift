import ArgumentParser
import Foundation
import RegardsCore

struct FindingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finding", abstract: Messages.findingAbstract,
        discussion: Messages.findingDiscussion,
        subcommands: [FindingAdd.self, FindingEdit.self, FindingDrop.self, FindingList.self, FindingSuggest.self], defaultSubcommand: FindingList.self)
}

/// The options a finding is typed with, on `add` and `edit`.
struct FindingFields: ParsableArguments {
    @Option(help: Messages.findingKindHelp) var kind: FindingKind?
    @Option(help: Messages.findingFactHelp) var fact: String?
    @Option(help: Messages.findingCriterionHelp) var criterion: String?
    @Option(name: .customLong("reference"), help: Messages.findingReferenceHelp) var references: [String] = []
    @Option(help: Messages.findingEvidenceHelp) var evidence: String?

    var input: ProcedureDesk.FindingInput {
        ProcedureDesk.FindingInput(kind: kind, fact: fact, evidence: evidence.map(splitList), references: references.isEmpty ? nil : references, criterion: criterion)
    }
}

struct FindingAdd: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "add", abstract: Messages.findingAddAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @OptionGroup var fields: FindingFields

    func run() throws {
        var session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        let event = try session.desk.addFinding(fields.input)
        let procedure = try session.append([event])
        session.record.lines(procedure.finding(uid: event.item)!).forEach(Console.out)
    }
}

struct FindingEdit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "edit", abstract: Messages.findingEditAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Argument(help: Messages.findingLabelHelp) var finding: String
    @OptionGroup var fields: FindingFields
    @Option(help: Messages.procedureReasonHelp) var reason: String?

    func run() throws {
        var session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        let event = try session.desk.editFinding(finding, fields.input, reason: reason)
        let procedure = try session.append([event])
        session.record.lines(procedure.finding(uid: event.item)!).forEach(Console.out)
    }
}

struct FindingDrop: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "drop", abstract: Messages.findingDropAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Argument(help: Messages.findingLabelHelp) var finding: String
    @Option(help: Messages.procedureReasonHelp) var reason: String?

    func run() throws {
        var session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        let event = try session.desk.dropFinding(finding, reason: reason)
        let label = session.record.procedure.finding(uid: event.item)!.label
        try session.append([event])
        Console.out(Messages.findingWithdrawn(label))
    }
}

struct FindingList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: Messages.findingListAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.textOrJSONHelp) var format: OutputFormat = .text

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
            if !bare.isEmpty { Console.out(Messages.ecartsWithoutMeasure(bare.joined(separator: ", "))) }
            if listed.isEmpty { Console.note(Messages.noFinding(visit: visit)) }
        }
    }
}

struct FindingSuggest: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest", abstract: Messages.findingSuggestAbstract,
        discussion: Messages.findingSuggestDiscussion)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.findingAcceptHelp) var accept: String?

    func run() throws {
        var session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        let proposals = session.record.findingSuggestions
        guard let accept else {
            proposals.flatMap(TextRenderer.lines).forEach(Console.out)
            Console.note(proposals.isEmpty ? Messages.nothingToPropose(visit: visit) : Messages.proposals(proposals.count))
            return
        }
        let wanted = accept.trimmingCharacters(in: .whitespaces) == "all" ? proposals.map(\.criterion) : splitList(accept)
        let events = try session.desk.accept(wanted)
        let procedure = try session.append(events)
        for e in events { session.record.lines(procedure.finding(uid: e.item)!).forEach(Console.out) }
    }
}
