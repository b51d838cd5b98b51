import RegardsCore

// MARK: - Keys and values of a mapping (MappingReader)

extension Messages {
    /// `what` names the mapping (`Messages.aCriterion` …); `found` says what the value is (`Messages.foundList` …).
    static func mustBeMapping(_ what: String, found: String) -> String {
        tr("\(what) doit être un ensemble de clés, et non \(found)", "\(what) must be a mapping, found \(found)")
    }
    static func keysMustBePlainNames(found: String) -> String {
        tr("les clés doivent être des noms simples, et non \(found)", "keys must be plain names, found \(found)")
    }
    static func unknownKey(_ key: String, in what: String) -> String { tr("clé inconnue `\(key)` dans \(what)", "unknown key `\(key)` in \(what)") }
    static func missingKey(_ key: String, in what: String) -> String {
        tr("il manque la clé obligatoire `\(key)` dans \(what)", "missing required key `\(key)` in \(what)")
    }
    static func mustBeText(_ key: String, found: String) -> String { tr("`\(key)` doit être un texte, et non \(found)", "`\(key)` must be text, found \(found)") }
    static func mustBeWholeNumber(_ key: String, found: String) -> String {
        tr("`\(key)` doit être un nombre entier, et non \(found)", "`\(key)` must be a whole number, found \(found)")
    }
    static func mustBeNumber(_ key: String, found: String) -> String { tr("`\(key)` doit être un nombre, et non \(found)", "`\(key)` must be a number, found \(found)") }
    static func mustBeBoolean(_ key: String, found: String) -> String {
        tr("`\(key)` doit valoir true ou false, et non \(found)", "`\(key)` must be true or false, found \(found)")
    }
    /// `allowed` already in backticks, `found` the text found.
    static func mustBeOneOf(_ key: String, allowed: String, found: String) -> String {
        tr("`\(key)` doit être l'une des valeurs \(allowed), et non `\(found)`", "`\(key)` must be one of \(allowed), found `\(found)`")
    }
    static func mustBeListOfTexts(_ key: String, found: String) -> String {
        tr("`\(key)` doit être une liste de textes, et non \(found)", "`\(key)` must be a list of texts, found \(found)")
    }
    static func mustBeList(_ key: String, found: String) -> String { tr("`\(key)` doit être une liste, et non \(found)", "`\(key)` must be a list, found \(found)") }
    static func mustBeMappingOfIDs(_ key: String, found: String) -> String {
        tr("`\(key)` doit être un ensemble d'identifiants, et non \(found)", "`\(key)` must be a mapping of ids, found \(found)")
    }
    static func idsMustBePlainNames(found: String) -> String {
        tr("les identifiants doivent être des noms simples, et non \(found)", "ids must be plain names, found \(found)")
    }
    static func periodTakesOne(_ what: String) -> String {
        tr("\(what) prend `days` ou `months`, pas les deux", "\(what) takes `days` or `months`, not both")
    }
    static func periodNeedsOne(_ what: String) -> String { tr("\(what) demande `days` ou `months`", "\(what) needs `days` or `months`") }
    static func periodAtLeastOne(_ what: String) -> String { tr("\(what) doit valoir au moins 1", "\(what) must be at least 1") }
}

// MARK: - The mappings of a protocol or workflow file, as the messages name them

extension Messages {
    static var theProtocol: String { tr("le protocole", "the protocol") }
    static func contextVariable(_ id: String) -> String { tr("la variable de contexte `\(id)`", "context variable `\(id)`") }
    static func scaleNamed(_ id: String) -> String { tr("l'échelle `\(id)`", "scale `\(id)`") }
    static var aScaleLevel: String { tr("un niveau d'échelle", "a scale level") }
    static var anObservationMethod: String { tr("une méthode d'observation", "an observation method") }
    static var aDocument: String { tr("un document", "a document") }
    static var aSection: String { tr("une section", "a section") }
    static var aCriterion: String { tr("un critère", "a criterion") }
    /// An item of a criterion's `maps_to`.
    static var aMapping: String { tr("une correspondance", "a mapping") }
    static var theJourney: String { tr("le parcours", "the journey") }
    static var aJourneyStep: String { tr("une étape du parcours", "a journey step") }
    static var aDeadline: String { tr("un délai", "a deadline") }
    static var theWorkflow: String { tr("le workflow", "the workflow") }
    static var aState: String { tr("un état", "a state") }
    static var aTransition: String { tr("une transition", "a transition") }
}

