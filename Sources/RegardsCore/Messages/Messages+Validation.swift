/// What the checks of protocol and workflow files say: the diagnostics of `protocol validate` and of
/// every command that loads the protocol folders, the syntax errors of a relevance condition.
extension Messages {
    // MARK: diagnostics

    /// `fichier.yaml:3:5: erreur : message`; `place` is `file:line:column:`.
    static func diagnostic(_ place: String, _ severity: Diagnostic.Severity, _ message: String) -> String {
        switch severity {
        case .error: tr("\(place) erreur : \(message)", "\(place) error: \(message)")
        case .warning: tr("\(place) avertissement : \(message)", "\(place) warning: \(message)")
        }
    }

    /// What an id names, at the start of a message about it.
    enum IDKind {
        case method, document, section, criterion, scale, journeyStep, workflow, state
    }

    static func idOf(_ kind: IDKind) -> String {
        switch kind {
        case .method: tr("l'identifiant de méthode", "method id")
        case .document: tr("l'identifiant de document", "document id")
        case .section: tr("l'identifiant de section", "section id")
        case .criterion: tr("l'identifiant de critère", "criterion id")
        case .scale: tr("l'identifiant d'échelle", "scale id")
        case .journeyStep: tr("l'identifiant d'étape de parcours", "journey step id")
        case .workflow: tr("l'identifiant de workflow", "workflow id")
        case .state: tr("l'identifiant d'état", "state id")
        }
    }

    static func duplicateID(_ kind: IDKind, _ id: String, line: Int) -> String {
        tr("\(idOf(kind)) `\(id)` est déclaré deux fois (d'abord à la ligne \(line))", "duplicate \(idOf(kind)) `\(id)` (first declared on line \(line))")
    }

    static func notASlug(_ kind: IDKind, _ id: String) -> String {
        tr("\(idOf(kind)) `\(id)` doit être un slug en minuscules", "\(idOf(kind)) `\(id)` must be a lower-case slug")
    }

    // MARK: protocol files

    static func protocolIDNotASlug(_ id: String) -> String {
        tr("l'identifiant de protocole `\(id)` doit être un slug en minuscules (lettres, chiffres, `-`)",
           "protocol id `\(id)` must be a lower-case slug (letters, digits, `-`)")
    }

    static func contextVariableNotASlug(_ id: String) -> String {
        tr("la variable de contexte `\(id)` doit être un slug en minuscules", "context variable `\(id)` must be a lower-case slug")
    }

    static func sectionIDNotACode(_ id: String) -> String {
        tr("l'identifiant de section `\(id)` doit être un code en majuscules (`AD`, `CTL-DU`)", "section id `\(id)` must be an upper-case code (`AD`, `CTL-DU`)")
    }

    static func criterionIDNotACode(_ id: String) -> String {
        tr("l'identifiant de critère `\(id)` doit être un code en majuscules (`AD-03`)", "criterion id `\(id)` must be an upper-case code (`AD-03`)")
    }

    static func criterionIDIsASection(_ id: String) -> String {
        tr("l'identifiant de critère `\(id)` est aussi un identifiant de section", "criterion id `\(id)` is also a section id")
    }

    static func documentOverlapsItself(_ id: String) -> String {
        tr("le document `\(id)` ne peut pas faire doublon avec lui-même", "document `\(id)` cannot overlap with itself")
    }

    static func unknownDocumentInOverlaps(_ id: String) -> String {
        tr("document `\(id)` inconnu dans `overlaps_with`", "unknown document `\(id)` in `overlaps_with`")
    }

    static func unknownDocument(_ id: String) -> String { tr("document `\(id)` inconnu", "unknown document `\(id)`") }

    static func unknownScale(_ id: String) -> String { tr("échelle `\(id)` inconnue", "unknown scale `\(id)`") }

    static func unknownMethod(_ id: String) -> String { tr("méthode d'observation `\(id)` inconnue", "unknown observation method `\(id)`") }

    private static func onlyInEvaluation(_ key: String) -> String {
        tr("`\(key)` n'est permis que dans les protocoles d'évaluation", "`\(key)` is only allowed in evaluation protocols")
    }

    static var comparesWithOnlyInEvaluation: String { onlyInEvaluation("compares_with") }

    static var journeyOnlyInEvaluation: String { onlyInEvaluation("journey") }

    static var mapsToOnlyInEvaluation: String { onlyInEvaluation("maps_to") }

    static var basisOnlyInControl: String {
        tr("`basis` n'est permis que dans les protocoles de contrôle", "`basis` is only allowed in control protocols")
    }

