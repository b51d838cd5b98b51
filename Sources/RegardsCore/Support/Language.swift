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

    /// `LABEL: TEXT` — a path or an option, then what is said about it —, with French's space
    /// before the colon.
    public static func labelled(_ label: String, _ text: String) -> String {
        current == .fr ? "\(label)\u{00A0}: \(text)" : "\(label): \(text)"
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

    /// Ordinary spaces before `:` `;` `?` `!` `»` and after `«` made non-breaking. Read as UTF-8
    /// bytes: it runs on every help text at every start.
    public static func typeset(_ literal: String) -> String {
        var literal = literal
        return literal.withUTF8 { bytes -> String? in
            let n = bytes.count
            var out: [UInt8] = []
            var i = 0
            while i < n {
                let b = bytes[i]
                if b == 0x20 {
                    let next: UInt8 = i + 1 < n ? bytes[i + 1] : 0
                    // `:` `;` `?` `!`, or `»` (C2 BB) next; `«` (C2 AB) before.
                    let beforeMark = next == 0x3A || next == 0x3B || next == 0x3F || next == 0x21 || (next == 0xC2 && i + 2 < n && bytes[i + 2] == 0xBB)
                    let afterOpening = i >= 2 && bytes[i - 2] == 0xC2 && bytes[i - 1] == 0xAB
                    if beforeMark || afterOpening {
                        if out.isEmpty { out.reserveCapacity(n + 8); out.append(contentsOf: bytes[..<i]) }
                        out.append(0xC2)
                        out.append(0xA0)
                        i += 1
                        continue
                    }
                }
                if !out.isEmpty { out.append(b) }
                i += 1
            }
            return out.isEmpty ? nil : String(decoding: out, as: UTF8.self)
        } ?? literal
    }
}
