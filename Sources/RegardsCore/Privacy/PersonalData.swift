import Foundation

/// The kinds of personal data looked for in free text.
public enum PersonalDataKind: String, Codable, Sendable, CaseIterable {
    case email, phone, nir, iban, birthdate, address
    /// A word of the workspace's forbidden list (residents' real names …).
    case forbidden

    public var label: String {
        switch self {
        case .email: "adresse e-mail"
        case .phone: "numéro de téléphone"
        case .nir: "numéro de sécurité sociale (NIR)"
        case .iban: "IBAN"
        case .birthdate: "date de naissance"
        case .address: "adresse postale"
        case .forbidden: "mot interdit"
        }
    }
}

/// One piece of personal data found in a text.
public struct PersonalDataMatch: Equatable, Sendable {
    public var kind: PersonalDataKind
    /// Offset and length in Characters.
    public var offset: Int
    public var length: Int
    /// The surrounding text with the match masked (`… appelle au 0• •• •• •• •• …`).
    public var excerpt: String
}

/// Finds e-mail addresses, French phone numbers, NIR (with their key), IBANs (with their checksum),
/// dates of birth, postal addresses and forbidden words in French free text. Pure and deterministic.
public struct PersonalDataScanner: Sendable {
    /// Salted SHA-256 hashes of the forbidden words and phrases (see `hash(_:salt:)`).
    public var forbidden: Set<String>
    public var salt: String

    public init(forbidden: Set<String> = [], salt: String = "") {
        self.forbidden = forbidden
        self.salt = salt
    }

    /// The hash a forbidden word is kept as: case and accents do not matter, the word itself is never stored.
    public static func hash(_ word: String, salt: String) -> String {
        SHA256.hex(Array((salt + "\u{0}" + VisitGrids.fold(word)).utf8))
    }

