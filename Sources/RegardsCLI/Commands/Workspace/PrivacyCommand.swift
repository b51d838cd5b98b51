import ArgumentParser
import Foundation
import RegardsCore

struct PrivacyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy",
        abstract: Messages.privacyAbstract,
        subcommands: [PrivacyScan.self, PrivacyReview.self, PrivacyForbid.self])
}

struct PrivacyScan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scan",
        abstract: Messages.privacyScanAbstract,
        discussion: Messages.privacyScanDiscussion)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.textOrJSONHelp) var format: OutputFormat = .text

    func run() throws {
        let r = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        let findings = r.privacyFindings(r.privacy)
        switch format {
        case .json: Console.out(CanonicalJSON.string(findings))
        case .text:
            for f in findings {
                let state = f.decision.map { $0 == .keep ? Messages.findingStateKept : Messages.findingStateRedacted } ?? Messages.findingStatePending
                Console.out("\(f.id)  \(state.padding(toLength: 8, withPad: " ", startingAt: 0))  \(f.kind.label) — \(f.location)")
                Console.out("            \(f.excerpt)")
            }
        }
        let open = findings.filter { $0.decision == nil }
        Console.note(findings.isEmpty ? Messages.noPersonalData(visit: visit) : Messages.findingsToReview(findings.count, open: open.count, visit: visit))
        if !open.isEmpty { throw RegardsError.problemsFound }
    }
}

struct PrivacyReview: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: Messages.privacyReviewAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Argument(help: Messages.findingIDHelp) var finding: String
    @Flag(help: Messages.redactHelp) var redact = false
    @Flag(help: Messages.keepHelp) var keep = false
    @Option(help: Messages.requiredReasonHelp) var reason: String

    func validate() throws {
        if redact == keep { throw ValidationError(Messages.redactOrKeep) }
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError(Messages.reasonMustSayWhy) }
    }

    func run() throws {
        let session = try VisitSession.open(visit, workspace: workspace, folders: folders)
        let findings = session.record.privacyFindings(session.record.privacy)
        guard let f = findings.first(where: { $0.id == finding }) else {
            throw RegardsError.missingInput(Messages.noPrivacyFinding(finding, visit: visit) + .hint(Suggestion.hint(for: finding, in: findings.map(\.id))))
        }
        if keep {
            try session.workspace.recordReview(visit: visit, finding: f.id, kind: f.kind, decision: .keep, reason: reason, author: session.author, at: Clock.now())
            Console.out(Messages.findingKept(f.id, kind: f.kind.label, location: "\(f.location)"))
            return
        }
        guard let text = session.record.text(of: f) else { throw RegardsError.badData(Messages.findingTextGone(f.id, visit: visit)) }
        let changed = try session.workspace.redact(visit: visit, text: text, replacement: "[masqué]")
        try session.workspace.recordReview(visit: visit, finding: f.id, kind: f.kind, decision: .redact, reason: reason, author: session.author, at: Clock.now())
        Console.out(Messages.findingRedacted(f.id, kind: f.kind.label, fields: changed, visit: visit))
    }
}

struct PrivacyForbid: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forbid",
        abstract: Messages.privacyForbidAbstract)

    @OptionGroup var workspace: WorkspaceOptions
    @Argument(help: Messages.forbiddenWordsHelp) var words: [String]

    func validate() throws {
        if words.isEmpty { throw ValidationError(Messages.giveAWord) }
        if let long = words.first(where: { $0.split(separator: " ").count > 3 }) { throw ValidationError(Messages.phraseTooLong(String(long.prefix(1)))) }
    }

    func run() throws {
        let ws = try workspace.open(create: true)
        let added = try ws.forbid(words, author: workspace.author, at: Clock.now())
        Console.out(Messages.wordsForbidden(added, alreadyThere: words.count - added))
    }
}
