import Foundation
import Testing
import RegardsTestSupport

/// The report's JSON, as `regards … --format json` prints it.
struct ReportJSON: Decodable {
    struct Column: Decodable { var key: String; var header: String; var type: String }
    struct Sheet: Decodable { var name: String; var summary: [String: String]; var columns: [Column]; var rows: [[String: Value]] }
    enum Value: Decodable {
        case null, text(String), number(Double)
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if c.decodeNil() { self = .null } else if let n = try? c.decode(Double.self) { self = .number(n) } else { self = .text(try c.decode(String.self)) }
        }
    }
    var title: String
    var sheets: [Sheet]

    /// A cell as the client prints it (see Tests/Support/read_workbook.py).
    static func expected(_ value: Value?, type: String) -> String {
        switch value {
        case .none, .null?: return ""
        case .number(let n)?:
            if n == n.rounded(), abs(n) < 1e15 { return String(Int(n)) }
            return String((n * 10000).rounded() / 10000)
        case .text(let s)?:
            return type == "timestamp" ? String(s.prefix(16)) : s
        }
    }
}

extension ReportJSON.Sheet {
    /// The rows a client read back are the report's: the column headings on row `header`, then
    /// every row's cells as the client prints them (trailing empty cells dropped).
    func expectSame(_ rows: [[String]], header: Int) {
        #expect(rows[header] == columns.map(\.header), "\(name) header")
        #expect(rows.count == header + 1 + self.rows.count, "\(name) row count")
        for (i, row) in self.rows.enumerated() {
            var expected = columns.map { ReportJSON.expected(row[$0.key], type: $0.type) }
            while expected.last == "" { expected.removeLast() }
            #expect(rows[header + 1 + i] == expected, "\(name) row \(i + 1)")
        }
    }
}

/// A workbook as openpyxl reads it (Tests/Support/read_workbook.py): each sheet's rows of cells as printed.
struct ClientBook: Decodable {
    var sheets: [String: [[String]]]
    var warnings: [String]
    var title: String?

    /// Nil when openpyxl is not installed and not required; a failed test when it is required.
    static func openpyxl(_ xlsx: String) throws -> ClientBook? {
        guard Clients.openpyxl || Clients.required else { return nil }
        let python = try #require(Clients.openpyxl ? Clients.python : nil, "openpyxl is required (REGARDS_REQUIRE_CLIENTS=1) but python3 cannot import it; run `make setup-tests`")
        let read = try Clients.run(python, [Run.root.appendingPathComponent("Tests/Support/read_workbook.py").path, xlsx])
        #expect(read.status == 0, "\(read.stderr)")
        let book = try JSONDecoder().decode(ClientBook.self, from: Data(read.stdout.utf8))
        #expect(book.warnings.isEmpty, "\(book.warnings)")
        return book
    }

