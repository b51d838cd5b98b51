/// A theme of a grid (section), holding its criteria in order.
public struct Section: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var description: String?
    public var criteria: [Criterion]

    public init(id: String, title: String, description: String? = nil, criteria: [Criterion] = []) {
        self.id = id
        self.title = title
        self.description = description
        self.criteria = criteria
    }
}

/// One line of a grid: a control item or an evaluation criterion.
public struct Criterion: Codable, Equatable, Sendable {
    public var id: String
    public var title: String
    public var guidance: String?
    /// Id of the scale (the protocol's `default_scale` when the file leaves it out).
    public var scale: String
    public var required: Bool
    public var weight: Double
    /// HAS-style impératif: any answer below the top level calls for an action.
    public var imperative: Bool
    /// Legal and HAS references (`CASF R345-4`, `HAS 1.2.2`).
    public var references: [String]
    /// Ids of the documents checked as evidence.
    public var documents: [String]
    /// Ids of the observation methods that inform this criterion.
    public var methods: [String]
    /// Relevance condition over the visit context; the criterion is asked only when it holds.
    public var when: RelevanceCondition?
    /// Crosswalk to the control grid (evaluation protocols only).
    public var mapsTo: [Mapping]
    /// Ids this criterion replaces in the previous version (a rename, for `protocol diff`).
    public var replaces: [String]
    public var status: ReviewStatus
    public var note: String?

    public init(id: String, title: String, guidance: String? = nil, scale: String, required: Bool = true, weight: Double = 1,
                imperative: Bool = false, references: [String] = [], documents: [String] = [], methods: [String] = [],
                when: String? = nil, mapsTo: [Mapping] = [], replaces: [String] = [], status: ReviewStatus = .confirme, note: String? = nil) {
        self.id = id
        self.title = title
        self.guidance = guidance
        self.scale = scale
        self.required = required
        self.weight = weight
        self.imperative = imperative
        self.references = references
        self.documents = documents
        self.methods = methods
        self.when = when.map(RelevanceCondition.init)
        self.mapsTo = mapsTo
        self.replaces = replaces
        self.status = status
        self.note = note
    }
}

/// How an evaluation criterion relates to a control item.
public enum MappingRelation: String, Codable, Sendable, CaseIterable {
    /// Both look at the same thing.
    case equal
    /// The evaluation criterion covers part of what the control item checks.
    case subset
    /// The evaluation criterion covers the control item and more.
    case superset
    /// They overlap partly.
    case intersects
}

/// A declared link from an evaluation criterion to a control item.
public struct Mapping: Codable, Equatable, Sendable, Hashable {
    public var control: String
    public var relation: MappingRelation
    public var note: String?

    public init(control: String, relation: MappingRelation, note: String? = nil) {
        self.control = control
        self.relation = relation
        self.note = note
    }
}
