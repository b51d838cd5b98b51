import Foundation
import RegardsCore

/// What a protocol file holds.
public enum ProtocolFileContent: Sendable, Equatable {
    case grid(AuditProtocol)
    case workflow(Workflow)
}

/// One file read from disk: its model (when it could be built), where each value sits, and every problem found.
public struct LoadedFile: Sendable {
    public var file: String
    public var content: ProtocolFileContent? {
        didSet { hash = ContentHash(content) }
    }
    public var sourceMap: SourceMap
    public var diagnostics: [Diagnostic]
    private var hash: ContentHash

    public init(file: String, content: ProtocolFileContent?, sourceMap: SourceMap, diagnostics: [Diagnostic]) {
        self.file = file
        self.content = content
        self.sourceMap = sourceMap
        self.diagnostics = diagnostics
        hash = ContentHash(content)
    }

    /// SHA-256 of the canonical form, computed the first time it is asked for (validating a folder
    /// needs it only for files that share an id and a version), then kept.
    public var contentHash: String? { hash.value }

    public var grid: AuditProtocol? {
        if case .grid(let p) = content { return p }
        return nil
    }

    public var workflow: Workflow? {
        if case .workflow(let w) = content { return w }
        return nil
    }

    public var id: String? { grid?.id ?? workflow?.id }
    public var version: SemanticVersion? { grid?.version ?? workflow?.version }
    public var reference: String? { grid?.reference ?? workflow?.reference }
}

/// A file's content hash, computed once, when first asked for. Sendable: it is computed under its lock.
final class ContentHash: @unchecked Sendable {
    private let content: ProtocolFileContent?
    private let lock = NSLock()
    private var computed: String??

    init(_ content: ProtocolFileContent?) {
        self.content = content
    }

    var value: String? {
        lock.lock()
        defer { lock.unlock() }
        if let computed { return computed }
        let made: String? = switch content {
        case .grid(let p)?: p.contentHash
        case .workflow(let w)?: w.contentHash
        case nil: nil
        }
        computed = .some(made)
        return made
    }
}

/// Files already loaded by this process, by a key that changes when their content may have
/// (path, size and modification time; or a snapshot's content hash). Sendable: every access holds its lock.
final class LoadCache: @unchecked Sendable {
    static let shared = LoadCache()
    private let lock = NSLock()
    private var entries: [String: LoadedFile] = [:]

    func value(for key: String, _ make: () -> LoadedFile) -> LoadedFile {
        lock.lock()
        if let found = entries[key] {
            lock.unlock()
            return found
        }
        lock.unlock()
        let made = make()
        lock.lock()
        entries[key] = made
        lock.unlock()
        return made
    }
}

/// Turns the bytes of one YAML file into a protocol or a workflow, with diagnostics located at `file:line:col`.
public struct ProtocolLoader: Sendable {
    public init() {}

    /// Loads once per process for a given `key` (e.g. a snapshot's content hash): commands run
    /// one after the other in one process (`regards demo`) do not parse the same text again. The
    /// diagnostics are in the language of the moment, which is part of the key.
    public func load(bytes: [UInt8], file: String, cacheKey: String) -> LoadedFile {
        LoadCache.shared.value(for: "\(cacheKey)|\(file)|\(Language.current)") { load(bytes: bytes, file: file) }
    }

    static let protocolKeys = ["id", "version", "kind", "title", "language", "description", "status", "note", "compares_with",
                               "workflow", "context", "scales", "default_scale", "methods", "documents", "sections", "journey"]
    static let workflowKeys = ["id", "version", "kind", "title", "description", "initial", "states", "transitions"]

