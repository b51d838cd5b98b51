import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

struct ProtocolNew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: Messages.protocolNewAbstract)

    @Argument(help: Messages.protocolNewIDHelp) var id: String
    @Option(help: Messages.gridKindHelp) var kind: ProtocolKind
    @Option(help: Messages.protocolNewTitleHelp) var title: String?
    @Option(name: .shortAndLong, help: Messages.protocolNewOutputHelp) var output: String?
    @Flag(help: Messages.protocolNewForceHelp) var force = false

    func validate() throws {
        guard Identifier.isSlug(id) else {
            throw ValidationError(Messages.invalidProtocolID(id))
        }
    }

    func run() throws {
        let template = try InputFile.text(try Templates.path("protocol-\(kind.rawValue).yaml"))
        let text = ProtocolScaffold.render(template, id: id, title: title ?? id)
        let path = output ?? "Protocols/\(id).yaml"
        if FileManager.default.fileExists(atPath: path) && !force {
            throw RegardsError.usage(Messages.fileAlreadyExists(path))
        }
        let directory = (path as NSString).deletingLastPathComponent
        do {
            if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw RegardsError.ioError(Messages.cannotWrite(path, error.localizedDescription))
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
