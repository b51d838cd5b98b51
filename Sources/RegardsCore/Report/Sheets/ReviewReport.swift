/// The workbook of a protocol review (`regards protocol review`): a summary of the versions
/// reviewed, then per version the figures of every criterion and the changes proposed. The sheets
/// show what `CriterionReview` computed, never compute a figure again.
public enum ReviewReport {
    /// The review of one protocol over a campaign, one `CriterionReview` per version of it.
    public static func build(_ reviews: [CriterionReview], generatedBy author: String) -> Report {
        precondition(!reviews.isEmpty, "a review report needs a reviewed version")
        let first = reviews[0]
        let v = ReportVocabulary(language: first.grid.language)
        let several = reviews.count > 1
        func named(_ fr: String, _ en: String, _ review: CriterionReview) -> String {
            v.t(fr, en) + (several ? " \(review.grid.version)" : "")
        }
        // One set of level columns for every version, so the CSV of several versions has one header.
        let levelValues = Set(reviews.flatMap { $0.criteria.flatMap { $0.levels.map(\.value) } }).sorted()
        var sheets = [summarySheet(reviews, v)]
        for review in reviews {
            sheets.append(criteriaColumns(levelValues, v).sheet(named("Critères", "Criteria", review), role: .criteria,
                                                                rows: review.criteria.map { (review, $0) }, excelTable: true,
                                                                formats: [.textEquals(column: "effect", text: v.t("plafond", "ceiling"), style: .warning),
                                                                          .textEquals(column: "effect", text: v.t("plancher", "floor"), style: .warning)]))
            sheets.append(proposalColumns(v).sheet(named("Propositions", "Proposals", review), role: .proposals,
                                                   rows: review.proposals.map { (review, $0) }, excelTable: true))
        }
        sheets.append(ComparisonReport.dictionary(sheets, v))
        let protocolID = first.grid.id
        let versions = reviews.map { $0.grid.reference + ($0.hash.map { " [\($0)]" } ?? "") }.joined(separator: ", ")
        return Report(title: v.t("Revue des critères de \(protocolID) — campagne \(first.campaign)", "Criterion review of \(protocolID) — campaign \(first.campaign)"),
                      language: first.grid.language,
                      properties: Report.Properties(title: v.t("Revue des critères de \(protocolID)", "Criterion review of \(protocolID)"),
                                                    subject: v.t("Analyse des critères sur une campagne", "Criterion analytics over a campaign"),
                                                    author: author, keywords: "Regards, \(protocolID), \(first.campaign)", comments: versions,
                                                    custom: [Report.Field("campagne", first.campaign), Report.Field("protocole", protocolID),
                                                             Report.Field("versions", reviews.map { "\($0.grid.version)" }.joined(separator: ", "))]),
                      sheets: sheets)
    }

