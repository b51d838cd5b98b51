extension ComparisonReport {
    /// *Observations*: the field notes, oldest first.
    static func observations(_ x: VisitContext) -> Sheet {
        let (r, v) = (x.record, x.v)
        let titles = Dictionary(uniqueKeysWithValues: r.grids.evaluation.methods.map { ($0.id, $0.title) })
        return SheetColumns<Observation>([
            v.column("date", "Date", "Date", .date, v.t("Jour de l'observation.", "Day observed.")) { .date($0.date) },
            v.column("method", "Méthode", "Method", .text, v.t("Méthode d'immersion.", "Immersion method.")) { .text(titles[$0.method] ?? $0.method) },
            v.column("participant", "Participant", "Participant", .text, v.t("Code du participant (jamais un nom).", "Participant code.")) { .text($0.participant) },
            v.column("role", "Rôle", "Role", .text, v.t("resident, staff, partner ou other.", "Role.")) { .text($0.role?.rawValue) },
            v.column("criteria", "Critères", "Criteria", .text, v.t("Critères que l'observation éclaire.", "Criteria informed.")) { .text($0.criteria.joined(separator: ", ")) },
            v.column("theme", "Thème", "Theme", .text, v.t("Thème libre.", "Free theme.")) { .text($0.theme) },
            v.column("text", "Observation", "Observation", .longText, v.t("Ce qui a été vu ou entendu.", "What was seen or heard."), width: 70) { .text($0.text) },
            v.column("author", "Auteur", "Author", .text, v.t("Inspecteur qui l'a notée.", "Who noted it.")) { .text($0.author) },
        ]).sheet("Observations", role: .observations, rows: r.observations)
    }

    /// *Parcours*: each resident's steps against their deadlines (those recorded or due).
    static func journeys(_ x: VisitContext) -> Sheet {
        let (r, v) = (x.record, x.v)
        let steps = Dictionary(uniqueKeysWithValues: (r.grids.evaluation.journey?.steps ?? []).map { ($0.id, $0) })
        let columns = SheetColumns<JourneyDelay>([
            v.column("resident", "Personne", "Resident", .text, v.t("Code de la personne accueillie.", "Resident code.")) { .text($0.resident) },
            v.column("step", "Étape", "Step", .text, v.t("Étape du parcours.", "Journey step.")) { .text($0.check.step) },
            v.column("step_title", "Intitulé", "Title", .text, v.t("Intitulé de l'étape.", "Step title."), width: 40) { .text(steps[$0.check.step]?.title) },
            v.column("occurrence", "Occurrence", "Occurrence", .integer, v.t("1 pour la première fois, 2… pour les étapes périodiques (bilan semestriel).", "Occurrence.")) {
                .integer($0.check.occurrence)
            },
            v.column("done", "Fait le", "Done on", .date, v.t("Date enregistrée.", "Date recorded.")) { .date($0.check.done) },
            v.column("due", "Échéance", "Due", .date, v.t("Échéance calculée depuis l'étape de référence.", "Computed deadline.")) { .date($0.check.due) },
            v.column("days_late", "Jours de retard", "Days late", .integer, v.t("Retard à la réalisation, ou dépassement à la date de la visite pour une étape manquante.", "Days late.")) {
                .integer($0.check.daysLate > 0 ? $0.check.daysLate : nil, $0.check.daysLate > 0 ? .bad : nil)
            },
            v.column("state", "État", "State", .text, v.t("dans les délais, en retard, manquant, à venir, indéterminé (l'étape de référence manque), non renseigné.", "State.")) {
                let state = $0.check.state
                return .text(v.state(state), state.isDelay ? .bad : state == .onTime ? .good : .muted)
            },
            v.column("note", "Note", "Note", .longText, v.t("Explication saisie.", "Note."), width: 36) { .text($0.check.note) },
            v.column("reference", "Référence", "Reference", .text, v.t("Texte qui fixe le délai.", "Legal reference.")) { .text(steps[$0.check.step]?.reference) },
        ])
        let rows = r.journeyChecks.flatMap { resident, checks in
            checks.filter { $0.state != .notRecorded || $0.note != nil }.map { JourneyDelay(resident: resident, check: $0) }
        }
        return columns.sheet(v.t("Parcours", "Journeys"), role: .journeys, summary: [SummaryLine(v.t("Délais vérifiés au", "Deadlines checked as of"), .date(r.asOf))], rows: rows)
    }

    /// A line of the action plan: an action, or an imperative criterion below its top level that no action answers.
    enum ActionRow {
        case action(ImprovementAction)
        case missing(imperative: String)
    }

    /// *Plan d'actions*: the improvement paths, then the imperative criteria still without one.
    static func actions(_ x: VisitContext) -> Sheet {
        let (r, v) = (x.record, x.v)
        func action(_ row: ActionRow) -> ImprovementAction? {
            if case .action(let a) = row { return a }
            return nil
        }
        let columns = SheetColumns<ActionRow>([
            v.column("number", "N°", "No.", .integer, v.t("Numéro de la piste dans la visite.", "Number.")) { .integer(action($0)?.number) },
            v.column("title", "Piste d'amélioration", "Improvement action", .longText, v.t("Ce qui sera fait.", "What will be done."), width: 50) {
                switch $0 {
                case .action(let a): .text(a.title)
                case .missing(let id): .text(v.t("Aucune piste pour le critère impératif \(id), noté sous le niveau maximal", "No action for imperative \(id)"), .bad)
                }
            },
            v.column("owner", "Responsable", "Owner", .text, v.t("Qui la porte.", "Who carries it.")) { row in
                action(row).map { .text($0.owner, $0.owner == nil ? .warning : nil) } ?? .empty
            },
            v.column("due", "Échéance", "Due", .date, v.t("Pour quand.", "By when.")) { .date(action($0)?.due) },
            v.column("status", "Statut", "Status", .text, v.t("open, in-progress, done, dropped.", "Status.")) { .text(action($0)?.status.rawValue) },
            v.column("criteria", "Critères", "Criteria", .text, v.t("Critères auxquels elle répond.", "Criteria answered.")) {
                switch $0 {
                case .action(let a): .text(a.criteria.joined(separator: ", "))
                case .missing(let id): .text(id)
                }
            },
        ])
        let rows = r.actions.map(ActionRow.action) + x.comparison.imperativesWithoutAction.map(ActionRow.missing)
        return columns.sheet(v.t("Plan d'actions", "Action plan"), role: .actions, rows: rows)
    }
}