    /// Loads one file's bytes; `file` is the path printed in diagnostics.
    public func load(bytes: [UInt8], file: String) -> LoadedFile {
        let context = LoadContext(file: file)
        let root: YNode
        switch YAMLDocumentReader(file: file).read(bytes) {
        case .failure(let diagnostic):
            return LoadedFile(file: file, content: nil, sourceMap: context.sourceMap, diagnostics: [diagnostic])
        case .document(let node, let lines):
            root = node
            context.lines = lines
        }
        guard case .mapping(let pairs) = root.kind else {
            context.error(Messages.protocolFileMustBeMapping(found: root.typeName), root, path: "")
            return LoadedFile(file: file, content: nil, sourceMap: context.sourceMap, diagnostics: context.diagnostics)
        }
        let kindNode = pairs.first { $0.key.scalar == "kind" }?.value
        let kindText = kindNode?.scalar
        let isWorkflow = kindText == "workflow" || (kindText == nil && pairs.contains { ["states", "transitions", "initial"].contains($0.key.scalar ?? "") })
        let content: ProtocolFileContent?
        if isWorkflow {
            content = WorkflowReader(context: context).read(root).map(ProtocolFileContent.workflow)
        } else {
            content = GridReader(context: context).read(root).map(ProtocolFileContent.grid)
        }
        var diagnostics = context.diagnostics
        switch content {
        case .grid(let p)?: diagnostics += ProtocolValidator().validate(p, sourceMap: context.sourceMap)
        case .workflow(let w)?: diagnostics += WorkflowValidator().validate(w, sourceMap: context.sourceMap)
        case nil: break
        }
        return LoadedFile(file: file, content: content, sourceMap: context.sourceMap, diagnostics: diagnostics)
    }
}

/// Shared reading of `id`, `version` and `kind`.
struct HeaderReader {
    let context: LoadContext

    func version(_ r: MappingReader) -> SemanticVersion {
        let key = "version"
        guard let text = r.string(key) else { return SemanticVersion(0, 0, 0) }
        if let v = SemanticVersion(text) { return v }
        if let node = r.node(key) {
            context.error(Messages.notASemanticVersion(text), node, path: key)
        }
        return SemanticVersion(0, 0, 0)
    }

    func kind(_ r: MappingReader, expected: [String]) -> String? {
        let key = "kind"
        guard let text = r.string(key), let node = r.node(key) else { return nil }
        let all = ["control", "evaluation", "workflow"]
        if !all.contains(text) {
            context.error(Messages.unknownKind(text), node, path: key, hint: Suggestion.hint(for: text, in: all))
            return nil
        }
        return expected.contains(text) ? text : nil
    }
}

struct GridReader {
    let context: LoadContext

    func read(_ root: YNode) -> AuditProtocol? {
        guard let r = MappingReader(root, path: "", context: context, allowed: ProtocolLoader.protocolKeys,
                                    required: ["id", "version", "kind", "title", "scales", "sections"], what: Messages.theProtocol) else { return nil }
        let header = HeaderReader(context: context)
        let kind = header.kind(r, expected: ["control", "evaluation"]).flatMap(ProtocolKind.init(rawValue:)) ?? .evaluation
        var p = AuditProtocol(id: r.string("id") ?? "", version: header.version(r), kind: kind, title: r.string("title") ?? "")
        p.language = r.string("language") ?? "fr"
        p.description = r.string("description")
        p.status = r.choice("status", ReviewStatus.self) ?? .confirme
        p.note = r.string("note")
        let comparesWith = "compares_with"
        if let text = r.string(comparesWith), let node = r.node(comparesWith) {
            if let reference = ProtocolReference(text) {
                p.comparesWith = reference
            } else {
                context.error(Messages.comparesWithFormat(text), node, path: comparesWith)
            }
        }
        p.workflow = r.string("workflow")
        p.context = r.entries("context").compactMap { readVariable($0.id, $0.node, $0.path) }
        p.scales = r.entries("scales").compactMap { readScale($0.id, $0.node, $0.path) }
        p.defaultScale = r.string("default_scale")
        p.methods = r.list("methods").compactMap { readMethod($0.node, $0.path) }
        p.documents = r.list("documents").compactMap { readDocument($0.node, $0.path) }
        p.sections = r.list("sections").compactMap { readSection($0.node, $0.path, defaultScale: p.defaultScale) }
        if let node = r.node("journey") {
            p.journey = readJourney(node, "journey")
        }
        return p
    }