    static var mapsToWithoutComparesWith: String {
        tr("des critères déclarent `maps_to` mais le protocole n'a pas de `compares_with`", "criteria declare `maps_to` but the protocol has no `compares_with`")
    }

    static var noScale: String { tr("un protocole doit avoir au moins une échelle", "a protocol needs at least one scale") }

    static var noSection: String { tr("un protocole doit avoir au moins une section", "a protocol needs at least one section") }

    static func tooFewLevels(_ scale: String) -> String {
        tr("l'échelle `\(scale)` doit avoir au moins deux niveaux", "scale `\(scale)` needs at least two levels")
    }

    static func duplicateLevelValue(_ value: Int, scale: String, line: Int) -> String {
        tr("la valeur de niveau \(value) est déclarée deux fois dans l'échelle `\(scale)` (d'abord à la ligne \(line))",
           "duplicate level value \(value) in scale `\(scale)` (first declared on line \(line))")
    }

    static func duplicateLevelLabel(_ label: String, scale: String, line: Int) -> String {
        tr("le libellé de niveau `\(label)` est déclaré deux fois dans l'échelle `\(scale)` (d'abord à la ligne \(line))",
           "duplicate level label `\(label)` in scale `\(scale)` (first declared on line \(line))")
    }

    static func badColour(_ colour: String) -> String {
        tr("la couleur `\(colour)` doit s'écrire `#RRGGBB`", "colour `\(colour)` must be written `#RRGGBB`")
    }

    static func choiceWithoutValues(_ id: String) -> String {
        tr("la variable à choix `\(id)` doit déclarer ses `values`", "choice variable `\(id)` needs `values`")
    }

    static var valuesOnlyForChoice: String { tr("`values` ne s'applique qu'aux variables `choice`", "`values` only applies to `choice` variables") }

    static func duplicateContextValue(_ value: String, variable: String) -> String {
        tr("la valeur `\(value)` figure deux fois dans la variable de contexte `\(variable)`", "duplicate value `\(value)` in context variable `\(variable)`")
    }

    static func sectionWithoutCriteria(_ id: String) -> String { tr("la section `\(id)` n'a aucun critère", "section `\(id)` has no criteria") }

    static var weightNotPositive: String { tr("le poids doit être un nombre positif", "weight must be a positive number") }

    static func controlItemMappedTwice(_ id: String) -> String {
        tr("le point de contrôle `\(id)` est associé deux fois", "control item `\(id)` is mapped twice")
    }

    static func criterionReplacesItself(_ id: String) -> String {
        tr("le critère `\(id)` ne peut pas se remplacer lui-même", "criterion `\(id)` cannot replace itself")
    }

    /// `references`: the item's references, each in backticks, comma-separated; empty when it cites none.
    static func enforceableWithoutArticle(_ id: String, references: String) -> String {
        let cited = references.isEmpty ? tr("aucune référence", "no reference") : tr("aucun article (\(references))", "no article (\(references))")
        return tr("le point de contrôle `\(id)` repose sur un texte opposable mais ne cite \(cited)", "control item `\(id)` rests on an enforceable text but cites \(cited)")
    }

    private static let goodPracticeBasis = "`basis: good-practice`"
    private static let enforceableBasis = "`basis: enforceable`"

    static var citeTheArticle: String {
        tr("citez l'article (`CASF L311-4`, `Arrêté du 8 septembre 2003, art. 8`) ou écrivez \(goodPracticeBasis)",
           "cite the article (`CASF L311-4`, `Arrêté du 8 septembre 2003, art. 8`) or say \(goodPracticeBasis)")
    }

    static func basisNotSaid(_ id: String, saidBy other: String) -> String {
        tr("le point de contrôle `\(id)` ne précise pas son `basis` (`\(other)` le précise)", "control item `\(id)` does not say its `basis` (`\(other)` does)")
    }

    static var addTheBasis: String { tr("ajoutez \(enforceableBasis) ou \(goodPracticeBasis)", "add \(enforceableBasis) or \(goodPracticeBasis)") }

    // MARK: relevance conditions

    static func invalidCondition(_ message: String) -> String { tr("condition invalide : \(message)", "invalid condition: \(message)") }

    static func unknownContextVariable(_ name: String) -> String { tr("variable de contexte `\(name)` inconnue", "unknown context variable `\(name)`") }

    static func compareWithAValue(_ name: String, type: String) -> String {
        tr("`\(name)` est une variable de type \(type) ; comparez-la à une valeur", "`\(name)` is a \(type) variable; compare it with a value")
    }

