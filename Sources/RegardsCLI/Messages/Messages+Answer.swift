import ArgumentParser
import RegardsCore

// MARK: - answer

extension Messages {
    static var answerAbstract: String {
        tr("Enregistrer une réponse, ou tout un fichier CSV de réponses en une transaction.", "Record one answer, or a whole CSV file of answers in one transaction.")
    }
    static var answerDiscussion: String {
        tr("""
        VALUE est le numéro ou le libellé d'un niveau, `nc` (non concerné) ou `nv` (non évalué). \
        Avec --from, le fichier a une ligne d'en-tête `criterion,value,comment,evidence` (colonnes facultatives `grid`, `reason`) ; \
        il est d'abord vérifié en entier, puis écrit en une transaction : une seule ligne invalide fait refuser tout le fichier, et chaque ligne invalide est listée.

        Avec --from FILE.xlsx, le fichier est une grille à remplir écrite par `regards sheet` et remplie dans un tableur : ses marques doivent être \
        celles de cette visite et de son protocole ; seules les lignes modifiées depuis son écriture sont enregistrées (motif « import de FILE.xlsx ») ; \
        une réponse modifiée à la fois dans l'espace de travail et dans le classeur est un conflit, refusé sauf si --prefer dit quel côté garder.

        Avec --scorer NAME (double évaluation), les réponses vont dans l'évaluation indépendante de la visite par NAME : tenues à part des \
        réponses de la visite et de celles de tout autre évaluateur, jusqu'à ce que `regards reconcile` enregistre le consensus. Un classeur \
        à remplir écrit avec `regards sheet --scorer NAME` revient de lui-même dans l'évaluation de NAME.
        """, """
        VALUE is a level's number or label, `nc` (non concerné) or `nv` (non évalué). \
        With --from, the file has a header row `criterion,value,comment,evidence` (optional columns `grid`, `reason`); \
        it is checked completely first, then written in one transaction: one bad row refuses the whole file, every bad row listed.

        With --from FILE.xlsx, the file is a fill-in grid written by `regards sheet` and filled in a spreadsheet: its stamps must be \
        this visit's and its protocol's; only the rows changed since it was written are recorded (reason « import de FILE.xlsx »); \
        an answer changed both in the workspace and in the workbook is a conflict, refused unless --prefer says which side to keep.

        With --scorer NAME (double scoring), the answers go into NAME's independent scoring of the visit: kept apart from the \
        visit's own answers and from any other scorer's, until `regards reconcile` records the consensus. A fill-in workbook \
        written with `regards sheet --scorer NAME` goes back into NAME's scoring by itself.
        """)
    }
    static var answerVisitHelp: ArgumentHelp {
        ArgumentHelp(tr("L'identifiant de la visite (à omettre avec un fichier de campagne dont la colonne `visit` nomme la visite de chaque ligne).",
                        "The visit id (omit it with a campaign file whose `visit` column names each row's visit)."))
    }
    static var answerCriterionHelp: ArgumentHelp { ArgumentHelp(tr("L'identifiant du critère.", "The criterion id.")) }
    static var answerValueHelp: ArgumentHelp { ArgumentHelp(tr("La réponse.", "The answer.")) }
    static var answerGridHelp: ArgumentHelp {
        ArgumentHelp(tr("evaluation ou control (utile seulement si les deux grilles ont le critère).", "evaluation or control (needed only if both grids have the criterion)."))
    }
    static var answerCommentHelp: ArgumentHelp { ArgumentHelp(tr("Un commentaire.", "A comment.")) }
    static var answerEvidenceHelp: ArgumentHelp { ArgumentHelp(tr("La preuve constatée (document, observation …).", "The evidence seen (document, observation …).")) }
    static var answerReasonHelp: ArgumentHelp {
        ArgumentHelp(tr("Pourquoi la réponse change (gardé dans l'historique).", "Why the answer changes (kept in the history)."))
    }
    static var answerFromHelp: ArgumentHelp {
        ArgumentHelp(tr("Un fichier CSV de réponses, ou une grille à remplir remplie dans un tableur.", "A CSV file of answers, or a fill-in grid filled in a spreadsheet."),
                     valueName: "FILE.csv|FILE.xlsx")
    }
    static var answerPreferHelp: ArgumentHelp {
        ArgumentHelp(tr("Avec un classeur : le côté gardé pour une réponse modifiée des deux côtés (workbook ou workspace).",
                        "With a workbook: the side kept for an answer changed in both (workbook or workspace)."),
                     valueName: "side")
    }
    static var answerDryRunHelp: ArgumentHelp {
        ArgumentHelp(tr("Avec un classeur : afficher ce qui changerait, sans rien écrire.", "With a workbook: print what would change, write nothing."))
    }

