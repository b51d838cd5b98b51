/// Where a piece of free text lives.
public enum PrivacyField: String, Codable, Sendable, CaseIterable {
    case answerComment = "answer.comment"
    case answerEvidence = "answer.evidence"
    case observationText = "observation.text"
    case journeyNote = "journey.note"
    case actionTitle = "action.title"
    case findingFact = "finding.fact"
    case measureText = "measure.text"
    /// The organisation's answer, the inspectors' response and the follow-up of a measure.
    case measureProcedure = "measure.procedure"
}

/// A decision on a finding: keep the text (it is not personal data, or it must stay), or redact it.
public enum PrivacyDecision: String, Codable, Sendable {
    case keep, redact
}

/// The workspace's personal-data settings: the salt and hashes of the forbidden words, and the reviews done.
public struct PrivacySettings: Sendable, Equatable {
    public var salt: String
    public var forbidden: Set<String>
    /// Finding id → decision.
    public var reviews: [String: PrivacyDecision]

    public init(salt: String = "", forbidden: Set<String> = [], reviews: [String: PrivacyDecision] = [:]) {
        self.salt = salt
        self.forbidden = forbidden
        self.reviews = reviews
    }
}

/// Personal data found in one field of one record of a visit.
public struct PrivacyFinding: Equatable, Sendable, Codable {
    /// Stable while the text is unchanged: derived from the record, field, position and kind, never from the data itself.
    public var id: String
    public var kind: PersonalDataKind
    public var record: String
    public var field: PrivacyField
    /// Where to find it, for a person: « AC-01, commentaire (2026-11-26T10:12Z, inspectrice-a) ».
    public var location: String
    public var offset: Int
    public var length: Int
    public var excerpt: String
    public var decision: PrivacyDecision?
}

extension VisitRecord {
    /// Every free-text field of the visit, scanned: answer comments and evidence (the whole history,
    /// and the independent scorings of double scoring),
    /// observation texts, journey notes, action titles, and the findings and measures of the procedure.
    public func privacyFindings(_ settings: PrivacySettings) -> [PrivacyFinding] {
        let scanner = PersonalDataScanner(forbidden: settings.forbidden, salt: settings.salt)
        var out: [PrivacyFinding] = []
        func scan(_ text: String?, record: String, field: PrivacyField, location: String) {
            guard let text, !text.isEmpty else { return }
            for m in scanner.scan(text) {
                let id = String(SHA256.hex(Array("\(record)|\(field.rawValue)|\(m.offset)|\(m.length)|\(m.kind.rawValue)".utf8)).prefix(10))
                out.append(PrivacyFinding(id: id, kind: m.kind, record: record, field: field, location: location, offset: m.offset, length: m.length,
                                          excerpt: m.excerpt, decision: settings.reviews[id]))
            }
        }
        for e in allAnswerEvents {
            let when = "\(e.at.prefix(16))Z, \(e.author)" + (e.scorer.map { ", évaluation indépendante de \($0)" } ?? "")
            scan(e.comment, record: e.uid, field: .answerComment, location: "\(e.criterion), commentaire (\(when))")
            scan(e.evidence, record: e.uid, field: .answerEvidence, location: "\(e.criterion), preuve (\(when))")
        }
        for (i, o) in observations.enumerated() {
            scan(o.text, record: o.uid, field: .observationText, location: "observation n°\(i + 1) (\(o.method)\(o.participant.map { ", \($0)" } ?? ""))")
        }
        for j in journeys {
            scan(j.entry.note, record: j.uid, field: .journeyNote, location: "parcours \(j.entry.resident), \(j.entry.step), note")
        }
        for a in actions {
            scan(a.title, record: a.uid, field: .actionTitle, location: "piste n°\(a.number)")
        }
        // Every version of a finding or measure, as the history keeps them all.
        for e in procedure.events {
            let when = "\(e.at.prefix(16))Z, \(e.author)"
            if let f = e.finding {
                scan(f.fact, record: e.uid, field: .findingFact, location: "constat \(procedure.finding(uid: f.uid)?.label ?? "—") (\(when))")
            }
            if let m = e.measure {
                let label = procedure.measure(uid: m.uid)?.label ?? "—"
                scan(m.text, record: e.uid, field: .measureText, location: "mesure \(label) (\(when))")
                scan(m.procedureText, record: e.uid, field: .measureProcedure,
                     location: "mesure \(label), réponse et suivi (\(when))")
            }
        }
        return out
    }

    /// The visit's answers and every scoring's (a scorer's view holds that scorer's answers only).
    var allAnswerEvents: [AnswerEvent] { scorer == nil ? history + scorings : history }

    /// Findings no one has reviewed yet.
    public func unreviewedFindings(_ settings: PrivacySettings) -> [PrivacyFinding] {
        privacyFindings(settings).filter { $0.decision == nil }
    }
}

extension VisitRecord {
    /// The exact characters a finding points at, read from its record; nil when the text has changed since.
    public func text(of f: PrivacyFinding) -> String? {
        let source: String?
        switch f.field {
        case .answerComment: source = allAnswerEvents.first { $0.uid == f.record }?.comment
        case .answerEvidence: source = allAnswerEvents.first { $0.uid == f.record }?.evidence
        case .observationText: source = observations.first { $0.uid == f.record }?.text
        case .journeyNote: source = journeys.first { $0.uid == f.record }?.entry.note
        case .actionTitle: source = actions.first { $0.uid == f.record }?.title
        case .findingFact: source = procedure.events.first { $0.uid == f.record }?.finding?.fact
        case .measureText: source = procedure.events.first { $0.uid == f.record }?.measure?.text
        case .measureProcedure: source = procedure.events.first { $0.uid == f.record }?.measure?.procedureText
        }
        guard let source, f.offset + f.length <= source.count else { return nil }
        let start = source.index(source.startIndex, offsetBy: f.offset)
        return String(source[start..<source.index(start, offsetBy: f.length)])
    }
}

extension Measure {
    /// The free text of the contradictory procedure and the follow-up, one line each, as it is scanned.
    public var procedureText: String {
        [answer?.arguments, answer?.plan, answer?.evidence, response?.reason, followUp?.evidence, followUp?.note].compactMap { $0 }.joined(separator: "\n")
    }
}
