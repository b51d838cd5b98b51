import RegardsCore
import RegardsTestSupport
import Testing

/// Which language the environment asks for, and how French is typeset.
@Suite struct LanguageTests {
    @Test(arguments: [
        ([:], Language.fr),
        (["LANG": "fr_FR.UTF-8"], .fr),
        (["LANG": "en_GB.UTF-8"], .en),
        (["LANG": "en_US"], .en),
        (["LANG": "C.UTF-8"], .fr),
        (["LANG": "de_DE.UTF-8"], .fr),
        (["LANG": "en_GB.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"], .fr),
        (["LANG": "fr_FR.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"], .en),
        (["LC_MESSAGES": "en_GB.UTF-8", "LC_ALL": "fr_FR.UTF-8"], .fr),
        (["LC_ALL": "en_IE.UTF-8", "LANG": "fr_FR.UTF-8"], .en),
        (["LC_ALL": "", "LANG": "en_GB.UTF-8"], .en),
        (["REGARDS_LANG": "fr", "LC_ALL": "en_GB.UTF-8"], .fr),
        (["REGARDS_LANG": "en", "LANG": "fr_FR.UTF-8"], .en),
        (["REGARDS_LANG": "EN"], .en),
        (["REGARDS_LANG": "", "LANG": "en_GB.UTF-8"], .en),
    ])
    func theEnvironmentChooses(variables: [String: String], language: Language) {
        #expect(Language.fromEnvironment { variables[$0] } == language)
    }

    @Test(arguments: [
        ("Codes de sortie : 0 succès", "Codes de sortie\u{A0}: 0 succès"),
        ("vouliez-vous dire `x` ?", "vouliez-vous dire `x`\u{A0}?"),
        ("refusé ; rien n'a été écrit !", "refusé\u{A0}; rien n'a été écrit\u{A0}!"),
        ("la réponse « non concerné »", "la réponse «\u{A0}non concerné\u{A0}»"),
        ("fichier:3:5: erreur : x", "fichier:3:5: erreur\u{A0}: x"),
        ("postgres://hôte/base?sslmode=require", "postgres://hôte/base?sslmode=require"),
        ("sans ponctuation", "sans ponctuation"),
    ])
    func frenchIsTypeset(written: String, shown: String) {
        #expect(French.typeset(written) == shown)
    }

    /// A value put into a message is never changed, only the catalogue's own words.
    @Test func interpolatedValuesAreKept() {
        let comment = "à voir : demain ; « urgent » ?"
        let text: French = "commentaire : \(comment) !"
        #expect(text.text == "commentaire\u{A0}: à voir : demain ; « urgent » ?\u{A0}!")
    }

    /// `tr` builds the chosen side only.
    @Test func onlyTheChosenSideIsBuilt() {
        final class Count: @unchecked Sendable { var french = 0, english = 0 }
        let count = Count()
        func french() -> French { count.french += 1; return "bonjour" }
        func english() -> String { count.english += 1; return "hello" }
        #expect(Language.$current.withValue(.en) { tr(french(), english()) } == "hello")
        #expect(Language.$current.withValue(.fr) { tr(french(), english()) } == "bonjour")
        #expect(count.french == 1 && count.english == 1)
    }

    /// A trait sets the language of a test whatever the machine's locale.
    @Test(.messages(.en)) func theTraitSetsTheLanguage() {
        #expect(Language.current == .en)
    }
}
