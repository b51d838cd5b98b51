import ArgumentParser
import RegardsCore

// MARK: - visit

extension Messages {
    static var visitAbstract: String {
        tr("Créer, lister et suivre les visites ; les faire passer d'une phase à l'autre ; les échanger, les récupérer depuis la base partagée de l'équipe et les y renvoyer.",
           "Create, list and follow visits; move them through their phases; exchange them, pull them from and push them to the team's store.")
    }
}

// MARK: - visit new

extension Messages {
    static var visitNewAbstract: String {
        tr("Commencer une visite, rattachée à ses protocoles (identifiant, version, empreinte du contenu et copie du texte).",
           "Start a visit, pinned to its protocols (id, version, content hash and a copy of the text).")
    }
    static var visitEstablishmentHelp: ArgumentHelp {
        ArgumentHelp(tr("Le nom de l'établissement (avec --follows : celui de la visite précédente).", "The establishment's name (with --follows: the earlier visit's)."))
    }
    static var visitFinessHelp: ArgumentHelp {
        ArgumentHelp(tr("Son numéro FINESS (9 caractères, vérifié ; avec --follows : celui de la visite précédente).",
                        "Its FINESS number (9 characters, checked; with --follows: the earlier visit's)."))
    }
    static var visitFollowsHelp: ArgumentHelp {
        ArgumentHelp(tr("La visite précédente du même établissement à laquelle celle-ci fait suite : ses pistes ouvertes sont reprises, ses mesures suivies.",
                        "The earlier visit of the same establishment this one follows up: its open actions are carried, its measures followed."))
    }
    static var visitIDHelp: ArgumentHelp { ArgumentHelp(tr("Identifiant de la visite (par défaut : ANNÉE-NNN).", "Visit id (default: YEAR-NNN).")) }
    static var visitStartHelp: ArgumentHelp { ArgumentHelp(tr("Premier jour sur place (YYYY-MM-DD).", "First day on site (YYYY-MM-DD).")) }
    static var visitEndHelp: ArgumentHelp { ArgumentHelp(tr("Dernier jour sur place (YYYY-MM-DD).", "Last day on site (YYYY-MM-DD).")) }
    static var visitInspectorsHelp: ArgumentHelp { ArgumentHelp(tr("Les inspecteurs, séparés par des virgules.", "Inspectors, comma-separated.")) }
    static var visitCampaignHelp: ArgumentHelp {
        ArgumentHelp(tr("La campagne à laquelle la visite appartient (une région, une année).", "Campaign the visit belongs to (a region, a year)."))
    }
    static var visitEvaluationHelp: ArgumentHelp {
        ArgumentHelp(tr("Protocole d'évaluation (ID, ID@VERSION ou fichier).", "Evaluation protocol (ID, ID@VERSION or file)."))
    }
    static var visitControlHelp: ArgumentHelp {
        ArgumentHelp(tr("Protocole de contrôle (par défaut : celui avec lequel le protocole d'évaluation se compare).",
                        "Control protocol (default: the one the evaluation protocol compares with)."))
    }
    static var visitContextHelp: ArgumentHelp {
        ArgumentHelp(tr("Une variable de contexte, NAME=VALUE (répétable), par exemple hebergement=diffus.",
                        "A context variable, NAME=VALUE (repeatable), e.g. hebergement=diffus."),
                     valueName: "NAME=VALUE")
    }
    static var visitNeedsEstablishment: String {
        tr("donnez --establishment et --finess (ou --follows VISITE)", "give --establishment and --finess (or --follows VISIT)")
    }
    static func badFiness(_ reason: String) -> String { tr("--finess : \(reason)", "--finess: \(reason)") }
    static func endBeforeStart(_ end: String, _ start: String) -> String {
        tr("--end \(end) est antérieur à --start \(start)", "--end \(end) is before --start \(start)")
    }
    static func badVisitID(_ id: String) -> String {
        tr("--id `\(id)` : utilisez des lettres, des chiffres, `.`, `_` ou `-`", "--id `\(id)`: use letters, digits, `.`, `_` or `-`")
    }
    static func visitExists(_ id: String, in workspace: String) -> String {
        tr("la visite `\(id)` existe déjà dans \(workspace)", "visit `\(id)` already exists in \(workspace)")
    }
    static func followUpStarted(_ visit: String, follows earlier: String, carried: Int, toCheck: Int) -> String {
        tr("visite \(visit), suite de \(earlier) : \(carried) piste(s) ouverte(s) reprise(s), \(toCheck) mesure(s) à vérifier (regards measure status \(visit))",
           "visit \(visit) follows \(earlier): \(carried) open action(s) carried, \(toCheck) measure(s) to check (regards measure status \(visit))")
    }
    /// `protocols`: `chrs-acces-aux-droits@2.0.0 + chrs-controle@2.0.0`.
    static func visitCreated(_ visit: String, in workspace: String, _ protocols: String, phase: String) -> String {
        tr("visite \(visit) créée dans \(workspace) : \(protocols), phase \(phase)", "visit \(visit) created in \(workspace): \(protocols), phase \(phase)")
    }
}