    static var answerNeedsValue: String { tr("donnez VISITE, CRITÈRE et VALEUR, ou --from FILE.csv", "give VISIT, CRITERION and VALUE, or --from FILE.csv") }
    static var answerFromReplacesValue: String {
        tr("--from remplace CRITÈRE et VALEUR ; donnez l'un ou l'autre", "--from replaces CRITERION and VALUE; give one or the other")
    }
    static var answerPreferNeedsWorkbook: String { tr("--prefer et --dry-run vont avec --from FILE.xlsx", "--prefer and --dry-run go with --from FILE.xlsx") }
    static var answerScorerNeedsVisit: String {
        tr("--scorer va avec une seule VISITE, pas avec un fichier de campagne", "--scorer goes with one VISIT, not a campaign file")
    }
    static func campaignFileNeedsVisitColumn(_ path: String) -> String {
        tr("\(path) : sans VISITE, le fichier doit avoir une colonne `visit` qui nomme la visite de chaque ligne",
           "\(path): without VISIT, the file needs a `visit` column naming each row's visit")
    }
    static func fillInGridSavedAsCSV(_ path: String) -> String {
        tr("\(path) : une grille à remplir enregistrée en CSV, ce qui lui fait perdre ses marques : importez le classeur .xlsx lui-même (--from FILE.xlsx)",
           "\(path): a fill-in grid saved as CSV, which loses its stamps: import the .xlsx workbook itself (--from FILE.xlsx)")
    }
    static func rowsNotInGridOrder(_ path: String) -> String {
        tr("\(path) : les lignes ne sont pas dans l'ordre de la grille (triées ?) ; chacune a été rapprochée par son critère",
           "\(path): the rows are not in the grid's order (sorted?); each was matched by its criterion")
    }
    /// A conflict of a fill-in workbook, and the side kept (`workbook` or `workspace`).
    static func importConflict(_ path: String, _ location: String, _ description: String, kept side: String) -> String {
        tr("\(path):\(location): conflit : \(description) ; côté gardé : \(side)", "\(path):\(location): conflict: \(description); kept: the \(side)")
    }

    static func answersRecorded(_ count: Int, visits: Int) -> String {
        tr("\(count) réponse(s) enregistrée(s) pour \(visits) visite(s)", "\(count) answer(s) recorded for \(visits) visit(s)")
    }
    static func answersRecorded(_ count: Int, visit: String) -> String {
        tr("\(count) réponse(s) enregistrée(s) pour la visite \(visit)", "\(count) answer(s) recorded for visit \(visit)")
    }
    /// After `answersRecorded(_:visit:)`, when the answers went into a scorer's independent scoring.
    static func intoScoring(of scorer: String) -> String {
        tr(" (évaluation indépendante de \(scorer))", " (\(scorer)'s independent scoring)")
    }
    /// After `answersRecorded(_:visit:)` for a fill-in workbook: its name and `unchangedRows`.
    static func fromWorkbook(_ name: String, _ unchanged: String) -> String {
        tr(" depuis \(name) (\(unchanged))", " from \(name) (\(unchanged))")
    }
    static func unchangedRows(_ count: Int) -> String { tr("\(count) ligne(s) inchangée(s)", "\(count) row(s) unchanged") }
    static func conflictsKept(_ count: Int, from side: String) -> String {
        tr(", \(count) conflit(s) tranché(s) en gardant le côté \(side)", ", \(count) conflict(s) kept from the \(side)")
    }
    static func answersWouldBeRecorded(_ count: Int, visit: String, _ unchanged: String) -> String {
        tr("\(count) réponse(s) à enregistrer pour la visite \(visit) (\(unchanged)) ; rien n'a été écrit (--dry-run)",
           "\(count) answer(s) would be recorded for visit \(visit) (\(unchanged)); nothing was written (--dry-run)")
    }
}

