/// Checks the rules of one protocol that need no other file: ids, references inside the file,
/// journey deadlines, relevance conditions, scales.
public struct ProtocolValidator: Sendable {
    public init() {}

    public func validate(_ p: AuditProtocol, sourceMap map: SourceMap) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if !Identifier.isSlug(p.id) {
            out.append(map.error(Messages.protocolIDNotASlug(p.id), at: "id"))
        }
        out += validateScales(p, map)
        out += validateContext(p, map)
        out += uniqueIDs(p.methods.map(\.id), what: .method, path: { "methods[\($0)].id" }, map)
        out += uniqueIDs(p.documents.map(\.id), what: .document, path: { "documents[\($0)].id" }, map)
        for (i, method) in p.methods.enumerated() where !Identifier.isSlug(method.id) {
            out.append(map.error(Messages.notASlug(.method, method.id), at: "methods[\(i)].id"))
        }
        let documentIDs = p.documents.map(\.id)
        for (i, document) in p.documents.enumerated() {
            if !Identifier.isSlug(document.id) {
                out.append(map.error(Messages.notASlug(.document, document.id), at: "documents[\(i)].id"))
            }
            for (j, other) in document.overlapsWith.enumerated() {
                let path = "documents[\(i)].overlaps_with[\(j)]"
                if other == document.id {
                    out.append(map.error(Messages.documentOverlapsItself(document.id), at: path))
                } else if !documentIDs.contains(other) {
                    out.append(map.error(Messages.unknownDocumentInOverlaps(other), at: path, hint: Suggestion.hint(for: other, in: documentIDs)))
                }
            }
        }
        if let name = p.defaultScale, p.scale(name) == nil {
            out.append(map.error(Messages.unknownScale(name), at: "default_scale", hint: Suggestion.hint(for: name, in: p.scales.map(\.id))))
        }
        out += validateSections(p, map)
        if let journey = p.journey { out += validateJourney(journey, context: p.context, map) }
        switch p.kind {
        case .control:
            if p.comparesWith != nil {
                out.append(map.error(Messages.comparesWithOnlyInEvaluation, at: "compares_with"))
            }
            if p.journey != nil {
                out.append(map.error(Messages.journeyOnlyInEvaluation, at: "journey"))
            }
        case .evaluation:
            let mapped = p.allCriteria.contains { !$0.criterion.mapsTo.isEmpty }
            if mapped && p.comparesWith == nil {
                out.append(map.error(Messages.mapsToWithoutComparesWith, at: "id"))
            }
        }
        return out
    }

    private func uniqueIDs(_ ids: [String], what: Messages.IDKind, path: (Int) -> String, _ map: SourceMap) -> [Diagnostic] {
        var first: [String: Int] = [:]
        var out: [Diagnostic] = []
        for (i, id) in ids.enumerated() {
            if let earlier = first[id] {
                let line = map.location(of: path(earlier)).line
                out.append(map.error(Messages.duplicateID(what, id, line: line), at: path(i)))
            } else {
                first[id] = i
            }
        }
        return out
    }

    private func validateScales(_ p: AuditProtocol, _ map: SourceMap) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if p.scales.isEmpty, map.contains("scales"), !map.isInvalid("scales") {
            out.append(map.error(Messages.noScale, at: "scales"))
        }
        for scale in p.scales {
            let base = "scales.\(scale.id)"
            if !Identifier.isSlug(scale.id) {
                out.append(map.error(Messages.notASlug(.scale, scale.id), at: base))
            }
            if scale.levels.count < 2 {
                out.append(map.error(Messages.tooFewLevels(scale.id), at: "\(base).levels"))
            }
            var seenValues: [Int: Int] = [:]
            var seenLabels: [String: Int] = [:]
            func line(_ i: Int) -> Int { map.location(of: "\(base).levels[\(i)]").line }
            for (i, level) in scale.levels.enumerated() {
                let path = "\(base).levels[\(i)]"
                if let earlier = seenValues[level.value] {
                    out.append(map.error(Messages.duplicateLevelValue(level.value, scale: scale.id, line: line(earlier)), at: "\(path).value"))
                } else {
                    seenValues[level.value] = i
                }
                let key = level.label.lowercased()
                if let earlier = seenLabels[key] {
                    out.append(map.error(Messages.duplicateLevelLabel(level.label, scale: scale.id, line: line(earlier)), at: "\(path).label"))
                } else {
                    seenLabels[key] = i
                }
                if let colour = level.colour, !Self.isColour(colour) {
                    out.append(map.error(Messages.badColour(colour), at: "\(path).colour"))
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
                out.append(map.error(Messages.contextVariableNotASlug(variable.id), at: path))
            }
            switch variable.type {
            case .choice where variable.values.isEmpty:
                out.append(map.error(Messages.choiceWithoutValues(variable.id), at: "\(path).type"))
            case .boolean, .number:
                if !variable.values.isEmpty {
                    out.append(map.error(Messages.valuesOnlyForChoice, at: "\(path).values"))
                }
            default: break
            }
            var seen = Set<String>()
            for (i, value) in variable.values.enumerated() where !seen.insert(value).inserted {
                out.append(map.error(Messages.duplicateContextValue(value, variable: variable.id), at: "\(path).values[\(i)]"))
            }
        }
        return out
    }

    private func validateSections(_ p: AuditProtocol, _ map: SourceMap) -> [Diagnostic] {
        var out: [Diagnostic] = []
        if p.sections.isEmpty, map.contains("sections"), !map.isInvalid("sections") {
            out.append(map.error(Messages.noSection, at: "sections"))
        }
        out += uniqueIDs(p.sections.map(\.id), what: .section, path: { "sections[\($0)].id" }, map)
        var criterionPaths: [String: String] = [:]
        let sectionIDs = Set(p.sections.map(\.id))
        let scaleIDs = p.scales.map(\.id), documentIDs = p.documents.map(\.id), methodIDs = p.methods.map(\.id)
        let declaresBasis = p.allCriteria.first { $0.criterion.basis != nil }?.criterion.id
        for (i, section) in p.sections.enumerated() {
            let sectionPath = "sections[\(i)]"
            if !Identifier.isCode(section.id) {
                out.append(map.error(Messages.sectionIDNotACode(section.id), at: "\(sectionPath).id"))
            }
            if section.criteria.isEmpty, !map.isInvalid("\(sectionPath).criteria") {
                out.append(map.warning(Messages.sectionWithoutCriteria(section.id), at: sectionPath))
            }
            for (j, criterion) in section.criteria.enumerated() {
                let path = "\(sectionPath).criteria[\(j)]"
                if !Identifier.isCode(criterion.id) {
                    out.append(map.error(Messages.criterionIDNotACode(criterion.id), at: "\(path).id"))
                }
                if let earlier = criterionPaths[criterion.id] {
                    let line = map.location(of: earlier).line
                    out.append(map.error(Messages.duplicateID(.criterion, criterion.id, line: line), at: "\(path).id"))
                } else {
                    criterionPaths[criterion.id] = "\(path).id"
                }
                if sectionIDs.contains(criterion.id) {
                    out.append(map.error(Messages.criterionIDIsASection(criterion.id), at: "\(path).id"))
                }
                // A criterion without `scale` takes `default_scale`, whose own error is reported once, at `default_scale`.
                let inheritsUnknownDefault = !map.contains("\(path).scale") && criterion.scale == p.defaultScale
                if !criterion.scale.isEmpty, p.scale(criterion.scale) == nil, !inheritsUnknownDefault {
                    out.append(map.error(Messages.unknownScale(criterion.scale), at: "\(path).scale", hint: Suggestion.hint(for: criterion.scale, in: scaleIDs)))
                }
                if !(criterion.weight > 0) || !criterion.weight.isFinite {
                    out.append(map.error(Messages.weightNotPositive, at: "\(path).weight"))
                }
                for (k, document) in criterion.documents.enumerated() where !documentIDs.contains(document) {
                    out.append(map.error(Messages.unknownDocument(document), at: "\(path).documents[\(k)]", hint: Suggestion.hint(for: document, in: documentIDs)))
                }
                for (k, method) in criterion.methods.enumerated() where !methodIDs.contains(method) {
                    out.append(map.error(Messages.unknownMethod(method), at: "\(path).methods[\(k)]", hint: Suggestion.hint(for: method, in: methodIDs)))
                }
                if let when = criterion.when {
                    out += validateCondition(when.parsed, context: p.context, path: "\(path).when", map)
                }
                if p.kind == .control, !criterion.mapsTo.isEmpty {
                    out.append(map.error(Messages.mapsToOnlyInEvaluation, at: "\(path).maps_to"))
                }
                var targets = Set<String>()
                for (k, mapping) in criterion.mapsTo.enumerated() where !targets.insert(mapping.control).inserted {
                    out.append(map.error(Messages.controlItemMappedTwice(mapping.control), at: "\(path).maps_to[\(k)].control"))
                }
                out += validateBasis(criterion, kind: p.kind, declaredElsewhere: declaresBasis, path: path, map)
                if criterion.replaces.contains(criterion.id) {
                    out.append(map.error(Messages.criterionReplacesItself(criterion.id), at: "\(path).replaces"))
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
            return [map.error(Messages.basisOnlyInControl, at: "\(path).basis")]
        case (.control, .enforceable?) where !criterion.references.contains(where: LegalReference.citesArticle):
            let cited = criterion.references.map { "`\($0)`" }.joined(separator: ", ")
            return [map.error(Messages.enforceableWithoutArticle(criterion.id, references: cited), at: "\(path).basis", hint: Messages.citeTheArticle)]
        case (.control, nil):
            guard let other = declaredElsewhere else { return [] }
            return [map.error(Messages.basisNotSaid(criterion.id, saidBy: other), at: "\(path).id", hint: Messages.addTheBasis)]
        default:
            return []
        }
    }

    private func validateCondition(_ parsed: Result<Condition, Condition.SyntaxError>, context: [ContextVariable], path: String, _ map: SourceMap) -> [Diagnostic] {
        func at(_ offset: Int) -> SourceLocation { map.location(of: path, offset: offset) }
        let condition: Condition
        switch parsed {
        case .success(let c): condition = c
        case .failure(let error): return [Diagnostic(.error, Messages.invalidCondition(error.message), at: at(error.offset), keyPath: path)]
        }
        var out: [Diagnostic] = []
        func check(_ c: Condition) {
            switch c {
            case .and(let a, let b), .or(let a, let b): check(a); check(b)
            case .not(let a): check(a)
            case .truthy(let v):
                guard let variable = lookup(v) else { return }
                if variable.type != .boolean {
                    out.append(Diagnostic(.error, Messages.compareWithAValue(v.name, type: variable.type.rawValue), at: at(v.offset), keyPath: path))
                }
            case .compare(let v, let op, let literal):
                guard let variable = lookup(v) else { return }
                checkLiteral(literal, variable)
                if variable.type != .number, ![.equal, .notEqual].contains(op) {
                    out.append(Diagnostic(.error, Messages.operatorNeedsNumber(op.rawValue, variable: v.name, type: variable.type.rawValue), at: at(v.offset), keyPath: path))
                }
            case .membership(let v, let literals):
                guard let variable = lookup(v) else { return }
                literals.forEach { checkLiteral($0, variable) }
            }
        }
        func lookup(_ v: Condition.Variable) -> ContextVariable? {
            if let found = context.first(where: { $0.id == v.name }) { return found }
            out.append(Diagnostic(.error, Messages.unknownContextVariable(v.name), at: at(v.offset), keyPath: path,
                                  hint: Suggestion.hint(for: v.name, in: context.map(\.id))))
            return nil
        }
        func checkLiteral(_ literal: Condition.Literal, _ variable: ContextVariable) {
            switch (variable.type, literal.value) {
            case (.choice, .text(let value)):
                if !variable.values.contains(value) {
                    out.append(Diagnostic(.error, Messages.notAValueOf(value, variable: variable.id), at: at(literal.offset), keyPath: path,
                                          hint: Suggestion.hint(for: value, in: variable.values)))
                }
            case (.boolean, .boolean), (.number, .number): break
            default:
                out.append(Diagnostic(.error, Messages.valueDoesNotFit(variable.id, type: variable.type.rawValue), at: at(literal.offset), keyPath: path))
            }
        }
        check(condition)
        return out
    }

    private func validateJourney(_ journey: JourneyTemplate, context: [ContextVariable], _ map: SourceMap) -> [Diagnostic] {
        var out = uniqueIDs(journey.steps.map(\.id), what: .journeyStep, path: { "journey.steps[\($0)].id" }, map)
        let ids = journey.steps.map(\.id)
        if let exit = journey.exit, !ids.contains(exit) {
            out.append(map.error(Messages.unknownExitStep(exit), at: "journey.exit", hint: Suggestion.hint(for: exit, in: ids)))
        }
        var after: [String: String] = [:]
        for (i, step) in journey.steps.enumerated() {
            let path = "journey.steps[\(i)]"
            if !Identifier.isSlug(step.id) {
                out.append(map.error(Messages.notASlug(.journeyStep, step.id), at: "\(path).id"))
            }
            if let deadline = step.deadline {
                let key = deadline.before != nil ? "before" : "after"
                let anchor = deadline.anchor
                if anchor == step.id {
                    out.append(map.error(Messages.deadlineFromItself(step.id), at: "\(path).deadline.\(key)"))
                } else if !ids.contains(anchor) {
                    out.append(map.error(Messages.unknownJourneyStep(anchor), at: "\(path).deadline.\(key)", hint: Suggestion.hint(for: anchor, in: ids)))
                } else if let exit = journey.exit, anchor == exit, deadline.after != nil {
                    out.append(map.error(Messages.dueAfterExit(step.id, exit: exit), at: "\(path).deadline.after", hint: Messages.countBeforeExit(exit)))
                } else if after[step.id] == nil {
                    after[step.id] = anchor
                }
                if let name = deadline.monthsFrom {
                    if let variable = context.first(where: { $0.id == name }) {
                        if variable.type != .number {
                            out.append(map.error(Messages.monthsFromNeedsNumber(name, type: variable.type.rawValue), at: "\(path).deadline.months_from"))
                        }
                    } else {
                        out.append(map.error(Messages.unknownContextVariable(name), at: "\(path).deadline.months_from", hint: Suggestion.hint(for: name, in: context.map(\.id))))
                    }
                }
            }
            for (k, other) in (step.unless ?? []).enumerated() {
                if other == step.id {
                    out.append(map.error(Messages.stepWaivesItself(step.id), at: "\(path).unless[\(k)]"))
                } else if !ids.contains(other) {
                    out.append(map.error(Messages.unknownWaivingStep(other), at: "\(path).unless[\(k)]", hint: Suggestion.hint(for: other, in: ids)))
                }
            }
            if step.repeatEvery != nil, step.deadline == nil {
                out.append(map.error(Messages.repeatedStepWithoutDeadline, at: "\(path).repeat_every"))
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
                        let key = step.deadline?.before != nil ? "before" : "after"
                        out.append(map.error(Messages.deadlineCycle(cycle.map { "`\($0)`" }.joined(separator: " → ")), at: "journey.steps[\(i)].deadline.\(key)"))
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
