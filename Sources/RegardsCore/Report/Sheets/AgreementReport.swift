/// The workbook of `regards agreement`: one sheet *Accord* per grid version measured, a row per
/// criterion, theme and the whole grid. The sheet shows what `ScoringAgreement` computed, never
/// computes a figure again; CSV and JSON are this same sheet.
public enum AgreementReport {
    /// `scope`: the visit, or the campaign, the figures are about.
    public static func build(_ measures: [ScoringAgreement], scope: String, generatedBy author: String) -> Report {
        precondition(!measures.isEmpty, "an agreement report needs a grid measured")
        let first = measures[0]
        let v = ReportVocabulary(language: first.grid.language)
        let several = measures.count > 1
        let sheets = measures.map { m in
            columns(v).sheet(v.t("Accord", "Agreement") + (several ? " \(m.grid.version)" : ""), role: .agreement,
                             summary: [SummaryLine(v.t("Portée", "Scope"), .text(scope), key: "scope"),
                                       SummaryLine(v.t("Grille", "Grid"), .text(m.grid.reference), key: "grid"),
                                       SummaryLine(v.t("Visites", "Visits"), .text(m.visits.joined(separator: ", ")), key: "visits"),
                                       SummaryLine(v.t("Évaluateurs par visite", "Scorers per visit"), .integer(m.scorers), key: "scorers"),
                                       SummaryLine(v.t("Réponses hors échelle", "Answers off the scale"), .text(ScoringAgreement.handling), key: "handling")],
                             rows: m.rows.map { (m, $0) }, excelTable: true)
        }
        let title = v.t("Accord inter-évaluateurs — \(scope)", "Inter-rater agreement — \(scope)")
        return Report(title: title, language: first.grid.language,
                      properties: Report.Properties(title: title, subject: v.t("Double évaluation : accord entre évaluateurs", "Double scoring: agreement"),
                                                    author: author, keywords: "Regards, \(first.grid.id), \(scope)",
                                                    comments: measures.map(\.grid.reference).joined(separator: ", "),
                                                    custom: [Report.Field("portee", scope), Report.Field("grille", first.kind.rawValue)]),
                      sheets: sheets)
    }

    typealias Row = (measure: ScoringAgreement, row: ScoringAgreement.Row)

