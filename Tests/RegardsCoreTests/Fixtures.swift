import RegardsCore

/// Small models built in code, for table tests without files.
enum Sample {
    static let quality = Scale(id: "qualite", levels: (1...4).map { ScaleLevel(value: $0, label: "Niveau \($0)") }, notApplicable: true)
    static let conformity = Scale(id: "conformite", levels: [ScaleLevel(value: 2, label: "Conforme"), ScaleLevel(value: 1, label: "Partiel"), ScaleLevel(value: 0, label: "Non conforme")],
                                  notApplicable: true, notAssessed: true)

    static func control() -> AuditProtocol {
        AuditProtocol(
            id: "ctl", version: SemanticVersion(1, 0, 0), kind: .control, title: "Contrôle", scales: [conformity], defaultScale: "conformite",
            documents: [EvidenceDocument(id: "contrat", title: "Contrat de séjour"), EvidenceDocument(id: "livret", title: "Livret")],
            sections: [
                Section(id: "CTL-DU", title: "Droits", criteria: [
                    Criterion(id: "CTL-DU-01", title: "Livret remis", scale: "conformite", references: ["CASF L311-4"], documents: ["livret"], basis: .enforceable),
                    Criterion(id: "CTL-DU-02", title: "Contrat signé", scale: "conformite", references: ["CASF L311-4"], documents: ["contrat"], basis: .enforceable),
                ]),
                Section(id: "CTL-AS", title: "Séjour", criteria: [
                    Criterion(id: "CTL-AS-01", title: "Bilan semestriel", scale: "conformite", references: ["CASF R345-4"], documents: ["contrat"], basis: .enforceable),
                    Criterion(id: "CTL-AS-02", title: "Participation financière", scale: "conformite", references: ["CASF R345-7"], basis: .enforceable),
                ]),
            ])
    }

    static func evaluation() -> AuditProtocol {
        AuditProtocol(
            id: "eval", version: SemanticVersion(1, 0, 0), kind: .evaluation, title: "Évaluation", comparesWith: ProtocolReference(id: "ctl", major: 1),
            context: [ContextVariable(id: "public", title: "Public", type: .choice, values: ["jeunes", "familles"])],
            scales: [quality], defaultScale: "qualite",
            methods: [ObservationMethod(id: "entretien", title: "Entretien")],
            documents: [EvidenceDocument(id: "avenant", title: "Avenant", overlapsWith: ["bilan"]),
                        EvidenceDocument(id: "bilan", title: "Bilan", overlapsWith: ["projet"]),
                        EvidenceDocument(id: "projet", title: "Projet personnalisé"),
                        EvidenceDocument(id: "livret", title: "Livret")],
            sections: [
                Section(id: "AC", title: "Accueil", criteria: [
                    Criterion(id: "AC-01", title: "Livret compris", scale: "qualite", documents: ["livret"], methods: ["entretien"],
                              mapsTo: [Mapping(control: "CTL-DU-01", relation: .superset)]),
                    Criterion(id: "AC-02", title: "Contrat expliqué", scale: "qualite",
                              mapsTo: [Mapping(control: "CTL-DU-02", relation: .intersects), Mapping(control: "CTL-AS-01", relation: .equal)]),
                ]),
                Section(id: "VC", title: "Vie collective", criteria: [
                    Criterion(id: "VC-01", title: "Espaces partagés", scale: "qualite", when: "public == 'jeunes'"),
                    Criterion(id: "VC-02", title: "Règles de vie", scale: "qualite", imperative: true, mapsTo: [Mapping(control: "CTL-DU-02", relation: .subset)]),
                ]),
            ],
            journey: JourneyTemplate(steps: [
                JourneyStep(id: "admission", title: "Admission"),
                JourneyStep(id: "contrat", title: "Contrat", deadline: Deadline(after: "admission", within: Period(days: 15))),
            ]))
    }

    static let map = SourceMap(file: "sample.yaml")
}
