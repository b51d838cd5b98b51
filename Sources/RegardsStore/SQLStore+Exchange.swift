import RegardsCore

extension SQLStore {
    public func bundle(visit id: String, exportedAt: String, exportedBy: String) throws -> VisitBundle? {
        // One read transaction, so the bundle is a consistent picture even while others write.
        try db.transaction(immediate: false) {
            guard let visit = try self.visit(id) else { return nil }
            let snapshots = try visit.pins.compactMap { try snapshot(hash: $0.hash) }
            return VisitBundle(exportedAt: exportedAt, exportedBy: exportedBy, visit: visit, snapshots: snapshots,
                               answers: try answerEvents(visit: id), observations: try observations(visit: id), journeys: try journeyRecords(visit: id),
                               actions: try actions(visit: id), actionEvents: try actionEvents(visit: id), stateEvents: try stateEvents(visit: id),
                               procedureEvents: try procedureEvents(visit: id), scorings: try scoringEvents(visit: id))
        }
    }

    /// Rows this workspace already has (by uid) are ignored, so applying a plan twice adds nothing.
    public func apply(_ plan: MergePlan, visit id: String) throws {
        try db.transaction {
            for s in plan.snapshots { try db.run(SQL.snapshot.sql(orIgnore: true), Rows.snapshot(s)) }
            if let visit = plan.newVisit { try db.run(SQL.visit.sql(), Rows.visit(visit)) }
            /// Rows of the visit, filed under `id` whatever the bundle called it.
            func insert<T>(_ rows: [T], _ statement: SQL.Insert, _ visit: WritableKeyPath<T, String>, _ values: (T) -> [SQLValue]) throws {
                try db.insertMany(statement, orIgnore: true, rows.map { row in
                    var row = row
                    row[keyPath: visit] = id
                    return values(row)
                })
            }
            try insert(plan.answers.sorted(by: { ($0.at, $0.uid) < ($1.at, $1.uid) }), SQL.answer, \.visit, Rows.answer)
            try insert(plan.scorings.sorted(by: { ($0.at, $0.uid) < ($1.at, $1.uid) }), SQL.scoring, \.visit, Rows.answer)
            try insert(plan.observations, SQL.observation, \.visit, Rows.observation)
            try insert(plan.journeys, SQL.journeyEntry, \.visit, Rows.journey)
            for a in plan.actions {
                // Numbers are per visit: an action numbered on the other laptop takes the next free number here.
                var row = a
                row.visit = id
                let taken = try db.withStatement(SQL.actionNumberTaken) { s in
                    try s.bind([.text(id), .int(a.number)])
                    return try s.step()
                }
                if taken { row.number = try nextActionNumber(visit: id) }
                try db.run(SQL.action.sql(orIgnore: true), Rows.action(row))
            }
            for e in plan.actionEvents.sorted(by: { ($0.at, $0.uid) < ($1.at, $1.uid) }) {
                try db.run(SQL.actionEvent.sql(orIgnore: true), Rows.actionEvent(e))
            }
            // In the bundle's order (the order they were recorded in), not by time: findings and
            // measures are numbered in the order they were added, and several share a millisecond.
            try insert(plan.procedureEvents, SQL.procedureEvent, \.visit, Rows.procedureEvent)
            try insert(plan.stateEvents.sorted(by: { ($0.at, $0.uid) < ($1.at, $1.uid) }), SQL.stateEvent, \.visit, Rows.stateEvent)
            try db.run(SQL.setVisitState, [.text(plan.state), .text(id)])
        }
    }
}
