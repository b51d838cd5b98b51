import RegardsCore

extension SQLStore {
    public func addObservations(_ list: [Observation]) throws {
        try db.transaction { try db.insertMany(SQL.observation, list.map(Rows.observation)) }
    }

    public func observations(visit: String) throws -> [Observation] {
        try db.withStatement(SQL.observations) { s in
            try s.bind([.text(visit)])
            let (uid, method, text, participant, role) = (s.column("uid"), s.column("method"), s.column("text"), s.column("participant"), s.column("role"))
            let (criteria, theme, date, author, at) = (s.column("criteria"), s.column("theme"), s.column("date"), s.column("author"), s.column("at"))
            var out: [Observation] = []
            while try s.step() {
                out.append(Observation(uid: s.string(uid), visit: visit, method: s.string(method), text: s.string(text), participant: s.text(participant),
                                       role: s.text(role).flatMap(ParticipantRole.init(rawValue:)), criteria: Rows.strings(s.text(criteria)),
                                       theme: s.text(theme), date: s.text(date).flatMap(CalendarDate.init(iso:)), author: s.string(author), at: s.string(at)))
            }
            return out
        }
    }

    public func addJourneyRecords(_ list: [JourneyRecord]) throws {
        try db.transaction { try db.insertMany(SQL.journeyEntry, list.map(Rows.journey)) }
    }

    public func journeyRecords(visit: String) throws -> [JourneyRecord] {
        try db.withStatement(SQL.journeyEntries) { s in
            try s.bind([.text(visit)])
            let (uid, resident, step, date, note, author, at) = (s.column("uid"), s.column("resident"), s.column("step"), s.column("date"), s.column("note"), s.column("author"), s.column("at"))
            var out: [JourneyRecord] = []
            while try s.step() {
                out.append(JourneyRecord(uid: s.string(uid), visit: visit,
                                         entry: JourneyEntry(resident: s.string(resident), step: s.string(step), date: s.text(date).flatMap(CalendarDate.init(iso:)), note: s.text(note)),
                                         author: s.string(author), at: s.string(at)))
            }
            return out
        }
    }
}
