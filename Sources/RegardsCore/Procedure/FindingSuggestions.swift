/// A finding Regards proposes from a visit's answers; the inspector accepts it or not (nothing is
/// recorded until then).
public struct FindingSuggestion: Equatable, Sendable {
    /// The criterion it comes from: how the inspector accepts it (`--accept CTL-DU-08`).
    public var criterion: String
    public var kind: FindingKind
    public var fact: String
    public var references: [String]
    public var evidence: [FindingEvidence]
    /// Why it is proposed, a note to the inspector (in the language of the messages).
    public var why: String
}

extension VisitRecord {
    /// Proposals, in this order: every control item answered below its top level (an écart when it
    /// rests on an enforceable text, a remarque on good practice), then the evaluation criteria the
    /// control grid finds conformant but that the people accommodated judge at the lowest level
    /// (the strongest divergences: a remarque). Criteria that already have a finding are left out.
    public var findingSuggestions: [FindingSuggestion] {
        let taken = Set(procedure.activeFindings.compactMap(\.criterion))
        var out: [FindingSuggestion] = []
        for f in controlFindings where !taken.contains(f.criterion) {
            let kind = f.kind ?? .remarque
            let comment = f.comment.map { " — \($0)" } ?? ""
            out.append(FindingSuggestion(criterion: f.criterion, kind: kind, fact: "\(f.title) : \(f.answer.lowercased())\(comment)",
                                         references: f.references, evidence: [.answer(.control, criterion: f.criterion)],
                                         why: Messages.proposedFromControl(f.answer.lowercased(), basis: f.kind)))
        }
        let comparison = VisitComparison(self)
        var seen = Set<String>()
        for link in comparison.links where link.divergence == .conformButUnsatisfying {
            guard let e = link.evaluation, let c = link.control, !taken.contains(e.criterion), seen.insert(e.criterion).inserted,
                  case .level(let level)? = e.value, let scale = grids.criterion(e.criterion, in: .evaluation).flatMap({ grids.scale($0.scale, in: .evaluation) }),
                  level == scale.bottom?.value else { continue }
            out.append(FindingSuggestion(criterion: e.criterion, kind: .remarque,
                                         fact: "\(e.title) : jugé « \(e.label ?? "\(level)") » par les personnes accueillies, alors que le contrôle (\(c.criterion)) le trouve conforme",
                                         references: [], evidence: [.answer(.evaluation, criterion: e.criterion), .answer(.control, criterion: c.criterion)],
                                         why: Messages.proposedFromDivergence(Divergence.conformButUnsatisfying.label)))
        }
        return out
    }
}

extension ProcedureDesk {
    /// Records the proposals named by their criterion, in the proposals' order (grid order) whatever
    /// the order typed; each goes through the same checks as `addFinding`, after the ones before it.
    public func accept(_ criteria: [String]) throws -> [ProcedureEvent] {
        let proposals = record.findingSuggestions
        for id in criteria where !proposals.contains(where: { $0.criterion.lowercased() == id.lowercased() }) {
            throw RegardsError.usage(Messages.noProposal(id, visit: visitID, hint: Suggestion.hint(for: id, in: proposals.map(\.criterion))))
        }
        var events: [ProcedureEvent] = []
        var draft = record
        for s in proposals where criteria.contains(where: { $0.lowercased() == s.criterion.lowercased() }) {
            let input = FindingInput(kind: s.kind, fact: s.fact, evidence: s.evidence.map(draft.describe), references: s.references, criterion: s.criterion)
            events.append(try ProcedureDesk(record: draft, stamp: stamp).addFinding(input))
            draft.procedure = Procedure(events: record.procedure.events + events)
        }
        return events
    }
}
