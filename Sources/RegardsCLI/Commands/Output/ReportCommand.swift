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
        abstract: "Write a visit's restitution, provisional report, its covering letter or the definitive report from the templates in Templates/.",
        discussion: "Markdown or print-ready HTML (A4, page numbers); pdf, odt and docx are converted from the HTML by LibreOffice (soffice), which must be installed. A report before its phase is issued is marked PROJET. A document is refused while the visit has personal-data findings not reviewed.")

    @OptionGroup var workspace: WorkspaceOptions
    @OptionGroup var folders: ProtocolFolderOptions
    @Argument(help: "The visit id.") var visit: String
    @Option(help: "restitution, rapport-provisoire, lettre (the provisional report's covering letter) or rapport-definitif") var document: ReportDocument = .restitution
    @Option(help: "md, html, pdf, odt or docx") var format: RestitutionFormat = .md
    @Option(help: ArgumentHelp("Write here instead of stdout (required for pdf, odt and docx).", valueName: "FILE")) var out: String?
    @Flag(help: "Write it even though personal-data findings are not reviewed.") var allowPersonalData = false

    func validate() throws {
        if format.isOffice, out == nil { throw ValidationError("--format \(format.rawValue) writes a file: give --out FILE") }
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
            throw RegardsError.badData("\(path): invalid template: \(error)")
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
            throw RegardsError.ioError("--format \(format.rawValue) needs LibreOffice (soffice), which is not installed; install libreoffice-writer, or write --format html and print it; nothing was written")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("regards-office-\(UID.make())")
        defer { try? FileManager.default.removeItem(at: work) }
        do {
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try Data(html.utf8).write(to: work.appendingPathComponent("document.html"))
        } catch {
            throw RegardsError.ioError("cannot prepare the conversion: \(error.localizedDescription)")
        }
        let filter = ["pdf": "pdf:writer_pdf_Export", "odt": "odt:writer8", "docx": "docx:MS Word 2007 XML"][format.rawValue]!
        let p = Process()
        p.executableURL = URL(fileURLWithPath: soffice)
        // A profile of its own, so a LibreOffice already open on the desktop does not take the job.
        p.arguments = ["-env:UserInstallation=file://\(work.path)/profile", "--headless", "--infilter=HTML (StarWriter)", "--convert-to", filter,
                       "--outdir", work.path, work.appendingPathComponent("document.html").path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        do { try p.run() } catch { throw RegardsError.ioError("cannot start LibreOffice (\(soffice)): \(error.localizedDescription)") }
        p.waitUntilExit()
        let result = work.appendingPathComponent("document.\(format.rawValue)")
        guard p.terminationStatus == 0, let data = FileManager.default.contents(atPath: result.path), !data.isEmpty else {
            throw RegardsError.ioError("LibreOffice could not convert the document to \(format.rawValue) (exit \(p.terminationStatus)); nothing was written")
        }
        try OutputFile.write(data, to: out)
    }
}
