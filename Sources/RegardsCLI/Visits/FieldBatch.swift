import Foundation
import RegardsCore

/// Observations, journey entries and actions read from CSV files (the columns of the single
/// commands' options), checked completely before one transaction writes them all.
enum FieldBatch {
    typealias Problem = FieldRecordBatch.Problem

    static func table(_ path: String) throws -> CSVTable {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw fail("\(path): is a folder, not a CSV file", code: Exit.usage)
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw fail("\(path): no such file", code: Exit.missingInput) }
        guard let text = data.withUnsafeBytes({ String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }) else {
            throw fail("\(path): not UTF-8 text; save the file as UTF-8 (CSV UTF-8 in a spreadsheet)", code: Exit.badData)
        }
        do {
            return try CSVTable.parse(text)
        } catch {
            throw fail("\(path):\(error.line): \(error.message)", code: Exit.badData)
        }
    }

    /// Reports every problem and refuses the file, or returns.
    static func refuse(_ path: String, _ problems: [Problem]) throws {
        guard !problems.isEmpty else { return }
        problems.prefix(100).forEach { Console.error("\(path):\($0.line): error: \($0.message)") }
        if problems.count > 100 { Console.error("\(path): … and \(problems.count - 100) more bad row(s)") }
        throw fail("\(path): \(problems.count) bad row(s); nothing was written", code: Exit.badData)
    }

    static func stamp(_ author: String) -> FieldRecordBatch.Stamp {
        FieldRecordBatch.Stamp(author: author, at: Clock.now(), today: Clock.today(), makeID: UID.make)
    }

    static func observations(_ path: String, _ r: VisitRecord, author: String) throws -> [Observation] {
        switch FieldRecordBatch.observations(try table(path), r, stamp(author)) {
        case .success(let list): return list
        case .failure(let problems): try refuse(path, problems.list); return []
        }
    }

    static func journeys(_ path: String, _ r: VisitRecord, author: String) throws -> [JourneyRecord] {
        switch FieldRecordBatch.journeys(try table(path), r, stamp(author)) {
        case .success(let list): return list
        case .failure(let problems): try refuse(path, problems.list); return []
        }
    }

    static func actions(_ path: String, _ r: VisitRecord, author: String) throws -> [ImprovementAction] {
        switch FieldRecordBatch.actions(try table(path), r, stamp(author)) {
        case .success(let list): return list
        case .failure(let problems): try refuse(path, problems.list); return []
        }
    }
}
