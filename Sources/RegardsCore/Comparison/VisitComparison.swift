/// The visit-level comparison: the control grid's results beside the evaluation's, link by link
/// and theme by theme, with the observations, journeys and actions that go with them.
public struct VisitComparison: Sendable {
    /// One answered (or not) criterion of either grid, as the comparison reads it.
    public struct Result: Equatable, Sendable {
        public var criterion: String
        public var section: String
        public var title: String
        public var value: AnswerValue?
        public var label: String?
        /// Nil when not scored (see `Scoring`).
        public var score: Double?
        public var relevant: Bool
    }

    public struct Link: Equatable, Sendable {
        public var evaluation: Result?
        public var relation: MappingRelation?
        public var control: Result?
        public var divergence: Divergence
    }

    public struct Theme: Equatable, Sendable {
        public var section: String
        public var title: String
        /// Weighted mean of the scored evaluation criteria (1–4).
        public var evaluationScore: Double?
        public var scored: Int
        public var relevant: Int
        /// Conformity (0–1) of the control items the theme's criteria map to.
        public var controlConformity: Double?
        public var controlItems: Int
        public var divergences: Int
        public var blindSpots: Int
    }

    public struct ControlTheme: Equatable, Sendable {
        public var section: String
        public var title: String
        /// Weighted mean (0–1) of the scored items.
        public var conformity: Double?
        public var scored: Int
        public var relevant: Int
        public var nonConformant: Int
    }

    public struct Evidence: Equatable, Sendable {
        public var count: Int
        public var methods: [String]
    }

    public var visit: Visit
    /// Every criterion of each grid, as the comparison reads it, by id.
    public var results: [ProtocolKind: [String: Result]]
    public var themes: [Theme]
    public var controlThemes: [ControlTheme]
    public var links: [Link]
    /// Observations backing each evaluation criterion.
    public var evidence: [String: Evidence]
    public var delays: [JourneyDelay]
    public var imperativesBelowTop: [String]
    public var imperativesWithoutAction: [String]
    /// Control items not fully conformant, each an écart or a remarque (see `ControlFinding`).
    public var findings: [ControlFinding]
    /// The same, by control item.
    public var findingByItem: [String: ControlFinding]
    public var openActions: [ImprovementAction]

    /// Weighted mean (criterion `weight`) of every scored evaluation criterion of the visit (1–4).
    public var evaluationScore: Double?
    /// Conformity (0–1) of the visit's control grid: its themes' conformity, each counting for its scored items.
    public var controlConformity: Double?

    public func result(_ kind: ProtocolKind, _ criterion: String) -> Result? { results[kind]?[criterion] }

    public func count(_ divergence: Divergence) -> Int { links.filter { $0.divergence == divergence }.count }
    public var divergenceCount: Int { count(.conformButUnsatisfying) + count(.nonConformButSatisfying) }
    public var lateSteps: Int { delays.filter { $0.check.state == .late }.count }
    public var missingSteps: Int { delays.filter { $0.check.state == .missing }.count }
    public func count(_ kind: FindingKind) -> Int { findings.filter { $0.kind == kind }.count }