    /// *Synthèse*: one line per version reviewed.
    static func summarySheet(_ reviews: [CriterionReview], _ v: ReportVocabulary) -> Sheet {
        let first = reviews[0], t = first.thresholds
        let summary = [
            SummaryLine(v.t("Campagne", "Campaign"), .text(first.campaign), key: "campaign"),
            SummaryLine(v.t("Protocole", "Protocol"), .text(first.grid.id), key: "protocol"),
            SummaryLine(v.t("Visites", "Visits"), .integer(reviews.reduce(0) { $0 + $1.visits.count }), key: "visits"),
            SummaryLine(v.t("Seuils", "Thresholds"), .text(thresholds(t, v)), key: "thresholds"),
            SummaryLine(v.t("Portée", "Scope"), .text(v.t("Ces figures proposent des changements ; la revue ne modifie aucun protocole.",
                                                           "These figures propose changes; the review never edits a protocol.")), key: "scope"),
        ]
        func count(_ kind: CriterionReview.Proposal.Kind, _ fr: String, _ en: String) -> SheetColumn<CriterionReview> {
            v.column("proposals_\(kind)", fr, en, .integer, v.t("Propositions de ce type.", "Proposals of this kind.")) { r in
                .integer(r.proposals.filter { $0.kind == kind }.count)
            }
        }
        return SheetColumns<CriterionReview>([
            v.column("version", "Version", "Version", .text, v.t("Version du protocole.", "Protocol version.")) { .text("\($0.grid.version)") },
            v.column("grid", "Grille", "Grid", .text, v.t("evaluation ou control : la grille des visites qu'est ce protocole.", "Which grid of the visits.")) { .text($0.kind.rawValue) },
            v.column("visits", "Visites", "Visits", .integer, v.t("Visites de la campagne rattachées à cette version.", "Visits pinned to this version.")) { .integer($0.visits.count) },
            v.column("visit_ids", "Identifiants", "Ids", .text, v.t("Les visites revues.", "The visits reviewed."), width: 40) { .text($0.visits.joined(separator: ", ")) },
            v.column("criteria", "Critères", "Criteria", .integer, v.t("Critères de la version.", "Criteria.")) { .integer($0.criteria.count) },
            v.column("ceiling", "Effets plafond", "Ceiling effects", .integer, v.t("Critères dont les niveaux donnés sont presque tous le plus haut.", "Ceiling effects.")) {
                .integer($0.criteria.filter(\.ceilingEffect).count)
            },
            v.column("floor", "Effets plancher", "Floor effects", .integer, v.t("Critères dont les niveaux donnés sont presque tous le plus bas.", "Floor effects.")) {
                .integer($0.criteria.filter(\.floorEffect).count)
            },
            v.column("never_answered", "Jamais renseignés", "Never answered", .integer, v.t("Critères applicables restés sans réponse sur toutes les visites.", "Never answered.")) {
                .integer($0.criteria.filter(\.neverAnswered).count)
            },
            v.column("systematic_divergence", "Divergences systématiques", "Systematic divergences", .integer,
                     v.t("Critères qui divergent de l'autre grille sur la plupart des visites comparées.", "Systematic divergences.")) {
                .integer($0.criteria.filter(\.systematicDivergence).count)
            },
            count(.drop, "À supprimer", "Drop"), count(.split, "À scinder", "Split"), count(.merge, "À fusionner", "Merge"), count(.reword, "À reformuler", "Reword"),
        ]).sheet(v.t("Synthèse", "Summary"), role: .summary, summary: summary, rows: reviews)
    }

    typealias CriterionRow = (review: CriterionReview, figures: CriterionReview.Figures)

