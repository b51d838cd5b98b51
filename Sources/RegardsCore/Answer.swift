import Foundation

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
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an answer: \(text)"))
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
    public var grid: GridKind
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

    public init(uid: String, visit: String, grid: GridKind, criterion: String, value: AnswerValue?, comment: String? = nil, evidence: String? = nil,
                author: String, at: String, previous: AnswerValue? = nil, reason: String? = nil) {
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
    }
}

/// A visit's two protocols, and the rules that turn typed text into checked answers.
public struct VisitGrids: Sendable {
    public let evaluation: AuditProtocol
    public let control: AuditProtocol?

    /// Lookups made for every answer and every criterion of a comparison, built once per pair of
    /// grids (visits pinned to the same protocols share one).
    private let index: Index

    private final class Index: Sendable {
        /// Per grid: criterion id → the criterion and its section (the first, if an id repeats).
        let criteria: [GridKind: [String: (section: Section, criterion: Criterion)]]
        /// Per grid: scale id → scale (the first, if an id repeats).
        let scales: [GridKind: [String: Scale]]

        init(_ grids: [(GridKind, AuditProtocol)]) {
            var criteria: [GridKind: [String: (section: Section, criterion: Criterion)]] = [:]
            var scales: [GridKind: [String: Scale]] = [:]
            for (kind, grid) in grids {
                var byID: [String: (section: Section, criterion: Criterion)] = [:]
                for section in grid.sections {
                    for c in section.criteria where byID[c.id] == nil { byID[c.id] = (section, c) }
                }
                criteria[kind] = byID
                scales[kind] = Dictionary(grid.scales.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            }
            self.criteria = criteria
            self.scales = scales
        }
    }

    public init(evaluation: AuditProtocol, control: AuditProtocol?) {
        self.evaluation = evaluation
        self.control = control
        index = Index([(.evaluation, evaluation)] + (control.map { [(.control, $0)] } ?? []))
    }

    /// A criterion of one grid by id (what `AuditProtocol.criterion` finds, without a search).
    public func criterion(_ id: String, in kind: GridKind) -> Criterion? { index.criteria[kind]?[id]?.criterion }

    /// The section holding a criterion of one grid.
    public func section(of id: String, in kind: GridKind) -> Section? { index.criteria[kind]?[id]?.section }

    /// A scale of one grid by id (what `AuditProtocol.scale` finds, without a search).
    public func scale(_ id: String, in kind: GridKind) -> Scale? { index.scales[kind]?[id] }

    public func grid(_ kind: GridKind) -> AuditProtocol? { kind == .evaluation ? evaluation : control }

    /// Finds which grid holds a criterion.
    public func locate(_ criterion: String, in kind: GridKind? = nil) -> Result<(GridKind, AuditProtocol, Criterion), AnswerRefusal> {
        let kinds = kind.map { [$0] } ?? [.evaluation, .control]
        var found: [(GridKind, AuditProtocol, Criterion)] = []
        for k in kinds {
            if let p = grid(k), let c = self.criterion(criterion, in: k) { found.append((k, p, c)) }
        }
        if found.count > 1 { return .failure(.ambiguous(criterion)) }
        if let first = found.first { return .success(first) }
        let ids = kinds.compactMap { grid($0) }.flatMap { $0.allCriteria.map(\.criterion.id) }
        return .failure(.unknownCriterion(criterion, hint: Suggestion.hint(for: criterion, in: ids)))
    }

    /// Whether a criterion applies to a visit with this context (unset variables: it applies).
    public static func isRelevant(_ criterion: Criterion, context: [String: Condition.Value]) -> Bool {
        guard let when = criterion.when, let condition = ConditionCache.shared.parsed(when) else { return true }
        return condition.evaluate(context) ?? true
    }

