/// What the inspection's procedure says when it refuses: findings, measures, the contradictory
/// procedure and the follow-up (`ProcedureDesk`), the proposals of `finding suggest`.
extension Messages {
    // MARK: findings

    static var findingNeedsKind: String {
        tr("un constat a besoin d'une nature : --kind ecart, remarque ou bonne-pratique", "a finding needs a kind: --kind ecart, remarque or bonne-pratique")
    }

    static func findingKeepsKind(_ label: String, since issued: CalendarDate) -> String {
        tr("\(label) garde sa nature depuis le rapport provisoire (\(issued)) ; retirez-le et ajoutez un nouveau constat",
           "\(label) keeps its kind since the provisional report (\(issued)); drop it and add a new finding")
    }

    static func goodPracticeAnswered(_ finding: String, by measure: String) -> String {
        tr("\(measure) répond à \(finding) : une bonne pratique n'appelle pas de mesure ; modifiez d'abord \(measure)",
           "\(measure) answers \(finding): a good practice is not answered by a measure; edit \(measure) first")
    }

    static func measureAnswersOnly(_ measure: String, _ finding: String) -> String {
        tr("\(measure) ne répond qu'à \(finding) : modifiez ou retirez d'abord \(measure)", "\(measure) answers only \(finding): edit or drop \(measure) first")
    }

    static var findingNeedsFact: String { tr("un constat énonce le fait observé : donnez --fact", "a finding states the fact observed: give --fact") }

    static var ecartNeedsReference: String {
        tr("un écart cite le texte qu'il enfreint : donnez --criterion (un point de contrôle) ou --reference",
           "an écart cites the text it breaches: give --criterion (a control item) or --reference")
    }

    static func findingWithdrawn(_ label: String) -> String { tr("\(label) est retiré", "\(label) is withdrawn") }

    static func noFinding(_ typed: String, visit: String, hint: String?) -> String {
        tr("aucun constat `\(typed)` dans la visite \(visit)\(String.hint(hint))", "no finding `\(typed)` in visit \(visit)\(String.hint(hint))")
    }

    static func noProposal(_ id: String, visit: String, hint: String?) -> String {
        tr("aucune proposition `\(id)` pour la visite \(visit)\(String.hint(hint))", "no proposal `\(id)` for visit \(visit)\(String.hint(hint))")
    }

    // MARK: evidence

    static func evidenceObservation(_ text: String, visit: String, count: Int) -> String {
        tr("preuve `\(text)` : la visite \(visit) a \(count) observation(s) (regards observation list \(visit))",
           "evidence `\(text)`: visit \(visit) has \(count) observation(s) (regards observation list \(visit))")
    }

    static func evidenceNoJourney(_ text: String, resident: String, visit: String, hint: String?) -> String {
        tr("preuve `\(text)` : aucun parcours de `\(resident)` dans la visite \(visit)\(String.hint(hint))",
           "evidence `\(text)`: no journey of `\(resident)` in visit \(visit)\(String.hint(hint))")
    }

    static func evidenceNotAStep(_ text: String, step: String, hint: String?) -> String {
        tr("preuve `\(text)` : `\(step)` n'est pas une étape de parcours\(String.hint(hint))", "evidence `\(text)`: `\(step)` is not a journey step\(String.hint(hint))")
    }

    static func evidenceUnreadable(_ text: String, _ refusal: String) -> String {
        tr("preuve `\(text)` : \(refusal) ; écrivez un identifiant de critère (CTL-DU-08), un numéro d'observation (#3) ou RESIDENT/STEP (R07/admission)",
           "evidence `\(text)`: \(refusal); write a criterion id (CTL-DU-08), an observation number (#3) or RESIDENT/STEP (R07/admission)")
    }

    static func evidenceNotAnswered(_ text: String, criterion: String, visit: String) -> String {
        tr("preuve `\(text)` : \(criterion) n'a pas de réponse dans la visite \(visit)", "evidence `\(text)`: \(criterion) has no answer in visit \(visit)")
    }

    // MARK: measures

    static var measureNeedsKind: String {
        tr("une mesure a besoin d'une nature : --kind prescription, recommandation ou injonction", "a measure needs a kind: --kind prescription, recommandation or injonction")
    }

    static var measureNeedsFindings: String {
        tr("une mesure répond à au moins un constat : donnez --findings E1,R2", "a measure answers at least one finding: give --findings E1,R2")
    }

    static var measureNeedsDeadline: String {
        let within = "--within \"3 mois\""
        return tr("une mesure a besoin d'une échéance : donnez --due YYYY-MM-DD ou \(within) (comptée à partir de la décision)",
                  "a measure needs a deadline: give --due YYYY-MM-DD or \(within) (counted from the decision)")
    }

    static var measureNeedsText: String { tr("une mesure dit ce qui est demandé : donnez --text", "a measure says what is asked: give --text") }

    static func goodPracticeHasNoMeasure(_ label: String) -> String {
        tr("\(label) est une bonne pratique : aucune mesure n'y répond", "\(label) is a good practice: no measure answers it")
    }

    /// A prescription or an injonction given only remarques (`labels`).
    static func measureAnswersAnEcart(_ kind: MeasureKind, remarques labels: [String]) -> String {
        let named = labels.joined(separator: ", "), article = kind == .injonction ? "an" : "a"
        let are = labels.count == 1 ? tr("est une remarque", "is a remarque") : tr("sont des remarques", "are remarques")
        return tr("une \(kind.label) répond à un écart (\(named) \(are)) ; une remarque appelle une recommandation",
                  "\(article) \(kind.label) answers an écart (\(named) \(are)); a remarque leads to a recommandation")
    }

