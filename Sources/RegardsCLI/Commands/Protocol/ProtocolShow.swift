import ArgumentParser
import RegardsCore
import RegardsProtocols

struct ProtocolShow: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a protocol or workflow: sections, criteria, scales, crosswalk, journey.")

    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "ID, ID@MAJOR, ID@VERSION or a file path.") var specifier: String
    @Option(help: "text or json") var format: OutputFormat = .text

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
            throw RegardsError.badData("\(file.file) could not be read")
        }
    }
}

struct ProtocolDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two versions of a protocol; class each change safe, migration or breaking.",
        discussion: "OLD and NEW are files or ID@VERSION specifiers resolved in the protocol folders. Exit 0 once compared, whatever the changes.")

    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The old version (file or ID@VERSION).") var old: String
    @Argument(help: "The new version (file or ID@VERSION).") var new: String
    @Option(help: "text or json") var format: OutputFormat = .text

    func run() throws {
        let repository = try folders.repository()
        let a = try repository.sound(old), b = try repository.sound(new)
        guard let pa = a.grid, let pb = b.grid else {
            throw RegardsError.badData("`protocol diff` compares control or evaluation protocols, not workflows")
        }
        let diff: ProtocolDiff
        do {
            diff = try ProtocolDiff(old: pa, new: pb)
        } catch {
            throw RegardsError.badData("cannot compare `\(error.old)` with `\(error.new)`: they are different protocols")
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
        abstract: "How far the control grid covers an evaluation grid: per theme, blind spots both ways, overlapping documents.",
        discussion: "CONTROL defaults to the protocol the evaluation grid names in `compares_with`.")

    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The evaluation protocol (ID, ID@VERSION or file).") var evaluation: String
    @Argument(help: "The control protocol (default: its `compares_with`).") var control: String?
    @Option(help: "text or json") var format: OutputFormat = .text
    @Option(help: ArgumentHelp("Write the coverage workbook here.", valueName: "FILE.xlsx")) var xlsx: String?

    func run() throws {
        let repository = try folders.repository()
        guard let eval = try repository.grid(evaluation, kind: .evaluation).grid else { return }
        let ctl: AuditProtocol
        if let control {
            guard let p = try repository.grid(control, kind: .control).grid else { return }
            ctl = p
        } else {
            guard let p = try repository.control(for: eval)?.grid else {
                throw RegardsError.usage("`\(eval.reference)` has no `compares_with`; name the control protocol")
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
