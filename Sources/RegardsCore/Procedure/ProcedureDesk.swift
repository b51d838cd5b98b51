/// Every change to a visit's findings and measures is checked here, once, whether it comes from the
/// command line or the demo: what each stage of the contradictory procedure allows, what a finding
/// and a measure must carry, and the one-line refusal when something is wrong. Each accepted change
/// is returned as the event to append to the history.
public struct ProcedureDesk {
    public let record: VisitRecord
    public let stamp: FieldRecordReader.Stamp

    public init(record: VisitRecord, stamp: FieldRecordReader.Stamp) {
        self.record = record
        self.stamp = stamp
    }

    var procedure: Procedure { record.procedure }
    var visitID: String { record.visit.id }

    /// What is typed for a finding; nil leaves a field as it is (on an edit).
    public struct FindingInput {
        public var kind: FindingKind?
        public var fact: String?
        public var evidence: [String]?
        public var references: [String]?
        public var criterion: String?

        public init(kind: FindingKind? = nil, fact: String? = nil, evidence: [String]? = nil, references: [String]? = nil, criterion: String? = nil) {
            self.kind = kind
            self.fact = fact
            self.evidence = evidence
            self.references = references
            self.criterion = criterion
        }
    }

    /// What is typed for a measure; nil leaves a field as it is (on an edit).
    public struct MeasureInput {
        public var kind: MeasureKind?
        public var text: String?
        public var findings: [String]?
        public var due: String?
        public var within: String?

        public init(kind: MeasureKind? = nil, text: String? = nil, findings: [String]? = nil, due: String? = nil, within: String? = nil) {
            self.kind = kind
            self.text = text
            self.findings = findings
            self.due = due
            self.within = within
        }

        var isEmpty: Bool { kind == nil && text == nil && findings == nil && due == nil && within == nil }
    }

    // MARK: - Findings

    public func addFinding(_ input: FindingInput) throws -> ProcedureEvent {
        try findingsOpen()
        guard let kind = input.kind else { throw RegardsError.usage(Messages.findingNeedsKind) }
        var finding = Finding(uid: stamp.makeID(), kind: kind, fact: "")
        try apply(input, to: &finding)
        return event(.added, finding: finding)
    }

    public func editFinding(_ label: String, _ input: FindingInput, reason: String?) throws -> ProcedureEvent {
        try findingsOpen()
        try reasoned(reason)
        var finding = try activeFinding(label)
        if let kind = input.kind, kind != finding.kind, let issued = procedure.provisionalReport {
            throw RegardsError.badData(Messages.findingKeepsKind(finding.label, since: issued))
        }
        try apply(input, to: &finding)
        if let kind = input.kind, kind == .bonnePratique, let m = procedure.measures(answering: finding).first {
            throw RegardsError.badData(Messages.goodPracticeAnswered(finding.label, by: m.label))
        }
        return event(.edited, finding: finding, reason: reason)
    }

    public func dropFinding(_ label: String, reason: String?) throws -> ProcedureEvent {
        try findingsOpen()
        try reasoned(reason)
        var finding = try activeFinding(label)
        if let m = procedure.measures(answering: finding).first(where: { $0.findings.filter { procedure.finding(uid: $0)?.withdrawn == false }.count == 1 }) {
            throw RegardsError.badData(Messages.measureAnswersOnly(m.label, finding.label))
        }
        finding.withdrawn = true
        return event(.withdrawn, finding: finding, reason: reason)
    }

    private func apply(_ input: FindingInput, to finding: inout Finding) throws {
        if let kind = input.kind { finding.kind = kind }
        if let criterion = input.criterion {
            let (grid, _, item) = try record.grids.locate(criterion).get()
            finding.criterion = item.id
            if input.references == nil, grid == .control { finding.references = item.references }
            if input.evidence == nil, record.current[grid]?[item.id] != nil, !finding.evidence.contains(.answer(grid, criterion: item.id)) {
                finding.evidence.append(.answer(grid, criterion: item.id))
            }
        }
        if let fact = input.fact { finding.fact = fact.trimmedSpaces }
        if let references = input.references { finding.references = references.map(\.trimmedSpaces).filter { !$0.isEmpty } }
        if let evidence = input.evidence { finding.evidence = try evidence.map(readEvidence) }
        if finding.fact.isEmpty { throw RegardsError.usage(Messages.findingNeedsFact) }
        if finding.kind == .ecart, finding.references.isEmpty {
            throw RegardsError.usage(Messages.ecartNeedsReference)
        }
    }

