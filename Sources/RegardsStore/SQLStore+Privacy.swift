import Foundation
import RegardsCore

extension SQLStore {
    /// The workspace's salt for forbidden words, made once (random, kept in the file).
    func salt() throws -> String {
        if let found = try readSalt() { return found }
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255) }
        try db.run(SQL.setSalt, [.text(bytes.map { String(format: "%02x", $0) }.joined())])
        // Another process may have set it first: the stored one is the salt.
        return try readSalt() ?? ""
    }

    private func readSalt() throws -> String? {
        try db.withStatement(SQL.salt) { s in try s.step() ? s.string(s.column("value")) : nil }
    }

    public func privacySettings(visit: String) throws -> PrivacySettings {
        var settings = PrivacySettings(salt: try salt())
        try db.withStatement(SQL.forbiddenWords) { words in
            while try words.step() { settings.forbidden.insert(words.string(words.column("hash"))) }
        }
        try db.withStatement(SQL.reviews) { reviews in
            try reviews.bind([.text(visit)])
            let (finding, decision) = (reviews.column("finding"), reviews.column("decision"))
            while try reviews.step() { settings.reviews[reviews.string(finding)] = PrivacyDecision(rawValue: reviews.string(decision)) }
        }
        return settings
    }

    public func forbid(_ words: [String], author: String, at: String) throws -> Int {
        let salt = try salt()
        return try db.transaction {
            var added = 0
            for word in words {
                try db.run(SQL.forbiddenWord.sql(orIgnore: true), [.text(PersonalDataScanner.hash(word, salt: salt)), .text(author), .text(at)])
                added += db.changes
            }
            return added
        }
    }

    public func recordReview(visit: String, finding: String, kind: PersonalDataKind, decision: PrivacyDecision, reason: String, author: String, at: String) throws {
        try db.run(SQL.recordReview, [.text(finding), .text(visit), .text(kind.rawValue), .text(decision.rawValue), .text(reason), .text(author), .text(at)])
    }

    public func redact(visit: String, text: String, replacement: String) throws -> Int {
        try db.prepareRedaction()
        let changed: Int = try db.transaction {
            var total = 0
            for target in SQL.freeText {
                let (old, new) = target.json ? (Rows.jsonEscaped(text), Rows.jsonEscaped(replacement)) : (text, replacement)
                try db.run(SQL.redact(target.table, target.column, db.dialect), [.text(old), .text(new), .text(visit)])
                total += db.changes
            }
            return total
        }
        try db.purgeRedacted(tables: Array(Set(SQL.freeText.map(\.table))).sorted())
        return changed
    }
}
