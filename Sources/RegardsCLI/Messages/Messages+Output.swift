import ArgumentParser
import RegardsCore

// MARK: - Shared by the commands that write a workbook

extension Messages {
    /// `--xlsx` of a command that may also print to stdout.
    static var workbookHereHelp: ArgumentHelp { ArgumentHelp(tr("Écrire le classeur ici.", "Write the workbook here."), valueName: "FILE.xlsx") }
    /// `--xlsx` of a command that only writes a workbook.
    static var workbookToWriteHelp: ArgumentHelp { ArgumentHelp(tr("Le classeur à écrire.", "The workbook to write."), valueName: "FILE.xlsx") }

    /// After a workbook is written: how many sheets, and their names.
    static func sheetsWritten(_ names: [String]) -> String {
        let list = names.joined(separator: ", ")
        return names.count == 1 ? tr("1 feuille : \(list)", "1 sheet: \(list)") : tr("\(names.count) feuilles : \(list)", "\(names.count) sheets: \(list)")
    }

    static func noVisitOfCampaign(_ campaign: String, in path: String) -> String {
        tr("aucune visite de la campagne `\(campaign)` dans \(path)", "no visit of campaign `\(campaign)` in \(path)")
    }
    static func campaignMixesProtocols(_ campaign: String, _ protocols: String) -> String {
        tr("les visites de `\(campaign)` utilisent des protocoles d'évaluation différents (\(protocols)) ; elles ne peuvent pas être comparées côte à côte",
           "the visits of `\(campaign)` use different evaluation protocols (\(protocols)); they cannot be compared side by side")
    }
}

// MARK: - compare

extension Messages {
    static var compareAbstract: String {
        tr("Comparer la grille de contrôle et l'évaluation d'une visite, ou de toutes les visites d'une campagne.",
           "Compare the control grid and the evaluation of a visit, or of every visit of a campaign.")
    }
    static var compareDiscussion: String {
        tr("--xlsx écrit le classeur de comparaison ; sinon --format text|csv|json|md l'affiche (csv : la table au format long).",
           "--xlsx writes the comparison workbook; otherwise --format text|csv|json|md prints it (csv: the tidy long table).")
    }
    static var compareCampaignHelp: ArgumentHelp { ArgumentHelp(tr("Comparer plutôt toutes les visites de cette campagne.", "Compare every visit of this campaign instead.")) }
    static var compareSinceHelp: ArgumentHelp {
        ArgumentHelp(tr("Une visite antérieure du même établissement : montrer l'évolution depuis celle-ci (scores et conformité par thème, ses mesures, ses pistes).",
                        "An earlier visit of the same establishment: show the evolution since it (scores and conformity per theme, its measures, its actions)."),
                     valueName: "VISIT")
    }
    static var compareFormatHelp: ArgumentHelp { ArgumentHelp(tr("text, csv, json ou md (sur la sortie standard)", "text, csv, json or md (to stdout)")) }
    static var compareVisitOrCampaign: String { tr("indiquez une VISITE ou --campaign NOM", "give a VISIT or --campaign NAME") }
    static var compareSinceNeedsVisit: String { tr("--since compare une VISITE à une visite antérieure", "--since compares a VISIT with an earlier one") }
}

// MARK: - sheet

extension Messages {
    static var sheetAbstract: String {
        tr("Écrire un classeur à remplir pour une grille : réponses en liste déroulante, commentaire et éléments de preuve libres, tout le reste protégé.",
           "Write a fill-in workbook of one grid: drop-down answers, free comment and evidence, everything else protected.")
    }
    static func noGrid(visit: String, _ grid: String) -> String { tr("la visite \(visit) n'a pas de grille \(grid)", "visit \(visit) has no \(grid) grid") }
}

// MARK: - report

