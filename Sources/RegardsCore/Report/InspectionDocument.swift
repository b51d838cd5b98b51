/// The content of the inspection's documents (DOMAIN.md §9): the provisional report, its covering
/// letter listing the measures envisaged, and the definitive report with the decision. Templates
/// (Mustache, `Templates/`) decide the layout; this decides what is said, from the visit's
/// procedure. No personal data reaches it that the privacy gate has not let through.
public struct InspectionDocument: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case provisionalReport = "rapport-provisoire"
        case letter = "lettre"
        case definitiveReport = "rapport-definitif"

        /// The template's base name.
        public var template: String { self == .letter ? "lettre-rapport-provisoire" : rawValue }
    }

    public struct Item: Sendable {
        public var number: String
        public var kind: String
        public var fact: String
        public var criterion: String
        public var references: String
        public var hasReferences: Bool
        public var evidence: String
        public var measures: String
    }

    public struct MeasureItem: Sendable {
        public var number: String
        public var kind: String
        public var text: String
        public var findings: String
        public var deadline: String
        public var withdrawn: Bool
        public var hasAnswer: Bool
        public var answer: String
        public var arguments: String
        public var hasArguments: Bool
        public var plan: String
        public var hasPlan: Bool
        public var hasResponse: Bool
        public var response: String
        public var reason: String
    }

    public var establishment: String
    public var finess: String
    public var visit: String
    public var dates: String
    public var inspectors: String
    /// The date the report was issued, or « projet du DATE » before it is.
    public var issued: String
    public var isDraft: Bool
    /// The day the organisation's answer is due (provisional report and letter).
    public var answerDue: String
    public var answerDelay: String
    public var decision: String
    public var ecarts: [Item]
    public var remarques: [Item]
    public var goodPractice: [Item]
    public var withdrawn: [Item]
    public var hasEcarts: Bool
    public var hasRemarques: Bool
    public var hasGoodPractice: Bool
    public var hasWithdrawn: Bool
    public var measures: [MeasureItem]
    public var hasMeasures: Bool
    public var withdrawnMeasures: [MeasureItem]
    public var hasWithdrawnMeasures: Bool
    public var hasContested: Bool
    public var countEcarts: Int
    public var countRemarques: Int
    public var countMeasures: Int

    public init(_ r: VisitRecord, kind: Kind) {
        // An issued report says what it said the day it was issued: the procedure up to its event.
        let milestone: ProcedureEvent.Change = kind == .definitiveReport ? .definitiveReport : .provisionalReport
        let p = r.procedure.events.firstIndex { $0.change == milestone }.map { Procedure(events: Array(r.procedure.events[...$0])) } ?? r.procedure
        establishment = r.visit.establishment
        finess = r.visit.finess
        visit = r.visit.id
        dates = [r.visit.startDate?.description, r.visit.endDate?.description].compactMap { $0 }.joined(separator: " → ")
        inspectors = r.visit.inspectors.joined(separator: ", ")
        let date = kind == .definitiveReport ? p.definitiveReport : p.provisionalReport
        isDraft = date == nil
        issued = date.map(\.description) ?? "projet du \(r.today)"
        let delay = r.workflow?.answerDelay ?? Period(months: 1)
        answerDelay = delay.description
        answerDue = p.answerDue(within: delay).map(\.description) ?? "\(delay.description) après la réception du rapport"
        decision = p.definitiveReport.map(\.description) ?? "—"
        func item(_ f: Finding) -> Item {
            Item(number: f.label, kind: f.kind.label, fact: f.fact, criterion: f.criterion ?? "", references: f.references.joined(separator: " ; "),
                 hasReferences: !f.references.isEmpty, evidence: f.evidence.map(r.describe).joined(separator: ", "),
                 measures: p.measures(answering: f).map(\.label).joined(separator: ", "))
        }
        let counted = p.reportFindings.filter { !$0.withdrawn }
        ecarts = counted.filter { $0.kind == .ecart }.map(item)
        remarques = counted.filter { $0.kind == .remarque }.map(item)
        goodPractice = counted.filter { $0.kind == .bonnePratique }.map(item)
        withdrawn = p.findings.filter { $0.withdrawn && $0.number != nil }.map(item)
        func measure(_ m: Measure) -> MeasureItem {
            let due = kind == .definitiveReport ? (p.due(m)?.description ?? m.deadline.description) : m.deadline.description
            return MeasureItem(number: m.label, kind: m.kind.label, text: m.text, findings: p.findingLabels(m).joined(separator: ", "), deadline: due,
                               withdrawn: m.withdrawn, hasAnswer: m.answer != nil, answer: m.answer?.position.label ?? "",
                               arguments: m.answer?.arguments ?? "", hasArguments: m.answer?.arguments?.isEmpty == false,
                               plan: m.answer?.plan ?? "", hasPlan: m.answer?.plan?.isEmpty == false, hasResponse: m.response != nil,
                               response: m.response?.decision.label ?? "", reason: m.response?.reason ?? "")
        }
        measures = p.measures.filter { $0.number != nil && !$0.withdrawn }.map(measure)
        withdrawnMeasures = p.measures.filter { $0.number != nil && $0.withdrawn }.map(measure)
        hasEcarts = !ecarts.isEmpty
        hasRemarques = !remarques.isEmpty
        hasGoodPractice = !goodPractice.isEmpty
        hasWithdrawn = !withdrawn.isEmpty
        hasMeasures = !measures.isEmpty
        hasWithdrawnMeasures = !withdrawnMeasures.isEmpty
        hasContested = p.measures.contains { $0.answer?.position == .contested }
        countEcarts = ecarts.count
        countRemarques = remarques.count
        countMeasures = measures.count
    }
}
