import RegardsCore

extension SQLiteWorkspace {
    public func recordAnswers(visit: String, _ changes: [AnswerChange], author: String, at: String) throws -> [AnswerEvent] {
        try db.transaction { try insertAnswers(visit: visit, changes, author: author, at: at) }
    }

    public func recordAnswers(_ batches: [(visit: String, changes: [AnswerChange])], author: String, at: String) throws -> Int {
        try db.transaction {
            var count = 0
            for batch in batches { count += try insertAnswers(visit: batch.visit, batch.changes, author: author, at: at).count }
            return count
        }
    }

    /// Inside a transaction: the previous value of each criterion is read once per visit, then kept up to date.
    private func insertAnswers(visit: String, _ changes: [AnswerChange], author: String, at: String) throws -> [AnswerEvent] {
        var current: [ProtocolKind: [String: AnswerValue?]] = [:]
        try db.withStatement(SQL.currentAnswers) { latest in
            try latest.bind([.text(visit)])
            let (grid, criterion, value) = (latest.column("grid"), latest.column("criterion"), latest.column("value"))
            while try latest.step() {
                current[ProtocolKind(rawValue: latest.string(grid)) ?? .evaluation, default: [:]][latest.string(criterion)] = latest.text(value).flatMap(AnswerValue.init(code:))
            }
        }
        return try db.withStatement(SQL.answer.sql()) { insert in
            var events: [AnswerEvent] = []
            events.reserveCapacity(changes.count)
            for change in changes {
                let event = AnswerEvent(uid: change.uid, visit: visit, grid: change.grid, criterion: change.criterion, value: change.value, comment: change.comment,
                                        evidence: change.evidence, author: author, at: at, previous: current[change.grid]?[change.criterion] ?? nil, reason: change.reason)
                try insert.run(Rows.answer(event))
                current[change.grid, default: [:]][change.criterion] = change.value
                events.append(event)
            }
            return events
        }
    }

    public func answerEvents(visit: String) throws -> [AnswerEvent] {
        try db.withStatement(SQL.answerEvents) { s in
            try s.bind([.text(visit)])
            let (uid, grid, criterion, value, comment, evidence) = (s.column("uid"), s.column("grid"), s.column("criterion"), s.column("value"), s.column("comment"), s.column("evidence"))
            let (author, at, previous, reason) = (s.column("author"), s.column("at"), s.column("previous"), s.column("reason"))
            var out: [AnswerEvent] = []
            while try s.step() {
                out.append(AnswerEvent(uid: s.string(uid), visit: visit, grid: ProtocolKind(rawValue: s.string(grid)) ?? .evaluation, criterion: s.string(criterion),
                                       value: s.text(value).flatMap(AnswerValue.init(code:)), comment: s.text(comment), evidence: s.text(evidence),
                                       author: s.string(author), at: s.string(at), previous: s.text(previous).flatMap(AnswerValue.init(code:)), reason: s.text(reason)))
            }
            return out
        }
    }
}
