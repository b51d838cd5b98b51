extension ComparisonReport {
    /// *Comparaison*: one row per crosswalk link and per criterion or item without one, with its divergence class.
    static func comparison(_ x: VisitContext) -> Sheet {
        let v = x.v
        let columns = SheetColumns<VisitComparison.Link>([
            v.column("evaluation_theme", "Thème (évaluation)", "Evaluation theme", .text, v.t("Thème du critère d'évaluation.", "Evaluation theme.")) { .text($0.evaluation?.section) },
            v.column("criterion", "Critère", "Criterion", .text, v.t("Critère d'évaluation (vide : point de contrôle hors évaluation).", "Evaluation criterion.")) {
                .text($0.evaluation?.criterion)
            },
            v.column("criterion_title", "Intitulé du critère", "Criterion title", .longText, v.t("Intitulé du critère d'évaluation.", "Its title."), width: 44) {
                .text($0.evaluation?.title)
            },
            v.column("evaluation", "Évaluation", "Evaluation", .text, v.t("Réponse d'évaluation (libellé).", "Evaluation answer."), width: 24) { .text($0.evaluation?.label) },
            v.column("evaluation_score", "Score", "Score", .number, v.t("Score d'évaluation (1 à 4).", "Evaluation score.")) { .number($0.evaluation?.score) },
            v.column("relation", "Relation", "Relation", .text, v.t("Relation déclarée par la correspondance : equal, subset (le critère couvre une partie du point), superset (il le couvre et au-delà), intersects.", "Crosswalk relation.")) {
                .text($0.relation?.rawValue)
            },
            v.column("control_item", "Point de contrôle", "Control item", .text, v.t("Point de contrôle relié (vide : angle mort du contrôle).", "Linked control item.")) {
                .text($0.control?.criterion)
            },
            v.column("control_title", "Intitulé du point", "Item title", .longText, v.t("Intitulé du point de contrôle.", "Its title."), width: 44) { .text($0.control?.title) },
            v.column("control", "Contrôle", "Control", .text, v.t("Résultat du contrôle (libellé).", "Control result."), width: 22) { .text($0.control?.label) },
            v.column("conformity", "Conformité", "Conformity", .percent, v.t("Conformité du point (100 %, 50 %, 0 %).", "Item conformity.")) { .number($0.control?.score) },
            v.column("finding", "Constat", "Finding", .text, v.t("Non-conformité du point : écart (texte opposable) ou remarque (bonne pratique), avec son numéro.", "Breach or remark."), width: 18) {
                guard let item = $0.control?.criterion, let f = x.comparison.findingByItem[item] else { return .empty }
                return .text(v.finding(f), f.kind == .ecart ? .bad : .warning)
            },
            v.column("divergence", "Divergence", "Divergence", .text, v.t("conforme mais insatisfaisant (contrôle conforme, évaluation ≤ 2), non conforme mais satisfaisant (l'inverse), accord, non évalué (une réponse manque), angle mort du contrôle, hors évaluation.", "Divergence class."), width: 30) {
                .text(v.divergence($0.divergence), v.style($0.divergence))
            },
        ])
        let formats = Divergence.allCases.compactMap { d in v.style(d).map { ConditionalFormat.textEquals(column: "divergence", text: v.divergence(d), style: $0) } }
        return columns.sheet(v.t("Comparaison", "Comparison"), role: .comparison, rows: x.comparison.links, formats: formats)
    }
}