    public func scan(_ text: String) -> [PersonalDataMatch] {
        var found: [(kind: PersonalDataKind, range: Range<String.Index>)] = []
        func add(_ kind: PersonalDataKind, _ range: Range<String.Index>) {
            if !found.contains(where: { $0.range.overlaps(range) }) { found.append((kind, range)) }
        }
        // Most specific first, so an IBAN is not also read as a phone number.
        func span(_ s: Substring) -> Range<String.Index> { s.startIndex..<s.endIndex }
        // Cheap tests first: most notes hold no '@', few digits and no birth word, and the patterns are costly.
        var digits = 0, longestRun = 0, run = 0, at = false
        for u in text.utf8 {
            if u >= 48 && u <= 57 {
                digits += 1
                run += 1
                longestRun = max(longestRun, run)
            } else {
                run = 0
                if u == 64 { at = true }
            }
        }
        if digits >= 9 {
            for m in text.matches(of: Self.iban) where Self.validIBAN(String(m.output.1)) { add(.iban, span(m.output.1)) }
            for m in text.matches(of: Self.nir) where Self.validNIR(String(m.output.1)) { add(.nir, span(m.output.1)) }
            for m in text.matches(of: Self.phone) { add(.phone, span(m.output.1)) }
        }
        if at { for m in text.matches(of: Self.email) { add(.email, m.range) } }
        if digits >= 2 {
            let lower = Array(text.lowercased().utf8)
            // A date of birth has at least four digits (« 3 mars 1998 »).
            if digits >= 4, Self.birthWords.contains(where: { Self.contains(lower, $0) }) {
                for m in text.matches(of: Self.birthdate) { add(.birthdate, span(m.output.1)) }
            }
            if Self.streetWords.contains(where: { Self.contains(lower, Array($0.utf8)) }) {
                for m in text.matches(of: Self.address) { add(.address, m.range) }
            }
        }
        if longestRun >= 5 {
            for m in text.matches(of: Self.postcode) where !Self.postcodeFalseFriends.contains(String(m.output.1).lowercased()) { add(.address, m.range) }
        }
        if !forbidden.isEmpty { forbiddenWords(text).forEach { add(.forbidden, $0) } }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }.map { kind, range in
            PersonalDataMatch(kind: kind, offset: text.distance(from: text.startIndex, to: range.lowerBound),
                              length: text.distance(from: range.lowerBound, to: range.upperBound), excerpt: Self.excerpt(text, range))
        }
    }

    // MARK: - Patterns

    nonisolated(unsafe) static let email = /[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}/
    /// 10 digits from 01–09, or +33 / 0033 with an optional (0), in groups of 2 separated by spaces, dots or dashes.
    nonisolated(unsafe) static let phone = /(?:^|[^\d+])((?:(?:\+|00)33[ .\-]?(?:\(0\)[ .\-]?)?[1-9]|0[1-9])(?:[ .\-]?\d{2}){4})(?!\d)/
    nonisolated(unsafe) static let nir = /(?:^|[^\dA-Za-z])([1-478] ?\d{2} ?\d{2} ?(?:\d{2}|2[ABab]) ?\d{3} ?\d{3} ?\d{2})(?!\d)/
    nonisolated(unsafe) static let iban = /(?:^|[^A-Za-z0-9])([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?)(?![A-Za-z0-9])/
    nonisolated(unsafe) static let birthdate = /(?i)(?:\bn[ée]e?(?:\s?\(e\))?\s+(?:le|en\s+date\s+du|en)|\bdate\s+de\s+naissance\s*:?|\bddn\s*:?)\s*(\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:er)?\s+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)\s+\d{4})/
    nonisolated(unsafe) static let address = /\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|impasse|all[ée]e|place|route|quai|cours|square)\s+(?:de\s+la\s+|de\s+l'|de\s+l’|du\s+|des\s+|de\s+|d'|d’|la\s+|le\s+|les\s+|l'|l’)?[A-ZÉÈÀÂÊÎÔÛÇ][\p{L}'’\-]+(?:\s+(?:de\s+|du\s+|des\s+|la\s+|le\s+)?[A-ZÉÈÀÂÊÎÔÛÇ][\p{L}'’\-]+)*(?:,?\s+(?:\d{5})\s+[A-ZÉÈÀÂÊÎÔÛÇ][\p{L}'’\-]+(?:[\s\-][A-ZÉÈÀÂÊÎÔÛÇ][\p{L}'’\-]+)*)?/
    nonisolated(unsafe) static let postcode = /\b(?:0[1-9]|[1-8]\d|9[0-5]|97)\d{3}\s+([A-ZÉÈÀÂÊÎÔÛÇ][\p{L}'’\-]+)(?:[\s\-][A-ZÉÈÀÂÊÎÔÛÇ][\p{L}'’\-]+)*/
    static let birthWords: [[UInt8]] = ["n\u{E9}", "ne ", "nee ", "naissance", "ddn"].map { Array($0.utf8) }

    /// Byte search, without Foundation.
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    static let streetWords = ["rue", "avenue", "av.", "boulevard", "bd", "chemin", "impasse", "allée", "allee", "place", "route", "quai", "cours", "square"]
    /// Capitalised words that follow a number without being a city (`15000 Euros`).
    static let postcodeFalseFriends: Set<String> = ["euros", "eur", "habitants", "personnes", "places", "heures", "jours"]

    // MARK: - Checks

    /// 13 digits and a key = 97 − (number mod 97); Corsica 2A / 2B count as 19 / 18.
    static func validNIR(_ text: String) -> Bool {
        var s = text.replacingOccurrences(of: " ", with: "").uppercased()
        guard s.count == 15 else { return false }
        s = s.replacingOccurrences(of: "2A", with: "19").replacingOccurrences(of: "2B", with: "18")
        guard s.allSatisfy(\.isNumber), let key = Int(s.suffix(2)) else { return false }
        var remainder = 0
        for c in s.prefix(13) { remainder = (remainder * 10 + (c.wholeNumberValue ?? 0)) % 97 }
        return key == 97 - remainder
    }

    /// ISO 13616: move the first four characters to the end, letters to numbers, mod 97 == 1.
    static func validIBAN(_ text: String) -> Bool {
        let s = text.replacingOccurrences(of: " ", with: "").uppercased()
        guard (15...34).contains(s.count) else { return false }
        var remainder = 0
        for c in s.dropFirst(4) + s.prefix(4) {
            if let d = c.wholeNumberValue {
                remainder = (remainder * 10 + d) % 97
            } else if let a = c.asciiValue, (65...90).contains(a) {
                remainder = (remainder * 100 + Int(a) - 55) % 97
            } else {
                return false
            }
        }
        return remainder == 1
    }

    /// Words and two- or three-word phrases whose hash is in the forbidden list.
    func forbiddenWords(_ text: String) -> [Range<String.Index>] {
        var words: [Range<String.Index>] = []
        var start: String.Index?
        var i = text.startIndex
        while i <= text.endIndex {
            let isWord = i < text.endIndex && (text[i].isLetter || text[i] == "-" || text[i] == "'" || text[i] == "’")
            if isWord, start == nil { start = i }
            if !isWord, let s = start {
                words.append(s..<i)
                start = nil
            }
            if i == text.endIndex { break }
            i = text.index(after: i)
        }
        var out: [Range<String.Index>] = []
        for (n, word) in words.enumerated() {
            for span in (1...3).reversed() where n + span <= words.count {
                let range = word.lowerBound..<words[n + span - 1].upperBound
                if forbidden.contains(Self.hash(String(text[range]), salt: salt)) {
                    out.append(range)
                    break
                }
            }
        }
        return out
    }

    /// Up to 24 characters each side, the match masked but for its first character.
    static func excerpt(_ text: String, _ range: Range<String.Index>) -> String {
        let from: String.Index = text.index(range.lowerBound, offsetBy: -24, limitedBy: text.startIndex) ?? text.startIndex
        let to: String.Index = text.index(range.upperBound, offsetBy: 24, limitedBy: text.endIndex) ?? text.endIndex
        var masked = ""
        for (i, c) in text[range].enumerated() {
            let keep = i == 0 || !(c.isLetter || c.isNumber)
            masked.append(keep ? c : "•")
        }
        let prefix = from == text.startIndex ? "" : "…"
        let suffix = to == text.endIndex ? "" : "…"
        let whole: String = prefix + String(text[from..<range.lowerBound]) + masked + String(text[range.upperBound..<to]) + suffix
        return whole.replacingOccurrences(of: "\n", with: " ")
    }
}