// MARK: - fill

extension Messages {
    static var fillAbstract: String {
        tr("Parcourir les critères sans réponse d'une grille et y répondre un par un.", "Walk the unanswered criteria of a grid and answer them one by one.")
    }
    static var fillDiscussion: String {
        tr("""
        Chaque réponse est enregistrée dès qu'elle est donnée. À l'invite : un numéro ou un libellé, `?` aide, `s` passer, `b` revenir, `q` quitter. \
        Les invites vont sur stderr, si bien que les réponses peuvent arriver par un tube sur stdin ; la commande échoue clairement si l'entrée du tube s'épuise.
        """, """
        Each answer is saved as soon as it is given. At the prompt: a number or a label, `?` help, `s` skip, `b` back, `q` quit. \
        Prompts go to stderr, so answers can be piped on stdin; the command fails clearly if piped input runs out.
        """)
    }
    static var fillSectionHelp: ArgumentHelp { ArgumentHelp(tr("Cette section seulement.", "Only this section.")) }
    static func noSection(_ section: String, in grid: String) -> String { tr("aucune section `\(section)` dans \(grid)", "no section `\(section)` in \(grid)") }
    static var nothingToFill: String {
        tr("Rien à remplir : chaque critère applicable de la grille a une réponse.", "Nothing to fill: every applicable criterion of the grid has an answer.")
    }
    static func fillInputEnded(saved: Int, resume command: String) -> String {
        tr("l'entrée s'est terminée avant que la grille soit complète (\(saved) réponse(s) enregistrée(s) ; relancez `\(command)` pour continuer)",
           "input ended before the grid was complete (\(saved) answer(s) saved; run `\(command)` again to go on)")
    }
    /// After a criterion's title.
    static var imperativeMark: String { tr("  — impératif", "  — imperative") }
    static func criterionReferences(_ references: String) -> String { tr("  Réf. : \(references)", "  Ref.: \(references)") }
    static var answerPrompt: String {
        tr("Réponse (numéro ou libellé ; ? aide, s passer, b retour, q quitter) : ", "Answer (number or label; ? help, s skip, b back, q quit): ")
    }
    static var fillKeysHelp: String {
        tr("Tapez le numéro d'un niveau ou son libellé, nc (non concerné) ou nv (non évalué) quand l'échelle le permet ; s passe, b revient au critère précédent, q quitte (tout ce qui est saisi est déjà enregistré).",
           "Type a level's number or its label, nc (not applicable) or nv (not assessed) when the scale allows it; s skips, b goes back to the previous criterion, q quits (everything typed is already saved).")
    }
    static var commentPrompt: String { tr("Commentaire (Entrée : aucun) : ", "Comment (Enter: none): ") }
    static var evidencePrompt: String { tr("Preuve (Entrée : aucune) : ", "Evidence (Enter: none): ") }
}

// MARK: - fill: what it says when it stops

extension Messages {
    static func fillSaved(_ saved: Int) -> String { tr("\(saved) réponse(s) enregistrée(s).", "\(saved) answer(s) saved.") }
    static func fillQuit(_ saved: Int, resume command: String) -> String {
        tr("\(saved) réponse(s) enregistrée(s). Reprise avec `\(command)`.", "\(saved) answer(s) saved. Resume with `\(command)`.")
    }
}
