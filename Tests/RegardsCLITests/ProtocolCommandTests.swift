import Foundation
import Testing

@Suite struct ProtocolCommandTests {
    @Test func shippedProtocolsValidate() throws {
        let run = try Run("protocol", "validate")
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(!run.stdout.contains("error:"))
        #expect(run.stderr.hasSuffix("0 error(s), 0 warning(s)\n"))
    }

    @Test func listShowsTheShippedGridsAndWorkflow() throws {
        let run = try Run("protocol", "list", "--format", "json")
        #expect(run.status == 0)
        struct Row: Decodable { var id: String; var kind: String; var criteria: Int?; var states: Int?; var errors: Int }
        let rows = try JSONDecoder().decode([Row].self, from: Data(run.stdout.utf8))
        let control = try #require(rows.first { $0.id == "chrs-controle" })
        let evaluation = try #require(rows.first { $0.id == "chrs-acces-aux-droits" })
        let workflow = try #require(rows.first { $0.id == "evaluation-chrs" })
        #expect(control.kind == "control" && (control.criteria ?? 0) >= 40 && control.errors == 0)
        #expect(evaluation.kind == "evaluation" && (evaluation.criteria ?? 0) >= 30 && evaluation.errors == 0)
        #expect(workflow.kind == "workflow" && workflow.states == 6)
        let text = try Run("protocol", "list")
        #expect(text.lines.first?.hasPrefix("ID") == true)
        #expect(text.stdout.contains("chrs-controle"))
    }

    static let invalidCases = ((try? FileManager.default.contentsOfDirectory(atPath: Run.fixtures.appendingPathComponent("invalid").path)) ?? [])
        .filter { !$0.hasSuffix(".md") }.sorted()

    /// Every invalid fixture, through the real binary, in each language: exact stdout
    /// (`expected.txt` in English, `expected.fr.txt` in French), exit 1, no crash.
    @Test(arguments: invalidCases, ["en", "fr"])
    func validateFixtureEndToEnd(name: String, language: String) throws {
        let directory = Run.fixtures.appendingPathComponent("invalid/\(name)")
        let run = try Run(["protocol", "validate", "--protocols", "."], in: directory, environment: ["REGARDS_LANG": language])
        let expected = try String(contentsOf: directory.appendingPathComponent(language == "fr" ? "expected.fr.txt" : "expected.txt"), encoding: .utf8)
        #expect(run.stdout == expected)
        #expect(run.status == 1)
        #expect(!run.stderr.contains("Fatal error") && !run.stderr.contains("Stack dump"))
    }

