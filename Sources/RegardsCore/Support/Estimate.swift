/// A figure computed from data, or the typed reason it cannot be (too few items, no variance …):
/// statistics never hand NaN to a report. Agreement coefficients and the criterion review's
/// correlations are both of this shape, each with its own reasons.
public enum Estimate<Figure: Sendable & Equatable, Reason: Sendable & Equatable>: Sendable, Equatable {
    case defined(Figure)
    case undefined(Reason)

    public var figure: Figure? {
        if case .defined(let figure) = self { figure } else { nil }
    }

    public var undefinedReason: Reason? {
        if case .undefined(let reason) = self { reason } else { nil }
    }
}
