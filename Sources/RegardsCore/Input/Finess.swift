/// A FINESS number (Fichier national des établissements sanitaires et sociaux): 9 characters,
/// the département (2 characters, `2A`/`2B` in Corsica), then 7, the last of which is a Luhn check key.
public struct Finess: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public enum Verdict: Equatable, Sendable {
        case valid(Finess)
        /// Refused, with the reason.
        case invalid(String)
        /// Well-formed, but the key could not be checked (Corsican numbers): accept with a warning.
        case unverified(Finess, String)
    }

    private init(_ value: String) {
        self.value = value
    }

    public var description: String { value }

    /// Checks a number typed by an inspector (spaces are ignored).
    public static func check(_ input: String) -> Verdict {
        let text = input.filter { $0 != " " }.uppercased()
        if text.isEmpty { return .invalid(Messages.finessEmpty) }
        guard text.count == 9 else {
            return .invalid(Messages.finessLength(input, text.count))
        }
        let chars = Array(text)
        let corsica = chars[0] == "2" && (chars[1] == "A" || chars[1] == "B")
        let rest = corsica ? chars.dropFirst(2) : chars[...]
        guard rest.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            let bad = chars.enumerated().first { i, c in !(c.isASCII && c.isNumber) && !(corsica && i == 1) }
            return .invalid(Messages.finessNotADigit(input, bad.map { String($0.element) } ?? "?"))
        }
        if corsica {
            // How the key is computed for 2A/2B is not confirmed: try the common conventions, warn when none fits.
            let tail = String(chars.dropFirst(2))
            let conventions = chars[1] == "A" ? ["20", "21"] : ["20", "22"]
            if conventions.contains(where: { luhn($0 + tail) }) { return .valid(Finess(text)) }
            return .unverified(Finess(text), Messages.finessCorsicanKey)
        }
        guard luhn(text) else {
            let expected = (0...9).first { luhn(String(chars.dropLast()) + String($0)) }.map(String.init) ?? "?"
            return .invalid(Messages.finessWrongKey(input, expected: expected))
        }
        return .valid(Finess(text))
    }

    public static func luhn(_ digits: String) -> Bool {
        var sum = 0
        for (i, c) in digits.reversed().enumerated() {
            guard let d = c.wholeNumberValue else { return false }
            if i % 2 == 1 {
                let doubled = d * 2
                sum += doubled > 9 ? doubled - 9 : doubled
            } else {
                sum += d
            }
        }
        return sum % 10 == 0
    }
}