    @Test func validateNamedFilesResolvesReferencesInTheFolders() throws {
        let run = try Run("protocol", "validate", "Protocols/chrs-acces-aux-droits-2.0.0.yaml")
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stderr == "1 file(s) checked: 0 error(s), 0 warning(s)\n")
    }

    @Test func diffMatchesGoldenFilesAndIsStable() throws {
        let directory = Run.fixtures.appendingPathComponent("diff")
        let text = try Run("protocol", "diff", "exemple-1.0.0.yaml", "exemple-1.1.0.yaml", in: directory)
        #expect(text.status == 0)
        #expect(text.stdout == (try String(contentsOf: directory.appendingPathComponent("expected.txt"), encoding: .utf8)))
        let json1 = try Run("protocol", "diff", "exemple-1.0.0.yaml", "exemple-1.1.0.yaml", "--format", "json", in: directory)
        let json2 = try Run("protocol", "diff", "exemple-1.0.0.yaml", "exemple-1.1.0.yaml", "--format", "json", in: directory)
        #expect(json1.stdout == json2.stdout)
        #expect(json1.stdout == (try String(contentsOf: directory.appendingPathComponent("expected.json"), encoding: .utf8)))
    }

    @Test func diffByIdAndVersionInTheFolders() throws {
        let run = try Run("protocol", "diff", "exemple-diff@1.0.0", "exemple-diff@1.1", "--protocols", "Tests/Fixtures/diff")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.lines.first == "exemple-diff@1.0.0 → exemple-diff@1.1.0")
    }

    @Test func showJSONCarriesTheWholeProtocolAndIsStable() throws {
        let a = try Run("protocol", "show", "chrs-acces-aux-droits", "--format", "json")
        let b = try Run("protocol", "show", "chrs-acces-aux-droits@2", "--format", "json")
        #expect(a.status == 0 && a.stdout == b.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])
        let p = try #require(object["protocol"] as? [String: Any])
        #expect((object["hash"] as? String)?.count == 64)
        #expect((p["sections"] as? [[String: Any]])?.count ?? 0 >= 6)
        #expect(((p["journey"] as? [String: Any])?["steps"] as? [Any])?.isEmpty == false)
        #expect((p["scales"] as? [Any])?.isEmpty == false)
        let criteria = (p["sections"] as? [[String: Any]] ?? []).flatMap { $0["criteria"] as? [[String: Any]] ?? [] }
        #expect(criteria.contains { ($0["maps_to"] as? [Any])?.isEmpty == false })
        let text = try Run("protocol", "show", "evaluation-chrs")
        #expect(text.status == 0 && text.stdout.contains("→ preparation"))
    }

    @Test func coverageNamesBlindSpotsAndOverlappingDocuments() throws {
        let run = try Run("protocol", "coverage", "chrs-acces-aux-droits", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        struct Item: Decodable { var id: String; var section: String }
        struct Member: Decodable { var id: String }
        struct Group: Decodable { var documents: [Member] }
        struct Coverage: Decodable { var blindSpots: [Item]; var unmappedControlItems: [Item]; var overlappingDocuments: [Group]; var control: String }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let coverage = try decoder.decode(Coverage.self, from: Data(run.stdout.utf8))
        #expect(coverage.control.hasPrefix("chrs-controle@2."))
        #expect(coverage.blindSpots.contains { $0.section == "VC" }, "vie collective must be a blind spot of the control grid")
        #expect(!coverage.unmappedControlItems.isEmpty)
        let groups = coverage.overlappingDocuments.map { Set($0.documents.map(\.id)) }
        #expect(groups.contains { $0.isSuperset(of: ["avenant-contrat", "bilan-situation", "projet-personnalise"]) })
        let text = try Run("protocol", "coverage", "chrs-acces-aux-droits", "chrs-controle")
        #expect(text.stdout.contains("Angles morts du contrôle"))
        #expect(text.stdout.contains("Documents qui se recoupent"))
    }

    @Test(arguments: ["evaluation", "control"])
    func scaffoldIsValidAsWritten(kind: String) throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("nouveau.yaml").path
        let created = try Run("protocol", "new", "mon-protocole", "--kind", kind, "--title", "Mon \"protocole\"", "--output", path)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stdout == path + "\n")
        let check = try Run("protocol", "validate", "--protocols", directory.path)
        #expect(check.status == 0, "\(check.stdout)")
        let again = try Run("protocol", "new", "mon-protocole", "--kind", kind, "--output", path)
        #expect(again.status == 64)
        #expect(again.stderr == "regards: error: \(path) already exists; pass --force to overwrite it\n")
    }

    @Test func exitCodes() throws {
        #expect(try Run("protocol", "validate", "nulle-part.yaml").status == 66)
        #expect(try Run("protocol", "validate", "nulle-part.yaml").stderr == "regards: error: nulle-part.yaml: no such file\n")
        #expect(try Run("protocol", "show", "chrs-controlle").stderr == "regards: error: no protocol `chrs-controlle` in the protocol folders; did you mean `chrs-controle`?\n")
        #expect(try Run("protocol", "show", "chrs-controlle").status == 66)
        #expect(try Run("protocol", "show", "chrs-controle@9").status == 66)
        #expect(try Run("protocol", "list", "--protocols", "nulle-part").status == 66)
        #expect(try Run("protocol", "show", "--nope").status == 64)
        #expect(try Run("protocol", "new", "Bad Id", "--kind", "control").status == 64)
        let invalid = Run.fixtures.appendingPathComponent("invalid/unknown-scale")
        let show = try Run("protocol", "show", "--protocols", invalid.path, invalid.appendingPathComponent(try firstYAML(in: invalid)).path)
        #expect(show.status == 65)
        #expect(show.stderr.contains("error(s); run `regards protocol validate"))
    }

    @Test func helpListsTheCommands() throws {
        let run = try Run("protocol", "--help")
        #expect(run.status == 0)
        for command in ["list", "validate", "show", "diff", "new", "coverage", "review"] {
            #expect(run.stdout.contains("  \(command) "), "\(command) missing from help")
        }
    }

    func firstYAML(in directory: URL) throws -> String {
        try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted().first)
    }
}

@Suite struct WarningTests {
    /// Warnings are printed like errors but do not fail validation.
    @Test func warningsDoNotFail() throws {
        let directory = Run.fixtures.appendingPathComponent("warnings")
        let run = try Run("protocol", "validate", "--protocols", ".", in: directory)
        #expect(run.status == 0)
        #expect(run.stdout == (try String(contentsOf: directory.appendingPathComponent("expected.txt"), encoding: .utf8)))
        #expect(run.stderr == "4 file(s) checked: 0 error(s), 3 warning(s)\n")
    }
}
