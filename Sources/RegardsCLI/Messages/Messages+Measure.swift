import ArgumentParser
import RegardsCore

// MARK: - measure

extension Messages {
    static var measureAbstract: String {
        tr("Les mesures qui découlent des constats : prescriptions, recommandations, injonctions, et leur suivi.",
           "The measures the findings lead to: prescriptions, recommandations, injonctions, and their follow-up.")
    }
    static var measureDiscussion: String {
        tr("Avant le rapport provisoire, chaque écart appelle une mesure. Entre le rapport provisoire et le rapport définitif, `answer` enregistre la réponse de l'organisme et `respond` la réponse des inspecteurs à un point contesté ; après la décision, `follow` enregistre où en est chaque mesure.",
           "Before the provisional report every écart needs a measure. Between the provisional and the definitive report, `answer` records the organisation's answer and `respond` the inspectors' response to a contested point; after the decision, `follow` records where each measure stands.")
    }
    static var measureKindHelp: ArgumentHelp { ArgumentHelp(tr("prescription, recommandation ou injonction", "prescription, recommandation or injonction")) }
    static var measureTextHelp: ArgumentHelp { ArgumentHelp(tr("Ce qui est demandé à l'organisme.", "What is asked of the organisation.")) }
    static var measureFindingsHelp: ArgumentHelp {
        ArgumentHelp(tr("Les constats auxquels elle répond, séparés par des virgules (E1,R2).", "The findings it answers, comma-separated (E1,R2)."))
    }
    static var measureDueHelp: ArgumentHelp { ArgumentHelp(tr("Son échéance (YYYY-MM-DD).", "Its deadline (YYYY-MM-DD).")) }
    static var measureWithinHelp: ArgumentHelp {
        ArgumentHelp(tr("Son échéance en délai compté à partir de la décision (`3 mois`, `15 jours`).",
                        "Its deadline as a period counted from the decision (`3 mois`, `15 jours`)."))
    }
    static var measureLabelHelp: ArgumentHelp { ArgumentHelp(tr("La mesure (M1).", "The measure (M1).")) }

    static var measureAddAbstract: String { tr("Enregistrer une mesure.", "Record a measure.") }
    static var measureEditAbstract: String { tr("Modifier une mesure (l'historique garde chaque version).", "Change a measure (the history keeps every version).") }
    static var measureDropAbstract: String { tr("Retirer une mesure.", "Withdraw a measure.") }

    static var measureAnswerAbstract: String {
        tr("Enregistrer la réponse de l'organisme à une mesure (procédure contradictoire).",
           "Record the organisation's answer to a measure (contradictory procedure).")
    }
    static var measurePositionHelp: ArgumentHelp { ArgumentHelp(tr("accepted ou contested", "accepted or contested")) }
    static var measureArgumentsHelp: ArgumentHelp {
        ArgumentHelp(tr("Les arguments de l'organisme (obligatoires s'il conteste).", "The organisation's arguments (required when it contests)."))
    }
    static var measurePlanHelp: ArgumentHelp { ArgumentHelp(tr("Le plan d'action auquel il s'engage.", "The action plan it commits to.")) }
    static var measureAnswerEvidenceHelp: ArgumentHelp { ArgumentHelp(tr("Les pièces qu'il a transmises.", "The documents it sent.")) }
    static var measureReceivedHelp: ArgumentHelp {
        ArgumentHelp(tr("Date de réception de la réponse (YYYY-MM-DD ; par défaut : aujourd'hui).", "When the answer was received (YYYY-MM-DD; default: today)."))
    }

    static var measureRespondAbstract: String {
        tr("Enregistrer la réponse des inspecteurs à une mesure contestée.", "Record the inspectors' response to a contested measure.")
    }
    static var measureDecisionHelp: ArgumentHelp { ArgumentHelp(tr("kept, changed ou withdrawn", "kept, changed or withdrawn")) }
    static var measureRespondReasonHelp: ArgumentHelp {
        ArgumentHelp(tr("Pourquoi (cela figure dans le rapport définitif).", "Why (it goes in the definitive report)."))
    }

    static var measureListAbstract: String {
        tr("Lister les mesures d'une visite avec les réponses de l'organisme et leur suivi.",
           "List a visit's measures with the organisation's answers and their follow-up.")
    }
    static func noMeasure(visit: String) -> String { tr("aucune mesure pour la visite \(visit)", "no measure for visit \(visit)") }
    static var measureStatusAbstract: String {
        tr("Où en est chaque mesure aujourd'hui : levée, en cours ou en retard (les retards d'abord).",
           "Where each measure stands today: lifted, in progress or overdue (the overdue first).")
    }

