// What the core says of the values and files a person types and imports: a refused file and its
// rows, CSV syntax, the columns of an answer file or a file of records, dates, periods, pseudonym
// codes, FINESS numbers, visit bundles and their merge.

extension Messages {
    // MARK: - Punctuation of a message

    /// `; did you mean `x`?` after a message, or nothing (in French, a space before the semicolon).
    static func hintSuffix(_ hint: String?) -> String {
        guard let hint else { return "" }
        return Language.current == .fr ? "\(French.space); \(hint)" : "; \(hint)"
    }

    // MARK: - A file refused whole

    /// `line 12: MESSAGE`
    static func rowProblem(line: Int, _ message: String) -> String {
        tr("ligne \(line) : \(message)", "line \(line): \(message)")
    }

    /// `FILE:LINE: error: MESSAGE`, one bad row of a refused file (`place` is `FILE:LINE` or `FILE:SHEET!CELL`).
    static func badRow(_ place: String, _ message: String) -> String {
        tr("\(place): erreur : \(message)", "\(place): error: \(message)")
    }

    static func moreBadRows(_ path: String, _ count: Int) -> String {
        tr("\(path) : … et \(count) autre(s) ligne(s) invalide(s)", "\(path): … and \(count) more bad row(s)")
    }

    static func fileRefused(_ path: String, badRows count: Int) -> String {
        tr("\(path) : \(count) ligne(s) invalide(s) ; rien n'a été écrit", "\(path): \(count) bad row(s); nothing was written")
    }

    // MARK: - CSV syntax

    static var csvQuoteInsideField: String {
        tr("un guillemet dans un champ sans guillemets ; mettez tout le champ entre guillemets et doublez le guillemet",
           "a quote inside an unquoted field; quote the whole field and double the quote")
    }

    static var csvTextAfterQuote: String {
        tr("du texte après un guillemet fermant ; un champ entre guillemets doit s'arrêter à une virgule ou à la fin de la ligne",
           "text after a closing quote; a quoted field must end at a comma or the end of the line")
    }

    static var csvUnclosedQuote: String {
        tr("un champ entre guillemets n'est pas fermé avant la fin du fichier", "a quoted field is not closed before the end of the file")
    }

    static var csvEmpty: String {
        tr("le fichier est vide ; une ligne d'en-tête est attendue", "the file is empty; expected a header row")
    }

    // MARK: - Columns and rows of an imported file

    static func unknownColumn(_ name: String, hint: String?, expected: String) -> String {
        tr("colonne inconnue `\(name)`\(hintSuffix(hint)) (colonnes attendues : \(expected))",
           "unknown column `\(name)`\(hintSuffix(hint)) (expected: \(expected))")
    }

    static func duplicateColumn(_ name: String) -> String {
        tr("la colonne `\(name)` figure deux fois", "column `\(name)` appears twice")
    }

    static func missingColumn(_ name: String, expected: String) -> String {
        tr("colonne `\(name)` manquante (colonnes attendues : \(expected))", "missing column `\(name)` (expected: \(expected))")
    }

    static func missingColumn(_ name: String) -> String {
        tr("colonne `\(name)` manquante", "missing column `\(name)`")
    }

    static func fieldCount(_ count: Int, header: Int) -> String {
        tr("\(count) champ(s) alors que l'en-tête en a \(header)", "\(count) field(s) where the header has \(header)")
    }

    // MARK: - An answer file

    static func gridIsNeither(_ typed: String) -> String {
        tr("la grille `\(typed)` n'est ni `evaluation` ni `control`", "grid `\(typed)` is neither `evaluation` nor `control`")
    }

    static var emptyCriterion: String { tr("critère vide", "empty criterion") }

    static func emptyValue(_ criterion: String) -> String {
        tr("valeur vide pour \(criterion)", "empty value for \(criterion)")
    }

    static func alreadyAnswered(_ criterion: String, line: Int) -> String {
        tr("\(criterion) a déjà une réponse à la ligne \(line)", "\(criterion) is already answered on line \(line)")
    }

    static var emptyVisit: String { tr("visite non renseignée", "empty visit") }

    // MARK: - Dates and periods

    /// `January` … `December`.
    static func monthName(_ month: Int) -> String {
        let names = tr("janvier,février,mars,avril,mai,juin,juillet,août,septembre,octobre,novembre,décembre",
                       "January,February,March,April,May,June,July,August,September,October,November,December")
        return String(names.split(separator: ",")[month - 1])
    }

