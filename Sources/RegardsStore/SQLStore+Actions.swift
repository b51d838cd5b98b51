import RegardsCore

extension SQLStore {
    public func addActions(_ list: [ImprovementAction]) throws -> [ImprovementAction] {
        try db.transaction {
            var out: [ImprovementAction] = []
            for action in list {
                var numbered = action
                numbered.number = try nextActionNumber(visit: action.visit)
                try db.run(SQL.action.sql(), Rows.action(numbered))
                // Every action starts open; one added with another status gets that status next.
                try db.run(SQL.actionEvent.sql(), Rows.actionEvent(ActionStatusEvent(uid: numbered.uid + "-open", action: numbered.uid, status: .open,
                                                                                     author: numbered.author, at: numbered.at)))
                if action.status != .open {
                    try db.run(SQL.actionEvent.sql(), Rows.actionEvent(ActionStatusEvent(uid: numbered.uid + "-" + action.status.rawValue, action: numbered.uid,
                                                                                         status: action.status, author: numbered.author, at: numbered.at)))
                }
                out.append(numbered)
            }
            return out
        }
    }

    /// The next free number of a visit's actions (inside a transaction).
    func nextActionNumber(visit: String) throws -> Int {
        try db.withStatement(SQL.nextActionNumber) { s in
            try s.bind([.text(visit)])
            return try s.step() ? s.int(s.column("next")) : 1
        }
    }

    public func setActionStatus(visit: String, number: Int, status: ActionStatus, uid: String, author: String, at: String, reason: String?) throws {
        try db.transaction {
            let action = try db.withStatement(SQL.actionUID) { find in
                try find.bind([.text(visit), .int(number)])
                guard try find.step() else { throw StoreError.missingAction(visit: visit, number: number) }
                return find.string(find.column("uid"))
            }
            try db.run(SQL.actionEvent.sql(), Rows.actionEvent(ActionStatusEvent(uid: uid, action: action, status: status, author: author, at: at, reason: reason)))
        }
    }

    public func actions(visit: String) throws -> [ImprovementAction] {
        try db.withStatement(SQL.actions) { s in
            try s.bind([.text(visit)])
            let (uid, number, title, owner, due) = (s.column("uid"), s.column("number"), s.column("title"), s.column("owner"), s.column("due"))
            let (criteria, author, at, status) = (s.column("criteria"), s.column("author"), s.column("at"), s.column("status"))
            var out: [ImprovementAction] = []
            while try s.step() {
                out.append(ImprovementAction(uid: s.string(uid), visit: visit, number: s.int(number), title: s.string(title), owner: s.text(owner),
                                             due: s.text(due).flatMap(CalendarDate.init(iso:)), criteria: Rows.strings(s.text(criteria)),
                                             status: s.text(status).flatMap(ActionStatus.init(rawValue:)) ?? .open, author: s.string(author), at: s.string(at)))
            }
            return out
        }
    }

    public func actionEvents(visit: String) throws -> [ActionStatusEvent] {
        try db.withStatement(SQL.actionEvents) { s in
            try s.bind([.text(visit)])
            let (uid, action, status, author, at, reason) = (s.column("uid"), s.column("action"), s.column("status"), s.column("author"), s.column("at"), s.column("reason"))
            var out: [ActionStatusEvent] = []
            while try s.step() {
                out.append(ActionStatusEvent(uid: s.string(uid), action: s.string(action), status: ActionStatus(rawValue: s.string(status)) ?? .open,
                                             author: s.string(author), at: s.string(at), reason: s.text(reason)))
            }
            return out
        }
    }
}
