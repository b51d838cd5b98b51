import Foundation
import RegardsCore
@testable import RegardsProtocols
import Testing

/// The protocols shipped in `Protocols/` and the documents generated from them.
@Suite struct ShippedProtocolTests {
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
