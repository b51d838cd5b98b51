import Foundation
import RegardsCore

extension SQLStore {
    public func addProcedureEvents(_ events: [ProcedureEvent]) throws {
        try db.transaction { try db.insertMany(SQL.procedureEvent, events.map(Rows.procedureEvent)) }
    }

    public func procedureEvents(visit: String) throws -> [ProcedureEvent] {
        try db.withStatement(SQL.procedureEvents) { s in
            try s.bind([.text(visit)])
            let (uid, change, record, date, author, at, reason) = (s.column("uid"), s.column("change"), s.column("record"), s.column("date"),
                                                                   s.column("author"), s.column("at"), s.column("reason"))
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            var out: [ProcedureEvent] = []
            while try s.step() {
                let id = s.string(uid)
                guard let kind = ProcedureEvent.Change(rawValue: s.string(change)) else {
                    throw RegardsError.badData(Messages.unknownProcedureChange(id, visit: visit, s.string(change)))
                }
                var body = Rows.ProcedureRecord()
                if let text = s.text(record) {
                    do {
                        body = try decoder.decode(Rows.ProcedureRecord.self, from: Data(text.utf8))
                    } catch {
                        throw RegardsError.badData(Messages.procedureEventUnreadable(id, visit: visit, "\(error)"))
                    }
                }
                out.append(ProcedureEvent(uid: id, visit: visit, change: kind, finding: body.finding, measure: body.measure,
                                          date: s.text(date).flatMap(CalendarDate.init(iso:)), author: s.string(author), at: s.string(at), reason: s.text(reason)))
            }
            return out
        }
    }
}
