extension ComparisonReport {
    /// *Synthèse*: the visit, its protocols, its counts, and per theme the evaluation score beside the
    /// conformity of the linked control items, with a chart.
    static func summary(_ x: VisitContext) -> Sheet {
        let (r, c, v) = (x.record, x.comparison, x.v)
        let visit = r.visit
        let dates = [visit.startDate?.description, visit.endDate?.description].compactMap { $0 }.joined(separator: " → ")
        var summary = [
            SummaryLine(v.t("Établissement", "Establishment"), .text(visit.establishment, .emphasis)),
            SummaryLine("FINESS", .text(visit.finess)),
            SummaryLine(v.t("Visite", "Visit"), .text(visit.id)),
            SummaryLine(v.t("Dates", "Dates"), .text(dates.isEmpty ? "—" : dates)),
            SummaryLine(v.t("Inspecteurs", "Inspectors"), .text(visit.inspectors.joined(separator: ", "))),
            SummaryLine(v.t("Campagne", "Campaign"), .text(visit.campaign ?? "—")),
            SummaryLine(v.t("Phase", "Phase"), .text(r.workflow?.state(visit.state)?.title ?? visit.state)),
            SummaryLine(v.t("Protocole d'évaluation", "Evaluation protocol"), .text("\(visit.evaluation) — sha256 \(visit.evaluation.hash)")),
        ]
        if let p = visit.control { summary.append(SummaryLine(v.t("Protocole de contrôle", "Control protocol"), .text("\(p) — sha256 \(p.hash)"))) }
        /// « 2 : E1 CTL-DU-08, E2 CTL-AS-04 », or « 0 ».
        func findings(_ c: VisitComparison, _ kind: FindingKind) -> String {
            let found = c.findings.filter { $0.kind == kind }
            return found.isEmpty ? "0" : "\(found.count) : " + found.map { "\($0.number ?? "—") \($0.criterion)" }.joined(separator: ", ")
        }
        if visit.control != nil {
            summary += [
                SummaryLine(v.t("Écarts (non-conformités à un texte opposable)", "Breaches (of an enforceable text)"),
                            .text(findings(c, .ecart), c.count(.ecart) > 0 ? .bad : nil), key: "ecarts"),
                SummaryLine(v.t("Remarques (non-conformités aux bonnes pratiques)", "Remarks (against good practice)"),
                            .text(findings(c, .remarque), c.count(.remarque) > 0 ? .warning : nil), key: "remarques"),
            ]
            let unclassified = c.findings.filter { $0.kind == nil }.map(\.criterion)
            if !unclassified.isEmpty {
                summary.append(SummaryLine(v.t("Non-conformités dont la grille ne dit pas le fondement", "Non-conformities whose basis the grid does not state"),
                                           .text("\(unclassified.count) : " + unclassified.joined(separator: ", "), .warning), key: "unclassified_findings"))
            }
        }
        summary += [
            SummaryLine(v.t("Conforme mais insatisfaisant", "Conformant but unsatisfying"), .integer(c.count(.conformButUnsatisfying), c.count(.conformButUnsatisfying) > 0 ? .bad : nil)),
            SummaryLine(v.t("Non conforme mais satisfaisant", "Non-conformant but satisfying"), .integer(c.count(.nonConformButSatisfying), c.count(.nonConformButSatisfying) > 0 ? .bad : nil)),
            SummaryLine(v.t("Angles morts du contrôle (critères évalués sans point de contrôle)", "Control blind spots"), .integer(c.count(.controlBlindSpot), .warning)),
            SummaryLine(v.t("Étapes de parcours en retard", "Late journey steps"), .integer(c.lateSteps, c.lateSteps > 0 ? .bad : nil), key: "late_steps"),
            SummaryLine(v.t("Étapes de parcours manquantes", "Missing journey steps"), .integer(c.missingSteps, c.missingSteps > 0 ? .bad : nil), key: "missing_steps"),
            SummaryLine(v.t("Pistes d'amélioration ouvertes", "Open improvement actions"), .integer(c.openActions.count), key: "open_actions"),
            SummaryLine(v.t("Critères impératifs sous le niveau maximal", "Imperative criteria below the top level"),
                        .text(c.imperativesBelowTop.isEmpty ? "—" : c.imperativesBelowTop.joined(separator: ", "), c.imperativesWithoutAction.isEmpty ? nil : .bad)),
        ]
        let columns = SheetColumns<VisitComparison.Theme>([
            v.column("theme", "Thème", "Theme", .text, v.t("Identifiant du thème (section) de la grille d'évaluation.", "Evaluation theme id.")) { .text($0.section) },
            v.column("theme_title", "Intitulé", "Title", .text, v.t("Nom du thème.", "Theme name."), width: 44) { .text($0.title) },
            v.column("evaluation_score", "Score d'évaluation (sur 4)", "Evaluation score (of 4)", .number,
                     v.t("Moyenne pondérée des niveaux des critères notés du thème (non concerné, non évalué et sans réponse exclus).", "Weighted mean of scored criteria.")) {
                .number($0.evaluationScore.map(round2))
            },
            v.column("scored", "Critères notés", "Scored criteria", .integer, v.t("Critères applicables du thème qui ont un niveau.", "Applicable criteria with a level.")) {
                .integer($0.scored)
            },
            v.column("applicable", "Critères applicables", "Applicable criteria", .integer, v.t("Critères du thème qui s'appliquent à cette visite.", "Criteria that apply to this visit.")) {
                .integer($0.relevant)
            },
            v.column("control_conformity", "Conformité des points liés", "Conformity of linked items", .percent,
                     v.t("Moyenne pondérée de la conformité (conforme 100 %, partiellement 50 %, non conforme 0 %) des points de contrôle reliés aux critères du thème.", "Weighted conformity of linked control items.")) {
                .number($0.controlConformity.map(round4))
            },
            v.column("control_conformity_of_4", "Conformité ramenée sur 4", "Conformity scaled to 4", .number,
                     v.t("La même conformité multipliée par 4, pour la comparer au score d'évaluation sur le graphique.", "Same, times 4, for the chart.")) {
                .number($0.controlConformity.map { round2($0 * 4) })
            },
            v.column("control_items", "Points de contrôle liés", "Linked control items", .integer, v.t("Nombre de points de contrôle reliés par la correspondance.", "Linked control items.")) {
                .integer($0.controlItems)
            },
            v.column("divergences", "Divergences", "Divergences", .integer, v.t("Liens « conforme mais insatisfaisant » ou « non conforme mais satisfaisant ».", "Diverging links.")) {
                .integer($0.divergences, $0.divergences > 0 ? .bad : nil)
            },
            v.column("blind_spots", "Angles morts", "Blind spots", .integer, v.t("Critères du thème qu'aucun point de contrôle ne regarde.", "Criteria no control item looks at.")) {
                .integer($0.blindSpots, $0.blindSpots > 0 ? .warning : nil)
            },
        ])
        let chart = Chart(title: v.t("Score d'évaluation et conformité des points liés, par thème", "Evaluation score and linked conformity by theme"),
                          categoryColumn: "theme", valueColumns: ["evaluation_score", "control_conformity_of_4"], valueAxisTitle: v.t("sur 4", "of 4"), maximum: 4)
        return columns.sheet(v.t("Synthèse", "Summary"), role: .summary, summary: summary, rows: c.themes, chart: chart,
                             formats: [.colourScale(columns: ["evaluation_score"], reversed: false)])
    }
}
