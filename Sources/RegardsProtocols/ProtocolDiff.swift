import RegardsCore

/// What changed between two versions of one protocol, each change classed by its impact on visits already recorded.
public struct ProtocolDiff: Codable, Equatable, Sendable {
    public enum Impact: String, Codable, Sendable, Comparable, CaseIterable {
        /// Recorded answers keep their meaning.
        case safe
        /// Answers carry over, but scores or completeness must be recomputed.
        case migration
        /// Recorded answers or observations lose their meaning.
        case breaking

        public static func < (a: Impact, b: Impact) -> Bool {
            allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
        }
    }

    public enum ChangeKind: String, Codable, Sendable {
        case added, removed, renamed, changed
        /// One criterion became several (`old` the criterion, `new` the ones replacing it).
        case split
        /// Several criteria became one (`old` the ones replaced, `new` the criterion).
        case merged
    }

    public struct Change: Codable, Equatable, Sendable {
        /// `protocol`, `scale`, `section`, `criterion`, `method`, `document`, `journey` (its `exit`), `journey-step`, `context`.
        public var subject: String
        public var id: String
        public var kind: ChangeKind
        public var field: String?
        public var old: String?
        public var new: String?
        public var impact: Impact
    }

    public var old: String
    public var new: String
    public var oldHash: String
    public var newHash: String
    public var changes: [Change]
    public var warnings: [String]

    /// The highest impact of all changes (`safe` when nothing changed).
    public var impact: Impact

    public struct DifferentProtocols: Error, Sendable {
        public var old: String
        public var new: String
    }

    public init(old a: AuditProtocol, new b: AuditProtocol) throws(DifferentProtocols) {
        guard a.id == b.id else { throw DifferentProtocols(old: a.id, new: b.id) }
        old = a.reference
        new = b.reference
        oldHash = a.contentHash
        newHash = b.contentHash
        var builder = Builder()
        builder.compareHeader(a, b)
        builder.compareScales(a, b)
        builder.compareSections(a, b)
        builder.compareCriteria(a, b)
        builder.compareMethods(a, b)
        builder.compareDocuments(a, b)
        builder.compareJourney(a, b)
        builder.compareContext(a, b)
        changes = builder.changes
        impact = changes.map(\.impact).max() ?? .safe
        var warnings: [String] = []
        let worst = changes.map(\.impact).max() ?? .safe
        if worst == .breaking && b.version.major == a.version.major {
            warnings.append(Messages.breakingNeedsMajor(from: a.version.description, to: "\(a.version.major + 1).0.0"))
        }
        if oldHash != newHash && a.version == b.version {
            warnings.append(Messages.contentChangedSameVersion(b.version.description))
        }
        if b.version < a.version {
            warnings.append(Messages.newVersionIsLower(b.version.description, than: a.version.description))
        }
        self.warnings = warnings
    }

    private struct Builder {
        var changes: [Change] = []

        mutating func add(_ subject: String, _ id: String, _ kind: ChangeKind, _ impact: Impact, field: String? = nil, old: String? = nil, new: String? = nil) {
            changes.append(Change(subject: subject, id: id, kind: kind, field: field, old: old, new: new, impact: impact))
        }

        mutating func field<T: Equatable>(_ subject: String, _ id: String, _ name: String, _ a: T, _ b: T, _ impact: Impact, show: (T) -> String) {
            if a != b { add(subject, id, .changed, impact, field: name, old: show(a), new: show(b)) }
        }

        static func text(_ s: String?) -> String { s ?? "—" }
        static func list(_ s: [String]) -> String { s.isEmpty ? "—" : s.joined(separator: ", ") }
        static func number(_ d: Double) -> String { d == d.rounded() ? String(Int(d)) : String(d) }

        mutating func compareHeader(_ a: AuditProtocol, _ b: AuditProtocol) {
            field("protocol", a.id, "kind", a.kind.rawValue, b.kind.rawValue, .breaking) { $0 }
            field("protocol", a.id, "title", a.title, b.title, .safe) { $0 }
            field("protocol", a.id, "compares_with", a.comparesWith?.description, b.comparesWith?.description, .safe, show: Self.text)
            field("protocol", a.id, "workflow", a.workflow, b.workflow, .migration, show: Self.text)
            field("protocol", a.id, "status", a.status.rawValue, b.status.rawValue, .safe) { $0 }
        }

        mutating func compareScales(_ a: AuditProtocol, _ b: AuditProtocol) {
            for s in a.scales where b.scale(s.id) == nil { add("scale", s.id, .removed, .safe) }
            for s in b.scales where a.scale(s.id) == nil { add("scale", s.id, .added, .safe) }
            for s in a.scales {
                guard let t = b.scale(s.id) else { continue }
                compareScale(s, t, id: s.id)
            }
        }

