import ArgumentParser
import RegardsCore

// MARK: - demo

extension Messages {
    static var demoAbstract: String {
        tr("Construire un espace de travail de démonstration (une campagne fictive de CHRS) et en écrire les classeurs et le rapport de restitution.",
           "Build a demonstration workspace (a fictitious CHRS campaign) and write its workbooks and restitution report.")
    }
    static var demoDiscussion: String {
        tr("""
        Lit les données fictives de Templates/demo/ et les enregistre par les commandes ordinaires (visit new, answer --from, \
        observe --from, journey add --from, action add --from, visit advance), puis fait passer la première visite par la procédure \
        de l'inspection et crée une visite de suivi un an plus tard (Templates/demo/procedure.txt : constats, mesures, réponse de l'organisme, \
        rapports, suivi ; la grille de contrôle de la visite de suivi est remplie sur place dans un tableur et relue avec answer --from, \
        une réponse en conflit étant tranchée en faveur de l'espace de travail), et écrit dans --out les classeurs de comparaison, le \
        classeur de couverture, une grille à remplir, la restitution, le rapport provisoire et sa lettre, le rapport définitif, le tableau \
        de suivi, l'évolution et la grille remplie sur place. L'espace de travail est OUT/demo.sqlite, reconstruit à chaque exécution.
        (observe, journey add et action add lisent les fichiers CSV de la démonstration avec --from.)
        """,
           """
        Reads the fictitious data in Templates/demo/ and records it through the ordinary commands (visit new, answer --from, \
        observe --from, journey add --from, action add --from, visit advance), then takes the first visit through the inspection's procedure \
        and a follow-up visit a year later (Templates/demo/procedure.txt: findings, measures, the organisation's answer, the reports, \
        the follow-up; the follow-up visit's control grid filled on site in a spreadsheet and read back with answer --from, one answer \
        in conflict kept from the workspace), and writes the comparison workbooks, the coverage workbook, a fill-in grid, the restitution, \
        the provisional report and its letter, the definitive report, the tableau de suivi, the evolution and the grid filled on site \
        into --out. The workspace is OUT/demo.sqlite, rebuilt at each run.
        (observe, journey add and action add read the demo's CSV files with --from.)
        """)
    }
    static var demoOutHelp: ArgumentHelp { ArgumentHelp(tr("Où écrire la démonstration.", "Where to write the demo."), valueName: "DIR") }
    static var demoDatabaseHelp: ArgumentHelp {
        ArgumentHelp(tr("Construire la démonstration dans cet espace de travail plutôt que dans OUT/demo.sqlite : une base PostgreSQL partagée vide (préparée par `store init`).",
                        "Build the demo in this workspace instead of OUT/demo.sqlite: an empty PostgreSQL store (set up with `store init`)."),
                     valueName: "URL")
    }
    static func cannotCreateFolder(_ path: String, reason: String) -> String {
        tr("\(path) : impossible de créer le dossier : \(reason)", "\(path): cannot create the folder: \(reason)")
    }
    static func demoNeedsAnEmptyStore(_ store: String, visit: String) -> String {
        tr("la démonstration se construit dans une base vide ; \(store) contient déjà la visite \(visit)",
           "the demo is built in an empty store; \(store) already holds visit \(visit)")
    }
    static func demoWorkspace(_ store: String, visits: Int, campaign: String) -> String {
        tr("Espace de travail de démonstration : \(store) (\(visits) visites fictives, campagne \(campaign))",
           "Demonstration workspace: \(store) (\(visits) fictitious visits, campaign \(campaign))")
    }
    static func demoTry(_ command: String) -> String { tr("Essayez : \(command)", "Try: \(command)") }
}

// MARK: - doctor

