import Foundation
import ZIPFoundation

/// The parts of an .xlsx (a zip of XML files), for tests that look inside workbooks.
public enum WorkbookParts {
    /// The text of every part, by path inside the archive.
    public static func read(_ path: String) throws -> [String: String] {
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        var out: [String: String] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            out[entry.path] = String(decoding: data, as: UTF8.self)
        }
        return out
    }
}
