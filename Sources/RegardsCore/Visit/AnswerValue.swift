/// An answer to a criterion: a level of its scale, « non concerné » or « non évalué ».
public enum AnswerValue: Equatable, Hashable, Sendable, Codable, CustomStringConvertible {
    case level(Int)
    case notApplicable
    case notAssessed

    /// How it is stored and exchanged: the level's value, `na` or `nv`.
    public var code: String {
        switch self {
        case .level(let v): String(v)
        case .notApplicable: "na"
        case .notAssessed: "nv"
        }
    }

    public init?(code: String) {
        switch code {
        case "na": self = .notApplicable
        case "nv": self = .notAssessed
        default:
            guard let v = Int(code) else { return nil }
            self = .level(v)
        }
    }

    public var description: String { code }

    public func label(in scale: Scale?) -> String {
        switch self {
        case .level(let v): scale?.level(v)?.label ?? String(v)
        case .notApplicable: scale?.notApplicableLabel ?? "Non concerné"
        case .notAssessed: scale?.notAssessedLabel ?? "Non évalué"
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = AnswerValue(code: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: Messages.unreadableAnswer(text)))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(code)
    }
}

/// One change of one answer, as kept in the append-only history.
public struct AnswerEvent: Codable, Equatable, Sendable {
    public var uid: String
    public var visit: String
    public var grid: ProtocolKind
    public var criterion: String
    /// Nil when the answer was withdrawn.
    public var value: AnswerValue?
    public var comment: String?
    public var evidence: String?
    public var author: String
    /// UTC timestamp, ISO 8601 with milliseconds.
    public var at: String
    public var previous: AnswerValue?
    public var reason: String?
    /// Set on the answers of an independent scoring (double scoring): who scored. Nil on the visit's
    /// own answers, which a scoring never changes.
    public var scorer: String?
    /// Set on a consensus answer recorded by a reconciliation: every scorer's answer at that moment.
    public var reconciles: [ScorerAnswer]?

    public init(uid: String, visit: String, grid: ProtocolKind, criterion: String, value: AnswerValue?, comment: String? = nil, evidence: String? = nil,
                author: String, at: String, previous: AnswerValue? = nil, reason: String? = nil, scorer: String? = nil, reconciles: [ScorerAnswer]? = nil) {
        self.uid = uid
        self.visit = visit
        self.grid = grid
        self.criterion = criterion
        self.value = value
        self.comment = comment
        self.evidence = evidence
        self.author = author
        self.at = at
        self.previous = previous
        self.reason = reason
        self.scorer = scorer
        self.reconciles = reconciles
    }
}

/// One scorer's answer to a criterion, as a reconciliation found it.
public struct ScorerAnswer: Codable, Equatable, Hashable, Sendable {
    public var scorer: String
    /// Nil when that scorer gave no answer.
    public var value: AnswerValue?

    public init(scorer: String, value: AnswerValue?) {
        self.scorer = scorer
        self.value = value
    }
}

/// An answer to record; the store fills in the previous value inside its transaction.
public struct AnswerChange: Equatable, Sendable {
    public var uid: String
    public var grid: ProtocolKind
    public var criterion: String
    public var value: AnswerValue?
    public var comment: String?
    public var evidence: String?
    public var reason: String?
    /// For a consensus answer: the scorers' answers it settles.
    public var reconciles: [ScorerAnswer]?

    public init(uid: String, grid: ProtocolKind, criterion: String, value: AnswerValue?, comment: String? = nil, evidence: String? = nil, reason: String? = nil,
                reconciles: [ScorerAnswer]? = nil) {
        self.uid = uid
        self.grid = grid
        self.criterion = criterion
        self.value = value
        self.comment = comment
        self.evidence = evidence
        self.reason = reason
        self.reconciles = reconciles
    }
}