    public init(_ r: VisitRecord) {
        visit = r.visit
        let context = r.visit.conditionContext
        let current = r.current
        let grids = r.grids
        func results(_ grid: AuditProtocol?, _ kind: ProtocolKind) -> [String: Result] {
            guard let grid else { return [:] }
            var out: [String: Result] = [:]
            out.reserveCapacity(grid.criteriaCount)
            let answers = current[kind] ?? [:]
            for section in grid.sections {
                for c in section.criteria {
                    let scale = grids.scale(c.scale, in: kind)
                    let value = answers[c.id]?.value
                    out[c.id] = Result(criterion: c.id, section: section.id, title: c.title, value: value, label: value?.label(in: scale),
                                       score: Scoring.score(value, scale: scale, kind: grid.kind), relevant: c.applies(in: context))
                }
            }
            return out
        }
        let evaluation = r.grids.evaluation, control = r.grids.control
        let eval = results(evaluation, .evaluation), ctl = results(control, .control)
        self.results = [.evaluation: eval, .control: ctl]
        var links: [Link] = []
        var mapped = Set<String>()
        for section in evaluation.sections {
            for c in section.criteria {
                guard let e = eval[c.id], e.relevant else { continue }
                let targets = c.mapsTo.filter { ctl[$0.control] != nil }
                if targets.isEmpty {
                    links.append(Link(evaluation: e, relation: nil, control: nil, divergence: .controlBlindSpot))
                }
                for m in targets {
                    mapped.insert(m.control)
                    guard let k = ctl[m.control], let item = grids.criterion(m.control, in: .control) else { continue }
                    let divergence = k.relevant ? Divergence.classify(evaluation: e.value, evaluationScale: grids.scale(c.scale, in: .evaluation),
                                                                      control: k.value, controlScale: grids.scale(item.scale, in: .control)) : .notAssessed
                    links.append(Link(evaluation: e, relation: m.relation, control: k, divergence: divergence))
                }
            }
        }
        for section in control?.sections ?? [] {
            for item in section.criteria where !mapped.contains(item.id) {
                if let k = ctl[item.id], k.relevant { links.append(Link(evaluation: nil, relation: nil, control: k, divergence: .outsideEvaluation)) }
            }
        }
        self.links = links

        // Links by the evaluation section they start from, in order.
        var linksBySection: [String: [Link]] = [:]
        for link in links {
            if let section = link.evaluation?.section { linksBySection[section, default: []].append(link) }
        }
        themes = evaluation.sections.map { section in
            let relevant = section.criteria.filter { eval[$0.id]?.relevant == true }
            let scored = relevant.compactMap { c in eval[c.id]?.score.map { (score: $0, weight: c.weight) } }
            let sectionLinks = linksBySection[section.id] ?? []
            var items: [String: (score: Double, weight: Double)] = [:]
            for link in sectionLinks {
                if let k = link.control, let s = k.score, let item = grids.criterion(k.criterion, in: .control) { items[k.criterion] = (s, item.weight) }
            }
            let controlIDs = Set(sectionLinks.compactMap { $0.control?.criterion })
            return Theme(section: section.id, title: section.title, evaluationScore: Scoring.mean(scored), scored: scored.count, relevant: relevant.count,
                         controlConformity: Scoring.mean(Array(items.values)), controlItems: controlIDs.count,
                         divergences: sectionLinks.filter { $0.divergence == .conformButUnsatisfying || $0.divergence == .nonConformButSatisfying }.count,
                         blindSpots: sectionLinks.filter { $0.divergence == .controlBlindSpot }.count)
        }
        controlThemes = (control?.sections ?? []).map { section in
            let relevant = section.criteria.filter { ctl[$0.id]?.relevant == true }
            let scored = relevant.compactMap { c in ctl[c.id]?.score.map { (score: $0, weight: c.weight) } }
            return ControlTheme(section: section.id, title: section.title, conformity: Scoring.mean(scored), scored: scored.count, relevant: relevant.count,
                                nonConformant: relevant.filter { ctl[$0.id]?.score == 0 }.count)
        }
        var seen = Set<String>()
        evaluationScore = Scoring.mean(evaluation.allCriteria.compactMap { _, c in
            guard seen.insert(c.id).inserted, let e = eval[c.id], e.relevant, let score = e.score else { return nil }
            return (score, c.weight)
        })
        let controlScored = controlThemes.reduce(0) { $0 + $1.scored }
        controlConformity = controlScored == 0 ? nil : controlThemes.reduce(0.0) { $0 + ($1.conformity ?? 0) * Double($1.scored) } / Double(controlScored)
        var evidence: [String: Evidence] = [:]
        for o in r.observations {
            for c in Set(o.criteria) {
                var e = evidence[c] ?? Evidence(count: 0, methods: [])
                e.count += 1
                if !e.methods.contains(o.method) { e.methods.append(o.method) }
                evidence[c] = e
            }
        }
        self.evidence = evidence
        delays = r.journeyDelays
        imperativesBelowTop = r.imperativesBelowTop
        imperativesWithoutAction = r.imperativesWithoutAction
        findings = r.controlFindings
        findingByItem = Dictionary(findings.map { ($0.criterion, $0) }, uniquingKeysWith: { first, _ in first })
        openActions = r.openActions
    }
}