    static var measureSheetAbstract: String {
        tr("Écrire le tableau de suivi : une ligne par mesure, les colonnes de l'organisme (réponse, pièces, date) déverrouillées, tout le reste protégé.",
           "Write the tableau de suivi: one row per measure, the organisation's columns (answer, evidence, date) unlocked, everything else protected.")
    }
    static func noMeasureToFollow(visit: String) -> String {
        tr("la visite \(visit) n'a aucune mesure à suivre (regards measure add)", "visit \(visit) has no measure to follow up (regards measure add)")
    }
}

// MARK: - measure follow

extension Messages {
    static var measureFollowAbstract: String {
        tr("Enregistrer où en est une mesure après la décision, ou relire le tableau de suivi rempli par l'organisme.",
           "Record where a measure stands after the decision, or read back the tableau de suivi the organisation filled.")
    }
    static var measureFollowDiscussion: String {
        tr("""
           Avec --from FILE.xlsx (un tableau écrit par `regards measure sheet`), chaque ligne remplie par l'organisme — sa réponse, les pièces \
           transmises, la date — devient le suivi « en cours » de la mesure, que les inspecteurs apprécient ensuite avec --status lifted ou not-lifted.
           """,
           """
           With --from FILE.xlsx (a tableau written by `regards measure sheet`), each row the organisation filled — its answer, the documents \
           it sent, the date — becomes the measure's follow-up « en cours », for the inspectors to judge with --status lifted or not-lifted.
           """)
    }
    static var measureFollowStatusHelp: ArgumentHelp { ArgumentHelp(tr("lifted, in-progress ou not-lifted", "lifted, in-progress or not-lifted")) }
    static var measureFollowOnHelp: ArgumentHelp {
        ArgumentHelp(tr("Date de la vérification (YYYY-MM-DD ; par défaut : aujourd'hui).", "When it was checked (YYYY-MM-DD; default: today)."))
    }
    static var measureFollowEvidenceHelp: ArgumentHelp { ArgumentHelp(tr("Ce qui a été reçu ou vu.", "What was received or seen.")) }
    static var measureFollowNoteHelp: ArgumentHelp { ArgumentHelp(tr("Une note.", "A note.")) }
    static var measureFollowFromHelp: ArgumentHelp {
        ArgumentHelp(tr("Le tableau de suivi rempli par l'organisme.", "The tableau de suivi filled by the organisation."), valueName: "FILE.xlsx")
    }
    static var measureFollowDryRunHelp: ArgumentHelp {
        ArgumentHelp(tr("Avec --from : afficher ce qui serait enregistré, sans rien écrire.", "With --from: print what would be recorded, write nothing."))
    }
    static var followOneOrMany: String { tr("indiquez MESURE et --status, ou --from FILE.xlsx", "give MEASURE and --status, or --from FILE.xlsx") }
    static var followFromReadsEveryRow: String {
        tr("--from lit la ligne de chaque mesure ; \(followOneOrMany)", "--from reads every measure's row; \(followOneOrMany)")
    }
    static var dryRunNeedsFrom: String { tr("--dry-run va avec --from FILE.xlsx", "--dry-run goes with --from FILE.xlsx") }
    /// What happened to the other rows of the tableau, after the count of follow-ups.
    static func followUpRowsLeft(unchanged: Int, settled: Int) -> String {
        tr("(\(unchanged) ligne(s) inchangée(s), \(settled) pour une mesure close)", "(\(unchanged) row(s) unchanged, \(settled) for a settled measure)")
    }
    static func followUpsWouldBeRecorded(_ count: Int, visit: String, _ left: String) -> String {
        tr("\(count) suivi(s) à enregistrer pour la visite \(visit) \(left) ; rien n'a été écrit (--dry-run)",
           "\(count) follow-up(s) would be recorded for visit \(visit) \(left); nothing was written (--dry-run)")
    }
    static func followUpsRecorded(_ count: Int, visit: String, from file: String, _ left: String) -> String {
        tr("\(count) suivi(s) enregistré(s) pour la visite \(visit) à partir de \(file) \(left)",
           "\(count) follow-up(s) recorded for visit \(visit) from \(file) \(left)")
    }
}