        /// Level values, "non concerné" and "non évalué" are what recorded answers rely on.
        mutating func compareScale(_ s: Scale, _ t: Scale, id: String) {
            let removed = s.values.filter { t.level($0) == nil }, added = t.values.filter { s.level($0) == nil }
            if !removed.isEmpty { add("scale", id, .changed, .breaking, field: "levels", old: removed.map(String.init).joined(separator: ", ")) }
            if !added.isEmpty { add("scale", id, .changed, .migration, field: "levels", new: added.map(String.init).joined(separator: ", ")) }
            for level in s.levels {
                guard let other = t.level(level.value) else { continue }
                field("scale", id, "levels[\(level.value)].label", level.label, other.label, .safe) { $0 }
                field("scale", id, "levels[\(level.value)].colour", level.colour, other.colour, .safe, show: Self.text)
            }
            if s.notApplicable != t.notApplicable {
                add("scale", id, .changed, s.notApplicable ? .breaking : .safe, field: "not_applicable", old: String(s.notApplicable), new: String(t.notApplicable))
            }
            if s.notAssessed != t.notAssessed {
                add("scale", id, .changed, s.notAssessed ? .breaking : .safe, field: "not_assessed", old: String(s.notAssessed), new: String(t.notAssessed))
            }
        }

        mutating func compareSections(_ a: AuditProtocol, _ b: AuditProtocol) {
            for s in a.sections where !b.sections.contains(where: { $0.id == s.id }) { add("section", s.id, .removed, .safe) }
            for s in b.sections where !a.sections.contains(where: { $0.id == s.id }) { add("section", s.id, .added, .safe) }
            for s in a.sections {
                guard let t = b.sections.first(where: { $0.id == s.id }) else { continue }
                field("section", s.id, "title", s.title, t.title, .safe) { $0 }
            }
        }

        /// A criterion whose `replaces` names one vanished criterion renames it when it is the only
        /// one to do so, and its fields are compared with it; two or more criteria replacing the same
        /// one split it, one criterion replacing several merges them: recorded answers cannot follow.
        mutating func compareCriteria(_ a: AuditProtocol, _ b: AuditProtocol) {
            let oldIDs = Set(a.allCriteria.map(\.criterion.id)), newIDs = Set(b.allCriteria.map(\.criterion.id))
            var successors: [String: [String]] = [:]
            var predecessors: [String: [String]] = [:]
            for (_, c) in b.allCriteria where !oldIDs.contains(c.id) {
                for source in c.replaces where oldIDs.contains(source) && !newIDs.contains(source) {
                    successors[source, default: []].append(c.id)
                    predecessors[c.id, default: []].append(source)
                }
            }
            var renamedFrom: [String: String] = [:]
            for (source, targets) in successors where targets.count == 1 && predecessors[targets[0]]?.count == 1 {
                renamedFrom[targets[0]] = source
            }
            for (_, c) in a.allCriteria where !newIDs.contains(c.id) {
                guard let targets = successors[c.id] else {
                    add("criterion", c.id, .removed, .breaking)
                    continue
                }
                if targets.count > 1 { add("criterion", c.id, .split, .breaking, old: c.id, new: targets.joined(separator: ", ")) }
            }
            for (section, c) in b.allCriteria {
                if let source = renamedFrom[c.id] {
                    add("criterion", c.id, .renamed, .migration, field: "id", old: source, new: c.id)
                } else if let sources = predecessors[c.id], sources.count > 1 {
                    add("criterion", c.id, .merged, .breaking, old: sources.joined(separator: ", "), new: c.id)
                } else if !oldIDs.contains(c.id), predecessors[c.id] == nil {
                    add("criterion", c.id, .added, .safe, field: "section", new: section.id)
                }
            }
            for (section, c) in b.allCriteria {
                let sourceID = renamedFrom[c.id] ?? c.id
                guard let o = a.criterion(sourceID), let oldSection = a.section(containing: sourceID) else { continue }
                let id = c.id
                field("criterion", id, "section", oldSection.id, section.id, .safe) { $0 }
                field("criterion", id, "title", o.title, c.title, .safe) { $0 }
                field("criterion", id, "guidance", o.guidance, c.guidance, .safe, show: Self.text)
                if o.scale != c.scale {
                    var impact = Impact.safe
                    if let s = a.scale(o.scale), let t = b.scale(c.scale) {
                        if s.values.contains(where: { t.level($0) == nil }) || (s.notApplicable && !t.notApplicable) || (s.notAssessed && !t.notAssessed) {
                            impact = .breaking
                        } else if t.values != s.values {
                            impact = .migration
                        }
                    }
                    add("criterion", id, .changed, impact, field: "scale", old: o.scale, new: c.scale)
                }
                field("criterion", id, "weight", o.weight, c.weight, .migration, show: Self.number)
                if o.required != c.required {
                    add("criterion", id, .changed, c.required ? .migration : .safe, field: "required", old: String(o.required), new: String(c.required))
                }
                field("criterion", id, "imperative", o.imperative, c.imperative, .migration) { String($0) }
                field("criterion", id, "when", o.when?.text, c.when?.text, .migration, show: Self.text)
                field("criterion", id, "maps_to", o.mapsTo.map { "\($0.control) (\($0.relation.rawValue))" }, c.mapsTo.map { "\($0.control) (\($0.relation.rawValue))" }, .safe, show: Self.list)
                field("criterion", id, "references", o.references, c.references, .safe, show: Self.list)
                field("criterion", id, "documents", o.documents, c.documents, .safe, show: Self.list)
                field("criterion", id, "methods", o.methods, c.methods, .safe, show: Self.list)
                field("criterion", id, "basis", o.basis?.rawValue, c.basis?.rawValue, .safe, show: Self.text)
                field("criterion", id, "status", o.status.rawValue, c.status.rawValue, .safe) { $0 }
            }
        }