// MARK: - visit list, show, status, log, advance

extension Messages {
    static var visitListAbstract: String { tr("Lister les visites de l'espace de travail.", "List the visits of the workspace.") }
    static var visitListCampaignHelp: ArgumentHelp { ArgumentHelp(tr("Seulement les visites de cette campagne.", "Only the visits of this campaign.")) }
    static func noVisitListed(in workspace: String, campaign: String?) -> String {
        guard let campaign else { return tr("aucune visite dans \(workspace)", "no visit in \(workspace)") }
        return tr("aucune visite dans \(workspace) pour la campagne \(campaign)", "no visit in \(workspace) for campaign \(campaign)")
    }
    static var visitShowAbstract: String {
        tr("Afficher une visite : établissement, protocoles, contexte, réponses.", "Show a visit: establishment, protocols, context, answers.")
    }
    static var visitStatusAbstract: String {
        tr("Où en est une visite : phase, avancement, observations, parcours, pistes d'amélioration, ce qui bloque la phase suivante.",
           "Where a visit stands: phase, completion, observations, journeys, actions, what blocks the next phase.")
    }
    static var visitLogAbstract: String {
        tr("L'historique complet d'une visite, du plus ancien au plus récent (les réponses indépendantes des évaluateurs signalées comme telles).",
           "The whole audit trail of a visit, oldest first (the scorers' independent answers marked as such).")
    }
    static var visitLogCriterionHelp: ArgumentHelp { ArgumentHelp(tr("Seulement les réponses de ce critère.", "Only this criterion's answers.")) }
    static var visitAdvanceAbstract: String {
        tr("Faire passer une visite à sa phase suivante, ou expliquer, condition par condition, ce qui l'en empêche.",
           "Move a visit to its next phase, or explain, guard by guard, what blocks it.")
    }
    static var visitAdvanceDiscussion: String {
        tr("Code de sortie 0 quand la visite a changé de phase, 1 quand une condition bloque (chacune est expliquée).",
           "Exit 0 when the visit moved, 1 when a guard blocks (each one is explained).")
    }
    static var visitAdvanceToHelp: ArgumentHelp { ArgumentHelp(tr("La phase visée, quand plusieurs sont possibles.", "The phase to move to, when several are possible.")) }
    static var visitAdvanceOnHelp: ArgumentHelp {
        ArgumentHelp(tr("La date du rapport émis par cette phase (YYYY-MM-DD ; par défaut : aujourd'hui).",
                        "The date of the report this phase issues (YYYY-MM-DD; default: today)."))
    }
}

// MARK: - visit export, import, pull, push

