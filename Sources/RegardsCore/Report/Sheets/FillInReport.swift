/// The fill-in workbook: one grid of a visit for inspectors who prefer a spreadsheet on site.
/// Answers are chosen from drop-down lists of the scale's labels; comment and evidence are free;
/// everything else is protected; the visit and protocol (id, version, hash) are stamped in the
/// properties and in a hidden sheet, so a later re-import can check them.
public enum FillInReport {
    public static func build(_ r: VisitRecord, grid kind: ProtocolKind, generatedBy author: String) -> Report? {
        guard let grid = r.grids.grid(kind), let pin = kind == .evaluation ? r.visit.evaluation : r.visit.control else { return nil }
        let v = ReportVocabulary(language: grid.language)
        let context = r.visit.conditionContext
        let columns = [
            v.column("theme", "Thème", "Theme", .text, v.t("Thème.", "Theme.")),
            v.column("criterion", "Critère", "Criterion", .text, v.t("Identifiant du critère (ne pas modifier).", "Criterion id.")),
            v.column("title", "Intitulé", "Title", .longText, v.t("Ce qui est apprécié.", "What is assessed."), width: 48),
            v.column("guidance", "Consigne", "Guidance", .longText, v.t("Comment l'apprécier.", "How to assess it."), width: 40),
            v.column("references", "Références", "References", .longText, v.t("Références.", "References."), width: 22),
            v.column("answer", "Réponse", "Answer", .text, v.t("Choisir dans la liste.", "Pick from the list."), width: 26, editable: true),
            v.column("comment", "Commentaire", "Comment", .longText, v.t("Commentaire libre (jamais de nom).", "Free comment."), width: 40, editable: true),
            v.column("evidence", "Preuve", "Evidence", .longText, v.t("Élément de preuve.", "Evidence."), width: 28, editable: true),
        ]
        var rows: [[Cell]] = []
        var validations: [DataValidation] = []
        for (section, criterion) in grid.allCriteria where criterion.applies(in: context) {
            let scale = r.grids.scale(criterion.scale, in: kind)
            let event = r.current[kind]?[criterion.id]
            let labels = scale?.choices(imperative: criterion.imperative).map(\.label) ?? []
            let row = rows.count
            if let last = validations.last, last.values == labels, last.lastRow == row - 1 {
                validations[validations.count - 1].lastRow = row
            } else {
                validations.append(DataValidation(column: 5, firstRow: row, lastRow: row, values: labels))
            }
            rows.append([.text(section.id), .text(criterion.id), .text(criterion.title + (criterion.imperative ? v.t(" (impératif)", " (imperative)") : "")),
                         .text(criterion.guidance), .text(criterion.references.joined(separator: " ; ")),
                         Cell(.text(event?.value?.label(in: scale) ?? "")), Cell(.text(event?.comment ?? "")), Cell(.text(event?.evidence ?? ""))])
        }
        var sheet = Sheet(name: kind == .evaluation ? v.t("Grille d'évaluation", "Evaluation grid") : v.t("Grille de contrôle", "Control grid"), role: .fillIn,
                          summary: [SummaryLine(v.t("Visite", "Visit"), .text("\(r.visit.id) — \(r.visit.establishment)")),
                                    SummaryLine(v.t("Protocole", "Protocol"), .text("\(pin) — sha256 \(pin.hash)"))],
                          columns: columns, rows: rows)
        sheet.validations = validations
        sheet.protected = true
        var stamp = Sheet(name: "Regards", role: .stamp, columns: [Column("key", "clé", .text, "k"), Column("value", "valeur", .text, "v", width: 70)],
                          rows: [("visite", r.visit.id), ("visite-uid", r.visit.uid), ("grille", kind.rawValue), ("protocole", pin.id), ("version", pin.version),
                                 ("empreinte", pin.hash)].map { [.text($0.0), .text($0.1)] })
        stamp.hidden = true
        stamp.protected = true
        return Report(title: v.t("Grille à remplir — visite \(r.visit.id)", "Fill-in grid — visit \(r.visit.id)"), language: grid.language,
                      properties: Report.Properties(title: v.t("Grille à remplir — visite \(r.visit.id)", "Fill-in grid — visit \(r.visit.id)"), subject: pin.description,
                                                    author: author, keywords: "Regards, \(pin)", comments: "\(pin) [\(pin.hash)]",
                                                    custom: [Report.Field("visite", r.visit.id), Report.Field("grille", kind.rawValue), Report.Field("protocole", pin.id),
                                                             Report.Field("version", pin.version), Report.Field("empreinte", pin.hash)]),
                      sheets: [sheet, stamp])
    }
}
