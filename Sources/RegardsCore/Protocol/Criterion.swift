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
    /// What a control item rests on: an enforceable text or good practice (nil: not said, as in 1.0.0 files).
    public var basis: Basis?
    public var status: ReviewStatus
    public var note: String?

    public init(id: String, title: String, guidance: String? = nil, scale: String, required: Bool = true, weight: Double = 1,
                imperative: Bool = false, references: [String] = [], documents: [String] = [], methods: [String] = [],
                when: String? = nil, mapsTo: [Mapping] = [], replaces: [String] = [], basis: Basis? = nil, status: ReviewStatus = .confirme,
                note: String? = nil) {
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
        self.basis = basis
        self.status = status
        self.note = note
    }
}

/// What a control item rests on. A non-conformity on an enforceable text is an écart (a breach,
/// which cites the article); on good practice, a remarque (judged against HAS/ANESM recommendations
/// or the establishment's own documents).
public enum Basis: String, Codable, Sendable, CaseIterable {
    /// A law, a decree or an arrêté: the item cites at least one article.
    case enforceable
    /// HAS/ANESM recommendations, the establishment's own project or documents.
    case goodPractice = "good-practice"
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

/// Reading the free-text references of a protocol (`CASF L311-4`, `Arrêté du 8 septembre 2003, art. 8`).
public enum LegalReference {
    /// Whether a reference names an article: a code article (`L311-4`, `R345-4`, `D311-0-4`, `D311`,
    /// `R*123-4`) or `art. 8` / `article 12` of a decree or an arrêté. `Décret 2022-688` (a whole
    /// decree), `Code du travail` or `HAS 3.14` do not.
    public static func citesArticle(_ text: String) -> Bool {
        let tokens = text.split(whereSeparator: { " ,;()\u{00A0}".contains($0) }).map(String.init)
        for (i, token) in tokens.enumerated() {
            if isCodeArticle(token) { return true }
            let lower = token.lowercased()
            if ["art.", "art", "article", "articles"].contains(lower), i + 1 < tokens.count,
               tokens[i + 1].first?.isNumber == true || isCodeArticle(tokens[i + 1]) {
                return true
            }
        }
        return false
    }

    /// `L311-4`, `R345-4`, `D311-0-4`, `D311`, `R*314-1`: a letter, at least three digits, and any `-number` parts.
    static func isCodeArticle(_ token: String) -> Bool {
        var s = Substring(token)
        guard let letter = s.first, "LRDA".contains(letter) else { return false }
        s = s.dropFirst()
        if s.first == "*" { s = s.dropFirst() }
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count >= 3 else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}
