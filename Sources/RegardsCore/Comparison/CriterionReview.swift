/// Criterion analytics over the visits of a campaign pinned to one version of a protocol: how each
/// criterion was answered, whether it discriminates, how it goes with the rest of its theme and with
/// the control grid, and the changes the figures suggest. It proposes; it never edits a protocol.
/// Figures, thresholds and the rule behind each proposal: `docs/criterion-review.md`.
public struct CriterionReview: Sendable {
    /// When a figure is flagged and a change proposed (see `docs/criterion-review.md`).
    public struct Thresholds: Equatable, Sendable {
        /// Share of the levels given at the lowest (floor) or highest (ceiling) level: at least this is an effect.
        public var effect = 0.8
        /// Share of the answers that are « non concerné »: at least this proposes dropping the criterion.
        public var notApplicable = 0.8
        /// Share of the answers that are « non évalué »: at least this proposes rewording it.
        public var notAssessed = 0.3
        /// An item-rest correlation below this proposes rewording.
        public var lowItemRest = 0.2
        /// Two criteria of a theme correlated at least this much, and given the same level on at least
        /// `mergeEqual` of the visits, propose merging them.
        public var merge = 0.9
        public var mergeEqual = 0.8
        /// Share of the compared visits where the criterion diverges from the control grid: at least this proposes splitting it.
        public var divergence = 0.5
        /// Answers a share needs before it is flagged.
        public var minimumAnswers = 3
        /// Visits a correlation needs before it is computed.
        public var minimumVisits = 5

        public init() {}

        public static let standard = Thresholds()
    }

    /// A correlation, or why it cannot be computed from these visits.
    public typealias Estimate = RegardsCore.Estimate<Correlation, Undefined>

    /// Pearson's r and the number of visits it rests on.
    public struct Correlation: Equatable, Sendable {
        public var r: Double
        public var visits: Int
    }

    /// Why a correlation is undefined.
    public enum Undefined: Equatable, Sendable, CustomStringConvertible {
        /// Fewer visits with both figures than the correlation needs.
        case tooFewVisits(count: Int, needed: Int)
        /// The theme has no other criterion on the same grid.
        case noOtherCriterion
        /// The criterion was given the same level on every visit counted: no variance.
        case constant(level: Int)
        /// The rest of the theme (or the other criterion) has the same figure on every visit counted.
        case otherConstant

        /// As an English report says it (the review workbook's note, beside its French).
        public var description: String { ReviewReport.undefined(self, .english) }
    }

    /// How often one level of the scale was given.
    public struct LevelCount: Equatable, Sendable {
        public var value: Int
        public var label: String
        public var count: Int
    }

    /// Everything the review says about one criterion.
    public struct Figures: Equatable, Sendable {
        public var criterion: String
        public var section: String
        public var title: String
        public var imperative: Bool
        /// Visits reviewed.
        public var visits: Int
        /// Visits where the criterion applies (its condition holds).
        public var applies: Int
        /// The levels of its scale, lowest value first, with how often each was given.
        public var levels: [LevelCount]
        public var notApplicable: Int
        public var notAssessed: Int
        /// Visits where it applies and has no answer.
        public var unanswered: Int
        /// Pearson between its level and the mean level of the other criteria of its theme.
        public var itemRest: Estimate
        /// Visits where a crosswalk link of the criterion could be compared (both sides scored).
        public var compared: Int
        /// Of those, visits where at least one of its links diverges.
        public var diverging: Int
        let thresholds: Thresholds

        /// Levels given.
        public var scored: Int { levels.reduce(0) { $0 + $1.count } }
        /// Levels, « non concerné » and « non évalué » given.
        public var answered: Int { scored + notApplicable + notAssessed }
        /// Applies to some visit, answered on none.
        public var neverAnswered: Bool { applies > 0 && answered == 0 }

