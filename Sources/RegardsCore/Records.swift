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

/// An answer to record; the store fills in the previous value inside its transaction.
public struct AnswerChange: Equatable, Sendable {
    public var uid: String
    public var grid: GridKind
    public var criterion: String
    public var value: AnswerValue?
    public var comment: String?
    public var evidence: String?
    public var reason: String?

    public init(uid: String, grid: GridKind, criterion: String, value: AnswerValue?, comment: String? = nil, evidence: String? = nil, reason: String? = nil) {
        self.uid = uid
        self.grid = grid
        self.criterion = criterion
        self.value = value
        self.comment = comment
        self.evidence = evidence
        self.reason = reason
    }
}

extension Workspace {
    public func addObservation(_ observation: Observation) throws { try addObservations([observation]) }
    public func addJourneyRecord(_ record: JourneyRecord) throws { try addJourneyRecords([record]) }
    public func addAction(_ action: ImprovementAction) throws -> ImprovementAction { try addActions([action])[0] }
}

/// Where visits live. Commands see this protocol, never SQL: a shared server store can be a
/// second implementation behind it.
public protocol Workspace: AnyObject {
    func createVisit(_ visit: Visit, snapshots: [ProtocolSnapshot]) throws
    func visit(_ id: String) throws -> Visit?
    func visits(campaign: String?) throws -> [Visit]
    /// Visit ids starting with `prefix` (to number new visits).
    func visitIDs(prefix: String) throws -> [String]
    func snapshot(hash: String) throws -> ProtocolSnapshot?

    /// Appends answer changes in one transaction (all or none) and returns them as recorded.
    func recordAnswers(visit: String, _ changes: [AnswerChange], author: String, at: String) throws -> [AnswerEvent]
    /// Answer changes for several visits (a campaign file), in one transaction.
    func recordAnswers(_ batches: [(visit: String, changes: [AnswerChange])], author: String, at: String) throws -> Int
    /// The whole answer history of a visit, oldest first.
    func answerEvents(visit: String) throws -> [AnswerEvent]

    /// Stores observations in one transaction (all or none).
    func addObservations(_ observations: [Observation]) throws
    func observations(visit: String) throws -> [Observation]

    /// Stores journey entries in one transaction (all or none).
    func addJourneyRecords(_ records: [JourneyRecord]) throws
    func journeyRecords(visit: String) throws -> [JourneyRecord]

    /// Stores new actions (and their statuses) in one transaction, numbered after those of their visit.
    func addActions(_ actions: [ImprovementAction]) throws -> [ImprovementAction]
    func setActionStatus(visit: String, number: Int, status: ActionStatus, uid: String, author: String, at: String, reason: String?) throws
    func actions(visit: String) throws -> [ImprovementAction]

    /// Moves a visit to a new phase if it is still in `event.from`; false when another writer moved it first.
    func recordTransition(_ event: StateEvent) throws -> Bool
    func stateEvents(visit: String) throws -> [StateEvent]

    /// Everything recorded about a visit, for `visit export`.
    func bundle(visit: String, exportedAt: String, exportedBy: String) throws -> VisitBundle?
    /// Applies an import in one transaction (rows are identified by uid: applying twice adds nothing).
    func apply(_ plan: MergePlan, visit: String) throws

    /// The salt, the forbidden-word hashes and the reviews of a visit's findings.
    func privacySettings(visit: String) throws -> PrivacySettings
    /// Adds words to the forbidden list (kept as salted hashes only).
    func forbid(_ words: [String], author: String, at: String) throws -> Int
    func recordReview(visit: String, finding: String, kind: PersonalDataKind, decision: PrivacyDecision, reason: String, author: String, at: String) throws
    /// Replaces `text` everywhere it appears in the visit's free-text fields, history included, then
    /// purges the old content from the file (secure delete, WAL checkpoint). Returns the fields changed.
    func redact(visit: String, text: String, replacement: String) throws -> Int
}