    /// `CTL-DU-08` (an answered criterion), `#3` or `obs:3` (the third observation), `R07/admission` (a journey step).
    public func readEvidence(_ typed: String) throws -> FindingEvidence {
        let text = typed.trimmedSpaces
        let number = text.hasPrefix("#") ? text.dropFirst() : text.lowercased().hasPrefix("obs:") ? text.dropFirst(4) : nil
        if let number {
            guard let n = Int(number), n >= 1, n <= record.observations.count else {
                throw RegardsError.usage(Messages.evidenceObservation(text, visit: visitID, count: record.observations.count))
            }
            return .observation(record.observations[n - 1].uid)
        }
        if let slash = text.firstIndex(of: "/") {
            let resident = String(text[..<slash]), step = String(text[text.index(after: slash)...])
            guard record.residents.contains(resident) else {
                throw RegardsError.usage(Messages.evidenceNoJourney(text, resident: resident, visit: visitID, hint: Suggestion.hint(for: resident, in: record.residents)))
            }
            let steps = (record.grids.evaluation.journey?.steps.map(\.id) ?? []) + record.journeys.filter { $0.entry.resident == resident }.map(\.entry.step)
            guard steps.contains(step) else {
                throw RegardsError.usage(Messages.evidenceNotAStep(text, step: step, hint: Suggestion.hint(for: step, in: steps)))
            }
            return .journeyStep(resident: resident, step: step)
        }
        let (grid, _, item) = try record.grids.locate(text).mapError { refusal in
            RegardsError.usage(Messages.evidenceUnreadable(text, refusal.description))
        }.get()
        guard record.current[grid]?[item.id] != nil else { throw RegardsError.usage(Messages.evidenceNotAnswered(text, criterion: item.id, visit: visitID)) }
        return .answer(grid, criterion: item.id)
    }

    // MARK: - Measures

    public func addMeasure(_ input: MeasureInput) throws -> ProcedureEvent {
        try measuresOpen()
        guard let kind = input.kind else { throw RegardsError.usage(Messages.measureNeedsKind) }
        guard input.findings?.isEmpty == false else { throw RegardsError.usage(Messages.measureNeedsFindings) }
        guard input.due != nil || input.within != nil else {
            throw RegardsError.usage(Messages.measureNeedsDeadline)
        }
        var measure = Measure(uid: stamp.makeID(), kind: kind, text: "", findings: [], deadline: MeasureDeadline(within: Period(months: 1)))
        try apply(input, to: &measure)
        return event(.added, measure: measure)
    }

    public func editMeasure(_ label: String, _ input: MeasureInput, reason: String?) throws -> ProcedureEvent {
        try measuresOpen()
        try reasoned(reason)
        var measure = try activeMeasure(label)
        try apply(input, to: &measure)
        return event(.edited, measure: measure, reason: reason)
    }

    public func dropMeasure(_ label: String, reason: String?) throws -> ProcedureEvent {
        try measuresOpen()
        try reasoned(reason)
        var measure = try activeMeasure(label)
        measure.withdrawn = true
        return event(.withdrawn, measure: measure, reason: reason)
    }

    private func apply(_ input: MeasureInput, to measure: inout Measure) throws {
        if let kind = input.kind { measure.kind = kind }
        if let text = input.text { measure.text = text.trimmedSpaces }
        if measure.text.isEmpty { throw RegardsError.usage(Messages.measureNeedsText) }
        if let labels = input.findings {
            guard !labels.isEmpty else { throw RegardsError.usage(Messages.measureNeedsFindings) }
            measure.findings = try labels.map { label in
                let f = try activeFinding(label)
                if f.kind == .bonnePratique { throw RegardsError.usage(Messages.goodPracticeHasNoMeasure(f.label)) }
                return f.uid
            }
        }
        let answered = measure.findings.compactMap { procedure.finding(uid: $0) }
        if measure.kind != .recommandation, !answered.contains(where: { $0.kind == .ecart }) {
            throw RegardsError.usage(Messages.measureAnswersAnEcart(measure.kind, remarques: answered.map(\.label)))
        }
        switch (input.due, input.within) {
        case (_?, _?): throw RegardsError.usage(Messages.dueOrWithin)
        case (let due?, nil):
            let date = try DateInput.read(due, field: "--due").get()
            if let start = record.visit.startDate, date < start {
                throw RegardsError.usage(Messages.dueBeforeVisit(date, start: start))
            }
            measure.deadline = MeasureDeadline(date: date)
        case (nil, let within?): measure.deadline = MeasureDeadline(within: try PeriodInput.read(within, field: "--within").get())
        case (nil, nil): break
        }
    }

    // MARK: - The contradictory procedure and the follow-up

    /// The organisation's answer to a measure, between the provisional and the definitive report.
    public func answer(_ label: String, position: OrganisationAnswer.Position, arguments: String?, plan: String?, evidence: String?,
                       received: String?) throws -> ProcedureEvent {
        guard let issued = procedure.provisionalReport else {
            throw RegardsError.badData(Messages.provisionalNotIssuedToAnswer(visitID))
        }
        try decisionPending(Messages.answersClosed)
        var measure = try activeMeasure(label)
        if position == .contested, (arguments ?? "").trimmedSpaces.isEmpty {
            throw RegardsError.usage(Messages.contestedNeedsArguments)
        }
        let date = try received.map { try DateInput.read($0, field: "--received").get() } ?? stamp.today
        if date < issued { throw RegardsError.usage(Messages.receivedBeforeProvisional(date, issued: issued)) }
        measure.answer = OrganisationAnswer(position: position, arguments: arguments?.trimmedSpaces, plan: plan?.trimmedSpaces,
                                            evidence: evidence?.trimmedSpaces, received: date)
        return event(.answered, measure: measure)
    }