// MARK: - Protocol and workflow files (ProtocolLoader)

extension Messages {
    static func protocolFileMustBeMapping(found: String) -> String {
        tr("un fichier de protocole doit être un ensemble de clés (id, version, kind …), et non \(found)",
           "a protocol file must be a mapping of keys (id, version, kind …), found \(found)")
    }
    static func notASemanticVersion(_ text: String) -> String {
        tr("la version `\(text)` n'est pas un numéro de version sémantique MAJEUR.MINEUR.CORRECTIF (par exemple `1.0.0`)",
           "version `\(text)` is not a semantic version MAJOR.MINOR.PATCH (e.g. `1.0.0`)")
    }
    static func unknownKind(_ text: String) -> String {
        tr("`kind` doit être l'une des valeurs `control`, `evaluation`, `workflow`, et non `\(text)`",
           "`kind` must be one of `control`, `evaluation`, `workflow`, found `\(text)`")
    }
    static func comparesWithFormat(_ text: String) -> String {
        tr("`compares_with` s'écrit `protocol-id@MAJOR` (par exemple `chrs-controle@1`), et non `\(text)`",
           "`compares_with` must be written `protocol-id@MAJOR` (e.g. `chrs-controle@1`), found `\(text)`")
    }
    static var missingScale: String {
        tr("il manque la clé obligatoire `scale` dans un critère (le protocole n'a pas de `default_scale`)",
           "missing required key `scale` in a criterion (the protocol has no `default_scale`)")
    }
    static var deadlineAfterOrBefore: String {
        tr("un délai se compte après une étape (`after`) ou avant elle (`before`), pas les deux",
           "a deadline counts `after` a step or `before` it, not both")
    }
    static var deadlineNeedsStep: String {
        tr("un délai demande `after` ou `before` (l'étape à partir de laquelle il se compte)", "a deadline needs `after` or `before` (the step it counts from)")
    }
    static var monthsFromGivesMonths: String {
        tr("`months_from` donne des mois : écrivez la valeur par défaut en `months`, pas en `days`",
           "`months_from` gives months: write the default as `months`, not `days`")
    }
    static func workflowKind(_ text: String) -> String {
        tr("un fichier de workflow doit avoir `workflow` pour `kind`, et non `\(text)`", "a workflow file must say `kind: workflow`, found `\(text)`")
    }
    static var answerWithinPlace: String {
        tr("`answer_within` se place dans l'état dont `report` vaut `provisional`", "`answer_within` belongs to the state with `report: provisional`")
    }
    static func guardShape(found: String) -> String {
        tr("une condition de passage est un nom ou un ensemble d'une seule clé (par exemple `grid_complete` avec la valeur `evaluation`), et non \(found)",
           "a guard is a name or a one-key mapping (`grid_complete: evaluation`), found \(found)")
    }
    static func guardNeedsNumber(_ name: String) -> String { tr("`\(name)` demande un nombre entier", "`\(name)` needs a whole number") }
    static func guardTakesNoValue(_ name: String) -> String {
        tr("`\(name)` ne prend pas de valeur (écrivez `- \(name)`)", "`\(name)` takes no value (write `- \(name)`)")
    }
    static var gridCompleteNeedsGrid: String { tr("`grid_complete` demande `evaluation` ou `control`", "`grid_complete` needs `evaluation` or `control`") }
    static func unknownGuard(_ name: String) -> String { tr("condition de passage inconnue `\(name)`", "unknown guard `\(name)`") }
}
