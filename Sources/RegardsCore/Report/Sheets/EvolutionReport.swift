/// A follow-up visit beside the visit it follows (`compare NEW --since OLD`): per theme the
/// evaluation score and the conformity of the linked control items then and now, the earlier
/// visit's measures (lifted or not) and its improvement paths (done or not).
public enum EvolutionReport {
    struct ThemeRow {
        let section: String
        let title: String
        let before: VisitComparison.Theme?
        let after: VisitComparison.Theme?
    }

    /// Refused when the two visits are not of the same establishment.
    public static func build(earlier: VisitRecord, later: VisitRecord, generatedBy author: String) -> Result<Report, RegardsError> {
        if earlier.visit.finess != later.visit.finess {
            return .failure(.badData(Messages.sinceOtherEstablishment(earlier.visit.id, finess: earlier.visit.finess, not: later.visit.finess)))
        }
        let v = ReportVocabulary(language: later.grids.evaluation.language)
        let (before, after) = (VisitComparison(earlier), VisitComparison(later))
        var rows = after.themes.map { t in ThemeRow(section: t.section, title: t.title, before: before.themes.first { $0.section == t.section }, after: t) }
        rows += before.themes.filter { t in !after.themes.contains { $0.section == t.section } }.map { ThemeRow(section: $0.section, title: $0.title, before: $0, after: nil) }
        func delta(_ a: Double?, _ b: Double?) -> Double? { a.flatMap { a in b.map { $0 - a } } }
        func rounded(_ x: Double?) -> Double? { x.map { ($0 * 100).rounded() / 100 } }
        func style(_ d: Double?) -> CellStyle? { d.map { $0 > 0.0001 ? .good : $0 < -0.0001 ? .bad : nil } ?? nil }
        let themes = SheetColumns<ThemeRow>([
            v.column("theme", "Thème", "Theme", .text, v.t("Identifiant du thème.", "Theme id.")) { .text($0.section) },
            v.column("title", "Intitulé", "Title", .text, v.t("Intitulé du thème.", "Theme title."), width: 40) { .text($0.title) },
            v.column("score_before", "Score avant", "Score before", .number, v.t("Score d'évaluation (1–4) à la visite suivie.", "Earlier score.")) { .number(rounded($0.before?.evaluationScore)) },
            v.column("score_after", "Score après", "Score after", .number, v.t("Score d'évaluation (1–4) à cette visite.", "Later score.")) { .number(rounded($0.after?.evaluationScore)) },
            v.column("score_change", "Évolution du score", "Score change", .number, v.t("Différence des deux scores.", "Change.")) {
                let d = rounded(delta($0.before?.evaluationScore, $0.after?.evaluationScore))
                return .number(d, style(d))
            },
            v.column("conformity_before", "Conformité avant", "Conformity before", .percent, v.t("Conformité des points de contrôle liés, à la visite suivie.", "Earlier conformity.")) {
                .number($0.before?.controlConformity)
            },
            v.column("conformity_after", "Conformité après", "Conformity after", .percent, v.t("Conformité des points de contrôle liés, à cette visite.", "Later conformity.")) {
                .number($0.after?.controlConformity)
            },
            v.column("conformity_change", "Évolution de la conformité", "Conformity change", .percent, v.t("Différence des deux conformités.", "Change.")) {
                let d = delta($0.before?.controlConformity, $0.after?.controlConformity)
                return .number(d, style(d))
            },
        ]).sheet(v.t("Évolution", "Evolution"), role: .evolution,
                 summary: [SummaryLine(v.t("Visite suivie", "Earlier visit"), .text("\(earlier.visit.id) (\(earlier.visit.startDate?.description ?? "—"))")),
                           SummaryLine(v.t("Cette visite", "This visit"), .text("\(later.visit.id) (\(later.visit.startDate?.description ?? "—"))")),
                           SummaryLine(v.t("Établissement", "Establishment"), .text("\(later.visit.establishment) — FINESS \(later.visit.finess)"))],
                 rows: rows)
        let p = earlier.procedure
        let measures = SheetColumns<Measure>([
            v.column("measure", "Mesure", "Measure", .text, v.t("Mesure de la visite suivie.", "Measure.")) { .text($0.label) },
            v.column("kind", "Nature", "Kind", .text, v.t("prescription, recommandation ou injonction.", "Kind.")) { .text($0.kind.label) },
            v.column("text", "Mesure demandée", "Measure", .longText, v.t("Ce qui était demandé.", "What was asked."), width: 50) { .text($0.text) },
            v.column("due", "Échéance", "Due", .date, v.t("Date limite.", "Deadline.")) { .date(p.due($0)) },
            v.column("status", "Statut", "Status", .text, v.t("Au jour de cette visite, ou d'aujourd'hui.", "Status.")) {
                let s = p.status(of: $0, today: later.today)
                return .text(s.label, s == .lifted ? .good : s == .overdue || s == .notLifted ? .bad : nil)
            },
        ]).sheet(v.t("Mesures suivies", "Measures followed"), role: .measures, rows: p.followUpOrder(today: later.today))
        let actions = SheetColumns<ImprovementAction>([
            v.column("action", "Piste", "Action", .integer, v.t("Numéro de la piste à la visite suivie.", "Action number.")) { .integer($0.number) },
            v.column("title", "Intitulé", "Title", .longText, v.t("La piste convenue.", "The action."), width: 50) { .text($0.title) },
            v.column("owner", "Responsable", "Owner", .text, v.t("Qui la porte.", "Owner.")) { .text($0.owner) },
            v.column("due", "Échéance", "Due", .date, v.t("Échéance.", "Due.")) { .date($0.due) },
            v.column("status", "Statut", "Status", .text, v.t("open, in-progress, done ou dropped.", "Status.")) {
                .text($0.status.rawValue, $0.status == .done ? .good : $0.status == .open ? .warning : nil)
            },
        ]).sheet(v.t("Pistes suivies", "Actions followed"), role: .actions, rows: earlier.actions)
        let title = v.t("Évolution — visite \(later.visit.id) depuis \(earlier.visit.id)", "Evolution — visit \(later.visit.id) since \(earlier.visit.id)")
        return .success(Report(title: title, language: later.grids.evaluation.language,
                               properties: Report.Properties(title: title, subject: "\(later.visit.establishment)", author: author, keywords: "Regards", comments: "",
                                                             custom: [Report.Field("visite", later.visit.id), Report.Field("visite-suivie", earlier.visit.id)]),
                               sheets: [themes, measures, actions]))
    }
}
