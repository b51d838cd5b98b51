import ArgumentParser
import RegardsCore

// MARK: - Options shared by many commands: --protocols, --db, --inspector, --scorer

extension Messages {
    static var protocolsHelp: ArgumentHelp {
        ArgumentHelp(tr("Un dossier de protocoles (répétable, parcouru dans l'ordre).", "A protocol folder (repeatable, searched in order)."),
                     discussion: tr("Par défaut : ./Protocols, puis <bin>/../share/regards/Protocols, puis le dossier Protocols de l'arborescence source d'où le binaire a été compilé.",
                                    "Default: ./Protocols, then <bin>/../share/regards/Protocols, then the Protocols folder of the source tree the binary was built from."),
                     valueName: "DIR")
    }
    static var dbHelp: ArgumentHelp {
        ArgumentHelp(tr("L'espace de travail : un fichier, ou un serveur PostgreSQL (postgres://… ou une chaîne de mots-clés libpq) (par défaut : $REGARDS_DB, sinon ./regards.sqlite).",
                        "The workspace: a file, or a PostgreSQL server (postgres://… or a libpq keyword string) (default: $REGARDS_DB, else ./regards.sqlite)."),
                     valueName: "PATH|URL")
    }
    static var inspectorHelp: ArgumentHelp {
        ArgumentHelp(tr("Qui enregistre (par défaut : $REGARDS_INSPECTOR, sinon l'utilisateur du système).",
                        "Who records (default: $REGARDS_INSPECTOR, else the system user)."),
                     valueName: "NAME")
    }
    static var scorerHelp: ArgumentHelp {
        ArgumentHelp(tr("Évaluer indépendamment sous le nom NAME (double évaluation) : vos réponses sont tenues à part de celles de la visite et de tout autre évaluateur.",
                        "Score independently as NAME (double scoring): your answers are kept apart from the visit's and from any other scorer's."),
                     valueName: "NAME")
    }
    static func scorerNotAName(_ scorer: String) -> String {
        tr("--scorer attend un nom sur une seule ligne, sans espace avant ni après, et non `\(scorer)`",
           "--scorer is a name on one line, without spaces around it, not `\(scorer)`")
    }
}

// MARK: - Workspaces and visits

extension Messages {
    static func noVisit(_ id: String, in workspace: String) -> String {
        tr("aucune visite `\(id)` dans \(workspace)", "no visit `\(id)` in \(workspace)")
    }
    /// `visit \(visit) has no control grid (it was started with … only)`.
    static func noGrid(visit: String, _ grid: String, startedWith evaluation: String) -> String {
        noGrid(visit: visit, grid) + tr(" (elle a été commencée avec \(evaluation) seulement)", " (it was started with \(evaluation) only)")
    }
    static func nothingToScore(_ noGrid: String, scorer: String) -> String {
        tr("\(noGrid) : \(scorer) n'a rien à évaluer", "\(noGrid): there is nothing for \(scorer) to score")
    }
    static func protocolDrifted(_ file: String, visit: String, pin: String) -> String {
        tr("\(file) a changé depuis le début de la visite \(visit), sans nouvelle version de `\(pin)` ; la visite garde le texte avec lequel elle a commencé",
           "\(file) changed since visit \(visit) started, without a new version of `\(pin)`; the visit keeps the text it started with")
    }
    static func noWorkflow(visit: String) -> String {
        tr("la visite \(visit) ne suit aucun workflow", "visit \(visit) follows no workflow")
    }
    static func phaseChangedMeanwhile(visit: String) -> String {
        tr("la visite \(visit) a changé de phase entre-temps ; relancez la commande", "visit \(visit) changed phase meanwhile; run the command again")
    }
    static func snapshotMissing(_ pin: String) -> String {
        tr("l'instantané de `\(pin)` manque dans l'espace de travail", "the snapshot of `\(pin)` is missing from the workspace")
    }
    static func snapshotMismatch(_ pin: String) -> String {
        tr("l'instantané enregistré de `\(pin)` ne se relit pas tel qu'il a été enregistré (empreinte différente)",
           "the stored snapshot of `\(pin)` does not read back as recorded (hash mismatch)")
    }
    static func notAGrid(_ pin: String) -> String { tr("`\(pin)` n'est pas une grille", "`\(pin)` is not a grid") }
    static var noTemplatesFolder: String {
        tr("aucun dossier Templates trouvé (cherché dans ./Templates et à côté du binaire)", "no Templates folder found (looked in ./Templates and beside the binary)")
    }
}

// MARK: - Files named on the command line

extension Messages {
    static var fileNoun: String { tr("fichier", "file") }
    static var csvFileNoun: String { tr("fichier CSV", "CSV file") }
    static var workbookNoun: String { tr("classeur", "workbook") }

    static func cannotRead(_ path: String) -> String { tr("\(path) : lecture impossible", "\(path): cannot read") }
    /// `PATH: is a folder, not a file` (a CSV file, a workbook: `fileNoun`, `csvFileNoun`, `workbookNoun`).
    static func isAFolder(_ path: String, notA noun: String) -> String {
        tr("\(path) est un dossier, pas un \(noun)", "\(path): is a folder, not a \(noun)")
    }
    static func notUTF8(_ path: String) -> String { tr("\(path) : ce n'est pas du texte UTF-8", "\(path): not UTF-8 text") }
    /// Added to `notUTF8` for a CSV file.
    static var saveAsUTF8: String {
        tr(" ; enregistrez le fichier en UTF-8 (« CSV UTF-8 » dans un tableur)", "; save the file as UTF-8 (CSV UTF-8 in a spreadsheet)")
    }
    static func notARegularFile(_ path: String) -> String {
        tr("\(path) : ce n'est pas un fichier ordinaire ; rien n'a été écrit", "\(path): not a regular file; nothing was written")
    }
    static func cannotWrite(_ path: String, _ reason: String) -> String { tr("\(path) : écriture impossible : \(reason)", "\(path): cannot write: \(reason)") }
}
