import ArgumentParser
import RegardsCore

// MARK: - protocol

extension Messages {
    static var protocolAbstract: String {
        tr("Lister, valider, afficher, comparer et créer des fichiers de protocole ; revoir leurs critères sur une campagne.",
           "List, validate, show, compare and scaffold protocol files; review their criteria over a campaign.")
    }
    /// `protocol list` and `protocol validate` in folders without a protocol file.
    static func noProtocolFiles(in folders: String) -> String {
        tr("aucun fichier de protocole dans \(folders)", "no protocol files in \(folders)")
    }
    static var protocolSpecifierHelp: ArgumentHelp {
        ArgumentHelp(tr("ID, ID@MAJOR, ID@VERSION ou le chemin d'un fichier.", "ID, ID@MAJOR, ID@VERSION or a file path."))
    }
}

// MARK: - protocol list

extension Messages {
    static var protocolListAbstract: String {
        tr("Lister les protocoles et les workflows des dossiers de protocoles.", "List the protocols and workflows of the protocol folders.")
    }
    static func criteriaCount(_ count: Int) -> String { tr("\(count) critères", "\(count) criteria") }
    static func statesCount(_ count: Int) -> String { tr("\(count) états", "\(count) states") }
    static func titleWithErrors(_ title: String, errors: Int) -> String { tr("\(title) [\(errors) erreur(s)]", "\(title) [\(errors) error(s)]") }
    static var unreadableTitle: String { tr("(illisible)", "(unreadable)") }
}

// MARK: - protocol validate

extension Messages {
    static var protocolValidateAbstract: String {
        tr("Vérifier des fichiers de protocole et de workflow ; afficher chaque problème sous la forme file:line:col.",
           "Check protocol and workflow files; print every problem as file:line:col.")
    }
    static var protocolValidateDiscussion: String {
        tr("Sans FILE, vérifie tous les fichiers des dossiers de protocoles. Code de sortie 0 sans erreur (les avertissements sont admis), 1 sinon.",
           "Without FILE, checks every file of the protocol folders. Exit 0 when there is no error (warnings allowed), 1 otherwise.")
    }
    static var protocolValidateFilesHelp: ArgumentHelp {
        ArgumentHelp(tr("Les fichiers à vérifier (par défaut : tous les fichiers des dossiers de protocoles).",
                        "Files to check (default: every file of the protocol folders)."))
    }
    static func filesChecked(_ files: Int, errors: Int, warnings: Int) -> String {
        tr("\(files) fichier(s) vérifié(s) : \(errors) erreur(s), \(warnings) avertissement(s)",
           "\(files) file(s) checked: \(errors) error(s), \(warnings) warning(s)")
    }
}

// MARK: - protocol show, diff, coverage

extension Messages {
    static var protocolShowAbstract: String {
        tr("Afficher un protocole ou un workflow : sections, critères, échelles, correspondances, parcours.",
           "Show a protocol or workflow: sections, criteria, scales, crosswalk, journey.")
    }
    static func couldNotBeRead(_ file: String) -> String { tr("\(file) n'a pas pu être lu", "\(file) could not be read") }

    static var protocolDiffAbstract: String {
        tr("Comparer deux versions d'un protocole ; classer chaque changement safe, migration ou breaking.",
           "Compare two versions of a protocol; class each change safe, migration or breaking.")
    }
    static var protocolDiffDiscussion: String {
        tr("OLD et NEW sont des fichiers ou des ID@VERSION cherchés dans les dossiers de protocoles. Code de sortie 0 une fois la comparaison faite, quels que soient les changements.",
           "OLD and NEW are files or ID@VERSION specifiers resolved in the protocol folders. Exit 0 once compared, whatever the changes.")
    }
    static var protocolDiffOldHelp: ArgumentHelp { ArgumentHelp(tr("L'ancienne version (fichier ou ID@VERSION).", "The old version (file or ID@VERSION).")) }
    static var protocolDiffNewHelp: ArgumentHelp { ArgumentHelp(tr("La nouvelle version (fichier ou ID@VERSION).", "The new version (file or ID@VERSION).")) }
    static var diffComparesGridsOnly: String {
        tr("`protocol diff` compare des protocoles de contrôle ou d'évaluation, pas des workflows",
           "`protocol diff` compares control or evaluation protocols, not workflows")
    }
    static func differentProtocols(_ old: String, _ new: String) -> String {
        tr("impossible de comparer `\(old)` avec `\(new)` : ce sont deux protocoles différents",
           "cannot compare `\(old)` with `\(new)`: they are different protocols")
    }