        mutating func compareMethods(_ a: AuditProtocol, _ b: AuditProtocol) {
            for m in a.methods {
                if let n = b.method(m.id) {
                    field("method", m.id, "title", m.title, n.title, .safe) { $0 }
                } else {
                    add("method", m.id, .removed, .breaking)
                }
            }
            for m in b.methods where a.method(m.id) == nil { add("method", m.id, .added, .safe) }
        }

        mutating func compareDocuments(_ a: AuditProtocol, _ b: AuditProtocol) {
            for d in a.documents {
                if let n = b.document(d.id) {
                    field("document", d.id, "title", d.title, n.title, .safe) { $0 }
                    field("document", d.id, "overlaps_with", d.overlapsWith, n.overlapsWith, .safe, show: Self.list)
                } else {
                    add("document", d.id, .removed, .safe)
                }
            }
            for d in b.documents where a.document(d.id) == nil { add("document", d.id, .added, .safe) }
        }

        mutating func compareJourney(_ a: AuditProtocol, _ b: AuditProtocol) {
            let old = a.journey?.steps ?? [], new = b.journey?.steps ?? []
            func deadline(_ s: JourneyStep) -> String {
                guard let d = s.deadline else { return "—" }
                return d.description + (s.repeatEvery.map { ", puis tous les \($0)" } ?? "")
            }
            if a.journey?.exit != b.journey?.exit {
                add("journey", "exit", .changed, .migration, old: Self.text(a.journey?.exit), new: Self.text(b.journey?.exit))
            }
            for s in old {
                if let n = new.first(where: { $0.id == s.id }) {
                    field("journey-step", s.id, "title", s.title, n.title, .safe) { $0 }
                    field("journey-step", s.id, "deadline", deadline(s), deadline(n), .migration) { $0 }
                    field("journey-step", s.id, "optional", s.optional, n.optional, .migration) { String($0) }
                    field("journey-step", s.id, "unless", s.unless ?? [], n.unless ?? [], .migration, show: Self.list)
                } else {
                    add("journey-step", s.id, .removed, .breaking)
                }
            }
            for s in new where !old.contains(where: { $0.id == s.id }) { add("journey-step", s.id, .added, .safe) }
        }

        mutating func compareContext(_ a: AuditProtocol, _ b: AuditProtocol) {
            for v in a.context {
                if let n = b.context.first(where: { $0.id == v.id }) {
                    field("context", v.id, "type", v.type.rawValue, n.type.rawValue, .migration) { $0 }
                    let removed = v.values.filter { !n.values.contains($0) }
                    if !removed.isEmpty { add("context", v.id, .changed, .migration, field: "values", old: removed.joined(separator: ", ")) }
                    let added = n.values.filter { !v.values.contains($0) }
                    if !added.isEmpty { add("context", v.id, .changed, .safe, field: "values", new: added.joined(separator: ", ")) }
                } else {
                    add("context", v.id, .removed, .migration)
                }
            }
            for v in b.context where !a.context.contains(where: { $0.id == v.id }) { add("context", v.id, .added, .safe) }
        }
    }
}
