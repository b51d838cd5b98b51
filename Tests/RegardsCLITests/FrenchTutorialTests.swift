import Foundation
import Testing

/// The README's tutorial, run as a French inspector runs it (no language asked: French), then with
/// `LANG=en_GB.UTF-8`: every line Regards says is French in the first run (help, notes, refusals,
/// errors), English in the second. ArgumentParser's own words (`USAGE:`, `OPTIONS:`, `Error:` …)
/// stay as the library prints them.
@Suite struct FrenchTutorialTests {
    /// Words that say a line is English (checked outside `code`, « labels » and quoted data).
    static var englishWords: Regex<AnyRegexOutput> { try! Regex(#"\b(the|The|is|are|not|was|were|with|without|has|have|does|cannot|recorded|written|nothing|Nothing|error|warning|found|missing|give|should|must|already|answers?|visits?|files?|checked|added|changed|unknown)\b"#) }
    /// Words that say a line is French.
    static var frenchWords: Regex<AnyRegexOutput> { try! Regex(#"\b(le|la|les|du|des|une?|est|pas|aucune?|visite|réponses?|fichiers?|erreur|avertissement|enregistrée?s?|écrit|rien)\b"#).ignoresCase() }

    /// Lines of the library's own (ArgumentParser) that may stay English.
    static func isLibraryLine(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return ["USAGE:", "OPTIONS:", "ARGUMENTS:", "SUBCOMMANDS:", "OVERVIEW:", "Usage:", "See '", "-h, --help", "--version", "Show help information", "Show the version", "Error: Missing expected argument", "Error: Unknown option", "Error: Unexpected argument", "Help:", "--experimental", "(values: "].contains { trimmed.hasPrefix($0) || trimmed.contains($0) }
    }

    /// A line without what is not words of a message: code in backticks, « labels », paths, ids.
    static func words(_ line: String) -> String {
        var text = line
        // A help line's leading command name, `<visit>`, `FILE.csv`, the values an option takes.
        for pattern in [#"^\s+[a-z-]+\s{2,}"#, #"<[^>]*>"#, #"\b[A-Z]+\.[a-z]+\b"#, #"\((workbook|workspace)[^)]*\)"#,
                        #"`[^`]*`"#, #"«[^»]*»"#, #"\S*/\S*"#, #"--[a-z-]+"#, #"\b[A-Z]{2,}[-_][A-Z0-9-]+\b"#] {
            text = text.replacing(try! Regex(pattern), with: " ")
        }
        return text
    }

    /// The tutorial's commands, in order, in a fresh folder: (arguments, stdin).
    static func tutorial(in directory: URL) throws -> [([String], String?)] {
        let protocols = Run.root.appendingPathComponent("Protocols").path
        let csv = directory.appendingPathComponent("controle.csv").path
        try "criterion,value,comment,evidence\nCTL-DU-01,oui,,\nAD-03,9,,\nZZ-01,2,,\n".write(toFile: csv, atomically: true, encoding: .utf8)
        return [
            (["--help"], nil),
            (["answer", "--help"], nil),
            (["visit", "--help"], nil),
            (["protocol", "list", "--protocols", protocols], nil),
            (["protocol", "validate", "--protocols", protocols], nil),
            (["visit", "new", "--establishment", "CHRS Les Tilleuls", "--finess", "750712184", "--start", "2026-11-20", "--end", "2026-11-21",
              "--inspectors", "inspectrice-a,inspecteur-b", "--campaign", "occitanie-2026", "--context", "hebergement=collectif",
              "--context", "public=jeunes-moins-25-ans", "--protocols", protocols], nil),
            (["visit", "new", "--establishment", "X", "--finess", "750712185"], nil),
            (["answer", "2026-001", "AC-10", "3", "--comment", "Livret remis, peu lu", "--evidence", "entretien R07"], nil),
            (["answer", "2026-001", "DI-01", "nc"], nil),
            (["answer", "2026-001", "VC-07", "2"], nil),
            (["answer", "2026-001", "AC-99", "2"], nil),
            (["answer", "2026-001"], nil),
            (["fill", "2026-001", "--section", "AC"], "1\n?\nq\n"),
            (["answer", "2026-001", "--from", csv], nil),
            (["observe", "2026-001", "--method", "visite-guidee", "--participant", "R07", "--role", "resident", "--criteria", "VC-03,VC-04",
              "--theme", "repas", "--text", "La cuisine collective ferme à 19 h."], nil),
            (["observation", "list", "2026-001", "--criteria", "VC-04"], nil),
            (["journey", "add", "2026-001", "--resident", "R07", "--step", "admission", "--date", "2026-03-02"], nil),
            (["journey", "add", "2026-001", "--resident", "R07", "--step", "contrat-remis", "--date", "2026-03-25", "--note", "remis après relance"], nil),
            (["journey", "add", "2026-001", "--resident", "R07", "--step", "admision", "--date", "2026-03-02"], nil),
            (["journey", "show", "2026-001"], nil),
            (["visit", "advance", "2026-001"], nil),
            (["action", "add", "2026-001", "--title", "Ouvrir la cuisine le soir", "--owner", "direction", "--due", "2027-03-01", "--criteria", "VC-04"], nil),
            (["action", "set", "2026-001", "1", "--status", "in-progress"], nil),
            (["visit", "status", "2026-001"], nil),
            (["visit", "log", "2026-001", "--criterion", "AC-10"], nil),
            (["visit", "export", "2026-001", "--out", directory.appendingPathComponent("2026-001.json").path], nil),
            (["compare", "2026-001", "--xlsx", directory.appendingPathComponent("comparaison.xlsx").path], nil),
            (["sheet", "2026-001", "--grid", "control", "--xlsx", directory.appendingPathComponent("grille-controle.xlsx").path], nil),
            (["report", "2026-001", "--format", "html", "--out", directory.appendingPathComponent("restitution.html").path], nil),
            (["finding", "add", "2026-001", "--kind", "bonne-pratique", "--fact", "Les personnes accueillies animent la commission des menus."], nil),
            (["measure", "add", "2026-001", "--kind", "prescription", "--findings", "BP1", "--within", "6 mois", "--text", "x"], nil),
            (["privacy", "scan", "2026-001"], nil),
            (["doctor"], nil),
            (["compare", "2099-001"], nil),
        ]
    }

    func runTutorial(_ environment: [String: String]) throws -> [(command: String, run: Run)] {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("regards.sqlite").path
        return try Self.tutorial(in: directory).map { arguments, stdin in
            let global = arguments.contains("--help") ? [] : ["--db", db, "--inspector", "inspectrice-a"]
            let run = try Run(arguments + global, in: directory, stdin: stdin, environment: environment)
            return (arguments.prefix(3).joined(separator: " "), run)
        }
    }

    @Test func aFrenchInspectorSeesFrenchFromStartToEnd() throws {
        let runs = try runTutorial(["REGARDS_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "fr_FR.UTF-8"])
        var english: [String] = []
        for (command, run) in runs {
            #expect([0, 1, 64, 65, 66].contains(run.status), "\(command): \(run.status) \(run.stderr)")
            for line in (run.stdout + "\n" + run.stderr).split(separator: "\n").map(String.init) where !Self.isLibraryLine(line) {
                if Self.words(line).contains(Self.englishWords) { english.append("\(command): \(line)") }
            }
        }
        #expect(english.isEmpty, "English in the French run:\n\(english.joined(separator: "\n"))")
        let said = runs.map { $0.run.stdout + $0.run.stderr }.joined()
        #expect(said.contains("regards\u{A0}: erreur\u{A0}: "))
        #expect(said.contains("Codes de sortie\u{A0}: "))
    }

    @Test func anEnglishLocaleGivesEnglish() throws {
        let runs = try runTutorial(["REGARDS_LANG": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_GB.UTF-8"])
        var french: [String] = []
        for (command, run) in runs {
            for line in run.stderr.split(separator: "\n").map(String.init) where line.hasPrefix("regards") {
                if Self.words(line).contains(Self.frenchWords) { french.append("\(command): \(line)") }
            }
        }
        #expect(french.isEmpty, "French in the English run:\n\(french.joined(separator: "\n"))")
        let said = runs.map { $0.run.stdout + $0.run.stderr }.joined()
        #expect(said.contains("regards: error: ") && said.contains("Exit codes: "))
        #expect(!said.contains("\u{A0}:"))
    }
}
