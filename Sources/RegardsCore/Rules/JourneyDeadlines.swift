/// One dated step of one resident's journey, as recorded during a visit.
public struct JourneyEntry: Hashable, Sendable, Codable {
    /// The resident's code (never a name).
    public var resident: String
    public var step: String
    /// Nil for a note about a step that was not done ("contrat jamais remis : …").
    public var date: CalendarDate?
    public var note: String?

    public init(resident: String, step: String, date: CalendarDate?, note: String? = nil) {
        self.resident = resident
        self.step = step
        self.date = date
        self.note = note
    }
}

/// Where one occurrence of a step stands against its deadline.
public struct StepCheck: Equatable, Sendable, Codable {
    public enum State: String, Equatable, Sendable, Codable {
        /// Done by its deadline, or done and without deadline.
        case onTime = "dans-les-delais"
        /// Done after its deadline.
        case late = "en-retard"
        /// Not done and its deadline has passed.
        case missing = "manquant"
        /// Not done, deadline still ahead.
        case pending = "a-venir"
        /// The step its deadline counts from is not recorded: the deadline cannot be computed.
        case undetermined = "indetermine"
        /// Not done, with no deadline (or optional): nothing to say yet.
        case notRecorded = "non-renseigne"
        /// Recorded as not done (a dated entry is missing, a note explains why), for a step without deadline.
        case notDone = "non-fait"
    }

    public var step: String
    /// 1 for the first occurrence, 2… for the repetitions of a recurring step.
    public var occurrence: Int
    public var due: CalendarDate?
    public var done: CalendarDate?
    public var state: State
    /// Days after the deadline (late: when done; missing: as of the reference date).
    public var daysLate: Int
    public var note: String?
}

/// Computes, for each resident, every step's deadline and whether it was met — pure date arithmetic.
///
/// Rules: a deadline counts from the **first** recorded date of the step it names, forwards
/// (`after`) or backwards (`before`: due that long before it); its months come from a context
/// variable when the step says so (`months_from`) and the visit sets it; a recurring step's next
/// occurrence is due `repeat_every` after the previous occurrence (or after the previous deadline
/// when that occurrence is missing); occurrences are checked up to the reference date (the visit
/// date) or the person's exit (the template's `exit` step), whichever comes first — nothing is due
/// after the exit; a step is not due when the person has one of its `unless` steps (no signature
/// for a DIPC), nor when it counts from an optional step the person does not have; an optional
/// step or a step without deadline is never `missing`.
public struct JourneyEvaluator: Sendable {
    public let template: JourneyTemplate

    public init(template: JourneyTemplate) {
        self.template = template
    }

    public func evaluate(_ entries: [JourneyEntry], resident: String, asOf visitDate: CalendarDate, context: [String: Condition.Value] = [:]) -> [StepCheck] {
        let mine = entries.filter { $0.resident == resident }
        var dates: [String: [(date: CalendarDate, note: String?)]] = [:]
        var notes: [String: String] = [:]
        for entry in mine {
            if let date = entry.date {
                dates[entry.step, default: []].append((date, entry.note))
            } else if let note = entry.note {
                notes[entry.step] = note
            }
        }
        for key in dates.keys { dates[key]?.sort { $0.date < $1.date } }
        // Nothing is due after the person's exit.
        let exit = template.exit.flatMap { dates[$0]?.first?.date }
        let asOf = exit.map { min($0, visitDate) } ?? visitDate
        var out: [StepCheck] = []
        for step in template.steps {
            let done = dates[step.id] ?? []
            let waived = (step.unless ?? []).contains { dates[$0] != nil || notes[$0] != nil }
            guard let deadline = step.deadline, !waived else {
                if done.isEmpty {
                    out.append(StepCheck(step: step.id, occurrence: 1, state: notes[step.id] == nil ? .notRecorded : .notDone, daysLate: 0, note: notes[step.id]))
                } else {
                    for (i, e) in done.enumerated() {
                        out.append(StepCheck(step: step.id, occurrence: i + 1, done: e.date, state: .onTime, daysLate: 0, note: e.note))
                    }
                }
                continue
            }
            guard let base = dates[deadline.anchor]?.first?.date else {
                // Counted from an optional step the person does not have (no DALO recourse, no
                // élection de domicile): nothing is due. From a required step not recorded: unknown.
                let nothingDue = done.isEmpty && template.step(deadline.anchor)?.optional == true
                out.append(StepCheck(step: step.id, occurrence: 1, done: done.first?.date, state: nothingDue ? .notRecorded : .undetermined, daysLate: 0,
                                     note: done.first?.note ?? notes[step.id]))
                continue
            }
            let period = deadline.period(in: context)
            var due = deadline.before != nil ? base.subtracting(period) : base.adding(period)
            var index = 0
            while true {
                let occurrence = index < done.count ? done[index] : nil
                var check = StepCheck(step: step.id, occurrence: index + 1, due: due, done: occurrence?.date, state: .onTime, daysLate: 0,
                                      note: occurrence.map { $0.note } ?? notes[step.id])
                if let occurrence {
                    if occurrence.date > due {
                        check.state = .late
                        check.daysLate = occurrence.date.days(since: due)
                    }
                } else if let exit, due > exit {
                    // Due after the person left: nothing to say.
                    check.state = .notRecorded
                } else if asOf > due {
                    check.state = step.optional ? .notRecorded : .missing
                    check.daysLate = step.optional ? 0 : asOf.days(since: due)
                } else {
                    check.state = step.optional ? .notRecorded : .pending
                }
                out.append(check)
                guard let every = step.repeatEvery else { break }
                let next = (occurrence?.date ?? due).adding(every)
                index += 1
                // Keep checking while an occurrence is recorded or the next deadline has passed (before the exit).
                guard index < done.count || next < asOf else { break }
                due = next
            }
        }
        return out
    }
}

/// A step done late or not done by its deadline, for one resident.
public struct JourneyDelay: Equatable, Sendable {
    public var resident: String
    public var check: StepCheck
}

extension VisitRecord {
    /// Each resident's steps against the evaluation protocol's journey template.
    public var journeyChecks: [(resident: String, checks: [StepCheck])] {
        guard let template = grids.evaluation.journey else { return [] }
        let evaluator = JourneyEvaluator(template: template)
        let entries = journeys.map(\.entry)
        let context = visit.conditionContext
        return residents.map { ($0, evaluator.evaluate(entries, resident: $0, asOf: asOf, context: context)) }
    }

    /// Every step done after its deadline or missing at the reference date, resident by resident.
    public var journeyDelays: [JourneyDelay] {
        journeyChecks.flatMap { resident, checks in
            checks.filter { $0.state.isDelay }.map { JourneyDelay(resident: resident, check: $0) }
        }
    }
}

extension StepCheck.State {
    /// Late or missing: what a visit reports and what `journeys_checked` wants explained.
    public var isDelay: Bool { self == .late || self == .missing }
}
