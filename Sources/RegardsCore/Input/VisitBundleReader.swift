import Foundation

/// Reads and checks a visit bundle: JSON, format, schema version, and that every protocol snapshot
/// still has the hash it claims (`contentHash` reads a snapshot's text as a protocol; the core does
/// not parse YAML).
public enum VisitBundleReader {
    public static func read(_ data: Data, path: String, contentHash: (ProtocolSnapshot) -> String?) -> Result<VisitBundle, RegardsError> {
        struct Header: Decodable { var format: String?; var schemaVersion: Int? }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let header = try? decoder.decode(Header.self, from: data) else {
            return .failure(.badData(Messages.bundleNotJSON(path)))
        }
        guard header.format == VisitBundle.format else { return .failure(.badData(Messages.bundleNotRegards(path))) }
        guard let version = header.schemaVersion, version <= VisitBundle.schemaVersion else {
            return .failure(.badData(Messages.bundleNewerSchema(path, header.schemaVersion.map(String.init) ?? "?", readsUpTo: VisitBundle.schemaVersion)))
        }
        let bundle: VisitBundle
        do {
            bundle = try decoder.decode(VisitBundle.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            return .failure(.badData(Messages.bundleMissingKey(path, keyPath(context.codingPath + [key]))))
        } catch let DecodingError.dataCorrupted(context) {
            return .failure(.badData(Messages.bundleCorrupt(path, context.debugDescription, at: keyPath(context.codingPath))))
        } catch let DecodingError.typeMismatch(_, context) {
            return .failure(.badData(Messages.bundleWrongType(path, at: keyPath(context.codingPath))))
        } catch {
            return .failure(.badData(Messages.bundleInvalid(path)))
        }
        for snapshot in bundle.snapshots where contentHash(snapshot) != snapshot.hash {
            return .failure(.badData(Messages.bundleSnapshotEdited(path, "\(snapshot.id)@\(snapshot.version)")))
        }
        if let i = bundle.scorings.firstIndex(where: { ($0.scorer ?? "").isEmpty }) {
            let key = "scorings[\(i)].scorer"
            return .failure(.badData(Messages.bundleMissingKey(path, key)))
        }
        if let i = bundle.answers.firstIndex(where: { $0.scorer != nil }) {
            return .failure(.badData(Messages.bundleScorerInAnswers(path, index: i)))
        }
        let hashes = Set(bundle.snapshots.map(\.hash))
        for pin in bundle.visit.pins where !hashes.contains(pin.hash) {
            return .failure(.badData(Messages.bundleSnapshotMissing(path, "\(pin)")))
        }
        return .success(bundle)
    }

    /// `answers[3].value`, in the bundle's own (snake_case) names.
    static func keyPath(_ path: [CodingKey]) -> String {
        var out = ""
        for key in path {
            if let i = key.intValue { out += "[\(i)]"; continue }
            let snake = key.stringValue.reduce(into: "") { s, c in s += c.isUppercase ? "_" + c.lowercased() : String(c) }
            out += out.isEmpty ? snake : "." + snake
        }
        return out
    }
}