    /// Every sheet of `report` (its JSON) is in the book, row for row.
    func expectSame(_ report: ReportJSON) throws {
        #expect(Set(sheets.keys) == Set(report.sheets.map(\.name)))
        for sheet in report.sheets {
            sheet.expectSame(try #require(sheets[sheet.name]), header: sheet.summary.isEmpty ? 0 : sheet.summary.count + 1)
        }
    }
}

/// A workspace with one visit that has something in every sheet.
func populatedField() throws -> Field {
    let f = Field()
    try f.newVisit()
    try f.run("answer", "2026-001", "AC-10", "2", "--comment", "=SOMME(A1) « pas une formule »", "--evidence", "entretien R07")
    try f.run("answer", "2026-001", "VC-03", "1", "--comment", "cuisine fermée le soir\nseconde ligne")
    try f.run("answer", "2026-001", "DI-01", "3")
    try f.run("answer", "2026-001", "CTL-DU-01", "conforme")
    try f.run("answer", "2026-001", "CTL-DU-05", "non conforme", "--comment", "+33 pas un nombre")
    try f.run("observe", "2026-001", "--method", "visite-guidee", "--participant", "R07", "--criteria", "VC-03", "--text", "-1 @x ; la cuisine ferme à 19 h", "--date", "2026-11-20")
    try f.run("journey", "add", "2026-001", "--resident", "R07", "--step", "admission", "--date", "2026-03-02")
    try f.run("journey", "add", "2026-001", "--resident", "R07", "--step", "contrat-remis", "--date", "2026-03-25", "--note", "remis après relance")
    try f.run("action", "add", "2026-001", "--title", "Ouvrir la cuisine le soir", "--owner", "direction", "--due", "2027-03-01", "--criteria", "VC-03,DI-01")
    return f
}

@Suite(.serialized) struct WorkbookClientTests {
    /// The workbooks to check against their report, and those (the coverage workbook) only checked to open.
    func workbooks(_ f: Field) throws -> [(xlsx: String, json: ReportJSON?)] {
        var out: [(String, ReportJSON?)] = []
        let commands: [(String, [String])] = [
            ("visite.xlsx", ["compare", "2026-001"]),
            ("campagne.xlsx", ["compare", "--campaign", "occitanie-2026"]),
            ("couverture.xlsx", ["protocol", "coverage", "chrs-acces-aux-droits"]),
        ]
        for (name, command) in commands {
            let path = f.directory.appendingPathComponent(name).path
            let isCoverage = command[0] == "protocol"
            let extra = isCoverage ? ["--protocols", Run.root.appendingPathComponent("Protocols").path] : ["--db", f.db]
            let written = try Run(command + extra + ["--xlsx", path], in: f.directory)
            #expect(written.status == 0, "\(written.stderr)")
            let json = try Run(command + extra + ["--format", "json"], in: f.directory)
            // `protocol coverage --format json` prints the coverage model, not the workbook's report: that workbook is only opened.
            out.append((path, isCoverage ? nil : try JSONDecoder().decode(ReportJSON.self, from: Data(json.stdout.utf8))))
        }
        return out
    }

    @Test(.enabled(if: Clients.openpyxl || Clients.required, "python3 with openpyxl is not installed")) func openpyxlReadsBackTheReport() throws {
        try #require(Clients.openpyxl, "openpyxl is required (REGARDS_REQUIRE_CLIENTS=1) but python3 cannot import it; run `make setup-tests`")
        let f = try populatedField()
        for (xlsx, report) in try workbooks(f) {
            let read = try Clients.run(Clients.which("python3")!, [Run.root.appendingPathComponent("Tests/Support/read_workbook.py").path, xlsx])
            #expect(read.status == 0, "\(read.stderr)")
            struct Book: Decodable { var sheets: [String: [[String]]]; var warnings: [String]; var title: String? }
            let book = try JSONDecoder().decode(Book.self, from: Data(read.stdout.utf8))
            #expect(book.warnings.isEmpty, "\(book.warnings)")
            guard let report else {
                #expect(book.sheets.count == 7)
                continue
            }
            #expect(Set(book.sheets.keys) == Set(report.sheets.map(\.name)))
            for sheet in report.sheets {
                let rows = try #require(book.sheets[sheet.name])
                let header = sheet.summary.isEmpty ? 0 : sheet.summary.count + 1
                let valueColumn = sheet.columns.count >= 3 ? 2 : 1
                for line in rows.prefix(sheet.summary.count) {
                    #expect(sheet.summary[line.first ?? ""] != nil, "\(sheet.name): unexpected summary line \(line)")
                    if line.count > valueColumn, let value = sheet.summary[line[0]], !value.hasPrefix("20") || value.count == 10 {
                        #expect(line[valueColumn] == value, "\(sheet.name): \(line[0])")
                    }
                }
                sheet.expectSame(rows, header: header)
            }
        }
    }