    static func operatorNeedsNumber(_ op: String, variable: String, type: String) -> String {
        tr("l'opérateur `\(op)` demande une variable de type number ; `\(variable)` est de type \(type)",
           "operator `\(op)` needs a number variable; `\(variable)` is a \(type)")
    }

    static func notAValueOf(_ value: String, variable: String) -> String {
        tr("`\(value)` n'est pas une valeur de `\(variable)`", "`\(value)` is not a value of `\(variable)`")
    }

    static func valueDoesNotFit(_ variable: String, type: String) -> String {
        tr("`\(variable)` est une variable de type \(type) ; cette valeur ne lui convient pas", "`\(variable)` is a \(type) variable; this value does not fit")
    }

    static var emptyCondition: String { tr("condition vide", "empty condition") }

    /// `token`: what `conditionToken` or `endOfCondition` says.
    static func unexpectedToken(_ token: String) -> String { tr("\(token) inattendu", "unexpected \(token)") }

    static func expectedInstead(_ expected: String, found token: String) -> String {
        tr("\(expected) attendu au lieu de \(token)", "expected \(expected) but found \(token)")
    }

    static func expectedBracketAfterIn(found token: String) -> String {
        tr("`[` attendu après `in` au lieu de \(token)", "expected `[` after `in` but found \(token)")
    }

    static func expectedVariableName(found token: String) -> String {
        tr("nom de variable attendu au lieu de \(token)", "expected a variable name but found \(token)")
    }

    static func expectedValue(found token: String) -> String { tr("valeur attendue au lieu de \(token)", "expected a value but found \(token)") }

    static var endOfCondition: String { tr("la fin de la condition", "end of condition") }

    static var unterminatedQuote: String { tr("valeur entre guillemets non terminée", "unterminated quoted value") }

    static func unknownOperator(_ symbol: String) -> String { tr("opérateur `\(symbol)` inconnu", "unknown operator `\(symbol)`") }

    static func unexpectedCharacter(_ c: Character) -> String { tr("caractère `\(c)` inattendu", "unexpected character `\(c)`") }

    // MARK: journey template

    static func unknownJourneyStep(_ id: String) -> String { tr("étape de parcours `\(id)` inconnue", "unknown journey step `\(id)`") }

    private static func unknownJourneyStep(_ id: String, in key: String) -> String {
        tr("étape de parcours `\(id)` inconnue dans `\(key)`", "unknown journey step `\(id)` in `\(key)`")
    }

    static func unknownExitStep(_ id: String) -> String { unknownJourneyStep(id, in: "exit") }

    static func unknownWaivingStep(_ id: String) -> String { unknownJourneyStep(id, in: "unless") }

    static func deadlineFromItself(_ step: String) -> String {
        tr("le délai de l'étape `\(step)` est compté à partir d'elle-même", "step `\(step)` has a deadline counted from itself")
    }

    static func dueAfterExit(_ step: String, exit: String) -> String {
        tr("l'étape `\(step)` est due après `\(exit)`, la sortie du parcours : rien n'est dû une fois la personne partie",
           "step `\(step)` is due after `\(exit)`, the journey's exit: nothing is due once the person has left")
    }

    static func countBeforeExit(_ exit: String) -> String {
        let before = "`before: \(exit)`"
        return tr("comptez-la à partir d'une étape antérieure à la sortie, ou écrivez \(before)", "count it from a step before the exit, or use \(before)")
    }

    static func monthsFromNeedsNumber(_ name: String, type: String) -> String {
        tr("`months_from` demande une variable de type number ; `\(name)` est de type \(type)",
           "`months_from` needs a number variable; `\(name)` is a \(type)")
    }

    static func stepWaivesItself(_ step: String) -> String { tr("l'étape `\(step)` ne peut pas se dispenser elle-même", "step `\(step)` cannot waive itself") }

    static var repeatedStepWithoutDeadline: String {
        tr("une étape répétée doit avoir un `deadline` pour sa première occurrence", "a repeated step needs a `deadline` for its first occurrence")
    }

    /// `chain`: the steps in backticks, joined by ` → `.
    static func deadlineCycle(_ chain: String) -> String { tr("cycle de délais : \(chain)", "deadline cycle: \(chain)") }

    // MARK: workflow files

    /// `provisional` or `definitive`, as a report is named in a message.
    static func report(_ milestone: ReportMilestone) -> String {
        switch milestone {
        case .provisional: tr("le rapport provisoire", "the provisional report")
        case .definitive: tr("le rapport définitif", "the definitive report")
        }
    }

    static func oneStateIssues(_ milestone: ReportMilestone, already state: String) -> String {
        tr("un seul état émet \(report(milestone)) (`\(state)` le fait déjà)", "only one state issues the \(milestone.rawValue) report (`\(state)` already does)")
    }

