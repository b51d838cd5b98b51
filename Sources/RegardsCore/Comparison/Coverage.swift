/// Protocol-level comparison: how far the control grid covers the evaluation grid through the crosswalk.
public struct Coverage: Codable, Equatable, Sendable {
    public struct Item: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var section: String
    }

    public struct Theme: Codable, Equatable, Sendable {
        public var section: String
        public var title: String
        public var criteria: Int
        public var covered: Int
        /// Count of mapped criteria by their strongest relation (equal > superset > subset > intersects).
        public var byRelation: [String: Int]
        public var blindSpots: [String]

        /// Share of the theme's criteria with at least one mapping, 0…1; nil for an empty theme.
        public var rate: Double? { criteria == 0 ? nil : Double(covered) / Double(criteria) }
    }

    /// Evaluation theme × control theme: how many crosswalk links join them.
    public struct MatrixCell: Codable, Equatable, Sendable {
        public var evaluationSection: String
        public var controlSection: String
        public var links: Int
    }

    public struct DocumentGroup: Codable, Equatable, Sendable {
        public struct Member: Codable, Equatable, Sendable {
            public var id: String
            public var title: String
            public var references: [String]
            public var declaredIn: [String]
        }
        public var documents: [Member]
    }

    public struct SharedDocument: Codable, Equatable, Sendable {
        public var document: String
        public var title: String
        /// Criteria and control items citing it as evidence.
        public var items: [String]
    }

    public struct ScaleMismatch: Codable, Equatable, Sendable {
        public var criterion: String
        public var control: String
        public var reason: String
    }

    public var evaluation: String
    public var evaluationHash: String
    public var control: String
    public var controlHash: String
    public var criteria: Int
    public var covered: Int
    public var themes: [Theme]
    /// Evaluation criteria no control item looks at.
    public var blindSpots: [Item]
    /// Control items no evaluation criterion maps to.
    public var unmappedControlItems: [Item]
    public var matrix: [MatrixCell]
    /// Documents declared as overlapping (`overlaps_with`), grouped.
    public var overlappingDocuments: [DocumentGroup]
    /// Documents cited as evidence by both grids: asked for twice in one mission.
    public var sharedDocuments: [SharedDocument]
    public var scaleMismatches: [ScaleMismatch]

    /// Links from an evaluation theme to a control theme.
    public func links(from evaluationSection: String, to controlSection: String) -> Int {
        matrix.first { $0.evaluationSection == evaluationSection && $0.controlSection == controlSection }?.links ?? 0
    }

    /// Share of evaluation criteria with at least one mapping, 0…1.
    public var coverageRate: Double { criteria == 0 ? 0 : Double(covered) / Double(criteria) }

    static let relationStrength: [MappingRelation] = [.equal, .superset, .subset, .intersects]

    public init(evaluation e: AuditProtocol, control c: AuditProtocol) {
        evaluation = e.reference
        evaluationHash = e.contentHash
        control = c.reference
        controlHash = c.contentHash
        var themes: [Theme] = []
        var blind: [Item] = []
        var mappedControl = Set<String>()
        var cells: [String: Int] = [:]
        for section in e.sections {
            var theme = Theme(section: section.id, title: section.title, criteria: section.criteria.count, covered: 0, byRelation: [:], blindSpots: [])
            for criterion in section.criteria {
                let links = criterion.mapsTo.filter { c.criterion($0.control) != nil }
                if links.isEmpty {
                    theme.blindSpots.append(criterion.id)
                    blind.append(Item(id: criterion.id, title: criterion.title, section: section.id))
                    continue
                }
                theme.covered += 1
                let strongest = Self.relationStrength.first { r in links.contains { $0.relation == r } } ?? .intersects
                theme.byRelation[strongest.rawValue, default: 0] += 1
                for link in links {
                    mappedControl.insert(link.control)
                    if let controlSection = c.section(containing: link.control) {
                        cells["\(section.id)\u{0}\(controlSection.id)", default: 0] += 1
                    }
                }
            }
            themes.append(theme)
        }
        self.themes = themes
        criteria = themes.reduce(0) { $0 + $1.criteria }
        covered = themes.reduce(0) { $0 + $1.covered }
        blindSpots = blind
        unmappedControlItems = c.allCriteria.filter { !mappedControl.contains($0.criterion.id) }
            .map { Item(id: $0.criterion.id, title: $0.criterion.title, section: $0.section.id) }
        matrix = e.sections.flatMap { es in
            c.sections.map { cs in MatrixCell(evaluationSection: es.id, controlSection: cs.id, links: cells["\(es.id)\u{0}\(cs.id)"] ?? 0) }
        }
        overlappingDocuments = Self.overlapGroups([e, c])
        sharedDocuments = Self.sharedDocuments(e, c)
        scaleMismatches = Self.mismatches(e, c)
    }

    private static func overlapGroups(_ protocols: [AuditProtocol]) -> [DocumentGroup] {
        var members: [String: DocumentGroup.Member] = [:]
        var order: [String] = []
        var parent: [String: String] = [:]
        func find(_ x: String) -> String {
            var x = x
            while let p = parent[x], p != x { x = p }
            return x
        }
        func union(_ a: String, _ b: String) {
            let ra = find(a), rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        for p in protocols {
            for d in p.documents {
                if members[d.id] == nil {
                    members[d.id] = .init(id: d.id, title: d.title, references: d.references, declaredIn: [])
                    order.append(d.id)
                    parent[d.id] = d.id
                }
                if !members[d.id]!.declaredIn.contains(p.id) { members[d.id]!.declaredIn.append(p.id) }
            }
        }
        var linked = Set<String>()
        for p in protocols {
            for d in p.documents {
                for other in d.overlapsWith where members[other] != nil {
                    union(d.id, other)
                    linked.insert(d.id)
                    linked.insert(other)
                }
            }
        }
        var groups: [String: [String]] = [:]
        var roots: [String] = []
        for id in order where linked.contains(id) {
            let root = find(id)
            if groups[root] == nil { roots.append(root) }
            groups[root, default: []].append(id)
        }
        return roots.map { DocumentGroup(documents: groups[$0, default: []].compactMap { members[$0] }) }
    }

    private static func sharedDocuments(_ e: AuditProtocol, _ c: AuditProtocol) -> [SharedDocument] {
        func citations(_ p: AuditProtocol) -> [String: [String]] {
            var items: [String: [String]] = [:]
            for (_, criterion) in p.allCriteria {
                for d in criterion.documents where !(items[d]?.contains(criterion.id) ?? false) { items[d, default: []].append(criterion.id) }
            }
            return items
        }
        let fromEvaluation = citations(e), fromControl = citations(c)
        var seen = Set<String>()
        return (e.documents + c.documents).compactMap { d in
            guard seen.insert(d.id).inserted, let a = fromEvaluation[d.id], let b = fromControl[d.id] else { return nil }
            return SharedDocument(document: d.id, title: d.title, items: a + b)
        }
    }

    private static func mismatches(_ e: AuditProtocol, _ c: AuditProtocol) -> [ScaleMismatch] {
        var out: [ScaleMismatch] = []
        for (_, criterion) in e.allCriteria {
            guard let es = e.scale(criterion.scale) else { continue }
            for link in criterion.mapsTo {
                guard let item = c.criterion(link.control), let cs = c.scale(item.scale) else { continue }
                if es.notApplicable != cs.notApplicable {
                    let (yes, no) = es.notApplicable ? (criterion.id, item.id) : (item.id, criterion.id)
                    out.append(.init(criterion: criterion.id, control: item.id,
                                     reason: "`\(yes)` admet « non concerné », `\(no)` non"))
                }
                if es.notAssessed != cs.notAssessed, link.relation == .equal {
                    out.append(.init(criterion: criterion.id, control: item.id, reason: "« non évalué » n'existe que d'un côté"))
                }
                if criterion.imperative && !item.required {
                    out.append(.init(criterion: criterion.id, control: item.id, reason: "`\(criterion.id)` est impératif, `\(item.id)` est facultatif"))
                }
            }
        }
        return out
    }
}
