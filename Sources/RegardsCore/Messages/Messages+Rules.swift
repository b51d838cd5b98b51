/// What the rules say when they refuse: an answer outside its scale, a grid not double-scored, a
/// phase that cannot be reached, an export with personal data, ratings that cannot be measured.
extension Messages {
    /// `evaluation grid`, `grille de contrôle`: a visit's grid named in a message.
    static func grid(_ kind: ProtocolKind) -> String {
        switch kind {
        case .evaluation: tr("grille d'évaluation", "evaluation grid")
        case .control: tr("grille de contrôle", "control grid")
        }
    }

    // MARK: answers

    static func unknownCriterion(_ id: String, hint: String?) -> String {
        tr("critère `\(id)` inconnu\(String.hint(hint))", "unknown criterion `\(id)`\(String.hint(hint))")
    }

    static func criterionInBothGrids(_ id: String) -> String {
        tr("`\(id)` existe dans les deux grilles ; précisez laquelle avec --grid evaluation|control",
           "`\(id)` exists in both grids; say which with --grid evaluation|control")
    }

    static func notAnAnswer(_ text: String, criterion: String, allowed: String) -> String {
        tr("`\(text)` n'est pas une réponse possible pour \(criterion) ; réponses attendues : \(allowed)",
           "`\(text)` is not an answer for \(criterion); expected one of: \(allowed)")
    }

    static func answerNotAllowed(_ label: String, criterion: String, scale: String) -> String {
        tr("« \(label) » n'est pas permis pour \(criterion) (échelle `\(scale)`)", "« \(label) » is not allowed for \(criterion) (scale `\(scale)`)")
    }

    static func notApplicableOnImperative(_ id: String) -> String {
        tr("« non concerné » n'est jamais permis sur un critère impératif (\(id))", "« non concerné » is never allowed on an imperative criterion (\(id))")
    }

    static func criterionIrrelevant(_ id: String, condition: String, values: String) -> String {
        tr("\(id) ne s'applique pas à cette visite : sa condition `\(condition)` est fausse (\(values))",
           "\(id) does not apply to this visit: its condition `\(condition)` is false (\(values))")
    }

    // MARK: double scoring

    /// `inspectrice-a and inspecteur-b`, `nobody`.
    static func scorersSaid(_ scorers: [String]) -> String {
        switch scorers.count {
        case 0: tr("personne", "nobody")
        case 1: tr("\(scorers[0]) seulement", "\(scorers[0]) only")
        default: tr("\(scorers.dropLast().joined(separator: ", ")) et \(scorers[scorers.count - 1])",
                    "\(scorers.dropLast().joined(separator: ", ")) and \(scorers[scorers.count - 1])")
        }
    }

    static func notDoubleScored(_ visit: String, grid kind: ProtocolKind, scorers: [String]) -> String {
        let who = scorers.first.map { tr("n'est notée que par \($0)", "is scored by \($0) only") } ?? tr("n'est notée par personne", "is scored by nobody")
        let commands = "`regards answer \(visit) CRITERION VALUE --scorer NAME`, `regards fill \(visit) --scorer NAME`"
        let sheet = "`regards sheet \(visit) --xlsx FILE --scorer NAME`"
        return tr("visite \(visit) : sa \(grid(kind)) \(who) ; l'évaluation indépendante demande deux évaluateurs (chacun enregistre avec \(commands) ou un classeur à remplir \(sheet))",
                  "visit \(visit): its \(grid(kind)) \(who); double scoring needs two scorers (each records with \(commands) or a fill-in workbook \(sheet))")
    }

    static func nothingToReconcile(_ visit: String, criterion: String) -> String {
        tr("visite \(visit) : \(criterion) ne s'applique pas à cette visite ; il n'y a rien à concilier",
           "visit \(visit): \(criterion) does not apply to this visit; there is nothing to reconcile")
    }

    /// `answered`, `missing`: the scorers who did and did not answer `criterion`.
    static func notScoredByAll(_ visit: String, criterion: String, answered: [String], missing: [String], scorers: [String]) -> String {
        let by = answered.joined(separator: ", "), notBy = missing.joined(separator: ", "), all = scorers.joined(separator: ", ")
        let who = answered.isEmpty ? tr("aucun évaluateur n'a encore répondu à \(criterion)", "no scorer has answered \(criterion) yet")
            : tr("\(criterion) n'a été noté que par \(by), pas par \(notBy)", "\(criterion) was scored by \(by) only, not by \(notBy)")
        return tr("visite \(visit) : \(who) ; chaque évaluateur (\(all)) y répond avant qu'il ne soit concilié",
                  "visit \(visit): \(who); every scorer (\(all)) answers it before it is reconciled")
    }

