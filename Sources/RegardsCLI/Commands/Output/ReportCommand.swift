import ArgumentParser
import Foundation
import Mustache
import RegardsCore
import RegardsProtocols

enum RestitutionFormat: String, ExpressibleByArgument, CaseIterable {
    case md, html
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the restitution report of a visit (Markdown or HTML) from the templates in Templates/.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "md or html") var format: RestitutionFormat = .md
    @Option(help: ArgumentHelp("Write here instead of stdout.", valueName: "FILE")) var out: String?
    @Flag(help: "Write it even though personal-data findings are not reviewed.") var allowPersonalData = false

    func run() throws {
        let record = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        _ = try PrivacyGate.export([record], allow: allowPersonalData, command: "report")
        let text = try RestitutionRenderer.render(Restitution(record), format: format)
        if let out {
            try OutputFile.write(Data(text.utf8), to: out)
            Console.out(out)
        } else {
            Console.write(text)
        }
    }
}

/// Renders the restitution through the Mustache template of the format.
enum RestitutionRenderer {
    static func render(_ content: Restitution, format: RestitutionFormat) throws -> String {
        let path = try Templates.path("restitution.\(format.rawValue).mustache")
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: try InputFile.text(path))
        } catch let error as RegardsError {
            throw error
        } catch {
            throw RegardsError.badData("\(path): invalid template: \(error)")
        }
        return template.render(content)
    }
}
