import RegardsCore

// What the workbook writer says when a workbook cannot be written. libxlsxwriter's own message and
// the system's reason are quoted as they come.

extension Messages {
    static func xlsxCallFailed(_ function: String, code: Int32, _ message: String) -> String {
        tr("\(function) a échoué (\(code)) : \(message)", "\(function) failed (\(code)): \(message)")
    }

    static func xlsxNothingReturned(_ function: String) -> String {
        tr("\(function) n'a rien renvoyé (mémoire insuffisante ?)", "\(function) returned nothing (out of memory?)")
    }

    static func cellTooLong(sheet: String, row: Int, column: String) -> String {
        tr("feuille \(sheet), ligne \(row), colonne \(column) : texte plus long que les 32 767 caractères d'Excel",
           "sheet \(sheet), row \(row), column \(column): text longer than Excel's 32,767 characters")
    }

    static func cannotWriteWorkbook(_ path: String, _ reason: String) -> String {
        tr("\(path) : impossible d'écrire le classeur : \(reason)", "\(path): cannot write the workbook: \(reason)")
    }

    /// Why a workbook is not written over what is at its path.
    static var notARegularFile: String { tr("ce n'est pas un fichier ordinaire", "not a regular file") }
}
