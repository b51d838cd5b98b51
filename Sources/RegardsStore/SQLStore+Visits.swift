import RegardsCore

extension SQLStore {
    public func createVisit(_ visit: Visit, snapshots: [ProtocolSnapshot]) throws {
        try db.transaction {
            for s in snapshots { try db.run(SQL.snapshot.sql(orIgnore: true), Rows.snapshot(s)) }
            try db.run(SQL.visit.sql(), Rows.visit(visit))
        }
    }

    public func visit(_ id: String) throws -> Visit? {
        try db.withStatement(SQL.visitByID) { s in
            try s.bind([.text(id)])
            return try s.step() ? Rows.visit(s) : nil
        }
    }

    public func visits(campaign: String?) throws -> [Visit] {
        try db.withStatement(SQL.visitsOfCampaign) { s in
            try s.bind([.optional(campaign)])
            var out: [Visit] = []
            while try s.step() { out.append(Rows.visit(s)) }
            return out
        }
    }

    public func visitIDs(prefix: String) throws -> [String] {
        try db.withStatement(SQL.visitIDs) { s in
            try s.bind([.text(prefix)])
            var out: [String] = []
            while try s.step() { out.append(s.string(s.column("id"))) }
            return out
        }
    }

    public func snapshot(hash: String) throws -> ProtocolSnapshot? {
        try db.withStatement(SQL.snapshotByHash) { s in
            try s.bind([.text(hash)])
            return try s.step() ? Rows.snapshot(s) : nil
        }
    }

    public func recordTransition(_ event: StateEvent, with procedure: [ProcedureEvent]) throws -> Bool {
        try db.transaction {
            try db.run(SQL.moveVisit, [.text(event.to), .text(event.visit), .optional(event.from)])
            guard db.changes == 1 else { return false }
            try db.run(SQL.stateEvent.sql(), Rows.stateEvent(event))
            for e in procedure { try db.run(SQL.procedureEvent.sql(), Rows.procedureEvent(e)) }
            return true
        }
    }

    public func stateEvents(visit: String) throws -> [StateEvent] {
        try db.withStatement(SQL.stateEvents) { s in
            try s.bind([.text(visit)])
            let (uid, from, to, author, at, reason) = (s.column("uid"), s.column("from_state"), s.column("to_state"), s.column("author"), s.column("at"), s.column("reason"))
            var out: [StateEvent] = []
            while try s.step() {
                out.append(StateEvent(uid: s.string(uid), visit: visit, from: s.text(from), to: s.string(to), author: s.string(author), at: s.string(at), reason: s.text(reason)))
            }
            return out
        }
    }
}
