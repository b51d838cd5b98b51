extension ComparisonReport {
    /// The coverage workbook of two protocols: per theme, the coverage matrix, blind spots both ways,
    /// documents, scales that compare badly.
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
        func strongest(_ relation: MappingRelation, _ meaning: String, _ meaningEN: String) -> SheetColumn<Coverage.Theme> {
            v.column(relation.rawValue, relation.rawValue, relation.rawValue, .integer, v.t(meaning, meaningEN)) { .integer($0.byRelation[relation.rawValue] ?? 0) }
        }
        let themeColumns = SheetColumns<Coverage.Theme>([
            v.column("theme", "Thème", "Theme", .text, v.t("Thème de la grille d'évaluation.", "Theme.")) { .text($0.section) },
            v.column("theme_title", "Intitulé", "Title", .text, v.t("Nom du thème.", "Name."), width: 44) { .text($0.title) },
            v.column("criteria", "Critères", "Criteria", .integer, v.t("Critères du thème.", "Criteria.")) { .integer($0.criteria) },
            v.column("covered", "Couverts", "Covered", .integer, v.t("Critères reliés à au moins un point.", "Covered.")) { .integer($0.covered) },
            v.column("coverage", "Couverture", "Coverage", .percent, v.t("Part couverte.", "Share covered.")) { .number($0.rate.map(round4)) },
            strongest(.equal, "Critères dont la relation la plus forte est equal.", "Strongest relation equal."),
            strongest(.superset, "… superset.", "… superset."),
            strongest(.subset, "… subset.", "… subset."),
            strongest(.intersects, "… intersects.", "… intersects."),
            v.column("blind_spots", "Angles morts", "Blind spots", .text, v.t("Critères sans point de contrôle.", "Blind spots."), width: 40) {
                .text($0.blindSpots.joined(separator: ", "), $0.blindSpots.isEmpty ? nil : .warning)
            },
        ])
        let themes = themeColumns.sheet(v.t("Synthèse", "Summary"), role: .summary, summary: summary, rows: coverage.themes,
                                        chart: Chart(title: v.t("Critères couverts par thème", "Criteria covered by theme"), categoryColumn: "theme",
                                                     valueColumns: ["criteria", "covered"], valueAxisTitle: v.t("critères", "criteria")),
                                        formats: [.colourScale(columns: ["coverage"], reversed: false)])
        func items(_ name: String, _ role: SheetRole, _ list: [Coverage.Item], _ meaning: String) -> Sheet {
            SheetColumns<Coverage.Item>([
                v.column("theme", "Thème", "Theme", .text, v.t("Thème.", "Theme.")) { .text($0.section) },
                v.column("criterion", "Critère", "Criterion", .text, meaning) { .text($0.id) },
                v.column("title", "Intitulé", "Title", .longText, v.t("Intitulé.", "Title."), width: 80) { .text($0.title) },
            ]).sheet(name, role: role, rows: list)
        }
        let mismatches = SheetColumns<Coverage.ScaleMismatch>([
            v.column("criterion", "Critère", "Criterion", .text, v.t("Critère d'évaluation.", "Criterion.")) { .text($0.criterion) },
            v.column("control_item", "Point de contrôle", "Control item", .text, v.t("Point relié.", "Item.")) { .text($0.control) },
            v.column("reason", "Écart", "Mismatch", .longText, v.t("Pourquoi les réponses se rapprochent mal.", "Why answers compare badly."), width: 60) { .text($0.reason) },
        ]).sheet(v.t("Échelles", "Scales"), role: .scales, rows: coverage.scaleMismatches)
        var sheets = [themes, coverageMatrix(coverage, c, v),
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

    /// *Couverture*: evaluation theme × control theme, the crosswalk links between them, as a colour scale.
    static func coverageMatrix(_ coverage: Coverage, _ control: AuditProtocol, _ v: ReportVocabulary) -> Sheet {
        var list: [SheetColumn<Coverage.Theme>] = [
            v.column("theme", "Thème d'évaluation", "Evaluation theme", .text, v.t("Thème de la grille d'évaluation (ligne).", "Evaluation theme.")) { .text($0.section) },
            v.column("theme_title", "Intitulé", "Title", .text, v.t("Nom du thème.", "Theme name."), width: 40) { .text($0.title) },
        ]
        let links = control.sections.map { section in
            v.column("links_\(section.id)", section.id, section.id, .integer,
                     v.t("Liens de correspondance vers les points du thème de contrôle « \(section.title) ».", "Links to control theme \(section.title).")) { (t: Coverage.Theme) in
                .integer(coverage.links(from: t.section, to: section.id))
            }
        }
        list += links
        list += [
            v.column("criteria", "Critères", "Criteria", .integer, v.t("Critères du thème d'évaluation.", "Criteria in the theme.")) { .integer($0.criteria) },
            v.column("covered", "Couverts", "Covered", .integer, v.t("Critères reliés à au moins un point de contrôle.", "Criteria with a link.")) { .integer($0.covered) },
            v.column("coverage", "Couverture", "Coverage", .percent, v.t("Part des critères couverts.", "Share covered.")) { .number($0.rate.map(round4)) },
        ]
        return SheetColumns(list).sheet(v.t("Couverture", "Coverage"), role: .coverage, rows: coverage.themes,
                                        formats: [.colourScale(columns: links.map(\.column.key), reversed: false), .colourScale(columns: ["coverage"], reversed: false)])
    }
}