    @Test(.enabled(if: Clients.soffice != nil || Clients.required, "LibreOffice is not installed")) func libreOfficeOpensEveryWorkbook() throws {
        try #require(Clients.soffice != nil, "LibreOffice is required (REGARDS_REQUIRE_CLIENTS=1) but soffice is not on the PATH; run `make setup-tests`")
        let f = try populatedField()
        for (xlsx, report) in try workbooks(f) {
            let out = f.directory.appendingPathComponent("csv-\(UUID().uuidString)")
            let converted = try Clients.run(Clients.soffice!, ["--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                                                               "--outdir", out.path, xlsx])
            #expect(converted.status == 0, "\(converted.stderr)")
            guard let report else {
                #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).count == 7)
                continue
            }
            let stem = URL(fileURLWithPath: xlsx).deletingPathExtension().lastPathComponent
            for sheet in report.sheets {
                let file = out.appendingPathComponent("\(stem)-\(sheet.name).csv")
                let text = try String(contentsOf: file, encoding: .utf8)
                let header = sheet.summary.isEmpty ? 0 : sheet.summary.count + 1
                let lines = try CSVLines.parse(text)
                #expect(lines.count > header, "\(sheet.name)")
                #expect(Array(lines[header].prefix(sheet.columns.count)) == sheet.columns.map(\.header), "\(sheet.name) header")
                // Text columns read back exactly (numbers are shown formatted by LibreOffice).
                for (i, row) in sheet.rows.enumerated() where header + 1 + i < lines.count {
                    for (c, column) in sheet.columns.enumerated() where column.type == "text" || column.type == "longText" {
                        let got = c < lines[header + 1 + i].count ? lines[header + 1 + i][c] : ""
                        #expect(got == ReportJSON.expected(row[column.key], type: column.type), "\(sheet.name) row \(i + 1) \(column.key)")
                    }
                }
            }
        }
    }
}

enum CSVLines {
    static func parse(_ text: String) throws -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false }
                } else { field.append(c) }
            } else if c == "\"" { quoted = true } else if c == "," { row.append(field); field = "" } else if c == "\n" || c == "\r\n" {
                row.append(field); rows.append(row); row = []; field = ""
            } else if c != "\r" { field.append(c) }
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }
}