    private static let provisionalState = "`report: provisional`"

    static var definitiveWithoutProvisional: String {
        tr("un rapport définitif demande, avant lui, un état avec \(provisionalState) (la procédure contradictoire)",
           "a definitive report needs a state with \(provisionalState) before it (the contradictory procedure)")
    }

    static var noState: String { tr("un workflow doit avoir au moins un état", "a workflow needs at least one state") }

    static func unknownInitialState(_ id: String) -> String { tr("état initial `\(id)` inconnu", "unknown initial state `\(id)`") }

    private static let finalTrue = "`final: true`"

    static var noFinalState: String {
        tr("le workflow n'a pas d'état final (marquez-en un avec \(finalTrue))", "the workflow has no final state (mark one with \(finalTrue))")
    }

    static func transitionFromUnknown(_ id: String) -> String { tr("transition depuis l'état inconnu `\(id)`", "transition from unknown state `\(id)`") }

    static func transitionToUnknown(_ id: String) -> String { tr("transition vers l'état inconnu `\(id)`", "transition to unknown state `\(id)`") }

    static func transitionToItself(_ id: String) -> String { tr("transition de `\(id)` vers lui-même", "transition from `\(id)` to itself") }

    static func duplicateTransition(_ from: String, _ to: String) -> String {
        tr("la transition `\(from)` → `\(to)` est déclarée deux fois", "duplicate transition `\(from)` → `\(to)`")
    }

    static func guardNeedsCount(_ name: String) -> String { tr("`\(name)` demande un nombre d'au moins 1", "`\(name)` needs a count of at least 1") }

    static func unreachableState(_ id: String, initial: String) -> String {
        tr("l'état `\(id)` ne peut pas être atteint depuis l'état initial `\(initial)`", "state `\(id)` cannot be reached from the initial state `\(initial)`")
    }

    static func deadEndState(_ id: String) -> String {
        tr("l'état `\(id)` est une impasse : aucune transition n'en part et il n'est pas final",
           "state `\(id)` is a dead end: no transition leaves it and it is not final")
    }

    static func finalStateWithTransitions(_ id: String) -> String {
        tr("des transitions partent de l'état final `\(id)`", "final state `\(id)` has transitions leaving it")
    }

    static func unknownGuard(_ name: String) -> String { tr("condition de passage inconnue \(name)", "unknown guard \(name)") }

    // MARK: across files

    static func unknownControlItem(_ id: String, in control: String) -> String {
        tr("point de contrôle `\(id)` inconnu dans `\(control)`", "unknown control item `\(id)` in `\(control)`")
    }

    static func notAMethodOfProtocol(_ method: String, _ reference: String) -> String {
        tr("`\(method)` n'est pas une méthode d'observation de `\(reference)`, qui utilise ce workflow",
           "method `\(method)` is not an observation method of `\(reference)`, which uses this workflow")
    }

    static func unknownWorkflow(_ id: String) -> String { tr("workflow `\(id)` inconnu", "unknown workflow `\(id)`") }

    static func definedTwice(_ reference: String, alsoIn file: String) -> String {
        tr("`\(reference)` est aussi défini dans \(file) avec un autre contenu ; ce fichier vient en premier dans l'ordre de recherche et c'est lui qui est utilisé",
           "`\(reference)` is also defined in \(file) with different content; that file comes first in the search order and is used")
    }

    static func controlProtocolNotFound(_ id: String) -> String {
        tr("protocole de contrôle `\(id)` introuvable dans les dossiers de protocoles", "control protocol `\(id)` not found in the protocol folders")
    }

    static func controlVersionNotFound(_ reference: String, present: String) -> String {
        tr("protocole de contrôle `\(reference)` introuvable (versions présentes : \(present))", "control protocol `\(reference)` not found (versions present: \(present))")
    }

    static func notAControlProtocol(_ reference: String, kind: ProtocolKind) -> String {
        switch kind {
        case .evaluation: tr("`\(reference)` est un protocole d'évaluation, pas un protocole de contrôle", "`\(reference)` is a \(kind.rawValue) protocol, not a control protocol")
        case .control: tr("`\(reference)` est un protocole de contrôle", "`\(reference)` is a \(kind.rawValue) protocol")
        }
    }

    // MARK: values read from a file

    static func notAProtocolReference(_ text: String) -> String { tr("référence de protocole invalide : \(text)", "not a protocol reference: \(text)") }

    static func notASemanticVersion(_ text: String) -> String { tr("version sémantique invalide : \(text)", "not a semantic version: \(text)") }
}
