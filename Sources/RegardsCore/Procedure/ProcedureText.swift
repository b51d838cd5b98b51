/// How findings and measures read in lists and documents, written once for the terminal, the
/// documents and the tableau de suivi.
extension VisitRecord {
    /// `CTL-DU-08`, `#3` (the observation's number in the visit's list), `R07/admission`.
    public func describe(_ evidence: FindingEvidence) -> String {
        switch evidence {
        case .answer(_, let criterion): return criterion
        case .observation(let uid): return observations.firstIndex { $0.uid == uid }.map { "#\($0 + 1)" } ?? "#?"
        case .journeyStep(let resident, let step): return "\(resident)/\(step)"
        }
    }

    /// « E2 » or « E2 (retiré) ».
    public func heading(_ f: Finding) -> String { f.label + (f.withdrawn ? " (retiré)" : "") }

    /// The lines `finding list` prints for one finding.
    public func lines(_ f: Finding) -> [String] {
        var out = ["\(heading(f))  \(f.kind.label)\(f.criterion.map { "  [\($0)]" } ?? "")  \(f.fact)"]
        var details: [String] = []
        if !f.references.isEmpty { details.append("références : \(f.references.joined(separator: " ; "))") }
        if !f.evidence.isEmpty { details.append("preuves : \(f.evidence.map(describe).joined(separator: ", "))") }
        let measures = procedure.measures(answering: f).map(\.label)
        if !measures.isEmpty { details.append("mesures : \(measures.joined(separator: ", "))") }
        if !details.isEmpty { out.append("    " + details.joined(separator: " ; ")) }
        return out
    }

    /// The lines `measure list` prints for one measure.
    public func lines(_ m: Measure) -> [String] {
        let p = procedure
        let due = p.due(m).map(\.description) ?? m.deadline.description
        var out = ["\(m.label)\(m.withdrawn ? " (retirée)" : "")  \(m.kind.label)  → \(p.findingLabels(m).joined(separator: ", "))  échéance \(due)  [\(p.status(of: m, today: today).label)]",
                   "    \(m.text)"]
        if let a = m.answer {
            out.append("    réponse de l'organisme (\(a.received)) : \(a.position.label)" + (a.arguments.map { " — \($0)" } ?? "")
                       + (a.plan.map { " ; plan d'action : \($0)" } ?? "") + (a.evidence.map { " ; pièces : \($0)" } ?? ""))
        }
        if let r = m.response { out.append("    réponse des inspecteurs : \(r.decision.label) — \(r.reason)") }
        if let f = m.followUp {
            out.append("    suivi (\(f.on)) : \(f.status.label)" + (f.evidence.map { " ; pièces : \($0)" } ?? "") + (f.note.map { " — \($0)" } ?? ""))
        }
        return out
    }
}

extension Procedure {
    /// One event of the procedure as `visit log` prints it, after its time and author:
    /// « constat E2 ajouté : … », « mesure M1 : réponse de l'organisme, contestée », « rapport provisoire du 2026-12-10 ».
    public func logText(_ e: ProcedureEvent) -> String {
        if e.change == .provisionalReport { return "rapport provisoire du \(e.date?.description ?? "—")" }
        if e.change == .definitiveReport { return "rapport définitif et décision du \(e.date?.description ?? "—")" }
        var text: String
        if let f = e.finding {
            let label = finding(uid: f.uid)?.label ?? "—"
            let verb = [ProcedureEvent.Change.added: "ajouté", .edited: "modifié", .withdrawn: "retiré"][e.change] ?? e.change.rawValue
            text = "constat \(label) (\(f.kind.label)) \(verb) : \(f.fact)"
        } else if let m = e.measure {
            let label = measure(uid: m.uid)?.label ?? "—"
            switch e.change {
            case .answered: text = "mesure \(label) : réponse de l'organisme, \(m.answer?.position.label ?? "—")" + (m.answer.map { " (reçue le \($0.received))" } ?? "")
            case .responded: text = "mesure \(label) : réponse des inspecteurs, \(m.response?.decision.label ?? "—")"
            case .followedUp: text = "mesure \(label) : suivi, \(m.followUp?.status.label ?? "—")" + (m.followUp.map { " le \($0.on)" } ?? "")
            default:
                let verb = [ProcedureEvent.Change.added: "ajoutée", .edited: "modifiée", .withdrawn: "retirée"][e.change] ?? e.change.rawValue
                text = "mesure \(label) (\(m.kind.label)) \(verb) : \(m.text) — échéance \(m.deadline)"
            }
        } else {
            text = e.change.rawValue
        }
        if let reason = e.reason { text += "  motif : \(reason)" }
        return text
    }
}
