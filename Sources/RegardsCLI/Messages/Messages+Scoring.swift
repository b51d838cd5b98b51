import ArgumentParser
import RegardsCore

// MARK: - agreement

extension Messages {
    static var agreementAbstract: String {
        tr("Double évaluation : à quel point les évaluateurs s'accordent, par critère, par thème et sur toute la grille.",
           "Double scoring: how much the scorers agree, per criterion, per theme and over the grid.")
    }
    static var agreementDiscussion: String {
        tr("""
        Pour une VISITE, ou sur les visites double-évaluées de --campaign C (deux au moins) : accord observé, kappa de Cohen \
        à pondération quadratique et son intervalle à 95 % (deux évaluateurs), alpha ordinal de Krippendorff, et le coefficient à lire. \
        « Non concerné », « non évalué » et les réponses manquantes sont écartés des chiffres, et comptés. Une campagne dont les visites \
        sont rattachées à plusieurs versions de la grille est mesurée version par version (--version V en prend une). Voir docs/agreement.md.
        """, """
        For one VISIT, or over the double-scored visits of --campaign C (two at least): observed agreement, Cohen's kappa \
        with quadratic weights and its 95 % interval (two scorers), Krippendorff's ordinal alpha, and the coefficient to read. \
        « Non concerné », « non évalué » and missing answers are left out of the figures and counted. A campaign pinned to \
        several versions of the grid is measured version by version (--version V takes one). See docs/agreement.md.
        """)
    }
    static var agreementVisitHelp: ArgumentHelp { ArgumentHelp(tr("L'identifiant de la visite (ou --campaign).", "The visit id (or --campaign).")) }
    static var agreementCampaignHelp: ArgumentHelp {
        ArgumentHelp(tr("La campagne dont les visites double-évaluées sont mesurées ensemble.", "The campaign whose double-scored visits are measured together."))
    }
    static var agreementVersionHelp: ArgumentHelp {
        ArgumentHelp(tr("Avec --campaign : seulement les visites rattachées à cette version de la grille.",
                        "With --campaign: only the visits pinned to this version of the grid."))
    }
    static var agreementFormatHelp: ArgumentHelp {
        ArgumentHelp(tr("text, csv ou json (sur la sortie standard), quand --xlsx n'est pas donné", "text, csv or json (to stdout), when --xlsx is not given"))
    }
    static var agreementVisitOrCampaign: String { tr("donnez une VISITE ou --campaign C", "give VISIT or --campaign C") }
    static var agreementVersionNeedsCampaign: String { tr("--version va avec --campaign", "--version goes with --campaign") }
    static var agreementFormats: String { tr("--format vaut text, csv ou json", "--format is text, csv or json") }
}

// MARK: - reconcile

extension Messages {
    static var reconcileAbstract: String {
        tr("Double évaluation : enregistrer la réponse de consensus des évaluateurs dans les réponses de la visite.",
           "Double scoring: record the consensus answer of the scorers into the visit's own answers.")
    }
    static var reconcileDiscussion: String {
        tr("""
        Sans CRITÈRE, liste chaque critère de la grille avec la réponse de chaque évaluateur et ce qui reste à réconcilier. \
        Avec CRITÈRE VALEUR --reason TEXTE, enregistre VALEUR comme réponse de la visite, en gardant la réponse de chaque évaluateur sur cette ligne d'historique ; \
        chaque évaluateur doit avoir répondu au critère. Avec --agreed, enregistre d'un coup chaque critère auquel tous les évaluateurs ont répondu de la même façon. \
        Les évaluations elles-mêmes ne sont jamais modifiées : `regards agreement` les mesure toujours.
        """, """
        Without CRITERION, lists each criterion of the grid with every scorer's answer and what is left to reconcile. \
        With CRITERION VALUE --reason TEXT, records VALUE as the visit's answer, keeping every scorer's answer on that history row; \
        each scorer must have answered the criterion. With --agreed, records at once every criterion all scorers answered alike. \
        The scorings themselves are never changed: `regards agreement` still measures them.
        """)
    }
    static var reconcileCriterionHelp: ArgumentHelp { ArgumentHelp(tr("Le critère à réconcilier.", "The criterion to reconcile.")) }
    static var reconcileValueHelp: ArgumentHelp {
        ArgumentHelp(tr("La réponse de consensus (le numéro ou le libellé d'un niveau, `nc` ou `nv`).", "The consensus answer (a level's number or label, `nc` or `nv`)."))
    }
    static var reconcileGridHelp: ArgumentHelp {
        ArgumentHelp(tr("evaluation ou control (par défaut : la grille du critère, sinon evaluation).", "evaluation or control (default: the criterion's grid, else evaluation)."))
    }
    static var reconcileReasonHelp: ArgumentHelp {
        ArgumentHelp(tr("Pourquoi cette réponse (gardé dans l'historique) ; obligatoire avec CRITÈRE VALEUR.",
                        "Why this answer (kept in the history); required with CRITERION VALUE."))
    }
    static var reconcileCommentHelp: ArgumentHelp { ArgumentHelp(tr("Un commentaire sur la réponse de consensus.", "A comment on the consensus answer.")) }
    static var reconcileAgreedHelp: ArgumentHelp {
        ArgumentHelp(tr("Enregistrer chaque critère auquel tous les évaluateurs ont répondu de la même façon.", "Record every criterion all scorers answered alike."))
    }
    static var reconcileCriterionAndValue: String { tr("donnez CRITÈRE et VALEUR ensemble", "give CRITERION and VALUE together") }
    static var reconcileAgreedAlone: String {
        tr("--agreed réconcilie chaque critère concordant ; donnez-le sans CRITÈRE VALEUR", "--agreed reconciles every agreed criterion; give it without CRITERION VALUE")
    }
    static var reconcileReasonRequired: String {
        tr("--reason est obligatoire : dites pourquoi les évaluateurs se sont accordés sur cette réponse", "--reason is required: say why the scorers settled on this answer")
    }
    static func consensusRecorded(_ count: Int, visit: String) -> String {
        tr("\(count) réponse(s) de consensus enregistrée(s) pour la visite \(visit) (critères auxquels tous les évaluateurs ont répondu de la même façon)",
           "\(count) consensus answer(s) recorded for visit \(visit) (criteria all scorers answered alike)")
    }
}