    static func columns(_ v: ReportVocabulary) -> SheetColumns<Row> {
        let round4 = ComparisonReport.round4
        return SheetColumns<Row>([
            v.column("version", "Version", "Version", .text, v.t("Version du protocole.", "Protocol version.")) { .text("\($0.measure.grid.version)") },
            v.column("level", "Niveau", "Level", .text, v.t("critère, thème ou grille.", "criterion, theme or grid.")) { .text(level($0.row.level, v)) },
            v.column("id", "Identifiant", "Id", .text, v.t("Le critère ou le thème ; vide pour toute la grille.", "Criterion or theme id.")) { .text($0.row.id) },
            v.column("title", "Intitulé", "Title", .longText, v.t("Intitulé.", "Title."), width: 45) { .text($0.row.title) },
            v.column("scale", "Échelle", "Scale", .text, v.t("L'échelle des réponses comparées (une ligne ne mélange pas deux échelles).", "Scale.")) { .text($0.row.scale) },
            v.column("answers", "Réponses", "Answers", .text, v.t("Une seule visite : la réponse de chaque évaluateur.", "One visit: each scorer's answer."), width: 30) {
                .text($0.row.answers.map { $0.map { "\($0.scorer) : \($0.value?.code ?? "—")" }.joined(separator: " ; ") })
            },
            v.column("items", "Éléments", "Items", .integer, v.t("Critères × visites qu'au moins un évaluateur a notés.", "Criteria × visits scored.")) { .integer($0.row.items) },
            v.column("off_scale", "Hors échelle", "Off the scale", .integer,
                     v.t("Éléments exclus : un évaluateur a répondu « non concerné » ou « non évalué ».", "Left out: not applicable or not assessed.")) { .integer($0.row.offScale) },
            v.column("unanswered", "Sans réponse", "Unanswered", .integer, v.t("Éléments qu'un évaluateur n'a pas notés.", "A scorer gave no answer.")) { .integer($0.row.unanswered) },
            v.column("compared", "Comparés", "Compared", .integer, v.t("Éléments que deux évaluateurs au moins ont placés sur l'échelle.", "Items compared.")) {
                .integer($0.row.observed.figure?.items ?? 0)
            },
            v.column("observed", "Accord observé", "Observed agreement", .percent, v.t("Part des éléments comparés où tous ont donné le même niveau.", "Same level given.")) {
                .number($0.row.observed.figure.map { round4($0.proportion) })
            },
            v.column("kappa", "Kappa pondéré", "Weighted kappa", .number, v.t("Kappa de Cohen, pondération quadratique (deux évaluateurs).", "Cohen's kappa, quadratic weights.")) {
                .number($0.row.kappa?.figure.map { round4($0.value) })
            },
            v.column("kappa_low", "IC 95 % bas", "95 % CI low", .number,
                     v.t("Borne basse de l'intervalle de confiance à 95 % du kappa (à partir de \(ScoringAgreement.intervalMinimumItems) éléments comparés).",
                         "Lower 95 % bound (from \(ScoringAgreement.intervalMinimumItems) items compared).")) {
                .number(ScoringAgreement.interval($0.row).map { round4($0.lowerBound) })
            },
            v.column("kappa_high", "IC 95 % haut", "95 % CI high", .number,
                     v.t("Borne haute de l'intervalle de confiance à 95 % du kappa (à partir de \(ScoringAgreement.intervalMinimumItems) éléments comparés).",
                         "Upper 95 % bound (from \(ScoringAgreement.intervalMinimumItems) items compared).")) {
                .number(ScoringAgreement.interval($0.row).map { round4($0.upperBound) })
            },
            v.column("alpha", "Alpha ordinal", "Ordinal alpha", .number, v.t("Alpha de Krippendorff, métrique ordinale.", "Krippendorff's alpha, ordinal.")) {
                .number($0.row.alpha.figure.map { round4($0.value) })
            },
            v.column("retained", "Coefficient retenu", "Coefficient read", .text,
                     v.t("kappa pour deux évaluateurs qui ont tout noté sur l'échelle ; alpha sinon.", "kappa for two scorers with every item on the scale; alpha otherwise.")) {
                .text($0.row.retained.rawValue)
            },
            v.column("note", "Non calculé", "Undefined", .longText, v.t("Pourquoi un coefficient n'est pas calculé.", "Why a coefficient is undefined."), width: 45) {
                .text(note($0.row, v), .muted)
            },
        ])
    }

    static func level(_ level: ScoringAgreement.Level, _ v: ReportVocabulary) -> String {
        switch level {
        case .criterion: v.t("critère", "criterion")
        case .theme: v.t("thème", "theme")
        case .overall: v.t("grille", "grid")
        }
    }

    /// Why the row's coefficients are not computed, in the report's language (nil when both are).
    public static func note(_ row: ScoringAgreement.Row, language: String) -> String? { note(row, ReportVocabulary(language: language)) }

    static func note(_ row: ScoringAgreement.Row, _ v: ReportVocabulary) -> String? {
        var parts: [String] = []
        if let reason = row.kappa?.undefinedReason { parts.append("kappa : " + undefined(reason, v)) }
        if row.kappa == nil { parts.append(v.t("kappa : plus de deux évaluateurs (voir alpha)", "kappa: more than two scorers (see alpha)")) }
        if let reason = row.alpha.undefinedReason { parts.append("alpha : " + undefined(reason, v)) }
        return parts.isEmpty ? nil : parts.joined(separator: " ; ")
    }

    static func undefined(_ u: Agreement.Undefined, _ v: ReportVocabulary) -> String {
        switch u {
        case let .tooFewItems(count, needed): v.t("\(count) élément\(count > 1 ? "s" : "") comparé\(count > 1 ? "s" : ""), \(needed) au moins",
                                                  "\(count) item\(count == 1 ? "" : "s") scored by both raters, at least \(needed) needed")
        case let .tooFewPairableValues(count): v.t("\(count) valeur\(count > 1 ? "s" : "") appariable\(count > 1 ? "s" : "")",
                                                   "\(count) pairable value\(count == 1 ? "" : "s"): no item was scored by two raters or more")
        case let .singleCategory(level): v.t("toujours le niveau \(level) : l'accord ne se distingue pas du hasard",
                                             "every value is level \(level): no variation, agreement cannot be told from chance")
        }
    }
}