    /// The inspectors' response to a contested measure; `changes` rewrite it when the decision is `changed`.
    public func respond(_ label: String, decision: InspectorsResponse.Decision, reason: String, changes: MeasureInput) throws -> ProcedureEvent {
        guard procedure.provisionalReport != nil else {
            throw RegardsError.badData(Messages.provisionalNotIssuedToContest(visitID))
        }
        try decisionPending(Messages.responsesClosed)
        var measure = try activeMeasure(label)
        guard measure.answer?.position == .contested else {
            throw RegardsError.badData(Messages.notContested(measure.label))
        }
        if reason.trimmedSpaces.isEmpty { throw RegardsError.usage(Messages.responseNeedsReason) }
        switch decision {
        case .changed:
            if changes.isEmpty { throw RegardsError.usage(Messages.changedNeedsChanges) }
            try apply(changes, to: &measure)
        case .kept, .withdrawn:
            if !changes.isEmpty { throw RegardsError.usage(Messages.changesNeedChanged) }
        }
        measure.response = InspectorsResponse(decision: decision, reason: reason.trimmedSpaces)
        if decision == .withdrawn { measure.withdrawn = true }
        return event(.responded, measure: measure, reason: reason)
    }

    /// Where a measure stands after the decision.
    /// `source`: where the date comes from, for the messages (`--on`, or a file's `date` column).
    public func follow(_ label: String, status: FollowUp.Status, on: String?, evidence: String?, note: String?,
                       source: InputSource = .commandLine) throws -> ProcedureEvent {
        guard let decided = procedure.definitiveReport else {
            throw RegardsError.badData(Messages.decisionNotIssued(visitID))
        }
        var measure = try activeMeasure(label)
        let field = source == .commandLine ? "--on" : Messages.theDate
        let date = try on.map { try DateInput.read($0, field: field).get() } ?? stamp.today
        if date < decided { throw RegardsError.usage(Messages.followUpBeforeDecision(field, date, decided: decided)) }
        measure.followUp = FollowUp(status: status, on: date, evidence: evidence?.trimmedSpaces, note: note?.trimmedSpaces)
        return event(.followedUp, measure: measure)
    }

    /// The report a phase issues, on `date`.
    public func issue(_ report: ReportMilestone, on date: CalendarDate) -> ProcedureEvent {
        ProcedureEvent(uid: stamp.makeID(), visit: visitID, change: report.change, date: date, author: stamp.author, at: stamp.at)
    }

    // MARK: - Shared checks

    private func findingsOpen() throws {
        if let decided = procedure.definitiveReport {
            throw RegardsError.badData(Messages.definitiveIssued(visitID, on: decided, Messages.findingsFinal))
        }
    }

    private func measuresOpen() throws {
        try decisionPending(Messages.measuresFinal)
    }

    /// Once the provisional report is out, what it said changes only with a reason in the history.
    private func reasoned(_ reason: String?) throws {
        if let issued = procedure.provisionalReport, (reason ?? "").trimmedSpaces.isEmpty {
            throw RegardsError.usage(Messages.reasonNeeded(since: issued))
        }
    }

    private func decisionPending(_ consequence: String) throws {
        if let decided = procedure.definitiveReport {
            throw RegardsError.badData(Messages.definitiveIssued(visitID, on: decided, consequence))
        }
    }

    func activeFinding(_ label: String) throws -> Finding {
        let typed = label.trimmedSpaces
        guard let f = procedure.finding(label: typed) else {
            let known = procedure.findings.filter { $0.number != nil }.map(\.label)
            throw RegardsError.missingInput(Messages.noFinding(typed, visit: visitID, hint: Suggestion.hint(for: typed.uppercased(), in: known)))
        }
        if f.withdrawn { throw RegardsError.badData(Messages.findingWithdrawn(f.label)) }
        return f
    }

    func activeMeasure(_ label: String) throws -> Measure {
        let typed = label.trimmedSpaces
        guard let m = procedure.measure(label: typed) else {
            let known = procedure.measures.filter { $0.number != nil }.map(\.label)
            throw RegardsError.missingInput(Messages.noMeasure(typed, visit: visitID, hint: Suggestion.hint(for: typed.uppercased(), in: known)))
        }
        if m.withdrawn { throw RegardsError.badData(Messages.measureWithdrawn(m.label)) }
        return m
    }

    private func event(_ change: ProcedureEvent.Change, finding: Finding? = nil, measure: Measure? = nil, reason: String? = nil) -> ProcedureEvent {
        ProcedureEvent(uid: stamp.makeID(), visit: visitID, change: change, finding: finding, measure: measure, author: stamp.author, at: stamp.at,
                       reason: reason?.trimmedSpaces)
    }
}
