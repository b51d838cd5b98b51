/// Column headings and descriptions of the reports, in the protocol's language
/// (French for the shipped protocols; English otherwise).
struct ReportVocabulary {
    let french: Bool

    init(language: String) {
        french = language.lowercased().hasPrefix("fr")
    }

    /// The English of a document, whatever the messages' language.
    static let english = ReportVocabulary(language: "en")

    func t(_ fr: String, _ en: String) -> String { french ? fr : en }

    /// A column whose heading follows the language; the description is the data dictionary's.
    func column(_ key: String, _ fr: String, _ en: String, _ type: ColumnType = .text, _ description: String, width: Double? = nil, editable: Bool = false) -> Column {
        Column(key, t(fr, en), type, description, width: width, editable: editable)
    }

    func divergence(_ d: Divergence) -> String {
        french ? d.label : [
            .conformButUnsatisfying: "conformant but unsatisfying", .nonConformButSatisfying: "non-conformant but satisfying", .agreement: "agreement",
            .notAssessed: "not assessed", .controlBlindSpot: "control blind spot", .outsideEvaluation: "outside the evaluation",
        ][d] ?? d.rawValue
    }

    func style(_ d: Divergence) -> CellStyle? {
        switch d {
        case .conformButUnsatisfying, .nonConformButSatisfying: .bad
        case .agreement: .good
        case .controlBlindSpot: .warning
        case .notAssessed, .outsideEvaluation: .muted
        }
    }

    func state(_ s: StepCheck.State) -> String {
        french ? [
            .onTime: "dans les délais", .late: "en retard", .missing: "manquant", .pending: "à venir", .undetermined: "indéterminé", .notRecorded: "non renseigné", .notDone: "non fait",
        ][s] ?? s.rawValue : [
            .onTime: "on time", .late: "late", .missing: "missing", .pending: "pending", .undetermined: "undetermined", .notRecorded: "not recorded", .notDone: "not done",
        ][s] ?? s.rawValue
    }

    func yes(_ b: Bool) -> String { b ? t("oui", "yes") : t("non", "no") }

    /// « Écart E2 », « Remarque R1 »; a non-conformity on an item whose basis the grid does not say.
    func finding(_ f: ControlFinding) -> String {
        switch f.kind {
        case .ecart?: t("Écart", "Breach") + " " + (f.number ?? t("— non retenu", "— not retained"))
        case .remarque?: t("Remarque", "Remark") + " " + (f.number ?? t("— non retenue", "— not retained"))
        case .bonnePratique?: t("Bonne pratique", "Good practice") + " " + (f.number ?? "")
        case nil: t("Non-conformité (fondement non précisé)", "Non-conformity (basis not stated)")
        }
    }

    func kind(_ k: FindingKind) -> String {
        switch k {
        case .ecart: t("écart", "breach")
        case .remarque: t("remarque", "remark")
        case .bonnePratique: t("bonne pratique", "good practice")
        }
    }

    func basis(_ b: Basis?) -> String? {
        switch b {
        case .enforceable?: t("texte opposable", "enforceable text")
        case .goodPractice?: t("bonne pratique", "good practice")
        case nil: nil
        }
    }
}
