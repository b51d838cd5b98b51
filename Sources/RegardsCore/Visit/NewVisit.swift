/// The rules of a new visit: its id, its first phase, its context.
extension Visit {
    /// The phase a new visit starts in: its workflow's initial state, or `en-cours` without a workflow.
    public static func initialState(_ workflow: Workflow?) -> String { workflow?.initial ?? "en-cours" }

    /// The next id of a year, `YEAR-NNN` (three digits at least), after the numbers `taken` already uses.
    public static func nextID(year: Int, taken: [String]) -> String {
        let prefix = "\(year)-"
        let numbers = taken.filter { $0.hasPrefix(prefix) }.compactMap { Int($0.dropFirst(prefix.count)) }
        let next = (numbers.max() ?? 0) + 1
        return prefix + (next < 10 ? "00" : next < 100 ? "0" : "") + String(next)
    }

    /// A visit id is letters, digits, `.`, `_` or `-`, starting with a letter or digit.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.isASCIIAlphanumeric else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCIIAlphanumeric || $0 == "." || $0 == "_" || $0 == "-" }
    }

    /// The context typed as `NAME=VALUE` pairs, each a declared variable of the visit's protocols with
    /// a value of its type.
    public static func context(_ assignments: [String], variables: [ContextVariable], of reference: String) -> Result<[String: ContextValue], InputRefusal> {
        var out: [String: ContextValue] = [:]
        for item in assignments {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return .failure(InputRefusal(Messages.contextNotAnAssignment(item))) }
            guard let variable = variables.first(where: { $0.id == parts[0] }) else {
                return .failure(InputRefusal(Messages.notAContextVariable(parts[0], of: reference, variables: variables.map(\.id).joined(separator: ", "),
                                                                          hint: Suggestion.hint(for: parts[0], in: variables.map(\.id)))))
            }
            switch ContextValue.parse(parts[1], for: variable) {
            case .success(let value): out[variable.id] = value
            case .failure(let error): return .failure(InputRefusal(Messages.contextRefused(error.message, hint: error.hint)))
            }
        }
        return .success(out)
    }
}

extension Visit {
    /// A follow-up visit is of the same establishment as the visit it follows: the FINESS typed, if
    /// any, must be the earlier visit's.
    public static func checkFollowUp(of earlier: Visit, finess: String?) -> Result<Void, RegardsError> {
        if let finess, finess != earlier.finess {
            return .failure(.badData(Messages.followsOtherEstablishment(earlier.id, finess: earlier.finess, not: finess)))
        }
        return .success(())
    }

    /// The earlier visit's actions still open, carried into the follow-up visit: same title, owner,
    /// due date and status, the criteria the new grids still have, a title that says where it comes from.
    public static func carriedActions(_ earlier: VisitRecord, into visit: Visit, grids: VisitGrids, makeID: () -> String, author: String, at: String) -> [ImprovementAction] {
        earlier.openActions.map { a in
            ImprovementAction(uid: makeID(), visit: visit.id, title: "[\(earlier.visit.id) #\(a.number)] \(a.title)", owner: a.owner, due: a.due,
                              criteria: a.criteria.filter { (try? grids.locate($0).get()) != nil }, status: a.status, author: author, at: at)
        }
    }
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) || ("0"..."9").contains(self) }
}
