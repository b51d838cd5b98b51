import ArgumentParser
import Foundation
import RegardsCLI
import RegardsCore
import RegardsProtocols

/// `regards-bench`: the benchmark's helpers, in their own executable (built by `make bench`, not shipped).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regards-bench",
        abstract: "Benchmark helpers: a deterministic campaign generator, a dump of a report's cells for the baselines, a copy into a PostgreSQL store.",
        subcommands: [BenchGenerate.self, BenchCells.self, BenchCopy.self])
}

/// Every visit of a workspace pushed into another (a PostgreSQL store), as `visit push` does, in this process.
struct BenchCopy: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "copy", abstract: "Push every visit of a workspace into another (a PostgreSQL store set up with `store init`).")

    @Option(help: ArgumentHelp("The workspace to copy.", valueName: "FILE")) var from: String
    @Option(help: ArgumentHelp("The store to copy it into.", valueName: "URL")) var to: String

    func run() throws {
        let ids = try Regards.visitIDs(campaign: nil, db: from)
        for id in ids { try Regards.run(["visit", "push", id, "--to", to, "--db", from], quiet: true) }
        print("\(ids.count) visit(s) copied")
    }
}

/// `--protocols DIR`, as `regards` takes it.
struct ProtocolFolders: ParsableArguments {
    @Option(name: .customLong("protocols"), help: ArgumentHelp("A protocol folder (repeatable).", valueName: "DIR")) var directories: [String] = []

    var searchPath: [String] { directories.isEmpty ? ProtocolRepository.defaultDirectories() : directories }
    var arguments: [String] { directories.flatMap { ["--protocols", $0] } }
}

/// SplitMix64: the same seed gives the same campaign on every machine.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

struct BenchGenerate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Record a campaign of N fictitious visits (both grids answered, 20 observations, 5 journeys and 3 actions each) through the ordinary batch imports.")

    @OptionGroup var folders: ProtocolFolders
    @Option(help: "How many visits.") var visits = 10
    @Option(help: "The seed of the content.") var seed: UInt64 = 1
    @Option(help: ArgumentHelp("The workspace to create (must not exist).", valueName: "FILE")) var db: String
    @Option(help: "Campaign name.") var campaign = "bench"
    @Option(help: ArgumentHelp("Also keep the campaign's answer file here (for the import benchmark).", valueName: "FILE.csv")) var answersOut: String?
    @Option(help: ArgumentHelp("Also copy the workspace as it is before the answers are imported.", valueName: "FILE")) var emptyOut: String?

    static let words = ("accueil chambre cuisine soir repas équipe référente dossier contrat avenant bilan projet droits santé banque logement "
        + "règlement charte livret atelier conseil vie collective horaires visites sortie orientation démarches papiers ressources emploi "
        + "formation enfants famille écoute respect intimité sécurité clé armoire laverie wifi transport médecin rendez-vous courrier").split(separator: " ").map(String.init)

    func sentence(_ g: inout SeededGenerator, words count: Int) -> String {
        var parts: [String] = []
        for i in 0..<count { parts.append(Self.words[Int(g.next() % UInt64(Self.words.count))] + (i % 7 == 6 ? "," : "")) }
        return parts.joined(separator: " ").prefix(1).uppercased() + parts.joined(separator: " ").dropFirst() + "."
    }

    static func finess(_ n: Int) -> String {
        let body = String(format: "31%06d", n % 1_000_000)
        let key = (0...9).first { Finess.luhn(body + String($0)) } ?? 0
        return body + String(key)
    }

    func run() throws {
        guard !FileManager.default.fileExists(atPath: db) else { throw RegardsError.usage("\(db) already exists; the generator starts from an empty workspace") }
        let repository = try ProtocolRepository(directories: folders.searchPath)
        guard let eval = try repository.grid("chrs-acces-aux-droits", kind: .evaluation).grid else { return }
        guard let control = try repository.control(for: eval)?.grid else {
            throw RegardsError.badData("the evaluation protocol names no control protocol")
        }
        var g = SeededGenerator(state: seed)
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("regards-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let protocolArgs = folders.arguments
        let common = ["--db", db, "--inspector", "inspectrice-bench"] + protocolArgs
        var contexts: [String: [String: Condition.Value]] = [:]
        let ids = (1...visits).map { String(format: "B%05d", $0) }
        do {
            for (n, id) in ids.enumerated() {
                var context: [String] = []
                var values: [String: Condition.Value] = [:]
                for variable in eval.context {
                    switch variable.type {
                    case .choice:
                        let v = variable.values[Int(g.next() % UInt64(variable.values.count))]
                        context += ["--context", "\(variable.id)=\(v)"]
                        values[variable.id] = .text(v)
                    case .boolean:
                        let v = g.next() % 2 == 0
                        context += ["--context", "\(variable.id)=\(v ? "oui" : "non")"]
                        values[variable.id] = .boolean(v)
                    case .number:
                        let v = Int(g.next() % 100)
                        context += ["--context", "\(variable.id)=\(v)"]
                        values[variable.id] = .number(Double(v))
                    }
                }
                contexts[id] = values
                let day = CalendarDate(year: 2026, month: 1 + n % 12, day: 1 + n % 27)!
                try Regards.run(["visit", "new", "--id", id, "--establishment", "CHRS fictif n°\(n + 1)", "--finess", Self.finess(n + 1), "--start", day.description,
                                    "--end", day.adding(days: 2).description, "--campaign", campaign, "--inspectors", "inspectrice-a,inspecteur-b"] + context + common, quiet: true)
            }
        }
        if let emptyOut { try copyWorkspace(to: emptyOut) }
        // One campaign file with every answer of both grids.
        var csv = "visit,criterion,value,comment,evidence\n"
        for id in ids {
            for (grid, kind) in [(eval, ProtocolKind.evaluation), (control, ProtocolKind.control)] {
                for (_, c) in grid.allCriteria where c.applies(in: contexts[id] ?? [:]) {
                    guard let scale = grid.scale(c.scale) else { continue }
                    let level = scale.levels[Int(g.next() % UInt64(scale.levels.count))]
                    let comment = g.next() % 4 == 0 ? "" : sentence(&g, words: 6 + Int(g.next() % 24))
                    let evidence = kind == .control ? "dossier \(g.next() % 50)" : (g.next() % 2 == 0 ? "entretien R\(10 + g.next() % 80)" : "")
                    csv += ReportRenderer.line([id, c.id, String(level.value), comment, evidence])
                }
            }
        }
        let answers = answersOut ?? work.appendingPathComponent("answers.csv").path
        try Data(csv.utf8).write(to: URL(fileURLWithPath: answers))
        do {
            try Regards.run(["answer", "--from", answers] + common, quiet: true)
            let methods = eval.methods.map(\.id)
            let steps = ["admission", "contrat-remis", "contrat-signe", "avenant", "bilan", "droits-sante"]
            for id in ids {
                var observations = "method,participant,role,criteria,theme,date,text\n"
                for k in 0..<20 {
                    let (_, c) = eval.allCriteria[Int(g.next() % UInt64(eval.criteriaCount))]
                    observations += ReportRenderer.line([methods[k % methods.count], "R\(10 + g.next() % 80)", "resident", c.id, "theme", "2026-06-1\(k % 9)",
                                                         sentence(&g, words: 20 + Int(g.next() % 50))])
                }
                var journeys = "resident,step,date,note\n"
                for r in 0..<5 {
                    let admission = CalendarDate(year: 2025, month: 1 + Int(g.next() % 12), day: 1 + Int(g.next() % 28))!
                    for (s, step) in steps.enumerated() {
                        let late = g.next() % 5 == 0
                        let offset = [0, 10, 25, 170, 175, 30][s] + (late ? 20 : 0)
                        journeys += ReportRenderer.line(["R\(20 + r)", step, admission.adding(days: offset).description, late ? "retard expliqué" : ""])
                    }
                }
                var actions = "title,owner,due,criteria,status\n"
                for _ in 0..<3 { actions += ReportRenderer.line([sentence(&g, words: 8), "direction", "2027-03-01", "", "open"]) }
                let files = ["o", "j", "a"].map { work.appendingPathComponent("\(id)-\($0).csv").path }
                try Data(observations.utf8).write(to: URL(fileURLWithPath: files[0]))
                try Data(journeys.utf8).write(to: URL(fileURLWithPath: files[1]))
                try Data(actions.utf8).write(to: URL(fileURLWithPath: files[2]))
                try Regards.run(["observe", id, "--from", files[0]] + common, quiet: true)
                try Regards.run(["journey", "add", id, "--from", files[1]] + common, quiet: true)
                try Regards.run(["action", "add", id, "--from", files[2]] + common, quiet: true)
            }
        }
        print("\(visits) visit(s) of campaign `\(campaign)` in \(db)")
    }

    func copyWorkspace(to path: String) throws {
        // A clean copy: the WAL is folded into the main file first by opening and closing the workspace.
        try Regards.run(["visit", "list", "--db", db], quiet: true)
        try? FileManager.default.removeItem(atPath: path)
        do {
            try FileManager.default.copyItem(atPath: db, toPath: path)
        } catch {
            throw RegardsError.ioError("\(path): cannot copy the workspace: \(error.localizedDescription)")
        }
    }
}

