// What the core says of a workbook read back: the fill-in grid (`regards sheet`) and the tableau de
// suivi (`regards measure sheet`) — their stamps, their table, their cells, and the conflicts of a
// grid changed on both sides.

extension Messages {
    // MARK: - Stamps

    static func noStamps(_ path: String, _ document: ReadBackDocument, writtenBy command: String) -> String {
        switch document {
        case .fillInGrid:
            tr("\(path) : aucune marque Regards : ce n'est pas une grille de saisie écrite par Regards, ou ses marques ont été perdues (lignes copiées dans un nouveau classeur ?) ; écrivez-en une avec `\(command)` et remplissez celle-là",
               "\(path): no Regards stamps: this is not a fill-in grid written by Regards, or its stamps were lost (rows copied into a new workbook?); write one with `\(command)` and fill that one")
        case .followUpTable:
            tr("\(path) : aucune marque Regards : ce n'est pas un tableau de suivi écrit par Regards, ou ses marques ont été perdues (lignes copiées dans un nouveau classeur ?) ; écrivez-en un avec `\(command)` et remplissez celui-là",
               "\(path): no Regards stamps: this is not a tableau de suivi written by Regards, or its stamps were lost (rows copied into a new workbook?); write one with `\(command)` and fill that one")
        }
    }

    static func stampVisitMissing(_ path: String) -> String {
        tr("\(path) : la marque `visite` est absente : les marques du classeur ont été modifiées", "\(path): the stamp `visite` is missing: the workbook's stamps were edited")
    }

    static func workbookOfOtherVisit(_ path: String, _ written: String, _ visit: String) -> String {
        tr("\(path) : ce classeur est celui de la visite \(written), pas de la visite \(visit)", "\(path): this workbook is for visit \(written), not \(visit)")
    }

    static func workbookOfOtherWorkspace(_ path: String, _ visit: String) -> String {
        tr("\(path) : ce classeur est celui d'une autre visite \(visit) (d'un autre espace de travail : son uid diffère)",
           "\(path): this workbook is for another visit \(visit) (from another workspace: its uid differs)")
    }

    static func workbookOfOtherScorer(_ path: String, _ written: String, _ wanted: String) -> String {
        tr("\(path) : ce classeur contient l'évaluation indépendante de \(written), pas celle de \(wanted)",
           "\(path): this workbook holds \(written)'s independent scoring, not \(wanted)'s")
    }

    static func workbookOfVisitNotScorer(_ path: String, _ wanted: String) -> String {
        tr("\(path) : ce classeur contient les réponses de la visite elle-même, pas l'évaluation indépendante de \(wanted) (écrivez la grille d'un évaluateur avec `regards sheet VISIT --xlsx FILE.xlsx --scorer \(wanted)`)",
           "\(path): this workbook holds the visit's own answers, not \(wanted)'s independent scoring (write a scorer's grid with `regards sheet VISIT --xlsx FILE.xlsx --scorer \(wanted)`)")
    }

    // MARK: - The table and its cells

    static func columnMissing(_ path: String, sheet: String, _ column: String, _ document: ReadBackDocument) -> String {
        switch document {
        case .fillInGrid:
            tr("\(path):\(sheet) : la colonne « \(column) » est absente : les colonnes de la grille doivent rester telles qu'elles ont été écrites",
               "\(path):\(sheet): the column « \(column) » is missing: the grid's columns must stay as written")
        case .followUpTable:
            tr("\(path):\(sheet) : la colonne « \(column) » est absente : les colonnes du tableau de suivi doivent rester telles qu'elles ont été écrites",
               "\(path):\(sheet): the column « \(column) » is missing: the tableau de suivi's columns must stay as written")
        }
    }

