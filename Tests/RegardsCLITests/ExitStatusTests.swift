import Foundation
import Testing
import RegardsCore
import RegardsTestSupport
@testable import RegardsCLI

/// Every kind of error has its exit code, and the README's table says the same.
@Suite struct ExitStatusTests {
    @Test(arguments: [(RegardsError.Kind.problemsFound, Int32(1)), (.usage, 64), (.badData, 65), (.missingInput, 66), (.ioError, 74)])
    func eachKindHasItsCode(kind: RegardsError.Kind, code: Int32) {
        #expect(ExitStatus.code(for: kind) == code)
    }

    @Test func everyKindIsInTheTable() {
        #expect(Set(RegardsError.Kind.allCases.map(ExitStatus.code)).count == RegardsError.Kind.allCases.count)
    }

    /// `| 65 | bad data (…) |` rows of the README's *Exit codes* section, as code → name.
    static func readmeTable() throws -> [Int32: String] {
        let readme = try String(contentsOf: Run.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Exit codes").dropFirst().first).components(separatedBy: "\n## ")[0]
        var out: [Int32: String] = [:]
        for line in section.split(separator: "\n") where line.hasPrefix("| ") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let code = Int32(cells[0]) else { continue }
            out[code] = String(cells[1].prefix { $0 != "(" }).trimmingCharacters(in: .whitespaces)
        }
        return out
    }

    @Test(.messages(.en)) func readmeTableMatches() throws {
        var expected: [Int32: String] = [ExitStatus.success: "success"]
        for kind in RegardsError.Kind.allCases { expected[ExitStatus.code(for: kind)] = ExitStatus.meaning(of: kind).name }
        #expect(try Self.readmeTable() == expected)
    }

    @Test(arguments: Language.allCases) func theHelpLineSaysWhatTheTableSays(language: Language) {
        Language.$current.withValue(language) {
            #expect(ExitStatus.summary == ExitStatus.summaryFromTable)
        }
    }

    @Test func helpListsTheCodes() throws {
        // The help wraps lines at the terminal's width.
        let help = try Run(["--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("Exit codes: 0 ok, 1 problems found, 64 usage error, 65 bad data (an invalid protocol or input), 66 missing input (file, folder or protocol not found), 74 I/O error."))
        let french = try Run(["--help"], environment: ["REGARDS_LANG": "fr"]).stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(french.contains("Codes de sortie\u{A0}: 0 succès, 1 problèmes trouvés, 64 erreur d'utilisation, 65 données invalides (un protocole ou une saisie invalide), 66 entrée introuvable (fichier, dossier ou protocole introuvable), 74 erreur d'entrée-sortie."))
    }

    /// An error is printed once, at the top: detail lines, then the message; nothing when it was already reported.
    @Test(.messages(.en)) func errorsArePrintedOnce() {
        #expect(ExitStatus.lines(.badData("f.csv: 2 bad row(s); nothing was written", details: ["f.csv:2: error: x", "f.csv:3: error: y"]))
            == ["f.csv:2: error: x", "f.csv:3: error: y", "regards: error: f.csv: 2 bad row(s); nothing was written"])
        #expect(ExitStatus.lines(.problemsFound).isEmpty)
        Language.$current.withValue(.fr) {
            #expect(ExitStatus.lines(.usage("x")) == ["regards\u{A0}: erreur\u{A0}: x"])
        }
    }
}
