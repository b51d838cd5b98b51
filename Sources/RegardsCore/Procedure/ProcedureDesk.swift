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
        guard let kind = input.kind else { throw RegardsError.usage("a finding needs a kind: --kind ecart, remarque or bonne-pratique") }
        var finding = Finding(uid: stamp.makeID(), kind: kind, fact: "")
        try apply(input, to: &finding)
        return event(.added, finding: finding)
    }

    public func editFinding(_ label: String, _ input: FindingInput, reason: String?) throws -> ProcedureEvent {
        try findingsOpen()
        try reasoned(reason)
        var finding = try activeFinding(label)
        if let kind = input.kind, kind != finding.kind, let issued = procedure.provisionalReport {
            throw RegardsError.badData("\(finding.label) keeps its kind since the provisional report (\(issued)); drop it and add a new finding")
        }
        try apply(input, to: &finding)
        if let kind = input.kind, kind == .bonnePratique, let m = procedure.measures(answering: finding).first {
            throw RegardsError.badData("\(m.label) answers \(finding.label): a good practice is not answered by a measure; edit \(m.label) first")
        }
        return event(.edited, finding: finding, reason: reason)
    }

    public func dropFinding(_ label: String, reason: String?) throws -> ProcedureEvent {
        try findingsOpen()
        try reasoned(reason)
        var finding = try activeFinding(label)
        if let m = procedure.measures(answering: finding).first(where: { $0.findings.filter { procedure.finding(uid: $0)?.withdrawn == false }.count == 1 }) {
            throw RegardsError.badData("\(m.label) answers only \(finding.label): edit or drop \(m.label) first")
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
        if finding.fact.isEmpty { throw RegardsError.usage("a finding states the fact observed: give --fact") }
        if finding.kind == .ecart, finding.references.isEmpty {
            throw RegardsError.usage("an écart cites the text it breaches: give --criterion (a control item) or --reference")
        }
    }

    /// `CTL-DU-08` (an answered criterion), `#3` or `obs:3` (the third observation), `R07/admission` (a journey step).
    public func readEvidence(_ typed: String) throws -> FindingEvidence {
        let text = typed.trimmedSpaces
        let number = text.hasPrefix("#") ? text.dropFirst() : text.lowercased().hasPrefix("obs:") ? text.dropFirst(4) : nil
        if let number {
            guard let n = Int(number), n >= 1, n <= record.observations.count else {
                throw RegardsError.usage("evidence `\(text)`: visit \(visitID) has \(record.observations.count) observation(s) (regards observation list \(visitID))")
            }
            return .observation(record.observations[n - 1].uid)
        }
        if let slash = text.firstIndex(of: "/") {
            let resident = String(text[..<slash]), step = String(text[text.index(after: slash)...])
            guard record.residents.contains(resident) else {
                throw RegardsError.usage("evidence `\(text)`: no journey of `\(resident)` in visit \(visitID)" + .hint(Suggestion.hint(for: resident, in: record.residents)))
            }
            let steps = (record.grids.evaluation.journey?.steps.map(\.id) ?? []) + record.journeys.filter { $0.entry.resident == resident }.map(\.entry.step)
            guard steps.contains(step) else {
                throw RegardsError.usage("evidence `\(text)`: `\(step)` is not a journey step" + .hint(Suggestion.hint(for: step, in: steps)))
            }
            return .journeyStep(resident: resident, step: step)
        }
        let (grid, _, item) = try record.grids.locate(text).mapError { refusal in
            RegardsError.usage("evidence `\(text)`: \(refusal.description); write a criterion id (CTL-DU-08), an observation number (#3) or RESIDENT/STEP (R07/admission)")
        }.get()
        guard record.current[grid]?[item.id] != nil else { throw RegardsError.usage("evidence `\(text)`: \(item.id) has no answer in visit \(visitID)") }
        return .answer(grid, criterion: item.id)
    }

    // MARK: - Measures

    public func addMeasure(_ input: MeasureInput) throws -> ProcedureEvent {
        try measuresOpen()
        guard let kind = input.kind else { throw RegardsError.usage("a measure needs a kind: --kind prescription, recommandation or injonction") }
        guard input.findings?.isEmpty == false else { throw RegardsError.usage("a measure answers at least one finding: give --findings E1,R2") }
        guard input.due != nil || input.within != nil else {
            throw RegardsError.usage("a measure needs a deadline: give --due YYYY-MM-DD or --within \"3 mois\" (counted from the decision)")
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
        if measure.text.isEmpty { throw RegardsError.usage("a measure says what is asked: give --text") }
        if let labels = input.findings {
            guard !labels.isEmpty else { throw RegardsError.usage("a measure answers at least one finding: give --findings E1,R2") }
            measure.findings = try labels.map { label in
                let f = try activeFinding(label)
                if f.kind == .bonnePratique { throw RegardsError.usage("\(f.label) is a good practice: no measure answers it") }
                return f.uid
            }
        }
        let answered = measure.findings.compactMap { procedure.finding(uid: $0) }
        if measure.kind != .recommandation, !answered.contains(where: { $0.kind == .ecart }) {
            throw RegardsError.usage("a\(measure.kind == .injonction ? "n" : "") \(measure.kind.label) answers an écart (\(answered.map(\.label).joined(separator: ", ")) "
                                     + "\(answered.count == 1 ? "is a remarque" : "are remarques")); a remarque leads to a recommandation")
        }
        switch (input.due, input.within) {
        case (_?, _?): throw RegardsError.usage("give --due or --within, not both")
        case (let due?, nil):
            let date = try DateInput.read(due, field: "--due").get()
            if let start = record.visit.startDate, date < start {
                throw RegardsError.usage("--due \(date) is before the visit (\(start))")
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
            throw RegardsError.badData("the provisional report of visit \(visitID) is not issued yet: the organisation answers it (regards visit advance \(visitID))")
        }
        try decisionPending("the organisation's answers are closed; record the follow-up (regards measure follow)")
        var measure = try activeMeasure(label)
        if position == .contested, (arguments ?? "").trimmedSpaces.isEmpty {
            throw RegardsError.usage("a contested measure comes with the organisation's arguments: give --arguments")
        }
        let date = try received.map { try DateInput.read($0, field: "--received").get() } ?? stamp.today
        if date < issued { throw RegardsError.usage("--received \(date) is before the provisional report (\(issued))") }
        measure.answer = OrganisationAnswer(position: position, arguments: arguments?.trimmedSpaces, plan: plan?.trimmedSpaces,
                                            evidence: evidence?.trimmedSpaces, received: date)
        return event(.answered, measure: measure)
    }

    /// The inspectors' response to a contested measure; `changes` rewrite it when the decision is `changed`.
    public func respond(_ label: String, decision: InspectorsResponse.Decision, reason: String, changes: MeasureInput) throws -> ProcedureEvent {
        guard procedure.provisionalReport != nil else {
            throw RegardsError.badData("the provisional report of visit \(visitID) is not issued yet: nothing is contested")
        }
        try decisionPending("the inspectors' responses are closed")
        var measure = try activeMeasure(label)
        guard measure.answer?.position == .contested else {
            throw RegardsError.badData("\(measure.label) is not contested: only a contested measure needs the inspectors' response")
        }
        if reason.trimmedSpaces.isEmpty { throw RegardsError.usage("the response gives its reason: --reason") }
        switch decision {
        case .changed:
            if changes.isEmpty { throw RegardsError.usage("a changed measure says what changes: --text, --kind, --findings, --due or --within") }
            try apply(changes, to: &measure)
        case .kept, .withdrawn:
            if !changes.isEmpty { throw RegardsError.usage("--text, --kind, --findings, --due and --within go with --decision changed") }
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
            throw RegardsError.badData("the decision of visit \(visitID) is not issued yet: measures are followed up after the definitive report")
        }
        var measure = try activeMeasure(label)
        let field = source == .commandLine ? "--on" : "the date"
        let date = try on.map { try DateInput.read($0, field: field).get() } ?? stamp.today
        if date < decided { throw RegardsError.usage("\(field) \(date) is before the decision (\(decided))") }
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
            throw RegardsError.badData("the definitive report of visit \(visitID) was issued on \(decided): its findings are final")
        }
    }

    private func measuresOpen() throws {
        try decisionPending("its measures are final; record their follow-up (regards measure follow)")
    }

    /// Once the provisional report is out, what it said changes only with a reason in the history.
    private func reasoned(_ reason: String?) throws {
        if let issued = procedure.provisionalReport, (reason ?? "").trimmedSpaces.isEmpty {
            throw RegardsError.usage("the provisional report was issued on \(issued): a change to it gives its reason (--reason)")
        }
    }

    private func decisionPending(_ consequence: String) throws {
        if let decided = procedure.definitiveReport {
            throw RegardsError.badData("the definitive report of visit \(visitID) was issued on \(decided): \(consequence)")
        }
    }

    func activeFinding(_ label: String) throws -> Finding {
        let typed = label.trimmedSpaces
        guard let f = procedure.finding(label: typed) else {
            let known = procedure.findings.filter { $0.number != nil }.map(\.label)
            throw RegardsError.missingInput("no finding `\(typed)` in visit \(visitID)" + .hint(Suggestion.hint(for: typed.uppercased(), in: known)))
        }
        if f.withdrawn { throw RegardsError.badData("\(f.label) is withdrawn") }
        return f
    }

    func activeMeasure(_ label: String) throws -> Measure {
        let typed = label.trimmedSpaces
        guard let m = procedure.measure(label: typed) else {
            let known = procedure.measures.filter { $0.number != nil }.map(\.label)
            throw RegardsError.missingInput("no measure `\(typed)` in visit \(visitID)" + .hint(Suggestion.hint(for: typed.uppercased(), in: known)))
        }
        if m.withdrawn { throw RegardsError.badData("\(m.label) is withdrawn") }
        return m
    }

    private func event(_ change: ProcedureEvent.Change, finding: Finding? = nil, measure: Measure? = nil, reason: String? = nil) -> ProcedureEvent {
        ProcedureEvent(uid: stamp.makeID(), visit: visitID, change: change, finding: finding, measure: measure, author: stamp.author, at: stamp.at,
                       reason: reason?.trimmedSpaces)
    }
}