    static func dateEmpty(_ label: String) -> String {
        tr("\(label) est vide ; écrivez YYYY-MM-DD (par exemple 2026-12-31)", "\(label) is empty; write YYYY-MM-DD (e.g. 2026-12-31)")
    }

    static func dayDoesNotExist(_ label: String, _ typed: String, month: Int, year: Int, days: Int) -> String {
        tr("\(label) : `\(typed)` n'existe pas : \(monthName(month)) \(year) compte \(days) jours",
           "\(label): `\(typed)` does not exist: \(monthName(month)) \(year) has \(days) days")
    }

    static func dayFirstDate(_ label: String, _ typed: String, meant date: CalendarDate) -> String {
        tr("\(label) : `\(typed)` n'est pas une date de la forme YYYY-MM-DD ; vouliez-vous dire `\(date)` ?",
           "\(label): `\(typed)` is not a date in the YYYY-MM-DD form; did you mean `\(date)`?")
    }

    static func notADate(_ label: String, _ typed: String) -> String {
        tr("\(label) : `\(typed)` n'est pas une date ; écrivez YYYY-MM-DD (par exemple 2026-12-31)",
           "\(label): `\(typed)` is not a date; write YYYY-MM-DD (e.g. 2026-12-31)")
    }

    static func notAPeriod(_ label: String, _ typed: String) -> String {
        tr("\(label) : `\(typed)` n'est pas une durée ; écrivez un nombre et une unité, par exemple `3 mois` ou `15 jours`",
           "\(label): `\(typed)` is not a period; write a number and a unit, e.g. `3 mois` or `15 jours`")
    }

    static func unknownPeriodUnit(_ label: String, _ typed: String) -> String {
        tr("\(label) : l'unité de `\(typed)` est inconnue ; écrivez `mois`, `semaines` ou `jours`, par exemple `3 mois`",
           "\(label): `\(typed)` has no known unit; write `mois`, `semaines` or `jours`, e.g. `3 mois`")
    }

    // MARK: - Observations, journey entries and actions

    static var pseudonymRule: String {
        tr("utilisez un code qui contient au moins un chiffre (R07, S02 ; lettres, chiffres, `-`, `_`, 16 au plus), jamais un nom",
           "use a code with at least one digit (R07, S02; letters, digits, `-`, `_`, at most 16), never a name")
    }

    static func notAPseudonym(_ label: String, _ typed: String) -> String {
        Language.labelled("\(label) `\(typed)`", pseudonymRule)
    }

    static func notAMethod(_ typed: String, methods: [String], hint: String?) -> String {
        tr("`\(typed)` n'est pas une méthode d'observation de cette visite (\(methods.joined(separator: ", ")))\(hintSuffix(hint))",
           "`\(typed)` is not an observation method of this visit (\(methods.joined(separator: ", ")))\(hintSuffix(hint))")
    }

    static var emptyObservation: String { tr("l'observation est vide", "the observation is empty") }

    static func notARole(_ label: String, _ typed: String) -> String {
        tr("\(label) `\(typed)` n'est pas `resident`, `staff`, `partner` ou `other`", "\(label) `\(typed)` is not resident, staff, partner or other")
    }

    static func notAStep(_ typed: String, steps: [String], hint: String?) -> String {
        tr("`\(typed)` n'est pas une étape du parcours (\(steps.joined(separator: ", ")))\(hintSuffix(hint))",
           "`\(typed)` is not a journey step (\(steps.joined(separator: ", ")))\(hintSuffix(hint))")
    }

    static var notDoneNeedsNoteOption: String {
        tr("--not-done demande --note pour dire pourquoi", "--not-done needs --note to say why")
    }

    static var notDoneNeedsNoteColumn: String {
        tr("une étape sans date (non réalisée) demande une note qui dit pourquoi", "a step without a date (not done) needs a note saying why")
    }

    static var emptyTitle: String { tr("titre vide", "empty title") }

    static func notAnActionStatus(_ label: String, _ typed: String) -> String {
        tr("\(label) `\(typed)` n'est pas `open`, `in-progress`, `done` ou `dropped`", "\(label) `\(typed)` is not open, in-progress, done or dropped")
    }

    // MARK: - FINESS numbers

    static var finessEmpty: String { tr("le numéro FINESS est vide", "the FINESS number is empty") }