extension Messages {
    static var doctorAbstract: String {
        tr("Vérifier un espace de travail : fichier, intégrité, schéma, droits, copies des protocoles, données personnelles non revues.",
           "Check a workspace: file, integrity, schema, permissions, protocol snapshots, unreviewed personal data.")
    }
    static var doctorDiscussion: String {
        tr("Chaque vérification dit quoi faire. Code de sortie 0 quand tout va bien, 1 quand il reste quelque chose à faire, 65 quand le fichier ne peut pas être lu comme un espace de travail.",
           "Each check says what to do. Exit 0 when all is well, 1 when something needs doing, 65 when the file cannot be read as a workspace.")
    }
    static func doctorWorkspace(_ path: String) -> String { tr("Espace de travail \(path)", "Workspace \(path)") }
    static func doctorSchema(isFile: Bool, version: Int) -> String {
        isFile ? tr("fichier SQLite d'un espace Regards, schéma \(version) (à jour)", "SQLite file of a Regards workspace, schema \(version) (up to date)")
            : tr("base PostgreSQL d'un espace Regards, schéma \(version) (à jour)", "PostgreSQL database of a Regards workspace, schema \(version) (up to date)")
    }
    static var doctorIntegrityOK: String { tr("intégrité : ok", "integrity: ok") }
    static func doctorIntegrityFailed(_ problems: [String]) -> String {
        let french = problems.joined(separator: " ; "), english = problems.joined(separator: "; ")
        return tr("intégrité : \(french) — restaurez une sauvegarde, ou réimportez les visites depuis leurs exports (`regards visit import`)",
                  "integrity: \(english) — restore a backup, or import the visits again from their exports (`regards visit import`)")
    }
    static var doctorPermissionsOK: String { tr("droits du fichier : propriétaire seul (600)", "file permissions: owner only (600)") }
    static func doctorSnapshotMissing(visit: String, pin: String) -> String {
        tr("visite \(visit) : la copie de \(pin) manque dans l'espace de travail", "visit \(visit): the copy of \(pin) is missing from the workspace")
    }
    static func doctorDrifted(visit: String, file: String, pin: String) -> String {
        tr("\(visit) : \(file) a changé sans nouvelle version de \(pin)", "\(visit): \(file) changed without a new version of \(pin)")
    }
    static func doctorDriftedAdvice(_ drift: String) -> String {
        tr("protocole modifié sans changement de version — \(drift) ; donnez-lui un nouveau numéro de version",
           "protocol changed without a version change — \(drift); give it a new version number")
    }
    static func doctorSnapshotsOK(visits: Int) -> String {
        tr("protocoles : \(visits) visite(s), chacune garde la copie des protocoles avec lesquels elle a commencé",
           "protocols: \(visits) visit(s), each keeps the copy of the protocols it started with")
    }
    static func doctorPermissionsOpen(_ path: String, mode: String) -> String {
        tr("droits de \(path) : \(mode) — d'autres comptes peuvent le lire ; lancez `chmod 600 \(path)`",
           "permissions of \(path): \(mode) — other accounts can read it; run `chmod 600 \(path)`")
    }
    static func doctorPersonalDataPending(visit: String, count: Int) -> String {
        tr("données personnelles : visite \(visit), \(count) signalement(s) à revoir — `regards privacy scan \(visit)`",
           "personal data: visit \(visit), \(count) finding(s) to review — `regards privacy scan \(visit)`")
    }
    static var doctorPersonalDataOK: String { tr("données personnelles : aucun signalement en attente", "personal data: no finding pending") }
}

// MARK: - privacy

extension Messages {
    static var privacyAbstract: String {
        tr("Repérer les données personnelles dans le texte libre d'une visite, les revoir (garder ou masquer), et déclarer des mots interdits.",
           "Find personal data in a visit's free text, review it (keep or redact), and list forbidden words.")
    }
    static var privacyScanAbstract: String {
        tr("Lister les données personnelles repérées dans les commentaires, les éléments de preuve, les observations, les notes de parcours et les titres des pistes d'une visite.",
           "List the personal data found in a visit's comments, evidence, observations, journey notes and action titles.")
    }
    static var privacyScanDiscussion: String {
        tr("Code de sortie 1 tant qu'un signalement n'est pas revu, 0 quand il n'en reste aucun à revoir.",
           "Exit 1 while a finding is unreviewed, 0 when there is none left to review.")
    }
    /// A finding's state in `privacy scan`, at most 8 characters (the column's width).
    static var findingStateKept: String { tr("gardé", "kept") }
    static var findingStateRedacted: String { tr("masqué", "redacted") }
    static var findingStatePending: String { tr("à revoir", "pending") }
    static func noPersonalData(visit: String) -> String {
        tr("aucune donnée personnelle repérée dans la visite \(visit)", "no personal data found in visit \(visit)")
    }
    static func findingsToReview(_ count: Int, open: Int, visit: String) -> String {
        tr("\(count) signalement(s), \(open) à revoir (regards privacy review \(visit) ID --redact|--keep --reason …)",
           "\(count) finding(s), \(open) to review (regards privacy review \(visit) ID --redact|--keep --reason …)")
    }

    static var privacyReviewAbstract: String {
        tr("Traiter un signalement : --redact réécrit le texte partout dans la visite (historique compris) ; --keep consigne pourquoi il reste.",
           "Resolve a finding: --redact rewrites the text everywhere in the visit (history included); --keep records why it stays.")
    }
    static var findingIDHelp: ArgumentHelp {
        ArgumentHelp(tr("L'identifiant du signalement (donné par `privacy scan`).", "The finding's id (from `privacy scan`)."))
    }
    static var redactHelp: ArgumentHelp {
        ArgumentHelp(tr("Remplacer la donnée personnelle par « [masqué] » partout dans la visite ; l'original n'est pas conservé.",
                        "Replace the personal data by « [masqué] » everywhere in the visit; the original is not kept."))
    }
    static var keepHelp: ArgumentHelp {
        ArgumentHelp(tr("Garder le texte tel quel (ce n'est pas une donnée personnelle, ou il doit rester).",
                        "Keep the text as it is (it is not personal data, or it must stay)."))
    }
    static var requiredReasonHelp: ArgumentHelp { ArgumentHelp(tr("Pourquoi (obligatoire).", "Why (required).")) }
    static var redactOrKeep: String { tr("choisissez --redact ou --keep", "choose --redact or --keep") }
    static var reasonMustSayWhy: String { tr("--reason doit dire pourquoi", "--reason must say why") }
    static func noPrivacyFinding(_ finding: String, visit: String) -> String {
        tr("aucun signalement `\(finding)` dans la visite \(visit)", "no finding `\(finding)` in visit \(visit)")
    }
    static func findingKept(_ finding: String, kind: String, location: String) -> String {
        tr("\(finding) gardé : \(kind), \(location)", "\(finding) kept: \(kind), \(location)")
    }
    static func findingTextGone(_ finding: String, visit: String) -> String {
        tr("le texte du signalement \(finding) a disparu ; relancez `regards privacy scan \(visit)`",
           "the text of finding \(finding) is gone; run `regards privacy scan \(visit)` again")
    }
    static func findingRedacted(_ finding: String, kind: String, fields: Int, visit: String) -> String {
        tr("\(finding) masqué : \(kind) remplacé par « [masqué] » dans \(fields) champ(s) de la visite \(visit)",
           "\(finding) redacted: \(kind) replaced by « [masqué] » in \(fields) field(s) of visit \(visit)")
    }