        public var notApplicableRate: Double? { answered == 0 ? nil : Double(notApplicable) / Double(answered) }
        public var notAssessedRate: Double? { answered == 0 ? nil : Double(notAssessed) / Double(answered) }
        /// Share of the levels given that are the scale's lowest.
        public var floor: Double? { scored == 0 ? nil : Double(levels.first?.count ?? 0) / Double(scored) }
        /// Share of the levels given that are the scale's highest.
        public var ceiling: Double? { scored == 0 ? nil : Double(levels.last?.count ?? 0) / Double(scored) }
        public var floorEffect: Bool { scored >= thresholds.minimumAnswers && (floor ?? 0) >= thresholds.effect }
        public var ceilingEffect: Bool { scored >= thresholds.minimumAnswers && (ceiling ?? 0) >= thresholds.effect }
        public var divergenceRate: Double? { compared == 0 ? nil : Double(diverging) / Double(compared) }
        public var systematicDivergence: Bool { compared >= thresholds.minimumAnswers && (divergenceRate ?? 0) >= thresholds.divergence }
    }

    /// A change the figures suggest.
    public struct Proposal: Equatable, Sendable {
        public enum Kind: String, Sendable, CaseIterable {
            case drop = "supprimer"
            case split = "scinder"
            case merge = "fusionner"
            case reword = "reformuler"
        }

        /// The figures behind a proposal.
        public enum Reason: Equatable, Sendable {
            /// The levels given are almost all the highest one.
            case ceiling(level: Int, count: Int, scored: Int)
            /// The levels given are almost all the lowest one.
            case floor(level: Int, count: Int, scored: Int)
            case mostlyNotApplicable(count: Int, answered: Int)
            case oftenNotAssessed(count: Int, answered: Int)
            /// It applied to `applies` visits and was answered on none.
            case neverAnswered(applies: Int)
            case lowItemRest(Correlation)
            /// Two criteria of a theme: their correlation, and on how many of the visits both got the same level.
            case answeredAlike(Correlation, equal: Int)
            case systematicDivergence(diverging: Int, compared: Int)
        }

        public var kind: Kind
        /// One criterion, two for a merge.
        public var criteria: [String]
        public var section: String
        public var reason: Reason
    }

    public let campaign: String
    public let grid: AuditProtocol
    /// The sha256 of the protocol's text the visits are pinned to, when known.
    public let hash: String?
    /// Which grid of the visits the protocol is.
    public let kind: ProtocolKind
    public let thresholds: Thresholds
    /// The visits reviewed, in order.
    public let visits: [String]
    /// Every criterion of the grid, in file order.
    public let criteria: [Figures]
    public let proposals: [Proposal]

    /// Reviews `grid` over the comparisons of the visits pinned to it (as their `kind` grid).
    public init(campaign: String, grid: AuditProtocol, hash: String? = nil, kind: ProtocolKind, visits comparisons: [VisitComparison], thresholds: Thresholds = .standard) {
        self.campaign = campaign
        self.grid = grid
        self.hash = hash
        self.kind = kind
        self.thresholds = thresholds
        visits = comparisons.map(\.visit.id)
        let levelsByVisit: [[String: Int]] = comparisons.map { c in
            (c.results[kind] ?? [:]).compactMapValues { r in r.relevant ? Agreement.value(of: r.value) : nil }
        }
        var seen = Set<String>()
        var figures: [Figures] = []
        for section in grid.sections {
            for criterion in section.criteria where seen.insert(criterion.id).inserted {
                let others = section.criteria.map(\.id).filter { $0 != criterion.id }
                figures.append(Self.figures(criterion, section: section, others: others, scale: grid.scale(criterion.scale), kind: kind,
                                            comparisons: comparisons, levels: levelsByVisit, thresholds: thresholds))
            }
        }
        criteria = figures
        proposals = Self.proposals(figures, grid: grid, kind: kind, levels: levelsByVisit, thresholds: thresholds)
    }

    public func figures(_ criterion: String) -> Figures? { criteria.first { $0.criterion == criterion } }

