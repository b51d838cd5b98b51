import Foundation
import Testing
import ZIPFoundation
import RegardsTestSupport
@testable import RegardsCore
@testable import RegardsWorkbookReader

/// A fresh folder per test, removed by the caller.
func temporaryFolder() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("regards-reader-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

extension TinyPackage {
    /// Writes `parts` and reads them back.
    static func read(_ parts: [(String, String)], limits: WorkbookReader.Limits = .init()) throws -> Workbook {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("essai.xlsx")
        try write(parts, to: url)
        return try WorkbookReader(limits: limits).read(path: url.path)
    }
}