    /// *Critères*: the figures of every criterion.
    static func criteriaColumns(_ levelValues: [Int], _ v: ReportVocabulary) -> SheetColumns<CriterionRow> {
        let round4 = ComparisonReport.round4
        var list: [SheetColumn<CriterionRow>] = [
            v.column("version", "Version", "Version", .text, v.t("Version du protocole.", "Protocol version.")) { .text("\($0.review.grid.version)") },
            v.column("theme", "Thème", "Theme", .text, v.t("Thème (section) du critère.", "Theme.")) { .text($0.figures.section) },
            v.column("criterion", "Critère", "Criterion", .text, v.t("Identifiant du critère.", "Criterion id.")) { .text($0.figures.criterion) },
            v.column("title", "Intitulé", "Title", .longText, v.t("Intitulé du critère.", "Title."), width: 50) { .text($0.figures.title) },
            v.column("imperative", "Impératif", "Imperative", .text, v.t("oui pour un critère impératif.", "Imperative.")) { .text(v.yes($0.figures.imperative)) },
            v.column("visits", "Visites", "Visits", .integer, v.t("Visites revues.", "Visits reviewed.")) { .integer($0.figures.visits) },
            v.column("applies", "Applicable", "Applies", .integer, v.t("Visites où le critère s'applique (sa condition est vraie).", "Visits where it applies.")) { .integer($0.figures.applies) },
        ]
        list += levelValues.map { value in
            v.column("level_\(value)", "Niveau \(value)", "Level \(value)", .integer,
                     v.t("Réponses au niveau \(value) ; vide quand l'échelle du critère n'a pas ce niveau.", "Answers at level \(value); empty when the scale has no such level.")) { (row: CriterionRow) in
                .integer(row.figures.levels.first { $0.value == value }?.count)
            }
        }
        list += [
            v.column("scored", "Niveaux donnés", "Levels given", .integer, v.t("Réponses qui sont un niveau de l'échelle.", "Answers on the scale.")) { .integer($0.figures.scored) },
            v.column("not_applicable", "Non concerné", "Not applicable", .integer, v.t("Réponses « non concerné ».", "Not applicable answers.")) { .integer($0.figures.notApplicable) },
            v.column("not_applicable_rate", "Taux non concerné", "Not applicable rate", .percent, v.t("Part des réponses données qui sont « non concerné ».", "Share of the answers.")) {
                .number($0.figures.notApplicableRate.map(round4))
            },
            v.column("not_assessed", "Non évalué", "Not assessed", .integer, v.t("Réponses « non évalué ».", "Not assessed answers.")) { .integer($0.figures.notAssessed) },
            v.column("not_assessed_rate", "Taux non évalué", "Not assessed rate", .percent, v.t("Part des réponses données qui sont « non évalué ».", "Share of the answers.")) {
                .number($0.figures.notAssessedRate.map(round4))
            },
            v.column("unanswered", "Sans réponse", "Unanswered", .integer, v.t("Visites où le critère s'applique et n'a pas de réponse.", "Applies, no answer.")) { .integer($0.figures.unanswered) },
            v.column("floor", "Au plus bas", "At the floor", .percent, v.t("Part des niveaux donnés qui sont le plus bas de l'échelle.", "Share at the lowest level.")) {
                .number($0.figures.floor.map(round4))
            },
            v.column("ceiling", "Au plus haut", "At the ceiling", .percent, v.t("Part des niveaux donnés qui sont le plus haut de l'échelle.", "Share at the highest level.")) {
                .number($0.figures.ceiling.map(round4))
            },
            v.column("effect", "Effet", "Effect", .text, v.t("plafond ou plancher quand cette part atteint le seuil (voir la synthèse).", "ceiling or floor when the share reaches the threshold.")) { row in
                let f = row.figures
                return .text(f.ceilingEffect ? v.t("plafond", "ceiling") : f.floorEffect ? v.t("plancher", "floor") : nil, .warning)
            },
            v.column("item_rest", "Corrélation au thème", "Item-rest correlation", .number,
                     v.t("Pearson entre le niveau du critère et la moyenne des autres critères du thème, sur les visites qui ont les deux.", "Pearson with the mean of the rest of the theme.")) {
                .number($0.figures.itemRest.figure.map { round4($0.r) })
            },
            v.column("item_rest_visits", "Visites (corrélation)", "Visits (correlation)", .integer, v.t("Visites sur lesquelles repose la corrélation.", "Visits the correlation rests on.")) {
                .integer($0.figures.itemRest.figure?.visits)
            },
            v.column("item_rest_note", "Corrélation non calculée", "Correlation undefined", .longText, v.t("Pourquoi la corrélation n'est pas calculée.", "Why the correlation is undefined."), width: 40) {
                .text($0.figures.itemRest.undefinedReason.map { undefined($0, v) }, .muted)
            },
            v.column("compared", "Visites comparées", "Visits compared", .integer,
                     v.t("Visites où un lien de correspondance du critère a ses deux réponses notées.", "Visits where a crosswalk link could be compared.")) { .integer($0.figures.compared) },
            v.column("diverging", "Visites divergentes", "Visits diverging", .integer,
                     v.t("Visites où au moins un lien du critère diverge (conforme mais insatisfaisant, ou l'inverse).", "Visits where a link diverges.")) { .integer($0.figures.diverging) },
            v.column("divergence_rate", "Taux de divergence", "Divergence rate", .percent, v.t("Visites divergentes sur visites comparées.", "Diverging over compared.")) {
                .number($0.figures.divergenceRate.map(round4), $0.figures.systematicDivergence ? .warning : nil)
            },
            v.column("proposals", "Propositions", "Proposals", .text, v.t("Les changements proposés pour ce critère (feuille Propositions).", "Proposed changes.")) { row in
                let kinds = row.review.proposals.filter { $0.criteria.contains(row.figures.criterion) }.map { kind($0.kind, v) }
                var seen = Set<String>()
                return .text(kinds.filter { seen.insert($0).inserted }.joined(separator: ", "))
            },
        ]
        return SheetColumns(list)
    }

    typealias ProposalRow = (review: CriterionReview, proposal: CriterionReview.Proposal)