    func readVariable(_ id: String, _ node: YNode, _ path: String) -> ContextVariable? {
        guard let r = MappingReader(node, path: path, context: context, allowed: ["title", "type", "values"], required: ["title", "type"],
                                    what: Messages.contextVariable(id)) else { return nil }
        return ContextVariable(id: id, title: r.string("title") ?? "", type: r.choice("type", ContextVariable.ValueType.self) ?? .choice,
                               values: r.strings("values"))
    }

    func readScale(_ id: String, _ node: YNode, _ path: String) -> Scale? {
        guard let r = MappingReader(node, path: path, context: context,
                                    allowed: ["title", "levels", "not_applicable", "not_applicable_label", "not_assessed", "not_assessed_label"],
                                    required: ["levels"], what: Messages.scaleNamed(id)) else { return nil }
        var scale = Scale(id: id, title: r.string("title"), levels: [])
        scale.levels = r.list("levels").compactMap { item, itemPath in
            guard let l = MappingReader(item, path: itemPath, context: context, allowed: ["value", "label", "colour", "description"],
                                        required: ["value", "label"], what: Messages.aScaleLevel) else { return nil }
            return ScaleLevel(value: l.int("value") ?? 0, label: l.string("label") ?? "", colour: l.string("colour"), description: l.string("description"))
        }
        scale.notApplicable = r.bool("not_applicable") ?? false
        scale.notApplicableLabel = r.string("not_applicable_label") ?? "Non concerné"
        scale.notAssessed = r.bool("not_assessed") ?? false
        scale.notAssessedLabel = r.string("not_assessed_label") ?? "Non évalué"
        return scale
    }

    func readMethod(_ node: YNode, _ path: String) -> ObservationMethod? {
        guard let r = MappingReader(node, path: path, context: context, allowed: ["id", "title", "description"], required: ["id", "title"],
                                    what: Messages.anObservationMethod) else { return nil }
        return ObservationMethod(id: r.string("id") ?? "", title: r.string("title") ?? "", description: r.string("description"))
    }

    func readDocument(_ node: YNode, _ path: String) -> EvidenceDocument? {
        guard let r = MappingReader(node, path: path, context: context,
                                    allowed: ["id", "title", "purpose", "references", "overlaps_with", "status", "note"],
                                    required: ["id", "title"], what: Messages.aDocument) else { return nil }
        return EvidenceDocument(id: r.string("id") ?? "", title: r.string("title") ?? "", purpose: r.string("purpose"),
                                references: r.strings("references"), overlapsWith: r.strings("overlaps_with"),
                                status: r.choice("status", ReviewStatus.self) ?? .confirme, note: r.string("note"))
    }

    func readSection(_ node: YNode, _ path: String, defaultScale: String?) -> Section? {
        guard let r = MappingReader(node, path: path, context: context, allowed: ["id", "title", "description", "criteria"],
                                    required: ["id", "title", "criteria"], what: Messages.aSection) else { return nil }
        return Section(id: r.string("id") ?? "", title: r.string("title") ?? "", description: r.string("description"),
                       criteria: r.list("criteria").compactMap { readCriterion($0.node, $0.path, defaultScale: defaultScale) })
    }

    static let criterionKeys = ["id", "title", "guidance", "scale", "required", "weight", "imperative", "references", "documents",
                                "methods", "when", "maps_to", "replaces", "basis", "status", "note"]

