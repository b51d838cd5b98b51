/// The kind of a grid: of a protocol file, and of the two grids of a visit (evaluation first,
/// the order every listing follows).
public enum ProtocolKind: String, Codable, Sendable, CaseIterable {
    /// A resident-centred evaluation grid (grille d'évaluation), scored on a quality scale.
    case evaluation
    /// A classic control grid (grille de contrôle): legal obligations and the evidence checked.
    case control
}

/// Whether a statement in a protocol has been checked against its source.
public enum ReviewStatus: String, Codable, Sendable, CaseIterable {
    case confirme
    /// Not confirmed: the reference or the fact still needs a legal check.
    case aVerifier = "a-verifier"
}

/// A reference to another protocol by id and major version, written `chrs-controle@1`.
public struct ProtocolReference: Hashable, Sendable, Codable, CustomStringConvertible {
    public var id: String
    public var major: Int

    public init(id: String, major: Int) {
        self.id = id
        self.major = major
    }

    /// Parses `id@MAJOR`.
    public init?(_ text: String) {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, Identifier.isSlug(String(parts[0])),
              !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }), let major = Int(parts[1])
        else { return nil }
        self.init(id: String(parts[0]), major: major)
    }

    public var description: String { "\(id)@\(major)" }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = ProtocolReference(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: Messages.notAProtocolReference(text)))
        }
        self = parsed
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// One protocol file: a control grid or an evaluation grid with everything it declares.
public struct AuditProtocol: Codable, Equatable, Sendable {
    public var id: String
    public var version: SemanticVersion
    public var kind: ProtocolKind
    public var title: String
    public var language: String
    public var description: String?
    public var status: ReviewStatus
    public var note: String?
    /// The control protocol an evaluation protocol's crosswalk points to.
    public var comparesWith: ProtocolReference?
    /// The workflow a visit with this protocol follows (id of a workflow file).
    public var workflow: String?
    public var context: [ContextVariable]
    public var scales: [Scale]
    public var defaultScale: String?
    public var methods: [ObservationMethod]
    public var documents: [EvidenceDocument]
    public var sections: [Section]
    public var journey: JourneyTemplate?

    public init(
        id: String, version: SemanticVersion, kind: ProtocolKind, title: String, language: String = "fr",
        description: String? = nil, status: ReviewStatus = .confirme, note: String? = nil,
        comparesWith: ProtocolReference? = nil, workflow: String? = nil, context: [ContextVariable] = [],
        scales: [Scale] = [], defaultScale: String? = nil, methods: [ObservationMethod] = [],
        documents: [EvidenceDocument] = [], sections: [Section] = [], journey: JourneyTemplate? = nil
    ) {
        self.id = id
        self.version = version
        self.kind = kind
        self.title = title
        self.language = language
        self.description = description
        self.status = status
        self.note = note
        self.comparesWith = comparesWith
        self.workflow = workflow
        self.context = context
        self.scales = scales
        self.defaultScale = defaultScale
        self.methods = methods
        self.documents = documents
        self.sections = sections
        self.journey = journey
    }

    /// `id@version`.
    public var reference: String { "\(id)@\(version)" }

    /// Every criterion in file order, with its section.
    public var allCriteria: [(section: Section, criterion: Criterion)] {
        sections.flatMap { section in section.criteria.map { (section, $0) } }
    }

    public func criterion(_ id: String) -> Criterion? {
        for section in sections {
            if let found = section.criteria.first(where: { $0.id == id }) { return found }
        }
        return nil
    }

    public func section(containing criterionID: String) -> Section? {
        sections.first { $0.criteria.contains { $0.id == criterionID } }
    }

    public func scale(_ id: String) -> Scale? { scales.first { $0.id == id } }
    public func document(_ id: String) -> EvidenceDocument? { documents.first { $0.id == id } }
    public func method(_ id: String) -> ObservationMethod? { methods.first { $0.id == id } }

    public var criteriaCount: Int { sections.reduce(0) { $0 + $1.criteria.count } }
}

/// Identifier rules shared by every file.
public enum Identifier {
    /// Lower-case slug: `qualite`, `chrs-controle`, `contrat-remis`.
    public static func isSlug(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first), !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }

    /// Upper-case code for sections and criteria: `AD`, `AD-03`, `CTL-DU-04`.
    public static func isCode(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("A"..."Z").contains(first), !text.hasSuffix("-"), !text.contains("--") else { return false }
        return text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }
    }
}