/// Writes every cell of a report, typed, so the C and Python baselines can write the same cells.
/// One line per row; cells separated by tabs, each `s` (text), `n` (number), `d` (date), `t` (timestamp) or
/// `e` (empty) followed by its value, with `\\`, tab and line breaks escaped. A sheet starts with `#sheet<TAB>NAME`.
struct BenchCells: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "cells", abstract: "Dump the cells of a campaign's comparison report for the benchmark baselines.")

    @Option(help: ArgumentHelp("The workspace.", valueName: "FILE")) var db: String
    @Option(help: "The campaign.") var campaign: String
    @Option(help: ArgumentHelp("The dump to write.", valueName: "FILE")) var out: String

    func run() throws {
        // The very cells `compare --campaign --xlsx` writes (findings do not stop a benchmark).
        let report = try Regards.campaignReport(campaign, db: db)
        guard let handle = FileHandle(forWritingAtPath: out) ?? (FileManager.default.createFile(atPath: out, contents: nil) ? FileHandle(forWritingAtPath: out) : nil) else {
            throw RegardsError.ioError("\(out): cannot write")
        }
        defer { try? handle.close() }
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
        }
        func cell(_ c: Cell) -> String {
            switch c.value {
            case .empty: "e"
            case .text(let s): "s" + escape(s)
            case .number(let n): "n" + CellValue.format(n)
            case .date(let d): "d" + d.description
            case .timestamp(let t): "t" + t
            }
        }
        for sheet in report.sheets {
            var text = "#sheet\t\(sheet.name)\n"
            for line in sheet.summary { text += "s" + escape(line.label) + "\te\t" + cell(line.cell) + "\n" }
            if !sheet.summary.isEmpty { text += "\n" }
            text += sheet.columns.map { "s" + escape($0.header) }.joined(separator: "\t") + "\n"
            handle.write(Data(text.utf8))
            var chunk = ""
            for row in sheet.rows {
                chunk += row.map(cell).joined(separator: "\t") + "\n"
                if chunk.utf8.count > 1 << 20 {
                    handle.write(Data(chunk.utf8))
                    chunk = ""
                }
            }
            handle.write(Data(chunk.utf8))
        }
    }
}
