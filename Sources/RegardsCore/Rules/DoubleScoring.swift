/// Double scoring of one grid of a visit: two inspectors (or more) score it independently, each
/// answer kept in their own scoring (`VisitRecord.scorings`), never in the visit's own answers; a
/// reconciliation then records, criterion by criterion, the consensus answer into the visit's
/// answers, with every scorer's answer kept on that history row (`AnswerEvent.reconciles`).
public struct DoubleScoring: Sendable {
    public let visit: String
    public let grid: ProtocolKind
    /// Those who scored at least one criterion of the grid, by name (the order of every `answers`).
    public let scorers: [String]
    /// The criteria of the grid that apply to the visit, in the grid's order.
    public let items: [Item]

    public struct Item: Sendable, Equatable {
        /// The theme (section) id.
        public let section: String
        public let criterion: String
        public let scale: String
        /// One per scorer, in `scorers`' order: nil where that scorer gave no answer.
        public let answers: [AnswerValue?]
        /// The visit's answer when a reconciliation recorded it from these very answers (nil when
        /// none was, or a scorer changed their answer since).
        public let consensus: AnswerEvent?
        /// What a consensus carries unless told otherwise: the visit's own comment and evidence when
        /// it has them, else the scorers' (one text as it is, several each with its scorer's name).
        public let comment: String?
        public let evidence: String?

        /// Every scorer answered.
        public var complete: Bool { answers.allSatisfy { $0 != nil } }
        /// Every scorer gave the same answer.
        public var agree: Bool { complete && Set(answers).count == 1 }
        /// Someone scored it and no consensus was recorded yet.
        public var pending: Bool { consensus == nil && answers.contains { $0 != nil } }
    }

    /// The scorings of `record`'s grid `grid` (empty when the visit has no such grid).
    public init(record: VisitRecord, grid: ProtocolKind) {
        visit = record.visit.id
        self.grid = grid
        var latest: [String: [String: AnswerEvent]] = [:]
        for event in record.scorings where event.grid == grid {
            guard let scorer = event.scorer else { continue }
            latest[scorer, default: [:]][event.criterion] = event.value == nil ? nil : event
        }
        let scorers = latest.filter { !$0.value.isEmpty }.keys.sorted()
        self.scorers = scorers
        let context = record.visit.conditionContext
        items = (record.grids.grid(grid)?.allCriteria ?? []).filter { $0.criterion.applies(in: context) }.map { section, criterion in
            let events = scorers.map { latest[$0]?[criterion.id] }
            let answers = events.map { $0?.value }
            let settled = scorers.indices.map { ScorerAnswer(scorer: scorers[$0], value: answers[$0]) }
            let current = record.current[grid]?[criterion.id]
            func carried(_ text: KeyPath<AnswerEvent, String?>) -> String? {
                if let own = current?[keyPath: text] { return own }
                let given = scorers.indices.compactMap { i in events[i]?[keyPath: text].map { (scorers[i], $0) } }
                if Set(given.map(\.1)).count == 1 { return given[0].1 }
                return given.isEmpty ? nil : given.map { "\($0.0) : \($0.1)" }.joined(separator: " / ")
            }
            return Item(section: section.id, criterion: criterion.id, scale: criterion.scale, answers: answers,
                        consensus: current?.reconciles == settled ? current : nil, comment: carried(\.comment), evidence: carried(\.evidence))
        }
    }

    public var isDoubleScored: Bool { scorers.count >= 2 }

    public func item(_ criterion: String) -> Item? { items.first { $0.criterion == criterion } }

    /// Who scored the grid, said in a message: `inspectrice-a and inspecteur-b`, or `nobody`.
    public var scorersSaid: String { Messages.scorersSaid(scorers) }

    /// Why this visit's grid cannot be reconciled or measured yet (nil when it can).
    public var notDoubleScored: RegardsError? {
        isDoubleScored ? nil : .badData(Messages.notDoubleScored(visit, grid: grid, scorers: scorers))
    }

    /// The consensus answer to record for `criterion`: every scorer must have answered it. Without
    /// `comment`, it keeps the item's (`Item.comment`), and its evidence always.
    public func reconcile(_ criterion: String, value: AnswerValue, comment: String?, reason: String, uid: String) -> Result<AnswerChange, RegardsError> {
        if let refusal = notDoubleScored { return .failure(refusal) }
        guard let item = item(criterion) else {
            return .failure(.badData(Messages.nothingToReconcile(visit, criterion: criterion)))
        }
        let missing = scorers.indices.filter { item.answers[$0] == nil }.map { scorers[$0] }
        guard missing.isEmpty else {
            let answered = scorers.indices.filter { item.answers[$0] != nil }.map { scorers[$0] }
            return .failure(.badData(Messages.notScoredByAll(visit, criterion: criterion, answered: answered, missing: missing, scorers: scorers)))
        }
        return .success(AnswerChange(uid: uid, grid: grid, criterion: criterion, value: value, comment: comment ?? item.comment, evidence: item.evidence,
                                     reason: reason, reconciles: settled(item)))
    }

    /// The consensus answers of the criteria every scorer answered alike and not yet reconciled.
    public func agreed(reason: String, uid: () -> String) -> [AnswerChange] {
        guard isDoubleScored else { return [] }
        return items.filter { $0.agree && $0.consensus == nil }.map { item in
            AnswerChange(uid: uid(), grid: grid, criterion: item.criterion, value: item.answers[0], comment: item.comment, evidence: item.evidence,
                         reason: reason, reconciles: settled(item))
        }
    }

    func settled(_ item: Item) -> [ScorerAnswer] {
        scorers.indices.map { ScorerAnswer(scorer: scorers[$0], value: item.answers[$0]) }
    }
}