    static func noTable(_ path: String, _ document: ReadBackDocument, columns first: String, _ second: String) -> String {
        switch document {
        case .fillInGrid:
            tr("\(path) : aucune grille dans ce classeur : aucune feuille n'a les colonnes « \(first) » et « \(second) »",
               "\(path): no grid in this workbook: no sheet has the columns « \(first) » and « \(second) »")
        case .followUpTable:
            tr("\(path) : aucun tableau de suivi dans ce classeur : aucune feuille n'a les colonnes « \(first) » et « \(second) »",
               "\(path): no tableau de suivi in this workbook: no sheet has the columns « \(first) » and « \(second) »")
        }
    }

    static var formulaInCell: String {
        tr("une formule là où une valeur est attendue : saisissez la valeur elle-même (les formules ne sont pas importées)",
           "a formula where a value is expected: type the value itself (formulas are not imported)")
    }

    static func errorValueInCell(_ value: String) -> String {
        tr("la valeur d'erreur \(value) là où une valeur est attendue", "the error value \(value) where a value is expected")
    }

    /// The rows of `missing` (criteria or measures) are no longer in the workbook.
    static func rowsDeleted(_ missing: [String], _ document: ReadBackDocument) -> String {
        let list = missing.joined(separator: ", ")
        switch (document, missing.count == 1) {
        case (.fillInGrid, true):
            return tr("la ligne de \(list) a été supprimée : une grille se réimporte avec toutes ses lignes d'origine",
                      "the row of \(list) was deleted: a grid comes back with every row it was written with")
        case (.fillInGrid, false):
            return tr("les lignes de \(list) ont été supprimées : une grille se réimporte avec toutes ses lignes d'origine",
                      "the rows of \(list) were deleted: a grid comes back with every row it was written with")
        case (.followUpTable, true):
            return tr("la ligne de \(list) a été supprimée : un tableau se réimporte avec toutes ses lignes d'origine",
                      "the row of \(list) was deleted: a tableau comes back with every row it was written with")
        case (.followUpTable, false):
            return tr("les lignes de \(list) ont été supprimées : un tableau se réimporte avec toutes ses lignes d'origine",
                      "the rows of \(list) were deleted: a tableau comes back with every row it was written with")
        }
    }

    // MARK: - The fill-in grid

    static func tableauNotGrid(_ path: String, visit: String) -> String {
        tr("\(path) : c'est un tableau de suivi, pas une grille : lisez-le avec `regards measure follow \(visit) --from \(path)`",
           "\(path): this is a tableau de suivi, not a grid: read it with `regards measure follow \(visit) --from \(path)`")
    }

    static func readBackIntoScoring(_ path: String, _ scorer: String) -> String {
        tr("\(path) : ce classeur contient l'évaluation indépendante de \(scorer) : réimportez-le dans cette évaluation (--scorer \(scorer))",
           "\(path): this workbook holds \(scorer)'s independent scoring: read it back into that scoring (--scorer \(scorer))")
    }

    static func visitHasNoGrid(_ visit: String, _ kind: ProtocolKind) -> String {
        tr("la visite \(visit) n'a pas de \(grid(kind))", "visit \(visit) has no \(kind.rawValue) grid")
    }

    static func stampGridMissing(_ path: String, visit: String) -> String {
        tr("\(path) : la marque `grille` est absente ou modifiée : écrivez de nouveau la grille avec `regards sheet \(visit)`",
           "\(path): the stamp `grille` is missing or edited: write the grid again with `regards sheet \(visit)`")
    }

    static func workbookHoldsOtherGrid(_ path: String, _ kind: ProtocolKind, wanted: ProtocolKind) -> String {
        tr("\(path) : ce classeur contient la \(grid(kind)), pas la \(grid(wanted))",
           "\(path): this workbook holds the \(kind.rawValue) grid, not the \(wanted.rawValue) grid")
    }

    static func visitLacksWorkbookGrid(_ path: String, _ kind: ProtocolKind, visit: String) -> String {
        tr("\(path) : ce classeur contient une \(grid(kind)), et la visite \(visit) n'en a pas",
           "\(path): this workbook holds a \(kind.rawValue) grid, and visit \(visit) has none")
    }

