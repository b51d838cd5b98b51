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
            return .failure(.badData("\(path): not a JSON visit bundle (truncated or damaged JSON)"))
        }
        guard header.format == VisitBundle.format else { return .failure(.badData("\(path): not a Regards visit bundle")) }
        guard let version = header.schemaVersion, version <= VisitBundle.schemaVersion else {
            return .failure(.badData("\(path): bundle schema \(header.schemaVersion.map(String.init) ?? "?") was written by a newer Regards (this one reads up to \(VisitBundle.schemaVersion))"))
        }
        let bundle: VisitBundle
        do {
            bundle = try decoder.decode(VisitBundle.self, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            return .failure(.badData("\(path): missing `\(keyPath(context.codingPath + [key]))`"))
        } catch let DecodingError.dataCorrupted(context) {
            return .failure(.badData("\(path): \(context.debugDescription) at `\(keyPath(context.codingPath))`"))
        } catch let DecodingError.typeMismatch(_, context) {
            return .failure(.badData("\(path): wrong type at `\(keyPath(context.codingPath))`"))
        } catch {
            return .failure(.badData("\(path): not a valid visit bundle"))
        }
        for snapshot in bundle.snapshots where contentHash(snapshot) != snapshot.hash {
            return .failure(.badData("\(path): the protocol snapshot `\(snapshot.id)@\(snapshot.version)` does not match its hash (edited after export?)"))
        }
        if let i = bundle.scorings.firstIndex(where: { ($0.scorer ?? "").isEmpty }) {
            return .failure(.badData("\(path): missing `scorings[\(i)].scorer`"))
        }
        if let i = bundle.answers.firstIndex(where: { $0.scorer != nil }) {
            return .failure(.badData("\(path): `answers[\(i)]` has a scorer: a scorer's answers belong in `scorings`"))
        }
        let hashes = Set(bundle.snapshots.map(\.hash))
        for pin in bundle.visit.pins where !hashes.contains(pin.hash) {
            return .failure(.badData("\(path): the snapshot of `\(pin)` is missing"))
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
