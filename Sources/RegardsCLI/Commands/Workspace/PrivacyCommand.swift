import ArgumentParser
import Foundation
import RegardsCore

struct PrivacyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy",
        abstract: "Find personal data in a visit's free text, review it (keep or redact), and list forbidden words.",
        subcommands: [PrivacyScan.self, PrivacyReview.self, PrivacyForbid.self])
}

struct PrivacyScan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: "List the personal data found in a visit's comments, evidence, observations, journey notes and action titles.",
        discussion: "Exit 1 while a finding is unreviewed, 0 when there is none left to review.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "text or json") var format: OutputFormat = .text

    func run() throws {
        let r = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        let findings = r.privacyFindings(r.privacy)
        switch format {
        case .json: Console.out(CanonicalJSON.string(findings))
        case .text:
            for f in findings {
                let state = f.decision.map { $0 == .keep ? "gardé" : "masqué" } ?? "à revoir"
                Console.out("\(f.id)  \(state.padding(toLength: 8, withPad: " ", startingAt: 0))  \(f.kind.label) — \(f.location)")
                Console.out("            \(f.excerpt)")
            }
        }
        let open = findings.filter { $0.decision == nil }
        Console.note(findings.isEmpty ? "no personal data found in visit \(visit)"
                     : "\(findings.count) finding(s), \(open.count) to review (regards privacy review \(visit) ID --redact|--keep --reason …)")
        if !open.isEmpty { throw RegardsError.problemsFound }
    }
}

struct PrivacyReview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Resolve a finding: --redact rewrites the text everywhere in the visit (history included); --keep records why it stays.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Argument(help: "The finding's id (from `privacy scan`).") var finding: String
    @Flag(help: "Replace the personal data by « [masqué] » everywhere in the visit; the original is not kept.") var redact = false
    @Flag(help: "Keep the text as it is (it is not personal data, or it must stay).") var keep = false
    @Option(help: "Why (required).") var reason: String

    func validate() throws {
        if redact == keep { throw ValidationError("choose --redact or --keep") }
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--reason must say why") }
    }

    func run() throws {
        let session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        let findings = session.record.privacyFindings(session.record.privacy)
        guard let f = findings.first(where: { $0.id == finding }) else {
            throw RegardsError.missingInput("no finding `\(finding)` in visit \(visit)" + .hint(Suggestion.hint(for: finding, in: findings.map(\.id))))
        }
        if keep {
            try session.workspace.recordReview(visit: visit, finding: f.id, kind: f.kind, decision: .keep, reason: reason, author: session.author, at: Clock.now())
            Console.out("\(f.id) kept: \(f.kind.label), \(f.location)")
            return
        }
        guard let text = session.record.text(of: f) else { throw RegardsError.badData("the text of finding \(f.id) is gone; run `regards privacy scan \(visit)` again") }
        let changed = try session.workspace.redact(visit: visit, text: text, replacement: "[masqué]")
        try session.workspace.recordReview(visit: visit, finding: f.id, kind: f.kind, decision: .redact, reason: reason, author: session.author, at: Clock.now())
        Console.out("\(f.id) redacted: \(f.kind.label) replaced by « [masqué] » in \(changed) field(s) of visit \(visit)")
    }
}

struct PrivacyForbid: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forbid",
        abstract: "Add words (residents' real names …) that must never appear in a visit's text. They are kept as salted hashes and never printed back.")

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: "Words or phrases (a phrase of up to three words in quotes).") var words: [String]

    func validate() throws {
        if words.isEmpty { throw ValidationError("give at least one word") }
        if let long = words.first(where: { $0.split(separator: " ").count > 3 }) { throw ValidationError("`\(long.prefix(1))…`: at most three words per phrase") }
    }

    func run() throws {
        let ws = try workspace.open(create: true)
        let added = try ws.forbid(words, author: workspace.author, at: Clock.now())
        Console.out("\(added) word(s) added to the forbidden list (\(words.count - added) already there)")
    }
}
