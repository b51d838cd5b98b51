/// A control item found not fully conformant: answered with a level below the top of its scale.
public struct ControlFinding: Equatable, Sendable, Codable {
    /// `E1`, `R2`; nil when the grid does not say the item's basis.
    public var number: String?
    public var kind: FindingKind?
    public var criterion: String
    public var section: String
    public var title: String
    /// The answer's label (`Non conforme`, `Partiellement conforme`).
    public var answer: String
    public var references: [String]
    public var comment: String?
}

extension VisitRecord {
    /// Every relevant control item answered below the top level, in grid order, numbered by kind —
    /// until the inspectors record findings: from then on a non-conformity carries the number (and
    /// kind) of the finding recorded on its item, and none when it was not retained, so that a
    /// workbook, `compare` and the reports never show two different « E2 ».
    public var controlFindings: [ControlFinding] {
        guard let grid = grids.control else { return [] }
        let context = visit.conditionContext
        let recorded = procedure.findings.isEmpty ? nil
            : Dictionary(procedure.activeFindings.compactMap { f in f.criterion.map { ($0, f) } }, uniquingKeysWith: { first, _ in first })
        var counts: [FindingKind: Int] = [:]
        var out: [ControlFinding] = []
        for (section, item) in grid.allCriteria where item.applies(in: context) {
            let event = current[.control]?[item.id]
            let scale = grids.scale(item.scale, in: .control)
            guard let scale, scale.isBelowTop(event?.value), let value = event?.value else { continue }
            var kind = FindingKind(item.basis)
            var number = kind.map { kind -> String in
                counts[kind, default: 0] += 1
                return "\(kind.prefix)\(counts[kind]!)"
            }
            if let recorded {
                kind = recorded[item.id]?.kind ?? kind
                number = recorded[item.id]?.label
            }
            out.append(ControlFinding(number: number, kind: kind, criterion: item.id, section: section.id, title: item.title,
                                      answer: value.label(in: scale), references: item.references, comment: event?.comment))
        }
        return out
    }
}