@Suite struct DemoTests {
    /// The README's first command's main job: the demo builds its campaign and writes every output, and the workbooks open.
    @Test func demoWritesEverything() throws {
        let out = try Demo.folder()
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(files == ["campagne-demo-occitanie-2026.xlsx", "comparaison-2026-001.xlsx", "couverture-protocoles.xlsx", "demo.sqlite",
                          "evolution-2027-001.xlsx", "grille-a-remplir-2026-001.xlsx", "grille-remplie-2027-001.xlsx", "lettre-2026-001.md", "rapport-definitif-2026-001.html",
                          "rapport-definitif-2026-001.md", "rapport-provisoire-2026-001.html", "rapport-provisoire-2026-001.md",
                          "restitution-2026-001.html", "restitution-2026-001.md", "suivi-2026-001.xlsx"])
        let (f, db) = try Demo.copy()
        let visits = try Run(["visit", "list", "--db", db, "--format", "csv"], in: f.directory)
        #expect(visits.lines.count == 7)
        let status = try Run(["visit", "status", "2026-001", "--db", db], in: f.directory).stdout
        #expect(status.contains("Phase : Suivi des mesures"))
        // The procedure the demo takes its first visit through, and the follow-up visit a year later.
        let measures = try Run(["measure", "list", "2026-001", "--db", db], in: f.directory).stdout
        #expect(measures.contains("M1  prescription  → E1  échéance 2028-01-20") && measures.contains("réponse des inspecteurs : modifiée"))
        // The follow-up visit's control grid filled on site and read back: two changes recorded, the conflict kept from the workspace.
        let log = try Run(["visit", "log", "2027-001", "--db", db], in: f.directory).lines
        #expect(log.filter { $0.contains("motif : import de grille-remplie-2027-001.xlsx") }.map { $0.split(separator: " ").dropFirst(2).first } == ["CTL-GO-02", "CTL-DU-03"])
        #expect(log.contains { $0.contains("inspectrice-a  CTL-DU-12  2 → 0") })
        let definitive = try String(contentsOf: out.appendingPathComponent("rapport-definitif-2026-001.md"), encoding: .utf8)
        #expect(definitive.contains("Rapport définitif du 2027-01-20") && definitive.contains("| M1 | prescription | E1 |"))
        let provisional = try String(contentsOf: out.appendingPathComponent("rapport-provisoire-2026-001.md"), encoding: .utf8)
        #expect(provisional.contains("6 mois après la décision") && !provisional.contains("12 mois"))
        let followUp = try Run(["measure", "status", "2027-001", "--db", db], in: f.directory).stdout
        #expect(followUp.contains("Mesures de la visite suivie 2026-001") && followUp.contains("  M1  levée"))
        #expect(status.contains("Observations : 14 — visite-guidee 2, observation-passive 2, entretien 6, parcours 2, atelier 2"))
        #expect(try Run(["journey", "show", "2026-001", "--db", db], in: f.directory).stdout.components(separatedBy: "! contrat-remis").count == 2)
        // The 2.0.0 journey rules, as the demo shows them: nothing due after an exit in 2024, no signature for a DIPC.
        let left = try Run(["journey", "show", "2026-002", "--resident", "R08", "--db", db], in: f.directory).stdout
        #expect(left.hasPrefix("R08  (sortie le 2024-10-21 : rien n'est dû après)") && !left.contains("✘"))
        let dipc = try Run(["journey", "show", "2026-005", "--resident", "R13", "--db", db], in: f.directory).stdout
        #expect(dipc.contains("✔ dipc") && dipc.contains("· contrat-signe"))
        let report = try String(contentsOf: out.appendingPathComponent("restitution-2026-001.md"), encoding: .utf8)
        #expect(report.hasPrefix("# Restitution — CHRS Les Tilleuls (fictif)"))
        #expect(report.contains("## Ce que la grille de contrôle ne regarde pas"))
        // Écarts and remarques, numbered, for the under-25 CHRS; its evaluation asks the under-25 criteria, not the RSA ones.
        #expect(report.contains("## Constats du contrôle : écarts et remarques") && report.contains("\n- E1 — ") && report.contains("\n- R1 — "))
        let compare = try Run(["compare", "2026-001", "--db", db, "--format", "csv"], in: f.directory).stdout
        let rows = compare.split(separator: "\n")
        #expect(rows.first { $0.contains(",AD-12,") }?.contains(",non,1,non,,") == true, "the RSA criterion does not apply to under-25s")
        #expect(rows.first { $0.contains(",AD-19,") }?.contains(",non,1,oui,") == true, "the contrat d'engagement jeune criterion does")
        if Clients.openpyxl || Clients.required {
            let python = try #require(Clients.openpyxl ? Clients.which("python3") : nil, "openpyxl is required (REGARDS_REQUIRE_CLIENTS=1)")
            for file in files where file.hasSuffix(".xlsx") {
                let read = try Clients.run(python, [Run.root.appendingPathComponent("Tests/Support/read_workbook.py").path, out.appendingPathComponent(file).path])
                #expect(read.status == 0, "\(file): \(read.stderr)")
                #expect(read.stdout.contains("\"warnings\": []"), "\(file)")
            }
        }
        if Clients.soffice != nil || Clients.required {
            let soffice = try #require(Clients.soffice, "LibreOffice is required (REGARDS_REQUIRE_CLIENTS=1)")
            for file in files where file.hasSuffix(".xlsx") {
                let pdf = try Clients.run(soffice, ["--headless", "--convert-to", "pdf", "--outdir", f.directory.appendingPathComponent("pdf").path, out.appendingPathComponent(file).path])
                #expect(pdf.status == 0, "\(file): \(pdf.stderr)")
                let name = file.replacingOccurrences(of: ".xlsx", with: ".pdf")
                let size = (try? FileManager.default.attributesOfItem(atPath: f.directory.appendingPathComponent("pdf/\(name)").path)[.size] as? NSNumber)?.intValue ?? 0
                #expect(size > 10_000, "\(file) did not render")
            }
        }
    }

    /// Running the demo again into the same folder rebuilds the same campaign (its workspace is replaced).
    @Test func demoRunsAgain() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("demo").path
        try FileManager.default.copyItem(at: try Demo.folder(), to: URL(fileURLWithPath: out))
        let run = try Run(["demo", "--out", out], in: directory)
        #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
        #expect(run.stdout.contains("Conforme mais insatisfaisant : "))
        #expect(try Run(["visit", "list", "--db", "\(out)/demo.sqlite", "--format", "csv"], in: directory).lines.count == 7)
    }
}
