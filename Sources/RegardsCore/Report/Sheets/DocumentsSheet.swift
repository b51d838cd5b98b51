extension ComparisonReport {
    /// *Documents*: the documents the grids ask for, those declared redundant, those both grids ask for.
    static func documents(_ e: AuditProtocol, _ c: AuditProtocol?, _ v: ReportVocabulary) -> Sheet {
        let protocols = [e] + (c.map { [$0] } ?? [])
        var overlaps: [String: Set<String>] = [:]
        for p in protocols {
            for d in p.documents {
                for o in d.overlapsWith { overlaps[d.id, default: []].insert(o); overlaps[o, default: []].insert(d.id) }
            }
        }
        /// The criteria of each grid citing the document.
        func citing(_ d: EvidenceDocument) -> [[String]] {
            protocols.map { p in p.allCriteria.filter { $0.criterion.documents.contains(d.id) }.map(\.criterion.id) }
        }
        func askedByBoth(_ d: EvidenceDocument) -> Bool {
            let c = citing(d)
            return c.count == 2 && !c[0].isEmpty && !c[1].isEmpty
        }
        let columns = SheetColumns<EvidenceDocument>([
            v.column("document", "Document", "Document", .text, v.t("Identifiant du document.", "Document id.")) { .text($0.id) },
            v.column("title", "Intitulé", "Title", .longText, v.t("Nom du document.", "Name."), width: 40) { .text($0.title) },
            v.column("purpose", "Objet", "Purpose", .longText, v.t("À quoi il sert.", "What it is for."), width: 40) { .text($0.purpose) },
            v.column("references", "Références", "References", .text, v.t("Textes qui l'exigent.", "Where required."), width: 24) { .text($0.references.joined(separator: " ; ")) },
            v.column("overlaps_with", "Recoupe", "Overlaps with", .text, v.t("Documents déclarés redondants (overlaps_with).", "Declared overlaps."), width: 30) {
                .text(overlaps[$0.id].map { $0.sorted().joined(separator: ", ") }, overlaps[$0.id] == nil ? nil : .warning)
            },
            v.column("cited_by", "Demandé par", "Cited by", .text, v.t("Critères et points de contrôle qui le citent comme preuve.", "Criteria citing it."), width: 30) {
                .text(citing($0).flatMap { $0 }.joined(separator: ", "))
            },
            v.column("both_grids", "Demandé par les deux grilles", "Asked by both grids", .text, v.t("oui quand les deux grilles le demandent : une même pièce demandée deux fois.", "Whether both grids ask for it.")) {
                let both = askedByBoth($0)
                return .text(v.yes(both), both ? .warning : nil)
            },
        ])
        var seen = Set<String>()
        return columns.sheet("Documents", role: .documents, rows: protocols.flatMap(\.documents).filter { seen.insert($0.id).inserted })
    }

    /// *Dictionnaire*: what every column of every sheet means.
    static func dictionary(_ sheets: [Sheet], _ v: ReportVocabulary) -> Sheet {
        SheetColumns<(sheet: String, column: Column)>([
            v.column("sheet", "Feuille", "Sheet", .text, v.t("Feuille du classeur.", "Sheet."), width: 20) { .text($0.sheet) },
            v.column("column", "Colonne", "Column", .text, v.t("En-tête de la colonne.", "Column heading."), width: 30) { .text($0.column.header) },
            v.column("key", "Nom technique", "Key", .text, v.t("Nom stable de la colonne (CSV, JSON, tableaux croisés).", "Stable key."), width: 24) { .text($0.column.key) },
            v.column("type", "Type", "Type", .text, v.t("text, longText, integer, number, percent, date, timestamp.", "Type.")) { .text($0.column.type.rawValue) },
            v.column("meaning", "Signification", "Meaning", .longText, v.t("Ce que contient la colonne.", "What it holds."), width: 80) { .text($0.column.description) },
        ]).sheet(v.t("Dictionnaire", "Dictionary"), role: .dictionary, rows: sheets.flatMap { sheet in sheet.columns.map { (sheet.name, $0) } })
    }
}
