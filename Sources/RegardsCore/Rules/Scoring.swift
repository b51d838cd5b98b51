/// The scoring rules, the same in every output (see docs/scoring.md).
///
/// - An evaluation criterion scores its level's value (1–4 on the HAS-style scale).
/// - A control item scores its level's value divided by the top level's value: conforme 1,
///   partiellement conforme 0.5, non conforme 0.
/// - « Non concerné », « non évalué » and unanswered criteria are not scored (they are counted
///   apart); criteria that do not apply to the visit (`when` false) are left out entirely.
/// - A theme's score is the weighted mean (criterion `weight`) of its scored criteria; none scored: no score.
public enum Scoring {
    /// The score of one answer, or nil when it is not scored.
    public static func score(_ value: AnswerValue?, scale: Scale?, kind: ProtocolKind) -> Double? {
        guard case .level(let v)? = value, let scale else { return nil }
        switch kind {
        case .evaluation: return Double(v)
        case .control:
            guard let top = scale.top?.value, let bottom = scale.bottom?.value, top > bottom else { return nil }
            return Double(v - bottom) / Double(top - bottom)
        }
    }

    /// Weighted mean of (score, weight) pairs; nil when empty.
    public static func mean(_ items: [(score: Double, weight: Double)]) -> Double? {
        let total = items.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return nil }
        return items.reduce(0) { $0 + $1.score * $1.weight } / total
    }

    /// Where a score sits on its scale, 0 (bottom) to 1 (top): a control item's score already is; an
    /// evaluation level is placed between the scale's lowest and highest values.
    public static func position(_ score: Double, on scale: Scale, kind: ProtocolKind) -> Double {
        guard kind == .evaluation else { return score }
        let bottom = scale.bottom?.value ?? 0
        return (score - Double(bottom)) / Double(max(1, (scale.top?.value ?? 1) - bottom))
    }

    /// Whether an evaluation level counts as satisfying: above the middle of its scale (3 and 4 on 1–4).
    public static func isSatisfying(_ level: Int, scale: Scale) -> Bool {
        guard let top = scale.top?.value, let bottom = scale.bottom?.value else { return false }
        return Double(level) > Double(top + bottom) / 2
    }
}
