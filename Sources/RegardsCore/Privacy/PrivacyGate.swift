/// The rule exports follow: while a visit has an unreviewed finding, refuse — unless the user
/// allows it, and then the output says so.
public enum PrivacyGate {
    public struct Refusal: Error, Equatable, Sendable, RegardsErrorConvertible {
        /// (visit, finding) pairs not reviewed.
        public var open: [String]
        public var count: Int
        /// The command refused (`compare`, `visit export` …).
        public var command: String

        public var regardsError: RegardsError {
            let named = open.prefix(8).joined(separator: ", ") + (count > 8 ? " …" : "")
            return .badData(Messages.personalDataRefused(command, count: count, named: named))
        }
    }

    public struct Allowed: Equatable, Sendable {
        /// The property to stamp on the output; nil when there was nothing to review.
        public var stamp: Report.Field?
        public var unreviewed: Int

        /// What to tell the user when an export goes on despite findings.
        public var warning: String? {
            unreviewed > 0 ? Messages.exportingWithPersonalData(unreviewed) : nil
        }
    }

    public static func check(_ records: [VisitRecord], allow: Bool, command: String = "export") -> Result<Allowed, Refusal> {
        check(open: records.flatMap(open), allow: allow, command: command)
    }

    /// A visit's unreviewed findings, named as a refusal names them: `VISIT/FINDING (kind)`.
    public static func open(_ r: VisitRecord) -> [String] {
        r.unreviewedFindings(r.privacy).map { "\(r.visit.id)/\($0.id) (\($0.kind.label))" }
    }

    /// The rule over findings gathered visit by visit (`open`), for exports that read one visit at a time.
    public static func check(open: [String], allow: Bool, command: String = "export") -> Result<Allowed, Refusal> {
        if open.isEmpty { return .success(Allowed(stamp: nil, unreviewed: 0)) }
        guard allow else { return .failure(Refusal(open: open, count: open.count, command: command)) }
        return .success(Allowed(stamp: Report.Field("donnees-personnelles", "export autorisé avec \(open.count) signalement(s) de données personnelles non revu(s)"),
                                unreviewed: open.count))
    }
}
