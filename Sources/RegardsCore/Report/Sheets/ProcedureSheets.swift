extension ComparisonReport {
    /// *Constats*: the inspection's findings in report order, withdrawn ones last.
    static func findings(_ r: VisitRecord, _ v: ReportVocabulary) -> Sheet {
        let p = r.procedure
        return SheetColumns<Finding>([
            v.column("finding", "Constat", "Finding", .text, v.t("Numéro : E (écart), R (remarque), BP (bonne pratique) ; « — » si retiré avant le rapport provisoire.", "Number.")) {
                .text(r.heading($0), $0.withdrawn ? .muted : $0.kind == .ecart ? .bad : $0.kind == .remarque ? .warning : .good)
            },
            v.column("kind", "Nature", "Kind", .text, v.t("écart (texte opposable), remarque (bonne pratique) ou bonne pratique à valoriser.", "Kind.")) { .text(v.kind($0.kind)) },
            v.column("criterion", "Critère", "Criterion", .text, v.t("Point de contrôle ou critère d'où vient le constat.", "Criterion.")) { .text($0.criterion) },
            v.column("fact", "Fait constaté", "Fact", .longText, v.t("Le constat, dans les mots du rapport.", "The fact observed."), width: 60) { .text($0.fact) },
            v.column("references", "Références", "References", .text, v.t("Textes que l'écart méconnaît.", "Texts breached."), width: 30) { .text($0.references.joined(separator: " ; ")) },
            v.column("evidence", "Preuves", "Evidence", .text, v.t("Réponses (critère), observations (#n), étapes de parcours (personne/étape).", "Evidence.")) {
                .text($0.evidence.map(r.describe).joined(separator: ", "))
            },
            v.column("measures", "Mesures", "Measures", .text, v.t("Mesures qui répondent au constat.", "Measures answering it.")) {
                .text(p.measures(answering: $0).map(\.label).joined(separator: ", "))
            },
        ]).sheet(v.t("Constats", "Findings"), role: .findings, rows: p.reportFindings.filter { !$0.withdrawn } + p.findings.filter(\.withdrawn))
    }

    /// *Mesures* (the tableau de suivi's content): each measure, the overdue first, with the
    /// organisation's answer and its follow-up.
    static func measures(_ r: VisitRecord, _ v: ReportVocabulary) -> Sheet {
        let p = r.procedure
        return SheetColumns<Measure>([
            v.column("measure", "Mesure", "Measure", .text, v.t("Numéro de la mesure.", "Number.")) { .text($0.label) },
            v.column("kind", "Nature", "Kind", .text, v.t("prescription, recommandation ou injonction (CASF L313-14).", "Kind.")) { .text($0.kind.label) },
            v.column("findings", "Constats", "Findings", .text, v.t("Constats auxquels elle répond.", "Findings answered.")) { .text(p.findingLabels($0).joined(separator: ", ")) },
            v.column("text", "Mesure demandée", "Measure", .longText, v.t("Ce qui est demandé à l'organisme gestionnaire.", "What is asked."), width: 60) { .text($0.text) },
            v.column("due", "Échéance", "Due", .date, v.t("Date limite ; pour un délai compté depuis la décision, connue une fois la décision prise.", "Deadline.")) { .date(p.due($0)) },
            v.column("deadline", "Délai", "Deadline", .text, v.t("L'échéance telle que fixée : une date, ou un délai après la décision.", "Deadline as set.")) { .text($0.deadline.description) },
            v.column("status", "Statut", "Status", .text, v.t("envisagée, en cours, en retard, levée, non levée, retirée.", "Status.")) {
                let s = p.status(of: $0, today: r.today)
                return .text(s.label, s == .overdue || s == .notLifted ? .bad : s == .lifted ? .good : s == .withdrawn ? .muted : nil)
            },
            v.column("answer", "Réponse de l'organisme", "Organisation's answer", .longText, v.t("Acceptée ou contestée, ses arguments, son plan d'action.", "Answer."), width: 40) {
                .text($0.answer.map { a in [a.position.label, a.arguments, a.plan.map { "plan : \($0)" }].compactMap { $0 }.joined(separator: " — ") })
            },
            v.column("response", "Réponse des inspecteurs", "Inspectors' response", .longText, v.t("Pour un point contesté : maintenue, modifiée ou retirée, et pourquoi.", "Response."), width: 36) {
                .text($0.response.map { "\($0.decision.label) — \($0.reason)" })
            },
            v.column("followed_on", "Suivi le", "Followed up on", .date, v.t("Date du dernier point de suivi.", "Last follow-up.")) { .date($0.followUp?.on) },
            v.column("follow_up_evidence", "Pièces reçues", "Evidence received", .text, v.t("Ce qui a été reçu ou vu.", "Evidence."), width: 30) { .text($0.followUp?.evidence) },
        ]).sheet(v.t("Mesures", "Measures"), role: .measures, summary: [SummaryLine(v.t("Statuts au", "Status as of"), .date(r.today))],
                 rows: p.followUpOrder(today: r.today))
    }

    /// The findings and measures sheets, for a visit that has any.
    public static func procedureSheets(_ r: VisitRecord) -> [Sheet] {
        guard !r.procedure.findings.isEmpty || !r.procedure.measures.isEmpty else { return [] }
        let v = ReportVocabulary(language: r.grids.evaluation.language)
        return [findings(r, v), measures(r, v)]
    }
}
