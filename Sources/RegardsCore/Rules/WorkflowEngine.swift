/// Moves visits through the phases of a workflow: which transitions leave the current state,
/// and, guard by guard, what still blocks them.
public struct WorkflowEngine: Sendable {
    public let workflow: Workflow

    public init(workflow: Workflow) {
        self.workflow = workflow
    }

    public struct GuardCheck: Equatable, Sendable {
        public var guardCondition: Guard
        public var holds: Bool
        /// What the guard found, in French: « 2 entretiens sur 3 », « manquent : AC-03, AD-07 ».
        public var detail: String
    }

    public struct Option: Equatable, Sendable {
        public var transition: Transition
        public var checks: [GuardCheck]
        public var allowed: Bool { checks.allSatisfy(\.holds) }
        public var blocking: [GuardCheck] { checks.filter { !$0.holds } }
    }

    /// Transitions that leave the visit's current state, each with its guards checked.
    public func options(for record: VisitRecord) -> [Option] {
        workflow.transitions(from: record.visit.state).map { t in
            Option(transition: t, checks: t.guards.map { check($0, record) })
        }
    }

    /// The transition a visit takes next, its guards checked: the one to `target`, or else the first
    /// declared from its phase (the forward move). Refused in a final phase or towards a phase no
    /// transition reaches.
    public func next(for r: VisitRecord, to target: String?) -> Result<Option, InputRefusal> {
        let options = options(for: r)
        guard let first = options.first else { return .failure(InputRefusal(Messages.finalPhase(r.visit.id, state: r.visit.state))) }
        guard let target else { return .success(first) }
        guard let option = options.first(where: { $0.transition.to == target }) else {
            let targets = options.map(\.transition.to)
            return .failure(InputRefusal(Messages.noTransition(from: r.visit.state, to: target, possible: targets.joined(separator: ", "),
                                                               hint: Suggestion.hint(for: target, in: targets))))
        }
        return .success(option)
    }

    public func check(_ g: Guard, _ r: VisitRecord) -> GuardCheck {
        func result(_ holds: Bool, _ detail: String) -> GuardCheck { GuardCheck(guardCondition: g, holds: holds, detail: detail) }
        switch g {
        case .gridComplete(let kind):
            guard r.grids.grid(kind) != nil else { return result(false, "la visite n'a pas de grille \(kind == .control ? "de contrôle" : "d'évaluation")") }
            let sections = r.completion(kind)
            let missing = sections.flatMap(\.missing)
            let required = sections.reduce(0) { $0 + $1.required }
            return result(missing.isEmpty, missing.isEmpty ? "\(required) critères requis renseignés"
                : "\(required - missing.count) sur \(required) ; manquent : \(Self.list(missing))")
        case .minObservations(let method, let count):
            let n = r.observations.filter { method == nil || $0.method == method }.count
            return result(n >= count, "\(n) sur \(count) observation(s)" + (method.map { " « \($0) »" } ?? ""))
        case .minJourneys(let count):
            let n = r.residents.count
            return result(n >= count, "\(n) sur \(count) parcours")
        case .journeysChecked:
            if r.residents.isEmpty { return result(false, "aucun parcours saisi") }
            let unexplained = r.journeyDelays.filter { ($0.check.note ?? "").isEmpty }.map { "\($0.resident)/\($0.check.step)" }
            return result(unexplained.isEmpty, unexplained.isEmpty ? "retards et manques commentés"
                : "sans commentaire : \(Self.list(unexplained))")
        case .minActions(let count):
            let n = r.actions.filter { $0.status != .dropped }.count
            return result(n >= count, "\(n) sur \(count) piste(s)")
        case .actionsHaveOwners:
            let lacking = r.actions.filter { $0.status != .dropped && ($0.owner ?? "").isEmpty || $0.status != .dropped && $0.due == nil }.map { "#\($0.number)" }
            return result(lacking.isEmpty, lacking.isEmpty ? "chaque piste a un responsable et une échéance" : "sans responsable ou échéance : \(Self.list(lacking))")
        case .noUnreviewedPersonalData:
            let open = r.unreviewedFindings(r.privacy)
            return result(open.isEmpty, open.isEmpty ? "aucun signalement en attente"
                : "\(open.count) signalement(s) à revoir (regards privacy scan \(r.visit.id)) : \(Self.list(open.map(\.id)))")
        case .imperativesHaveActions:
            let lacking = r.imperativesWithoutAction
            return result(lacking.isEmpty, lacking.isEmpty ? "chaque impératif sous le niveau maximal a une piste" : "impératifs sans piste : \(Self.list(lacking))")
        case .ecartsHaveMeasures:
            let p = r.procedure
            let bare = p.ecartsWithoutMeasure.map(\.label)
            let orphans = p.activeMeasures.filter { m in !m.findings.contains { p.finding(uid: $0)?.withdrawn == false } }.map(\.label)
            let problems = (bare.isEmpty ? [] : ["écarts sans mesure : \(Self.list(bare))"]) + (orphans.isEmpty ? [] : ["mesures sans constat : \(Self.list(orphans))"])
            let ecarts = p.activeFindings.filter { $0.kind == .ecart }.count
            return result(problems.isEmpty, problems.isEmpty ? "\(ecarts) écart(s), \(p.activeMeasures.count) mesure(s)" : problems.joined(separator: " ; "))
        case .organisationAnswered:
            let p = r.procedure
            let waiting = p.activeMeasures.filter { $0.answer == nil }.map(\.label)
            guard let due = p.answerDue(within: workflow.answerDelay) else { return result(false, "le rapport provisoire n'est pas émis") }
            if waiting.isEmpty { return result(true, "réponse reçue pour chaque mesure") }
            return result(due < r.today, due < r.today ? "délai de réponse échu le \(due) ; sans réponse : \(Self.list(waiting))"
                : "sans réponse : \(Self.list(waiting)) ; délai de réponse jusqu'au \(due)")
        case .contestedPointsAnswered:
            let open = r.procedure.measures.filter { $0.answer?.position == .contested && $0.response == nil && !$0.withdrawn }.map(\.label)
            return result(open.isEmpty, open.isEmpty ? "chaque point contesté a sa réponse" : "contestées sans réponse des inspecteurs : \(Self.list(open))")
        case .measuresSettled:
            let p = r.procedure
            let open = p.unsettled(today: r.today).map(\.label)
            return result(open.isEmpty, open.isEmpty ? "chaque mesure est levée, non levée ou retirée" : "mesures à suivre : \(Self.list(open))")
        }
    }

    static func list(_ items: [String]) -> String {
        items.count <= 8 ? items.joined(separator: ", ") : items.prefix(8).joined(separator: ", ") + " … (+\(items.count - 8))"
    }
}
