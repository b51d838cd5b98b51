/// A relevance condition (`when:`) over the visit context, e.g.
/// `public == 'jeunes' and not hebergement in ['diffus']`.
///
/// Grammar (keywords `and`, `or`, `not`, `in`, `true`, `false`):
///
///     expr    := and ('or' and)*
///     and     := unary ('and' unary)*
///     unary   := 'not' unary | '(' expr ')' | NAME [ OP literal | 'in' '[' literal (',' literal)* ']' ]
///     OP      := '==' | '!=' | '<' | '<=' | '>' | '>='
///     literal := 'text' | "text" | number | true | false | bare-word
public indirect enum Condition: Equatable, Sendable {
    case and(Condition, Condition)
    case or(Condition, Condition)
    case not(Condition)
    case compare(Variable, Operator, Literal)
    case membership(Variable, [Literal])
    /// A bare boolean variable.
    case truthy(Variable)

    public struct Variable: Equatable, Sendable {
        public var name: String
        /// 0-based offset of the name in the condition text, in Unicode scalars.
        public var offset: Int
    }

    public enum Operator: String, Sendable, CaseIterable {
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    public struct Literal: Equatable, Sendable {
        public enum Value: Equatable, Sendable {
            case text(String)
            case number(Double)
            case boolean(Bool)
        }
        public var value: Value
        public var offset: Int
    }

    /// A syntax error at a 0-based offset.
    public struct SyntaxError: Error, Equatable, Sendable {
        public var message: String
        public var offset: Int
    }

    /// A value of the visit context.
    public enum Value: Equatable, Sendable {
        case text(String)
        case number(Double)
        case boolean(Bool)
    }

    public static func parse(_ text: String) throws(SyntaxError) -> Condition {
        var parser = ConditionParser(text)
        return try parser.parseAll()
    }

    /// Every variable the condition reads.
    public var variables: [Variable] {
        switch self {
        case .and(let a, let b), .or(let a, let b): a.variables + b.variables
        case .not(let a): a.variables
        case .compare(let v, _, _), .membership(let v, _), .truthy(let v): [v]
        }
    }

    /// Evaluates against the context; nil when a variable it reads is not set.
    public func evaluate(_ context: [String: Value]) -> Bool? {
        switch self {
        case .and(let a, let b):
            let x = a.evaluate(context), y = b.evaluate(context)
            if x == false || y == false { return false }
            guard let x, let y else { return nil }
            return x && y
        case .or(let a, let b):
            let x = a.evaluate(context), y = b.evaluate(context)
            if x == true || y == true { return true }
            guard let x, let y else { return nil }
            return x || y
        case .not(let a):
            return a.evaluate(context).map { !$0 }
        case .truthy(let v):
            guard let value = context[v.name] else { return nil }
            if case .boolean(let b) = value { return b }
            return false
        case .membership(let v, let literals):
            guard let value = context[v.name] else { return nil }
            return literals.contains { Self.equal(value, $0.value) }
        case .compare(let v, let op, let literal):
            guard let value = context[v.name] else { return nil }
            switch op {
            case .equal: return Self.equal(value, literal.value)
            case .notEqual: return !Self.equal(value, literal.value)
            default:
                guard case .number(let x) = value, case .number(let y) = literal.value else { return false }
                switch op {
                case .less: return x < y
                case .lessOrEqual: return x <= y
                case .greater: return x > y
                default: return x >= y
                }
            }
        }
    }

    private static func equal(_ value: Value, _ literal: Literal.Value) -> Bool {
        switch (value, literal) {
        case let (.text(a), .text(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.boolean(a), .boolean(b)): a == b
        default: false
        }
    }
}

private struct ConditionParser {
    enum Token: Equatable {
        case name(String), text(String), number(Double), op(String), open, close, openBracket, closeBracket, comma, end
    }

    let scalars: [Unicode.Scalar]
    var position = 0
    var token: Token = .end
    var tokenOffset = 0

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
    }

    mutating func parseAll() throws(Condition.SyntaxError) -> Condition {
        try advance()
        if token == .end { throw .init(message: Messages.emptyCondition, offset: 0) }
        let result = try parseOr()
        if token != .end { throw .init(message: Messages.unexpectedToken(describe(token)), offset: tokenOffset) }
        return result
    }

    mutating func parseOr() throws(Condition.SyntaxError) -> Condition {
        var left = try parseAnd()
        while token == .name("or") {
            try advance()
            left = .or(left, try parseAnd())
        }
        return left
    }

    mutating func parseAnd() throws(Condition.SyntaxError) -> Condition {
        var left = try parseUnary()
        while token == .name("and") {
            try advance()
            left = .and(left, try parseUnary())
        }
        return left
    }

    mutating func parseUnary() throws(Condition.SyntaxError) -> Condition {
        switch token {
        case .name("not"):
            try advance()
            return .not(try parseUnary())
        case .open:
            try advance()
            let inner = try parseOr()
            guard token == .close else { throw .init(message: Messages.expectedInstead("`)`", found: describe(token)), offset: tokenOffset) }
            try advance()
            return inner
        case .name(let name) where !["and", "or", "in", "true", "false"].contains(name):
            let variable = Condition.Variable(name: name, offset: tokenOffset)
            try advance()
            if case .op(let symbol) = token, let op = Condition.Operator(rawValue: symbol) {
                try advance()
                return .compare(variable, op, try parseLiteral())
            }
            if token == .name("in") {
                try advance()
                guard token == .openBracket else { throw .init(message: Messages.expectedBracketAfterIn(found: describe(token)), offset: tokenOffset) }
                try advance()
                var literals = [try parseLiteral()]
                while token == .comma {
                    try advance()
                    literals.append(try parseLiteral())
                }
                guard token == .closeBracket else { throw .init(message: Messages.expectedInstead("`]`", found: describe(token)), offset: tokenOffset) }
                try advance()
                return .membership(variable, literals)
            }
            return .truthy(variable)
        default:
            throw .init(message: Messages.expectedVariableName(found: describe(token)), offset: tokenOffset)
        }
    }

    mutating func parseLiteral() throws(Condition.SyntaxError) -> Condition.Literal {
        let offset = tokenOffset
        let value: Condition.Literal.Value
        switch token {
        case .text(let s): value = .text(s)
        case .number(let n): value = .number(n)
        case .name("true"): value = .boolean(true)
        case .name("false"): value = .boolean(false)
        case .name(let s) where !["and", "or", "not", "in"].contains(s): value = .text(s)
        default: throw .init(message: Messages.expectedValue(found: describe(token)), offset: tokenOffset)
        }
        try advance()
        return .init(value: value, offset: offset)
    }

    func describe(_ token: Token) -> String {
        switch token {
        case .name(let s): "`\(s)`"
        case .text(let s): "'\(s)'"
        case .number(let n): "`\(n)`"
        case .op(let s): "`\(s)`"
        case .open: "`(`"
        case .close: "`)`"
        case .openBracket: "`[`"
        case .closeBracket: "`]`"
        case .comma: "`,`"
        case .end: Messages.endOfCondition
        }
    }

    static func isNameScalar(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "_" || c == "-" || c == "."
    }

    mutating func advance() throws(Condition.SyntaxError) {
        while position < scalars.count, scalars[position] == " " || scalars[position] == "\t" || scalars[position] == "\n" { position += 1 }
        tokenOffset = position
        guard position < scalars.count else { token = .end; return }
        let c = scalars[position]
        switch c {
        case "(": token = .open; position += 1
        case ")": token = .close; position += 1
        case "[": token = .openBracket; position += 1
        case "]": token = .closeBracket; position += 1
        case ",": token = .comma; position += 1
        case "'", "\"":
            var end = position + 1
            while end < scalars.count, scalars[end] != c { end += 1 }
            guard end < scalars.count else { throw .init(message: Messages.unterminatedQuote, offset: position) }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[(position + 1)..<end])
            token = .text(String(s))
            position = end + 1
        case "=", "!", "<", ">":
            var symbol = String(Character(c))
            if position + 1 < scalars.count, scalars[position + 1] == "=" { symbol += "=" }
            guard Condition.Operator(rawValue: symbol) != nil else { throw .init(message: Messages.unknownOperator(symbol), offset: position) }
            token = .op(symbol)
            position += symbol.unicodeScalars.count
        default:
            guard Self.isNameScalar(c) else { throw .init(message: Messages.unexpectedCharacter(Character(c)), offset: position) }
            var end = position
            while end < scalars.count, Self.isNameScalar(scalars[end]) { end += 1 }
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[position..<end])
            let word = String(s)
            if let first = word.unicodeScalars.first, ("0"..."9").contains(first) || first == "-", let n = Double(word) {
                token = .number(n)
            } else {
                token = .name(word)
            }
            position = end
        }
    }
}
