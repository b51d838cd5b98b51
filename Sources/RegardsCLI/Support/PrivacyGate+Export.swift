import RegardsCore

extension PrivacyGate {
    /// Applies the export rule for a command: refuses, or warns and returns what to stamp on the output.
    static func export(_ records: [VisitRecord], allow: Bool, command: String) throws -> [Report.Field] {
        try export(open: records.flatMap(open), allow: allow, command: command)
    }

    static func export(open: [String], allow: Bool, command: String) throws -> [Report.Field] {
        let allowed = try check(open: open, allow: allow, command: command).get()
        if let warning = allowed.warning { Console.warning(warning) }
        return allowed.stamp.map { [$0] } ?? []
    }
}
