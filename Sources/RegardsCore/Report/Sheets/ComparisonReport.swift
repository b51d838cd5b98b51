/// Builds the comparison workbook of a visit, of a campaign, and of two protocols, as neutral `Report`s.
public enum ComparisonReport {
    // MARK: - Visit

    public static func visit(_ r: VisitRecord, generatedBy author: String) -> Report {
        let c = VisitComparison(r)
        let v = ReportVocabulary(language: r.grids.evaluation.language)
        let coverage = r.grids.control.map { Coverage(evaluation: r.grids.evaluation, control: $0) }
        var sheets = [synthesis(r, c, v), grid(r, c, .evaluation, v)]
        if r.grids.control != nil { sheets.append(grid(r, c, .control, v)) }
        sheets.append(comparison(c, v))
        if let coverage { sheets.append(coverageMatrix(coverage, r.grids.evaluation, r.grids.control!, v)) }
        sheets += [observations(r, v), journeys(r, c, v), actions(r, v), documents(r.grids.evaluation, r.grids.control, v), data([r], v)]
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

    static func synthesis(_ r: VisitRecord, _ c: VisitComparison, _ v: ReportVocabulary) -> Sheet {
        let visit = r.visit
        let dates = [visit.startDate?.description, visit.endDate?.description].compactMap { $0 }.joined(separator: " → ")
        var summary = [
            SummaryLine(v.t("Établissement", "Establishment"), .text(visit.establishment, .emphasis)),
            SummaryLine("FINESS", .text(visit.finess)),
            SummaryLine(v.t("Visite", "Visit"), .text(visit.id)),
            SummaryLine(v.t("Dates", "Dates"), .text(dates.isEmpty ? "—" : dates)),
            SummaryLine(v.t("Inspecteurs", "Inspectors"), .text(visit.inspectors.joined(separator: ", "))),
            SummaryLine(v.t("Campagne", "Campaign"), .text(visit.campaign ?? "—")),
            SummaryLine(v.t("Phase", "Phase"), .text(r.workflow?.state(visit.state)?.title ?? visit.state)),
            SummaryLine(v.t("Protocole d'évaluation", "Evaluation protocol"), .text("\(visit.evaluation) — sha256 \(visit.evaluation.hash)")),
        ]
        if let p = visit.control { summary.append(SummaryLine(v.t("Protocole de contrôle", "Control protocol"), .text("\(p) — sha256 \(p.hash)"))) }
        summary += [
            SummaryLine(v.t("Conforme mais insatisfaisant", "Conformant but unsatisfying"), .integer(c.count(.conformButUnsatisfying), c.count(.conformButUnsatisfying) > 0 ? .bad : nil)),
            SummaryLine(v.t("Non conforme mais satisfaisant", "Non-conformant but satisfying"), .integer(c.count(.nonConformButSatisfying), c.count(.nonConformButSatisfying) > 0 ? .bad : nil)),
            SummaryLine(v.t("Angles morts du contrôle (critères évalués sans point de contrôle)", "Control blind spots"), .integer(c.count(.controlBlindSpot), .warning)),
            SummaryLine(v.t("Étapes de parcours en retard", "Late journey steps"), .integer(c.lateSteps, c.lateSteps > 0 ? .bad : nil)),
            SummaryLine(v.t("Étapes de parcours manquantes", "Missing journey steps"), .integer(c.missingSteps, c.missingSteps > 0 ? .bad : nil)),
            SummaryLine(v.t("Pistes d'amélioration ouvertes", "Open improvement actions"), .integer(c.openActions.count)),
            SummaryLine(v.t("Critères impératifs sous le niveau maximal", "Imperative criteria below the top level"),
                        .text(c.imperativesBelowTop.isEmpty ? "—" : c.imperativesBelowTop.joined(separator: ", "), c.imperativesWithoutAction.isEmpty ? nil : .bad)),
        ]
        let columns = [
            v.column("theme", "Thème", "Theme", .text, v.t("Identifiant du thème (section) de la grille d'évaluation.", "Evaluation theme id.")),
            v.column("theme_title", "Intitulé", "Title", .text, v.t("Nom du thème.", "Theme name."), width: 44),
            v.column("evaluation_score", "Score d'évaluation (sur 4)", "Evaluation score (of 4)", .number,
                     v.t("Moyenne pondérée des niveaux des critères notés du thème (non concerné, non évalué et sans réponse exclus).", "Weighted mean of scored criteria.")),
            v.column("scored", "Critères notés", "Scored criteria", .integer, v.t("Critères applicables du thème qui ont un niveau.", "Applicable criteria with a level.")),
            v.column("applicable", "Critères applicables", "Applicable criteria", .integer, v.t("Critères du thème qui s'appliquent à cette visite.", "Criteria that apply to this visit.")),
            v.column("control_conformity", "Conformité des points liés", "Conformity of linked items", .percent,
                     v.t("Moyenne pondérée de la conformité (conforme 100 %, partiellement 50 %, non conforme 0 %) des points de contrôle reliés aux critères du thème.", "Weighted conformity of linked control items.")),
            v.column("control_conformity_of_4", "Conformité ramenée sur 4", "Conformity scaled to 4", .number,
                     v.t("La même conformité multipliée par 4, pour la comparer au score d'évaluation sur le graphique.", "Same, times 4, for the chart.")),
            v.column("control_items", "Points de contrôle liés", "Linked control items", .integer, v.t("Nombre de points de contrôle reliés par la correspondance.", "Linked control items.")),
            v.column("divergences", "Divergences", "Divergences", .integer, v.t("Liens « conforme mais insatisfaisant » ou « non conforme mais satisfaisant ».", "Diverging links.")),
            v.column("blind_spots", "Angles morts", "Blind spots", .integer, v.t("Critères du thème qu'aucun point de contrôle ne regarde.", "Criteria no control item looks at.")),
        ]
        let rows = c.themes.map { t -> [Cell] in
            [.text(t.section), .text(t.title), .number(t.evaluationScore.map(round2)), .integer(t.scored), .integer(t.relevant),
             .number(t.controlConformity.map(round4)), .number(t.controlConformity.map { round2($0 * 4) }), .integer(t.controlItems),
             .integer(t.divergences, t.divergences > 0 ? .bad : nil), .integer(t.blindSpots, t.blindSpots > 0 ? .warning : nil)]
        }
        let chart = Chart(title: v.t("Score d'évaluation et conformité des points liés, par thème", "Evaluation score and linked conformity by theme"),
                          categoryColumn: 0, valueColumns: [2, 6], valueAxisTitle: v.t("sur 4", "of 4"), maximum: 4)
        return Sheet(name: v.t("Synthèse", "Summary"), role: .summary, summary: summary, columns: columns, rows: rows, chart: chart,
                     formats: [.colourScale(columns: 2...2, reversed: false)])
    }

    static func round2(_ x: Double) -> Double { (x * 100).rounded() / 100 }
    static func round4(_ x: Double) -> Double { (x * 10000).rounded() / 10000 }

    static func grid(_ r: VisitRecord, _ c: VisitComparison, _ kind: ProtocolKind, _ v: ReportVocabulary) -> Sheet {
        guard let grid = r.grids.grid(kind) else { preconditionFailure("grid checked by the caller") }
        let events = r.current[kind] ?? [:]
        let context = r.visit.conditionContext
        var columns = [
            v.column("theme", "Thème", "Theme", .text, v.t("Thème (section) de la grille.", "Theme (section).")),
            v.column("criterion", kind == .evaluation ? "Critère" : "Point de contrôle", kind == .evaluation ? "Criterion" : "Control item", .text, v.t("Identifiant stable du critère.", "Stable id.")),
            v.column("title", "Intitulé", "Title", .longText, v.t("Ce qui est apprécié ou vérifié.", "What is assessed."), width: 50),
            v.column("applicable", "Applicable", "Applicable", .text, v.t("« non » quand la condition de pertinence du critère est fausse pour cette visite.", "Whether the criterion applies.")),
            v.column("value", "Réponse", "Answer", .text, v.t("Valeur du niveau, « na » (non concerné / sans objet) ou « nv » (non évalué / non vérifié).", "Level value, na or nv.")),
            v.column("label", "Libellé", "Label", .text, v.t("Libellé de la réponse sur l'échelle.", "Answer label."), width: 24),
            v.column("score", kind == .evaluation ? "Score" : "Conformité", kind == .evaluation ? "Score" : "Conformity", kind == .evaluation ? .number : .percent,
                     v.t("Score retenu par les règles de calcul (vide si non noté).", "Score under the scoring rules.")),
        ]
        if kind == .evaluation {
            columns.append(v.column("imperative", "Impératif", "Imperative", .text, v.t("Critère impératif : toute réponse sous le niveau maximal appelle une piste.", "Imperative criterion.")))
        }
        columns += [
            v.column("comment", "Commentaire", "Comment", .longText, v.t("Commentaire de l'inspecteur.", "Inspector's comment."), width: 40),
            v.column("evidence", "Preuve", "Evidence", .longText, v.t("Élément de preuve consulté.", "Evidence seen."), width: 28),
            v.column("author", "Auteur", "Author", .text, v.t("Qui a donné la réponse en vigueur.", "Who gave the current answer.")),
            v.column("answered_at", "Répondu le", "Answered at", .timestamp, v.t("Date et heure (UTC) de la réponse en vigueur.", "When (UTC).")),
            v.column("references", "Références", "References", .longText, v.t("Références légales et HAS.", "Legal and HAS references."), width: 28),
        ]
        if kind == .evaluation {
            columns += [
                v.column("observations", "Observations", "Observations", .integer, v.t("Nombre d'observations rattachées au critère.", "Observations backing the criterion.")),
                v.column("methods", "Méthodes", "Methods", .text, v.t("Méthodes d'immersion de ces observations.", "Their methods."), width: 24),
            ]
        }
        let rows = grid.allCriteria.map { section, criterion -> [Cell] in
            let event = events[criterion.id]
            let value = event?.value
            let scale = grid.scale(criterion.scale)
            let score = Scoring.score(value, scale: scale, kind: grid.kind)
            var row: [Cell] = [.text(section.id), .text(criterion.id), .text(criterion.title),
                               .text(v.yes(VisitGrids.isRelevant(criterion, context: context)), VisitGrids.isRelevant(criterion, context: context) ? nil : .muted),
                               .text(value?.code), .text(value?.label(in: scale), levelStyle(value, scale, kind: grid.kind)),
                               .number(score.map(round4))]
            if kind == .evaluation { row.append(.text(criterion.imperative ? v.yes(true) : nil)) }
            row += [.text(event?.comment), .text(event?.evidence), .text(event?.author), event.map { Cell(.timestamp($0.at)) } ?? .empty,
                    .text(criterion.references.joined(separator: " ; "))]
            if kind == .evaluation {
                let e = c.evidence[criterion.id]
                row += [.integer(e?.count ?? 0), .text(e?.methods.joined(separator: ", "))]
            }
            return row
        }
        return Sheet(name: kind == .evaluation ? v.t("Grille d'évaluation", "Evaluation grid") : v.t("Grille de contrôle", "Control grid"),
                     role: kind == .evaluation ? .evaluationGrid : .controlGrid, columns: columns, rows: rows)
    }

    static func levelStyle(_ value: AnswerValue?, _ scale: Scale?, kind: ProtocolKind) -> CellStyle? {
        guard let score = Scoring.score(value, scale: scale, kind: kind), let scale else { return value == nil ? nil : .muted }
        let normalised = kind == .control ? score : (score - Double(scale.bottom?.value ?? 0)) / Double(max(1, (scale.top?.value ?? 1) - (scale.bottom?.value ?? 0)))
        return normalised >= 0.99 ? .good : normalised <= 0.34 ? .bad : .warning
    }

    static func comparison(_ c: VisitComparison, _ v: ReportVocabulary) -> Sheet {
        let columns = [
            v.column("evaluation_theme", "Thème (évaluation)", "Evaluation theme", .text, v.t("Thème du critère d'évaluation.", "Evaluation theme.")),
            v.column("criterion", "Critère", "Criterion", .text, v.t("Critère d'évaluation (vide : point de contrôle hors évaluation).", "Evaluation criterion.")),
            v.column("criterion_title", "Intitulé du critère", "Criterion title", .longText, v.t("Intitulé du critère d'évaluation.", "Its title."), width: 44),
            v.column("evaluation", "Évaluation", "Evaluation", .text, v.t("Réponse d'évaluation (libellé).", "Evaluation answer."), width: 24),
            v.column("evaluation_score", "Score", "Score", .number, v.t("Score d'évaluation (1 à 4).", "Evaluation score.")),
            v.column("relation", "Relation", "Relation", .text, v.t("Relation déclarée par la correspondance : equal, subset (le critère couvre une partie du point), superset (il le couvre et au-delà), intersects.", "Crosswalk relation.")),
            v.column("control_item", "Point de contrôle", "Control item", .text, v.t("Point de contrôle relié (vide : angle mort du contrôle).", "Linked control item.")),
            v.column("control_title", "Intitulé du point", "Item title", .longText, v.t("Intitulé du point de contrôle.", "Its title."), width: 44),
            v.column("control", "Contrôle", "Control", .text, v.t("Résultat du contrôle (libellé).", "Control result."), width: 22),
            v.column("conformity", "Conformité", "Conformity", .percent, v.t("Conformité du point (100 %, 50 %, 0 %).", "Item conformity.")),
            v.column("divergence", "Divergence", "Divergence", .text, v.t("conforme mais insatisfaisant (contrôle conforme, évaluation ≤ 2), non conforme mais satisfaisant (l'inverse), accord, non évalué (une réponse manque), angle mort du contrôle, hors évaluation.", "Divergence class."), width: 30),
        ]
        let rows = c.links.map { l -> [Cell] in
            [.text(l.evaluation?.section), .text(l.evaluation?.criterion), .text(l.evaluation?.title), .text(l.evaluation?.label), .number(l.evaluation?.score),
             .text(l.relation?.rawValue), .text(l.control?.criterion), .text(l.control?.title), .text(l.control?.label), .number(l.control?.score),
             .text(v.divergence(l.divergence), v.style(l.divergence))]
        }
        let formats = Divergence.allCases.compactMap { d in v.style(d).map { ConditionalFormat.textEquals(column: 10, text: v.divergence(d), style: $0) } }
        return Sheet(name: v.t("Comparaison", "Comparison"), role: .comparison, columns: columns, rows: rows, formats: formats)
    }

    static func coverageMatrix(_ coverage: Coverage, _ e: AuditProtocol, _ c: AuditProtocol, _ v: ReportVocabulary) -> Sheet {
        var columns = [v.column("theme", "Thème d'évaluation", "Evaluation theme", .text, v.t("Thème de la grille d'évaluation (ligne).", "Evaluation theme.")),
                       v.column("theme_title", "Intitulé", "Title", .text, v.t("Nom du thème.", "Theme name."), width: 40)]
        columns += c.sections.map { v.column("links_\($0.id)", $0.id, $0.id, .integer, v.t("Liens de correspondance vers les points du thème de contrôle « \($0.title) ».", "Links to control theme \($0.title).")) }
        columns += [v.column("criteria", "Critères", "Criteria", .integer, v.t("Critères du thème d'évaluation.", "Criteria in the theme.")),
                    v.column("covered", "Couverts", "Covered", .integer, v.t("Critères reliés à au moins un point de contrôle.", "Criteria with a link.")),
                    v.column("coverage", "Couverture", "Coverage", .percent, v.t("Part des critères couverts.", "Share covered."))]
        let rows = coverage.themes.map { theme -> [Cell] in
            var row: [Cell] = [.text(theme.section), .text(theme.title)]
            row += c.sections.map { cs in .integer(coverage.matrix.first { $0.evaluationSection == theme.section && $0.controlSection == cs.id }?.links ?? 0) }
            row += [.integer(theme.criteria), .integer(theme.covered), .number(theme.criteria == 0 ? nil : round4(Double(theme.covered) / Double(theme.criteria)))]
            return row
        }
        let last = 1 + c.sections.count
        return Sheet(name: v.t("Couverture", "Coverage"), role: .coverage, columns: columns, rows: rows,
                     formats: [.colourScale(columns: 2...last, reversed: false), .colourScale(columns: (last + 3)...(last + 3), reversed: false)])
    }

    static func observations(_ r: VisitRecord, _ v: ReportVocabulary) -> Sheet {
        let columns = [
            v.column("date", "Date", "Date", .date, v.t("Jour de l'observation.", "Day observed.")),
            v.column("method", "Méthode", "Method", .text, v.t("Méthode d'immersion.", "Immersion method.")),
            v.column("participant", "Participant", "Participant", .text, v.t("Code du participant (jamais un nom).", "Participant code.")),
            v.column("role", "Rôle", "Role", .text, v.t("resident, staff, partner ou other.", "Role.")),
            v.column("criteria", "Critères", "Criteria", .text, v.t("Critères que l'observation éclaire.", "Criteria informed.")),
            v.column("theme", "Thème", "Theme", .text, v.t("Thème libre.", "Free theme.")),
            v.column("text", "Observation", "Observation", .longText, v.t("Ce qui a été vu ou entendu.", "What was seen or heard."), width: 70),
            v.column("author", "Auteur", "Author", .text, v.t("Inspecteur qui l'a notée.", "Who noted it.")),
        ]
        let titles = Dictionary(uniqueKeysWithValues: r.grids.evaluation.methods.map { ($0.id, $0.title) })
        let rows = r.observations.map { o -> [Cell] in
            [.date(o.date), .text(titles[o.method] ?? o.method), .text(o.participant), .text(o.role?.rawValue), .text(o.criteria.joined(separator: ", ")),
             .text(o.theme), .text(o.text), .text(o.author)]
        }
        return Sheet(name: "Observations", role: .observations, columns: columns, rows: rows)
    }

    static func journeys(_ r: VisitRecord, _ c: VisitComparison, _ v: ReportVocabulary) -> Sheet {
        let steps = Dictionary(uniqueKeysWithValues: (r.grids.evaluation.journey?.steps ?? []).map { ($0.id, $0) })
        let columns = [
            v.column("resident", "Personne", "Resident", .text, v.t("Code de la personne accueillie.", "Resident code.")),
            v.column("step", "Étape", "Step", .text, v.t("Étape du parcours.", "Journey step.")),
            v.column("step_title", "Intitulé", "Title", .text, v.t("Intitulé de l'étape.", "Step title."), width: 40),
            v.column("occurrence", "Occurrence", "Occurrence", .integer, v.t("1 pour la première fois, 2… pour les étapes périodiques (bilan semestriel).", "Occurrence.")),
            v.column("done", "Fait le", "Done on", .date, v.t("Date enregistrée.", "Date recorded.")),
            v.column("due", "Échéance", "Due", .date, v.t("Échéance calculée depuis l'étape de référence.", "Computed deadline.")),
            v.column("days_late", "Jours de retard", "Days late", .integer, v.t("Retard à la réalisation, ou dépassement à la date de la visite pour une étape manquante.", "Days late.")),
            v.column("state", "État", "State", .text, v.t("dans les délais, en retard, manquant, à venir, indéterminé (l'étape de référence manque), non renseigné.", "State.")),
            v.column("note", "Note", "Note", .longText, v.t("Explication saisie.", "Note."), width: 36),
            v.column("reference", "Référence", "Reference", .text, v.t("Texte qui fixe le délai.", "Legal reference.")),
        ]
        let rows = r.journeyChecks.flatMap { resident, checks in
            checks.filter { $0.state != .notRecorded || $0.note != nil }.map { s -> [Cell] in
                let style: CellStyle? = s.state == .late || s.state == .missing ? .bad : s.state == .onTime ? .good : .muted
                return [.text(resident), .text(s.step), .text(steps[s.step]?.title), .integer(s.occurrence), .date(s.done), .date(s.due),
                        .integer(s.daysLate > 0 ? s.daysLate : nil, s.daysLate > 0 ? .bad : nil), .text(v.state(s.state), style), .text(s.note), .text(steps[s.step]?.reference)]
            }
        }
        return Sheet(name: v.t("Parcours", "Journeys"), role: .journeys, summary: [SummaryLine(v.t("Délais vérifiés au", "Deadlines checked as of"), .date(r.asOf))], columns: columns, rows: rows)
    }

    static func actions(_ r: VisitRecord, _ v: ReportVocabulary) -> Sheet {
        let columns = [
            v.column("number", "N°", "No.", .integer, v.t("Numéro de la piste dans la visite.", "Number.")),
            v.column("title", "Piste d'amélioration", "Improvement action", .longText, v.t("Ce qui sera fait.", "What will be done."), width: 50),
            v.column("owner", "Responsable", "Owner", .text, v.t("Qui la porte.", "Who carries it.")),
            v.column("due", "Échéance", "Due", .date, v.t("Pour quand.", "By when.")),
            v.column("status", "Statut", "Status", .text, v.t("open, in-progress, done, dropped.", "Status.")),
            v.column("criteria", "Critères", "Criteria", .text, v.t("Critères auxquels elle répond.", "Criteria answered.")),
        ]
        var rows = r.actions.map { a -> [Cell] in
            [.integer(a.number), .text(a.title), .text(a.owner, a.owner == nil ? .warning : nil), .date(a.due), .text(a.status.rawValue), .text(a.criteria.joined(separator: ", "))]
        }
        for id in r.imperativesWithoutAction {
            rows.append([.empty, .text(v.t("Aucune piste pour le critère impératif \(id), noté sous le niveau maximal", "No action for imperative \(id)"), .bad), .empty, .empty, .empty, .text(id)])
        }
        return Sheet(name: v.t("Plan d'actions", "Action plan"), role: .actions, columns: columns, rows: rows)
    }

    static func documents(_ e: AuditProtocol, _ c: AuditProtocol?, _ v: ReportVocabulary) -> Sheet {
        let protocols = [e] + (c.map { [$0] } ?? [])
        var seen = Set<String>()
        let columns = [
            v.column("document", "Document", "Document", .text, v.t("Identifiant du document.", "Document id.")),
            v.column("title", "Intitulé", "Title", .longText, v.t("Nom du document.", "Name."), width: 40),
            v.column("purpose", "Objet", "Purpose", .longText, v.t("À quoi il sert.", "What it is for."), width: 40),
            v.column("references", "Références", "References", .text, v.t("Textes qui l'exigent.", "Where required."), width: 24),
            v.column("overlaps_with", "Recoupe", "Overlaps with", .text, v.t("Documents déclarés redondants (overlaps_with).", "Declared overlaps."), width: 30),
            v.column("cited_by", "Demandé par", "Cited by", .text, v.t("Critères et points de contrôle qui le citent comme preuve.", "Criteria citing it."), width: 30),
            v.column("both_grids", "Demandé par les deux grilles", "Asked by both grids", .text, v.t("oui quand les deux grilles le demandent : une même pièce demandée deux fois.", "Whether both grids ask for it.")),
        ]
        var overlaps: [String: Set<String>] = [:]
        for p in protocols {
            for d in p.documents {
                for o in d.overlapsWith { overlaps[d.id, default: []].insert(o); overlaps[o, default: []].insert(d.id) }
            }
        }
        let rows = protocols.flatMap(\.documents).compactMap { d -> [Cell]? in
            guard seen.insert(d.id).inserted else { return nil }
            let citing = protocols.map { p in p.allCriteria.filter { $0.criterion.documents.contains(d.id) }.map(\.criterion.id) }
            let both = citing.count == 2 && !citing[0].isEmpty && !citing[1].isEmpty
            return [.text(d.id), .text(d.title), .text(d.purpose), .text(d.references.joined(separator: " ; ")),
                    .text(overlaps[d.id].map { $0.sorted().joined(separator: ", ") }, overlaps[d.id] == nil ? nil : .warning),
                    .text(citing.flatMap { $0 }.joined(separator: ", ")), .text(v.yes(both), both ? .warning : nil)]
        }
        return Sheet(name: "Documents", role: .documents, columns: columns, rows: rows)
    }

    /// The tidy long table: one row per visit × criterion, for pivots.
    static func data(_ records: [VisitRecord], _ v: ReportVocabulary) -> Sheet {
        var rows: [[Cell]] = []
        for r in records { dataRows(r, v) { rows.append($0) } }
        return Sheet(name: v.t("Données", "Data"), role: .data, columns: dataColumns(v), rows: rows, excelTable: true)
    }

    /// The tidy long table: one row per visit, grid and criterion.
    static func dataColumns(_ v: ReportVocabulary) -> [Column] {
        [
            v.column("visit", "Visite", "Visit", .text, v.t("Identifiant de la visite.", "Visit id.")),
            v.column("establishment", "Établissement", "Establishment", .text, v.t("Établissement visité.", "Establishment."), width: 28),
            v.column("finess", "FINESS", "FINESS", .text, v.t("Numéro FINESS de l'établissement.", "FINESS number.")),
            v.column("campaign", "Campagne", "Campaign", .text, v.t("Campagne de la visite.", "Campaign.")),
            v.column("grid", "Grille", "Grid", .text, v.t("evaluation ou control.", "evaluation or control.")),
            v.column("protocol", "Protocole", "Protocol", .text, v.t("Protocole et version.", "Protocol and version.")),
            v.column("theme", "Thème", "Theme", .text, v.t("Thème (section).", "Theme.")),
            v.column("criterion", "Critère", "Criterion", .text, v.t("Critère ou point de contrôle.", "Criterion.")),
            v.column("title", "Intitulé", "Title", .text, v.t("Intitulé.", "Title."), width: 40),
            v.column("imperative", "Impératif", "Imperative", .text, v.t("oui pour un critère impératif.", "Imperative.")),
            v.column("weight", "Poids", "Weight", .number, v.t("Poids dans les moyennes de thème.", "Weight.")),
            v.column("applicable", "Applicable", "Applicable", .text, v.t("non quand la condition de pertinence est fausse pour la visite.", "Applies.")),
            v.column("value", "Réponse", "Answer", .text, v.t("Valeur de niveau, na ou nv ; vide sans réponse.", "Answer code.")),
            v.column("label", "Libellé", "Label", .text, v.t("Libellé de la réponse.", "Answer label.")),
            v.column("score", "Score", "Score", .number, v.t("Évaluation : niveau 1–4 ; contrôle : conformité 0–1 ; vide si non noté.", "Score.")),
            v.column("comment", "Commentaire", "Comment", .longText, v.t("Commentaire.", "Comment."), width: 36),
            v.column("evidence", "Preuve", "Evidence", .text, v.t("Preuve.", "Evidence.")),
            v.column("author", "Auteur", "Author", .text, v.t("Auteur de la réponse en vigueur.", "Author.")),
            v.column("answered_at", "Répondu le", "Answered at", .timestamp, v.t("Horodatage UTC de la réponse.", "Timestamp.")),
        ]
    }

    /// The long table's rows for one visit, in grid order.
    static func dataRows(_ r: VisitRecord, _ v: ReportVocabulary, _ emit: ([Cell]) throws -> Void) rethrows {
        let context = r.visit.conditionContext
        let visit = Cell.text(r.visit.id), establishment = Cell.text(r.visit.establishment), finess = Cell.text(r.visit.finess), campaign = Cell.text(r.visit.campaign)
        let yes = Cell.text(v.yes(true)), no = Cell.text(v.yes(false))
        for kind in ProtocolKind.allCases {
            guard let grid = r.grids.grid(kind) else { continue }
            let gridCell = Cell.text(kind.rawValue), reference = Cell.text(grid.reference)
            let answers = r.current[kind] ?? [:]
            for section in grid.sections {
                let sectionCell = Cell.text(section.id)
                for criterion in section.criteria {
                    let event = answers[criterion.id]
                    let scale = r.grids.scale(criterion.scale, in: kind)
                    try emit([visit, establishment, finess, campaign, gridCell, reference, sectionCell, .text(criterion.id), .text(criterion.title),
                              criterion.imperative ? yes : no, .number(criterion.weight), VisitGrids.isRelevant(criterion, context: context) ? yes : no,
                              .text(event?.value?.code), .text(event?.value?.label(in: scale)),
                              .number(Scoring.score(event?.value, scale: scale, kind: grid.kind).map(round4)),
                              .text(event?.comment), .text(event?.evidence), .text(event?.author), event.map { Cell(.timestamp($0.at)) } ?? .empty])
                }
            }
        }
    }

    static func dictionary(_ sheets: [Sheet], _ v: ReportVocabulary) -> Sheet {
        let columns = [
            v.column("sheet", "Feuille", "Sheet", .text, v.t("Feuille du classeur.", "Sheet."), width: 20),
            v.column("column", "Colonne", "Column", .text, v.t("En-tête de la colonne.", "Column heading."), width: 30),
            v.column("key", "Nom technique", "Key", .text, v.t("Nom stable de la colonne (CSV, JSON, tableaux croisés).", "Stable key."), width: 24),
            v.column("type", "Type", "Type", .text, v.t("text, longText, integer, number, percent, date, timestamp.", "Type.")),
            v.column("meaning", "Signification", "Meaning", .longText, v.t("Ce que contient la colonne.", "What it holds."), width: 80),
        ]
        let rows = sheets.flatMap { sheet in
            sheet.columns.map { c -> [Cell] in [.text(sheet.name), .text(c.header), .text(c.key), .text(c.type.rawValue), .text(c.description)] }
        }
        return Sheet(name: v.t("Dictionnaire", "Dictionary"), role: .dictionary, columns: columns, rows: rows)
    }
}