    static func figures(_ criterion: Criterion, section: Section, others: [String], scale: Scale?, kind: ProtocolKind,
                        comparisons: [VisitComparison], levels: [[String: Int]], thresholds: Thresholds) -> Figures {
        var counts: [Int: Int] = [:]
        var applies = 0, notApplicable = 0, notAssessed = 0, unanswered = 0, compared = 0, diverging = 0
        for c in comparisons {
            guard let result = c.results[kind]?[criterion.id], result.relevant else { continue }
            applies += 1
            switch result.value {
            case .level(let v)?: counts[v, default: 0] += 1
            case .notApplicable?: notApplicable += 1
            case .notAssessed?: notAssessed += 1
            case nil: unanswered += 1
            }
            let classes: [Divergence] = c.links.compactMap { link in
                let side = kind == .evaluation ? link.evaluation : link.control
                guard side?.criterion == criterion.id else { return nil }
                return Self.compared(link.divergence) ? link.divergence : nil
            }
            if !classes.isEmpty {
                compared += 1
                if classes.contains(where: { $0 != .agreement }) { diverging += 1 }
            }
        }
        let scaleLevels = (scale?.levels ?? []).sorted { $0.value < $1.value }
        let itemRest: Estimate
        if others.isEmpty {
            itemRest = .undefined(.noOtherCriterion)
        } else {
            var pairs: [(Double, Double)] = []
            for visit in levels {
                guard let x = visit[criterion.id] else { continue }
                let rest = others.compactMap { visit[$0] }
                guard !rest.isEmpty else { continue }
                pairs.append((Double(x), Double(rest.reduce(0, +)) / Double(rest.count)))
            }
            itemRest = pearson(pairs, needed: thresholds.minimumVisits)
        }
        return Figures(criterion: criterion.id, section: section.id, title: criterion.title, imperative: criterion.imperative, visits: comparisons.count,
                       applies: applies, levels: scaleLevels.map { LevelCount(value: $0.value, label: $0.label, count: counts[$0.value] ?? 0) },
                       notApplicable: notApplicable, notAssessed: notAssessed, unanswered: unanswered, itemRest: itemRest,
                       compared: compared, diverging: diverging, thresholds: thresholds)
    }

    /// Whether a link's two answers were both scored and compared (agreement or a divergence).
    static func compared(_ d: Divergence) -> Bool {
        switch d {
        case .agreement, .conformButUnsatisfying, .nonConformButSatisfying: true
        case .notAssessed, .controlBlindSpot, .outsideEvaluation: false
        }
    }

    /// Pearson's r over `pairs` (x, y): undefined below `needed` pairs or when either side does not vary.
    public static func pearson(_ pairs: [(Double, Double)], needed: Int) -> Estimate {
        guard pairs.count >= max(needed, 2) else { return .undefined(.tooFewVisits(count: pairs.count, needed: max(needed, 2))) }
        let n = Double(pairs.count)
        if let first = pairs.first?.0, pairs.allSatisfy({ $0.0 == first }) { return .undefined(.constant(level: Int(first))) }
        if let first = pairs.first?.1, pairs.allSatisfy({ $0.1 == first }) { return .undefined(.otherConstant) }
        let mx = pairs.reduce(0) { $0 + $1.0 } / n, my = pairs.reduce(0) { $0 + $1.1 } / n
        var sxy = 0.0, sxx = 0.0, syy = 0.0
        for (x, y) in pairs {
            sxy += (x - mx) * (y - my)
            sxx += (x - mx) * (x - mx)
            syy += (y - my) * (y - my)
        }
        return .defined(Correlation(r: min(1, max(-1, sxy / (sxx * syy).squareRoot())), visits: pairs.count))
    }

