/// How a recorded answer is echoed on the terminal, by `answer`, `reconcile` and a workbook's
/// import: `AC-10 = Plutôt satisfaisant (avant : Plutôt pas satisfaisant)`, in the user's language.
public enum AnswerChangeLine {
    /// `CRITERION = NOW (before: OLD ; comment changed ; evidence changed) — X's independent scoring`.
    /// `now` nil: the answer was withdrawn; `before` .some(nil): there was no answer before.
    public static func line(_ criterion: String, now: String?, before: String?? = nil, comment: Bool = false, evidence: Bool = false, scorer: String? = nil) -> String {
        var what: [String] = []
        if let before { what.append(Messages.answerBefore(before ?? Messages.noAnswer)) }
        if comment { what.append(Messages.commentChanged) }
        if evidence { what.append(Messages.evidenceChanged) }
        return "\(criterion) = \(now ?? Messages.answerWithdrawn)" + (what.isEmpty ? "" : " (\(what.joined(separator: Messages.listSeparator)))")
            + (scorer.map(Messages.ofIndependentScoring) ?? "")
    }

    /// `CRITERION = NOW (consensus de A : x · B : y)`: a reconciliation, with what each scorer said.
    public static func consensus(_ criterion: String, now: String, said: [(scorer: String, label: String?)]) -> String {
        Messages.consensus(criterion, now, said.map { Messages.scorerSaid($0.scorer, $0.label ?? "—") }.joined(separator: " · "))
    }
}