    /// What to do when a workbook was written from another protocol than the visit's.
    static func writeGridAgain(visit: String, _ kind: ProtocolKind) -> String {
        tr("écrivez de nouveau la grille avec `regards sheet \(visit) --grid \(kind.rawValue) --xlsx FILE.xlsx`",
           "write the grid again with `regards sheet \(visit) --grid \(kind.rawValue) --xlsx FILE.xlsx`")
    }

    static func workbookOfOtherProtocol(_ path: String, _ protocolID: String, visit: String, _ kind: ProtocolKind, pinned: String) -> String {
        tr("\(path) : ce classeur contient le protocole \(protocolID) ; la \(grid(kind)) de la visite \(visit) est \(pinned)",
           "\(path): this workbook holds protocol \(protocolID); visit \(visit)'s \(kind.rawValue) grid is \(pinned)")
    }

    static func workbookOfOtherVersion(_ path: String, _ written: String, visit: String, pinned: String, again: String) -> String {
        tr("\(path) : ce classeur a été écrit à partir de \(written) ; la visite \(visit) est liée à \(pinned) : \(again)",
           "\(path): this workbook was written from \(written); visit \(visit) is pinned to \(pinned): \(again)")
    }

    static func workbookOfOtherHash(_ path: String, _ pinned: String, written: String, visits: String, again: String) -> String {
        tr("\(path) : le protocole \(pinned) diffère de celui à partir duquel ce classeur a été écrit (empreinte \(written)…, celle de la visite \(visits)…) : \(again)",
           "\(path): protocol \(pinned) differs from the one this workbook was written from (hash \(written)…, the visit's \(visits)…): \(again)")
    }

    static func stampHistoryMissing(_ path: String, visit: String) -> String {
        tr("\(path) : la marque `historique` est absente (une grille écrite par une version antérieure de Regards) : écrivez de nouveau la grille avec `regards sheet \(visit)`",
           "\(path): the stamp `historique` is missing (a grid written by an older Regards): write the grid again with `regards sheet \(visit)`")
    }

    static func historyPointUnknown(_ path: String, visit: String) -> String {
        tr("\(path) : le point de l'historique à partir duquel ce classeur a été écrit n'est pas dans l'historique de la visite \(visit) (écrit à partir d'une autre copie de la visite ?)",
           "\(path): the history point this workbook was written from is not in visit \(visit)'s history (written from another copy of the visit?)")
    }

    static var answerWithoutCriterion: String {
        tr("une réponse sur une ligne sans critère : on ne peut pas ajouter de lignes à une grille", "an answer on a row without a criterion: rows cannot be added to a grid")
    }

    static func unknownGridCriterion(_ id: String, in grid: String, hint: String?) -> String {
        tr("critère inconnu `\(id)` dans \(grid)\(hintSuffix(hint)) : on ne peut pas ajouter de lignes à une grille",
           "unknown criterion `\(id)` in \(grid)\(hintSuffix(hint)): rows cannot be added to a grid")
    }

    static func criterionOnTwoRows(_ id: String, row: Int) -> String {
        tr("\(id) figure déjà à la ligne \(row) : un critère n'a qu'une ligne", "\(id) is already on row \(row): a criterion has one row")
    }

    static func notTheTitle(_ id: String) -> String {
        tr("ce n'est pas l'intitulé de \(id) : les colonnes ont-elles été triées séparément, ou la ligne modifiée ?",
           "this is not the title of \(id): were the columns sorted separately, or the row edited?")
    }

    static func criterionDoesNotApply(_ id: String) -> String {
        tr("\(id) ne s'applique pas à cette visite : on ne peut pas ajouter de lignes à une grille", "\(id) does not apply to this visit: rows cannot be added to a grid")
    }

    static var commentWithoutAnswer: String {
        tr("un commentaire ou une preuve sans réponse : choisissez une réponse (« non évalué » si le critère n'a pas été évalué)",
           "a comment or evidence without an answer: choose one (« non évalué » when it was not assessed)")
    }

