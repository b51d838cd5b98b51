import ArgumentParser
import RegardsCore

// MARK: - action

extension Messages {
    static var actionAbstract: String {
        tr("Les pistes d'amélioration convenues avec l'établissement.", "Improvement paths (pistes d'amélioration) agreed with the establishment.")
    }
    static var actionAddAbstract: String { tr("Ajouter une piste d'amélioration.", "Add an improvement path.") }
    static var actionTitleHelp: ArgumentHelp { ArgumentHelp(tr("Ce qui sera fait.", "What will be done.")) }
    static var actionFromHelp: ArgumentHelp {
        ArgumentHelp(tr("Ajouter plusieurs pistes : un fichier CSV aux colonnes title,owner,due,criteria,status (critères séparés par `;`), tout ou rien.",
                        "Add many actions: a CSV file with the columns title,owner,due,criteria,status (criteria separated by `;`), all or nothing."),
                     valueName: "FILE.csv")
    }
    static var actionOwnerHelp: ArgumentHelp { ArgumentHelp(tr("Qui la porte.", "Who carries it.")) }
    static var actionDueHelp: ArgumentHelp { ArgumentHelp(tr("Son échéance (YYYY-MM-DD).", "By when (YYYY-MM-DD).")) }
    static var actionCriteriaHelp: ArgumentHelp {
        ArgumentHelp(tr("Les critères auxquels elle répond, séparés par des virgules.", "Criteria it answers, comma-separated."))
    }
    static var actionOneOrMany: String { tr("indiquez --title (une piste) ou --from FILE.csv", "give --title (one action) or --from FILE.csv") }
    static func actionsAdded(_ count: Int, visit: String) -> String {
        tr("\(count) piste(s) ajoutée(s) à la visite \(visit)", "\(count) action(s) added to visit \(visit)")
    }

    static var actionListAbstract: String {
        tr("Lister les pistes d'amélioration d'une visite, et les critères impératifs qui n'en ont pas encore.",
           "List a visit's improvement paths, and imperative criteria still without one.")
    }
    static func imperativesWithoutAction(_ criteria: String) -> String {
        tr("⚠ critères impératifs sous le niveau maximal sans piste : \(criteria)", "⚠ imperative criteria below the top level without a path: \(criteria)")
    }
    static func noAction(visit: String) -> String { tr("aucune piste pour la visite \(visit)", "no action for visit \(visit)") }

    static var actionSetAbstract: String { tr("Changer le statut d'une piste d'amélioration.", "Change the status of an improvement path.") }
    static var actionNumberHelp: ArgumentHelp { ArgumentHelp(tr("Le numéro de la piste (#1 …).", "The action's number (#1 …).")) }
    static var actionStatusHelp: ArgumentHelp { ArgumentHelp(tr("open, in-progress, done ou dropped", "open, in-progress, done or dropped")) }
    static func notAnActionNumber(_ text: String) -> String { tr("`\(text)` n'est pas un numéro de piste", "`\(text)` is not an action number") }
}

// MARK: - journey

extension Messages {
    static var journeyAbstract: String {
        tr("Retracer le parcours des personnes accueillies et le confronter aux délais.", "Trace residents' journeys and check them against the deadlines.")
    }
    static var journeyAddAbstract: String {
        tr("Enregistrer une étape datée du parcours d'une personne accueillie, ou une note sur une étape non faite (--not-done).",
           "Record a dated step of a resident's journey, or a note about a step not done (--not-done).")
    }
    static var journeyResidentHelp: ArgumentHelp {
        ArgumentHelp(tr("Le code de la personne accueillie (jamais un nom).", "The resident's code (never a name)."))
    }
    static var journeyStepHelp: ArgumentHelp { ArgumentHelp(tr("Une étape du modèle de parcours du protocole.", "A step of the protocol's journey template.")) }
    static var journeyFromHelp: ArgumentHelp {
        ArgumentHelp(tr("Enregistrer plusieurs étapes : un fichier CSV aux colonnes resident,step,date,note (une date vide : étape non faite, la note dit pourquoi), tout ou rien.",
                        "Record many entries: a CSV file with the columns resident,step,date,note (an empty date: not done, the note says why), all or nothing."),
                     valueName: "FILE.csv")
    }
    static var journeyDateHelp: ArgumentHelp { ArgumentHelp(tr("Quand elle a eu lieu (YYYY-MM-DD).", "When it happened (YYYY-MM-DD).")) }
    static var journeyNotDoneHelp: ArgumentHelp { ArgumentHelp(tr("L'étape n'a pas été faite ; --note dit pourquoi.", "The step was not done; --note says why.")) }
    static var journeyNoteHelp: ArgumentHelp {
        ArgumentHelp(tr("Une note (pourquoi une étape est en retard ou manque …).", "A note (why a step is late or missing …)."))
    }
    static var journeyOneOrMany: String { tr("indiquez --resident et --step, ou --from FILE.csv", "give --resident and --step, or --from FILE.csv") }
    static var journeyFromReplaces: String {
        tr("--from remplace --resident et --step ; indiquez l'un ou l'autre", "--from replaces --resident and --step; give one or the other")
    }
    static var noJourneyTemplate: String { tr("le protocole de la visite n'a pas de modèle de parcours", "the visit's protocol has no journey template") }
    static func journeyEntriesRecorded(_ count: Int, visit: String) -> String {
        tr("\(count) étape(s) de parcours enregistrée(s) pour la visite \(visit)", "\(count) journey entr(y/ies) recorded for visit \(visit)")
    }
    static var journeyDateOrNotDone: String { tr("indiquez --date, ou --not-done avec une --note", "give --date, or --not-done with a --note") }
    static var journeyDateExcludesNotDone: String { tr("--date et --not-done s'excluent", "--date and --not-done exclude each other") }
    /// In the line that confirms a step recorded without a date.
    static var journeyStepNotDone: String { tr("non fait", "not done") }

