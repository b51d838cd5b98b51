/// A document an inspector asks for or checks (livret d'accueil, contrat de séjour …).
public struct EvidenceDocument: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var purpose: String?
    public var references: [String]
    /// Documents that say largely the same thing (declared redundancy).
    public var overlapsWith: [String]
    public var status: ReviewStatus
    public var note: String?

    public init(id: String, title: String, purpose: String? = nil, references: [String] = [], overlapsWith: [String] = [],
                status: ReviewStatus = .confirme, note: String? = nil) {
        self.id = id
        self.title = title
        self.purpose = purpose
        self.references = references
        self.overlapsWith = overlapsWith
        self.status = status
        self.note = note
    }
}

/// A way of gathering evidence: resident-led visit, passive observation, interview …
public struct ObservationMethod: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var description: String?

    public init(id: String, title: String, description: String? = nil) {
        self.id = id
        self.title = title
        self.description = description
    }
}

/// A variable describing the visited establishment, used by relevance conditions (`when`).
public struct ContextVariable: Codable, Equatable, Sendable {
    public enum ValueType: String, Codable, Sendable, CaseIterable {
        case choice
        case boolean
        case number
    }

    public var id: String
    public var title: String
    public var type: ValueType
    /// Allowed values of a `choice` variable.
    public var values: [String]

    public init(id: String, title: String, type: ValueType, values: [String] = []) {
        self.id = id
        self.title = title
        self.type = type
        self.values = values
    }
}