    static var dueOrWithin: String { tr("donnez --due ou --within, pas les deux", "give --due or --within, not both") }

    static func dueBeforeVisit(_ date: CalendarDate, start: CalendarDate) -> String {
        tr("--due \(date) tombe avant la visite (\(start))", "--due \(date) is before the visit (\(start))")
    }

    static func measureWithdrawn(_ label: String) -> String { tr("\(label) est retirée", "\(label) is withdrawn") }

    static func noMeasure(_ typed: String, visit: String, hint: String?) -> String {
        tr("aucune mesure `\(typed)` dans la visite \(visit)\(String.hint(hint))", "no measure `\(typed)` in visit \(visit)\(String.hint(hint))")
    }

    // MARK: the contradictory procedure and the follow-up

    static func provisionalNotIssuedToAnswer(_ visit: String) -> String {
        tr("le rapport provisoire de la visite \(visit) n'est pas encore émis : l'organisme y répond (regards visit advance \(visit))",
           "the provisional report of visit \(visit) is not issued yet: the organisation answers it (regards visit advance \(visit))")
    }

    static func provisionalNotIssuedToContest(_ visit: String) -> String {
        tr("le rapport provisoire de la visite \(visit) n'est pas encore émis : rien n'est contesté",
           "the provisional report of visit \(visit) is not issued yet: nothing is contested")
    }

    static var answersClosed: String {
        tr("les réponses de l'organisme sont closes ; enregistrez le suivi (regards measure follow)",
           "the organisation's answers are closed; record the follow-up (regards measure follow)")
    }

    static var responsesClosed: String { tr("les réponses des inspecteurs sont closes", "the inspectors' responses are closed") }

    static var contestedNeedsArguments: String {
        tr("une mesure contestée s'accompagne des arguments de l'organisme : donnez --arguments",
           "a contested measure comes with the organisation's arguments: give --arguments")
    }

    static func receivedBeforeProvisional(_ date: CalendarDate, issued: CalendarDate) -> String {
        tr("--received \(date) tombe avant le rapport provisoire (\(issued))", "--received \(date) is before the provisional report (\(issued))")
    }

    static func notContested(_ label: String) -> String {
        tr("\(label) n'est pas contestée : seule une mesure contestée appelle la réponse des inspecteurs",
           "\(label) is not contested: only a contested measure needs the inspectors' response")
    }

    static var responseNeedsReason: String { tr("la réponse donne son motif : --reason", "the response gives its reason: --reason") }

    static var changedNeedsChanges: String {
        tr("une mesure modifiée dit ce qui change : --text, --kind, --findings, --due ou --within",
           "a changed measure says what changes: --text, --kind, --findings, --due or --within")
    }

    static var changesNeedChanged: String {
        tr("--text, --kind, --findings, --due et --within vont avec --decision changed", "--text, --kind, --findings, --due and --within go with --decision changed")
    }

    static func decisionNotIssued(_ visit: String) -> String {
        tr("la décision de la visite \(visit) n'est pas encore émise : les mesures sont suivies après le rapport définitif",
           "the decision of visit \(visit) is not issued yet: measures are followed up after the definitive report")
    }

    /// The date of a follow-up read from a file, named in its messages.
    static var theDate: String { tr("la date", "the date") }

    /// `field`: `--on`, or `theDate`.
    static func followUpBeforeDecision(_ field: String, _ date: CalendarDate, decided: CalendarDate) -> String {
        tr("\(field) \(date) tombe avant la décision (\(decided))", "\(field) \(date) is before the decision (\(decided))")
    }

    /// `consequence`: `findingsFinal`, `measuresFinal`, `answersClosed` …
    static func definitiveIssued(_ visit: String, on decided: CalendarDate, _ consequence: String) -> String {
        tr("le rapport définitif de la visite \(visit) a été émis le \(decided) : \(consequence)",
           "the definitive report of visit \(visit) was issued on \(decided): \(consequence)")
    }

    static var findingsFinal: String { tr("ses constats sont définitifs", "its findings are final") }

    static var measuresFinal: String {
        tr("ses mesures sont définitives ; enregistrez leur suivi (regards measure follow)", "its measures are final; record their follow-up (regards measure follow)")
    }

    static func reasonNeeded(since issued: CalendarDate) -> String {
        tr("le rapport provisoire a été émis le \(issued) : toute modification donne son motif (--reason)",
           "the provisional report was issued on \(issued): a change to it gives its reason (--reason)")
    }

    // MARK: proposals (`finding suggest`)

    /// Why a control answer is proposed as a finding: `answer`, the answer's label in lower case.
    static func proposedFromControl(_ answer: String, basis: FindingKind?) -> String {
        switch basis {
        case nil: tr("contrôle : \(answer) ; la grille ne dit pas son fondement, à qualifier", "control: \(answer); the grid does not state its basis, to be qualified")
        case .ecart?: tr("contrôle : \(answer), fondement opposable", "control: \(answer), enforceable basis")
        default: tr("contrôle : \(answer), fondement de bonne pratique", "control: \(answer), good-practice basis")
        }
    }

    static func proposedFromDivergence(_ label: String) -> String {
        tr("divergence : \(label), niveau le plus bas de l'échelle", "divergence: \(label), lowest level of the scale")
    }
}
