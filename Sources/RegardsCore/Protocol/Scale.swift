/// The allowed answers of a criterion: ordered levels, and optionally "non concerné" / "non évalué".
public struct Scale: Codable, Equatable, Sendable {
    public var id: String
    public var title: String?
    public var levels: [ScaleLevel]
    /// Whether "non concerné" (not applicable) is an allowed answer.
    public var notApplicable: Bool
    public var notApplicableLabel: String
    /// Whether "non évalué" (looked for but could not be assessed) is an allowed answer.
    public var notAssessed: Bool
    public var notAssessedLabel: String

    public init(id: String, title: String? = nil, levels: [ScaleLevel], notApplicable: Bool = false,
                notApplicableLabel: String = "Non concerné", notAssessed: Bool = false, notAssessedLabel: String = "Non évalué") {
        self.id = id
        self.title = title
        self.levels = levels
        self.notApplicable = notApplicable
        self.notApplicableLabel = notApplicableLabel
        self.notAssessed = notAssessed
        self.notAssessedLabel = notAssessedLabel
    }

    /// The best level (highest value).
    public var top: ScaleLevel? { levels.max { $0.value < $1.value } }
    public var bottom: ScaleLevel? { levels.min { $0.value < $1.value } }
    public var values: [Int] { levels.map(\.value) }
    public func level(_ value: Int) -> ScaleLevel? { levels.first { $0.value == value } }

    /// Whether an answer is a level below the best one (an imperative calling for an action, a
    /// control item not fully conformant); "non concerné", "non évalué" and no answer are not.
    public func isBelowTop(_ value: AnswerValue?) -> Bool {
        guard case .level(let v)? = value, let top = top?.value else { return false }
        return v < top
    }
}

/// One level of a scale.
public struct ScaleLevel: Codable, Equatable, Sendable {
    public var value: Int
    public var label: String
    /// `#RRGGBB`, used by reports.
    public var colour: String?
    public var description: String?

    public init(value: Int, label: String, colour: String? = nil, description: String? = nil) {
        self.value = value
        self.label = label
        self.colour = colour
        self.description = description
    }
}