    func readCriterion(_ node: YNode, _ path: String, defaultScale: String?) -> Criterion? {
        guard let r = MappingReader(node, path: path, context: context, allowed: Self.criterionKeys, required: ["id", "title"],
                                    what: Messages.aCriterion) else { return nil }
        var scale = r.string("scale")
        if scale == nil {
            if let defaultScale {
                scale = defaultScale
            } else {
                context.error(Messages.missingScale, node, path: path)
            }
        }
        let mappings: [Mapping] = r.list("maps_to").compactMap { item, itemPath in
            guard let m = MappingReader(item, path: itemPath, context: context, allowed: ["control", "relation", "note"],
                                        required: ["control", "relation"], what: Messages.aMapping) else { return nil }
            guard let control = m.string("control"), let relation = m.choice("relation", MappingRelation.self) else { return nil }
            return Mapping(control: control, relation: relation, note: m.string("note"))
        }
        return Criterion(id: r.string("id") ?? "", title: r.string("title") ?? "", guidance: r.string("guidance"), scale: scale ?? "",
                         required: r.bool("required") ?? true, weight: r.double("weight") ?? 1, imperative: r.bool("imperative") ?? false,
                         references: r.strings("references"), documents: r.strings("documents"), methods: r.strings("methods"),
                         when: r.locatedString("when"), mapsTo: mappings, replaces: r.strings("replaces"), basis: r.choice("basis", Basis.self),
                         status: r.choice("status", ReviewStatus.self) ?? .confirme, note: r.string("note"))
    }

    func readJourney(_ node: YNode, _ path: String) -> JourneyTemplate? {
        guard let r = MappingReader(node, path: path, context: context, allowed: ["steps", "exit"], required: ["steps"], what: Messages.theJourney) else { return nil }
        let steps: [JourneyStep] = r.list("steps").compactMap { item, itemPath in
            guard let s = MappingReader(item, path: itemPath, context: context,
                                        allowed: ["id", "title", "deadline", "repeat_every", "reference", "optional", "unless", "status", "note"],
                                        required: ["id", "title"], what: Messages.aJourneyStep) else { return nil }
            var step = JourneyStep(id: s.string("id") ?? "", title: s.string("title") ?? "", reference: s.string("reference"),
                                   optional: s.bool("optional") ?? false, unless: s.has("unless") ? s.strings("unless") : nil,
                                   status: s.choice("status", ReviewStatus.self) ?? .confirme, note: s.string("note"))
            if let d = s.node("deadline") {
                step.deadline = readDeadline(d, join(itemPath, "deadline"))
            }
            if let e = s.node("repeat_every"),
               let er = MappingReader(e, path: join(itemPath, "repeat_every"), context: context, allowed: ["days", "months"], what: "`repeat_every`") {
                step.repeatEvery = er.period(what: "`repeat_every`")
            }
            return step
        }
        return JourneyTemplate(steps: steps, exit: r.string("exit"))
    }

    /// `{after: admission, days: 15}`, `{before: fin-decision, months: 1}`, `{after: recours-dalo, months: 3, months_from: delai-dalo-mois}`.
    func readDeadline(_ node: YNode, _ path: String) -> Deadline? {
        guard let dr = MappingReader(node, path: path, context: context, allowed: ["after", "before", "days", "months", "months_from"],
                                     what: Messages.aDeadline) else { return nil }
        let after = dr.string("after"), before = dr.string("before")
        switch (dr.has("after"), dr.has("before")) {
        case (true, true):
            context.error(Messages.deadlineAfterOrBefore, node, path: path)
            return nil
        case (false, false):
            context.error(Messages.deadlineNeedsStep, node, path: path)
            return nil
        default: break
        }
        let monthsFrom = dr.string("months_from")
        let daysKey = "days"
        if monthsFrom != nil, dr.has(daysKey), let days = dr.node(daysKey) {
            context.error(Messages.monthsFromGivesMonths, days, path: join(path, daysKey))
            return nil
        }
        guard let period = dr.period(what: Messages.aDeadline) else { return nil }
        if let after { return Deadline(after: after, within: period, monthsFrom: monthsFrom) }
        if let before { return Deadline(before: before, within: period, monthsFrom: monthsFrom) }
        return nil
    }
}

struct WorkflowReader {
    let context: LoadContext

