import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: Messages.demoAbstract,
        discussion: Messages.demoDiscussion)

    @OptionGroup var folders: ProtocolFolderOptions
    @Option(help: Messages.demoOutHelp) var out = "regards-demo"
    @Option(name: .customLong("db"),
            help: Messages.demoDatabaseHelp)
    var server: String?

    func run() throws {
        let data = try Templates.path("demo")
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw RegardsError.ioError(Messages.cannotCreateFolder(out, reason: error.localizedDescription))
        }
        let db = server ?? "\(out)/demo.sqlite"
        let location = WorkspaceLocation(path: db)
        let shown = location.address.description
        if location.address.isFile {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
        } else if let found = try location.open().visits(campaign: nil).first {
            throw RegardsError.usage(Messages.demoNeedsAnEmptyStore(shown, visit: found.id))
        }
        let protocolArgs = folders.directories.flatMap { ["--protocols", $0] }
        let visits = try Self.table("\(data)/visits.csv")
        var campaign = ""
        var first = ""
        try Console.$quiet.withValue(true) {
            for v in visits {
                let id = v["id"]!, inspectors = (v["inspectors"] ?? "").split(separator: ";").map(String.init)
                campaign = v["campaign"] ?? ""
                if first.isEmpty { first = id }
                let common = ["--db", db] + protocolArgs
                var new = ["--id", id, "--establishment", v["establishment"]!, "--finess", v["finess"]!, "--campaign", campaign,
                           "--inspectors", inspectors.joined(separator: ",")] + common
                if let s = v["start"], !s.isEmpty { new += ["--start", s] }
                if let e = v["end"], !e.isEmpty { new += ["--end", e] }
                for pair in (v["context"] ?? "").split(separator: ";") { new += ["--context", String(pair)] }
                try VisitNew.parse(new).run()
                let lead = ["--inspector", inspectors.first ?? "inspectrice-a"], second = ["--inspector", inspectors.last ?? "inspectrice-a"]
                try AnswerCommand.parse([id, "--from", "\(data)/\(id)/evaluation.csv"] + common + lead).run()
                try AnswerCommand.parse([id, "--from", "\(data)/\(id)/controle.csv"] + common + second).run()
                try ObserveCommand.parse([id, "--from", "\(data)/\(id)/observations.csv"] + common + lead).run()
                try JourneyAdd.parse([id, "--from", "\(data)/\(id)/journeys.csv"] + common + lead).run()
                try ActionAdd.parse([id, "--from", "\(data)/\(id)/actions.csv"] + common + second).run()
                try advance(id, WorkspaceOptions.parse(["--db", db] + lead))
            }
            // Double scoring of two visits, then the inspection's procedure for the first visit, and its follow-up visit.
            try script("\(data)/double-evaluation.txt", data: data, arguments: ["--db", db] + protocolArgs)
            try script("\(data)/procedure.txt", data: data, arguments: ["--db", db, "--inspector", "inspectrice-a"] + protocolArgs)
            try filledOnSite(db: db, data: data)
        }
        var written: [String] = []
        try Console.$quiet.withValue(true) {
            let common = ["--db", db] + protocolArgs
            try CompareCommand.parse([first, "--xlsx", "\(out)/comparaison-\(first).xlsx"] + common).run()
            try CompareCommand.parse(["--campaign", campaign, "--xlsx", "\(out)/campagne-\(campaign).xlsx"] + common).run()
            try ProtocolCoverage.parse(["chrs-acces-aux-droits", "--xlsx", "\(out)/couverture-protocoles.xlsx"] + protocolArgs).run()
            try SheetCommand.parse([first, "--grid", "evaluation", "--xlsx", "\(out)/grille-a-remplir-\(first).xlsx"] + common).run()
            try ReportCommand.parse([first, "--format", "md", "--out", "\(out)/restitution-\(first).md"] + common).run()
            try ReportCommand.parse([first, "--format", "html", "--out", "\(out)/restitution-\(first).html"] + common).run()
            var documents: [String] = []
            for (document, formats) in [("rapport-provisoire", ["md", "html"]), ("lettre", ["md"]), ("rapport-definitif", ["md", "html"])] {
                for format in formats {
                    let name = "\(document)-\(first).\(format)"
                    try ReportCommand.parse([first, "--document", document, "--format", format, "--out", "\(out)/\(name)"] + common).run()
                    documents.append(name)
                }
            }
            try MeasureSheet.parse([first, "--xlsx", "\(out)/suivi-\(first).xlsx"] + common).run()
            try CompareCommand.parse([Self.followUp, "--since", first, "--xlsx", "\(out)/evolution-\(Self.followUp).xlsx"] + common).run()
            written = ["comparaison-\(first).xlsx", "campagne-\(campaign).xlsx", "couverture-protocoles.xlsx", "grille-a-remplir-\(first).xlsx",
                       "restitution-\(first).md", "restitution-\(first).html"] + documents + ["suivi-\(first).xlsx", "evolution-\(Self.followUp).xlsx", Self.filledGrid]
        }
        written = written.map { "\(out)/\($0)" }
        try CompareCommand.parse([first, "--db", db] + protocolArgs).run()
        Console.out("")
        Console.out(Messages.demoWorkspace(shown, visits: visits.count, campaign: campaign))
        written.forEach { Console.out("  \($0)") }
        let status = "regards visit status \(first) --db \(location.address.isFile ? db : "'\(shown)'")"
        Console.out(Messages.demoTry(status))
    }

    /// Runs a demo script: one regards command per line, its arguments separated by « | », `$DEMO`
    /// the demo's data folder, `arguments` added to each; lines starting with # are comments.
    func script(_ path: String, data: String, arguments: [String]) throws {
        for line in try InputFile.text(path).split(separator: "\n") where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
            try Regards.run(line.components(separatedBy: " | ").map { $0.replacingOccurrences(of: "$DEMO", with: data) } + arguments, quiet: true)
        }
    }

    /// The follow-up visit of the first one (Templates/demo/procedure.txt creates it).
    static let followUp = "2027-001"
    static let filledGrid = "grille-remplie-\(followUp).xlsx"
    /// The answers typed on site into the follow-up visit's grid (in its folder of Templates/demo/).
    static let onSite = "sur-place.csv"

    /// The round trip of a fill-in grid: the follow-up visit's control grid as the second inspector
    /// filled it on site in a spreadsheet (the answers of Templates/demo/2027-001/sur-place.csv, typed
    /// into the grid written before), while the first one changed one of the same answers in the
    /// workspace; read back with `answer --from`, the conflict settled for the workspace.
    func filledOnSite(db: String, data: String) throws {
        let workspace = try WorkspaceOptions.parse(["--db", db, "--inspector", "inspecteur-b"])
        let session = try VisitSession.open(Self.followUp, workspace: workspace, folders: folders)
        let typed = try AnswerBatch.read(try InputFile.csv("\(data)/\(Self.followUp)/\(Self.onSite)"), grids: session.record.grids,
                                         context: session.visit.conditionContext).mapError { RegardsError.refused(Self.onSite, $0.list) }.get()
        var onSite = session.record
        onSite.history += typed.map {
            AnswerEvent(uid: UID.make(), visit: Self.followUp, grid: $0.grid, criterion: $0.criterion, value: $0.value, comment: $0.comment, evidence: $0.evidence,
                        author: "inspecteur-b", at: Clock.now())
        }
        guard let report = FillInReport.build(onSite, grid: .control, generatedBy: "inspecteur-b", historyPoint: session.record.history.last?.uid) else { return }
        let path = "\(out)/\(Self.filledGrid)"
        try ReportOutput.write(report, to: path)
        let common = ["--db", db] + folders.directories.flatMap { ["--protocols", $0] }
        try AnswerCommand.parse([Self.followUp, "CTL-DU-12", "non conforme", "--comment", "Deux contrats de 2027 introuvables le jour de la visite.",
                                 "--reason", "vérifié au secrétariat", "--inspector", "inspectrice-a"] + common).run()
        try AnswerCommand.parse([Self.followUp, "--from", path, "--prefer", "workspace", "--inspector", "inspecteur-b"] + common).run()
    }

    /// Moves a visit through its phases as far as the guards allow, up to the restitution (the demo
    /// visits reach it); a guard that blocks stops it, any other error is an error.
    func advance(_ id: String, _ workspace: WorkspaceOptions) throws {
        while true {
            let session = try VisitSession.open(id, workspace: workspace, folders: folders)
            guard session.visit.state != "restitution" else { return }
            let (_, option) = try session.nextPhase(to: nil)
            guard option.allowed else { return }
            try session.move(option, reason: nil)
        }
    }

    /// A CSV file of the demo as rows keyed by header.
    static func table(_ path: String) throws -> [[String: String]] {
        let table = try InputFile.csv(path)
        return table.rows.map { row in Dictionary(uniqueKeysWithValues: zip(table.header, row.fields)) }
    }
}
