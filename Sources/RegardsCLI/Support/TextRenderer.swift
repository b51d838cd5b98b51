import RegardsCore
import RegardsProtocols

/// Plain-text renderings for the terminal. Rendering only: every figure comes from the core.
enum TextRenderer {
    static func show(_ p: AuditProtocol, file: String) -> [String] {
        var out = ["\(p.title)", "\(p.reference) · \(p.kind.rawValue) · \(p.criteriaCount) critères · \(file)", "empreinte sha256 \(p.contentHash)"]
        if let c = p.comparesWith { out.append("comparé à \(c)") }
        if let w = p.workflow { out.append("déroulé \(w)") }
        if p.status == .aVerifier { out.append("statut : à vérifier" + (p.note.map { " — \($0)" } ?? "")) }
        out.append("")
        out.append("Échelles")
        for s in p.scales {
            var levels = s.levels.map { "\($0.value) \($0.label)" }
            if s.notAssessed { levels.append(s.notAssessedLabel) }
            if s.notApplicable { levels.append(s.notApplicableLabel) }
            out.append("  \(s.id): " + levels.joined(separator: " · "))
        }
        if !p.context.isEmpty {
            out.append("")
            out.append("Contexte")
            for v in p.context {
                out.append("  \(v.id) (\(v.type.rawValue)\(v.values.isEmpty ? "" : ": " + v.values.joined(separator: ", "))) — \(v.title)")
            }
        }
        if !p.methods.isEmpty {
            out.append("")
            out.append("Méthodes")
            p.methods.forEach { out.append("  \($0.id) — \($0.title)") }
        }
        for section in p.sections {
            out.append("")
            out.append("[\(section.id)] \(section.title)")
            for c in section.criteria {
                var flags: [String] = []
                if c.imperative { flags.append("impératif") }
                if !c.required { flags.append("facultatif") }
                if c.weight != 1 { flags.append("poids \(c.weight == c.weight.rounded() ? String(Int(c.weight)) : String(c.weight))") }
                if c.status == .aVerifier { flags.append("à vérifier") }
                out.append("  \(c.id)  \(c.title)" + (flags.isEmpty ? "" : "  (\(flags.joined(separator: ", ")))"))
                if !c.references.isEmpty { out.append("        réf. \(c.references.joined(separator: " ; "))") }
                if let when = c.when { out.append("        si \(when)") }
                if let basis = c.basis { out.append("        fondement : \(basis == .enforceable ? "texte opposable (écart)" : "bonne pratique (remarque)")") }
                for m in c.mapsTo { out.append("        ↔ \(m.control) (\(m.relation.rawValue))") }
            }
        }
        if let journey = p.journey {
            out.append("")
            out.append("Parcours")
            for step in journey.steps {
                var line = "  \(step.id) — \(step.title)"
                if let d = step.deadline { line += " : \(d)" }
                if let u = step.unless, !u.isEmpty { line += " (sauf si \(u.joined(separator: ", ")))" }
                if let r = step.repeatEvery { line += ", puis tous les \(r)" }
                if let ref = step.reference { line += " [\(ref)]" }
                if step.optional { line += " (facultatif)" }
                if step.id == journey.exit { line += " (sortie : rien n'est dû après)" }
                out.append(line)
            }
        }
        if !p.documents.isEmpty {
            out.append("")
            out.append("Documents")
            for d in p.documents {
                out.append("  \(d.id) — \(d.title)" + (d.overlapsWith.isEmpty ? "" : " (recoupe \(d.overlapsWith.joined(separator: ", ")))"))
            }
        }
        return out
    }

    static func show(_ w: Workflow, file: String) -> [String] {
        var out = ["\(w.title)", "\(w.reference) · workflow · \(w.states.count) états · \(file)", "empreinte sha256 \(w.contentHash)", ""]
        for state in w.states {
            out.append("\(state.id == w.initial ? "→" : " ") \(state.id) — \(state.title)\(state.final ? " (final)" : "")")
            for t in w.transitions(from: state.id) {
                out.append("      vers \(t.to)" + (t.guards.isEmpty ? "" : " si " + t.guards.map(\.summary).joined(separator: " ; ")))
            }
        }
        return out
    }

