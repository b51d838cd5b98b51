import Foundation
import Testing
import RegardsTestSupport

/// regards(1), generated from the command definitions (`Tools/manpage.py`), and the shell
/// completions `make install` puts in place.
@Suite struct ManualTests {
    func manPage(_ language: String = "en") throws -> String {
        let python = try #require(Clients.python, "python3 is needed to write the man page")
        let run = try Clients.run(python, [Run.root.appendingPathComponent("Tools/manpage.py").path, Run.binary.path, language])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    /// Every command, its options and the exit codes are in the page, French characters intact.
    @Test func theManPageSaysEveryCommand() throws {
        let page = try manPage()
        for command in ["protocol validate", "visit new", "visit pull", "visit push", "store init", "answer", "privacy review", "measure follow", "agreement"] {
            #expect(page.contains(".SS \(command)\n"), "\(command)")
        }
        for option in ["--db <PATH|URL>", "--from <URL>", "--scorer <NAME>", "--allow-personal-data"] {
            #expect(page.contains(".B \(option)\n"), "\(option)")
        }
        #expect(page.contains("Exit codes: 0 ok, 1 problems found, 64 usage error"))
        #expect(page.contains(".SH EXIT STATUS") && page.contains(".SH ENVIRONMENT") && page.contains(".B REGARDS_LANG"))
        #expect(!page.contains(".SS help"))
    }

    /// The French page (the default, installed in man1): the help in French, the page's own words too.
    @Test func theFrenchPageIsFrench() throws {
        let page = try manPage("fr")
        #expect(page.contains(".SH NOM") && page.contains(".SH COMMANDES") && page.contains(".SH CODE DE RETOUR"))
        #expect(page.contains("grille de contrôle et évaluation centrée sur les personnes accueillies"))
        #expect(page.contains("Codes de sortie\u{A0}: 0 succès, 1 problèmes trouvés"))
        #expect(page.contains(".SS visit pull") && page.contains(".B --db <PATH|URL>"))
        #expect(!page.contains("Exit codes"))
    }

    /// man renders it without a warning.
    @Test(.enabled(if: Clients.which("man") != nil || Clients.required, "man is not installed")) func manRendersThePage() throws {
        let man = try #require(Clients.which("man"), "man is required (REGARDS_REQUIRE_CLIENTS=1); run `make setup-tests`")
        for language in ["fr", "en"] {
            let file = temporaryDirectory().appendingPathComponent("regards.1")
            try manPage(language).write(to: file, atomically: true, encoding: .utf8)
            let shell = try #require(Clients.which("sh"))
            let rendered = try Clients.run(shell, ["-c", "LC_ALL=C.UTF-8 MANWIDTH=100 MAN_KEEP_STDERR=1 \(man) --warnings -l \(file.path)"])
            #expect(rendered.status == 0)
            #expect(rendered.stderr.isEmpty, "\(rendered.stderr)")
            #expect(rendered.stdout.contains("REGARDS(1)") && rendered.stdout.contains("visit pull"))
        }
    }

    /// Installed as `make install` does (French in man1, English in en/man1), man shows each locale its page.
    @Test(.enabled(if: Clients.which("man") != nil || Clients.required, "man is not installed")) func manFindsEachLanguagesPage() throws {
        let man = try #require(Clients.which("man"), "man is required (REGARDS_REQUIRE_CLIENTS=1); run `make setup-tests`")
        let root = temporaryDirectory()
        for (language, folder) in [("fr", "man1"), ("en", "en/man1")] {
            let directory = root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try manPage(language).write(to: directory.appendingPathComponent("regards.1"), atomically: true, encoding: .utf8)
        }
        let shell = try #require(Clients.which("sh"))
        func heading(_ locale: String) throws -> String {
            let run = try Clients.run(shell, ["-c", "MANPATH=\(root.path) LC_ALL=C.UTF-8 MANWIDTH=100 \(man) -L \(locale) regards"])
            return run.stdout.split(separator: "\n").dropFirst().first.map { $0.trimmingCharacters(in: .whitespaces) } ?? run.stderr
        }
        #expect(try heading("fr_FR.UTF-8") == "NOM")
        #expect(try heading("C") == "NOM")
        #expect(try heading("en_GB.UTF-8") == "NAME")
    }

    /// The bash completion offers the commands, then a command's subcommands.
    @Test func bashCompletesCommands() throws {
        let script = temporaryDirectory().appendingPathComponent("regards.bash")
        let generated = try Run(["--generate-completion-script", "bash"])
        #expect(generated.status == 0)
        try generated.stdout.write(to: script, atomically: true, encoding: .utf8)
        let bash = try #require(Clients.which("bash"))
        func complete(_ words: [String]) throws -> [String] {
            let line = words.joined(separator: " ")
            let setup = "source \(script.path); COMP_WORDS=(\(words.joined(separator: " "))); COMP_CWORD=\(words.count - 1); COMP_LINE='\(line)'; COMP_POINT=\(line.count); _regards; echo \"${COMPREPLY[@]}\""
            return try Clients.run(bash, ["-c", setup]).stdout.split(whereSeparator: \.isWhitespace).map(String.init)
        }
        let top = try complete(["regards", "vis"])
        #expect(top.contains("visit") && top.contains("store") && top.contains("agreement"), "\(top)")
        let visit = try complete(["regards", "visit", "pu"])
        #expect(visit.contains("pull") && visit.contains("push"), "\(visit)")
    }
}
