/// A criterion's relevance condition (`when:`): the text as written, parsed once when the protocol
/// is read. It is written and hashed as its text.
public struct RelevanceCondition: Codable, Equatable, Sendable, CustomStringConvertible {
    public let text: String
    /// The condition, or where its syntax is wrong (the validator reports it, located).
    public let parsed: Result<Condition, Condition.SyntaxError>

    public init(_ text: String) {
        self.text = text
        parsed = Result { () throws(Condition.SyntaxError) in try Condition.parse(text) }
    }

    public var description: String { text }

    /// Whether the criterion is asked of a visit with this context: a condition that cannot be
    /// evaluated (a variable not set, a syntax error the validator reports) keeps it.
    public func holds(in context: [String: Condition.Value]) -> Bool {
        guard case .success(let condition) = parsed else { return true }
        return condition.evaluate(context) ?? true
    }

    /// The variables the condition reads, sorted, without repeats.
    public var variables: [String] {
        guard case .success(let condition) = parsed else { return [] }
        return Set(condition.variables.map(\.name)).sorted()
    }

    public init(from decoder: Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(text)
    }
}

extension Criterion {
    /// Whether this criterion applies to a visit with this context (no condition: it always does).
    public func applies(in context: [String: Condition.Value]) -> Bool {
        when?.holds(in: context) ?? true
    }
}
