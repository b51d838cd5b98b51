/// The HAS rule on imperative criteria: an imperative criterion answered below the top level of its
/// scale calls for an improvement action.
extension VisitRecord {
    /// Imperative criteria of either grid whose current answer is a level below the top one, in grid order.
    public var imperativesBelowTop: [String] {
        var out: [String] = []
        for kind in grids.kinds {
            guard let grid = grids.grid(kind) else { continue }
            for section in grid.sections {
                for criterion in section.criteria where criterion.imperative {
                    if grids.scale(criterion.scale, in: kind)?.isBelowTop(current[kind]?[criterion.id]?.value) == true {
                        out.append(criterion.id)
                    }
                }
            }
        }
        return out
    }

    /// Those that no action (not dropped) names.
    public var imperativesWithoutAction: [String] {
        let linked = Set(actions.filter { $0.status != .dropped }.flatMap(\.criteria))
        return imperativesBelowTop.filter { !linked.contains($0) }
    }
}