    /// *Propositions*: each change proposed, with the figures behind it.
    static func proposalColumns(_ v: ReportVocabulary) -> SheetColumns<ProposalRow> {
        SheetColumns<ProposalRow>([
            v.column("version", "Version", "Version", .text, v.t("Version du protocole.", "Protocol version.")) { .text("\($0.review.grid.version)") },
            v.column("proposal", "Proposition", "Proposal", .text, v.t("supprimer, scinder, fusionner ou reformuler.", "drop, split, merge or reword.")) { .text(kind($0.proposal.kind, v)) },
            v.column("theme", "Thème", "Theme", .text, v.t("Thème des critères.", "Theme.")) { .text($0.proposal.section) },
            v.column("criteria", "Critères", "Criteria", .text, v.t("Le critère, ou les deux critères à fusionner.", "The criterion, or both to merge.")) { .text($0.proposal.criteria.joined(separator: ", ")) },
            v.column("figure", "Valeur", "Figure", .number, v.t("La part (0–1) ou la corrélation qui motive la proposition.", "The share or correlation behind it.")) {
                .number(ComparisonReport.round4(value($0.proposal.reason)))
            },
            v.column("out_of", "Sur", "Out of", .integer, v.t("Le nombre de réponses ou de visites sur lequel repose la valeur.", "What the figure rests on.")) { .integer(base($0.proposal.reason)) },
            v.column("reason", "Motif", "Reason", .longText, v.t("Les chiffres qui motivent la proposition.", "The figures behind it."), width: 80) {
                .text(sentence($0.proposal, $0.review.kind, v))
            },
        ])
    }

    static func kind(_ k: CriterionReview.Proposal.Kind, _ v: ReportVocabulary) -> String {
        switch k {
        case .drop: v.t("supprimer", "drop")
        case .split: v.t("scinder", "split")
        case .merge: v.t("fusionner", "merge")
        case .reword: v.t("reformuler", "reword")
        }
    }

    /// The share or correlation a proposal rests on.
    static func value(_ reason: CriterionReview.Proposal.Reason) -> Double {
        switch reason {
        case let .ceiling(_, count, scored), let .floor(_, count, scored): share(count, scored)
        case let .mostlyNotApplicable(count, answered), let .oftenNotAssessed(count, answered): share(count, answered)
        case .neverAnswered: 0
        case let .lowItemRest(c), let .answeredAlike(c, _): c.r
        case let .systematicDivergence(diverging, compared): share(diverging, compared)
        }
    }

    /// What the figure is out of: answers, or visits.
    static func base(_ reason: CriterionReview.Proposal.Reason) -> Int {
        switch reason {
        case let .ceiling(_, _, scored), let .floor(_, _, scored): scored
        case let .mostlyNotApplicable(_, answered), let .oftenNotAssessed(_, answered): answered
        case let .neverAnswered(applies): applies
        case let .lowItemRest(c), let .answeredAlike(c, _): c.visits
        case let .systematicDivergence(_, compared): compared
        }
    }

    static func share(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }

    /// The figures behind a proposal, in one sentence of the protocol's language.
    public static func sentence(_ p: CriterionReview.Proposal, in review: CriterionReview) -> String {
        sentence(p, review.kind, ReportVocabulary(language: review.grid.language))
    }