    static func diff(_ d: ProtocolDiff) -> [String] {
        var out = ["\(d.old) → \(d.new)"]
        if d.changes.isEmpty { out.append("  " + Messages.diffNoChange) }
        for c in d.changes {
            var line = "  " + c.impact.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0) + "\(c.subject) "
            switch c.kind {
            case .added: line += Messages.diffAdded(c.id, in: c.new)
            case .removed: line += Messages.diffRemoved(c.id)
            case .renamed: line += Messages.diffRenamed(c.old ?? "?", c.id)
            case .split: line += Messages.diffSplit(c.id, c.new ?? "?")
            case .merged: line += Messages.diffMerged(c.old ?? "?", c.id)
            case .changed: line += c.id + (c.field.map { " \($0)" } ?? "") + ": \(c.old ?? "—") → \(c.new ?? "—")"
            }
            out.append(line)
        }
        let counts = ProtocolDiff.Impact.allCases.map { impact in "\(d.changes.filter { $0.impact == impact }.count) \(impact.rawValue)" }
        out.append(Messages.diffImpact(d.impact.rawValue, counts.joined(separator: ", ")))
        d.warnings.forEach { out.append(Messages.diffWarning($0)) }
        return out
    }

    static func percent(_ x: Double) -> String { "\(Int((x * 100).rounded())) %" }

    static func coverage(_ c: Coverage) -> [String] {
        var out = ["Couverture de \(c.evaluation) par \(c.control)",
                   "\(c.covered) critères sur \(c.criteria) reliés à un point de contrôle (\(percent(c.coverageRate)))", "",
                   "Par thème"]
        let rows = [["THÈME", "CRITÈRES", "COUVERTS", "EQUAL", "SUPERSET", "SUBSET", "INTERSECTS", "TITRE"]] + c.themes.map { t in
            [t.section, "\(t.criteria)", "\(t.covered)"] + ["equal", "superset", "subset", "intersects"].map { "\(t.byRelation[$0] ?? 0)" } + [t.title]
        }
        out += table(rows).map { "  " + $0 }
        out.append("")
        out.append("Angles morts du contrôle : \(c.blindSpots.count) critère(s) d'évaluation qu'aucun point de contrôle ne regarde")
        c.blindSpots.forEach { out.append("  \($0.id)  \($0.title)") }
        out.append("")
        out.append("Points de contrôle sans critère d'évaluation : \(c.unmappedControlItems.count)")
        c.unmappedControlItems.forEach { out.append("  \($0.id)  \($0.title)") }
        out.append("")
        out.append("Documents qui se recoupent : \(c.overlappingDocuments.count) groupe(s)")
        for group in c.overlappingDocuments {
            out.append("  " + group.documents.map { d in d.title + (d.references.isEmpty ? "" : " (\(d.references.joined(separator: ", ")))") }.joined(separator: " ≈ "))
        }
        if !c.sharedDocuments.isEmpty {
            out.append("")
            out.append("Documents demandés par les deux grilles : \(c.sharedDocuments.count)")
            c.sharedDocuments.forEach { out.append("  \($0.title) — \($0.items.joined(separator: ", "))") }
        }
        if !c.scaleMismatches.isEmpty {
            out.append("")
            out.append("Échelles difficiles à rapprocher : \(c.scaleMismatches.count)")
            c.scaleMismatches.forEach { out.append("  \($0.criterion) ↔ \($0.control) : \($0.reason)") }
        }
        return out
    }

    static func table(_ rows: [[String]]) -> [String] {
        guard let width = rows.first?.count else { return [] }
        var widths = [Int](repeating: 0, count: width)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        return rows.map { row in
            row.enumerated().map { i, cell in i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count) }.joined(separator: "  ")
        }
    }
}

// MARK: - A visit's field records and procedure

