import ArgumentParser
import Foundation
import Mustache
import RegardsCore
import RegardsProtocols

enum RestitutionFormat: String, ExpressibleByArgument, CaseIterable {
    case md, html, pdf, odt, docx

    /// Written through LibreOffice from the HTML rendering.
    var isOffice: Bool { self == .pdf || self == .odt || self == .docx }
}

/// The documents `regards report` writes.
enum ReportDocument: String, ExpressibleByArgument, CaseIterable {
    case restitution
    case rapportProvisoire = "rapport-provisoire"
    case lettre
    case rapportDefinitif = "rapport-definitif"

    var inspection: InspectionDocument.Kind? {
        switch self {
        case .restitution: nil
        case .rapportProvisoire: .provisionalReport
        case .lettre: .letter
        case .rapportDefinitif: .definitiveReport
        }
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: Messages.reportAbstract,
        discussion: Messages.reportDiscussion)

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: Messages.visitHelp) var visit: String
    @Option(help: Messages.reportDocumentHelp) var document: ReportDocument = .restitution
    @Option(help: Messages.reportFormatHelp) var format: RestitutionFormat = .md
    @Option(help: Messages.reportOutHelp) var out: String?
    @Flag(help: Messages.reportAllowPersonalDataHelp) var allowPersonalData = false

    func validate() throws {
        if format.isOffice, out == nil { throw ValidationError(Messages.formatWritesFile(format.rawValue)) }
    }

    func run() throws {
        let record = try VisitSession.open(visit, workspace: workspace, folders: folders).record
        _ = try PrivacyGate.export([record], allow: allowPersonalData, command: "report")
        let template = document.inspection?.template ?? "restitution"
        let html = format.isOffice ? RestitutionFormat.html : format
        let text: String
        if let kind = document.inspection {
            text = try DocumentRenderer.render(InspectionDocument(record, kind: kind), template: template, format: html)
        } else {
            text = try DocumentRenderer.render(Restitution(record), template: template, format: html)
        }
        if format.isOffice, let out {
            try OfficeConverter.convert(html: text, to: format, out: out)
            Console.out(out)
        } else if let out {
            try OutputFile.write(Data(text.utf8), to: out)
            Console.out(out)
        } else {
            Console.write(text)
        }
    }
}

/// Renders a document's content through the Mustache template `NAME.FORMAT.mustache`.
enum DocumentRenderer {
    static func render(_ content: Any, template name: String, format: RestitutionFormat) throws -> String {
        let path = try Templates.path("\(name).\(format.rawValue).mustache")
        let template: MustacheTemplate
        do {
            template = try MustacheTemplate(string: try InputFile.text(path))
        } catch let error as RegardsError {
            throw error
        } catch {
            throw RegardsError.badData(Messages.invalidTemplate(path, "\(error)"))
        }
        return template.render(content)
    }
}

/// HTML to PDF, ODT or DOCX through LibreOffice, headless, in a private folder; the result is
/// renamed into place only when complete.
enum OfficeConverter {
    static var soffice: String? {
        if let named = ProcessInfo.processInfo.environment["REGARDS_SOFFICE"] { return FileManager.default.isExecutableFile(atPath: named) ? named : nil }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/soffice"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func convert(html: String, to format: RestitutionFormat, out: String) throws {
        guard let soffice else {
            throw RegardsError.ioError(Messages.needsLibreOffice(format.rawValue))
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("regards-office-\(UID.make())")
        defer { try? FileManager.default.removeItem(at: work) }
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try Data(html.utf8).write(to: work.appendingPathComponent("document.html"))
        } catch {
            throw RegardsError.ioError(Messages.cannotPrepareConversion(error.localizedDescription))
        }
        let filter = ["pdf": "pdf:writer_pdf_Export", "odt": "odt:writer8", "docx": "docx:MS Word 2007 XML"][format.rawValue]!
        let p = Process()
        p.executableURL = URL(fileURLWithPath: soffice)
        // A profile of its own, so a LibreOffice already open on the desktop does not take the job.
        p.arguments = ["-env:UserInstallation=file://\(work.path)/profile", "--headless", "--infilter=HTML (StarWriter)", "--convert-to", filter,
                       "--outdir", work.path, work.appendingPathComponent("document.html").path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { throw RegardsError.ioError(Messages.cannotStartLibreOffice(soffice, error.localizedDescription)) }
        p.waitUntilExit()
        let result = work.appendingPathComponent("document.\(format.rawValue)")
        guard p.terminationStatus == 0, let data = FileManager.default.contents(atPath: result.path), !data.isEmpty else {
            throw RegardsError.ioError(Messages.conversionFailed(format.rawValue, status: p.terminationStatus))
        }
        try OutputFile.write(data, to: out)
    }
}
