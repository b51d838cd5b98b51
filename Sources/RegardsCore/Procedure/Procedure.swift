/// A visit's findings and measures and where its contradictory procedure stands, folded from its
/// procedure events (oldest first). Numbers are given here, and only here: before the provisional
/// report the findings still counted are numbered in the order they were added; the report freezes
/// those numbers, later findings continue the count, and a finding dropped after it keeps its
/// number, shown as withdrawn.
public struct Procedure: Sendable {
    public let events: [ProcedureEvent]
    /// In the order they were added, withdrawn ones included.
    public private(set) var findings: [Finding] = []
    public private(set) var measures: [Measure] = []
    public private(set) var provisionalReport: CalendarDate?
    public private(set) var definitiveReport: CalendarDate?

    public enum Stage: Int, Comparable, Sendable {
        case drafting, provisional, definitive

        public static func < (a: Stage, b: Stage) -> Bool { a.rawValue < b.rawValue }
    }

    public var stage: Stage { definitiveReport != nil ? .definitive : provisionalReport != nil ? .provisional : .drafting }

    public init(events: [ProcedureEvent] = []) {
        self.events = events
        var findingAt: [String: Int] = [:], measureAt: [String: Int] = [:]
        var frozen = false
        for event in events {
            if var f = event.finding {
                if let i = findingAt[f.uid] {
                    f.number = findings[i].number
                    findings[i] = f
                } else {
                    if frozen { f.number = 1 + (findings.filter { $0.kind == f.kind }.compactMap(\.number).max() ?? 0) }
                    findingAt[f.uid] = findings.count
                    findings.append(f)
                }
            }
            if var m = event.measure {
                if let i = measureAt[m.uid] {
                    m.number = measures[i].number
                    measures[i] = m
                } else {
                    if frozen { m.number = 1 + (measures.compactMap(\.number).max() ?? 0) }
                    measureAt[m.uid] = measures.count
                    measures.append(m)
                }
            }
            switch event.change {
            case .provisionalReport:
                provisionalReport = event.date
                if !frozen { number() }
                frozen = true
            case .definitiveReport:
                definitiveReport = event.date
            default: break
            }
        }
        if !frozen { number() }
    }

    /// Numbers the items still counted, by kind, in the order they were added.
    private mutating func number() {
        var counts: [FindingKind: Int] = [:]
        for i in findings.indices {
            guard !findings[i].withdrawn else { findings[i].number = nil; continue }
            counts[findings[i].kind, default: 0] += 1
            findings[i].number = counts[findings[i].kind]
        }
        var n = 0
        for i in measures.indices {
            guard !measures[i].withdrawn else { measures[i].number = nil; continue }
            n += 1
            measures[i].number = n
        }
    }

    public var activeFindings: [Finding] { findings.filter { !$0.withdrawn } }
    public var activeMeasures: [Measure] { measures.filter { !$0.withdrawn } }

    /// Findings in report order: écarts, remarques, good practice, each by number.
    public var reportFindings: [Finding] {
        FindingKind.allCases.flatMap { kind in findings.filter { $0.kind == kind && $0.number != nil }.sorted { $0.number! < $1.number! } }
    }

    public func finding(uid: String) -> Finding? { findings.first { $0.uid == uid } }
    public func measure(uid: String) -> Measure? { measures.first { $0.uid == uid } }

    /// A finding by its label (`E2`, `r1`, `BP3`).
    public func finding(label: String) -> Finding? {
        let wanted = label.uppercased()
        return findings.first { $0.number != nil && $0.label == wanted }
    }

    /// A measure by its label (`M2`) or number (`2`).
    public func measure(label: String) -> Measure? {
        let wanted = label.uppercased()
        return measures.first { $0.number != nil && ($0.label == wanted || "\($0.number!)" == wanted) }
    }

    /// The labels of a measure's findings (`E1, E3`).
    public func findingLabels(_ m: Measure) -> [String] { m.findings.compactMap { finding(uid: $0)?.label } }

    /// Active measures that answer a finding.
    public func measures(answering finding: Finding) -> [Measure] { activeMeasures.filter { $0.findings.contains(finding.uid) } }

    /// Écarts that no active measure answers yet (each needs one before the provisional report).
    public var ecartsWithoutMeasure: [Finding] {
        activeFindings.filter { $0.kind == .ecart && measures(answering: $0).isEmpty }
    }

    /// The day the organisation's answer is due: the provisional report plus the workflow's delay.
    public func answerDue(within delay: Period) -> CalendarDate? { provisionalReport?.adding(delay) }
}

/// Where a measure stands on a given day, for `measure status`, the tableau de suivi and the campaign.
public enum MeasureStatus: String, Codable, Sendable, CaseIterable {
    /// Before the decision: envisaged in the provisional report.
    case envisaged
    case inProgress = "in-progress"
    /// Its deadline has passed and it is not lifted.
    case overdue
    case lifted
    case notLifted = "not-lifted"
    case withdrawn

    public var label: String {
        switch self {
        case .envisaged: "envisagée"
        case .inProgress: "en cours"
        case .overdue: "en retard"
        case .lifted: "levée"
        case .notLifted: "non levée"
        case .withdrawn: "retirée"
        }
    }
}

extension MeasureStatus {
    /// Lifted or found not lifted: nothing more to follow.
    public var isSettled: Bool { self == .lifted || self == .notLifted }

    /// Where a measure stands in a follow-up list: the overdue first, then those still open, then
    /// the settled and withdrawn ones.
    public var followUpRank: Int {
        switch self {
        case .overdue: 0
        case .envisaged, .inProgress: 1
        case .lifted, .notLifted, .withdrawn: 2
        }
    }
}

extension Procedure {
    /// Active measures still to follow on `today` (neither lifted nor found not lifted).
    public func unsettled(today: CalendarDate) -> [Measure] { activeMeasures.filter { !status(of: $0, today: today).isSettled } }

    /// « 2 en cours, 1 levée »: measures (the active ones unless given) counted by status, in the statuses' order.
    public func statusCounts(_ list: [Measure]? = nil, today: CalendarDate) -> String {
        let counts = Dictionary(grouping: list ?? activeMeasures, by: { status(of: $0, today: today) }).mapValues(\.count)
        return MeasureStatus.allCases.compactMap { s in counts[s].map { "\($0) \(s.label)" } }.joined(separator: ", ")
    }

    /// A measure's deadline as a date, once the decision starts its period.
    public func due(_ m: Measure) -> CalendarDate? { m.deadline.date(decidedOn: definitiveReport) }

    public func status(of m: Measure, today: CalendarDate) -> MeasureStatus {
        if m.withdrawn { return .withdrawn }
        switch m.followUp?.status {
        case .lifted?: return .lifted
        case .notLifted?: return .notLifted
        default: break
        }
        guard definitiveReport != nil else { return .envisaged }
        if let due = due(m), due < today { return .overdue }
        return .inProgress
    }

    /// Measures that still count: the overdue first, then those still open, then the settled ones
    /// (lifted, not lifted, withdrawn); by deadline within each.
    public func followUpOrder(today: CalendarDate) -> [Measure] {
        func rank(_ m: Measure) -> Int { status(of: m, today: today).followUpRank }
        return measures.filter { $0.number != nil }.sorted { a, b in
            (rank(a), due(a)?.dayNumber ?? .max, a.number!) < (rank(b), due(b)?.dayNumber ?? .max, b.number!)
        }
    }
}
