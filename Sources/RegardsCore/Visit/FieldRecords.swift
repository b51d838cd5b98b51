/// The text of a protocol file as a visit keeps it, so an old visit still reads after the file changes.
public struct ProtocolSnapshot: Codable, Equatable, Sendable {
    public var hash: String
    public var id: String
    public var version: String
    /// `control`, `evaluation` or `workflow`.
    public var kind: String
    /// The file it was read from, for messages.
    public var file: String
    public var source: String

    public init(hash: String, id: String, version: String, kind: String, file: String, source: String) {
        self.hash = hash
        self.id = id
        self.version = version
        self.kind = kind
        self.file = file
        self.source = source
    }

    public var pin: ProtocolPin { ProtocolPin(id: id, version: version, hash: hash) }
}

/// Who is speaking in an observation (never a name: participants are codes).
public enum ParticipantRole: String, Codable, Sendable, CaseIterable {
    case resident, staff, partner, other
}

/// A dated field note from one immersion method, pseudonymised.
public struct Observation: Codable, Equatable, Sendable {
    public var uid: String
    public var visit: String
    public var method: String
    public var text: String
    public var participant: String?
    public var role: ParticipantRole?
    public var criteria: [String]
    public var theme: String?
    public var date: CalendarDate?
    public var author: String
    public var at: String

    public init(uid: String, visit: String, method: String, text: String, participant: String? = nil, role: ParticipantRole? = nil,
                criteria: [String] = [], theme: String? = nil, date: CalendarDate? = nil, author: String, at: String) {
        self.uid = uid
        self.visit = visit
        self.method = method
        self.text = text
        self.participant = participant
        self.role = role
        self.criteria = criteria
        self.theme = theme
        self.date = date
        self.author = author
        self.at = at
    }
}

/// A journey entry as stored: who recorded it and when.
public struct JourneyRecord: Codable, Equatable, Sendable {
    public var uid: String
    public var visit: String
    public var entry: JourneyEntry
    public var author: String
    public var at: String

    public init(uid: String, visit: String, entry: JourneyEntry, author: String, at: String) {
        self.uid = uid
        self.visit = visit
        self.entry = entry
        self.author = author
        self.at = at
    }
}

public enum ActionStatus: String, Codable, Sendable, CaseIterable {
    case open
    case inProgress = "in-progress"
    case done
    case dropped
}

/// An improvement path (piste d'amélioration) agreed with the establishment.
public struct ImprovementAction: Codable, Equatable, Sendable {
    public var uid: String
    public var visit: String
    /// 1, 2 … within the visit.
    public var number: Int
    public var title: String
    public var owner: String?
    public var due: CalendarDate?
    public var criteria: [String]
    public var status: ActionStatus
    public var author: String
    public var at: String

    public init(uid: String, visit: String, number: Int = 0, title: String, owner: String? = nil, due: CalendarDate? = nil,
                criteria: [String] = [], status: ActionStatus = .open, author: String, at: String) {
        self.uid = uid
        self.visit = visit
        self.number = number
        self.title = title
        self.owner = owner
        self.due = due
        self.criteria = criteria
        self.status = status
        self.author = author
        self.at = at
    }
}

/// A move of a visit from one phase to another, kept in the history.
public struct StateEvent: Codable, Equatable, Sendable {
    public var uid: String
    public var visit: String
    public var from: String?
    public var to: String
    public var author: String
    public var at: String
    public var reason: String?

    public init(uid: String, visit: String, from: String?, to: String, author: String, at: String, reason: String? = nil) {
        self.uid = uid
        self.visit = visit
        self.from = from
        self.to = to
        self.author = author
        self.at = at
        self.reason = reason
    }
}
