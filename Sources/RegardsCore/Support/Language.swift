#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The language of what Regards says to its user: help, errors, warnings, confirmations, prompts.
/// French unless `REGARDS_LANG`, or else the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is set,
/// starts with `en`. Documents (reports, workbooks, the tableau de suivi) are French in both: they
/// are the administration's. Read once per process; a test or a tool sets it for a task with
/// `Language.$current.withValue(.en) { … }`.
public enum Language: String, CaseIterable, Sendable {
    case fr
    case en

    @TaskLocal public static var current: Language = fromEnvironment { getenv($0).map { String(cString: $0) } }

    /// The language the environment asks for (`lookup` returns a variable's value, or nil).
    public static func fromEnvironment(_ lookup: (String) -> String?) -> Language {
        func value(_ name: String) -> String? {
            guard let text = lookup(name), !text.isEmpty else { return nil }
            return text
        }
        // REGARDS_LANG first; then the POSIX order: LC_ALL overrides LC_MESSAGES, which overrides LANG.
        guard let chosen = value("REGARDS_LANG") ?? value("LC_ALL") ?? value("LC_MESSAGES") ?? value("LANG") else { return .fr }
        return named(chosen)
    }

    /// The language named by a settings value (`fr`, `en_GB.UTF-8` …), French unless it starts with `en`.
    public static func named(_ value: String) -> Language {
        value.lowercased().hasPrefix("en") ? .en : .fr
    }
}

/// One message of a catalogue, French first: the text in the current language. Only the chosen
/// side is built. Every user-facing text is written through this, in a module's `Messages` folder.
@inlinable
public func tr(_ french: @autoclosure () -> French, _ english: @autoclosure () -> String) -> String {
    Language.current == .fr ? french().text : english()
}

/// French text as written in the catalogue, typeset as French typography wants it: the space
/// before `:` `;` `?` `!` and inside « guillemets » becomes a non-breaking one (U+00A0), which a
/// terminal shows as a space and which never leaves a colon alone at the start of a line. Only the
/// catalogue's own words are typeset: interpolated values (a path, a comment, an id) are kept as
/// they are.
public struct French: ExpressibleByStringInterpolation, Sendable {
    public var text: String

    public init(stringLiteral value: String) {
        text = French.typeset(value)
    }

    public init(stringInterpolation: StringInterpolation) {
        text = stringInterpolation.text
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var text = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) {
            text += French.typeset(literal)
        }

        public mutating func appendInterpolation(_ value: some CustomStringConvertible) {
            text += value.description
        }

        public mutating func appendInterpolation(_ value: String) {
            text += value
        }
    }

    /// The non-breaking space French puts before `:` `;` `?` `!`, after `«` and before `»`.
    public static let space: Character = "\u{00A0}"

    /// Ordinary spaces before `:` `;` `?` `!` `»` and after `«` made non-breaking.
    public static func typeset(_ literal: String) -> String {
        guard literal.contains(where: { $0 == ":" || $0 == ";" || $0 == "?" || $0 == "!" || $0 == "«" || $0 == "»" }) else { return literal }
        var result = ""
        result.reserveCapacity(literal.utf8.count)
        var characters = Array(literal)
        for i in characters.indices {
            let c = characters[i]
            if c == " " {
                let next = i + 1 < characters.count ? characters[i + 1] : nil
                let previous = i > 0 ? characters[i - 1] : nil
                if let next, ":;?!»".contains(next) { characters[i] = space }
                else if previous == "«" { characters[i] = space }
            }
            result.append(characters[i])
        }
        return result
    }
}
