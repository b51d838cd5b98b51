import Foundation
import Testing
import RegardsTestSupport

/// `regards protocol review` on the demo campaign (five visits pinned to chrs-acces-aux-droits@2.0.0).
@Suite struct ProtocolReviewTests {
    static let header = "chrs-acces-aux-droits@2.0.0 — campagne demo-occitanie-2026 : 5 visites (2026-001, 2026-002, 2026-003, 2026-004, 2026-005), 68 critères"

    @Test func reviewsTheDemoCampaign() throws {
        let (f, _) = try Demo.copy()
        let run = try f.run("protocol", "review", "chrs-acces-aux-droits", "--campaign", "demo-occitanie-2026")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        #expect(run.lines.first == Self.header)
        #expect(run.lines.contains("  supprimer  AD-01         effet plafond : 4 des 5 niveaux donnés sont le plus haut (4), soit 80 % ; le critère ne distingue pas les établissements"))
        #expect(run.lines.contains { $0.hasPrefix("  fusionner  SO-01, SO-02  corrélation r = 1 sur 5 visites, même niveau sur 5 d'entre elles") })
        #expect(run.lines.contains { $0.hasPrefix("  scinder    ") && $0.contains("diverge de la grille de contrôle") })
        #expect(run.lines.contains { $0.hasPrefix("  reformuler ") })

        let csv = try f.run("protocol", "review", "chrs-acces-aux-droits", "--campaign", "demo-occitanie-2026", "--format", "csv")
        #expect(csv.lines.count == 69)
        #expect(csv.lines[0].hasPrefix("version,theme,criterion,title,imperative,visits,applies,level_1,level_2,level_3,level_4,scored,"))

        let control = try f.run("protocol", "review", "chrs-controle@2.0.0", "--campaign", "demo-occitanie-2026")
        #expect(control.status == 0)
        #expect(control.lines.contains { $0.hasPrefix("  scinder    CTL-AS-09") && $0.contains("diverge de la grille d'évaluation sur 5 des 5 visites comparées (100 %)") })
    }

    @Test func writesTheWorkbookAndTheNote() throws {
        let (f, _) = try Demo.copy()
        let xlsx = f.directory.appendingPathComponent("revue.xlsx").path, md = f.directory.appendingPathComponent("revue.md").path
        let run = try f.run("protocol", "review", "chrs-acces-aux-droits", "--campaign", "demo-occitanie-2026", "--xlsx", xlsx, "--md", md)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "\(xlsx)\n\(md)\n")
        #expect(run.stderr == "4 sheets: Synthèse, Critères, Propositions, Dictionnaire\n")
        let note = try String(contentsOfFile: md, encoding: .utf8)
        #expect(note.hasPrefix("# Revue des critères de chrs-acces-aux-droits — campagne demo-occitanie-2026\n"))
        #expect(note.contains("Elle ne modifie aucun protocole"))
        #expect(note.contains("### Critères à supprimer (ils ne distinguent pas les établissements)\n\n- **AD-01** « "))

        guard let book = try ClientBook.openpyxl(xlsx) else { return }
        let json = try f.run("protocol", "review", "chrs-acces-aux-droits", "--campaign", "demo-occitanie-2026", "--format", "json")
        try book.expectSame(try JSONDecoder().decode(ReportJSON.self, from: Data(json.stdout.utf8)))
    }

    @Test func badInput() throws {
        let (f, _) = try Demo.copy()
        let unknown = try f.run("protocol", "review", "chrs-acces-aux-droit", "--campaign", "demo-occitanie-2026")
        #expect(unknown.status == 66)
        #expect(unknown.stderr == "regards: error: no visit of campaign `demo-occitanie-2026` is pinned to protocol `chrs-acces-aux-droit`; its visits use chrs-acces-aux-droits, chrs-controle; did you mean `chrs-acces-aux-droits`?\n")
        let empty = try f.run("protocol", "review", "chrs-acces-aux-droits", "--campaign", "bretagne-2027")
        #expect(empty.status == 66)
        #expect(empty.stderr == "regards: error: no visit of campaign `bretagne-2027` in \(f.db); its campaigns: demo-occitanie-2026, demo-occitanie-2027\n")
        let version = try f.run("protocol", "review", "chrs-acces-aux-droits@1.0.0", "--campaign", "demo-occitanie-2026")
        #expect(version.status == 66)
        #expect(version.stderr == "regards: error: no visit of campaign `demo-occitanie-2026` is pinned to chrs-acces-aux-droits@1.0.0; its visits are pinned to chrs-acces-aux-droits@2.0.0 (5 visits)\n")
        let twice = try f.run("protocol", "review", "chrs-acces-aux-droits@1.0.0", "--campaign", "demo-occitanie-2026", "--version", "2.0.0")
        #expect(twice.status == 64)
        #expect(twice.stderr.hasPrefix("Error: `chrs-acces-aux-droits@1.0.0` and --version 2.0.0 name two versions\n"))
    }

    @Test func aCampaignPinnedToTwoVersionsIsReviewedVersionByVersion() throws {
        let (f, _) = try Demo.copy()
        let added = try f.run("visit", "new", "--id", "2026-099", "--establishment", "CHRS Ancien (fictif)", "--finess", "750712184", "--start", "2026-10-01",
                              "--campaign", "demo-occitanie-2026", "--evaluation", "chrs-acces-aux-droits@1.0.0", "--context", "hebergement=collectif",
                              "--protocols", Run.root.appendingPathComponent("Protocols").path)
        #expect(added.status == 0, "\(added.stderr)")
        try f.run("answer", "2026-099", "AC-10", "3")
        let run = try f.run("protocol", "review", "chrs-acces-aux-droits", "--campaign", "demo-occitanie-2026")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "the visits of `demo-occitanie-2026` are pinned to 2 versions of `chrs-acces-aux-droits`: chrs-acces-aux-droits@1.0.0 (1 visit), "
                + "chrs-acces-aux-droits@2.0.0 (5 visits); each version is reviewed on its own (--version V takes one)\n")
        #expect(run.lines.first?.hasPrefix("chrs-acces-aux-droits@1.0.0 — campagne demo-occitanie-2026 : 1 visite (2026-099), ") == true)
        #expect(run.lines.contains(Self.header))

        let xlsx = f.directory.appendingPathComponent("deux.xlsx").path
        let both = try f.run("protocol", "review", "chrs-acces-aux-droits", "--campaign", "demo-occitanie-2026", "--xlsx", xlsx)
        #expect(both.stderr.hasSuffix("6 sheets: Synthèse, Critères 1.0.0, Propositions 1.0.0, Critères 2.0.0, Propositions 2.0.0, Dictionnaire\n"))

        let one = try f.run("protocol", "review", "chrs-acces-aux-droits", "--campaign", "demo-occitanie-2026", "--version", "2.0.0")
        #expect(one.status == 0 && one.stderr.isEmpty)
        #expect(one.lines.first == Self.header)
    }
}
