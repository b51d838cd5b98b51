import RegardsCore

// What the store says: a workspace file that cannot be used, a PostgreSQL server that cannot be
// reached or refuses, and a stored row that does not read back. The SQL and the libraries' own
// messages (SQLite's, libpq's) are quoted as they come.

extension Messages {
    // MARK: - The workspace file

    /// `(in `SQL…`)` after a database error: the statement, cut to 120 characters.
    static func inStatement(_ sql: String?) -> String {
        guard let sql else { return "" }
        return tr(" (dans `\(sql.prefix(120))`)", " (in `\(sql.prefix(120))`)")
    }

    static func sqliteError(_ code: Int32, _ message: String, sql: String?) -> String {
        tr("erreur SQLite \(code) : \(message)\(inStatement(sql))", "SQLite error \(code): \(message)\(inStatement(sql))")
    }

    static func notADatabase(_ path: String) -> String {
        tr("\(path) n'est pas une base SQLite (ni un espace de travail Regards) ; rien n'a été modifié",
           "\(path) is not a SQLite database (nor a Regards workspace); nothing was changed")
    }

    static func notAWorkspace(_ path: String) -> String {
        tr("\(path) est une base SQLite mais pas un espace de travail Regards ; rien n'a été modifié",
           "\(path) is a SQLite database but not a Regards workspace; nothing was changed")
    }

    static func newerWorkspace(_ path: String, found: Int, supported: Int) -> String {
        tr("\(path) a été écrit par une version plus récente de Regards (schéma \(found), ce programme connaît jusqu'au schéma \(supported)) ; rien n'a été modifié",
           "\(path) was written by a newer Regards (schema \(found), this binary knows up to \(supported)); nothing was changed")
    }

    static func noWorkspace(_ path: String) -> String {
        tr("\(path) : aucun espace de travail ; créez-en un avec `regards visit new`", "\(path): no such workspace; create one with `regards visit new`")
    }

    static func cannotCreateWorkspace(_ path: String, _ reason: String) -> String {
        tr("\(path) : impossible de créer l'espace de travail : \(reason)", "\(path): cannot create the workspace: \(reason)")
    }

    static var cannotReadWorkspace: String { tr("impossible de le lire (permission refusée ?)", "cannot read it (permission denied?)") }

    static func damagedWorkspace(_ path: String, _ detail: String) -> String {
        tr("\(path) est endommagé (\(detail)) ; restaurez-le depuis une sauvegarde ou réimportez les visites avec `regards visit import` depuis leurs paquets exportés",
           "\(path) is damaged (\(detail)); restore it from a backup or re-import the visits with `regards visit import` from their exported bundles")
    }

    static func noAction(_ number: Int, visit: String) -> String {
        tr("aucune action n°\(number) dans la visite \(visit)", "no action #\(number) in visit \(visit)")
    }

    /// SQLite could not say why a workspace did not open.
    static var cannotOpen: String { tr("ouverture impossible", "cannot open") }

    /// SQLite gave no message for an error.
    static var unknownSQLiteError: String { tr("inconnue", "unknown") }

    // MARK: - A PostgreSQL server

    static func serverUnreachable(_ server: String, _ reason: String) -> String {
        tr("\(server) : impossible de joindre le dépôt PostgreSQL : \(reason)", "\(server): cannot reach the PostgreSQL store: \(reason)")
    }

    static func invalidConnectionString(_ server: String, _ reason: String) -> String {
        tr("\(server) : ce n'est pas une chaîne de connexion PostgreSQL valide : \(reason)", "\(server): not a valid PostgreSQL connection string: \(reason)")
    }

    static func insecureConnection(_ server: String, host: String) -> String {
        tr("\(server) : une connexion à \(host) doit être chiffrée ; ajoutez-y sslmode=verify-full (ou sslmode=require) ; rien n'a été envoyé",
           "\(server): a connection to \(host) must be encrypted; add sslmode=verify-full (or sslmode=require) to it; nothing was sent")
    }

    static func notPermitted(_ server: String, _ reason: String) -> String {
        tr("\(server) : \(reason) ; ce rôle peut ajouter et lire des enregistrements, pas les modifier : adressez-vous à l'administrateur du dépôt",
           "\(server): \(reason); this role may add and read records, not change them: ask the store's administrator")
    }

    static func postgresError(_ state: String, _ message: String, sql: String?) -> String {
        tr("erreur PostgreSQL \(state) : \(message)\(inStatement(sql))", "PostgreSQL error \(state): \(message)\(inStatement(sql))")
    }

    static func notAStore(_ server: String) -> String {
        tr("\(server) : aucun dépôt Regards dans cette base ; l'administrateur l'installe avec `regards store init --db …` ; rien n'a été modifié",
           "\(server): no Regards store in this database; the administrator sets it up with `regards store init --db …`; nothing was changed")
    }

    static func olderStore(_ server: String, found: Int, needed: Int) -> String {
        tr("\(server) : le schéma du dépôt est \(found), ce Regards a besoin du schéma \(needed) ; l'administrateur le met à jour avec `regards store init --db …` ; rien n'a été modifié",
           "\(server): the store's schema is \(found), this Regards needs \(needed); the administrator upgrades it with `regards store init --db …`; nothing was changed")
    }

    /// libpq could not allocate a connection.
    static var outOfMemory: String { tr("mémoire insuffisante", "out of memory") }

    /// libpq gave no message for an error.
    static var unknownServerError: String { tr("erreur inconnue", "unknown error") }

    /// A line of the server's integrity check.
    static func orphanRows(_ table: String, _ count: String) -> String {
        tr("\(table) : \(count) ligne(s) sans visite", "\(table): \(count) rows of no visit")
    }

    // MARK: - A stored row

    static func unknownProcedureChange(_ id: String, visit: String, _ change: String) -> String {
        tr("l'évènement de procédure \(id) de la visite \(visit) a un changement inconnu `\(change)`",
           "procedure event \(id) of visit \(visit) has an unknown change `\(change)`")
    }

    static func procedureEventUnreadable(_ id: String, visit: String, _ error: String) -> String {
        tr("l'évènement de procédure \(id) de la visite \(visit) ne se relit pas : \(error)", "procedure event \(id) of visit \(visit) does not read back: \(error)")
    }
}
