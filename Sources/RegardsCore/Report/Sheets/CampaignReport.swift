extension ComparisonReport {
    // MARK: - Campaign

    /// A campaign's comparison from visits already in memory.
    public static func campaign(_ name: String, records: [VisitRecord], generatedBy author: String) -> Report {
        precondition(!records.isEmpty, "a campaign report needs visits")
        let streamed = campaign(name, evaluation: records[0].grids.evaluation, visits: records.count, generatedBy: author) { each in
            for r in records { try each(r) }
        }
        do {
            return try streamed.materialised()
        } catch {
            preconditionFailure("a campaign of records in memory cannot fail: \(error)")
        }
    }

    /// A campaign's comparison read one visit at a time: `records` hands over each visit's record in
    /// turn (loaded only then). The long *Données* table is streamed; of each visit only its line of
    /// the summary and its theme scores are kept, so memory stays flat however many visits there are.
    public static func campaign(_ name: String, evaluation: AuditProtocol, visits count: Int, generatedBy author: String,
                                records: @escaping @Sendable (_ each: (VisitRecord) throws -> Void) throws -> Void) -> StreamedReport {
        let v = ReportVocabulary(language: evaluation.language)
        let builder = CampaignBuilder(name: name, evaluation: evaluation, vocabulary: v, author: author)
        let data = Sheet(name: v.t("Données", "Data"), role: .data, columns: dataColumns(v), rows: [], excelTable: true)
        // Both grids, when the crosswalk's control grid is about as long as the evaluation (an estimate).
        return StreamedReport(sheetNames: CampaignBuilder.sheetNames(v, data: data.name), index: 4, sheet: data,
                              estimatedRows: count * evaluation.criteriaCount * (evaluation.comparesWith == nil ? 1 : 2),
                              produce: { emit in try records { try builder.add($0, emit) } },
                              finish: { builder.report(data: data) })
    }

    // MARK: - Protocols

    public static func coverage(_ coverage: Coverage, evaluation e: AuditProtocol, control c: AuditProtocol, generatedBy author: String) -> Report {
        let v = ReportVocabulary(language: e.language)
        let summary = [
            SummaryLine(v.t("Grille d'évaluation", "Evaluation grid"), .text("\(e.reference) — sha256 \(coverage.evaluationHash)")),
            SummaryLine(v.t("Grille de contrôle", "Control grid"), .text("\(c.reference) — sha256 \(coverage.controlHash)")),
            SummaryLine(v.t("Critères couverts", "Criteria covered"), .text("\(coverage.covered) / \(coverage.criteria)")),
            SummaryLine(v.t("Couverture", "Coverage"), .number(round4(coverage.coverageRate))),
            SummaryLine(v.t("Angles morts du contrôle", "Control blind spots"), .integer(coverage.blindSpots.count, .warning)),
            SummaryLine(v.t("Points de contrôle hors évaluation", "Control items outside the evaluation"), .integer(coverage.unmappedControlItems.count)),
        ]
        let themeColumns = [
            v.column("theme", "Thème", "Theme", .text, v.t("Thème de la grille d'évaluation.", "Theme.")),
            v.column("theme_title", "Intitulé", "Title", .text, v.t("Nom du thème.", "Name."), width: 44),
            v.column("criteria", "Critères", "Criteria", .integer, v.t("Critères du thème.", "Criteria.")),
            v.column("covered", "Couverts", "Covered", .integer, v.t("Critères reliés à au moins un point.", "Covered.")),
            v.column("coverage", "Couverture", "Coverage", .percent, v.t("Part couverte.", "Share covered.")),
            v.column("equal", "equal", "equal", .integer, v.t("Critères dont la relation la plus forte est equal.", "Strongest relation equal.")),
            v.column("superset", "superset", "superset", .integer, v.t("… superset.", "… superset.")),
            v.column("subset", "subset", "subset", .integer, v.t("… subset.", "… subset.")),
            v.column("intersects", "intersects", "intersects", .integer, v.t("… intersects.", "… intersects.")),
            v.column("blind_spots", "Angles morts", "Blind spots", .text, v.t("Critères sans point de contrôle.", "Blind spots."), width: 40),
        ]
        let themeRows = coverage.themes.map { t -> [Cell] in
            [.text(t.section), .text(t.title), .integer(t.criteria), .integer(t.covered), .number(t.criteria == 0 ? nil : round4(Double(t.covered) / Double(t.criteria))),
             .integer(t.byRelation["equal"] ?? 0), .integer(t.byRelation["superset"] ?? 0), .integer(t.byRelation["subset"] ?? 0),
             .integer(t.byRelation["intersects"] ?? 0), .text(t.blindSpots.joined(separator: ", "), t.blindSpots.isEmpty ? nil : .warning)]
        }
        let themes = Sheet(name: v.t("Synthèse", "Summary"), role: .summary, summary: summary, columns: themeColumns, rows: themeRows,
                           chart: Chart(title: v.t("Critères couverts par thème", "Criteria covered by theme"), categoryColumn: 0, valueColumns: [2, 3], valueAxisTitle: v.t("critères", "criteria")),
                           formats: [.colourScale(columns: 4...4, reversed: false)])
        func items(_ name: String, _ role: SheetRole, _ list: [Coverage.Item], _ meaning: String) -> Sheet {
            Sheet(name: name, role: role, columns: [
                v.column("theme", "Thème", "Theme", .text, v.t("Thème.", "Theme.")),
                v.column("criterion", "Critère", "Criterion", .text, meaning),
                v.column("title", "Intitulé", "Title", .longText, v.t("Intitulé.", "Title."), width: 80),
            ], rows: list.map { [.text($0.section), .text($0.id), .text($0.title)] })
        }
        let mismatches = Sheet(name: v.t("Échelles", "Scales"), role: .scales, columns: [
            v.column("criterion", "Critère", "Criterion", .text, v.t("Critère d'évaluation.", "Criterion.")),
            v.column("control_item", "Point de contrôle", "Control item", .text, v.t("Point relié.", "Item.")),
            v.column("reason", "Écart", "Mismatch", .longText, v.t("Pourquoi les réponses se rapprochent mal.", "Why answers compare badly."), width: 60),
        ], rows: coverage.scaleMismatches.map { [.text($0.criterion), .text($0.control), .text($0.reason)] })
        var sheets = [themes, coverageMatrix(coverage, e, c, v),
                      items(v.t("Angles morts", "Blind spots"), .blindSpots, coverage.blindSpots, v.t("Critère d'évaluation qu'aucun point de contrôle ne regarde.", "Blind spot.")),
                      items(v.t("Hors évaluation", "Outside evaluation"), .outsideEvaluation, coverage.unmappedControlItems, v.t("Point de contrôle qu'aucun critère d'évaluation ne reprend.", "Unmapped item.")),
                      documents(e, c, v), mismatches]
        sheets.append(dictionary(sheets, v))
        return Report(title: v.t("Couverture de \(e.reference) par \(c.reference)", "Coverage of \(e.reference) by \(c.reference)"), language: e.language,
                      properties: Report.Properties(title: v.t("Couverture de \(e.reference)", "Coverage of \(e.reference)"), subject: v.t("Comparaison des protocoles", "Protocols compared"),
                                                    author: author, keywords: "Regards, \(e.reference), \(c.reference)",
                                                    comments: "\(e.reference) [\(coverage.evaluationHash)], \(c.reference) [\(coverage.controlHash)]",
                                                    custom: [Report.Field("protocole-evaluation", e.reference), Report.Field("empreinte-evaluation", coverage.evaluationHash),
                                                             Report.Field("protocole-controle", c.reference), Report.Field("empreinte-controle", coverage.controlHash)]),
                      sheets: sheets)
    }
}

