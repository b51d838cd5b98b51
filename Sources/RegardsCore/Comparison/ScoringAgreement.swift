/// How much the scorers of double-scored visits agree on one grid (one pinned version): per
/// criterion, per theme and overall, observed agreement, Cohen's kappa with quadratic weights and
/// its 95 % interval (two scorers), and Krippendorff's ordinal alpha. An item is one criterion of
/// one visit. Formulas and edge cases: `docs/agreement.md`; the figures: `Agreement`.
public struct ScoringAgreement: Sendable {
    public enum Level: String, Sendable, Codable {
        case criterion, theme, overall
    }

    /// Which coefficient a row is read by.
    public enum Coefficient: String, Sendable, Codable {
        /// Two scorers who both put a level on every item: Cohen's kappa, quadratic weights.
        case kappa
        /// More than two scorers, or an answer missing or off the scale: Krippendorff's ordinal alpha.
        case alpha
    }

    public struct Row: Sendable {
        public let level: Level
        /// The criterion or theme id; empty for the whole grid.
        public let id: String
        public let title: String
        /// The scale the row's items are on (rows never mix scales).
        public let scale: String
        /// Items (a criterion of a visit) someone scored.
        public let items: Int
        /// Of those, items left out of every figure because a scorer answered « non concerné » or
        /// « non évalué » (not points of the ordinal scale).
        public let offScale: Int
        /// Items a scorer did not answer at all.
        public let unanswered: Int
        /// Over the items two scorers or more put on the scale: all gave the same level.
        public let observed: Agreement.Estimate<Agreement.ObservedAgreement>
        /// Nil when more than two scorers scored a visit of the row.
        public let kappa: Agreement.Estimate<Agreement.Kappa>?
        public let alpha: Agreement.Estimate<Agreement.Alpha>
        public let retained: Coefficient
        /// A criterion row of a single visit: each scorer's answer.
        public let answers: [ScorerAnswer]?
    }

    public let grid: AuditProtocol
    public let kind: ProtocolKind
    /// The double-scored visits measured.
    public let visits: [String]
    /// The most scorers any visit had (scorers are matched by their place in name order, visit by visit).
    public let scorers: Int
    public let rows: [Row]

    /// Read on the double-scored visits among `scorings` (all of `grid`, pinned to the same version).
    public init(grid: AuditProtocol, kind: ProtocolKind, scorings: [DoubleScoring]) {
        let scored = scorings.filter(\.isDoubleScored)
        self.grid = grid
        self.kind = kind
        visits = scored.map(\.visit)
        let width = scored.map(\.scorers.count).max() ?? 0
        scorers = width
        let single = scored.count == 1 ? scored.first : nil

        /// An item: a criterion of a visit, with the visit's scorers' answers padded to `width`.
        struct Item { var answers: [AnswerValue?]; var scorers: Int; var theme: String; var scale: String; var criterion: String }
        var items: [Item] = []
        for scoring in scored {
            for item in scoring.items where item.answers.contains(where: { $0 != nil }) {
                items.append(Item(answers: item.answers + Array(repeating: nil, count: width - item.answers.count), scorers: item.answers.count,
                                  theme: item.section, scale: item.scale, criterion: item.criterion))
            }
        }
        func row(_ level: Level, _ id: String, _ title: String, _ scale: String, _ chosen: [Item]) -> Row? {
            guard !chosen.isEmpty, let levels = grid.scale(scale),
                  let ratings = try? Agreement.Ratings(scale: levels, answers: (0..<width).map { slot in chosen.map { $0.answers[slot] } }) else { return nil }
            let offScale = chosen.count { $0.answers.contains { $0 == .notApplicable || $0 == .notAssessed } }
            let unanswered = chosen.count { $0.answers.prefix($0.scorers).contains { $0 == nil } }
            let compared = (0..<chosen.count).count { i in ratings.values.compactMap { $0[i] }.count >= 2 }
            let alpha: Agreement.Estimate<Agreement.Alpha> = compared < 2 ? .undefined(.tooFewItems(count: compared, needed: 2)) : ratings.alpha(metric: .ordinal)
            let answers = level == .criterion ? single.flatMap { s in s.item(id).map { item in s.scorers.indices.map { ScorerAnswer(scorer: s.scorers[$0], value: item.answers[$0]) } } } : nil
            return Row(level: level, id: id, title: title, scale: scale, items: chosen.count, offScale: offScale, unanswered: unanswered,
                       observed: ratings.unanimity(), kappa: width == 2 ? ratings.kappa(weighting: .quadratic) : nil, alpha: alpha,
                       retained: width == 2 && offScale == 0 && unanswered == 0 ? .kappa : .alpha, answers: answers)
        }
        let scales = Array(Set(items.map(\.scale))).sorted()
        var rows: [Row] = []
        for section in grid.sections {
            let inTheme = items.filter { $0.theme == section.id }
            for criterion in section.criteria {
                if let r = row(.criterion, criterion.id, criterion.title, criterion.scale, inTheme.filter { $0.criterion == criterion.id }) { rows.append(r) }
            }
            let themeScales = scales.filter { s in inTheme.contains { $0.scale == s } }
            for scale in themeScales {
                let title = themeScales.count > 1 ? "\(section.title) (échelle \(scale))" : section.title
                if let r = row(.theme, section.id, title, scale, inTheme.filter { $0.scale == scale }) { rows.append(r) }
            }
        }
        for scale in scales {
            let title = scales.count > 1 ? "Ensemble de la grille (échelle \(scale))" : "Ensemble de la grille"
            if let r = row(.overall, "", title, scale, items.filter { $0.scale == scale }) { rows.append(r) }
        }
        self.rows = rows
    }

    /// Fewest items for which a row shows kappa's 95 % interval: the interval is a large-sample one,
    /// and on two or three items it shrinks to a point that says nothing (docs/agreement.md).
    public static let intervalMinimumItems = 10

    /// The row's kappa interval, when it rests on enough items to be read.
    public static func interval(_ row: Row) -> ClosedRange<Double>? {
        guard let kappa = row.kappa?.figure, kappa.items >= intervalMinimumItems else { return nil }
        return kappa.confidenceInterval()
    }

    /// The rows of one level.
    public func rows(_ level: Level) -> [Row] { rows.filter { $0.level == level } }

    /// How « non concerné », « non évalué » and unanswered criteria are handled, in one sentence.
    public static var handling: String { Messages.agreementHandling }

    /// A campaign's double-scored visits: at least two are needed for figures over visits.
    public static func checkCampaign(_ scorings: [DoubleScoring], campaign: String, kind: ProtocolKind) -> RegardsError? {
        let scored = scorings.filter(\.isDoubleScored)
        guard scored.count < 2 else { return nil }
        return .badData(Messages.campaignNotDoubleScored(campaign, scored: scored.map(\.visit), grid: kind))
    }
}
