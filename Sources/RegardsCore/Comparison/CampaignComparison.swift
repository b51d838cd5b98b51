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
    /// Each evaluation criterion's scale.
    private let scales: [String: Scale]

    /// An empty campaign, filled one visit at a time with `add` (nothing of a visit is kept but its theme scores).
    public init(campaign: String, evaluation: AuditProtocol) {
        self.campaign = campaign
        self.evaluation = evaluation
        var scales: [String: Scale] = [:]
        for section in evaluation.sections {
            for c in section.criteria where scales[c.id] == nil { scales[c.id] = evaluation.scale(c.scale) }
        }
        self.scales = scales
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
            guard let score = e.score, let scale = scales[e.criterion] else { continue }
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
