/// The fill-in workbook: one grid of a visit for inspectors who prefer a spreadsheet on site.
/// Answers are chosen from drop-down lists of the scale's labels; comment and evidence are free;
/// everything else is protected; the visit and protocol (id, version, hash) are stamped in the
/// properties and in a hidden sheet, so a later re-import can check them.
public enum FillInReport {
    /// The titles of the columns read back (in both languages a grid is written in): the import
    /// finds its columns by these, wherever they are.
    public struct Title: Sendable {
        public let key: String, french: String, english: String
        public var both: [String] { [french, english] }
    }
    public static let criterionTitle = Title(key: "criterion", french: "Critère", english: "Criterion")
    public static let titleTitle = Title(key: "title", french: "Intitulé", english: "Title")
    public static let answerTitle = Title(key: "answer", french: "Réponse", english: "Answer")
    public static let commentTitle = Title(key: "comment", french: "Commentaire", english: "Comment")
    public static let evidenceTitle = Title(key: "evidence", french: "Preuve", english: "Evidence")
    /// The name of the hidden sheet of stamps.
    public static let stampSheet = "Regards"
    /// The suffix of an imperative criterion's title.
    static func imperativeSuffix(_ v: ReportVocabulary) -> String { v.t(" (impératif)", " (imperative)") }

    /// One line of the grid: an applicable criterion, its choices and its current answer.
    struct Line {
        let section: Section
        let criterion: Criterion
        let scale: Scale?
        let event: AnswerEvent?
        var choices: [String] { scale?.choices(imperative: criterion.imperative).map(\.label) ?? [] }
    }

    /// `historyPoint`: the last history event the workbook answers from (default: the record's
    /// last); the demo writes a grid « filled on site » from answers it has not recorded yet.
    public static func build(_ r: VisitRecord, grid kind: ProtocolKind, generatedBy author: String, historyPoint: String? = nil) -> Report? {
        guard let grid = r.grids.grid(kind), let pin = kind == .evaluation ? r.visit.evaluation : r.visit.control else { return nil }
        let v = ReportVocabulary(language: grid.language)
        let context = r.visit.conditionContext
        let columns = SheetColumns<Line>([
            v.column("theme", "Thème", "Theme", .text, v.t("Thème.", "Theme.")) { .text($0.section.id) },
            v.column(criterionTitle, .text, v.t("Identifiant du critère (ne pas modifier).", "Criterion id.")) { .text($0.criterion.id) },
            v.column(titleTitle, .longText, v.t("Ce qui est apprécié.", "What is assessed."), width: 48) {
                .text($0.criterion.title + ($0.criterion.imperative ? imperativeSuffix(v) : ""))
            },
            v.column("guidance", "Consigne", "Guidance", .longText, v.t("Comment l'apprécier.", "How to assess it."), width: 40) { .text($0.criterion.guidance) },
            v.column("references", "Références", "References", .longText, v.t("Références.", "References."), width: 22) { .text($0.criterion.references.joined(separator: " ; ")) },
            v.column(answerTitle, .text, v.t("Choisir dans la liste.", "Pick from the list."), width: 26, editable: true) {
                Cell(.text($0.event?.value?.label(in: $0.scale) ?? ""))
            },
            v.column(commentTitle, .longText, v.t("Commentaire libre (jamais de nom).", "Free comment."), width: 40, editable: true) {
                Cell(.text($0.event?.comment ?? ""))
            },
            v.column(evidenceTitle, .longText, v.t("Élément de preuve.", "Evidence."), width: 28, editable: true) { Cell(.text($0.event?.evidence ?? "")) },
        ])
        let lines = grid.allCriteria.filter { $0.criterion.applies(in: context) }.map { section, criterion in
            Line(section: section, criterion: criterion, scale: r.grids.scale(criterion.scale, in: kind), event: r.current[kind]?[criterion.id])
        }
        // One drop-down list per run of lines offering the same answers.
        var validations: [DataValidation] = []
        for (row, line) in lines.enumerated() {
            let labels = line.choices
            if let last = validations.last, last.values == labels, last.lastRow == row - 1 {
                validations[validations.count - 1].lastRow = row
            } else {
                validations.append(DataValidation(column: "answer", firstRow: row, lastRow: row, values: labels))
            }
        }
        var sheet = columns.sheet(kind == .evaluation ? v.t("Grille d'évaluation", "Evaluation grid") : v.t("Grille de contrôle", "Control grid"), role: .fillIn,
                                  summary: [SummaryLine(v.t("Visite", "Visit"), .text("\(r.visit.id) — \(r.visit.establishment)")),
                                            SummaryLine(v.t("Protocole", "Protocol"), .text("\(pin) — sha256 \(pin.hash)"))]
                                      + (r.scorer.map { [SummaryLine(v.t("Évaluation indépendante", "Independent scoring"), .text($0))] } ?? []),
                                  rows: lines)
        sheet.validations = validations
        sheet.protected = true
        // The history point the workbook was written from: an answer changed in the workspace after
        // it and also in the workbook is a conflict when the workbook comes back.
        let stamps = [("visite", r.visit.id), ("visite-uid", r.visit.uid), ("grille", kind.rawValue), ("protocole", pin.id), ("version", pin.version),
                      ("empreinte", pin.hash), ("historique", historyPoint ?? r.history.last?.uid ?? "")] + (r.scorer.map { [("evaluateur", $0)] } ?? [])
        let title = v.t("Grille à remplir — visite \(r.visit.id)", "Fill-in grid — visit \(r.visit.id)") + (r.scorer.map { " — \($0)" } ?? "")
        return stamped(title: title, language: grid.language, subject: pin.description, author: author, comments: "\(pin) [\(pin.hash)]",
                       stamps: stamps, sheet: sheet)
    }

    /// A workbook that will be read back: its one protected sheet, and the stamps (visit, what it
    /// holds, a hash) in the document properties and in a hidden, protected sheet « Regards ».
    static func stamped(title: String, language: String, subject: String, author: String, comments: String, stamps: [(String, String)], sheet: Sheet) -> Report {
        var stamp = Sheet(name: stampSheet, role: .stamp, columns: [Column("key", "clé", .text, "k"), Column("value", "valeur", .text, "v", width: 70)],
                          rows: stamps.map { [.text($0.0), .text($0.1)] })
        stamp.hidden = true
        stamp.protected = true
        let custom = stamps.filter { !["visite-uid", "mesures", "historique"].contains($0.0) }.map { Report.Field($0.0, $0.1) }
        return Report(title: title, language: language,
                      properties: Report.Properties(title: title, subject: subject, author: author, keywords: "Regards, \(subject)", comments: comments, custom: custom),
                      sheets: [sheet, stamp])
    }
}
