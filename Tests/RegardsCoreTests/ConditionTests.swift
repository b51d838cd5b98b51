import RegardsTestSupport
import Testing
@testable import RegardsCore

@Suite(.messages(.en)) struct ConditionTests {
    static let context: [String: Condition.Value] = ["public": .text("jeunes"), "diffus": .boolean(false), "places": .number(40)]

    @Test(arguments: [
        ("public == 'jeunes'", true),
        ("public != \"jeunes\"", false),
        ("public in ['familles', jeunes]", true),
        ("not diffus", true),
        ("diffus or places >= 40", true),
        ("diffus and places > 10", false),
        ("(public == familles or places < 50) and not diffus", true),
        ("places <= 39", false),
    ])
    func evaluates(text: String, expected: Bool) throws {
        #expect(try Condition.parse(text).evaluate(Self.context) == expected)
    }

    @Test func unknownVariableIsUndecided() throws {
        #expect(try Condition.parse("inconnu == 'x'").evaluate(Self.context) == nil)
        #expect(try Condition.parse("inconnu == 'x' or not diffus").evaluate(Self.context) == true)
        #expect(try Condition.parse("inconnu == 'x' and diffus").evaluate(Self.context) == false)
    }

    @Test(arguments: [
        ("", "empty condition", 0),
        ("public ==", "expected a value but found end of condition", 9),
        ("public == 'x", "unterminated quoted value", 10),
        ("(public == x", "expected `)` but found end of condition", 12),
        ("public = x", "unknown operator `=`", 7),
        ("public in x", "expected `[` after `in` but found `x`", 10),
        ("== x", "expected a variable name but found `==`", 0),
        ("a == b c", "unexpected `c`", 7),
        ("a == b $", "unexpected character `$`", 7),
    ])
    func syntaxErrors(text: String, message: String, offset: Int) {
        #expect(throws: Condition.SyntaxError(message: message, offset: offset)) { try Condition.parse(text) }
    }

    @Test func variablesCarryOffsets() throws {
        let c = try Condition.parse("public == 'x' and not diffus")
        #expect(c.variables.map(\.name) == ["public", "diffus"])
        #expect(c.variables.map(\.offset) == [0, 22])
    }
}