extension Messages {
    static var visitExportAbstract: String {
        tr("Écrire un paquet JSON autonome d'une visite : réponses avec leur historique, observations, parcours, pistes d'amélioration, instantanés des protocoles.",
           "Write a self-contained JSON bundle of a visit: answers with their history, observations, journeys, actions, protocol snapshots.")
    }
    static var visitExportOutHelp: ArgumentHelp { ArgumentHelp(tr("Le paquet à écrire.", "The bundle to write."), valueName: "FILE.json") }
    static var visitExportAllowPersonalDataHelp: ArgumentHelp {
        ArgumentHelp(tr("Exporter même si des données personnelles repérées ne sont pas revues.", "Export even though personal-data findings are not reviewed."))
    }
    static func visitExported(_ visit: String, answers: Int, observations: Int, journeys: Int, actions: Int) -> String {
        tr("visite \(visit) : \(answers) événement(s) de réponse, \(observations) observation(s), \(journeys) entrée(s) de parcours, \(actions) piste(s)",
           "visit \(visit): \(answers) answer event(s), \(observations) observation(s), \(journeys) journey entr(y/ies), \(actions) action(s)")
    }
    static var visitImportAbstract: String {
        tr("Faire entrer un paquet de visite dans cet espace de travail ; une copie plus récente d'une visite déjà présente est fusionnée, les modifications en conflit signalées.",
           "Bring a visit bundle into this workspace; a newer copy of a visit already here is merged, conflicting edits reported.")
    }
    static var visitImportDiscussion: String {
        tr("Les deux côtés d'une modification en conflit sont gardés dans l'historique ; le plus récent fait foi comme réponse.",
           "Both sides of a conflicting edit are kept in the history; the later one is the current answer.")
    }
    static var visitImportFileHelp: ArgumentHelp { ArgumentHelp(tr("Le paquet (écrit par `visit export`).", "The bundle (written by `visit export`).")) }
    static var visitImportAsHelp: ArgumentHelp {
        ArgumentHelp(tr("Importer sous cet identifiant de visite (une copie à côté d'une autre visite de même identifiant).",
                        "Import under this visit id (a copy beside a different visit with the same id)."))
    }
    static func visitExistsHere(_ id: String) -> String { tr("la visite `\(id)` existe déjà ici", "visit `\(id)` already exists here") }

    static func sayWhichStore(_ option: String) -> String {
        tr("indiquez la base partagée avec \(option) postgres://… (ou définissez REGARDS_SERVER)", "say which store with \(option) postgres://… (or set REGARDS_SERVER)")
    }
    static var teamStoreHelp: ArgumentHelp {
        ArgumentHelp(tr("La base partagée de l'équipe : postgres://… ou une chaîne de mots-clés libpq (par défaut : $REGARDS_SERVER).",
                        "The team's store: postgres://… or a libpq keyword string (default: $REGARDS_SERVER)."),
                     valueName: "URL")
    }
    static var visitPullAbstract: String {
        tr("Copier une visite (avec les instantanés de ses protocoles) depuis la base partagée de l'équipe dans cet espace de travail, pour y travailler hors ligne.",
           "Copy a visit (with its protocol snapshots) from the team's store into this workspace, to work on it offline.")
    }
    static var visitPullDiscussion: String {
        tr("Récupérer à nouveau apporte ce que d'autres ont ajouté depuis ; une réponse modifiée des deux côtés est un conflit, gardé dans l'historique.",
           "Pulling again brings what others added since; an answer changed on both sides is a conflict, kept in the history.")
    }
    /// What to do when the workspace holds another visit under the same id.
    static var pullElsewhere: String {
        tr("récupérez-la dans un autre espace de travail (--db AUTRE.sqlite)", "pull it into another workspace (--db OTHER.sqlite)")
    }
    static var visitPushAbstract: String {
        tr("Renvoyer à la base partagée de l'équipe ce que cet espace de travail a ajouté à une visite, en une transaction.",
           "Send back to the team's store what this workspace added to a visit, in one transaction.")
    }
    static var visitPushDiscussion: String {
        tr("Les lignes sont identifiées par leur uid : pousser deux fois n'ajoute rien. Une réponse modifiée des deux côtés est un conflit, gardé dans l'historique.",
           "Rows are identified by their uid: pushing twice adds nothing. An answer changed on both sides is a conflict, kept in the history.")
    }
    /// What to do when the store holds another visit under the same id.
    static var pushElsewhere: String {
        tr("exportez-la (`visit export`) et importez-la là-bas à côté, avec --as NOUVEL-ID", "export it (`visit export`) and import it there beside with --as NEW-ID")
    }
}

// MARK: - visit advance

extension Messages {
    static func moveBlocked(_ target: String) -> String { tr("Passage à « \(target) » bloqué :", "Move to « \(target) » blocked:") }
    static func moved(visit: String, from: String, to: String) -> String { tr("Visite \(visit) : \(from) → \(to)", "Visit \(visit): \(from) → \(to)") }
}
