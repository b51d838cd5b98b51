import RegardsCore

/// The header every view of a visit starts with, and the completion bars of `visit status`.
enum VisitText {
    static func header(_ r: VisitRecord) -> [String] {
        let v = r.visit
        var out = ["Visite \(v.id) — \(v.establishment) (FINESS \(v.finess))"]
        let dates = [v.startDate?.description, v.endDate?.description].compactMap { $0 }.joined(separator: " → ")
        if !dates.isEmpty { out.append("Dates : \(dates)") }
        if !v.inspectors.isEmpty { out.append("Inspecteurs : \(v.inspectors.joined(separator: ", "))") }
        if let c = v.campaign { out.append("Campagne : \(c)") }
        out.append("Protocoles : \(v.evaluation) [\(v.evaluation.hash.prefix(12))]" + (v.control.map { ", \($0) [\($0.hash.prefix(12))]" } ?? ""))
        if !v.context.isEmpty { out.append("Contexte : " + v.context.keys.sorted().map { "\($0) = \(v.context[$0]!)" }.joined(separator: ", ")) }
        let phase = r.workflow?.state(v.state)?.title ?? v.state
        out.append("Phase : \(phase)")
        return out
    }

    static func bar(_ done: Int, _ total: Int, width: Int = 20) -> String {
        guard total > 0 else { return String(repeating: "·", count: width) }
        let filled = Int((Double(done) / Double(total) * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
    }
}
