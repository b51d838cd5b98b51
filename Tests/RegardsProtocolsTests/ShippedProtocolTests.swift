import Foundation
import RegardsCore
import RegardsTestSupport
@testable import RegardsProtocols
import Testing

/// The protocols shipped in `Protocols/` and the documents generated from them.
@Suite(.messages(.en)) struct ShippedProtocolTests {
    func repository() throws -> ProtocolRepository { try ProtocolRepository(directories: [Paths.protocols.path]) }

    @Test func validateWithoutErrorOrWarning() throws {
        let diagnostics = try repository().allDiagnostics()
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    }

    /// `docs/references.md` is what `regards protocol references` prints today.
    @Test func sourcesTableIsCurrent() throws {
        let expected = ReferenceIndex(try repository().latestGrids()).markdown(command: "regards protocol references")
        let actual = Paths.read(Paths.root.appendingPathComponent("docs/references.md"))
        #expect(actual == expected, "docs/references.md is out of date: run `regards protocol references > docs/references.md`")
    }

    @Test func sourcesTableListsEveryReferenceWithWhatCitesIt() throws {
        let grids = try repository().latestGrids()
        let index = ReferenceIndex(grids)
        for grid in grids {
            for (_, criterion) in grid.allCriteria {
                for reference in criterion.references {
                    let entry = index.entries.first { $0.reference == reference.trimmedSpaces }
                    #expect(entry?.citations.contains { $0.id == criterion.id && $0.protocol == grid.reference } == true, "\(reference) of \(criterion.id)")
                    if criterion.status == .aVerifier { #expect(entry?.status == .aVerifier) }
                }
            }
        }
        #expect(index.entries.map(\.reference) == ReferenceIndex(grids.reversed()).entries.map(\.reference), "the order does not depend on the files' order")
    }
}

@Suite struct ReferenceIndexTests {
    @Test func groupsSortsAndFlags() {
        let grid = AuditProtocol(id: "exemple", version: SemanticVersion(1, 0, 0), kind: .control, title: "Exemple", scales: [],
                                 sections: [Section(id: "CTL", title: "Contrôle", criteria: [
                                     Criterion(id: "CTL-01", title: "Premier", scale: "s", references: ["CASF L311-10", "HAS 3.14"]),
                                     Criterion(id: "CTL-02", title: "Second", scale: "s", references: ["CASF L311-4", "Décret 2022-688"], status: .aVerifier),
                                 ])])
        let index = ReferenceIndex([grid])
        #expect(index.entries.map(\.reference) == ["CASF L311-4", "CASF L311-10", "Décret 2022-688", "HAS 3.14"])
        #expect(index.entries.map(\.status) == [.aVerifier, .confirme, .aVerifier, .confirme])
        #expect(index.entries.map(\.namesArticle) == [true, true, false, false])
        let markdown = index.markdown(command: "regards protocol references")
        #expect(markdown.contains("| CASF L311-4 | a-verifier (CTL-02) | oui | exemple@1.0.0 : CTL-02 | Second |"))
        #expect(markdown.contains("## Lois, décrets, arrêtés, circulaires et instructions"))
        #expect(markdown.contains("4 références distinctes, dont 2 à vérifier."))
    }

    @Test(arguments: [("CASF L311-4", true), ("CASF D311", true), ("CASF D311, IX", true), ("Code du travail", false), ("Réglementation ERP (CCH)", false), ("Circ. DGAS/SD5 n° 2004-138 du 24 mars 2004", false), ("CASF D311-0-4", true), ("Arrêté du 8 septembre 2003, art. 8", true),
                      ("Décret 2022-688", false), ("CCH R441-14-1", true), ("Loi ELAN, article 125", true), ("HAS 3.14", false), ("CASF R*314-1", true)])
    func recognisesArticles(text: String, expected: Bool) {
        #expect(LegalReference.citesArticle(text) == expected)
    }
}

/// What the 2.0.0 protocols promise (issue: protocols an inspector can use), checked on the files.
@Suite struct ShippedProtocolContentTests {
    func grid(_ specifier: String) throws -> AuditProtocol {
        try #require(try ProtocolRepository(directories: [Paths.protocols.path]).sound(specifier).grid)
    }

    @Test func theEvaluationDiffListsEverySplitAndNeedsTheNewMajor() throws {
        let d = try ProtocolDiff(old: try grid("chrs-acces-aux-droits@1.0.0"), new: try grid("chrs-acces-aux-droits@2.0.0"))
        #expect(d.impact == .breaking && d.warnings.isEmpty)
        let splits = d.changes.filter { $0.kind == .split }.map(\.id)
        #expect(Set(splits) == ["AC-01", "AD-04", "AD-11", "DI-08", "VC-05"])
        #expect(d.changes.contains { $0.kind == .removed && $0.id == "PP-04" })
        #expect(d.changes.contains { $0.kind == .renamed && $0.old == "SO-03" })
        #expect(d.changes.contains { $0.subject == "journey" && $0.id == "exit" && $0.new == "sortie" })
    }

    @Test func everyControlItemSaysItsBasis() throws {
        let control = try grid("chrs-controle@2")
        #expect(control.allCriteria.allSatisfy { $0.criterion.basis != nil })
        for (_, item) in control.allCriteria where item.basis == .enforceable {
            #expect(item.references.contains(where: LegalReference.citesArticle), "\(item.id)")
        }
        #expect(control.criterion("CTL-DU-22")?.title.contains("contrat de séjour") == true)
    }

    @Test func underTwentyFivesAreAskedTheirOwnRightsAndNotTheRSA() throws {
        let evaluation = try grid("chrs-acces-aux-droits@2")
        let young: [String: Condition.Value] = ["public": .text("jeunes-moins-25-ans")], others: [String: Condition.Value] = ["public": .text("tout-public")]
        let forYoung = evaluation.allCriteria.map(\.criterion).filter { $0.applies(in: young) && !$0.applies(in: others) }
        for word in ["contrat d'engagement jeune", "mission locale", "fonds d'aide aux jeunes", "contrat jeune majeur"] {
            #expect(forYoung.contains { $0.title.lowercased().contains(word) }, "\(word)")
        }
        let rsa = evaluation.allCriteria.map(\.criterion).filter { $0.title.contains("RSA") }
        #expect(!rsa.isEmpty && rsa.allSatisfy { !$0.applies(in: young) && $0.applies(in: others) })
        #expect(evaluation.allCriteria.contains { $0.criterion.title.contains("MDPH") && $0.criterion.applies(in: young) && $0.criterion.applies(in: others) })
        for has in ["HAS 2.2.5", "HAS 3.13", "HAS 3.14"] {
            #expect(evaluation.allCriteria.contains { c in c.criterion.imperative && c.criterion.references.contains { $0.hasPrefix(has) } }, "\(has)")
        }
    }

    @Test func theJourneyStopsAtTheExitAndKnowsTheDIPC() throws {
        let journey = try #require(try grid("chrs-acces-aux-droits@2").journey)
        #expect(journey.exit == "sortie")
        #expect(journey.step("contrat-signe")?.unless == ["dipc"])
        #expect(journey.step("demande-prolongation")?.deadline?.before == "fin-decision")
        #expect(journey.step("decision-dalo")?.deadline?.monthsFrom == "delai-dalo-mois")
    }
}
