/// The stamps a workbook written to be read back carries (`regards sheet`, `regards measure
/// sheet`): the visit, what it holds and a hash, in a hidden sheet « Regards » and, all but the
/// visit's uid and the history point, in the custom document properties. The hidden sheet wins
/// where both are present; a workbook with neither was not written by Regards, or lost its stamps
/// (its rows copied into a new workbook, or saved as CSV).
public struct WorkbookStamps: Equatable, Sendable {
    public var values: [String: String]

    /// Nil when the workbook has no stamp at all.
    public init?(_ workbook: Workbook) {
        var values: [String: String] = [:]
        for key in Self.keys { if let v = workbook.customProperties[key] { values[key] = v } }
        if let sheet = workbook.sheet(named: FillInReport.stampSheet) {
            for row in sheet.rows {
                guard case .text(let key)? = row[column: 1], Self.keys.contains(key) else { continue }
                // An empty stamp (no history yet) is a cell no spreadsheet writes.
                values[key] = row[column: 2]?.description ?? ""
            }
        }
        guard !values.isEmpty else { return nil }
        self.values = values
    }

    public subscript(_ key: String) -> String? { values[key] }

    /// Every stamp either workbook writes.
    static let keys = ["visite", "visite-uid", "grille", "protocole", "version", "empreinte", "historique", "document", "mesures", "evaluateur"]

    /// Whose independent scoring a fill-in grid holds (stamp `evaluateur`); nil for the visit's own answers.
    public var scorer: String? { self["evaluateur"].flatMap { $0.isEmpty ? nil : $0 } }

    /// The scoring a fill-in grid goes back into: the one it was written for. `wanted` (--scorer),
    /// when given, must be that one.
    public func scoring(wanted: String?, path: String) throws -> String? {
        switch (scorer, wanted) {
        case let (written?, wanted?) where written != wanted:
            throw RegardsError.badData(Messages.workbookOfOtherScorer(path, written, wanted))
        case let (nil, wanted?):
            throw RegardsError.badData(Messages.workbookOfVisitNotScorer(path, wanted))
        default:
            return scorer
        }
    }

    /// The one-line refusal of a workbook without stamps, for `document`, written by `command`.
    static func missing(_ path: String, _ document: ReadBackDocument, writtenBy command: String) -> RegardsError {
        .badData(Messages.noStamps(path, document, writtenBy: command))
    }

    /// Checks that the workbook is for `visit` (its id, then its uid: the same id in another workspace is another visit).
    public func check(visit: Visit, path: String) throws {
        guard let id = self["visite"] else { throw RegardsError.badData(Messages.stampVisitMissing(path)) }
        if id != visit.id {
            throw RegardsError.badData(Messages.workbookOfOtherVisit(path, id, visit.id))
        }
        if let uid = self["visite-uid"], uid != visit.uid {
            throw RegardsError.badData(Messages.workbookOfOtherWorkspace(path, id))
        }
    }
}