    static func proposals(_ figures: [Figures], grid: AuditProtocol, kind: ProtocolKind, levels: [[String: Int]], thresholds t: Thresholds) -> [Proposal] {
        var out: [Proposal] = []
        for f in figures {
            func propose(_ k: Proposal.Kind, _ reason: Proposal.Reason) { out.append(Proposal(kind: k, criteria: [f.criterion], section: f.section, reason: reason)) }
            // A control item always conformant, or an imperative always at its top, is what is expected: flagged, not proposed for removal.
            if f.ceilingEffect, kind == .evaluation, !f.imperative, let top = f.levels.last {
                propose(.drop, .ceiling(level: top.value, count: top.count, scored: f.scored))
            }
            if f.floorEffect, let bottom = f.levels.first {
                propose(.drop, .floor(level: bottom.value, count: bottom.count, scored: f.scored))
            }
            if f.answered >= t.minimumAnswers, (f.notApplicableRate ?? 0) >= t.notApplicable {
                propose(.drop, .mostlyNotApplicable(count: f.notApplicable, answered: f.answered))
            }
            if f.systematicDivergence { propose(.split, .systematicDivergence(diverging: f.diverging, compared: f.compared)) }
            if f.answered >= t.minimumAnswers, (f.notAssessedRate ?? 0) >= t.notAssessed {
                propose(.reword, .oftenNotAssessed(count: f.notAssessed, answered: f.answered))
            }
            if f.neverAnswered { propose(.reword, .neverAnswered(applies: f.applies)) }
            if let c = f.itemRest.figure, c.r < t.lowItemRest { propose(.reword, .lowItemRest(c)) }
        }
        for section in grid.sections {
            let ids = section.criteria.map(\.id)
            for (i, a) in ids.enumerated() {
                for b in ids[(i + 1)...] {
                    let pairs = levels.compactMap { v -> (Double, Double)? in
                        guard let x = v[a], let y = v[b] else { return nil }
                        return (Double(x), Double(y))
                    }
                    let equal = pairs.filter { $0.0 == $0.1 }.count
                    guard let c = pearson(pairs, needed: t.minimumVisits).figure, c.r >= t.merge, Double(equal) >= t.mergeEqual * Double(pairs.count) else { continue }
                    out.append(Proposal(kind: .merge, criteria: [a, b], section: section.id, reason: .answeredAlike(c, equal: equal)))
                }
            }
        }
        let rank = Dictionary(figures.enumerated().map { ($1.criterion, $0) }, uniquingKeysWith: { first, _ in first })
        let kinds = Proposal.Kind.allCases
        return out.enumerated().sorted { l, r in
            let (a, b) = (l.element, r.element)
            if a.kind != b.kind { return kinds.firstIndex(of: a.kind)! < kinds.firstIndex(of: b.kind)! }
            let (ra, rb) = (rank[a.criteria[0]] ?? 0, rank[b.criteria[0]] ?? 0)
            return ra != rb ? ra < rb : l.offset < r.offset
        }.map(\.element)
    }

    /// The visits pinned to protocol `id` (as their evaluation or their control grid), one group per
    /// version, oldest version first; empty when no visit is pinned to it.
    public static func versions(of id: String, in visits: [Visit]) -> [(pin: ProtocolPin, kind: ProtocolKind, visits: [Visit])] {
        var groups: [(pin: ProtocolPin, kind: ProtocolKind, visits: [Visit])] = []
        for visit in visits {
            let found: (ProtocolPin, ProtocolKind)? = visit.evaluation.id == id ? (visit.evaluation, .evaluation)
                : visit.control.flatMap { $0.id == id ? ($0, .control) : nil }
            guard let (pin, kind) = found else { continue }
            if let i = groups.firstIndex(where: { $0.pin == pin }) { groups[i].visits.append(visit) } else { groups.append((pin, kind, [visit])) }
        }
        return groups.sorted { a, b in
            switch (SemanticVersion(a.pin.version), SemanticVersion(b.pin.version)) {
            case let (x?, y?) where x != y: x < y
            default: a.pin.version != b.pin.version ? a.pin.version < b.pin.version : a.pin.hash < b.pin.hash
            }
        }
    }

    /// The versions of `id` a campaign's visits are pinned to that a review covers: `version`'s, or
    /// every one, each reviewed on its own; with a note naming them when there are several. Throws
    /// when no visit is pinned to the protocol or to that version.
    public static func chosenVersions(of id: String, version: String?, in visits: [Visit], campaign: String, verb: String = "reviewed") throws
        -> (groups: [(pin: ProtocolPin, kind: ProtocolKind, visits: [Visit])], note: String?) {
        let groups = versions(of: id, in: visits)
        guard !groups.isEmpty else {
            let pinned = Set(visits.flatMap { [$0.evaluation.id] + ($0.control.map { [$0.id] } ?? []) })
            throw RegardsError.missingInput(Messages.noVisitPinnedTo(id, campaign: campaign, uses: pinned.sorted().joined(separator: ", "),
                                                                     hint: Suggestion.hint(for: id, in: pinned)))
        }
        let described = groups.map { Messages.pinnedVisits("\($0.pin)", count: $0.visits.count) }.joined(separator: ", ")
        let chosen = version.map { v in groups.filter { $0.pin.version == v } } ?? groups
        guard !chosen.isEmpty else {
            throw RegardsError.missingInput(Messages.noVisitPinnedToVersion("\(id)@\(version ?? "")", campaign: campaign, pinned: described))
        }
        let note = chosen.count > 1
            ? Messages.severalVersions(id, campaign: campaign, count: chosen.count, pinned: described, verb: verb) : nil
        return (chosen, note)
    }
}