    static var protocolCoverageAbstract: String {
        tr("Dans quelle mesure la grille de contrôle couvre une grille d'évaluation : par thème, angles morts dans les deux sens, documents qui se recoupent.",
           "How far the control grid covers an evaluation grid: per theme, blind spots both ways, overlapping documents.")
    }
    static var protocolCoverageDiscussion: String {
        tr("Par défaut, CONTROL est le protocole que la grille d'évaluation nomme dans `compares_with`.",
           "CONTROL defaults to the protocol the evaluation grid names in `compares_with`.")
    }
    static var coverageEvaluationHelp: ArgumentHelp {
        ArgumentHelp(tr("Le protocole d'évaluation (ID, ID@VERSION ou fichier).", "The evaluation protocol (ID, ID@VERSION or file)."))
    }
    static var coverageControlHelp: ArgumentHelp {
        ArgumentHelp(tr("Le protocole de contrôle (par défaut : son `compares_with`).", "The control protocol (default: its `compares_with`)."))
    }
    static var coverageXLSXHelp: ArgumentHelp {
        ArgumentHelp(tr("Écrire ici le classeur de couverture.", "Write the coverage workbook here."), valueName: "FILE.xlsx")
    }
    static func noComparesWith(_ reference: String) -> String {
        tr("`\(reference)` n'a pas de `compares_with` ; nommez le protocole de contrôle", "`\(reference)` has no `compares_with`; name the control protocol")
    }
}

// MARK: - protocol new, references

extension Messages {
    static var protocolNewAbstract: String {
        tr("Écrire un nouveau fichier de protocole à partir du modèle de Templates/, valide tel quel.",
           "Write a new protocol file from the scaffold in Templates/, valid as written.")
    }
    static var protocolNewIDHelp: ArgumentHelp {
        ArgumentHelp(tr("L'identifiant du nouveau protocole (minuscules, chiffres et tirets).", "The new protocol's id (a lower-case slug)."))
    }
    static var protocolNewTitleHelp: ArgumentHelp { ArgumentHelp(tr("Le titre (par défaut : l'identifiant).", "Title (default: the id).")) }
    static var protocolNewOutputHelp: ArgumentHelp {
        ArgumentHelp(tr("Où l'écrire (par défaut : Protocols/ID.yaml).", "Where to write it (default: Protocols/ID.yaml)."))
    }
    static var protocolNewForceHelp: ArgumentHelp { ArgumentHelp(tr("Remplacer un fichier existant.", "Overwrite an existing file.")) }
    static func invalidProtocolID(_ id: String) -> String {
        tr("`\(id)` n'est pas un identifiant de protocole valide : utilisez des minuscules, des chiffres et `-` (par exemple `chrs-mon-protocole`)",
           "`\(id)` is not a valid protocol id: use lower-case letters, digits and `-` (e.g. `chrs-mon-protocole`)")
    }
    static func fileAlreadyExists(_ path: String) -> String {
        tr("\(path) existe déjà ; ajoutez --force pour le remplacer", "\(path) already exists; pass --force to overwrite it")
    }

    static var protocolReferencesAbstract: String {
        tr("Afficher la table des sources : chaque référence citée par les protocoles, ce qui la cite, son statut.",
           "Print the sources table: every reference the protocols cite, what cites it, its status.")
    }
    static var protocolReferencesDiscussion: String {
        tr("Sans PROTOCOL, lit la dernière version de chaque protocole des dossiers. La sortie Markdown est docs/references.md : regards protocol references > docs/references.md",
           "Without PROTOCOL, reads the latest version of each protocol of the folders. The Markdown output is docs/references.md: regards protocol references > docs/references.md")
    }
    static var protocolReferencesSpecifiersHelp: ArgumentHelp {
        ArgumentHelp(tr("ID, ID@MAJOR, ID@VERSION ou le chemin d'un fichier (par défaut : la dernière version de chaque protocole).",
                        "ID, ID@MAJOR, ID@VERSION or a file path (default: the latest version of each protocol)."))
    }
    static var mdOrJSONHelp: ArgumentHelp { ArgumentHelp(tr("md ou json", "md or json")) }
    static func isAWorkflow(_ specifier: String) -> String { tr("`\(specifier)` est un workflow, pas un protocole", "`\(specifier)` is a workflow, not a protocol") }
}

