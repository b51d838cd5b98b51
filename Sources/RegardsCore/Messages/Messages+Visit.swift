/// What the rules of a visit say: its context, the visit it follows, a visit brought from another
/// store, a value of a bundle that cannot be read.
extension Messages {
    // MARK: context

    static func contextNotAnAssignment(_ item: String) -> String {
        tr("--context `\(item)` : écrivez NAME=VALUE", "--context `\(item)`: write NAME=VALUE")
    }

    static func notAContextVariable(_ name: String, of reference: String, variables: String, hint: String?) -> String {
        tr("--context : `\(name)` n'est pas une variable de contexte de `\(reference)` (\(variables))\(String.hint(hint))",
           "--context: `\(name)` is not a context variable of `\(reference)` (\(variables))\(String.hint(hint))")
    }

    static func contextRefused(_ message: String, hint: String?) -> String {
        tr("--context : \(message)\(String.hint(hint))", "--context: \(message)\(String.hint(hint))")
    }

    static func notAChoice(_ text: String, variable: String, values: String) -> String {
        tr("`\(text)` n'est pas une valeur de `\(variable)` (\(values))", "`\(text)` is not a value of `\(variable)` (\(values))")
    }

    static func notYesOrNo(_ variable: String, _ text: String) -> String {
        tr("`\(variable)` vaut oui ou non, pas `\(text)`", "`\(variable)` is yes or no (oui/non), not `\(text)`")
    }

    static func notANumber(_ variable: String, _ text: String) -> String {
        tr("`\(variable)` est un nombre, pas `\(text)`", "`\(variable)` is a number, not `\(text)`")
    }

    // MARK: two visits of one establishment

    /// `option`: `--follows` or `--since`; `purpose`: why the establishment must be the same.
    private static func otherEstablishment(_ option: String, visit: String, finess: String, not other: String, _ purpose: String) -> String {
        tr("\(option) \(visit) : la visite \(visit) porte sur un autre établissement (FINESS \(finess), pas \(other)) ; \(purpose)",
           "\(option) \(visit): visit \(visit) is of another establishment (FINESS \(finess), not \(other)); \(purpose)")
    }

    static func followsOtherEstablishment(_ visit: String, finess: String, not other: String) -> String {
        otherEstablishment("--follows", visit: visit, finess: finess, not: other, tr("une visite de suivi porte sur le même", "a follow-up visit is of the same one"))
    }

    static func sinceOtherEstablishment(_ visit: String, finess: String, not other: String) -> String {
        otherEstablishment("--since", visit: visit, finess: finess, not: other, tr("l'évolution compare deux visites du même", "the evolution compares two visits of the same one"))
    }

    // MARK: a visit brought from another store

    static func differentVisit(_ id: String, _ otherwise: String) -> String {
        tr("la visite `\(id)` d'ici est une autre visite (autre établissement ou autre poste) ; \(otherwise)",
           "visit `\(id)` here is a different visit (another establishment or laptop); \(otherwise)")
    }

    static var importBeside: String { tr("importez-la à côté avec --as NEW-ID", "import it beside with --as NEW-ID") }

    /// `verb`: `imported`, `pulled` or `pushed`.
    static func transferred(_ verb: String) -> String {
        switch verb {
        case "pulled": tr("récupérée", "pulled")
        case "pushed": tr("envoyée", "pushed")
        default: tr("importée", "imported")
        }
    }

    static func visitTransferred(_ visit: String, verb: String, answers: Int, observations: Int, journeys: Int, actions: Int) -> String {
        tr("visite \(visit) \(transferred(verb)) : \(answers) événement(s) de réponse, \(observations) observation(s), \(journeys) entrée(s) de parcours, \(actions) piste(s)",
           "visit \(visit) \(transferred(verb)): \(answers) answer event(s), \(observations) observation(s), \(journeys) journey entr(y/ies), \(actions) action(s)")
    }

    static func nothingNew(_ visit: String, in source: String) -> String {
        tr("visite \(visit) : rien de nouveau dans \(source)", "visit \(visit): nothing new in \(source)")
    }

    static func visitMerged(_ visit: String, answers: Int, observations: Int, journeys: Int, actions: Int, phases: Int) -> String {
        tr("visite \(visit) fusionnée : \(answers) nouvel(s) événement(s) de réponse, \(observations) observation(s), \(journeys) entrée(s) de parcours, \(actions) piste(s), \(phases) changement(s) de phase",
           "visit \(visit) merged: \(answers) new answer event(s), \(observations) observation(s), \(journeys) journey entr(y/ies), \(actions) action(s), \(phases) phase change(s)")
    }

    static func transferConflict(_ conflict: String) -> String { tr("conflit : \(conflict)", "conflict: \(conflict)") }

    // MARK: values read from a bundle

    static func unreadableDate(_ text: String) -> String { tr("date invalide : \(text)", "not a date: \(text)") }

    static func unreadableAnswer(_ text: String) -> String { tr("réponse invalide : \(text)", "not an answer: \(text)") }

    static func unreadableEvidence(_ text: String) -> String { tr("`\(text)` n'est pas une preuve", "`\(text)` is not evidence") }
}
