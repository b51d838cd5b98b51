/// A protocol as a visit pins it: id, version and content hash.
public struct ProtocolPin: Codable, Equatable, Hashable, Sendable, CustomStringConvertible {
    public var id: String
    public var version: String
    public var hash: String

    public init(id: String, version: String, hash: String) {
        self.id = id
        self.version = version
        self.hash = hash
    }

    public var description: String { "\(id)@\(version)" }
}

/// One audit of one establishment (visite / mission), pinned to its protocols.
public struct Visit: Codable, Equatable, Sendable {
    /// Human id, e.g. `2026-001`.
    public var id: String
    /// Globally unique id, so visits from several laptops never collide.
    public var uid: String
    public var establishment: String
    public var finess: String
    public var startDate: CalendarDate?
    public var endDate: CalendarDate?
    public var inspectors: [String]
    public var campaign: String?
    public var evaluation: ProtocolPin
    public var control: ProtocolPin?
    public var workflow: ProtocolPin?
    /// Current workflow state (phase).
    public var state: String
    /// Values of the protocol's context variables (`public`, `hebergement` …).
    public var context: [String: ContextValue]
    public var createdAt: String
    public var createdBy: String
    /// The earlier visit of the same establishment this one follows up (its measures and actions).
    public var follows: String?

    public init(id: String, uid: String, establishment: String, finess: String, startDate: CalendarDate? = nil, endDate: CalendarDate? = nil,
                inspectors: [String] = [], campaign: String? = nil, evaluation: ProtocolPin, control: ProtocolPin? = nil,
                workflow: ProtocolPin? = nil, state: String, context: [String: ContextValue] = [:], createdAt: String, createdBy: String, follows: String? = nil) {
        self.id = id
        self.uid = uid
        self.establishment = establishment
        self.finess = finess
        self.startDate = startDate
        self.endDate = endDate
        self.inspectors = inspectors
        self.campaign = campaign
        self.evaluation = evaluation
        self.control = control
        self.workflow = workflow
        self.state = state
        self.context = context
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.follows = follows
    }

    /// The protocols the visit is pinned to: evaluation, control, workflow.
    public var pins: [ProtocolPin] { [evaluation, control, workflow].compactMap { $0 } }

    /// The context as relevance conditions read it.
    public var conditionContext: [String: Condition.Value] { context.mapValues(\.conditionValue) }
}

/// A value of a context variable.
public enum ContextValue: Codable, Equatable, Hashable, Sendable, CustomStringConvertible {
    case text(String)
    case number(Double)
    case boolean(Bool)

    public var conditionValue: Condition.Value {
        switch self {
        case .text(let s): .text(s)
        case .number(let n): .number(n)
        case .boolean(let b): .boolean(b)
        }
    }

    public var description: String {
        switch self {
        case .text(let s): s
        case .number(let n): n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .boolean: VisitGrids.describe(conditionValue)
        }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .boolean(b) } else if let n = try? c.decode(Double.self) { self = .number(n) } else { self = .text(try c.decode(String.self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .text(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        case .boolean(let b): try c.encode(b)
        }
    }

    /// Reads `name=value` for a declared variable; the reason when the value does not fit.
    public static func parse(_ text: String, for variable: ContextVariable) -> Result<ContextValue, ContextError> {
        switch variable.type {
        case .choice:
            guard variable.values.contains(text) else {
                return .failure(ContextError(message: Messages.notAChoice(text, variable: variable.id, values: variable.values.joined(separator: ", ")),
                                             hint: Suggestion.hint(for: text, in: variable.values)))
            }
            return .success(.text(text))
        case .boolean:
            switch text.lowercased() {
            case "true", "oui", "yes", "1": return .success(.boolean(true))
            case "false", "non", "no", "0": return .success(.boolean(false))
            default: return .failure(ContextError(message: Messages.notYesOrNo(variable.id, text), hint: nil))
            }
        case .number:
            guard let n = Double(text.replacingOccurrences(of: ",", with: ".")), n.isFinite else {
                return .failure(ContextError(message: Messages.notANumber(variable.id, text), hint: nil))
            }
            return .success(.number(n))
        }
    }
}

public struct ContextError: Error, Equatable, Sendable {
    public var message: String
    public var hint: String?
}
