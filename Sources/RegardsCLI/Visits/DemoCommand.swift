import ArgumentParser
import Foundation
import RegardsCore
import RegardsProtocols

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build a demonstration workspace (a fictitious CHRS campaign) and write its workbooks and restitution report.",
        discussion: """
        Reads the fictitious data in Templates/demo/ and records it through the ordinary commands (visit new, answer --from, \
        observe --from, journey add --from, action add --from, visit advance), then writes the comparison workbooks, the coverage workbook, a fill-in \
        grid and the restitution report into --out. The workspace is OUT/demo.sqlite, rebuilt at each run.
        (observe, journey add and action add read the demo's CSV files with --from.)
        """)

    @OptionGroup var folders: ProtocolFolderOptions
    @Option(help: ArgumentHelp("Where to write the demo.", valueName: "DIR")) var out = "regards-demo"

    func run() throws {
        guard let templates = ProtocolRepository.templatesDirectory else {
            throw fail("no Templates folder found (looked in ./Templates and beside the binary)", code: Exit.missingInput)
        }
        let data = "\(templates)/demo"
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        } catch {
            throw fail("\(out): cannot create the folder: \(error.localizedDescription)", code: Exit.ioError)
        }
        let db = "\(out)/demo.sqlite"
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: db + suffix) }
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
                // Move through the phases as far as the guards allow (the demo visits reach the restitution).
                while true {
                    do {
                        try VisitAdvance.parse([id] + common + lead).run()
                    } catch {
                        break
                    }
                    if visitState(db: db, id: id) == "restitution" { break }
                }
            }
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
        }
        written = ["comparaison-\(first).xlsx", "campagne-\(campaign).xlsx", "couverture-protocoles.xlsx", "grille-a-remplir-\(first).xlsx",
                   "restitution-\(first).md", "restitution-\(first).html"].map { "\(out)/\($0)" }
        try CompareCommand.parse([first, "--db", db] + protocolArgs).run()
        Console.out("")
        Console.out("Espace de travail de démonstration : \(db) (\(visits.count) visites fictives, campagne \(campaign))")
        written.forEach { Console.out("  \($0)") }
        Console.out("Essayez : regards visit status \(first) --db \(db)")
    }

    func visitState(db: String, id: String) -> String? {
        (try? WorkspaceOptions.parse(["--db", db]).open().visit(id))??.state
    }

    /// A CSV file of the demo as rows keyed by header.
    static func table(_ path: String) throws -> [[String: String]] {
        guard let data = FileManager.default.contents(atPath: path) else { throw fail("\(path): no such file", code: Exit.missingInput) }
        let table: CSVTable
        do {
            table = try CSVTable.parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw fail("\(path):\(error.line): \(error.message)", code: Exit.badData)
        }
        return table.rows.map { row in Dictionary(uniqueKeysWithValues: zip(table.header, row.fields)) }
    }
}