/// The small part of a campaign report, gathered visit by visit while the long table streams.
/// `add` runs on the thread producing rows, `report` after it has returned (the writer waits for
/// that thread first), never both at once.
final class CampaignBuilder: @unchecked Sendable {
    let name: String
    let evaluation: AuditProtocol
    let v: ReportVocabulary
    let author: String
    var campaign: CampaignComparison
    var overviewRows: [[Cell]] = []
    var protocols = Set<String>()
    var pins = Set<String>()
    /// Criterion weights by evaluation protocol hash (visits may be pinned to different versions).
    var weights: [String: [String: Double]] = [:]

    init(name: String, evaluation: AuditProtocol, vocabulary: ReportVocabulary, author: String) {
        self.name = name
        self.evaluation = evaluation
        v = vocabulary
        self.author = author
        campaign = CampaignComparison(campaign: name, evaluation: evaluation)
    }

    static func sheetNames(_ v: ReportVocabulary, data: String) -> [String] {
        [v.t("Synthèse", "Summary"), v.t("Scores par thème", "Scores by theme"), v.t("Conformité par thème", "Conformity by theme"), v.t("Angles morts", "Blind spots"),
         data, v.t("Dictionnaire", "Dictionary")]
    }

    func add(_ r: VisitRecord, _ emit: ([Cell]) throws -> Void) throws {
        let c = VisitComparison(r)
        campaign.add(c)
        overviewRows.append(overview(r, c))
        for pin in [r.visit.evaluation, r.visit.control].compactMap({ $0 }) {
            protocols.insert(pin.description)
            pins.insert("\(pin) [\(pin.hash)]")
        }
        try ComparisonReport.dataRows(r, v, emit)
    }

