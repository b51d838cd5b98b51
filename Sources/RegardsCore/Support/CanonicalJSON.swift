import Foundation

/// Deterministic JSON: sorted keys, snake_case keys, no escaped slashes.
public enum CanonicalJSON {
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = false) -> Data {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(value)
        } catch {
            preconditionFailure("model values always encode: \(error)")
        }
    }

    public static func string<T: Encodable>(_ value: T, pretty: Bool = true) -> String {
        String(decoding: encode(value, pretty: pretty), as: UTF8.self)
    }
}

extension AuditProtocol {
    /// SHA-256 of the canonical JSON of the resolved model: stable across whitespace, comment and key-order edits.
    public var contentHash: String { SHA256.hex(CanonicalJSON.encode(self)) }
}

extension Workflow {
    public var contentHash: String { SHA256.hex(CanonicalJSON.encode(self)) }
}
