import RegardsCore

extension SQLStore {
    public func recordAnswers(visit: String, _ changes: [AnswerChange], author: String, at: String) throws -> [AnswerEvent] {
        try db.transaction {
            let events = try plannedAnswers(visit: visit, scorer: nil, changes, author: author, at: at)
            try db.insertMany(SQL.answer, events.map(Rows.answer))
            return events
        }
    }

    /// Every visit's answers in one insert (in batches on a server), after each visit's previous answers are read.
    public func recordAnswers(_ batches: [(visit: String, changes: [AnswerChange])], author: String, at: String) throws -> Int {
        try db.transaction {
            var rows: [[SQLValue]] = []
            for batch in batches { rows += try plannedAnswers(visit: batch.visit, scorer: nil, batch.changes, author: author, at: at).map(Rows.answer) }
            try db.insertMany(SQL.answer, rows)
            return rows.count
        }
    }

    public func recordScores(visit: String, scorer: String, _ changes: [AnswerChange], author: String, at: String) throws -> [AnswerEvent] {
        try db.transaction {
            let events = try plannedAnswers(visit: visit, scorer: scorer, changes, author: author, at: at)
            try db.insertMany(SQL.scoring, events.map(Rows.answer))
            return events
        }
    }

    /// Inside a transaction, the events that record `changes` into the visit's answers (`scorer`
    /// nil) or one scorer's scoring: the previous value of each criterion is read once, then kept
    /// up to date. An answer is never
    /// recorded before one already there: a writer that waited for another's transaction takes
    /// the time of the last answer when it is later than its own, so that the history's order
    /// (time, then arrival) is the order the answers were written in and each `previous` is the
    /// answer just before it.
    private func plannedAnswers(visit: String, scorer: String?, _ changes: [AnswerChange], author: String, at requested: String) throws -> [AnswerEvent] {
        var current: [ProtocolKind: [String: AnswerValue?]] = [:]
        var at = requested
        try db.withStatement(scorer == nil ? SQL.currentAnswers : SQL.currentScores) { latest in
            try latest.bind([.text(visit)] + (scorer.map { [.text($0)] } ?? []))
            let (grid, criterion, value, time) = (latest.column("grid"), latest.column("criterion"), latest.column("value"), latest.column("at"))
            while try latest.step() {
                current[ProtocolKind(rawValue: latest.string(grid)) ?? .evaluation, default: [:]][latest.string(criterion)] = latest.text(value).flatMap(AnswerValue.init(code:))
                at = max(at, latest.string(time))
            }
        }
        var events: [AnswerEvent] = []
        events.reserveCapacity(changes.count)
        for change in changes {
            events.append(AnswerEvent(uid: change.uid, visit: visit, grid: change.grid, criterion: change.criterion, value: change.value, comment: change.comment,
                                      evidence: change.evidence, author: author, at: at, previous: current[change.grid]?[change.criterion] ?? nil, reason: change.reason,
                                      scorer: scorer, reconciles: scorer == nil ? change.reconciles : nil))
            current[change.grid, default: [:]][change.criterion] = change.value
        }
        return events
    }

    public func answerEvents(visit: String) throws -> [AnswerEvent] {
        try events(SQL.answerEvents, visit: visit)
    }

    public func scoringEvents(visit: String) throws -> [AnswerEvent] {
        try events(SQL.scoringEvents, visit: visit)
    }

    /// The visit's answer history, or its scorings' (the query's last column is `reconciles` or `scorer`).
    private func events(_ query: String, visit: String) throws -> [AnswerEvent] {
        try db.withStatement(query) { s in
            try s.bind([.text(visit)])
            let (uid, grid, criterion, value, comment, evidence) = (s.column("uid"), s.column("grid"), s.column("criterion"), s.column("value"), s.column("comment"), s.column("evidence"))
            let (author, at, previous, reason) = (s.column("author"), s.column("at"), s.column("previous"), s.column("reason"))
            let scorer = query == SQL.scoringEvents ? s.column("scorer") : nil
            let reconciles = scorer == nil ? s.column("reconciles") : nil
            var out: [AnswerEvent] = []
            while try s.step() {
                out.append(AnswerEvent(uid: s.string(uid), visit: visit, grid: ProtocolKind(rawValue: s.string(grid)) ?? .evaluation, criterion: s.string(criterion),
                                       value: s.text(value).flatMap(AnswerValue.init(code:)), comment: s.text(comment), evidence: s.text(evidence),
                                       author: s.string(author), at: s.string(at), previous: s.text(previous).flatMap(AnswerValue.init(code:)), reason: s.text(reason),
                                       scorer: scorer.map { s.string($0) },
                                       reconciles: reconciles.flatMap { s.text($0) }.map { Rows.decode([ScorerAnswer].self, $0, default: []) }))
            }
            return out
        }
    }
}
