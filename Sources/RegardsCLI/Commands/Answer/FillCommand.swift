import ArgumentParser
import Foundation
import RegardsCore

struct FillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: Messages.fillAbstract,
        discussion: Messages.fillDiscussion)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @OptionGroup var scoring: ScorerOption
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.gridKindHelp) var grid: ProtocolKind = .evaluation
    @Option(help: Messages.fillSectionHelp) var section: String?

    /// The command that takes the filling up where it stopped.
    var resumeCommand: String { "regards fill \(visit)" + (scoring.scorer.map { " --scorer \($0)" } ?? "") }

    func run() throws {
        var session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        try session.score(as: scoring.scorer, grid: grid)
        guard let protocolGrid = session.record.grids.grid(grid) else { throw RegardsError.usage(Messages.noGrid(visit: visit, grid.rawValue)) }
        if let section, !protocolGrid.sections.contains(where: { $0.id == section }) {
            throw RegardsError.usage(Messages.noSection(section, in: protocolGrid.reference.description) + .hint(Suggestion.hint(for: section, in: protocolGrid.sections.map(\.id))))
        }
        let queue = session.record.unanswered(grid, section: section)
        if queue.isEmpty {
            Console.note(Messages.nothingToFill)
            return
        }
        let interactive = isatty(0) != 0
        var index = 0, saved = 0
        func ask(_ prompt: String) throws -> String {
            guard let line = askOptional(prompt) else {
                throw RegardsError.missingInput(Messages.fillInputEnded(saved: saved, resume: resumeCommand))
            }
            return line
        }
        /// Comment and evidence: at the end of input they are empty, and the answer is still saved.
        func askOptional(_ prompt: String) -> String? {
            Console.prompt(prompt)
            guard let line = readLine(strippingNewline: true) else {
                Console.note("")
                return nil
            }
            if !interactive { Console.note(line) }
            return line
        }
        while index < queue.count {
            let c = queue[index]
            let scale = session.record.grids.scale(c.scale, in: grid)
            Console.note("")
            Console.note("[\(c.id)] (\(index + 1)/\(queue.count)) \(c.title)" + (c.imperative ? Messages.imperativeMark : ""))
            if let guidance = c.guidance { Console.note("  \(guidance)") }
            if !c.references.isEmpty { Console.note(Messages.criterionReferences(c.references.joined(separator: " ; "))) }
            for choice in scale?.choices(imperative: c.imperative) ?? [] {
                if case .level = choice.value { Console.note("  \(choice.code)  \(choice.label)") } else { Console.note("  \(choice.code) \(choice.label)") }
            }
            let typed = try ask(Messages.answerPrompt).trimmingCharacters(in: .whitespaces)
            switch typed.lowercased() {
            case "q":
                Console.note(Messages.fillQuit(saved, resume: resumeCommand))
                return
            case "s", "":
                index += 1
                continue
            case "b":
                index = max(0, index - 1)
                continue
            case "?":
                Console.note(Messages.fillKeysHelp)
                continue
            default: break
            }
            switch session.record.grids.interpret(typed, criterion: c.id, grid: grid, context: session.visit.conditionContext) {
            case .failure(let refusal):
                Console.note("  ✘ \(refusal.description)")
                continue
            case .success(let (kind, criterion, value)):
                let comment = askOptional(Messages.commentPrompt) ?? ""
                let evidence = askOptional(Messages.evidencePrompt) ?? ""
                _ = try session.record([AnswerChange(uid: UID.make(), grid: kind, criterion: criterion.id, value: value,
                                                     comment: comment.isEmpty ? nil : comment, evidence: evidence.isEmpty ? nil : evidence)])
                saved += 1
                Console.note("  ✔ \(criterion.id) = \(value.label(in: scale))")
                index += 1
            }
        }
        Console.note(Messages.fillSaved(saved))
    }
}
