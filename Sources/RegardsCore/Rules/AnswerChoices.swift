import Foundation

/// One answer a criterion offers: a level of its scale, « non concerné » or « non évalué ».
public struct AnswerChoice: Equatable, Sendable {
    public var value: AnswerValue
    public var label: String
    /// What is typed to choose it: the level's value, `nc` or `nv`.
    public var code: String
}

extension Scale {
    /// The answers a criterion on this scale offers, in the order every list shows them (the prompt
    /// of `fill`, the refusal of a wrong answer, the drop-down list of a fill-in workbook): the levels
    /// as the protocol declares them, then « non concerné » — never on an imperative criterion — then
    /// « non évalué ».
    public func choices(imperative: Bool) -> [AnswerChoice] {
        var out = levels.map { AnswerChoice(value: .level($0.value), label: $0.label, code: String($0.value)) }
        if notApplicable && !imperative { out.append(AnswerChoice(value: .notApplicable, label: notApplicableLabel, code: "nc")) }
        if notAssessed { out.append(AnswerChoice(value: .notAssessed, label: notAssessedLabel, code: "nv")) }
        return out
    }
}

extension VisitGrids {
    /// Interprets what an inspector typed — a level's value, its label, `nc`/`na`, `nv` — for one
    /// criterion, and refuses what the criterion does not offer: a value outside its scale, an answer
    /// to a criterion that does not apply, « non concerné » on an imperative criterion.
    public func interpret(_ text: String, criterion id: String, grid kind: ProtocolKind? = nil, context: [String: Condition.Value])
        -> Result<(ProtocolKind, Criterion, AnswerValue), AnswerRefusal> {
        let located: (ProtocolKind, AuditProtocol, Criterion)
        switch locate(id, in: kind) {
        case .success(let l): located = l
        case .failure(let refusal): return .failure(refusal)
        }
        let (k, p, criterion) = located
        guard let scale = p.scale(criterion.scale) else { return .failure(.unknownCriterion(id, hint: nil)) }
        if let when = criterion.when, !when.holds(in: context) {
            let values = when.variables.map { name in "\(name) = \(context[name].map(Self.describe) ?? "?")" }
            return .failure(.irrelevant(id, condition: when.text, values: values.joined(separator: ", ")))
        }
        let typed = text.trimmedSpaces
        var value: AnswerValue?
        if let n = Int(typed) {
            value = scale.level(n).map { .level($0.value) }
        } else {
            let folded = Self.fold(typed)
            if let level = scale.levels.first(where: { Self.fold($0.label) == folded }) {
                value = .level(level.value)
            } else if ["nc", "na", "non concerne", "sans objet", Self.fold(scale.notApplicableLabel)].contains(folded) {
                value = .notApplicable
            } else if ["nv", "non evalue", "non verifie", Self.fold(scale.notAssessedLabel)].contains(folded) {
                value = .notAssessed
            }
        }
        let choices = scale.choices(imperative: criterion.imperative)
        guard let value else {
            return .failure(.outOfScale(text: typed, criterion: id, allowed: choices.map { "\($0.code) \($0.label)" }.joined(separator: ", ")))
        }
        guard choices.contains(where: { $0.value == value }) else {
            if value == .notApplicable && criterion.imperative { return .failure(.notApplicableOnImperative(id)) }
            return .failure(.notAllowed(label: value.label(in: scale), criterion: id, scale: scale.id))
        }
        return .success((k, criterion, value))
    }

    static func describe(_ v: Condition.Value) -> String {
        switch v {
        case .text(let s): s
        case .number(let n): String(n)
        case .boolean(let b): b ? "oui" : "non"
        }
    }

    /// Lower-case, without accents or repeated spaces: `Plutôt  satisfaisant` → `plutot satisfaisant`.
    public static func fold(_ text: String) -> String {
        let decomposed = text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars.filter { !(0x300...0x36F).contains($0.value) }
        var s = String(String.UnicodeScalarView(decomposed))
        s = s.replacingOccurrences(of: "’", with: "'")
        return s.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }
}

/// Why an answer is refused. Nothing is written when it is.
public enum AnswerRefusal: Error, Equatable, Sendable, CustomStringConvertible, RegardsErrorConvertible {
    case unknownCriterion(String, hint: String?)
    case ambiguous(String)
    case outOfScale(text: String, criterion: String, allowed: String)
    case notAllowed(label: String, criterion: String, scale: String)
    case notApplicableOnImperative(String)
    case irrelevant(String, condition: String, values: String)

    public var description: String {
        switch self {
        case let .unknownCriterion(id, hint): Messages.unknownCriterion(id, hint: hint)
        case let .ambiguous(id): Messages.criterionInBothGrids(id)
        case let .outOfScale(text, criterion, allowed): Messages.notAnAnswer(text, criterion: criterion, allowed: allowed)
        case let .notAllowed(label, criterion, scale): Messages.answerNotAllowed(label, criterion: criterion, scale: scale)
        case let .notApplicableOnImperative(id): Messages.notApplicableOnImperative(id)
        case let .irrelevant(id, condition, values): Messages.criterionIrrelevant(id, condition: condition, values: values)
        }
    }

    public var regardsError: RegardsError { .badData(description) }
}
