/// The tableau de suivi (DOMAIN.md §9): one row per measure of a visit — finding, kind, text,
/// deadline, status — exchanged with the organisation, whose columns (its answer, the evidence it
/// sends, the date) are the only ones unlocked. Stamped like the fill-in grid (the visit, the
/// measures' ids, a hash of what the inspectors wrote) so that the filled workbook can be read back.
public enum FollowUpReport {
    /// The columns the tableau is read back by (`regards measure follow --from`).
    public static let measureTitle = FillInReport.Title(key: "measure", french: "Mesure", english: "Measure")
    public static let answerTitle = FillInReport.Title(key: "org_answer", french: "Réponse de l'organisme", english: "Organisation's answer")
    public static let evidenceTitle = FillInReport.Title(key: "org_evidence", french: "Pièces jointes", english: "Evidence")
    public static let dateTitle = FillInReport.Title(key: "org_date", french: "Date", english: "Date")
    static let titles = [measureTitle, answerTitle, evidenceTitle, dateTitle]

    /// What the stamp's hash covers: each measure as the inspectors set it, in row order.
    public static func hash(_ r: VisitRecord, _ measures: [Measure]) -> String {
        let p = r.procedure
        let text = measures.map { m in
            [m.uid, m.label, m.kind.rawValue, m.text, p.findingLabels(m).joined(separator: ","), p.due(m)?.description ?? m.deadline.description].joined(separator: "\u{1F}")
        }.joined(separator: "\u{1E}")
        return SHA256.hex(Array(text.utf8))
    }

    public static func build(_ r: VisitRecord, generatedBy author: String) -> Report? {
        let p = r.procedure
        let measures = p.followUpOrder(today: r.today).filter { !$0.withdrawn }
        guard !measures.isEmpty else { return nil }
        let v = ReportVocabulary(language: r.grids.evaluation.language)
        let findings = Dictionary(uniqueKeysWithValues: p.findings.map { ($0.uid, $0) })
        let columns = SheetColumns<Measure>([
            v.column(measureTitle, .text, v.t("Numéro de la mesure (ne pas modifier).", "Measure number.")) { .text($0.label) },
            v.column("kind", "Nature", "Kind", .text, v.t("prescription, recommandation ou injonction.", "Kind.")) { .text($0.kind.label) },
            v.column("findings", "Constats", "Findings", .longText, v.t("Les constats auxquels la mesure répond.", "Findings."), width: 40) { m in
                .text(m.findings.compactMap { findings[$0] }.map { "\($0.label) — \($0.fact)" }.joined(separator: "\n"))
            },
            v.column("text", "Mesure demandée", "Measure", .longText, v.t("Ce qui est demandé.", "What is asked."), width: 44) { .text($0.text) },
            v.column("due", "Échéance", "Due", .date, v.t("Date limite.", "Deadline.")) { .date(p.due($0)) },
            v.column("status", "Statut", "Status", .text, v.t("Statut au jour du tableau.", "Status.")) { .text(p.status(of: $0, today: r.today).label) },
            v.column(answerTitle, .longText,
                     v.t("Ce que l'organisme a fait ou prévoit (à remplir par l'organisme).", "What the organisation did."), width: 44, editable: true) { _ in Cell(.text("")) },
            v.column(evidenceTitle, .longText, v.t("Les pièces envoyées (à remplir par l'organisme).", "Evidence sent."), width: 30, editable: true) { _ in
                Cell(.text(""))
            },
            v.column(dateTitle, .date, v.t("Date de la réponse (à remplir par l'organisme).", "Date of the answer."), editable: true) { _ in Cell.empty },
        ])
        var sheet = columns.sheet(v.t("Tableau de suivi", "Follow-up"), role: .followUp,
                                  summary: [SummaryLine(v.t("Visite", "Visit"), .text("\(r.visit.id) — \(r.visit.establishment)")),
                                            SummaryLine(v.t("Décision du", "Decision of"), p.definitiveReport.map { Cell.date($0) } ?? Cell.text(v.t("à venir", "pending"))),
                                            SummaryLine(v.t("Statuts au", "Status as of"), .date(r.today))],
                                  rows: measures)
        sheet.protected = true
        let hash = hash(r, measures)
        let title = v.t("Tableau de suivi des mesures — visite \(r.visit.id)", "Follow-up of measures — visit \(r.visit.id)")
        return FillInReport.stamped(title: title, language: r.grids.evaluation.language, subject: "\(r.visit.id) — \(r.visit.establishment)", author: author,
                                    comments: "tableau de suivi [\(hash)]",
                                    stamps: [("visite", r.visit.id), ("visite-uid", r.visit.uid), ("document", "tableau-de-suivi"),
                                             ("mesures", measures.map(\.uid).joined(separator: ",")), ("empreinte", hash)],
                                    sheet: sheet)
    }
}
