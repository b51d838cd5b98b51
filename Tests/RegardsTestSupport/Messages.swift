import RegardsCore
import Testing

/// A trait that runs a suite or a test with Regards' messages in one language, whatever the
/// machine's locale: `@Suite(.messages(.en))` for the suites whose expectations are the English
/// texts, `.messages(.fr)` for the French ones.
public struct MessagesLanguage: SuiteTrait, TestTrait, TestScoping {
    public let language: Language

    public var isRecursive: Bool { true }

    public func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        try await Language.$current.withValue(language) { try await function() }
    }
}

extension Trait where Self == MessagesLanguage {
    /// Regards' messages in `language` for this suite or test.
    public static func messages(_ language: Language) -> MessagesLanguage { MessagesLanguage(language: language) }
}
