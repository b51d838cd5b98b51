/// A protocol or workflow with the locations of its values, as the cross-file checks need them.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var sourceMap: SourceMap
    /// The content hash, as the loader computes it: asked for only when two files share an id and a
    /// version (encoding a protocol to hash it costs more than reading it).
    public var contentHash: @Sendable () -> String

    public init(_ value: Value, _ sourceMap: SourceMap, contentHash: @escaping @Sendable () -> String) {
        self.value = value
        self.sourceMap = sourceMap
        self.contentHash = contentHash
    }
}

/// Checks what spans files: the crosswalk's control protocol and items, workflow references,
/// one `id@version` defined twice.
public struct CrossFileValidator: Sendable {
    public init() {}

    /// `grids` and `workflows` are in search order (the first of a duplicate wins).
    public func validate(grids: [Located<AuditProtocol>], workflows: [Located<Workflow>]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for grid in grids {
            let p = grid.value, map = grid.sourceMap
            if let reference = p.comparesWith {
                switch Self.control(for: reference, in: grids.map(\.value)) {
                case .success(let control):
                    for (i, section) in p.sections.enumerated() {
                        for (j, criterion) in section.criteria.enumerated() {
                            for (k, mapping) in criterion.mapsTo.enumerated() where control.criterion(mapping.control) == nil {
                                out.append(map.error(Messages.unknownControlItem(mapping.control, in: control.reference),
                                                     at: "sections[\(i)].criteria[\(j)].maps_to[\(k)].control",
                                                     hint: Suggestion.hint(for: mapping.control, in: control.allCriteria.map(\.criterion.id))))
                            }
                        }
                    }
                case .failure(let problem):
                    out.append(map.error(problem.message, at: "compares_with", hint: problem.hint))
                }
            }
            if let workflowID = p.workflow {
                if let workflow = workflows.first(where: { $0.value.id == workflowID }) {
                    let methods = p.methods.map(\.id)
                    for (i, transition) in workflow.value.transitions.enumerated() {
                        for (j, g) in transition.guards.enumerated() {
                            if case .minObservations(let method?, _) = g, !methods.contains(method) {
                                out.append(workflow.sourceMap.error(Messages.notAMethodOfProtocol(method, p.reference),
                                                                    at: "transitions[\(i)].guards[\(j)].min_observations.method",
                                                                    hint: Suggestion.hint(for: method, in: methods)))
                            }
                        }
                    }
                } else {
                    out.append(map.error(Messages.unknownWorkflow(workflowID), at: "workflow", hint: Suggestion.hint(for: workflowID, in: workflows.map(\.value.id))))
                }
            }
        }
        out += duplicates(grids.map { ($0.value.reference, $0.contentHash, $0.sourceMap) })
        out += duplicates(workflows.map { ($0.value.reference, $0.contentHash, $0.sourceMap) })
        return out
    }

    private func duplicates(_ entries: [(reference: String, hash: @Sendable () -> String, map: SourceMap)]) -> [Diagnostic] {
        var first: [String: (hash: @Sendable () -> String, file: String)] = [:]
        var out: [Diagnostic] = []
        for entry in entries {
            if let earlier = first[entry.reference] {
                if earlier.file != entry.map.file && earlier.hash() != entry.hash() {
                    out.append(entry.map.warning(Messages.definedTwice(entry.reference, alsoIn: earlier.file), at: "version"))
                }
            } else {
                first[entry.reference] = (entry.hash, entry.map.file)
            }
        }
        return out
    }

    public struct Problem: Error, Sendable {
        public var message: String
        public var hint: String?
    }

    /// The control protocol a `compares_with` reference names: the highest version with that id and major version.
    public static func control(for reference: ProtocolReference, in grids: [AuditProtocol]) -> Result<AuditProtocol, Problem> {
        let sameID = grids.filter { $0.id == reference.id }
        if sameID.isEmpty {
            return .failure(Problem(message: Messages.controlProtocolNotFound(reference.id),
                                    hint: Suggestion.hint(for: reference.id, in: grids.filter { $0.kind == .control }.map(\.id))))
        }
        guard let best = sameID.filter({ $0.version.major == reference.major }).max(by: { $0.version < $1.version }) else {
            let found = sameID.map(\.version.description).sorted().joined(separator: ", ")
            return .failure(Problem(message: Messages.controlVersionNotFound(reference.description, present: found)))
        }
        guard best.kind == .control else {
            return .failure(Problem(message: Messages.notAControlProtocol(best.reference, kind: best.kind)))
        }
        return .success(best)
    }
}
