/// What a finding of the inspection is (DOMAIN.md §9): an **écart** when it breaches an enforceable
/// text (it cites the article and leads to a prescription), a **remarque** when it is judged against
/// good practice (it leads to a recommandation), or a **good practice** the report values.
public enum FindingKind: String, Codable, Sendable, CaseIterable {
    case ecart
    case remarque
    case bonnePratique = "bonne-pratique"

    /// What a non-conformity on a control item is; nil when the grid does not say what the item
    /// rests on (the 1.0.0 grids).
    public init?(_ basis: Basis?) {
        switch basis {
        case .enforceable?: self = .ecart
        case .goodPractice?: self = .remarque
        case nil: return nil
        }
    }

    /// Findings are numbered E1, E2…, R1, R2… and BP1, BP2…
    public var prefix: String {
        switch self {
        case .ecart: "E"
        case .remarque: "R"
        case .bonnePratique: "BP"
        }
    }

    /// « écart », « remarque », « bonne pratique ».
    public var label: String {
        switch self {
        case .ecart: "écart"
        case .remarque: "remarque"
        case .bonnePratique: "bonne pratique"
        }
    }
}

/// What a finding rests on, by id within its visit: an answer of one of its grids, an observation,
/// or one step of a resident's journey.
public enum FindingEvidence: Hashable, Sendable, Codable, CustomStringConvertible {
    case answer(ProtocolKind, criterion: String)
    /// An observation, by its uid (shown as its number in the visit's list, `#3`).
    case observation(String)
    case journeyStep(resident: String, step: String)

    public var description: String { stored }

    /// The stored form: `control:CTL-DU-08`, `evaluation:AD-12`, `observation:UID`, `journey:R07/admission`.
    public var stored: String {
        switch self {
        case .answer(let grid, let criterion): "\(grid.rawValue):\(criterion)"
        case .observation(let uid): "observation:\(uid)"
        case .journeyStep(let resident, let step): "journey:\(resident)/\(step)"
        }
    }

    public init?(stored: String) {
        guard let colon = stored.firstIndex(of: ":") else { return nil }
        let head = String(stored[..<colon]), tail = String(stored[stored.index(after: colon)...])
        switch head {
        case "observation": self = .observation(tail)
        case "journey":
            let parts = tail.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            self = .journeyStep(resident: parts[0], step: parts[1])
        default:
            guard let grid = ProtocolKind(rawValue: head) else { return nil }
            self = .answer(grid, criterion: tail)
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = FindingEvidence(stored: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: Messages.unreadableEvidence(text)))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// A finding of the inspection, as it stands after its latest change.
public struct Finding: Codable, Equatable, Sendable {
    public var uid: String
    public var kind: FindingKind
    /// The fact observed (le constat), in the report's words.
    public var fact: String
    public var evidence: [FindingEvidence]
    /// The texts an écart breaches (taken from the control item, editable).
    public var references: [String]
    /// The control item it was found on, when there is one.
    public var criterion: String?
    /// Dropped: before the provisional report it loses its number; after, it keeps it, as withdrawn.
    public var withdrawn: Bool
    /// Its number within its kind (E2 is 2), given by `Procedure` (stored events do not carry it).
    public var number: Int?

    public init(uid: String, kind: FindingKind, fact: String, evidence: [FindingEvidence] = [], references: [String] = [],
                criterion: String? = nil, withdrawn: Bool = false) {
        self.uid = uid
        self.kind = kind
        self.fact = fact
        self.evidence = evidence
        self.references = references
        self.criterion = criterion
        self.withdrawn = withdrawn
    }

    /// `E2`, `R1`, `BP3`; `—` while it has no number (withdrawn before the provisional report).
    public var label: String { number.map { "\(kind.prefix)\($0)" } ?? "—" }

    private enum CodingKeys: String, CodingKey { case uid, kind, fact, evidence, references, criterion, withdrawn }
}
