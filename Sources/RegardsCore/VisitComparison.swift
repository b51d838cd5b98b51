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

    public struct Delay: Equatable, Sendable {
        public var resident: String
        public var check: StepCheck
    }

    public var visit: Visit
    public var themes: [Theme]
    public var controlThemes: [ControlTheme]
    public var links: [Link]
    /// Observations backing each evaluation criterion.
    public var evidence: [String: Evidence]
    public var delays: [Delay]
    public var imperativesBelowTop: [String]
    public var imperativesWithoutAction: [String]
    public var openActions: [ImprovementAction]

    public func count(_ divergence: Divergence) -> Int { links.filter { $0.divergence == divergence }.count }
    public var divergenceCount: Int { count(.conformButUnsatisfying) + count(.nonConformButSatisfying) }
    public var lateSteps: Int { delays.filter { $0.check.state == .late }.count }
    public var missingSteps: Int { delays.filter { $0.check.state == .missing }.count }

    public init(_ r: VisitRecord) {
        visit = r.visit
        let context = r.visit.conditionContext
        let current = r.current
        func results(_ grid: AuditProtocol?, _ kind: GridKind) -> [String: Result] {
            guard let grid else { return [:] }
            var out: [String: Result] = [:]
            for (section, c) in grid.allCriteria {
                let scale = grid.scale(c.scale)
                let value = current[kind]?[c.id]?.value
                out[c.id] = Result(criterion: c.id, section: section.id, title: c.title, value: value, label: value?.label(in: scale),
                                   score: Scoring.score(value, scale: scale, kind: grid.kind), relevant: VisitGrids.isRelevant(c, context: context))
            }
            return out
        }
        let evaluation = r.grids.evaluation, control = r.grids.control
        let eval = results(evaluation, .evaluation), ctl = results(control, .control)
        var links: [Link] = []
        var mapped = Set<String>()
        for (_, c) in evaluation.allCriteria {
            guard let e = eval[c.id], e.relevant else { continue }
            let targets = c.mapsTo.filter { ctl[$0.control] != nil }
            if targets.isEmpty {
                links.append(Link(evaluation: e, relation: nil, control: nil, divergence: .controlBlindSpot))
            }
            for m in targets {
                mapped.insert(m.control)
                guard let k = ctl[m.control], let item = control?.criterion(m.control) else { continue }
                let divergence = k.relevant ? Divergence.classify(evaluation: e.value, evaluationScale: evaluation.scale(c.scale),
                                                                  control: k.value, controlScale: control?.scale(item.scale)) : .notAssessed
                links.append(Link(evaluation: e, relation: m.relation, control: k, divergence: divergence))
            }
        }
        for (_, item) in control?.allCriteria ?? [] where !mapped.contains(item.id) {
            if let k = ctl[item.id], k.relevant { links.append(Link(evaluation: nil, relation: nil, control: k, divergence: .outsideEvaluation)) }
        }
        self.links = links

        themes = evaluation.sections.map { section in
            let relevant = section.criteria.filter { eval[$0.id]?.relevant == true }
            let scored = relevant.compactMap { c in eval[c.id]?.score.map { (score: $0, weight: c.weight) } }
            let sectionLinks = links.filter { $0.evaluation?.section == section.id }
            var items: [String: (score: Double, weight: Double)] = [:]
            for link in sectionLinks {
                if let k = link.control, let s = k.score, let item = control?.criterion(k.criterion) { items[k.criterion] = (s, item.weight) }
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
        delays = r.journeyChecks.flatMap { resident, checks in
            checks.filter { $0.state == .late || $0.state == .missing }.map { Delay(resident: resident, check: $0) }
        }
        var below: [String] = []
        for kind in GridKind.allCases {
            guard let grid = r.grids.grid(kind) else { continue }
            for (_, c) in grid.allCriteria where c.imperative {
                if case .level(let v)? = current[kind]?[c.id]?.value, let top = grid.scale(c.scale)?.top?.value, v < top { below.append(c.id) }
            }
        }
        imperativesBelowTop = below
        imperativesWithoutAction = r.imperativesWithoutAction
        openActions = r.openActions
    }
}

/// Many visits of a campaign side by side.
public struct CampaignComparison: Sendable {
    public struct Cell: Equatable, Sendable {
        public var visit: String
        public var section: String
        public var evaluationScore: Double?
        public var controlConformity: Double?
    }

    public struct BlindSpot: Equatable, Sendable {
        public var criterion: String
        public var title: String
        /// Visits where it was answered at or below the middle of the scale (2 and under on 1–4).
        public var lowScores: Int
        public var answered: Int
        public var meanScore: Double?
    }

    public var campaign: String
    public let evaluation: AuditProtocol
    /// The visits added, in order.
    public private(set) var visits: [Visit] = []
    /// Each visit's theme scores, in the order visits were added.
    public private(set) var cells: [Cell] = []
    private var spots: [String: BlindSpot] = [:]
    private var order: [String] = []

    /// An empty campaign, filled one visit at a time with `add` (nothing of a visit is kept but its theme scores).
    public init(campaign: String, evaluation: AuditProtocol) {
        self.campaign = campaign
        self.evaluation = evaluation
    }

    public init(campaign: String, visits: [VisitComparison], evaluation: AuditProtocol) {
        self.init(campaign: campaign, evaluation: evaluation)
        visits.forEach { add($0) }
    }

    public mutating func add(_ v: VisitComparison) {
        visits.append(v.visit)
        cells += v.themes.map { Cell(visit: v.visit.id, section: $0.section, evaluationScore: $0.evaluationScore, controlConformity: $0.controlConformity) }
        for link in v.links where link.divergence == .controlBlindSpot {
            guard let e = link.evaluation else { continue }
            if spots[e.criterion] == nil {
                spots[e.criterion] = BlindSpot(criterion: e.criterion, title: e.title, lowScores: 0, answered: 0, meanScore: nil)
                order.append(e.criterion)
            }
            guard let score = e.score, let scale = evaluation.criterion(e.criterion).flatMap({ evaluation.scale($0.scale) }) else { continue }
            let previous = spots[e.criterion]!
            let total = (previous.meanScore ?? 0) * Double(previous.answered) + score
            spots[e.criterion]!.answered += 1
            spots[e.criterion]!.meanScore = total / Double(previous.answered + 1)
            if !Scoring.isSatisfying(Int(score), scale: scale) { spots[e.criterion]!.lowScores += 1 }
        }
    }

    /// The evaluation criteria no control item looks at: most often low first, then lowest mean, then file order.
    public var blindSpots: [BlindSpot] {
        let index = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        return order.compactMap { spots[$0] }.sorted {
            if $0.lowScores != $1.lowScores { return $0.lowScores > $1.lowScores }
            if ($0.meanScore ?? 9) != ($1.meanScore ?? 9) { return ($0.meanScore ?? 9) < ($1.meanScore ?? 9) }
            return index[$0.criterion]! < index[$1.criterion]!
        }
    }
}