    /// Interprets what an inspector typed — a level's value, its label, `nc`/`na`, `nv` — for one criterion.
    public func interpret(_ text: String, criterion id: String, grid kind: GridKind? = nil, context: [String: Condition.Value])
        -> Result<(GridKind, Criterion, AnswerValue), AnswerRefusal> {
        let located: (GridKind, AuditProtocol, Criterion)
        switch locate(id, in: kind) {
        case .success(let l): located = l
        case .failure(let refusal): return .failure(refusal)
        }
        let (k, p, criterion) = located
        guard let scale = p.scale(criterion.scale) else { return .failure(.unknownCriterion(id, hint: nil)) }
        if !Self.isRelevant(criterion, context: context) {
            let values = Set((try? Condition.parse(criterion.when ?? ""))?.variables.map(\.name) ?? [])
                .sorted().map { name in "\(name) = \(context[name].map(Self.describe) ?? "?")" }
            return .failure(.irrelevant(id, condition: criterion.when ?? "", values: values.joined(separator: ", ")))
        }
        let typed = text.trimmedSpaces
        var value: AnswerValue?
        if let n = Int(typed) {
            value = scale.level(n).map { .level($0.value) }
        } else {
            let folded = Self.fold(typed)
            if let level = scale.levels.first(where: { Self.fold($0.label) == folded }) {
                value = .level(level.value)
            } else if ["nc", "na", "non concerne", "sans objet", Self.fold(scale.notApplicableLabel)].contains(folded) {
                value = .notApplicable
            } else if ["nv", "non evalue", "non verifie", Self.fold(scale.notAssessedLabel)].contains(folded) {
                value = .notAssessed
            }
        }
        guard let value else {
            return .failure(.outOfScale(text: typed, criterion: id, allowed: Self.allowed(scale, imperative: criterion.imperative)))
        }
        switch value {
        case .notApplicable:
            if criterion.imperative { return .failure(.notApplicableOnImperative(id)) }
            if !scale.notApplicable { return .failure(.notAllowed(label: scale.notApplicableLabel, criterion: id, scale: scale.id)) }
        case .notAssessed:
            if !scale.notAssessed { return .failure(.notAllowed(label: scale.notAssessedLabel, criterion: id, scale: scale.id)) }
        case .level: break
        }
        return .success((k, criterion, value))
    }

    static func describe(_ v: Condition.Value) -> String {
        switch v {
        case .text(let s): s
        case .number(let n): String(n)
        case .boolean(let b): b ? "oui" : "non"
        }
    }

    static func allowed(_ scale: Scale, imperative: Bool) -> String {
        var parts = scale.levels.map { "\($0.value) \($0.label)" }
        if scale.notApplicable && !imperative { parts.append("nc \(scale.notApplicableLabel)") }
        if scale.notAssessed { parts.append("nv \(scale.notAssessedLabel)") }
        return parts.joined(separator: ", ")
    }

    /// Lower-case, without accents or repeated spaces: `Plutôt  satisfaisant` → `plutot satisfaisant`.
    public static func fold(_ text: String) -> String {
        let decomposed = text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.filter { !(0x300...0x36F).contains($0.value) }
        var s = String(String.UnicodeScalarView(decomposed))
        s = s.replacingOccurrences(of: "’", with: "'")
        return s.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

/// Why an answer is refused. Nothing is written when it is.
public enum AnswerRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownCriterion(String, hint: String?)
    case ambiguous(String)
    case outOfScale(text: String, criterion: String, allowed: String)
    case notAllowed(label: String, criterion: String, scale: String)
    case notApplicableOnImperative(String)
    case irrelevant(String, condition: String, values: String)

    public var description: String {
        switch self {
        case let .unknownCriterion(id, hint): "unknown criterion `\(id)`" + (hint.map { "; \($0)" } ?? "")
        case let .ambiguous(id): "`\(id)` exists in both grids; say which with --grid evaluation|control"
        case let .outOfScale(text, criterion, allowed): "`\(text)` is not an answer for \(criterion); expected one of: \(allowed)"
        case let .notAllowed(label, criterion, scale): "« \(label) » is not allowed for \(criterion) (scale `\(scale)`)"
        case let .notApplicableOnImperative(id): "« non concerné » is never allowed on an imperative criterion (\(id))"
        case let .irrelevant(id, condition, values): "\(id) does not apply to this visit: its condition `\(condition)` is false (\(values))"
        }
    }
}

/// Relevance conditions parsed once per process: they are read for every criterion of every visit.
final class ConditionCache: @unchecked Sendable {
    static let shared = ConditionCache()
    private let lock = NSLock()
    private var parsed: [String: Condition?] = [:]

    func parsed(_ text: String) -> Condition? {
        lock.lock()
        defer { lock.unlock() }
        if let found = parsed[text] { return found }
        let condition = try? Condition.parse(text)
        parsed[text] = condition
        return condition
    }
}
