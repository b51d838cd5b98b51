import RegardsCore

/// The lines of `visit status`, `visit show` and the list of `reconcile`: the visit as the
/// administration reads it, in French whatever the messages' language, like the documents and the
/// rest of these views (the header above, `visit log`, `journey show`, `measure status`).
extension VisitText {
    /// The first line of `reconcile VISIT`.
    static func reconcileHeading(visit: String, grid: String, scorers: String, scored: Int, agreeing: Int, reconciled: Int) -> String {
        func plural(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n > 1 ? many : one)" }
        return "visite \(visit) — grille \(grid), évaluée indépendamment par \(scorers) : "
            + "\(plural(scored, "critère noté", "critères notés")), \(plural(agreeing, "concordant", "concordants")), "
            + plural(reconciled, "réconcilié", "réconciliés")
    }

    static func gridTitle(_ kind: ProtocolKind) -> String { kind == .evaluation ? "Grille d'évaluation" : "Grille de contrôle" }

    /// `visit show`: the heading of a grid's answers.
    static func gridHeading(_ kind: ProtocolKind, _ reference: String) -> String { "\(gridTitle(kind)) — \(reference)" }

    // `visit status`

    static func statusCompletion(_ kind: ProtocolKind, _ reference: String, done: Int, total: Int) -> String {
        "\(gridTitle(kind)) \(reference) : \(done)/\(total)"
    }
    static func outOfScope(_ count: Int) -> String { " (\(count) hors champ)" }
    static func statusDoubleScoring(_ each: String, reconciled: Int, pending: Int, command: String) -> String {
        "  Double évaluation : \(each) ; \(reconciled) réconcilié(s), \(pending) à réconcilier (\(command))"
    }
    static func statusObservations(_ count: Int, perMethod: String) -> String {
        "Observations : \(count)" + (perMethod.isEmpty ? "" : " — " + perMethod)
    }
    static func statusJourneys(people: Int, late: Int, missing: Int, asOf: String) -> String {
        "Parcours : \(people) personne(s), \(late) étape(s) en retard, \(missing) manquante(s) (au \(asOf))"
    }
    static func statusActions(_ total: Int, open: Int, inProgress: Int, done: Int, dropped: Int) -> String {
        "Pistes : \(total) — \(open) ouverte(s), \(inProgress) en cours, \(done) faite(s), \(dropped) abandonnée(s)"
    }
    static func statusFindings(_ kinds: String, measures: Int, counts: String) -> String {
        "Constats : " + kinds + " ; mesures : \(measures)" + (counts.isEmpty ? "" : " — " + counts)
    }
    static func statusImperativesWithoutAction(_ criteria: String) -> String { "Impératifs sous le niveau maximal sans piste : \(criteria)" }
    static var finalPhase: String { "Phase finale : plus de transition." }
    static func towards(_ target: String, allowed: Bool) -> String { "Vers « \(target) » : " + (allowed ? "possible" : "bloqué") }

}
