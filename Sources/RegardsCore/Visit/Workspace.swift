extension Workspace {
    public func addObservation(_ observation: Observation) throws { try addObservations([observation]) }
    public func addJourneyRecord(_ record: JourneyRecord) throws { try addJourneyRecords([record]) }
    public func addAction(_ action: ImprovementAction) throws -> ImprovementAction { try addActions([action])[0] }
    public func recordTransition(_ event: StateEvent) throws -> Bool { try recordTransition(event, with: []) }
}

/// Where visits live. Commands see this protocol, never SQL: a shared server store can be a
/// second implementation behind it.
public protocol Workspace: AnyObject {
    /// The schema version of the store.
    var schemaVersion: Int { get }
    /// The store's own consistency check: `["ok"]`, or the problems found.
    func integrityCheck() throws -> [String]

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

    /// Appends answers to `scorer`'s independent scoring of a visit in one transaction (double
    /// scoring): kept apart from the visit's own answers, which it never changes.
    func recordScores(visit: String, scorer: String, _ changes: [AnswerChange], author: String, at: String) throws -> [AnswerEvent]
    /// Every scorer's answer history on a visit, oldest first, each event with its `scorer`.
    func scoringEvents(visit: String) throws -> [AnswerEvent]

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

    /// Appends changes to findings and measures in one transaction (all or none).
    func addProcedureEvents(_ events: [ProcedureEvent]) throws
    /// A visit's procedure history, oldest first.
    func procedureEvents(visit: String) throws -> [ProcedureEvent]

    /// Moves a visit to a new phase if it is still in `event.from`, with the report that phase issues
    /// (one transaction); false when another writer moved it first.
    func recordTransition(_ event: StateEvent, with procedure: [ProcedureEvent]) throws -> Bool
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