/// The visit's own content as the terminal lists it, in French whatever the language of the
/// messages: the same words as the reports and the tableau de suivi.
extension TextRenderer {
    /// An improvement path (`action list`).
    static func line(_ a: ImprovementAction) -> String {
        "#\(a.number)  [\(a.status.rawValue)]  \(a.title)  — \(a.owner ?? "sans responsable"), \(a.due.map { "échéance \($0)" } ?? "sans échéance")"
            + (a.criteria.isEmpty ? "" : "  → \(a.criteria.joined(separator: ", "))")
    }

    /// Each resident's steps against their deadlines, then the totals (`journey show`).
    static func journeys(_ all: [(resident: String, checks: [StepCheck])], of r: VisitRecord) -> [String] {
        var out: [String] = []
        let titles = Dictionary(uniqueKeysWithValues: (r.grids.evaluation.journey?.steps ?? []).map { ($0.id, $0.title) })
        var totals: [StepCheck.State: Int] = [:]
        let exit = r.grids.evaluation.journey?.exit
        for (person, checks) in all {
            if let left = checks.first(where: { $0.step == exit })?.done, left <= r.asOf {
                out.append("\(person)  (sortie le \(left) : rien n'est dû après)")
            } else {
                out.append("\(person)  (au \(r.asOf))")
            }
            for c in checks {
                totals[c.state, default: 0] += 1
                let label = c.occurrence > 1 ? "\(c.step) n°\(c.occurrence)" : c.step
                var line = "  " + mark(c.state) + " " + label.padding(toLength: 30, withPad: " ", startingAt: 0)
                line += " fait \(c.done?.description ?? "—")  échéance \(c.due?.description ?? "—")"
                if c.daysLate > 0 { line += "  \(c.state == .late ? "retard" : "dépassé de") \(c.daysLate) j" }
                if let note = c.note { line += "  « \(note) »" }
                out.append(line + "  \(titles[c.step] ?? "")")
            }
        }
        let order: [StepCheck.State] = [.onTime, .late, .missing, .notDone, .pending, .undetermined, .notRecorded]
        out.append("Total : " + order.map { "\(totals[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", "))
        return out
    }

    static func mark(_ state: StepCheck.State) -> String {
        switch state {
        case .onTime: "✔"
        case .late: "!"
        case .missing: "✘"
        case .pending: "…"
        case .undetermined: "?"
        case .notRecorded: "·"
        case .notDone: "–"
        }
    }

    /// A proposed finding, and why (`finding suggest`).
    static func lines(_ s: FindingSuggestion) -> [String] {
        ["\(s.criterion)  \(s.kind.label)  \(s.fact)",
         "    \(s.why)" + (s.references.isEmpty ? "" : " ; références : \(s.references.joined(separator: " ; "))")]
    }

    /// A row of the tableau de suivi read back as a follow-up « en cours » (`measure follow --from`).
    static func line(_ row: FollowUpImport.Row) -> String {
        let follow = row.event.measure?.followUp
        return "\(row.label) : en cours" + (follow.map { " au \($0.on)" } ?? "") + (follow?.evidence.map { " — pièces : \($0)" } ?? "")
    }

    /// Where each measure stands, the overdue first, then those of the visit followed (`measure status`).
    static func measureStatus(_ r: VisitRecord) -> [String] {
        let p = r.procedure
        var out = p.followUpOrder(today: r.today).map { m in
            "\(m.label)  \(p.status(of: m, today: r.today).label)  échéance \(p.due(m)?.description ?? m.deadline.description)  \(m.kind.label) → \(p.findingLabels(m).joined(separator: ", "))  \(m.text)"
        }
        if let (earlier, q) = r.followed {
            let carried = q.followUpOrder(today: r.today)
            out.append("Mesures de la visite suivie \(earlier) (regards measure follow \(earlier) M…) :")
            for m in carried {
                out.append("  \(m.label)  \(q.status(of: m, today: r.today).label)  échéance \(q.due(m)?.description ?? m.deadline.description)  \(m.kind.label)  \(m.text)")
            }
            if carried.isEmpty { out.append("  aucune") }
        }
        return out
    }
}