    static var journeyShowAbstract: String {
        tr("Les étapes, échéances et retards de chaque personne accueillie, et les totaux.", "Each resident's steps, deadlines and delays, and the totals.")
    }
    static var journeyOnlyResidentHelp: ArgumentHelp { ArgumentHelp(tr("Seulement cette personne accueillie.", "Only this resident.")) }
    static func noJourney(resident: String, visit: String) -> String {
        tr("aucun parcours pour `\(resident)` dans la visite \(visit)", "no journey for `\(resident)` in visit \(visit)")
    }
}

// MARK: - observe, observation

extension Messages {
    static var observeAbstract: String {
        tr("Enregistrer une observation (note de terrain) issue d'une méthode d'immersion.", "Record an observation (field note) from one immersion method.")
    }
    static var observeDiscussion: String {
        tr("Le texte vient de --text, de --file ou de l'entrée standard. Les participants sont des codes (R07, S02), jamais des noms.",
           "The text comes from --text, --file, or stdin. Participants are codes (R07, S02), never names.")
    }
    static var observeMethodHelp: ArgumentHelp {
        ArgumentHelp(tr("La méthode d'observation (une méthode du protocole d'évaluation).", "The observation method (a method of the evaluation protocol)."))
    }
    static var observeTextHelp: ArgumentHelp { ArgumentHelp(tr("La note.", "The note.")) }
    static var observeFromHelp: ArgumentHelp {
        ArgumentHelp(tr("Enregistrer plusieurs observations : un fichier CSV aux colonnes method,participant,role,criteria,theme,date,text (critères séparés par `;`), tout ou rien.",
                        "Record many observations: a CSV file with the columns method,participant,role,criteria,theme,date,text (criteria separated by `;`), all or nothing."),
                     valueName: "FILE.csv")
    }
    static var observeFileHelp: ArgumentHelp { ArgumentHelp(tr("Lire la note dans ce fichier.", "Read the note from this file.")) }
    static var observeParticipantHelp: ArgumentHelp { ArgumentHelp(tr("Le code du participant (jamais un nom).", "The participant's code (never a name).")) }
    static var observeRoleHelp: ArgumentHelp { ArgumentHelp(tr("resident, staff, partner ou other", "resident, staff, partner or other")) }
    static var observeCriteriaHelp: ArgumentHelp {
        ArgumentHelp(tr("Les critères qu'elle éclaire, séparés par des virgules.", "Criteria it informs, comma-separated."))
    }
    static var observeThemeHelp: ArgumentHelp { ArgumentHelp(tr("Un thème libre (repas, nuit …).", "A free theme (repas, nuit …).")) }
    static var observeDateHelp: ArgumentHelp {
        ArgumentHelp(tr("Date de l'observation (YYYY-MM-DD ; par défaut : aujourd'hui).", "When it was observed (YYYY-MM-DD; default: today)."))
    }
    static var observeOneOrMany: String { tr("indiquez --method (une observation) ou --from FILE.csv", "give --method (one observation) or --from FILE.csv") }
    static func observationsRecorded(_ count: Int, visit: String) -> String {
        tr("\(count) observation(s) enregistrée(s) pour la visite \(visit)", "\(count) observation(s) recorded for visit \(visit)")
    }
    /// `what`: the method, and the participant after a comma.
    static func observationRecorded(_ what: String) -> String { tr("observation enregistrée (\(what))", "observation recorded (\(what))") }
    static var observationPrompt: String { tr("Texte de l'observation (fin : Ctrl-D) :", "Observation text (end: Ctrl-D):") }

    static var observationAbstract: String { tr("Lister les observations d'une visite.", "List the observations of a visit.") }
    static var observationListAbstract: String {
        tr("Lister les observations d'une visite, de la plus ancienne à la plus récente.", "List a visit's observations, oldest first.")
    }
    static var observationCriteriaFilterHelp: ArgumentHelp {
        ArgumentHelp(tr("Seulement celles rattachées à l'un de ces critères (séparés par des virgules).",
                        "Only those tagged with one of these criteria (comma-separated)."))
    }
    static var observationMethodFilterHelp: ArgumentHelp { ArgumentHelp(tr("Seulement cette méthode.", "Only this method.")) }
    static func observationsListed(_ count: Int) -> String { tr("\(count) observation(s) listée(s)", "\(count) observation(s)") }
}
