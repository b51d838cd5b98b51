/// Inter-rater agreement on one ordinal scale: observed agreement, Cohen's kappa (unweighted, linear
/// or quadratic weights) with its large-sample standard error and 95 % confidence interval, and
/// Krippendorff's alpha (nominal, ordinal, interval) for any number of raters with missing values.
/// Formulas, the handling of « non concerné » and « non évalué », and every edge case:
/// `docs/agreement.md`. A figure that cannot be computed is `.undefined(reason)`, never NaN.
public enum Agreement {
    /// The two-sided 95 % normal quantile, z such that P(Z > z) = 0.025.
    public static let z95 = 1.959963984540054

    /// A figure, or why it cannot be computed from these ratings.
    public typealias Estimate<Figure: Sendable & Equatable> = RegardsCore.Estimate<Figure, Undefined>

    /// Why a figure is undefined on the data given.
    public enum Undefined: Equatable, Sendable, CustomStringConvertible {
        /// Fewer items scored by both raters than the figure needs (observed agreement 1, kappa 2).
        case tooFewItems(count: Int, needed: Int)
        /// Fewer than two pairable values: no item was scored by two raters or more.
        case tooFewPairableValues(count: Int)
        /// Every value compared is this one level: the disagreement expected by chance is zero, so
        /// the coefficient is 0/0. The raters may well agree; the data cannot tell it from chance.
        case singleCategory(Int)

        /// As an English report says it (the agreement workbook's note, beside its French).
        public var description: String { AgreementReport.undefined(self, .english) }
    }

    /// Ratings that cannot be read on the scale given: a mistake in the data handed over, said once.
    public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
        case tooFewCategories(count: Int)
        case duplicateCategory(Int)
        case unequalItemCounts(rater: Int, items: Int, expected: Int)
        case valueOutsideScale(value: Int, rater: Int, item: Int)

        public var description: String {
            switch self {
            case let .tooFewCategories(count): Messages.tooFewCategories(count)
            case let .duplicateCategory(level): Messages.duplicateCategory(level)
            case let .unequalItemCounts(rater, items, expected): Messages.unequalItemCounts(rater: rater + 1, items: items, expected: expected)
            case let .valueOutsideScale(value, rater, item): Messages.valueOutsideScale(value, rater: rater + 1, item: item + 1)
            }
        }
    }

    /// The value an answer contributes: its level, or nil for « non concerné », « non évalué » and
    /// no answer, which are not points of the ordinal scale and are treated as missing.
    public static func value(of answer: AnswerValue?) -> Int? {
        if case .level(let level)? = answer { level } else { nil }
    }

    /// Proportion of the items both raters scored on which they gave the same level.
    public struct ObservedAgreement: Sendable, Equatable {
        /// Items scored by both raters.
        public let items: Int
        public let agreeing: Int
        public var proportion: Double { Double(agreeing) / Double(items) }
    }

    /// How much a disagreement of kappa weighs, by the distance between the two levels' ranks.
    public enum KappaWeighting: String, Sendable, CaseIterable, Codable {
        /// Any disagreement weighs 1 (Cohen 1960).
        case unweighted
        /// |i − j| / (k − 1).
        case linear
        /// (i − j)² / (k − 1)² (Cohen 1968; equals the intraclass correlation in large samples).
        case quadratic
    }

    /// Cohen's kappa of two raters, on the items both scored.
    public struct Kappa: Sendable, Equatable {
        public let weighting: KappaWeighting
        /// Items scored by both raters.
        public let items: Int
        public let value: Double
        /// Weighted observed agreement p_o and agreement expected by chance p_e: κ = (p_o − p_e) / (1 − p_e).
        public let observedAgreement: Double
        public let chanceAgreement: Double
        /// Large-sample standard error (Fleiss, Cohen & Everitt 1969), for the confidence interval.
        public let standardError: Double
        /// Large-sample standard error under κ = 0 (same source), for a test that agreement exceeds chance.
        public let standardErrorUnderNull: Double

        /// κ ± z·SE, not truncated to [−1, 1].
        public func confidenceInterval(z: Double = Agreement.z95) -> ClosedRange<Double> {
            (value - z * standardError)...(value + z * standardError)
        }
    }

    /// The distance between two levels in Krippendorff's alpha.
    public enum AlphaMetric: String, Sendable, CaseIterable, Codable {
        /// Any two different levels are at distance 1.
        case nominal
        /// Distance from the number of values between the two levels, ranks only (Krippendorff 2011).
        case ordinal
        /// Squared difference of the level values.
        case interval
    }

    /// Krippendorff's alpha over all raters, items with a single value left out.
    public struct Alpha: Sendable, Equatable {
        public let metric: AlphaMetric
        public let value: Double
        /// Items scored by two raters or more, and the values they hold (n of the formulas).
        public let pairableItems: Int
        public let pairableValues: Int
        /// Values that could not be paired: the only value of their item.
        public let unpairedValues: Int
        /// D_o and D_e, per pairable value: α = 1 − D_o / D_e.
        public let observedDisagreement: Double
        public let expectedDisagreement: Double
    }
}

