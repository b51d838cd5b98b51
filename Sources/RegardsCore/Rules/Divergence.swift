/// How a control result and an evaluation score compare through one crosswalk link.
public enum Divergence: String, Codable, Sendable, CaseIterable {
    /// The control item is conformant, residents' experience is not satisfying (evaluation ≤ 2).
    case conformButUnsatisfying = "conforme-mais-insatisfaisant"
    /// The control item is not conformant, residents' experience is satisfying (evaluation ≥ 3).
    case nonConformButSatisfying = "non-conforme-mais-satisfaisant"
    case agreement = "accord"
    /// One side has no scored answer.
    case notAssessed = "non-evalue"
    /// An evaluation criterion no control item looks at.
    case controlBlindSpot = "angle-mort-du-controle"
    /// A control item no evaluation criterion maps to.
    case outsideEvaluation = "hors-evaluation"

    public var label: String {
        switch self {
        case .conformButUnsatisfying: "conforme mais insatisfaisant"
        case .nonConformButSatisfying: "non conforme mais satisfaisant"
        case .agreement: "accord"
        case .notAssessed: "non évalué"
        case .controlBlindSpot: "angle mort du contrôle"
        case .outsideEvaluation: "hors évaluation"
        }
    }

    /// Classes a link from its two answers.
    public static func classify(evaluation: AnswerValue?, evaluationScale: Scale?, control: AnswerValue?, controlScale: Scale?) -> Divergence {
        guard case .level(let e)? = evaluation, let evaluationScale,
              let c = Scoring.score(control, scale: controlScale, kind: .control) else { return .notAssessed }
        let satisfying = Scoring.isSatisfying(e, scale: evaluationScale)
        if c >= 1 && !satisfying { return .conformButUnsatisfying }
        if c <= 0 && satisfying { return .nonConformButSatisfying }
        return .agreement
    }
}