// MARK: - protocol review

extension Messages {
    static var protocolReviewAbstract: String {
        tr("Analyser les critères sur une campagne : comment chaque critère a été renseigné, et les changements que les chiffres suggèrent.",
           "Criterion analytics over a campaign: how each criterion was answered, and the changes the figures propose.")
    }
    static var protocolReviewDiscussion: String {
        tr("""
            Pour chaque critère de PROTOCOL, sur les visites de la campagne qui y sont rattachées : les niveaux donnés, les taux de « non concerné » \
            et de « non évalué », les effets plancher et plafond, la corrélation avec le reste de son thème, la divergence systématique avec \
            l'autre grille, les critères jamais renseignés ; puis des propositions de suppression, de scission, de fusion et de reformulation, \
            chiffres à l'appui. La revue ne modifie jamais un protocole. Visites rattachées à plusieurs versions : chaque version est revue à part \
            (--version V en revoit une). Voir docs/criterion-review.md.
            """,
           """
            Per criterion of PROTOCOL over the campaign's visits pinned to it: the levels given, the rates of « non concerné » \
            and « non évalué », floor and ceiling effects, the correlation with the rest of its theme, systematic divergence \
            with the other grid, criteria never answered; then drop, split, merge and reword proposals with their figures. \
            It never edits a protocol. Visits pinned to several versions: each version is reviewed on its own (--version V \
            reviews one). See docs/criterion-review.md.
            """)
    }
    static var protocolReviewSpecifierHelp: ArgumentHelp {
        ArgumentHelp(tr("L'identifiant du protocole (ID ou ID@VERSION), tel que les visites de la campagne y sont rattachées.",
                        "The protocol id (ID or ID@VERSION), as the campaign's visits are pinned to it."),
                     valueName: "PROTOCOL")
    }
    static var protocolReviewCampaignHelp: ArgumentHelp {
        ArgumentHelp(tr("La campagne dont les visites sont revues.", "The campaign whose visits are reviewed."))
    }
    static var protocolReviewVersionHelp: ArgumentHelp {
        ArgumentHelp(tr("Ne revoir que les visites rattachées à cette version.", "Review only the visits pinned to this version."))
    }
    static var protocolReviewNoteHelp: ArgumentHelp {
        ArgumentHelp(tr("Écrire ici la note Markdown (les propositions et leurs raisons).", "Write the Markdown note (the proposals and their reasons) here."),
                     valueName: "FILE.md")
    }
    static var protocolReviewFormatHelp: ArgumentHelp {
        ArgumentHelp(tr("text, csv, json ou md (sur la sortie standard), quand ni --xlsx ni --md n'est donné",
                        "text, csv, json or md (to stdout), when neither --xlsx nor --md is given"))
    }
    static func reviewSpecifierShape(_ specifier: String) -> String {
        tr("PROTOCOL s'écrit ID ou ID@VERSION, et non `\(specifier)`", "PROTOCOL is ID or ID@VERSION, not `\(specifier)`")
    }
    static func twoVersionsNamed(_ specifier: String, version: String) -> String {
        tr("`\(specifier)` et --version \(version) désignent deux versions", "`\(specifier)` and --version \(version) name two versions")
    }
    /// Follows `noVisitOfCampaign` when the workspace has no campaign at all.
    static var workspaceHasNoCampaign: String { tr(" ; l'espace de travail n'a aucune campagne", "; it has no campaign") }
    /// Follows `noVisitOfCampaign`: the campaigns the workspace has.
    static func itsCampaigns(_ campaigns: String) -> String { tr(" ; ses campagnes : \(campaigns)", "; its campaigns: \(campaigns)") }
}
