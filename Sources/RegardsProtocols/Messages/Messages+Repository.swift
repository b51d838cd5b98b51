import RegardsCore

// MARK: - The protocol folders (ProtocolRepositoryError)

extension Messages {
    static func noSuchProtocolFolder(_ path: String) -> String { tr("\(path) : dossier de protocoles introuvable", "\(path): no such protocol folder") }
    static var isAFolder: String { tr("c'est un dossier", "is a folder") }
    static var permissionDenied: String { tr("permission refusée", "permission denied") }
    /// `hint` already starts with `; ` when there is one.
    static func unknownProtocol(_ id: String, hint: String) -> String {
        tr("aucun protocole `\(id)` dans les dossiers de protocoles\(hint)", "no protocol `\(id)` in the protocol folders\(hint)")
    }
    static func unknownVersion(_ specifier: String, available: String) -> String {
        tr("aucune version `\(specifier)` dans les dossiers de protocoles (disponibles : \(available))",
           "no version `\(specifier)` in the protocol folders (available: \(available))")
    }
    static func invalidSpecifier(_ specifier: String) -> String {
        tr("`\(specifier)` n'est ni un fichier, ni `id`, `id@MAJOR`, `id@MAJOR.MINOR` ou `id@MAJOR.MINOR.PATCH`",
           "`\(specifier)` is neither a file nor `id`, `id@MAJOR`, `id@MAJOR.MINOR` or `id@MAJOR.MINOR.PATCH`")
    }
    static func fileHasErrors(_ file: String, count: Int) -> String {
        tr("\(file) a \(count) erreur(s) ; lancez `regards protocol validate \(file)`", "\(file) has \(count) error(s); run `regards protocol validate \(file)`")
    }
    /// `wanted` is `Messages.anEvaluationProtocol` or `Messages.aControlProtocol`.
    static func wrongKind(_ specifier: String, wanted: String) -> String { tr("`\(specifier)` n'est pas \(wanted)", "`\(specifier)` is not \(wanted)") }
    static var anEvaluationProtocol: String { tr("un protocole d'évaluation", "an evaluation protocol") }
    static var aControlProtocol: String { tr("un protocole de contrôle", "a control protocol") }
}

// MARK: - protocol diff's warnings

extension Messages {
    static func breakingNeedsMajor(from old: String, to next: String) -> String {
        tr("des changements incompatibles demandent une nouvelle version majeure (\(old) → \(next))",
           "breaking changes need a new major version (\(old) → \(next))")
    }
    static func contentChangedSameVersion(_ version: String) -> String {
        tr("le contenu a changé mais la version est toujours \(version)", "the content changed but the version is still \(version)")
    }
    static func newVersionIsLower(_ new: String, than old: String) -> String {
        tr("la nouvelle version \(new) est inférieure à l'ancienne \(old)", "the new version \(new) is lower than the old one \(old)")
    }
}
