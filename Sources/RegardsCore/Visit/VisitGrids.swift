/// A visit's two protocols, with the lookups made for every answer and every criterion of a comparison.
public struct VisitGrids: Sendable {
    public let evaluation: AuditProtocol
    public let control: AuditProtocol?

    /// Built once per pair of grids (visits pinned to the same protocols share one).
    private let index: Index

    private final class Index: Sendable {
        /// Per grid: criterion id → the criterion and its section (the first, if an id repeats).
        let criteria: [ProtocolKind: [String: (section: Section, criterion: Criterion)]]
        /// Per grid: scale id → scale (the first, if an id repeats).
        let scales: [ProtocolKind: [String: Scale]]

        init(_ grids: [(ProtocolKind, AuditProtocol)]) {
            var criteria: [ProtocolKind: [String: (section: Section, criterion: Criterion)]] = [:]
            var scales: [ProtocolKind: [String: Scale]] = [:]
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
    public func criterion(_ id: String, in kind: ProtocolKind) -> Criterion? { index.criteria[kind]?[id]?.criterion }

    /// The section holding a criterion of one grid.
    public func section(of id: String, in kind: ProtocolKind) -> Section? { index.criteria[kind]?[id]?.section }

    /// A scale of one grid by id (what `AuditProtocol.scale` finds, without a search).
    public func scale(_ id: String, in kind: ProtocolKind) -> Scale? { index.scales[kind]?[id] }

    public func grid(_ kind: ProtocolKind) -> AuditProtocol? { kind == .evaluation ? evaluation : control }

    /// The grids the visit has, evaluation first.
    public var kinds: [ProtocolKind] { control == nil ? [.evaluation] : [.evaluation, .control] }

    /// The observation methods of both grids, evaluation first.
    public var methods: [String] { evaluation.methods.map(\.id) + (control?.methods.map(\.id) ?? []) }

    /// Finds which grid holds a criterion.
    public func locate(_ criterion: String, in kind: ProtocolKind? = nil) -> Result<(ProtocolKind, AuditProtocol, Criterion), AnswerRefusal> {
        let kinds = kind.map { [$0] } ?? [.evaluation, .control]
        var found: [(ProtocolKind, AuditProtocol, Criterion)] = []
        for k in kinds {
            if let p = grid(k), let c = self.criterion(criterion, in: k) { found.append((k, p, c)) }
        }
        if found.count > 1 { return .failure(.ambiguous(criterion)) }
        if let first = found.first { return .success(first) }
        let ids = kinds.compactMap { grid($0) }.flatMap { $0.allCriteria.map(\.criterion.id) }
        return .failure(.unknownCriterion(criterion, hint: Suggestion.hint(for: criterion, in: ids)))
    }
}
