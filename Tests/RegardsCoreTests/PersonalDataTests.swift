import Testing
@testable import RegardsCore

@Suite struct PersonalDataScannerTests {
    let scanner = PersonalDataScanner()

    func kinds(_ text: String, _ s: PersonalDataScanner? = nil) -> [String] { (s ?? scanner).scan(text).map(\.kind.rawValue) }

    @Test(arguments: [
        ("Joindre R07 au 06 12 34 56 78 le soir.", "phone"),
        ("tel 06.12.34.56.78", "phone"),
        ("appel : +33 6 12 34 56 78", "phone"),
        ("+33 (0)1 45 67 89 10 standard", "phone"),
        ("0033612345678", "phone"),
        ("contact r.b75@laposte.net pour le suivi", "email"),
        ("NIR 1 85 05 78 006 084 91 noté au dossier", "nir"),
        ("sécu 185057800608491", "nir"),
        ("virement sur FR76 3000 6000 0112 3456 7890 189 demandé", "iban"),
        ("R12, née le 03/04/1999, arrivée en mars", "birthdate"),
        ("date de naissance : 2001-07-14", "birthdate"),
        ("né le 3 mars 1998", "birthdate"),
        ("hébergée chez sa sœur au 12 rue des Lilas", "address"),
        ("3 bis avenue Jean Jaurès, 31000 Toulouse", "address"),
        ("orientée vers 34000 Montpellier", "address"),
    ])
    func finds(text: String, kind: String) {
        #expect(kinds(text) == [kind], "\(text)")
    }

    @Test(arguments: [
        "FINESS 310784525, visite du 20/11/2026, article R345-4 et L311-3 7°.",
        "Montant 1 234,56 € ; 15000 Euros ; 80 h/mois ; 06 personnes présentes.",
        "sortie de rue, vivre à la rue, 2 places disponibles, la place du CVS",
        "SIRET 12345678901234, numéro 185057800608492 (clé fausse)",
        "admis en 2024, R07 a 23 ans, chambre 12, le 115 et le 3919",
        "critère HAS 3.11.1 ; échéance 2027-03-01 ; au 15 mars 2027",
        "FR76 3000 6000 0112 3456 7890 188 (checksum faux)",
        "écrire à la CAF ; www.service-public.fr",
    ])
    func ignoresLookAlikes(text: String) {
        #expect(kinds(text).isEmpty, "\(text): \(scanner.scan(text).map(\.excerpt))")
    }

    @Test func forbiddenWordsAreHashedAndCaseAndAccentFree() {
        let salt = "sel"
        let s = PersonalDataScanner(forbidden: [PersonalDataScanner.hash("Dupont", salt: salt), PersonalDataScanner.hash("jean-éric martin", salt: salt)], salt: salt)
        #expect(kinds("R07 (M. DUPONT) dit que…", s) == ["forbidden"])
        #expect(kinds("Jean-Eric Martin a refusé", s) == ["forbidden"])
        #expect(kinds("Martin seul n'est pas listé", s).isEmpty)
        #expect(!PersonalDataScanner.hash("Dupont", salt: salt).contains("upont"))
    }

    @Test func excerptsAreMasked() {
        let m = scanner.scan("Le numéro de R07 est le 06 12 34 56 78, à ne pas diffuser.")[0]
        #expect(m.excerpt == "Le numéro de R07 est le 0• •• •• •• ••, à ne pas diffuser.")
        #expect(m.offset == 24 && m.length == 14)
    }

    @Test func checksums() {
        #expect(PersonalDataScanner.validNIR("1 85 05 78 006 084 91"))
        #expect(!PersonalDataScanner.validNIR("1 85 05 78 006 084 92"))
        #expect(PersonalDataScanner.validIBAN("FR76 3000 6000 0112 3456 7890 189"))
        #expect(PersonalDataScanner.validIBAN("DE89370400440532013000"))
        #expect(!PersonalDataScanner.validIBAN("DE89370400440532013001"))
    }
}

@Suite struct PrivacyGateTests {
    @Test func refusesUnreviewedFindingsUnlessAllowed() {
        var r = Sample.record(history: [Sample.event("AC-01", .level(2))])
        r.history[0].comment = "joindre au 06 12 34 56 78"
        guard case .failure(let refusal) = PrivacyGate.check([r], allow: false) else { Issue.record("not refused"); return }
        #expect(refusal.count == 1 && refusal.open[0].hasPrefix("2026-001/") && refusal.open[0].hasSuffix("(numéro de téléphone)"))
        guard case .success(let allowed) = PrivacyGate.check([r], allow: true) else { Issue.record("refused"); return }
        #expect(allowed.unreviewed == 1 && allowed.stamp?.name == "donnees-personnelles")
        let id = r.privacyFindings(r.privacy)[0].id
        r.privacy.reviews[id] = .keep
        #expect(PrivacyGate.check([r], allow: false) == .success(PrivacyGate.Allowed(stamp: nil, unreviewed: 0)))
    }
}
