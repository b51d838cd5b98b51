import ArgumentParser
import RegardsCore

/// What the command line says to its user, French first: every help text, error, warning,
/// confirmation and prompt of `regards`, each under its name with its French and its English text
/// (`tr(french, english)`). The files beside this one hold one family of commands each; no
/// user-facing text is written anywhere else in the module (`MessageCatalogueTests` checks it).
enum Messages {}

// MARK: - The program

extension Messages {
    static var rootAbstract: String {
        tr("Croiser les regards : grille de contrôle et évaluation centrée sur les personnes accueillies en CHRS.",
           "Crossing views: the control grid and an evaluation centred on the people accommodated in a CHRS.")
    }

    /// `regards: error: MESSAGE`
    static func error(_ message: String) -> String {
        tr("regards : erreur : \(message)", "regards: error: \(message)")
    }

    /// `regards: warning: MESSAGE`
    static func warning(_ message: String) -> String {
        tr("regards : avertissement : \(message)", "regards: warning: \(message)")
    }

    /// How `regards --help` and the README name each exit code.
    static func exitMeaning(_ kind: RegardsError.Kind) -> (name: String, example: String?) {
        switch kind {
        case .problemsFound: (tr("problèmes trouvés", "problems found"), nil)
        case .usage: (tr("erreur d'utilisation", "usage error"), nil)
        case .badData: (tr("données invalides", "bad data"), tr("un protocole ou une saisie invalide", "an invalid protocol or input"))
        case .missingInput: (tr("entrée introuvable", "missing input"), tr("fichier, dossier ou protocole introuvable", "file, folder or protocol not found"))
        case .ioError: (tr("erreur d'entrée-sortie", "I/O error"), nil)
        }
    }

    /// The line of `regards --help` that lists the exit codes, written out because it is read at every
    /// start; `ExitStatusTests` checks it says what the table says, in both languages.
    static var exitSummary: String {
        tr("Codes de sortie : 0 succès, 1 problèmes trouvés, 64 erreur d'utilisation, 65 données invalides (un protocole ou une saisie invalide), 66 entrée introuvable (fichier, dossier ou protocole introuvable), 74 erreur d'entrée-sortie.",
           "Exit codes: 0 ok, 1 problems found, 64 usage error, 65 bad data (an invalid protocol or input), 66 missing input (file, folder or protocol not found), 74 I/O error.")
    }

    static func exitSummaryStart(success: Int32) -> String {
        tr("Codes de sortie : \(success) succès, ", "Exit codes: \(success) ok, ")
    }

}

// MARK: - Help shared by many commands

extension Messages {
    static var visitHelp: ArgumentHelp { ArgumentHelp(tr("L'identifiant de la visite.", "The visit id.")) }
    static var textOrJSONHelp: ArgumentHelp { ArgumentHelp(tr("text ou json", "text or json")) }
    static var textJSONOrCSVHelp: ArgumentHelp { ArgumentHelp(tr("text, json ou csv", "text, json or csv")) }
    static var gridKindHelp: ArgumentHelp { ArgumentHelp(tr("evaluation ou control", "evaluation or control")) }
    static var whyHelp: ArgumentHelp { ArgumentHelp(tr("Pourquoi (gardé dans l'historique).", "Why (kept in the history).")) }
    static var allowPersonalDataHelp: ArgumentHelp {
        ArgumentHelp(tr("Exporter même si des données personnelles repérées ne sont pas revues (les propriétés du classeur le disent).",
                        "Export even though personal-data findings are not reviewed (the workbook's properties say so)."))
    }
}
