extension ComparisonReport {
    /// What the long table repeats on every row of one visit, made once per visit.
    final class DataVisit {
        let visit: Cell, establishment: Cell, finess: Cell, campaign: Cell
        let yes: Cell, no: Cell

        init(_ visit: Visit, _ v: ReportVocabulary) {
            self.visit = .text(visit.id)
            establishment = .text(visit.establishment)
            finess = .text(visit.finess)
            campaign = .text(visit.campaign)
            yes = .text(v.yes(true))
            no = .text(v.yes(false))
        }
    }

    /// One line of the long table: one criterion of one grid of one visit.
    struct DataRow {
        let visit: DataVisit
        let grid: Cell
        let reference: Cell
        let section: Cell
        let criterion: Criterion
        let result: VisitComparison.Result?
        let event: AnswerEvent?
    }

    /// *Données*, the tidy long table: one row per visit, grid and criterion, as an Excel table for pivots.
    static func dataColumns(_ v: ReportVocabulary) -> SheetColumns<DataRow> {
        SheetColumns([
            v.column("visit", "Visite", "Visit", .text, v.t("Identifiant de la visite.", "Visit id.")) { $0.visit.visit },
            v.column("establishment", "Établissement", "Establishment", .text, v.t("Établissement visité.", "Establishment."), width: 28) { $0.visit.establishment },
            v.column("finess", "FINESS", "FINESS", .text, v.t("Numéro FINESS de l'établissement.", "FINESS number.")) { $0.visit.finess },
            v.column("campaign", "Campagne", "Campaign", .text, v.t("Campagne de la visite.", "Campaign.")) { $0.visit.campaign },
            v.column("grid", "Grille", "Grid", .text, v.t("evaluation ou control.", "evaluation or control.")) { $0.grid },
            v.column("protocol", "Protocole", "Protocol", .text, v.t("Protocole et version.", "Protocol and version.")) { $0.reference },
            v.column("theme", "Thème", "Theme", .text, v.t("Thème (section).", "Theme.")) { $0.section },
            v.column("criterion", "Critère", "Criterion", .text, v.t("Critère ou point de contrôle.", "Criterion.")) { .text($0.criterion.id) },
            v.column("title", "Intitulé", "Title", .text, v.t("Intitulé.", "Title."), width: 40) { .text($0.criterion.title) },
            v.column("imperative", "Impératif", "Imperative", .text, v.t("oui pour un critère impératif.", "Imperative.")) { $0.criterion.imperative ? $0.visit.yes : $0.visit.no },
            v.column("weight", "Poids", "Weight", .number, v.t("Poids dans les moyennes de thème.", "Weight.")) { .number($0.criterion.weight) },
            v.column("applicable", "Applicable", "Applicable", .text, v.t("non quand la condition de pertinence est fausse pour la visite.", "Applies.")) {
                $0.result?.relevant ?? true ? $0.visit.yes : $0.visit.no
            },
            v.column("value", "Réponse", "Answer", .text, v.t("Valeur de niveau, na ou nv ; vide sans réponse.", "Answer code.")) { .text($0.result?.value?.code) },
            v.column("label", "Libellé", "Label", .text, v.t("Libellé de la réponse.", "Answer label.")) { .text($0.result?.label) },
            v.column("score", "Score", "Score", .number, v.t("Évaluation : niveau 1–4 ; contrôle : conformité 0–1 ; vide si non noté.", "Score.")) {
                .number($0.result?.score.map(round4))
            },
            v.column("comment", "Commentaire", "Comment", .longText, v.t("Commentaire.", "Comment."), width: 36) { .text($0.event?.comment) },
            v.column("evidence", "Preuve", "Evidence", .text, v.t("Preuve.", "Evidence.")) { .text($0.event?.evidence) },
            v.column("author", "Auteur", "Author", .text, v.t("Auteur de la réponse en vigueur.", "Author.")) { .text($0.event?.author) },
            v.column("answered_at", "Répondu le", "Answered at", .timestamp, v.t("Horodatage UTC de la réponse.", "Timestamp.")) {
                $0.event.map { Cell(.timestamp($0.at)) } ?? .empty
            },
        ])
    }

    /// The long table of one visit.
    static func data(_ x: VisitContext) -> Sheet {
        var rows: [DataRow] = []
        dataRows(x.record, x.comparison, x.v) { rows.append($0) }
        return dataColumns(x.v).sheet(x.v.t("Données", "Data"), role: .data, rows: rows, excelTable: true)
    }

    /// The long table's lines for one visit, in grid order.
    static func dataRows(_ r: VisitRecord, _ c: VisitComparison, _ v: ReportVocabulary, _ emit: (DataRow) throws -> Void) rethrows {
        let visit = DataVisit(r.visit, v)
        for kind in r.grids.kinds {
            guard let grid = r.grids.grid(kind) else { continue }
            let gridCell = Cell.text(kind.rawValue), reference = Cell.text(grid.reference)
            let answers = r.current[kind] ?? [:]
            for section in grid.sections {
                let sectionCell = Cell.text(section.id)
                for criterion in section.criteria {
                    try emit(DataRow(visit: visit, grid: gridCell, reference: reference, section: sectionCell, criterion: criterion,
                                     result: c.result(kind, criterion.id), event: answers[criterion.id]))
                }
            }
        }
    }
}
