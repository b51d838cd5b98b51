import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

struct ProtocolNew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new protocol file from the scaffold in Templates/, valid as written.")

    @Argument(help: "The new protocol's id (a lower-case slug).") var id: String
    @Option(help: "evaluation or control") var kind: ProtocolKind
    @Option(help: "Title (default: the id).") var title: String?
    @Option(name: .shortAndLong, help: "Where to write it (default: Protocols/ID.yaml).") var output: String?
    @Flag(help: "Overwrite an existing file.") var force = false

    func validate() throws {
        guard Identifier.isSlug(id) else {
            throw ValidationError("`\(id)` is not a valid protocol id: use lower-case letters, digits and `-` (e.g. `chrs-mon-protocole`)")
        }
    }

    func run() throws {
        let template = try InputFile.text(try Templates.path("protocol-\(kind.rawValue).yaml"))
        let text = ProtocolScaffold.render(template, id: id, title: title ?? id)
        let path = output ?? "Protocols/\(id).yaml"
        if FileManager.default.fileExists(atPath: path) && !force {
            throw RegardsError.usage("\(path) already exists; pass --force to overwrite it")
        }
        let directory = (path as NSString).deletingLastPathComponent
        do {
            if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw RegardsError.ioError("\(path): cannot write: \(error.localizedDescription)")
        }
        Console.out(path)
    }
}

/// Fills the `{{id}}` and `{{title}}` placeholders of a scaffold.
enum ProtocolScaffold {
    static func render(_ template: String, id: String, title: String) -> String {
        template.replacingOccurrences(of: "{{id}}", with: id).replacingOccurrences(of: "{{title}}", with: yamlQuoted(title))
    }

    static func yamlQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