extension Agreement {
    /// The levels several raters gave the same items, on one scale.
    public struct Ratings: Sendable, Equatable {
        /// The scale's level values in the scale's order (either direction: no figure depends on it).
        public let categories: [Int]
        /// `values[rater][item]`: the level given, nil for missing, « non concerné » and « non évalué ».
        public let values: [[Int?]]

        public init(categories: [Int], values: [[Int?]]) throws(Agreement.InputError) {
            guard categories.count >= 2 else { throw .tooFewCategories(count: categories.count) }
            var seen = Set<Int>()
            for level in categories where !seen.insert(level).inserted { throw .duplicateCategory(level) }
            let expected = values.first?.count ?? 0
            for (rater, row) in values.enumerated() {
                guard row.count == expected else { throw .unequalItemCounts(rater: rater, items: row.count, expected: expected) }
                for (item, value) in row.enumerated() {
                    if let value, !seen.contains(value) { throw .valueOutsideScale(value: value, rater: rater, item: item) }
                }
            }
            self.categories = categories
            self.values = values
        }

        /// Answers read through `Agreement.value(of:)`, on the levels of `scale`.
        public init(scale: Scale, answers: [[AnswerValue?]]) throws(Agreement.InputError) {
            try self.init(categories: scale.levels.map(\.value), values: answers.map { $0.map(Agreement.value(of:)) })
        }

        public var raterCount: Int { values.count }
        public var itemCount: Int { values.first?.count ?? 0 }

        /// The ranks (0-based positions in `categories`) of the items both raters scored.
        private func pairedRanks(_ first: Int, _ second: Int) -> [(Int, Int)] {
            precondition(values.indices.contains(first) && values.indices.contains(second) && first != second, "two distinct raters")
            let rank = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
            return zip(values[first], values[second]).compactMap { a, b in
                guard let a, let b, let i = rank[a], let j = rank[b] else { return nil }
                return (i, j)
            }
        }

        /// Observed agreement of two raters: undefined when no item was scored by both.
        public func observedAgreement(_ first: Int = 0, _ second: Int = 1) -> Agreement.Estimate<Agreement.ObservedAgreement> {
            let pairs = pairedRanks(first, second)
            guard !pairs.isEmpty else { return .undefined(.tooFewItems(count: 0, needed: 1)) }
            return .defined(.init(items: pairs.count, agreeing: pairs.count { $0.0 == $0.1 }))
        }

        /// Over the items two raters or more scored: the proportion on which all of them gave the
        /// same level (with two raters, `observedAgreement()`).
        public func unanimity() -> Agreement.Estimate<Agreement.ObservedAgreement> {
            let scored = (0..<itemCount).map { item in values.compactMap { $0[item] } }.filter { $0.count >= 2 }
            guard !scored.isEmpty else { return .undefined(.tooFewItems(count: 0, needed: 1)) }
            return .defined(.init(items: scored.count, agreeing: scored.count { Set($0).count == 1 }))
        }