    static func finessLength(_ typed: String, _ count: Int) -> String {
        tr("un numéro FINESS compte 9 caractères, `\(typed)` en compte \(count)", "a FINESS number has 9 characters, `\(typed)` has \(count)")
    }

    static func finessNotADigit(_ typed: String, _ character: String) -> String {
        tr("`\(typed)` contient `\(character)` là où un chiffre est attendu (seuls les numéros corses commencent par 2A ou 2B)",
           "`\(typed)` has `\(character)` where a digit is expected (only Corsican numbers start with 2A or 2B)")
    }

    static var finessCorsicanKey: String {
        tr("la clé de contrôle d'un numéro FINESS corse n'a pas pu être vérifiée", "the check key of a Corsican FINESS number could not be verified")
    }

    static func finessWrongKey(_ typed: String, expected: String) -> String {
        tr("la clé de contrôle de `\(typed)` est fausse : le dernier chiffre devrait être \(expected) (Luhn)",
           "the check key of `\(typed)` is wrong: the last digit should be \(expected) (Luhn)")
    }

    // MARK: - Visit bundles

    static func bundleNotJSON(_ path: String) -> String {
        tr("\(path) : ce n'est pas un paquet de visite JSON (JSON tronqué ou endommagé)", "\(path): not a JSON visit bundle (truncated or damaged JSON)")
    }

    static func bundleNotRegards(_ path: String) -> String {
        tr("\(path) : ce n'est pas un paquet de visite Regards", "\(path): not a Regards visit bundle")
    }

    static func bundleNewerSchema(_ path: String, _ schema: String, readsUpTo supported: Int) -> String {
        tr("\(path) : le schéma de paquet \(schema) a été écrit par une version plus récente de Regards (celle-ci lit jusqu'au schéma \(supported))",
           "\(path): bundle schema \(schema) was written by a newer Regards (this one reads up to \(supported))")
    }

    static func bundleMissingKey(_ path: String, _ key: String) -> String {
        tr("\(path) : `\(key)` manquant", "\(path): missing `\(key)`")
    }

    static func bundleCorrupt(_ path: String, _ detail: String, at key: String) -> String {
        tr("\(path) : \(detail) à `\(key)`", "\(path): \(detail) at `\(key)`")
    }

    static func bundleWrongType(_ path: String, at key: String) -> String {
        tr("\(path) : type incorrect à `\(key)`", "\(path): wrong type at `\(key)`")
    }

    static func bundleInvalid(_ path: String) -> String {
        tr("\(path) : ce n'est pas un paquet de visite valide", "\(path): not a valid visit bundle")
    }

    static func bundleSnapshotEdited(_ path: String, _ snapshot: String) -> String {
        tr("\(path) : l'instantané du protocole `\(snapshot)` ne correspond pas à son empreinte (modifié après l'export ?)",
           "\(path): the protocol snapshot `\(snapshot)` does not match its hash (edited after export?)")
    }

    static func bundleScorerInAnswers(_ path: String, index: Int) -> String {
        tr("\(path) : `answers[\(index)]` a un évaluateur : les réponses d'un évaluateur vont dans `scorings`",
           "\(path): `answers[\(index)]` has a scorer: a scorer's answers belong in `scorings`")
    }

    static func bundleSnapshotMissing(_ path: String, _ pin: String) -> String {
        tr("\(path) : l'instantané de `\(pin)` manque", "\(path): the snapshot of `\(pin)` is missing")
    }

    /// ` (scored by X)` after a criterion whose conflict is in an independent scoring.
    static func scoredBy(_ scorer: String) -> String {
        tr(" (évaluation indépendante de \(scorer))", " (scored by \(scorer))")
    }

    /// An answer changed on both sides of a merge; `retiré` is how a withdrawn answer's code is shown.
    static func mergeConflict(_ criterion: String, here: String, hereBy: String, hereAt: String, there: String, thereBy: String, thereAt: String,
                              kept: String) -> String {
        tr("\(criterion) : \(here) ici (\(hereBy), \(hereAt)), \(there) dans le paquet (\(thereBy), \(thereAt)) ; les deux réponses sont gardées dans l'historique, la plus récente (\(kept)) est celle en vigueur",
           "\(criterion): \(here) here (\(hereBy), \(hereAt)), \(there) in the bundle (\(thereBy), \(thereAt)); both kept in the history, the later one (\(kept)) is current")
    }
}
