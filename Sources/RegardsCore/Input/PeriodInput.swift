/// A period typed by a person: `3 mois`, `15 jours`, `2 semaines`, `6 months`, `30 days`, or
/// short `3m`, `15j`, `15d`.
public enum PeriodInput {
    public static func read(_ typed: String, field label: String) -> Result<Period, InputRefusal> {
        let text = typed.trimmedSpaces.lowercased()
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = String(text.dropFirst(digits.count)).trimmedSpaces
        guard let n = Int(digits), n >= 1 else {
            return .failure(InputRefusal(Messages.notAPeriod(label, typed)))
        }
        switch unit {
        case "mois", "month", "months", "m": return .success(Period(months: n))
        case "jour", "jours", "day", "days", "j", "d": return .success(Period(days: n))
        case "semaine", "semaines", "week", "weeks", "s", "w": return .success(Period(days: 7 * n))
        default:
            return .failure(InputRefusal(Messages.unknownPeriodUnit(label, typed)))
        }
    }
}
