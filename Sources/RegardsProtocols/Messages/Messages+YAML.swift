import RegardsCore

// MARK: - Reading a file's YAML (YAMLDocumentReader)

extension Messages {
    static func fileTooLarge(megabytes: String, limit: Int) -> String {
        tr("fichier trop volumineux (\(megabytes) Mo) ; un fichier de protocole fait au plus \(limit) Mo",
           "file is too large (\(megabytes) MB); a protocol file is at most \(limit) MB")
    }
    static var fileIsUTF16: String { tr("fichier en UTF-16 ; enregistrez-le en UTF-8", "file is UTF-16; save it as UTF-8") }
    static var fileIsBinary: String { tr("fichier binaire, et non du texte YAML (octet NUL)", "file is binary, not YAML text (NUL byte)") }
    /// `byte` as written, `0xE9`.
    static func fileIsNotUTF8(byte: String) -> String {
        tr("fichier en UTF-8 non valide (octet \(byte)) ; enregistrez-le en UTF-8", "file is not valid UTF-8 (byte \(byte)); save it as UTF-8")
    }
    static func nestingTooDeep(_ levels: Int) -> String {
        tr("imbrication de plus de \(levels) niveaux", "nesting is deeper than \(levels) levels")
    }
    static var yamlSyntaxError: String { tr("erreur de syntaxe YAML", "YAML syntax error") }
    /// `problem` is the YAML library's own words.
    static func yamlSyntaxError(_ problem: String) -> String { tr("erreur de syntaxe YAML : \(problem)", "YAML syntax error: \(problem)") }
    /// Where the YAML library says the construct it was reading began.
    static func yamlContext(_ text: String, line: Int, column: Int) -> String {
        tr(" (\(text) à la ligne \(line), colonne \(column))", " (\(text) at line \(line), column \(column))")
    }
    static func yamlReaderError(_ problem: String) -> String { tr("erreur de lecture YAML : \(problem)", "YAML reader error: \(problem)") }
    static var fileHasOnlyComments: String {
        tr("le fichier ne contient que des commentaires : un ensemble de clés YAML est attendu", "file has only comments: expected a YAML mapping")
    }
    static var fileIsEmpty: String { tr("fichier vide : un ensemble de clés YAML est attendu", "file is empty: expected a YAML mapping") }
    static func tooManyValues(_ limit: Int) -> String {
        tr("le document se déploie en plus de \(limit) valeurs (des alias YAML imbriqués ?)",
           "document expands to more than \(limit) values (nested YAML aliases?)")
    }
    static func duplicateKey(_ key: String, firstLine: Int) -> String {
        tr("clé `\(key)` en double (déclarée d'abord à la ligne \(firstLine))", "duplicate key `\(key)` (first declared on line \(firstLine))")
    }
    /// `keys` already in backticks.
    static func duplicateKeys(_ keys: String) -> String {
        tr("clé \(keys) en double dans un ensemble de clés", "duplicate key \(keys) in a mapping")
    }
}

// MARK: - What a value was found to be

extension Messages {
    static var foundNothing: String { tr("une valeur vide", "nothing") }
    static var foundValue: String { tr("une valeur", "a value") }
    static var foundMapping: String { tr("un ensemble de clés", "a mapping") }
    static var foundList: String { tr("une liste", "a list") }
    static func foundQuotedText(_ text: String) -> String { tr("le texte « \(text) »", "the text \"\(text)\"") }
}