    /// `scored`: the campaign's double-scored visits (none or one).
    static func campaignNotDoubleScored(_ campaign: String, scored: [String], grid kind: ProtocolKind) -> String {
        let which = scored.first.map { tr("n'a qu'une visite (\($0)) notée", "has 1 visit (\($0))") } ?? tr("n'a aucune visite notée", "has no visit")
        let how = "`regards answer VISIT CRITERION VALUE --scorer NAME`, `regards fill VISIT --scorer NAME`"
        let sheet = "`regards sheet VISIT --xlsx FILE --scorer NAME`", single = "`regards agreement VISIT`"
        return tr("la campagne `\(campaign)` \(which) par deux évaluateurs sur la \(grid(kind)) ; mesurer l'accord sur une campagne en demande au moins deux (un second inspecteur note une visite avec \(how) ou \(sheet) ; \(single) mesure une seule visite)",
                  "campaign `\(campaign)` \(which) double-scored on the \(grid(kind)); agreement over a campaign needs at least two (a second inspector scores a visit with \(how) or \(sheet); \(single) measures a single visit)")
    }

    static var agreementHandling: String {
        tr("« Non concerné », « non évalué » et l'absence de réponse ne sont pas des niveaux de l'échelle : ils sont traités comme des réponses manquantes, comptés à part et exclus des coefficients (voir docs/agreement.md).",
           "« Non concerné », « non évalué » and a missing answer are not levels of the scale: they are treated as missing answers, counted apart and left out of the coefficients (see docs/agreement.md).")
    }

    // MARK: agreement

    static func tooFewCategories(_ count: Int) -> String {
        tr("une échelle doit avoir au moins 2 niveaux pour mesurer l'accord, elle en a \(count)", "a scale needs at least 2 levels to measure agreement, it has \(count)")
    }

    static func duplicateCategory(_ level: Int) -> String { tr("le niveau \(level) figure deux fois dans l'échelle", "level \(level) appears twice in the scale") }

    /// `rater`: 1-based.
    static func unequalItemCounts(rater: Int, items: Int, expected: Int) -> String {
        tr("l'évaluateur \(rater) a \(items) critère(s), l'évaluateur 1 en a \(expected)", "rater \(rater) has \(items) items, rater 1 has \(expected)")
    }

    /// `rater`, `item`: 1-based.
    static func valueOutsideScale(_ value: Int, rater: Int, item: Int) -> String {
        tr("l'évaluateur \(rater) a donné au critère \(item) la valeur \(value), qui n'est pas un niveau de l'échelle",
           "rater \(rater) gave item \(item) the value \(value), not a level of the scale")
    }

    // MARK: criterion review

    static func noVisitPinnedTo(_ id: String, campaign: String, uses: String, hint: String?) -> String {
        tr("aucune visite de la campagne `\(campaign)` n'est rattachée au protocole `\(id)` ; ses visites utilisent \(uses)\(String.hint(hint))",
           "no visit of campaign `\(campaign)` is pinned to protocol `\(id)`; its visits use \(uses)\(String.hint(hint))")
    }

    /// `pin (3 visits)`.
    static func pinnedVisits(_ pin: String, count: Int) -> String {
        tr("\(pin) (\(count) visite\(count > 1 ? "s" : ""))", "\(pin) (\(count) visit\(count == 1 ? "" : "s"))")
    }

    static func noVisitPinnedToVersion(_ reference: String, campaign: String, pinned: String) -> String {
        tr("aucune visite de la campagne `\(campaign)` n'est rattachée à \(reference) ; ses visites sont rattachées à \(pinned)",
           "no visit of campaign `\(campaign)` is pinned to \(reference); its visits are pinned to \(pinned)")
    }

    /// `verb`: `reviewed` or `measured`, what the command does to each version.
    static func severalVersions(_ id: String, campaign: String, count: Int, pinned: String, verb: String) -> String {
        let done = verb == "measured" ? tr("mesurée", "measured") : tr("revue", "reviewed")
        return tr("les visites de `\(campaign)` sont rattachées à \(count) versions de `\(id)` : \(pinned) ; chaque version est \(done) à part (--version V en retient une)",
                  "the visits of `\(campaign)` are pinned to \(count) versions of `\(id)`: \(pinned); each version is \(done) on its own (--version V takes one)")
    }

    // MARK: phases

    static func finalPhase(_ visit: String, state: String) -> String {
        tr("la visite \(visit) est dans sa phase finale `\(state)`", "visit \(visit) is in its final phase `\(state)`")
    }

    static func noTransition(from state: String, to target: String, possible: String, hint: String?) -> String {
        tr("aucune transition de `\(state)` vers `\(target)` ; possibles : \(possible)\(String.hint(hint))",
           "no transition from `\(state)` to `\(target)`; possible: \(possible)\(String.hint(hint))")
    }

    // MARK: personal data

    static func personalDataRefused(_ command: String, count: Int, named: String) -> String {
        tr("\(command) refusé : \(count) signalement(s) de données personnelles non revu(s) : \(named) ; lancez `regards privacy scan VISIT`, ou passez --allow-personal-data",
           "\(command) refused: \(count) personal-data finding(s) not reviewed: \(named); run `regards privacy scan VISIT`, or pass --allow-personal-data")
    }

    static func exportingWithPersonalData(_ count: Int) -> String {
        tr("export avec \(count) signalement(s) de données personnelles non revu(s) (--allow-personal-data)",
           "exporting with \(count) unreviewed personal-data finding(s) (--allow-personal-data)")
    }
}
