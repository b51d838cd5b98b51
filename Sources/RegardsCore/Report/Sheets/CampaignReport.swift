extension ComparisonReport {
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
        let data = Sheet(name: CampaignBuilder.name(.data, v), role: .data, columns: builder.data.columns, rows: [], excelTable: true)
        // Both grids, when the crosswalk's control grid is about as long as the evaluation (an estimate).
        return StreamedReport(sheetNames: CampaignBuilder.roles.map { CampaignBuilder.name($0, v) }, index: CampaignBuilder.roles.firstIndex(of: .data) ?? 0, sheet: data,
                              estimatedRows: count * evaluation.criteriaCount * (evaluation.comparesWith == nil ? 1 : 2),
                              produce: { emit in try records { try builder.add($0, emit) } },
                              finish: { builder.report(data: data) })
    }
}

/// The small part of a campaign report, gathered visit by visit while the long table streams.
/// Sendable: `add` runs on the thread producing rows, `report` after it has returned (the writer
/// waits for that thread first), never both at once.
final class CampaignBuilder: @unchecked Sendable {
    /// A visit's line of the summary: all that is kept of a visit once its rows are written.
    struct VisitLine {
        let visit: Visit
        let phase: String
        let evaluationScore: Double?
        let conformity: Double?
        let conformButUnsatisfying: Int
        let nonConformButSatisfying: Int
        let ecarts: Int
        let remarques: Int
        let lateSteps: Int
        let missingSteps: Int
        let openActions: Int
    }

    /// The sheets of a campaign workbook, in order.
    static let roles: [SheetRole] = [.summary, .scoresByTheme, .conformityByTheme, .blindSpots, .measures, .data, .dictionary]

    /// A measure of one of the campaign's visits, with where it stands: all that is kept of it.
    struct MeasureLine {
        let visit: Visit
        let measure: Measure
        let findings: String
        let due: CalendarDate?
        let status: MeasureStatus
    }

    static func name(_ role: SheetRole, _ v: ReportVocabulary) -> String {
        switch role {
        case .summary: v.t("Synthèse", "Summary")
        case .scoresByTheme: v.t("Scores par thème", "Scores by theme")
        case .conformityByTheme: v.t("Conformité par thème", "Conformity by theme")
        case .blindSpots: v.t("Angles morts", "Blind spots")
        case .measures: v.t("Mesures", "Measures")
        case .data: v.t("Données", "Data")
        case .dictionary: v.t("Dictionnaire", "Dictionary")
        default: preconditionFailure("no \(role) sheet in a campaign workbook")
        }
    }

    let name: String
    let evaluation: AuditProtocol
    let v: ReportVocabulary
    let author: String
    let data: SheetColumns<ComparisonReport.DataRow>
    var campaign: CampaignComparison
    var lines: [VisitLine] = []
    var measures: [MeasureLine] = []
    var protocols = Set<String>()
    var pins = Set<String>()

    init(name: String, evaluation: AuditProtocol, vocabulary: ReportVocabulary, author: String) {
        self.name = name
        self.evaluation = evaluation
        v = vocabulary
        self.author = author
        data = ComparisonReport.dataColumns(vocabulary)
        campaign = CampaignComparison(campaign: name, evaluation: evaluation)
    }

    func add(_ r: VisitRecord, _ emit: ([Cell]) throws -> Void) throws {
        let c = VisitComparison(r)
        campaign.add(c)
        lines.append(VisitLine(visit: r.visit, phase: r.workflow?.state(r.visit.state)?.title ?? r.visit.state, evaluationScore: c.evaluationScore,
                               conformity: c.controlConformity, conformButUnsatisfying: c.count(.conformButUnsatisfying),
                               nonConformButSatisfying: c.count(.nonConformButSatisfying), ecarts: c.count(.ecart), remarques: c.count(.remarque), lateSteps: c.lateSteps, missingSteps: c.missingSteps,
                               openActions: c.openActions.count))
        let p = r.procedure
        measures += p.followUpOrder(today: r.today).filter { !$0.withdrawn }.map {
            MeasureLine(visit: r.visit, measure: $0, findings: p.findingLabels($0).joined(separator: ", "), due: p.due($0), status: p.status(of: $0, today: r.today))
        }
        for pin in [r.visit.evaluation, r.visit.control].compactMap({ $0 }) {
            protocols.insert(pin.description)
            pins.insert("\(pin) [\(pin.hash)]")
        }
        try ComparisonReport.dataRows(r, c, v) { try emit(data.cells($0)) }
    }