    static func conflictsRefused(_ path: String, _ count: Int) -> String {
        tr("\(path) : \(count) réponse(s) modifiée(s) à la fois dans l'espace de travail et dans le classeur ; rien n'a été écrit : gardez un côté avec --prefer workbook ou --prefer workspace",
           "\(path): \(count) answer(s) changed both in the workspace and in the workbook; nothing was written: keep one side with --prefer workbook or --prefer workspace")
    }

    /// `FILE:SHEET!CELL: conflict: …`
    static func conflictDetail(_ place: String, _ description: String) -> String {
        tr("\(place): conflit : \(description)", "\(place): conflict: \(description)")
    }

    /// `` `non conforme` `` or `no answer`, in a conflict.
    static var noAnswer: String { tr("sans réponse", "no answer") }

    // MARK: the echo of a recorded answer (AnswerChangeLine)

    static func answerBefore(_ label: String) -> String { tr("avant : \(label)", "before: \(label)") }
    static var commentChanged: String { tr("commentaire modifié", "comment changed") }
    static var evidenceChanged: String { tr("preuve modifiée", "evidence changed") }
    static var answerWithdrawn: String { tr("réponse retirée", "answer withdrawn") }
    /// Between the parts of a change: ` ; ` in French, `; ` in English.
    static var listSeparator: String { Language.current == .fr ? "\(French.space); " : "; " }
    static func ofIndependentScoring(_ scorer: String) -> String {
        tr(" — évaluation indépendante de \(scorer)", " — \(scorer)'s independent scoring")
    }
    static func consensus(_ criterion: String, _ now: String, _ said: String) -> String {
        tr("\(criterion) = \(now) (consensus de \(said))", "\(criterion) = \(now) (consensus of \(said))")
    }
    static func scorerSaid(_ scorer: String, _ label: String) -> String { Language.labelled(scorer, label) }

    /// ` (by X, 2026-11-20)`, who gave the workspace's answer.
    static func answeredBy(_ author: String, on day: Substring) -> String {
        tr(" (par \(author), \(day))", " (by \(author), \(day))")
    }

    static func conflict(_ criterion: String, workspace: String, by who: String, workbook: String) -> String {
        tr("\(criterion) a changé depuis l'écriture du classeur : \(workspace) dans l'espace de travail\(who), \(workbook) dans le classeur",
           "\(criterion) changed since the workbook was written: \(workspace) in the workspace\(who), \(workbook) in the workbook")
    }

    // MARK: - The tableau de suivi

    static func gridNotTableau(_ path: String, visit: String) -> String {
        tr("\(path) : c'est une grille de saisie, pas un tableau de suivi : lisez-la avec `regards answer \(visit) --from \(path)`",
           "\(path): this is a fill-in grid, not a tableau de suivi: read it with `regards answer \(visit) --from \(path)`")
    }

    static func measuresChanged(_ path: String, visit: String) -> String {
        tr("\(path) : les mesures ont changé depuis l'écriture de ce tableau de suivi : écrivez-le de nouveau avec `regards measure sheet \(visit) --xlsx FILE.xlsx`",
           "\(path): the measures changed since this tableau de suivi was written: write it again with `regards measure sheet \(visit) --xlsx FILE.xlsx`")
    }

    static func cellNotADate(_ value: String) -> String {
        tr("`\(value)` n'est pas une date : saisissez-la sous la forme 2027-03-01", "`\(value)` is not a date: type it as 2027-03-01")
    }

    static var answerWithoutMeasure: String {
        tr("une réponse sur une ligne sans mesure : on ne peut pas ajouter de lignes", "an answer on a row without a measure: rows cannot be added")
    }

    static func notAMeasureOfTableau(_ label: String, measures: [String]) -> String {
        tr("`\(label)` n'est pas une mesure de ce tableau (\(measures.joined(separator: ", "))) : on ne peut pas ajouter de lignes",
           "`\(label)` is not a measure of this tableau (\(measures.joined(separator: ", "))): rows cannot be added")
    }

    static func measureOnTwoRows(_ label: String, row: Int) -> String {
        tr("\(label) figure déjà à la ligne \(row)", "\(label) is already on row \(row)")
    }
}
