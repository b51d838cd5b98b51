/// The phases of a visit and the rules to move between them, read from `Protocols/workflows/*.yaml`.
public struct Workflow: Codable, Equatable, Sendable {
    public var id: String
    public var version: SemanticVersion
    public var title: String
    public var description: String?
    public var initial: String
    public var states: [WorkflowState]
    public var transitions: [Transition]

    public init(id: String, version: SemanticVersion, title: String, description: String? = nil, initial: String,
                states: [WorkflowState], transitions: [Transition]) {
        self.id = id
        self.version = version
        self.title = title
        self.description = description
        self.initial = initial
        self.states = states
        self.transitions = transitions
    }

    public var reference: String { "\(id)@\(version)" }
    public func state(_ id: String) -> WorkflowState? { states.first { $0.id == id } }
    public func transitions(from state: String) -> [Transition] { transitions.filter { $0.from == state } }
}

/// A phase of a visit (préparation, immersion …).
public struct WorkflowState: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var description: String?
    /// A final state ends the visit; it needs no way out.
    public var final: Bool
    /// Entering this phase issues a report of the contradictory procedure.
    public var report: ReportMilestone?
    /// On the provisional report's phase: how long the organisation has to answer (one month when not said).
    public var answerWithin: Period?

    public init(id: String, title: String, description: String? = nil, final: Bool = false, report: ReportMilestone? = nil, answerWithin: Period? = nil) {
        self.id = id
        self.title = title
        self.description = description
        self.final = final
        self.report = report
        self.answerWithin = answerWithin
    }
}

/// The two reports of the contradictory procedure (DOMAIN.md §9).
public enum ReportMilestone: String, Codable, Sendable, CaseIterable {
    /// The rapport provisoire and its letter: the findings' and measures' numbers are frozen.
    case provisional
    /// The rapport définitif and the decision: the findings are final, the measures' periods start.
    case definitive

    public var change: ProcedureEvent.Change { self == .provisional ? .provisionalReport : .definitiveReport }
}

extension Workflow {
    /// The organisation's delay to answer the provisional report: the workflow's, or one month.
    public var answerDelay: Period {
        states.first { $0.report == .provisional }?.answerWithin ?? Period(months: 1)
    }
}

/// A move from one phase to another, allowed when every guard holds.
public struct Transition: Codable, Equatable, Sendable {
    public var from: String
    public var to: String
    public var title: String?
    public var guards: [Guard]

    public init(from: String, to: String, title: String? = nil, guards: [Guard] = []) {
        self.from = from
        self.to = to
        self.title = title
        self.guards = guards
    }
}

/// A condition on a visit, taken from a fixed vocabulary (documented in docs/protocol-format.md).
public enum Guard: Equatable, Sendable, Codable {
    /// Every required, relevant criterion of the grid has an answer.
    case gridComplete(ProtocolKind)
    /// At least `count` observations were recorded (with `method` when given).
    case minObservations(method: String?, count: Int)
    /// At least `count` residents' journeys were recorded.
    case minJourneys(Int)
    /// Every late or missing journey step carries an explanatory note.
    case journeysChecked
    /// At least `count` improvement actions were agreed.
    case minActions(Int)
    /// Every action has an owner and a due date.
    case actionsHaveOwners
    /// Every imperative criterion answered below its top level is linked to an action.
    case imperativesHaveActions
    /// Every personal-data finding in the visit's free text has been reviewed (kept with a reason, or redacted).
    case noUnreviewedPersonalData
    /// Every écart is answered by a measure, and every measure has a finding and a deadline.
    case ecartsHaveMeasures
    /// The organisation answered every measure, or its delay to answer has passed.
    case organisationAnswered
    /// Every contested measure has the inspectors' response.
    case contestedPointsAnswered
    /// Every measure is settled: lifted, not lifted, or withdrawn.
    case measuresSettled

    /// The guards that take no value, by name.
    public static let flags: [Guard] = [
        .journeysChecked, .actionsHaveOwners, .imperativesHaveActions, .noUnreviewedPersonalData,
        .ecartsHaveMeasures, .organisationAnswered, .contestedPointsAnswered, .measuresSettled,
    ]

    /// The names accepted in workflow files.
    public static let vocabulary = ["grid_complete", "min_observations", "min_journeys", "min_actions"] + flags.map(\.name)

    public var name: String {
        switch self {
        case .gridComplete: "grid_complete"
        case .minObservations: "min_observations"
        case .minJourneys: "min_journeys"
        case .journeysChecked: "journeys_checked"
        case .minActions: "min_actions"
        case .actionsHaveOwners: "actions_have_owners"
        case .imperativesHaveActions: "imperatives_have_actions"
        case .noUnreviewedPersonalData: "no_unreviewed_personal_data"
        case .ecartsHaveMeasures: "ecarts_have_measures"
        case .organisationAnswered: "organisation_answered"
        case .contestedPointsAnswered: "contested_points_answered"
        case .measuresSettled: "measures_settled"
        }
    }

    /// A French sentence for `visit advance` and `protocol show`.
    public var summary: String {
        switch self {
        case .gridComplete(let grid): "grille \(grid == .evaluation ? "d'évaluation" : "de contrôle") complète"
        case .minObservations(let method, let count): "au moins \(count) observation(s)" + (method.map { " « \($0) »" } ?? "")
        case .minJourneys(let count): "au moins \(count) parcours de personnes accueillies"
        case .journeysChecked: "parcours vérifiés (chaque retard ou manque est commenté)"
        case .minActions(let count): "au moins \(count) piste(s) d'amélioration"
        case .actionsHaveOwners: "chaque piste a un responsable et une échéance"
        case .imperativesHaveActions: "chaque critère impératif sous le niveau maximal a une piste"
        case .noUnreviewedPersonalData: "aucune donnée personnelle non revue"
        case .ecartsHaveMeasures: "chaque écart a une mesure, chaque mesure un constat et une échéance"
        case .organisationAnswered: "l'organisme a répondu, ou son délai de réponse est échu"
        case .contestedPointsAnswered: "chaque point contesté a la réponse des inspecteurs"
        case .measuresSettled: "chaque mesure est levée, non levée ou retirée"
        }
    }

    private enum CodingKeys: String, CodingKey { case guardName = "guard", grid, method, count }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .guardName)
        switch name {
        case "grid_complete": self = .gridComplete(try c.decode(ProtocolKind.self, forKey: .grid))
        case "min_observations": self = .minObservations(method: try c.decodeIfPresent(String.self, forKey: .method), count: try c.decode(Int.self, forKey: .count))
        case "min_journeys": self = .minJourneys(try c.decode(Int.self, forKey: .count))
        case "journeys_checked": self = .journeysChecked
        case "min_actions": self = .minActions(try c.decode(Int.self, forKey: .count))
        default:
            if let flag = Guard.flags.first(where: { $0.name == name }) { self = flag; return }
            throw DecodingError.dataCorruptedError(forKey: .guardName, in: c, debugDescription: Messages.unknownGuard(name))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .guardName)
        switch self {
        case .gridComplete(let grid): try c.encode(grid, forKey: .grid)
        case .minObservations(let method, let count):
            try c.encodeIfPresent(method, forKey: .method)
            try c.encode(count, forKey: .count)
        case .minJourneys(let count), .minActions(let count): try c.encode(count, forKey: .count)
        default: break
        }
    }
}
