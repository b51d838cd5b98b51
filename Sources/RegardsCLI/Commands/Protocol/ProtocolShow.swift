import ArgumentParser
import RegardsCore
import RegardsProtocols

struct ProtocolShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: Messages.protocolShowAbstract)

    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.protocolSpecifierHelp) var specifier: String
    @Option(help: Messages.textOrJSONHelp) var format: OutputFormat = .text

    struct Envelope<Content: Encodable>: Encodable {
        var file: String
        var hash: String
        var `protocol`: Content?
        var workflow: Content?
    }

    func run() throws {
        let file = try folders.repository().sound(specifier)
        switch (format, file.content) {
        case (.json, .grid(let p)?):
            Console.out(CanonicalJSON.string(Envelope(file: file.file, hash: p.contentHash, protocol: p, workflow: nil)))
        case (.json, .workflow(let w)?):
            Console.out(CanonicalJSON.string(Envelope(file: file.file, hash: w.contentHash, protocol: nil, workflow: w)))
        case (.text, .grid(let p)?):
            TextRenderer.show(p, file: file.file).forEach(Console.out)
        case (.text, .workflow(let w)?):
            TextRenderer.show(w, file: file.file).forEach(Console.out)
        case (_, nil):
            throw RegardsError.badData(Messages.couldNotBeRead(file.file))
        }
    }
}

struct ProtocolDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: Messages.protocolDiffAbstract,
        discussion: Messages.protocolDiffDiscussion)

    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.protocolDiffOldHelp) var old: String
    @Argument(help: Messages.protocolDiffNewHelp) var new: String
    @Option(help: Messages.textOrJSONHelp) var format: OutputFormat = .text

    func run() throws {
        let repository = try folders.repository()
        let a = try repository.sound(old), b = try repository.sound(new)
        guard let pa = a.grid, let pb = b.grid else {
            throw RegardsError.badData(Messages.diffComparesGridsOnly)
        }
        let diff: ProtocolDiff
        do {
            diff = try ProtocolDiff(old: pa, new: pb)
        } catch {
            throw RegardsError.badData(Messages.differentProtocols(error.old, error.new))
        }
        switch format {
        case .json: Console.out(CanonicalJSON.string(diff))
        case .text: TextRenderer.diff(diff).forEach(Console.out)
        }
    }
}

struct ProtocolCoverage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: Messages.protocolCoverageAbstract,
        discussion: Messages.protocolCoverageDiscussion)

    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.coverageEvaluationHelp) var evaluation: String
    @Argument(help: Messages.coverageControlHelp) var control: String?
    @Option(help: Messages.textOrJSONHelp) var format: OutputFormat = .text
    @Option(help: Messages.coverageXLSXHelp) var xlsx: String?

    func run() throws {
        let repository = try folders.repository()
        guard let eval = try repository.grid(evaluation, kind: .evaluation).grid else { return }
        let ctl: AuditProtocol
        if let control {
            guard let p = try repository.grid(control, kind: .control).grid else { return }
            ctl = p
        } else {
            guard let p = try repository.control(for: eval)?.grid else {
                throw RegardsError.usage(Messages.noComparesWith(eval.reference))
            }
            ctl = p
        }
        let coverage = Coverage(evaluation: eval, control: ctl)
        if let xlsx {
            try ReportOutput.write(ComparisonReport.coverage(coverage, evaluation: eval, control: ctl, generatedBy: "Regards"), to: xlsx)
            return
        }
        switch format {
        case .json: Console.out(CanonicalJSON.string(coverage))
        case .text: TextRenderer.coverage(coverage).forEach(Console.out)
        }
    }
}