    func report(data: Sheet) -> Report {
        let v = self.v
        let visits = campaign.visits
        let summary = [SummaryLine(v.t("Campagne", "Campaign"), .text(name, .emphasis)), SummaryLine(v.t("Visites", "Visits"), .integer(visits.count)),
                       SummaryLine(v.t("Protocoles", "Protocols"), .text(protocols.sorted().joined(separator: ", ")))]
        let overview = SheetColumns<VisitLine>([
            v.column("visit", "Visite", "Visit", .text, v.t("Identifiant de la visite.", "Visit id.")) { .text($0.visit.id) },
            v.column("establishment", "Établissement", "Establishment", .text, v.t("Établissement visité.", "Establishment."), width: 32) { .text($0.visit.establishment) },
            v.column("finess", "FINESS", "FINESS", .text, v.t("Numéro FINESS.", "FINESS.")) { .text($0.visit.finess) },
            v.column("start", "Début", "Start", .date, v.t("Premier jour sur place.", "First day.")) { .date($0.visit.startDate) },
            v.column("phase", "Phase", "Phase", .text, v.t("Phase de la mission.", "Phase.")) { .text($0.phase) },
            v.column("evaluation_score", "Score d'évaluation (sur 4)", "Evaluation score", .number, v.t("Moyenne pondérée de tous les critères notés de la visite.", "Mean of scored criteria.")) {
                .number($0.evaluationScore.map(ComparisonReport.round2))
            },
            v.column("conformity", "Conformité", "Conformity", .percent, v.t("Conformité moyenne de tous les points de contrôle notés.", "Mean conformity.")) {
                .number($0.conformity.map(ComparisonReport.round4))
            },
            v.column("conform_unsatisfying", "Conforme mais insatisfaisant", "Conformant but unsatisfying", .integer, v.t("Liens dans cette classe.", "Links in this class.")) {
                .integer($0.conformButUnsatisfying)
            },
            v.column("nonconform_satisfying", "Non conforme mais satisfaisant", "Non-conformant but satisfying", .integer, v.t("Liens dans cette classe.", "Links in this class.")) {
                .integer($0.nonConformButSatisfying)
            },
            v.column("ecarts", "Écarts", "Breaches", .integer, v.t("Points de contrôle non conformes à un texte opposable (écarts).", "Items in breach of an enforceable text.")) {
                .integer($0.ecarts, $0.ecarts > 0 ? .bad : nil)
            },
            v.column("remarques", "Remarques", "Remarks", .integer, v.t("Points de contrôle non conformes aux bonnes pratiques (remarques).", "Items short of good practice.")) {
                .integer($0.remarques)
            },
            v.column("late_steps", "Étapes en retard", "Late steps", .integer, v.t("Étapes de parcours faites en retard.", "Late steps.")) { .integer($0.lateSteps) },
            v.column("missing_steps", "Étapes manquantes", "Missing steps", .integer, v.t("Étapes échues non faites.", "Missing steps.")) { .integer($0.missingSteps) },
            v.column("open_actions", "Pistes ouvertes", "Open actions", .integer, v.t("Pistes ouvertes ou en cours.", "Open actions.")) { .integer($0.openActions) },
        ]).sheet(Self.name(.summary, v), role: .summary, summary: summary, rows: lines,
                 chart: Chart(title: v.t("Score d'évaluation moyen par visite", "Mean evaluation score by visit"), categoryColumn: "visit", valueColumns: ["evaluation_score"],
                              valueAxisTitle: v.t("sur 4", "of 4"), maximum: 4),
                 formats: [.colourScale(columns: ["evaluation_score", "conformity"], reversed: false)])
        // Theme scores by visit and section (a visit id may repeat only across campaigns, never within one).
        var cells: [String: [String: CampaignComparison.Cell]] = [:]
        for cell in campaign.cells where cells[cell.visit]?[cell.section] == nil { cells[cell.visit, default: [:]][cell.section] = cell }
        func heat(_ role: SheetRole, _ key: String, _ type: ColumnType, _ value: @escaping (CampaignComparison.Cell) -> Double?) -> Sheet {
            let round = type == .percent ? ComparisonReport.round4 : ComparisonReport.round2
            let themes = evaluation.sections.map { section in
                v.column("\(key)_\(section.id)", section.id, section.id, type, "\(section.title)") { (visit: Visit) in
                    .number(cells[visit.id]?[section.id].flatMap(value).map(round))
                }
            }
            return SheetColumns<Visit>([
                v.column("visit", "Visite", "Visit", .text, v.t("Identifiant de la visite.", "Visit id.")) { .text($0.id) },
                v.column("establishment", "Établissement", "Establishment", .text, v.t("Établissement.", "Establishment."), width: 30) { .text($0.establishment) },
            ] + themes).sheet(Self.name(role, v), role: role, rows: visits, formats: [.colourScale(columns: themes.map(\.column.key), reversed: false)])
        }
        let scores = heat(.scoresByTheme, "score", .number, \.evaluationScore)
        let conformity = heat(.conformityByTheme, "conformity", .percent, \.controlConformity)
        let spots = SheetColumns<CampaignComparison.BlindSpot>([
            v.column("criterion", "Critère", "Criterion", .text, v.t("Critère d'évaluation qu'aucun point de contrôle ne regarde.", "Blind-spot criterion.")) { .text($0.criterion) },
            v.column("title", "Intitulé", "Title", .longText, v.t("Intitulé.", "Title."), width: 60) { .text($0.title) },
            v.column("low_scores", "Visites avec un score bas (≤ 2)", "Visits scoring ≤ 2", .integer, v.t("Nombre de visites où le critère est noté 2 ou moins.", "Low scores.")) {
                .integer($0.lowScores, $0.lowScores > 0 ? .bad : nil)
            },
            v.column("answered", "Visites notées", "Visits scored", .integer, v.t("Visites où le critère a un niveau.", "Scored.")) { .integer($0.answered) },
            v.column("mean_score", "Score moyen", "Mean score", .number, v.t("Moyenne des niveaux sur les visites.", "Mean.")) { .number($0.meanScore.map(ComparisonReport.round2)) },
        ]).sheet(Self.name(.blindSpots, v), role: .blindSpots, rows: campaign.blindSpots, formats: [.colourScale(columns: ["mean_score"], reversed: false)])
        // Measures across establishments: the overdue first, then the open ones, then the settled; by deadline.
        func rank(_ s: MeasureStatus) -> Int { s.followUpRank }
        let followed = measures.sorted { a, b in
            (rank(a.status), a.due?.dayNumber ?? .max, a.visit.id, a.measure.number ?? 0) < (rank(b.status), b.due?.dayNumber ?? .max, b.visit.id, b.measure.number ?? 0)
        }
        let measureSheet = SheetColumns<MeasureLine>([
            v.column("visit", "Visite", "Visit", .text, v.t("Identifiant de la visite.", "Visit id.")) { .text($0.visit.id) },
            v.column("establishment", "Établissement", "Establishment", .text, v.t("Établissement.", "Establishment."), width: 30) { .text($0.visit.establishment) },
            v.column("measure", "Mesure", "Measure", .text, v.t("Numéro de la mesure dans sa visite.", "Measure number.")) { .text($0.measure.label) },
            v.column("kind", "Nature", "Kind", .text, v.t("prescription, recommandation ou injonction.", "Kind.")) { .text($0.measure.kind.label) },
            v.column("findings", "Constats", "Findings", .text, v.t("Constats auxquels elle répond.", "Findings.")) { .text($0.findings) },
            v.column("text", "Mesure demandée", "Measure", .longText, v.t("Ce qui est demandé.", "What is asked."), width: 50) { .text($0.measure.text) },
            v.column("due", "Échéance", "Due", .date, v.t("Date limite (connue une fois la décision prise pour un délai).", "Deadline.")) { .date($0.due) },
            v.column("status", "Statut", "Status", .text, v.t("envisagée, en cours, en retard, levée, non levée.", "Status.")) {
                .text($0.status.label, $0.status == .overdue || $0.status == .notLifted ? .bad : $0.status == .lifted ? .good : nil)
            },
        ]).sheet(Self.name(.measures, v), role: .measures, rows: followed)
        var sheets = [overview, scores, conformity, spots, measureSheet, data]
        sheets.append(ComparisonReport.dictionary(sheets, v))
        precondition(sheets.map(\.role) == Self.roles.map(Optional.some), "campaign sheets out of their announced order")
        return Report(title: v.t("Campagne \(name) — comparaison contrôle / évaluation", "Campaign \(name) — control / evaluation"), language: evaluation.language,
                      properties: Report.Properties(title: v.t("Campagne \(name)", "Campaign \(name)"), subject: v.t("Comparaison de \(visits.count) visites", "\(visits.count) visits compared"),
                                                    author: author, keywords: "Regards, CHRS, \(name)", comments: pins.sorted().joined(separator: ", "),
                                                    custom: [Report.Field("campagne", name), Report.Field("visites", visits.map(\.id).joined(separator: ","))]),
                      sheets: sheets)
    }
}