    /// `kind`: the grid reviewed (its divergence is with the other one).
    static func sentence(_ p: CriterionReview.Proposal, _ kind: ProtocolKind, _ v: ReportVocabulary) -> String {
        func pct(_ a: Int, _ b: Int) -> String { "\(Int((share(a, b) * 100).rounded())) %" }
        func r(_ x: Double) -> String { decimal(x, v) }
        switch p.reason {
        case let .ceiling(level, count, scored):
            return v.t("effet plafond : \(count) des \(scored) niveaux donnés sont le plus haut (\(level)), soit \(pct(count, scored)) ; le critère ne distingue pas les établissements",
                       "ceiling effect: \(count) of the \(scored) levels given are the highest (\(level)), \(pct(count, scored)); the criterion does not tell establishments apart")
        case let .floor(level, count, scored):
            return v.t("effet plancher : \(count) des \(scored) niveaux donnés sont le plus bas (\(level)), soit \(pct(count, scored)) ; le critère ne distingue pas les établissements",
                       "floor effect: \(count) of the \(scored) levels given are the lowest (\(level)), \(pct(count, scored)); the criterion does not tell establishments apart")
        case let .mostlyNotApplicable(count, answered):
            return v.t("« non concerné » dans \(count) des \(answered) réponses (\(pct(count, answered))) : le critère ne concerne presque jamais les établissements visités",
                       "« not applicable » in \(count) of the \(answered) answers (\(pct(count, answered)))")
        case let .oftenNotAssessed(count, answered):
            return v.t("« non évalué » dans \(count) des \(answered) réponses (\(pct(count, answered))) : les inspecteurs ne parviennent pas à l'évaluer tel qu'il est formulé",
                       "« not assessed » in \(count) of the \(answered) answers (\(pct(count, answered))): inspectors cannot assess it as worded")
        case let .neverAnswered(applies):
            return v.t("jamais renseigné, alors qu'il s'appliquait à \(applies) visite\(applies == 1 ? "" : "s")",
                       "never answered, though it applied to \(applies) visit\(applies == 1 ? "" : "s")")
        case let .lowItemRest(c):
            return v.t("corrélation avec le reste du thème r = \(r(c.r)) sur \(c.visits) visites : le critère ne mesure pas ce que mesurent les autres critères du thème",
                       "item-rest correlation r = \(r(c.r)) over \(c.visits) visits: it does not measure what the rest of its theme measures")
        case let .answeredAlike(c, equal):
            return v.t("corrélation r = \(r(c.r)) sur \(c.visits) visites, même niveau sur \(equal) d'entre elles ; les deux critères semblent dire la même chose",
                       "r = \(r(c.r)) over \(c.visits) visits, the same level on \(equal) of them")
        case let .systematicDivergence(diverging, compared):
            let other = kind == .evaluation ? v.t("la grille de contrôle", "the control grid") : v.t("la grille d'évaluation", "the evaluation grid")
            return v.t("diverge de \(other) sur \(diverging) des \(compared) visites comparées (\(pct(diverging, compared))) : il regroupe peut-être ce que le contrôle vérifie et ce que vit la personne accueillie",
                       "diverges from \(other) on \(diverging) of the \(compared) visits compared (\(pct(diverging, compared)))")
        }
    }

    static func undefined(_ u: CriterionReview.Undefined, _ v: ReportVocabulary) -> String {
        switch u {
        case let .tooFewVisits(count, needed): v.t("\(count) visite\(count > 1 ? "s" : "") avec les deux chiffres, \(needed) au moins",
                                                   "\(count) visit\(count == 1 ? "" : "s") with both figures, at least \(needed) needed")
        case .noOtherCriterion: v.t("seul critère de son thème", "no other criterion in its theme")
        case let .constant(level): v.t("toujours le niveau \(level) : aucune variation", "every level given is \(level): no variance")
        case .otherConstant: v.t("le reste du thème a la même moyenne à chaque visite : aucune variation", "the rest of the theme has the same figure on every visit: no variance")
        }
    }

    /// `0,95` in French, `0.95` otherwise.
    static func decimal(_ x: Double, _ v: ReportVocabulary) -> String {
        let text = CellValue.format((x * 100).rounded() / 100)
        return v.french ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    static func thresholds(_ t: CriterionReview.Thresholds, _ v: ReportVocabulary) -> String {
        func p(_ x: Double) -> String { "\(Int((x * 100).rounded())) %" }
        return v.t("effet plafond ou plancher dès \(p(t.effect)) des niveaux donnés ; « non concerné » dès \(p(t.notApplicable)) ; « non évalué » dès \(p(t.notAssessed)) ; "
                   + "divergence systématique dès \(p(t.divergence)) des visites comparées (parts sur \(t.minimumAnswers) réponses au moins) ; "
                   + "corrélation au thème sous \(decimal(t.lowItemRest, v)) ; fusion dès r = \(decimal(t.merge, v)) et \(p(t.mergeEqual)) de niveaux égaux (corrélations sur \(t.minimumVisits) visites au moins)",
                   "ceiling or floor from \(p(t.effect)) of the levels given; not applicable from \(p(t.notApplicable)); not assessed from \(p(t.notAssessed)); "
                   + "systematic divergence from \(p(t.divergence)) of the visits compared (shares over at least \(t.minimumAnswers) answers); "
                   + "item-rest below \(decimal(t.lowItemRest, v)); merge from r = \(decimal(t.merge, v)) and \(p(t.mergeEqual)) of equal levels (correlations over at least \(t.minimumVisits) visits)")
    }
}
