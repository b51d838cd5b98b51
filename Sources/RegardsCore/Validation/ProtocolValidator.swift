/// Checks the rules of one protocol that need no other file: ids, references inside the file,
/// journey deadlines, relevance conditions, scales.
public struct ProtocolValidator: Sendable {
    public init() {}

    public func validate(_ p: AuditProtocol, sourceMap map: SourceMap) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if !Identifier.isSlug(p.id) {
            out.append(map.error("protocol id `\(p.id)` must be a lower-case slug (letters, digits, `-`)", at: "id"))
        }
        out += validateScales(p, map)
        out += validateContext(p, map)
        out += uniqueIDs(p.methods.map(\.id), what: "method", path: { "methods[\($0)].id" }, map)
        out += uniqueIDs(p.documents.map(\.id), what: "document", path: { "documents[\($0)].id" }, map)
        for (i, method) in p.methods.enumerated() where !Identifier.isSlug(method.id) {
            out.append(map.error("method id `\(method.id)` must be a lower-case slug", at: "methods[\(i)].id"))
        }
        let documentIDs = p.documents.map(\.id)
        for (i, document) in p.documents.enumerated() {
            if !Identifier.isSlug(document.id) {
                out.append(map.error("document id `\(document.id)` must be a lower-case slug", at: "documents[\(i)].id"))
            }
            for (j, other) in document.overlapsWith.enumerated() {
                let path = "documents[\(i)].overlaps_with[\(j)]"
                if other == document.id {
                    out.append(map.error("document `\(document.id)` cannot overlap with itself", at: path))
                } else if !documentIDs.contains(other) {
                    out.append(map.error("unknown document `\(other)` in `overlaps_with`", at: path, hint: Suggestion.hint(for: other, in: documentIDs)))
                }
            }
        }
        if let name = p.defaultScale, p.scale(name) == nil {
            out.append(map.error("unknown scale `\(name)`", at: "default_scale", hint: Suggestion.hint(for: name, in: p.scales.map(\.id))))
        }
        out += validateSections(p, map)
        if let journey = p.journey { out += validateJourney(journey, context: p.context, map) }
        switch p.kind {
        case .control:
            if p.comparesWith != nil {
                out.append(map.error("`compares_with` is only allowed in evaluation protocols", at: "compares_with"))
            }
            if p.journey != nil {
                out.append(map.error("`journey` is only allowed in evaluation protocols", at: "journey"))
            }
        case .evaluation:
            let mapped = p.allCriteria.contains { !$0.criterion.mapsTo.isEmpty }
            if mapped && p.comparesWith == nil {
                out.append(map.error("criteria declare `maps_to` but the protocol has no `compares_with`", at: "id"))
            }
        }
        return out
    }

    private func uniqueIDs(_ ids: [String], what: String, path: (Int) -> String, _ map: SourceMap) -> [Diagnostic] {
        var first: [String: Int] = [:]
        var out: [Diagnostic] = []
        for (i, id) in ids.enumerated() {
            if let earlier = first[id] {
                let line = map.location(of: path(earlier)).line
                out.append(map.error("duplicate \(what) id `\(id)` (first declared on line \(line))", at: path(i)))
            } else {
                first[id] = i
            }
        }
        return out
    }

    private func validateScales(_ p: AuditProtocol, _ map: SourceMap) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if p.scales.isEmpty, map.contains("scales"), !map.isInvalid("scales") {
            out.append(map.error("a protocol needs at least one scale", at: "scales"))
        }
        for scale in p.scales {
            let base = "scales.\(scale.id)"
            if !Identifier.isSlug(scale.id) {
                out.append(map.error("scale id `\(scale.id)` must be a lower-case slug", at: base))
            }
            if scale.levels.count < 2 {
                out.append(map.error("scale `\(scale.id)` needs at least two levels", at: "\(base).levels"))
            }
            var seenValues: [Int: Int] = [:]
            var seenLabels: [String: Int] = [:]
            func line(_ i: Int) -> Int { map.location(of: "\(base).levels[\(i)]").line }
            for (i, level) in scale.levels.enumerated() {
                let path = "\(base).levels[\(i)]"
                if let earlier = seenValues[level.value] {
                    out.append(map.error("duplicate level value \(level.value) in scale `\(scale.id)` (first declared on line \(line(earlier)))", at: "\(path).value"))
                } else {
                    seenValues[level.value] = i
                }
                let key = level.label.lowercased()
                if let earlier = seenLabels[key] {
                    out.append(map.error("duplicate level label `\(level.label)` in scale `\(scale.id)` (first declared on line \(line(earlier)))", at: "\(path).label"))
                } else {
                    seenLabels[key] = i
                }
                if let colour = level.colour, !Self.isColour(colour) {
                    out.append(map.error("colour `\(colour)` must be written `#RRGGBB`", at: "\(path).colour"))
                }
            }
        }
        return out
    }

    static func isColour(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        return s.count == 7 && s[0] == "#" && s.dropFirst().allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
    }

    private func validateContext(_ p: AuditProtocol, _ map: SourceMap) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for variable in p.context {
            let path = "context.\(variable.id)"
            if !Identifier.isSlug(variable.id) {
                out.append(map.error("context variable `\(variable.id)` must be a lower-case slug", at: path))
            }
            switch variable.type {
            case .choice where variable.values.isEmpty:
                out.append(map.error("choice variable `\(variable.id)` needs `values`", at: "\(path).type"))
            case .boolean, .number:
                if !variable.values.isEmpty {
                    out.append(map.error("`values` only applies to `choice` variables", at: "\(path).values"))
                }
            default: break
            }
            var seen = Set<String>()
            for (i, value) in variable.values.enumerated() where !seen.insert(value).inserted {
                out.append(map.error("duplicate value `\(value)` in context variable `\(variable.id)`", at: "\(path).values[\(i)]"))
            }
        }
        return out
    }

    private func validateSections(_ p: AuditProtocol, _ map: SourceMap) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if p.sections.isEmpty, map.contains("sections"), !map.isInvalid("sections") {
            out.append(map.error("a protocol needs at least one section", at: "sections"))
        }
        out += uniqueIDs(p.sections.map(\.id), what: "section", path: { "sections[\($0)].id" }, map)
        var criterionPaths: [String: String] = [:]
        let sectionIDs = Set(p.sections.map(\.id))
        let scaleIDs = p.scales.map(\.id), documentIDs = p.documents.map(\.id), methodIDs = p.methods.map(\.id)
        let declaresBasis = p.allCriteria.first { $0.criterion.basis != nil }?.criterion.id
        for (i, section) in p.sections.enumerated() {
            let sectionPath = "sections[\(i)]"
            if !Identifier.isCode(section.id) {
                out.append(map.error("section id `\(section.id)` must be an upper-case code (`AD`, `CTL-DU`)", at: "\(sectionPath).id"))
            }
            if section.criteria.isEmpty, !map.isInvalid("\(sectionPath).criteria") {
                out.append(map.warning("section `\(section.id)` has no criteria", at: sectionPath))
            }
            for (j, criterion) in section.criteria.enumerated() {
                let path = "\(sectionPath).criteria[\(j)]"
                if !Identifier.isCode(criterion.id) {
                    out.append(map.error("criterion id `\(criterion.id)` must be an upper-case code (`AD-03`)", at: "\(path).id"))
                }
                if let earlier = criterionPaths[criterion.id] {
                    let line = map.location(of: earlier).line
                    out.append(map.error("duplicate criterion id `\(criterion.id)` (first declared on line \(line))", at: "\(path).id"))
                } else {
                    criterionPaths[criterion.id] = "\(path).id"
                }
                if sectionIDs.contains(criterion.id) {
                    out.append(map.error("criterion id `\(criterion.id)` is also a section id", at: "\(path).id"))
                }
                // A criterion without `scale` takes `default_scale`, whose own error is reported once, at `default_scale`.
                let inheritsUnknownDefault = !map.contains("\(path).scale") && criterion.scale == p.defaultScale
                if !criterion.scale.isEmpty, p.scale(criterion.scale) == nil, !inheritsUnknownDefault {
                    out.append(map.error("unknown scale `\(criterion.scale)`", at: "\(path).scale", hint: Suggestion.hint(for: criterion.scale, in: scaleIDs)))
                }
                if !(criterion.weight > 0) || !criterion.weight.isFinite {
                    out.append(map.error("weight must be a positive number", at: "\(path).weight"))
                }
                for (k, document) in criterion.documents.enumerated() where !documentIDs.contains(document) {
                    out.append(map.error("unknown document `\(document)`", at: "\(path).documents[\(k)]", hint: Suggestion.hint(for: document, in: documentIDs)))
                }
                for (k, method) in criterion.methods.enumerated() where !methodIDs.contains(method) {
                    out.append(map.error("unknown observation method `\(method)`", at: "\(path).methods[\(k)]", hint: Suggestion.hint(for: method, in: methodIDs)))
                }
                if let when = criterion.when {
                    out += validateCondition(when.parsed, context: p.context, path: "\(path).when", map)
                }
                if p.kind == .control, !criterion.mapsTo.isEmpty {
                    out.append(map.error("`maps_to` is only allowed in evaluation protocols", at: "\(path).maps_to"))
                }
                var targets = Set<String>()
                for (k, mapping) in criterion.mapsTo.enumerated() where !targets.insert(mapping.control).inserted {
                    out.append(map.error("control item `\(mapping.control)` is mapped twice", at: "\(path).maps_to[\(k)].control"))
                }
                out += validateBasis(criterion, kind: p.kind, declaredElsewhere: declaresBasis, path: path, map)
                if criterion.replaces.contains(criterion.id) {
                    out.append(map.error("criterion `\(criterion.id)` cannot replace itself", at: "\(path).replaces"))
                }
            }
        }
        return out
    }

    /// `basis` belongs to control items; once one item of a grid says it, every item does; an item
    /// resting on an enforceable text cites an article (an écart must name the rule it breaks).
    private func validateBasis(_ criterion: Criterion, kind: ProtocolKind, declaredElsewhere: String?, path: String, _ map: SourceMap) -> [Diagnostic] {
        switch (kind, criterion.basis) {
        case (.evaluation, .some):
            return [map.error("`basis` is only allowed in control protocols", at: "\(path).basis")]
        case (.control, .enforceable?) where !criterion.references.contains(where: LegalReference.citesArticle):
            let cited = criterion.references.isEmpty ? "no reference" : "no article (" + criterion.references.map { "`\($0)`" }.joined(separator: ", ") + ")"
            return [map.error("control item `\(criterion.id)` rests on an enforceable text but cites \(cited)", at: "\(path).basis",
                              hint: "cite the article (`CASF L311-4`, `Arrêté du 8 septembre 2003, art. 8`) or say `basis: good-practice`")]
        case (.control, nil):
            guard let other = declaredElsewhere else { return [] }
            return [map.error("control item `\(criterion.id)` does not say its `basis` (`\(other)` does)", at: "\(path).id",
                              hint: "add `basis: enforceable` or `basis: good-practice`")]
        default:
            return []
        }
    }

    private func validateCondition(_ parsed: Result<Condition, Condition.SyntaxError>, context: [ContextVariable], path: String, _ map: SourceMap) -> [Diagnostic] {
        func at(_ offset: Int) -> SourceLocation { map.location(of: path, offset: offset) }
        let condition: Condition
        switch parsed {
        case .success(let c): condition = c
        case .failure(let error): return [Diagnostic(.error, "invalid condition: \(error.message)", at: at(error.offset), keyPath: path)]
        }
        var out: [Diagnostic] = []
        func check(_ c: Condition) {
            switch c {
            case .and(let a, let b), .or(let a, let b): check(a); check(b)
            case .not(let a): check(a)
            case .truthy(let v):
                guard let variable = lookup(v) else { return }
                if variable.type != .boolean {
                    out.append(Diagnostic(.error, "`\(v.name)` is a \(variable.type.rawValue) variable; compare it with a value", at: at(v.offset), keyPath: path))
                }
            case .compare(let v, let op, let literal):
                guard let variable = lookup(v) else { return }
                checkLiteral(literal, variable)
                if variable.type != .number, ![.equal, .notEqual].contains(op) {
                    out.append(Diagnostic(.error, "operator `\(op.rawValue)` needs a number variable; `\(v.name)` is a \(variable.type.rawValue)", at: at(v.offset), keyPath: path))
                }
            case .membership(let v, let literals):
                guard let variable = lookup(v) else { return }
                literals.forEach { checkLiteral($0, variable) }
            }
        }
        func lookup(_ v: Condition.Variable) -> ContextVariable? {
            if let found = context.first(where: { $0.id == v.name }) { return found }
            out.append(Diagnostic(.error, "unknown context variable `\(v.name)`", at: at(v.offset), keyPath: path,
                                  hint: Suggestion.hint(for: v.name, in: context.map(\.id))))
            return nil
        }
        func checkLiteral(_ literal: Condition.Literal, _ variable: ContextVariable) {
            switch (variable.type, literal.value) {
            case (.choice, .text(let value)):
                if !variable.values.contains(value) {
                    out.append(Diagnostic(.error, "`\(value)` is not a value of `\(variable.id)`", at: at(literal.offset), keyPath: path,
                                          hint: Suggestion.hint(for: value, in: variable.values)))
                }
            case (.boolean, .boolean), (.number, .number): break
            default:
                out.append(Diagnostic(.error, "`\(variable.id)` is a \(variable.type.rawValue) variable; this value does not fit", at: at(literal.offset), keyPath: path))
            }
        }
        check(condition)
        return out
    }

    private func validateJourney(_ journey: JourneyTemplate, context: [ContextVariable], _ map: SourceMap) -> [Diagnostic] {
        var out = uniqueIDs(journey.steps.map(\.id), what: "journey step", path: { "journey.steps[\($0)].id" }, map)
        let ids = journey.steps.map(\.id)
        if let exit = journey.exit, !ids.contains(exit) {
            out.append(map.error("unknown journey step `\(exit)` in `exit`", at: "journey.exit", hint: Suggestion.hint(for: exit, in: ids)))
        }
        var after: [String: String] = [:]
        for (i, step) in journey.steps.enumerated() {
            let path = "journey.steps[\(i)]"
            if !Identifier.isSlug(step.id) {
                out.append(map.error("journey step id `\(step.id)` must be a lower-case slug", at: "\(path).id"))
            }
            if let deadline = step.deadline {
                let key = deadline.before != nil ? "before" : "after"
                let anchor = deadline.anchor
                if anchor == step.id {
                    out.append(map.error("step `\(step.id)` has a deadline counted from itself", at: "\(path).deadline.\(key)"))
                } else if !ids.contains(anchor) {
                    out.append(map.error("unknown journey step `\(anchor)`", at: "\(path).deadline.\(key)", hint: Suggestion.hint(for: anchor, in: ids)))
                } else if let exit = journey.exit, anchor == exit, deadline.after != nil {
                    out.append(map.error("step `\(step.id)` is due after `\(exit)`, the journey's exit: nothing is due once the person has left", at: "\(path).deadline.after",
                                         hint: "count it from a step before the exit, or use `before: \(exit)`"))
                } else if after[step.id] == nil {
                    after[step.id] = anchor
                }
                if let name = deadline.monthsFrom {
                    if let variable = context.first(where: { $0.id == name }) {
                        if variable.type != .number {
                            out.append(map.error("`months_from` needs a number variable; `\(name)` is a \(variable.type.rawValue)", at: "\(path).deadline.months_from"))
                        }
                    } else {
                        out.append(map.error("unknown context variable `\(name)`", at: "\(path).deadline.months_from", hint: Suggestion.hint(for: name, in: context.map(\.id))))
                    }
                }
            }
            for (k, other) in (step.unless ?? []).enumerated() {
                if other == step.id {
                    out.append(map.error("step `\(step.id)` cannot waive itself", at: "\(path).unless[\(k)]"))
                } else if !ids.contains(other) {
                    out.append(map.error("unknown journey step `\(other)` in `unless`", at: "\(path).unless[\(k)]", hint: Suggestion.hint(for: other, in: ids)))
                }
            }
            if step.repeatEvery != nil, step.deadline == nil {
                out.append(map.error("a repeated step needs a `deadline` for its first occurrence", at: "\(path).repeat_every"))
            }
        }
        // Each step has at most one predecessor, so a cycle is a loop in a functional graph.
        var reported = Set<String>()
        for (i, step) in journey.steps.enumerated() {
            var chain = [step.id]
            var current = step.id
            while let next = after[current] {
                if next == step.id {
                    let cycle = chain + [step.id]
                    if reported.isDisjoint(with: chain) {
                        out.append(map.error("deadline cycle: " + cycle.map { "`\($0)`" }.joined(separator: " → "),
                                             at: "journey.steps[\(i)].deadline.\(step.deadline?.before != nil ? "before" : "after")"))
                    }
                    reported.formUnion(chain)
                    break
                }
                if chain.contains(next) { break }
                chain.append(next)
                current = next
            }
        }
        return out
    }
}
