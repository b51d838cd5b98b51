import RegardsCore

// Why a file could not be read as a workbook. Cell contents never appear (they may be personal
// data); the system's reason for a file that cannot be opened is quoted as it comes.

extension Messages {
    // MARK: - The file

    static func cannotOpenFile(_ reason: String) -> String {
        tr("impossible d'ouvrir le fichier : \(reason)", "cannot open the file: \(reason)")
    }

    static var notARegularFile: String { tr("ce n'est pas un fichier ordinaire", "it is not a regular file") }
    static var unreadableFile: String { tr("il ne peut pas être lu", "it cannot be read") }

    static var emptyWorkbookFile: String { tr("ce n'est pas un classeur .xlsx : le fichier est vide", "not an .xlsx workbook: the file is empty") }

    static func fileTooLarge(_ size: String, limit: String) -> String {
        tr("le fichier est trop gros : \(size), la limite est de \(limit)", "the file is too large: \(size), the limit is \(limit)")
    }

    static var compoundFile: String {
        tr("ce n'est pas un classeur .xlsx : un classeur chiffré ou un fichier .xls : enregistrez-le au format .xlsx sans mot de passe",
           "not an .xlsx workbook: an encrypted workbook or an .xls file: save it as .xlsx without a password")
    }

    static var openDocumentSpreadsheet: String {
        tr("ce n'est pas un classeur .xlsx : un fichier .ods : convertissez-le avec `soffice --headless --convert-to xlsx FILE.ods`",
           "not an .xlsx workbook: an .ods file: convert it with `soffice --headless --convert-to xlsx FILE.ods`")
    }

    static var textNotWorkbook: String {
        tr("ce n'est pas un classeur .xlsx : le fichier est du texte (CSV ?), pas une archive zip", "not an .xlsx workbook: the file is text (CSV?), not a zip archive")
    }

    static var markupNotWorkbook: String {
        tr("ce n'est pas un classeur .xlsx : le fichier est du texte HTML ou XML : ouvrez-le dans un tableur et enregistrez-le au format .xlsx",
           "not an .xlsx workbook: the file is HTML or XML text: open it in a spreadsheet and save it as .xlsx")
    }

    static var notZip: String { tr("ce n'est pas un classeur .xlsx : le fichier n'est pas une archive zip", "not an .xlsx workbook: the file is not a zip archive") }

    static var truncatedWorkbook: String {
        tr("le classeur est tronqué ou endommagé : son archive zip ne peut pas être lue (a-t-il été copié entièrement ?)",
           "the workbook is truncated or damaged: its zip archive cannot be read (was it copied completely?)")
    }

    // MARK: - Zip bombs

    static func expandsTooMuch(_ size: String, limit: String) -> String {
        tr("refusé comme bombe zip : ses parties font \(size) une fois décompressées, la limite est de \(limit)",
           "refused as a zip bomb: its parts expand to \(size), the limit is \(limit)")
    }

    static func compressionRatio(_ part: String, ratio: UInt64, limit: UInt64) -> String {
        tr("refusé comme bombe zip : \(part) se décompresse \(ratio) fois, la limite est de \(limit)",
           "refused as a zip bomb: \(part) expands \(ratio) times, the limit is \(limit)")
    }

    static func sizeMismatch(_ part: String) -> String {
        tr("refusé comme bombe zip : \(part) se décompresse au-delà de la taille qu'annonce son en-tête zip",
           "refused as a zip bomb: \(part) expands beyond the size its zip header announces")
    }

    // MARK: - The parts

    static func damagedPart(_ part: String) -> String {
        tr("le classeur est endommagé : \(part) ne peut pas être décompressé", "the workbook is damaged: \(part) cannot be unzipped")
    }

    static var noWorkbookPart: String {
        tr("ce n'est pas un classeur .xlsx : l'archive zip n'a pas de partie classeur", "not an .xlsx workbook: the zip archive has no workbook part")
    }

    static func notASpreadsheet(_ part: String) -> String {
        tr("ce n'est pas un classeur .xlsx : sa partie principale \(part) n'est pas un tableur (un fichier Word ou PowerPoint ?)",
           "not an .xlsx workbook: its main part \(part) is not a spreadsheet (a Word or PowerPoint file?)")
    }

    static func missingPart(_ part: String) -> String {
        tr("le classeur est endommagé : la partie \(part) manque", "the workbook is damaged: the part \(part) is missing")
    }

    static func missingSheetPart(_ sheet: String) -> String {
        tr("le classeur est endommagé : la feuille \(sheet) n'a pas de partie", "the workbook is damaged: the sheet \(sheet) has no part")
    }

    static func malformedXML(_ part: String, line: Int) -> String {
        tr("le classeur est endommagé : XML mal formé dans \(part) à la ligne \(line)", "the workbook is damaged: malformed XML in \(part) at line \(line)")
    }

    static func documentType(_ part: String) -> String {
        tr("refusé : \(part) déclare un type de document (DTD), ce qu'aucun tableur n'écrit",
           "refused: \(part) declares a document type (DTD), which no spreadsheet program writes")
    }

    static func unreadableValue(_ part: String, _ place: String, _ kind: String) -> String {
        tr("le classeur est endommagé : \(part), \(place) : \(kind) illisible", "the workbook is damaged: \(part) \(place) has an unreadable \(kind)")
    }

    // MARK: - Where a value is, and what it is

    static func rowPlace(_ row: String) -> String { tr("ligne \(row)", "row \(row)") }
    static func cellPlace(_ cell: String) -> String { tr("cellule \(cell)", "cell \(cell)") }

    static var rowNumberValue: String { tr("numéro de ligne", "row number") }
    static var cellReferenceValue: String { tr("référence de cellule", "cell reference") }
    static var cellPositionValue: String { tr("position de cellule", "cell position") }
    static var numberValue: String { tr("nombre", "number") }
    static var dateValue: String { tr("valeur de date", "date") }
    static var sharedStringValue: String { tr("indice de chaîne partagée", "shared string index") }
    static var cellTypeValue: String { tr("type de cellule", "cell type") }

    // MARK: - Sizes

    /// `20 MB`, `40.5 MB` (in French `40,5 Mo`): `amount` is written with a decimal point.
    static func size(_ amount: String, _ unit: SizeUnit) -> String {
        let french = String(amount.map { $0 == "." ? "," : $0 })
        return switch unit {
        case .gigabytes: tr("\(french) Go", "\(amount) GB")
        case .megabytes: tr("\(french) Mo", "\(amount) MB")
        case .kilobytes: tr("\(french) Ko", "\(amount) KB")
        case .bytes: tr("\(french) octets", "\(amount) bytes")
        }
    }

    enum SizeUnit { case gigabytes, megabytes, kilobytes, bytes }
}