    func overview(_ r: VisitRecord, _ c: VisitComparison) -> [Cell] {
        let weights = self.weights[r.visit.evaluation.hash] ?? {
            let made = Dictionary(r.grids.evaluation.allCriteria.map { ($0.criterion.id, $0.criterion.weight) }, uniquingKeysWith: { a, _ in a })
            self.weights[r.visit.evaluation.hash] = made
            return made
        }()
        let evalScores = c.links.compactMap { $0.evaluation }.reduce(into: [String: Double]()) { acc, e in if let s = e.score { acc[e.criterion] = s } }
        let evalMean = Scoring.mean(evalScores.map { ($0.value, weights[$0.key] ?? 1) })
        let controlScored = c.controlThemes.reduce(0) { $0 + $1.scored }
        let conformity = controlScored == 0 ? nil : c.controlThemes.reduce(0.0) { $0 + ($1.conformity ?? 0) * Double($1.scored) } / Double(controlScored)
        return [.text(r.visit.id), .text(r.visit.establishment), .text(r.visit.finess), .date(r.visit.startDate),
                .text(r.workflow?.state(r.visit.state)?.title ?? r.visit.state), .number(evalMean.map(ComparisonReport.round2)),
                .number(conformity.map(ComparisonReport.round4)), .integer(c.count(.conformButUnsatisfying)), .integer(c.count(.nonConformButSatisfying)),
                .integer(c.lateSteps), .integer(c.missingSteps), .integer(c.openActions.count)]
    }

