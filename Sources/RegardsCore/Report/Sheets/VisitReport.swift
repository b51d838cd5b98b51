/// Builds the comparison workbook of a visit, of a campaign, and of two protocols, as neutral
/// `Report`s. Each sheet is a list of columns (`SheetColumns`) over the comparison's results: the
/// sheets show what `VisitComparison`, `CampaignComparison` and `Coverage` computed, never compute
/// a score again.
public enum ComparisonReport {
    /// What every sheet of a visit's workbook reads.
    struct VisitContext {
        let record: VisitRecord
        let comparison: VisitComparison
        let v: ReportVocabulary
    }

    public static func visit(_ r: VisitRecord, generatedBy author: String) -> Report {
        let x = VisitContext(record: r, comparison: VisitComparison(r), v: ReportVocabulary(language: r.grids.evaluation.language))
        let v = x.v
        var sheets = [summary(x)] + r.grids.kinds.map { grid(x, $0) } + [comparison(x)]
        if let control = r.grids.control { sheets.append(coverageMatrix(Coverage(evaluation: r.grids.evaluation, control: control), control, v)) }
        sheets += [observations(x), journeys(x), actions(x)] + procedureSheets(r) + [documents(r.grids.evaluation, r.grids.control, v), data(x)]
        sheets.append(dictionary(sheets, v))
        return Report(title: v.t("Comparaison contrôle / évaluation — visite \(r.visit.id)", "Control / evaluation comparison — visit \(r.visit.id)"),
                      language: r.grids.evaluation.language, properties: properties(r, author: author, v), sheets: sheets)
    }

    static func properties(_ r: VisitRecord, author: String, _ v: ReportVocabulary) -> Report.Properties {
        var custom = [Report.Field("visite", r.visit.id), Report.Field("finess", r.visit.finess),
                      Report.Field("protocole-evaluation", r.visit.evaluation.description), Report.Field("empreinte-evaluation", r.visit.evaluation.hash)]
        if let p = r.visit.control {
            custom += [Report.Field("protocole-controle", p.description), Report.Field("empreinte-controle", p.hash)]
        }
        return Report.Properties(title: v.t("Visite \(r.visit.id) — \(r.visit.establishment)", "Visit \(r.visit.id) — \(r.visit.establishment)"),
                                 subject: v.t("Comparaison de la grille de contrôle et de l'évaluation", "Control grid and evaluation compared"),
                                 author: author, keywords: "Regards, CHRS, \(r.visit.evaluation), \(r.visit.control?.description ?? "")",
                                 comments: v.t("Protocoles : ", "Protocols: ") + ([r.visit.evaluation, r.visit.control].compactMap { $0 }.map { "\($0) [\($0.hash)]" }.joined(separator: ", ")),
                                 custom: custom)
    }

    /// How a divergence class is written in a report of this language (the *Comparaison* sheet's `divergence` column).
    public static func label(of divergence: Divergence, language: String) -> String {
        ReportVocabulary(language: language).divergence(divergence)
    }

    /// Figures as the workbooks show them: scores to two decimals, shares to four.
    static func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
    static func round4(_ x: Double) -> Double { (x * 10000).rounded() / 10000 }
}
