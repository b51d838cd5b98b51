extension ComparisonReport {
    /// One line of a grid sheet: a criterion with its result in the comparison and its current answer.
    struct GridRow {
        let section: Section
        let criterion: Criterion
        let result: VisitComparison.Result?
        let event: AnswerEvent?
        let scale: Scale?
        let evidence: VisitComparison.Evidence?
    }

    /// *Grille d'évaluation* or *Grille de contrôle*: every criterion, its answer, score and evidence.
    static func grid(_ x: VisitContext, _ kind: ProtocolKind) -> Sheet {
        let (r, c, v) = (x.record, x.comparison, x.v)
        guard let grid = r.grids.grid(kind) else { preconditionFailure("grid checked by the caller") }
        let evaluation = kind == .evaluation
        var list: [SheetColumn<GridRow>] = [
            v.column("theme", "Thème", "Theme", .text, v.t("Thème (section) de la grille.", "Theme (section).")) { .text($0.section.id) },
            v.column("criterion", evaluation ? "Critère" : "Point de contrôle", evaluation ? "Criterion" : "Control item", .text, v.t("Identifiant stable du critère.", "Stable id.")) {
                .text($0.criterion.id)
            },
            v.column("title", "Intitulé", "Title", .longText, v.t("Ce qui est apprécié ou vérifié.", "What is assessed."), width: 50) { .text($0.criterion.title) },
            v.column("applicable", "Applicable", "Applicable", .text, v.t("« non » quand la condition de pertinence du critère est fausse pour cette visite.", "Whether the criterion applies.")) {
                let applies = $0.result?.relevant ?? true
                return .text(v.yes(applies), applies ? nil : .muted)
            },
            v.column("value", "Réponse", "Answer", .text, v.t("Valeur du niveau, « na » (non concerné / sans objet) ou « nv » (non évalué / non vérifié).", "Level value, na or nv.")) {
                .text($0.result?.value?.code)
            },
            v.column("label", "Libellé", "Label", .text, v.t("Libellé de la réponse sur l'échelle.", "Answer label."), width: 24) {
                .text($0.result?.label, levelStyle($0.result, $0.scale, kind: grid.kind))
            },
            v.column("score", evaluation ? "Score" : "Conformité", evaluation ? "Score" : "Conformity", evaluation ? .number : .percent,
                     v.t("Score retenu par les règles de calcul (vide si non noté).", "Score under the scoring rules.")) { .number($0.result?.score.map(round4)) },
        ]
        if !evaluation {
            list += [
                v.column("basis", "Fondement", "Basis", .text, v.t("Ce sur quoi repose le point : texte opposable (une non-conformité est un écart) ou bonne pratique (une remarque).", "What the item rests on.")) {
                    .text(v.basis($0.criterion.basis))
                },
                v.column("finding", "Constat", "Finding", .text, v.t("Non-conformité relevée : écart (E1, E2…) ou remarque (R1, R2…), numérotés dans l'ordre de la grille.", "Breach or remark, numbered."), width: 18) {
                    guard let f = c.findingByItem[$0.criterion.id] else { return .empty }
                    return .text(v.finding(f), f.kind == .ecart ? .bad : .warning)
                },
            ]
        }
        if evaluation {
            list.append(v.column("imperative", "Impératif", "Imperative", .text, v.t("Critère impératif : toute réponse sous le niveau maximal appelle une piste.", "Imperative criterion.")) {
                .text($0.criterion.imperative ? v.yes(true) : nil)
            })
        }
        list += [
            v.column("comment", "Commentaire", "Comment", .longText, v.t("Commentaire de l'inspecteur.", "Inspector's comment."), width: 40) { .text($0.event?.comment) },
            v.column("evidence", "Preuve", "Evidence", .longText, v.t("Élément de preuve consulté.", "Evidence seen."), width: 28) { .text($0.event?.evidence) },
            v.column("author", "Auteur", "Author", .text, v.t("Qui a donné la réponse en vigueur.", "Who gave the current answer.")) { .text($0.event?.author) },
            v.column("answered_at", "Répondu le", "Answered at", .timestamp, v.t("Date et heure (UTC) de la réponse en vigueur.", "When (UTC).")) {
                $0.event.map { Cell(.timestamp($0.at)) } ?? .empty
            },
            v.column("references", "Références", "References", .longText, v.t("Références légales et HAS.", "Legal and HAS references."), width: 28) {
                .text($0.criterion.references.joined(separator: " ; "))
            },
        ]
        if evaluation {
            list += [
                v.column("observations", "Observations", "Observations", .integer, v.t("Nombre d'observations rattachées au critère.", "Observations backing the criterion.")) {
                    .integer($0.evidence?.count ?? 0)
                },
                v.column("methods", "Méthodes", "Methods", .text, v.t("Méthodes d'immersion de ces observations.", "Their methods."), width: 24) {
                    .text($0.evidence?.methods.joined(separator: ", "))
                },
            ]
        }
        let rows = grid.allCriteria.map { section, criterion in
            GridRow(section: section, criterion: criterion, result: c.result(kind, criterion.id), event: r.current[kind]?[criterion.id],
                    scale: r.grids.scale(criterion.scale, in: kind), evidence: evaluation ? c.evidence[criterion.id] : nil)
        }
        return SheetColumns(list).sheet(evaluation ? v.t("Grille d'évaluation", "Evaluation grid") : v.t("Grille de contrôle", "Control grid"),
                                        role: evaluation ? .evaluationGrid : .controlGrid, rows: rows)
    }

    /// The colour of an answer's label: green at the top of its scale, red at the bottom, amber between; grey when not scored.
    static func levelStyle(_ result: VisitComparison.Result?, _ scale: Scale?, kind: ProtocolKind) -> CellStyle? {
        guard let score = result?.score, let scale else { return result?.value == nil ? nil : .muted }
        let position = Scoring.position(score, on: scale, kind: kind)
        return position >= 0.99 ? .good : position <= 0.34 ? .bad : .warning
    }
}