extension Messages {
    static var reportAbstract: String {
        tr("Écrire la restitution d'une visite, son rapport provisoire, sa lettre d'accompagnement ou le rapport définitif à partir des modèles de Templates/.",
           "Write a visit's restitution, provisional report, its covering letter or the definitive report from the templates in Templates/.")
    }
    static var reportDiscussion: String {
        tr("Markdown ou HTML prêt à imprimer (A4, pages numérotées) ; pdf, odt et docx sont convertis depuis le HTML par LibreOffice (soffice), qui doit être installé. Un rapport écrit avant que sa phase soit franchie porte la mention PROJET. Un document est refusé tant que la visite a des données personnelles repérées non revues.",
           "Markdown or print-ready HTML (A4, page numbers); pdf, odt and docx are converted from the HTML by LibreOffice (soffice), which must be installed. A report before its phase is issued is marked PROJET. A document is refused while the visit has personal-data findings not reviewed.")
    }
    static var reportDocumentHelp: ArgumentHelp {
        ArgumentHelp(tr("restitution, rapport-provisoire, lettre (la lettre d'accompagnement du rapport provisoire) ou rapport-definitif",
                        "restitution, rapport-provisoire, lettre (the provisional report's covering letter) or rapport-definitif"))
    }
    static var reportFormatHelp: ArgumentHelp { ArgumentHelp(tr("md, html, pdf, odt ou docx", "md, html, pdf, odt or docx")) }
    static var reportOutHelp: ArgumentHelp {
        ArgumentHelp(tr("Écrire ici plutôt que sur la sortie standard (obligatoire pour pdf, odt et docx).", "Write here instead of stdout (required for pdf, odt and docx)."),
                     valueName: "FILE")
    }
    static var reportAllowPersonalDataHelp: ArgumentHelp {
        ArgumentHelp(tr("L'écrire même si des données personnelles repérées ne sont pas revues.", "Write it even though personal-data findings are not reviewed."))
    }
    static func formatWritesFile(_ format: String) -> String {
        tr("--format \(format) écrit un fichier : indiquez --out FILE", "--format \(format) writes a file: give --out FILE")
    }
    static func invalidTemplate(_ path: String, _ error: String) -> String {
        tr("\(path) : modèle invalide : \(error)", "\(path): invalid template: \(error)")
    }
    static func needsLibreOffice(_ format: String) -> String {
        tr("--format \(format) demande LibreOffice (soffice), qui n'est pas installé ; installez libreoffice-writer, ou écrivez en --format html et imprimez ce fichier ; rien n'a été écrit",
           "--format \(format) needs LibreOffice (soffice), which is not installed; install libreoffice-writer, or write --format html and print it; nothing was written")
    }
    static func cannotPrepareConversion(_ error: String) -> String {
        tr("impossible de préparer la conversion : \(error)", "cannot prepare the conversion: \(error)")
    }
    static func cannotStartLibreOffice(_ path: String, _ error: String) -> String {
        tr("impossible de lancer LibreOffice (\(path)) : \(error)", "cannot start LibreOffice (\(path)): \(error)")
    }
    static func conversionFailed(_ format: String, status: Int32) -> String {
        tr("LibreOffice n'a pas pu convertir le document en \(format) (code de sortie \(status)) ; rien n'a été écrit",
           "LibreOffice could not convert the document to \(format) (exit \(status)); nothing was written")
    }
}

// MARK: - protocol diff (its rendering's words)

extension Messages {
    static var diffNoChange: String { tr("aucun changement", "no change") }
    static func diffAdded(_ id: String, in parent: String?) -> String {
        guard let parent else { return tr("\(id) ajouté", "\(id) added") }
        return tr("\(id) ajouté dans \(parent)", "\(id) added in \(parent)")
    }
    static func diffRemoved(_ id: String) -> String { tr("\(id) supprimé", "\(id) removed") }
    static func diffRenamed(_ old: String, _ id: String) -> String { tr("\(old) renommé en \(id)", "\(old) renamed \(id)") }
    static func diffSplit(_ id: String, _ into: String) -> String { tr("\(id) scindé en \(into)", "\(id) split into \(into)") }
    static func diffMerged(_ old: String, _ id: String) -> String { tr("\(old) fusionné dans \(id)", "\(old) merged into \(id)") }
    static func diffImpact(_ impact: String, _ counts: String) -> String { tr("impact : \(impact) (\(counts))", "impact: \(impact) (\(counts))") }
    static func diffWarning(_ warning: String) -> String { tr("avertissement : \(warning)", "warning: \(warning)") }
}
