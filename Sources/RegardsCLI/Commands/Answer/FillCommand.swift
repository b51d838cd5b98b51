import ArgumentParser
import Foundation
import RegardsCore

struct FillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fill",
        abstract: "Walk the unanswered criteria of a grid and answer them one by one.",
        discussion: """
        Each answer is saved as soon as it is given. At the prompt: a number or a label, `?` help, `s` skip, `b` back, `q` quit. \
        Prompts go to stderr, so answers can be piped on stdin; the command fails clearly if piped input runs out.
        """)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @OptionGroup var scoring: ScorerOption
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "evaluation or control") var grid: ProtocolKind = .evaluation
    @Option(help: "Only this section.") var section: String?

    func run() throws {
        var session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        try session.score(as: scoring.scorer, grid: grid)
        guard let protocolGrid = session.record.grids.grid(grid) else { throw RegardsError.usage("visit \(visit) has no \(grid.rawValue) grid") }
        if let section, !protocolGrid.sections.contains(where: { $0.id == section }) {
            throw RegardsError.usage("no section `\(section)` in \(protocolGrid.reference)" + .hint(Suggestion.hint(for: section, in: protocolGrid.sections.map(\.id))))
        }
        let queue = session.record.unanswered(grid, section: section)
        if queue.isEmpty {
            Console.note("Rien à remplir : chaque critère applicable de la grille a une réponse.")
            return
        }
        let interactive = isatty(0) != 0
        var index = 0, saved = 0
        func ask(_ prompt: String) throws -> String {
            guard let line = askOptional(prompt) else {
                throw RegardsError.missingInput("input ended before the grid was complete (\(saved) answer(s) saved; run `regards fill \(visit)\(scoring.scorer.map { " --scorer \($0)" } ?? "")` again to go on)")
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
            Console.note("[\(c.id)] (\(index + 1)/\(queue.count)) \(c.title)" + (c.imperative ? "  — impératif" : ""))
            if let guidance = c.guidance { Console.note("  \(guidance)") }
            if !c.references.isEmpty { Console.note("  Réf. : \(c.references.joined(separator: " ; "))") }
            for choice in scale?.choices(imperative: c.imperative) ?? [] {
                if case .level = choice.value { Console.note("  \(choice.code)  \(choice.label)") } else { Console.note("  \(choice.code) \(choice.label)") }
            }
            let typed = try ask("Réponse (numéro ou libellé ; ? aide, s passer, b retour, q quitter) : ").trimmingCharacters(in: .whitespaces)
            switch typed.lowercased() {
            case "q":
                Console.note("\(saved) réponse(s) enregistrée(s). Reprise avec `regards fill \(visit)\(scoring.scorer.map { " --scorer \($0)" } ?? "")`.")
                return
            case "s", "":
                index += 1
                continue
            case "b":
                index = max(0, index - 1)
                continue
            case "?":
                Console.note("Tapez le numéro d'un niveau ou son libellé, nc (non concerné) ou nv (non évalué) quand l'échelle le permet ; s passe, b revient au critère précédent, q quitte (tout ce qui est saisi est déjà enregistré).")
                continue
            default: break
            }
            switch session.record.grids.interpret(typed, criterion: c.id, grid: grid, context: session.visit.conditionContext) {
            case .failure(let refusal):
                Console.note("  ✘ \(refusal.description)")
                continue
            case .success(let (kind, criterion, value)):
                let comment = askOptional("Commentaire (Entrée : aucun) : ") ?? ""
                let evidence = askOptional("Preuve (Entrée : aucune) : ") ?? ""
                _ = try session.record([AnswerChange(uid: UID.make(), grid: kind, criterion: criterion.id, value: value,
                                                     comment: comment.isEmpty ? nil : comment, evidence: evidence.isEmpty ? nil : evidence)])
                saved += 1
                Console.note("  ✔ \(criterion.id) = \(value.label(in: scale))")
                index += 1
            }
        }
        Console.note("\(saved) réponse(s) enregistrée(s).")
    }
}
