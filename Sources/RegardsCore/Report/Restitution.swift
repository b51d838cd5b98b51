/// The content of the restitution report: what the visit found, in plain words, for the
/// establishment and its residents' council. Templates (Mustache) decide the layout.
public struct Restitution: Sendable {
    public struct Theme: Sendable {
        public var title: String
        public var evaluation: String
        public var conformity: String
        public var divergences: Int
    }

    public struct Divergence: Sendable {
        public var criterion: String
        public var title: String
        public var evaluation: String
        public var controlItem: String
        public var controlTitle: String
        public var control: String
    }

    public struct BlindSpot: Sendable {
        public var criterion: String
        public var title: String
        public var evaluation: String
    }

    public struct Step: Sendable {
        public var resident: String
        public var step: String
        public var state: String
        public var due: String
        public var done: String
        public var daysLate: Int
        public var note: String
    }

    public struct Action: Sendable {
        public var number: Int
        public var title: String
        public var owner: String
        public var due: String
        public var status: String
    }

    /// A non-conformity of the control grid: an écart (E1…) or a remarque (R1…).
    public struct Finding: Sendable {
        public var number: String
        public var criterion: String
        public var title: String
        public var answer: String
        public var references: String
    }

    public struct Method: Sendable {
        public var title: String
        public var count: Int
    }

    public var establishment: String
    public var finess: String
    public var visit: String
    public var dates: String
    public var phase: String
    public var protocols: String
    public var themes: [Theme]
    public var conformButUnsatisfying: [Divergence]
    public var nonConformButSatisfying: [Divergence]
    public var blindSpots: [BlindSpot]
    public var hasBlindSpots: Bool
    public var steps: [Step]
    public var hasSteps: Bool
    public var lateSteps: Int
    public var missingSteps: Int
    public var actions: [Action]
    public var hasActions: Bool
    public var imperativesWithoutAction: String
    public var hasImperativesWithoutAction: Bool
    public var methods: [Method]
    public var observations: Int
    public var overlappingDocuments: [String]
    public var hasOverlappingDocuments: Bool
    public var hasConformButUnsatisfying: Bool
    public var hasNonConformButSatisfying: Bool
    /// Whether the visit has a control grid (the findings section is written only then).
    public var hasControl: Bool
    public var ecarts: [Finding]
    public var remarques: [Finding]
    /// Non-conformities on items whose basis the grid does not say (1.0.0 grids).
    public var unclassified: [Finding]
    public var hasEcarts: Bool
    public var hasRemarques: Bool
    public var hasUnclassified: Bool
    public var hasFindings: Bool

    public init(_ r: VisitRecord) {
        let c = VisitComparison(r)
        let v = ReportVocabulary(language: r.grids.evaluation.language)
        func score(_ x: Double?) -> String { x.map { String(format: "%.1f", $0).replacingOccurrences(of: ".", with: ",") + " / 4" } ?? "—" }
        func percent(_ x: Double?) -> String { x.map { "\(Int(($0 * 100).rounded())) %" } ?? "—" }
        establishment = r.visit.establishment
        finess = r.visit.finess
        visit = r.visit.id
        dates = [r.visit.startDate?.description, r.visit.endDate?.description].compactMap { $0 }.joined(separator: " → ")
        phase = r.workflow?.state(r.visit.state)?.title ?? r.visit.state
        protocols = [r.visit.evaluation, r.visit.control].compactMap { $0 }.map(\.description).joined(separator: ", ")
        themes = c.themes.map { Theme(title: $0.title, evaluation: score($0.evaluationScore), conformity: percent($0.controlConformity), divergences: $0.divergences) }
        func divergence(_ l: VisitComparison.Link) -> Divergence {
            Divergence(criterion: l.evaluation?.criterion ?? "", title: l.evaluation?.title ?? "", evaluation: l.evaluation?.label ?? "—",
                       controlItem: l.control?.criterion ?? "", controlTitle: l.control?.title ?? "", control: l.control?.label ?? "—")
        }
        conformButUnsatisfying = c.links.filter { $0.divergence == .conformButUnsatisfying }.map(divergence)
        nonConformButSatisfying = c.links.filter { $0.divergence == .nonConformButSatisfying }.map(divergence)
        hasConformButUnsatisfying = !conformButUnsatisfying.isEmpty
        hasNonConformButSatisfying = !nonConformButSatisfying.isEmpty
        // Blind spots that were assessed, lowest first: what the control grid would not have seen.
        blindSpots = c.links.filter { $0.divergence == .controlBlindSpot && $0.evaluation?.score != nil }
            .sorted { ($0.evaluation?.score ?? 9, $0.evaluation?.criterion ?? "") < ($1.evaluation?.score ?? 9, $1.evaluation?.criterion ?? "") }
            .map { BlindSpot(criterion: $0.evaluation?.criterion ?? "", title: $0.evaluation?.title ?? "", evaluation: $0.evaluation?.label ?? "") }
        hasBlindSpots = !blindSpots.isEmpty
        let hasRecordedFindings = !r.procedure.findings.isEmpty
        func finding(_ f: ControlFinding) -> Finding {
            Finding(number: f.number ?? (hasRecordedFindings ? "non retenu" : ""), criterion: f.criterion, title: f.title, answer: f.answer, references: f.references.joined(separator: " ; "))
        }
        hasControl = r.grids.control != nil
        ecarts = c.findings.filter { $0.kind == .ecart }.map(finding)
        remarques = c.findings.filter { $0.kind == .remarque }.map(finding)
        unclassified = c.findings.filter { $0.kind == nil }.map(finding)
        hasEcarts = !ecarts.isEmpty
        hasRemarques = !remarques.isEmpty
        hasUnclassified = !unclassified.isEmpty
        hasFindings = !c.findings.isEmpty
        let titles = Dictionary(uniqueKeysWithValues: (r.grids.evaluation.journey?.steps ?? []).map { ($0.id, $0.title) })
        steps = c.delays.map { d in
            Step(resident: d.resident, step: titles[d.check.step] ?? d.check.step, state: v.state(d.check.state), due: d.check.due?.description ?? "—",
                 done: d.check.done?.description ?? "—", daysLate: d.check.daysLate, note: d.check.note ?? "")
        }
        hasSteps = !steps.isEmpty
        lateSteps = c.lateSteps
        missingSteps = c.missingSteps
        actions = r.actions.filter { $0.status != .dropped }.map {
            Action(number: $0.number, title: $0.title, owner: $0.owner ?? "—", due: $0.due?.description ?? "—", status: $0.status.rawValue)
        }
        hasActions = !actions.isEmpty
        imperativesWithoutAction = c.imperativesWithoutAction.joined(separator: ", ")
        hasImperativesWithoutAction = !c.imperativesWithoutAction.isEmpty
        observations = r.observations.count
        methods = r.grids.evaluation.methods.compactMap { m in
            let n = r.observations.filter { $0.method == m.id }.count
            return n == 0 ? nil : Method(title: m.title, count: n)
        }
        let coverage = r.grids.control.map { Coverage(evaluation: r.grids.evaluation, control: $0) }
        overlappingDocuments = coverage?.overlappingDocuments.map { $0.documents.map(\.title).joined(separator: " ≈ ") } ?? []
        hasOverlappingDocuments = !overlappingDocuments.isEmpty
    }
}
