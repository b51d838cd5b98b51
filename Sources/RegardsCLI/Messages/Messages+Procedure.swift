import ArgumentParser
import RegardsCore

// MARK: - Shared by finding and measure

extension Messages {
    static var procedureReasonHelp: ArgumentHelp {
        ArgumentHelp(tr("Pourquoi (gardé dans l'historique ; obligatoire une fois le rapport provisoire émis).",
                        "Why (kept in the history; required once the provisional report is issued)."))
    }
}

// MARK: - finding

extension Messages {
    static var findingAbstract: String {
        tr("Les constats de l'inspection : écarts, remarques et bonnes pratiques à valoriser.",
           "The inspection's findings: écarts, remarques and good practice to value.")
    }
    static var findingDiscussion: String {
        tr("Les constats sont numérotés E1…, R1…, BP1… Avant le rapport provisoire, les numéros suivent les constats encore retenus ; le rapport les fige, et un constat retiré ensuite garde son numéro, signalé comme retiré.",
           "Findings are numbered E1…, R1…, BP1… Before the provisional report the numbers follow the findings still counted; the report freezes them, and a finding dropped after it keeps its number, shown as withdrawn.")
    }
    static var findingKindHelp: ArgumentHelp { ArgumentHelp(tr("ecart, remarque ou bonne-pratique", "ecart, remarque or bonne-pratique")) }
    static var findingFactHelp: ArgumentHelp {
        ArgumentHelp(tr("Le fait constaté, dans les termes du rapport (jamais un nom).", "The fact observed, in the report's words (never a name)."))
    }
    static var findingCriterionHelp: ArgumentHelp {
        ArgumentHelp(tr("Le critère sur lequel il a été relevé ; pour un point de contrôle, ses références sont reprises, et sa réponse comme élément de preuve.",
                        "The criterion it was found on; for a control item its references are taken, and its answer as evidence."))
    }
    static var findingReferenceHelp: ArgumentHelp {
        ArgumentHelp(tr("Un texte sur lequel il se fonde (répéter l'option pour plusieurs ; remplace ceux du point de contrôle).",
                        "A text it rests on (repeat the option for several; replaces the item's)."))
    }
    static var findingEvidenceHelp: ArgumentHelp {
        ArgumentHelp(tr("Les éléments de preuve, séparés par des virgules : un identifiant de critère (CTL-DU-08), un numéro d'observation (#3), une étape de parcours (R07/admission).",
                        "Evidence, comma-separated: a criterion id (CTL-DU-08), an observation number (#3), a journey step (R07/admission)."))
    }
    static var findingLabelHelp: ArgumentHelp { ArgumentHelp(tr("Le constat (E1, R2, BP1).", "The finding (E1, R2, BP1).")) }

    static var findingAddAbstract: String { tr("Enregistrer un constat.", "Record a finding.") }
    static var findingEditAbstract: String { tr("Modifier un constat (l'historique garde chaque version).", "Change a finding (the history keeps every version).") }
    static var findingDropAbstract: String {
        tr("Retirer un constat (après le rapport provisoire, il garde son numéro).", "Withdraw a finding (after the provisional report it keeps its number).")
    }
    static func findingWithdrawn(_ label: String) -> String { tr("\(label) retiré", "\(label) withdrawn") }

    static var findingListAbstract: String {
        tr("Lister les constats d'une visite dans l'ordre du rapport, et les écarts encore sans mesure.",
           "List a visit's findings in report order, and écarts still without a measure.")
    }
    static func ecartsWithoutMeasure(_ labels: String) -> String { tr("⚠ écarts sans mesure : \(labels)", "⚠ écarts without a measure: \(labels)") }
    static func noFinding(visit: String) -> String {
        tr("aucun constat pour la visite \(visit) ; regards finding suggest \(visit) en propose à partir des réponses",
           "no finding for visit \(visit); regards finding suggest \(visit) proposes some from the answers")
    }

    static var findingSuggestAbstract: String {
        tr("Proposer des constats à partir des réponses de la visite ; n'enregistrer que ceux qui sont acceptés.",
           "Propose findings from the visit's answers; record only those accepted.")
    }
    static var findingSuggestDiscussion: String {
        tr("Propose chaque point de contrôle répondu sous son niveau maximal (un écart sur un texte opposable, une remarque sur une bonne pratique) et les critères d'évaluation que les personnes accueillies jugent au niveau le plus bas alors que la grille de contrôle les trouve conformes. Rien n'est enregistré sans --accept.",
           "Proposes every control item answered below its top level (an écart on an enforceable text, a remarque on good practice) and the evaluation criteria the people accommodated judge at the lowest level while the control grid finds them conformant. Nothing is recorded without --accept.")
    }
    static var findingAcceptHelp: ArgumentHelp {
        ArgumentHelp(tr("Les propositions à enregistrer, par critère (séparés par des virgules), ou `all`.",
                        "The proposals to record, by criterion (comma-separated), or `all`."))
    }
    static func nothingToPropose(visit: String) -> String { tr("rien à proposer pour la visite \(visit)", "nothing to propose for visit \(visit)") }
    static func proposals(_ count: Int) -> String {
        tr("\(count) proposition(s) ; les enregistrer avec --accept CRITÈRE,… ou --accept all",
           "\(count) proposal(s); record them with --accept CRITERION,… or --accept all")
    }
}
