import Foundation
import RegardsCore

/// Values bound to the inserts of `SQL`, in their columns' order, and rows read back by column name:
/// one function per record, used by the commands that add records and by an import alike.
enum Rows {
    static func json<T: Encodable>(_ value: T) -> String { String(decoding: CanonicalJSON.encode(value), as: UTF8.self) }

    static func snapshot(_ s: ProtocolSnapshot) -> [SQLValue] {
        [.text(s.hash), .text(s.id), .text(s.version), .text(s.kind), .text(s.file), .text(s.source)]
    }

    static func visit(_ v: Visit) -> [SQLValue] {
        [.text(v.id), .text(v.uid), .text(v.establishment), .text(v.finess), .optional(v.startDate?.description), .optional(v.endDate?.description),
         .text(json(v.inspectors)), .optional(v.campaign), .text(v.evaluation.hash), .optional(v.control?.hash), .optional(v.workflow?.hash),
         .text(v.state), .text(json(v.context)), .text(v.createdAt), .text(v.createdBy), .optional(v.follows)]
    }

    /// An answer of the visit's own, or (with its scorer) of an independent scoring: the same columns,
    /// then `reconciles` or `scorer`.
    static func answer(_ e: AnswerEvent) -> [SQLValue] {
        [.text(e.uid), .text(e.visit), .text(e.grid.rawValue), .text(e.criterion), .optional(e.value?.code), .optional(e.comment), .optional(e.evidence),
         .text(e.author), .text(e.at), .optional(e.previous?.code), .optional(e.reason), e.scorer.map { .text($0) } ?? .optional(e.reconciles.map(json))]
    }

    static func observation(_ o: Observation) -> [SQLValue] {
        [.text(o.uid), .text(o.visit), .text(o.method), .text(o.text), .optional(o.participant), .optional(o.role?.rawValue), .text(json(o.criteria)),
         .optional(o.theme), .optional(o.date?.description), .text(o.author), .text(o.at)]
    }

    static func journey(_ j: JourneyRecord) -> [SQLValue] {
        [.text(j.uid), .text(j.visit), .text(j.entry.resident), .text(j.entry.step), .optional(j.entry.date?.description), .optional(j.entry.note),
         .text(j.author), .text(j.at)]
    }

    static func action(_ a: ImprovementAction) -> [SQLValue] {
        [.text(a.uid), .text(a.visit), .int(a.number), .text(a.title), .optional(a.owner), .optional(a.due?.description), .text(json(a.criteria)),
         .text(a.author), .text(a.at)]
    }

    static func actionEvent(_ e: ActionStatusEvent) -> [SQLValue] {
        [.text(e.uid), .text(e.action), .text(e.status.rawValue), .text(e.author), .text(e.at), .optional(e.reason)]
    }

    /// A string as it appears inside a JSON string written by `json` (without the quotes).
    static func jsonEscaped(_ text: String) -> String { String(json([text]).dropFirst(2).dropLast(2)) }

    /// What a procedure event stores in `record`.
    struct ProcedureRecord: Codable {
        var finding: Finding?
        var measure: Measure?
    }

    static func procedureEvent(_ e: ProcedureEvent) -> [SQLValue] {
        let record = e.finding == nil && e.measure == nil ? nil : json(ProcedureRecord(finding: e.finding, measure: e.measure))
        return [.text(e.uid), .text(e.visit), .text(e.item), .text(e.change.rawValue), .optional(record), .optional(e.date?.description),
                .text(e.author), .text(e.at), .optional(e.reason)]
    }

    static func stateEvent(_ e: StateEvent) -> [SQLValue] {
        [.text(e.uid), .text(e.visit), .optional(e.from), .text(e.to), .text(e.author), .text(e.at), .optional(e.reason)]
    }

    // MARK: - Reading

    static func visit<C: RowCursor>(_ s: C) -> Visit {
        func pin(_ prefix: String) -> ProtocolPin? {
            let hash = s.column("\(prefix)_hash")
            return s.isNull(hash) ? nil : ProtocolPin(id: s.string(s.column("\(prefix)_id")), version: s.string(s.column("\(prefix)_version")), hash: s.string(hash))
        }
        return Visit(id: s.string(s.column("id")), uid: s.string(s.column("uid")), establishment: s.string(s.column("establishment")),
                     finess: s.string(s.column("finess")), startDate: s.text(s.column("start_date")).flatMap(CalendarDate.init(iso:)),
                     endDate: s.text(s.column("end_date")).flatMap(CalendarDate.init(iso:)), inspectors: strings(s.text(s.column("inspectors"))),
                     campaign: s.text(s.column("campaign")), evaluation: pin("evaluation") ?? ProtocolPin(id: "?", version: "?", hash: "?"),
                     control: pin("control"), workflow: pin("workflow"), state: s.string(s.column("state")),
                     context: decode([String: ContextValue].self, s.text(s.column("context")), default: [:]),
                     createdAt: s.string(s.column("created_at")), createdBy: s.string(s.column("created_by")), follows: s.text(s.column("follows")))
    }

    static func snapshot<C: RowCursor>(_ s: C) -> ProtocolSnapshot {
        ProtocolSnapshot(hash: s.string(s.column("hash")), id: s.string(s.column("id")), version: s.string(s.column("version")), kind: s.string(s.column("kind")),
                         file: s.string(s.column("file")), source: s.string(s.column("source")))
    }

    /// A list of ids stored as a JSON array: the plain shape (`["AC-01","AD-02"]`, no escapes) is read
    /// directly, as it is read for every observation and action; anything else goes through JSONDecoder.
    static func strings(_ text: String?) -> [String] {
        guard let text else { return [] }
        let bytes = Array(text.utf8)
        guard bytes.first == UInt8(ascii: "["), bytes.last == UInt8(ascii: "]"), !bytes.contains(UInt8(ascii: "\\")) else {
            return decode([String].self, text, default: [])
        }
        var out: [String] = []
        var i = 1
        let end = bytes.count - 1
        while i < end {
            guard bytes[i] == UInt8(ascii: "\"") else { return decode([String].self, text, default: []) }
            guard let close = bytes[(i + 1)..<end].firstIndex(of: UInt8(ascii: "\"")) else { return decode([String].self, text, default: []) }
            out.append(String(decoding: bytes[(i + 1)..<close], as: UTF8.self))
            i = close + 1
            if i < end {
                guard bytes[i] == UInt8(ascii: ","), i + 1 < end else { return decode([String].self, text, default: []) }
                i += 1
            }
        }
        return out
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?, default fallback: T) -> T {
        guard let text else { return fallback }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return (try? decoder.decode(T.self, from: Data(text.utf8))) ?? fallback
    }
}
