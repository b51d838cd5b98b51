import Foundation

/// What `--db` (or `REGARDS_DB`) names: a workspace file, or a PostgreSQL server given as a URL
/// (`postgres://…`, `postgresql://…`) or a libpq keyword string (`host=… dbname=…`).
public enum StoreAddress: Sendable, Equatable, CustomStringConvertible {
    case file(String)
    case server(ServerAddress)

    public init(_ text: String) {
        if let server = ServerAddress(text) { self = .server(server) } else { self = .file(text) }
    }

    /// A workspace file (not a server).
    public var isFile: Bool {
        if case .file = self { true } else { false }
    }

    /// As it may be printed: a server's password masked.
    public var description: String {
        switch self {
        case .file(let path): path
        case .server(let server): server.description
        }
    }
}

/// A PostgreSQL connection string, kept as given (libpq reads it, with every `PG*` variable,
/// `~/.pgpass` and service file), and shown only with its password masked.
public struct ServerAddress: Sendable, Equatable, CustomStringConvertible {
    /// The string handed to libpq; never printed.
    public let connectionString: String

    /// Nil when `text` is not a connection string (then it is a file path).
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            connectionString = trimmed
            return
        }
        // A keyword string: `keyword=value` pairs, the first keyword one libpq knows.
        guard let equals = trimmed.firstIndex(of: "="),
              Self.keywords.contains(trimmed[..<equals].trimmingCharacters(in: .whitespaces).lowercased())
        else { return nil }
        connectionString = trimmed
    }

    /// libpq's connection keywords (those a keyword string may start with).
    static let keywords: Set<String> = [
        "host", "hostaddr", "port", "dbname", "user", "password", "passfile", "service", "sslmode", "sslrootcert", "sslcert", "sslkey",
        "connect_timeout", "application_name", "options", "target_session_attrs", "sslcompression", "requiressl", "gssencmode",
    ]

    public var description: String { masked }

    /// The string with its password replaced by `***` (in the URL's user part, a `password=` query
    /// parameter or keyword).
    public var masked: String {
        var text = connectionString
        if text.lowercased().hasPrefix("postgres") {
            // postgres://user:secret@host/… → postgres://user:***@host/…
            if let scheme = text.range(of: "://") {
                let rest = text[scheme.upperBound...]
                let authorityEnd = rest.firstIndex(where: { "/?#".contains($0) }) ?? rest.endIndex
                if let at = rest[..<authorityEnd].lastIndex(of: "@"), let colon = rest[..<at].firstIndex(of: ":") {
                    text.replaceSubrange(rest.index(after: colon)..<at, with: "***")
                }
            }
            return Self.maskParameter(in: text, separators: "&#")
        }
        return Self.maskParameter(in: text, separators: " \t")
    }

    /// Replaces the value after `password=` (quoted or not) with `***`.
    static func maskParameter(in text: String, separators: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let found = rest.range(of: "password", options: .caseInsensitive) {
            out += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            let spaces = rest.prefix(while: { $0 == " " })
            guard rest.dropFirst(spaces.count).first == "=" else { continue }
            // The keyword itself, not a word ending in it.
            if let preceding = out.dropLast(8).last, !separators.contains(preceding), !"?&".contains(preceding) { continue }
            rest = rest.dropFirst(spaces.count + 1)
            out += String(spaces) + "="
            let valueSpaces = rest.prefix(while: { $0 == " " })
            rest = rest.dropFirst(valueSpaces.count)
            if rest.first == "'" {
                // A quoted value ends at the next unescaped quote.
                var index = rest.index(after: rest.startIndex)
                while index < rest.endIndex && rest[index] != "'" {
                    if rest[index] == "\\" { index = rest.index(index, offsetBy: 2, limitedBy: rest.endIndex) ?? rest.endIndex } else { index = rest.index(after: index) }
                }
                rest = index < rest.endIndex ? rest[rest.index(after: index)...] : rest[rest.endIndex...]
            } else {
                rest = rest.drop(while: { !separators.contains($0) })
            }
            out += "***"
        }
        return out + rest
    }
}