    func read(_ root: YNode) -> Workflow? {
        guard let r = MappingReader(root, path: "", context: context, allowed: ProtocolLoader.workflowKeys,
                                    required: ["id", "version", "kind", "title", "initial", "states", "transitions"], what: Messages.theWorkflow) else { return nil }
        let header = HeaderReader(context: context)
        let kindKey = "kind"
        if let text = r.string(kindKey), text != "workflow", let node = r.node(kindKey) {
            context.error(Messages.workflowKind(text), node, path: kindKey)
        }
        let states: [WorkflowState] = r.list("states").compactMap { item, path in
            guard let s = MappingReader(item, path: path, context: context, allowed: ["id", "title", "description", "final", "report", "answer_within"],
                                        required: ["id", "title"], what: Messages.aState) else { return nil }
            let report = s.choice("report", ReportMilestone.self)
            var answerWithin: Period?
            let withinKey = "answer_within", withinPath = join(path, withinKey)
            if let node = s.node(withinKey) {
                if report != .provisional { context.error(Messages.answerWithinPlace, node, path: withinPath) }
                if let p = MappingReader(node, path: withinPath, context: context, allowed: ["days", "months"], required: [], what: "`answer_within`") {
                    answerWithin = p.period(what: "`answer_within`")
                }
            }
            return WorkflowState(id: s.string("id") ?? "", title: s.string("title") ?? "", description: s.string("description"), final: s.bool("final") ?? false,
                                 report: report, answerWithin: answerWithin)
        }
        let transitions: [Transition] = r.list("transitions").compactMap { item, path in
            guard let t = MappingReader(item, path: path, context: context, allowed: ["from", "to", "title", "guards"],
                                        required: ["from", "to"], what: Messages.aTransition) else { return nil }
            let guards = t.list("guards").compactMap { readGuard($0.node, $0.path) }
            return Transition(from: t.string("from") ?? "", to: t.string("to") ?? "", title: t.string("title"), guards: guards)
        }
        return Workflow(id: r.string("id") ?? "", version: header.version(r), title: r.string("title") ?? "", description: r.string("description"),
                        initial: r.string("initial") ?? "", states: states, transitions: transitions)
    }

    /// `- journeys_checked`, `- grid_complete: evaluation`, `- min_observations: {method: entretien, count: 3}`.
    func readGuard(_ node: YNode, _ path: String) -> Guard? {
        let name: String
        let argument: YNode?
        switch node.kind {
        case .scalar where !node.isNull:
            name = node.scalar ?? ""
            argument = nil
        case .mapping(let pairs) where pairs.count == 1:
            guard let key = pairs[0].key.scalar else { fallthrough }
            name = key
            argument = pairs[0].value
        default:
            context.error(Messages.guardShape(found: node.typeName), node, path: path)
            return nil
        }
        let argPath = join(path, name)
        if let argument { context.record(argPath, argument) }
        func count(_ value: YNode?) -> Int? {
            guard let value, let s = value.scalar, !value.quoted, let n = Int(s) else {
                context.error(Messages.guardNeedsNumber(name), value ?? node, path: argPath)
                return nil
            }
            return n
        }
        func noArgument() -> Bool {
            if let argument, argument.scalar != "true" {
                context.error(Messages.guardTakesNoValue(name), argument, path: argPath)
                return false
            }
            return true
        }
        switch name {
        case "grid_complete":
            guard let argument, let text = argument.scalar, let grid = ProtocolKind(rawValue: text) else {
                context.error(Messages.gridCompleteNeedsGrid, argument ?? node, path: argPath,
                              hint: argument?.scalar.flatMap { Suggestion.hint(for: $0, in: ProtocolKind.allCases.map(\.rawValue)) })
                return nil
            }
            return .gridComplete(grid)
        case "min_observations":
            if let argument, case .mapping = argument.kind {
                guard let m = MappingReader(argument, path: argPath, context: context, allowed: ["method", "count"], required: ["count"],
                                            what: "`min_observations`") else { return nil }
                guard let n = m.int("count") else { return nil }
                return .minObservations(method: m.string("method"), count: n)
            }
            return count(argument).map { .minObservations(method: nil, count: $0) }
        case "min_journeys": return count(argument).map { .minJourneys($0) }
        case "min_actions": return count(argument).map { .minActions($0) }
        default:
            if let flag = Guard.flags.first(where: { $0.name == name }) { return noArgument() ? flag : nil }
            context.error(Messages.unknownGuard(name), node, path: path, hint: Suggestion.hint(for: name, in: Guard.vocabulary))
            return nil
        }
    }
}