    static var privacyForbidAbstract: String {
        tr("Ajouter des mots (les vrais noms des personnes accueillies …) qui ne doivent jamais figurer dans le texte d'une visite. Ils sont gardés sous forme d'empreintes salées et jamais réaffichés.",
           "Add words (residents' real names …) that must never appear in a visit's text. They are kept as salted hashes and never printed back.")
    }
    static var forbiddenWordsHelp: ArgumentHelp {
        ArgumentHelp(tr("Des mots ou des expressions (une expression de trois mots au plus, entre guillemets).",
                        "Words or phrases (a phrase of up to three words in quotes)."))
    }
    static var giveAWord: String { tr("indiquez au moins un mot", "give at least one word") }
    /// `start` is the phrase's first character only: a forbidden word is never printed back.
    static func phraseTooLong(_ start: String) -> String {
        tr("`\(start)…` : trois mots au plus par expression", "`\(start)…`: at most three words per phrase")
    }
    static func wordsForbidden(_ added: Int, alreadyThere: Int) -> String {
        tr("\(added) mot(s) ajouté(s) à la liste des mots interdits (\(alreadyThere) déjà présent(s))",
           "\(added) word(s) added to the forbidden list (\(alreadyThere) already there)")
    }
}

// MARK: - store

extension Messages {
    static var storeAbstract: String {
        tr("Préparer la base partagée de l'équipe sur un serveur PostgreSQL.", "Set up the team's shared store on a PostgreSQL server.")
    }
    static func storeInitAbstract(inspector: String, admin: String) -> String {
        tr("Créer (ou mettre à jour) la base sur un serveur PostgreSQL : son schéma, et les rôles \(inspector) et \(admin).",
           "Create (or upgrade) the store on a PostgreSQL server: its schema, and the roles \(inspector) and \(admin).")
    }
    static func storeInitDiscussion(inspector: String, admin: String) -> String {
        tr("""
            À lancer en tant que propriétaire de la base ou superutilisateur ; relancée, la commande n'applique que les migrations \
            qui manquent. \(inspector) peut ajouter des enregistrements et les lire, jamais modifier ni effacer l'historique ; \(admin) \
            possède le schéma (migrations, masquage). Donnez à chaque inspecteur un identifiant de connexion membre du premier : \
            CREATE ROLE nom LOGIN IN ROLE \(inspector).
            """,
           """
            Run it as the database's owner or a superuser; running it again applies only the migrations not yet there. \
            \(inspector) may add records and read them, never change or delete history; \(admin) owns the schema \
            (migrations, redaction). Give each inspector a login in the first: CREATE ROLE name LOGIN IN ROLE \(inspector).
            """)
    }
    static var storeInitNeedsServer: String {
        tr("store init prépare une base PostgreSQL (--db postgres://…) ; un fichier d'espace de travail n'a besoin d'aucune préparation",
           "store init sets up a PostgreSQL store (--db postgres://…); a workspace file needs no set-up")
    }
    static func storeUpToDate(_ server: String, schema: Int) -> String {
        tr("base \(server) : schéma \(schema), à jour", "store \(server): schema \(schema), up to date")
    }
    static func storeMigrated(_ server: String, from before: Int, to after: Int, migrations: String) -> String {
        tr("base \(server) : schéma \(before) → \(after) (\(migrations))", "store \(server): schema \(before) → \(after) (\(migrations))")
    }
    static func storeRoles(inspector: String, admin: String) -> String {
        tr("rôles : \(inspector) (ajout et lecture), \(admin) (migrations, masquage) ; donnez à chaque inspecteur un identifiant de connexion : CREATE ROLE nom LOGIN IN ROLE \(inspector)",
           "roles: \(inspector) (add and read), \(admin) (migrations, redaction); give each inspector a login: CREATE ROLE name LOGIN IN ROLE \(inspector)")
    }
}