        /// Cohen's kappa of two raters on the items both scored (pairwise deletion), with weights on the
        /// ranks of the levels; standard errors of Fleiss, Cohen & Everitt (1969).
        public func kappa(_ first: Int = 0, _ second: Int = 1, weighting: Agreement.KappaWeighting = .quadratic) -> Agreement.Estimate<Agreement.Kappa> {
            let pairs = pairedRanks(first, second)
            guard pairs.count >= 2 else { return .undefined(.tooFewItems(count: pairs.count, needed: 2)) }
            let used = Set(pairs.flatMap { [$0.0, $0.1] })
            if used.count == 1, let only = used.first { return .undefined(.singleCategory(categories[only])) }

            let k = categories.count, n = Double(pairs.count)
            var counts = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
            for (i, j) in pairs { counts[i][j] += 1 }
            // Proportions from counts, not by adding 1/n: ten additions of 1/10 are not 1.
            let p = counts.map { $0.map { Double($0) / n } }
            let row = counts.map { Double($0.reduce(0, +)) / n }
            let column = (0..<k).map { j in Double(counts.reduce(0) { $0 + $1[j] }) / n }
            // Disagreement weights v on the ranks; agreement weights w = 1 − v (1 on the diagonal).
            let v: [[Double]] = (0..<k).map { i in
                (0..<k).map { j in
                    switch weighting {
                    case .unweighted: i == j ? 0 : 1
                    case .linear: Double(abs(i - j)) / Double(k - 1)
                    case .quadratic: Double((i - j) * (i - j)) / Double((k - 1) * (k - 1))
                    }
                }
            }
            let w = v.map { $0.map { 1 - $0 } }
            var observed = 0.0, expected = 0.0
            for i in 0..<k { for j in 0..<k { observed += v[i][j] * p[i][j]; expected += v[i][j] * row[i] * column[j] } }
            // κ = 1 − q_o / q_e (disagreements): exact 0 and 1 where they should be, unlike (p_o − p_e) / (1 − p_e).
            let kappa = 1 - observed / expected
            let po = 1 - observed, pe = 1 - expected
            // w̄_i. = Σ_j p_.j w_ij and w̄_.j = Σ_i p_i. w_ij.
            let wRow = (0..<k).map { i in (0..<k).reduce(0.0) { $0 + column[$1] * w[i][$1] } }
            let wColumn = (0..<k).map { j in (0..<k).reduce(0.0) { $0 + row[$1] * w[$1][j] } }
            var a = 0.0, a0 = 0.0
            for i in 0..<k {
                for j in 0..<k {
                    let t = w[i][j] - (wRow[i] + wColumn[j]) * (1 - kappa)
                    a += p[i][j] * t * t
                    let t0 = w[i][j] - (wRow[i] + wColumn[j])
                    a0 += row[i] * column[j] * t0 * t0
                }
            }
            let c = kappa - pe * (1 - kappa)
            let factor = 1 / (n * (1 - pe) * (1 - pe))
            // Both variances are sums of squares minus a square: rounding can leave −1e-17 for a perfect agreement.
            let variance = max(0, (a - c * c) * factor), variance0 = max(0, (a0 - pe * pe) * factor)
            return .defined(.init(weighting: weighting, items: pairs.count, value: kappa, observedAgreement: po, chanceAgreement: pe,
                                  standardError: variance.squareRoot(), standardErrorUnderNull: variance0.squareRoot()))
        }

        /// Krippendorff's alpha of all raters, from the coincidence matrix (Krippendorff 2011); items
        /// scored by fewer than two raters hold no pairable value and are left out.
        public func alpha(metric: Agreement.AlphaMetric = .ordinal) -> Agreement.Estimate<Agreement.Alpha> {
            let k = categories.count
            let rank = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
            // o[c][k] = Σ_u (number of c–k pairs of values in u) / (m_u − 1), over ordered pairs of different raters.
            var o = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
            var pairableItems = 0, unpaired = 0
            for item in 0..<itemCount {
                var counts = [Int](repeating: 0, count: k)
                var m = 0
                for row in values { if let v = row[item], let r = rank[v] { counts[r] += 1; m += 1 } }
                guard m >= 2 else { unpaired += m; continue }
                pairableItems += 1
                for c in 0..<k where counts[c] > 0 {
                    for d in 0..<k where counts[d] > 0 {
                        o[c][d] += Double(counts[c] * (counts[d] - (c == d ? 1 : 0))) / Double(m - 1)
                    }
                }
            }
            let nc = o.map { $0.reduce(0, +) }
            let n = nc.reduce(0, +)
            let pairable = Int(n.rounded())
            guard pairable >= 2 else { return .undefined(.tooFewPairableValues(count: pairable)) }
            let present = nc.indices.filter { nc[$0] > 0 }
            if present.count == 1, let only = present.first { return .undefined(.singleCategory(categories[only])) }

            func distance(_ c: Int, _ d: Int) -> Double {
                switch metric {
                case .nominal:
                    return c == d ? 0 : 1
                case .interval:
                    let x = Double(categories[c] - categories[d])
                    return x * x
                case .ordinal:
                    let (low, high) = (min(c, d), max(c, d))
                    let between = nc[low...high].reduce(0, +) - (nc[c] + nc[d]) / 2
                    return between * between
                }
            }
            var observed = 0.0, expected = 0.0
            for c in 0..<k {
                for d in 0..<k where c != d {
                    let delta = distance(c, d)
                    observed += o[c][d] * delta
                    expected += nc[c] * nc[d] / (n - 1) * delta
                }
            }
            return .defined(.init(metric: metric, value: 1 - observed / expected, pairableItems: pairableItems, pairableValues: pairable,
                                  unpairedValues: unpaired, observedDisagreement: observed / n, expectedDisagreement: expected / n))
        }
    }
}
