/// The Markdown note of a protocol review: for each version reviewed, the changes the figures
/// suggest, grouped by kind, each with its figures and reason; then the criteria never answered and
/// how the figures are read. It proposes to the team that maintains the protocol; it never edits it.
public enum ReviewNote {
    public static func markdown(_ reviews: [CriterionReview]) -> String {
        precondition(!reviews.isEmpty, "a review note needs a reviewed version")
        let first = reviews[0]
        let v = ReportVocabulary(language: first.grid.language)
        let visits = reviews.reduce(0) { $0 + $1.visits.count }
        var out = "# " + v.t("Revue des critères de \(first.grid.id) — campagne \(first.campaign)", "Criterion review of \(first.grid.id) — campaign \(first.campaign)") + "\n\n"
        out += v.t("""
            Cette note **propose** des changements au protocole à partir des réponses de \(visits) visite\(visits > 1 ? "s" : "") \
            de la campagne \(first.campaign). Elle ne modifie aucun protocole : chaque proposition est à discuter par l'équipe \
            qui le fait évoluer, avec les personnes accueillies et les professionnels qui l'ont construit, puis à reporter dans \
            une nouvelle version du fichier. Les chiffres de chaque critère sont dans le classeur (`--xlsx`).
            """, """
            This note **proposes** changes to the protocol from the answers of \(visits) visit\(visits > 1 ? "s" : "") of campaign \
            \(first.campaign). It never edits a protocol: each proposal is for the team that maintains it to discuss, then to carry \
            into a new version of the file. Every criterion's figures are in the workbook (`--xlsx`).
            """) + "\n"
        if reviews.count > 1 {
            out += "\n" + v.t("Les visites de la campagne sont rattachées à \(reviews.count) versions du protocole ; chacune est revue à part :",
                              "The campaign's visits are pinned to \(reviews.count) versions of the protocol; each is reviewed on its own:") + "\n\n"
            for r in reviews { out += "- \(r.grid.reference) : \(r.visits.count) visite\(r.visits.count > 1 ? "s" : "") (\(r.visits.joined(separator: ", ")))\n" }
        }
        for review in reviews {
            out += "\n## \(review.grid.reference)\n\n"
            out += v.t("\(review.visits.count) visite\(review.visits.count > 1 ? "s" : "") (\(review.visits.joined(separator: ", "))), \(review.criteria.count) critères, \(review.proposals.count) proposition\(review.proposals.count > 1 ? "s" : "").",
                       "\(review.visits.count) visits (\(review.visits.joined(separator: ", "))), \(review.criteria.count) criteria, \(review.proposals.count) proposals.") + "\n"
            let titles = Dictionary(review.criteria.map { ($0.criterion, $0.title) }, uniquingKeysWith: { first, _ in first })
            for kind in CriterionReview.Proposal.Kind.allCases {
                let list = review.proposals.filter { $0.kind == kind }
                guard !list.isEmpty else { continue }
                out += "\n### " + heading(kind, v) + "\n\n"
                for p in list {
                    let named = p.criteria.map { "**\($0)** \(titles[$0].map { "« \($0) »" } ?? "")" }.joined(separator: v.t(" et ", " and "))
                    out += "- \(named) — \(ReviewReport.sentence(p, review.kind, v)).\n"
                }
            }
            if review.proposals.isEmpty { out += "\n" + v.t("Aucun changement proposé.", "No change proposed.") + "\n" }
            let never = review.criteria.filter(\.neverAnswered)
            let notApplying = review.criteria.filter { $0.applies == 0 }
            if !never.isEmpty || !notApplying.isEmpty {
                out += "\n### " + v.t("Critères sans réponse", "Criteria without an answer") + "\n\n"
                if !never.isEmpty { out += v.t("Jamais renseignés : ", "Never answered: ") + never.map(\.criterion).joined(separator: ", ") + ".\n" }
                if !notApplying.isEmpty {
                    out += v.t("Sans objet sur toutes les visites (leur condition n'était jamais vraie) : ", "Applying to no visit (their condition never held): ")
                        + notApplying.map(\.criterion).joined(separator: ", ") + ".\n"
                }
            }
        }
        out += "\n## " + v.t("Lecture des chiffres", "How the figures are read") + "\n\n"
        out += v.t("""
            - « Non concerné », « non évalué » et l'absence de réponse ne sont pas des niveaux de l'échelle : les effets plafond et \
            plancher et les corrélations ne portent que sur les niveaux donnés ; les taux de « non concerné » et de « non évalué » \
            portent sur les réponses données.
            - La corrélation au thème est celle de Pearson entre le niveau du critère et la moyenne des autres critères de son thème, \
            sur les visites qui ont les deux ; elle n'est pas calculée sur trop peu de visites ou quand l'un des deux ne varie pas.
            - Un critère impératif toujours à son plus haut niveau, ou un point de contrôle toujours conforme, est ce qu'on attend : \
            l'effet plafond est signalé dans le classeur, sans proposition de suppression.
            - Sur une campagne de quelques visites, les chiffres sont indicatifs : une proposition appelle un regard sur le critère, \
            pas une décision.
            - Seuils : \(ReviewReport.thresholds(first.thresholds, v)).
            """, """
            - « Not applicable », « not assessed » and no answer are not levels of the scale: floor and ceiling effects and \
            correlations read the levels given only; the rates of « not applicable » and « not assessed » are over the answers given.
            - The item-rest correlation is Pearson's between the criterion's level and the mean of the other criteria of its theme, \
            over the visits with both; it is not computed on too few visits or when either side does not vary.
            - An imperative always at its top, or a control item always conformant, is what is expected: the ceiling effect is \
            flagged in the workbook, not proposed for removal.
            - Over a campaign of a few visits the figures are indicative: a proposal calls for a look at the criterion, not a decision.
            - Thresholds: \(ReviewReport.thresholds(first.thresholds, v)).
            """) + "\n"
        return out
    }

    static func heading(_ kind: CriterionReview.Proposal.Kind, _ v: ReportVocabulary) -> String {
        switch kind {
        case .drop: v.t("Critères à supprimer (ils ne distinguent pas les établissements)", "Drop candidates")
        case .split: v.t("Critères à scinder (divergence systématique avec la grille de contrôle)", "Split candidates")
        case .merge: v.t("Critères à fusionner (ils semblent dire la même chose)", "Merge candidates")
        case .reword: v.t("Critères à reformuler", "Reword candidates")
        }
    }
}