    func report(data: Sheet) -> Report {
        let v = self.v
        let visitColumns = [
            v.column("visit", "Visite", "Visit", .text, v.t("Identifiant de la visite.", "Visit id.")),
            v.column("establishment", "Établissement", "Establishment", .text, v.t("Établissement visité.", "Establishment."), width: 32),
            v.column("finess", "FINESS", "FINESS", .text, v.t("Numéro FINESS.", "FINESS.")),
            v.column("start", "Début", "Start", .date, v.t("Premier jour sur place.", "First day.")),
            v.column("phase", "Phase", "Phase", .text, v.t("Phase de la mission.", "Phase.")),
            v.column("evaluation_score", "Score d'évaluation (sur 4)", "Evaluation score", .number, v.t("Moyenne pondérée de tous les critères notés de la visite.", "Mean of scored criteria.")),
            v.column("conformity", "Conformité", "Conformity", .percent, v.t("Conformité moyenne de tous les points de contrôle notés.", "Mean conformity.")),
            v.column("conform_unsatisfying", "Conforme mais insatisfaisant", "Conformant but unsatisfying", .integer, v.t("Liens dans cette classe.", "Links in this class.")),
            v.column("nonconform_satisfying", "Non conforme mais satisfaisant", "Non-conformant but satisfying", .integer, v.t("Liens dans cette classe.", "Links in this class.")),
            v.column("late_steps", "Étapes en retard", "Late steps", .integer, v.t("Étapes de parcours faites en retard.", "Late steps.")),
            v.column("missing_steps", "Étapes manquantes", "Missing steps", .integer, v.t("Étapes échues non faites.", "Missing steps.")),
            v.column("open_actions", "Pistes ouvertes", "Open actions", .integer, v.t("Pistes ouvertes ou en cours.", "Open actions.")),
        ]
        let visits = campaign.visits
        let summary = [SummaryLine(v.t("Campagne", "Campaign"), .text(name, .emphasis)), SummaryLine(v.t("Visites", "Visits"), .integer(visits.count)),
                       SummaryLine(v.t("Protocoles", "Protocols"), .text(protocols.sorted().joined(separator: ", ")))]
        let overview = Sheet(name: v.t("Synthèse", "Summary"), role: .summary, summary: summary, columns: visitColumns, rows: overviewRows,
                             chart: Chart(title: v.t("Score d'évaluation moyen par visite", "Mean evaluation score by visit"), categoryColumn: 0, valueColumns: [5],
                                          valueAxisTitle: v.t("sur 4", "of 4"), maximum: 4),
                             formats: [.colourScale(columns: 5...6, reversed: false)])
        // Theme scores by visit and section (a visit id may repeat only across campaigns, never within one).
        var cells: [String: [String: CampaignComparison.Cell]] = [:]
        for cell in campaign.cells where cells[cell.visit]?[cell.section] == nil { cells[cell.visit, default: [:]][cell.section] = cell }
        func heat(_ title: String, _ role: SheetRole, _ key: String, _ type: ColumnType, _ value: (CampaignComparison.Cell) -> Double?) -> Sheet {
            var columns = [v.column("visit", "Visite", "Visit", .text, v.t("Identifiant de la visite.", "Visit id.")),
                           v.column("establishment", "Établissement", "Establishment", .text, v.t("Établissement.", "Establishment."), width: 30)]
            columns += evaluation.sections.map { v.column("\(key)_\($0.id)", $0.id, $0.id, type, "\($0.title)") }
            let rows = visits.map { visit -> [Cell] in
                [.text(visit.id), .text(visit.establishment)] + evaluation.sections.map { s in
                    .number(cells[visit.id]?[s.id].flatMap(value).map(type == .percent ? ComparisonReport.round4 : ComparisonReport.round2))
                }
            }
            return Sheet(name: title, role: role, columns: columns, rows: rows, formats: [.colourScale(columns: 2...(1 + evaluation.sections.count), reversed: false)])
        }
        let scores = heat(v.t("Scores par thème", "Scores by theme"), .scoresByTheme, "score", .number, \.evaluationScore)
        let conformity = heat(v.t("Conformité par thème", "Conformity by theme"), .conformityByTheme, "conformity", .percent, \.controlConformity)
        let spots = Sheet(name: v.t("Angles morts", "Blind spots"), role: .blindSpots, columns: [
            v.column("criterion", "Critère", "Criterion", .text, v.t("Critère d'évaluation qu'aucun point de contrôle ne regarde.", "Blind-spot criterion.")),
            v.column("title", "Intitulé", "Title", .longText, v.t("Intitulé.", "Title."), width: 60),
            v.column("low_scores", "Visites avec un score bas (≤ 2)", "Visits scoring ≤ 2", .integer, v.t("Nombre de visites où le critère est noté 2 ou moins.", "Low scores.")),
            v.column("answered", "Visites notées", "Visits scored", .integer, v.t("Visites où le critère a un niveau.", "Scored.")),
            v.column("mean_score", "Score moyen", "Mean score", .number, v.t("Moyenne des niveaux sur les visites.", "Mean.")),
        ], rows: campaign.blindSpots.map { [.text($0.criterion), .text($0.title), .integer($0.lowScores, $0.lowScores > 0 ? .bad : nil), .integer($0.answered),
                                             .number($0.meanScore.map(ComparisonReport.round2))] },
        formats: [.colourScale(columns: 4...4, reversed: false)])
        var sheets = [overview, scores, conformity, spots, data]
        sheets.append(ComparisonReport.dictionary(sheets, v))
        return Report(title: v.t("Campagne \(name) — comparaison contrôle / évaluation", "Campaign \(name) — control / evaluation"), language: evaluation.language,
                      properties: Report.Properties(title: v.t("Campagne \(name)", "Campaign \(name)"), subject: v.t("Comparaison de \(visits.count) visites", "\(visits.count) visits compared"),
                                                    author: author, keywords: "Regards, CHRS, \(name)", comments: pins.sorted().joined(separator: ", "),
                                                    custom: [Report.Field("campagne", name), Report.Field("visites", visits.map(\.id).joined(separator: ","))]),
                      sheets: sheets)
    }
}
