/// What the core says to the user, French first: the messages of its errors, refusals and
/// diagnostics, each under its name with its French and its English text (`tr(french, english)`).
/// The files beside this one hold one family each; no user-facing text is written anywhere else in
/// the module (`MessageCatalogueTests` checks it).
enum Messages {}

extension Messages {
    /// What `RegardsError` says when its output already said it all.
    static var problemsFound: String { tr("problèmes trouvés", "problems found") }

    static func noSuchFile(_ path: String) -> String { tr("\(path) : fichier introuvable", "\(path): no such file") }
    static func cannotRead(_ path: String, reason: String) -> String { tr("\(path) : lecture impossible : \(reason)", "\(path): cannot read: \(reason)") }

    static func libraryCannotBeLoaded(_ label: String, reason: String, install: String) -> String {
        tr("\(label) ne peut pas être chargée (\(reason)) ; installez-la (\(install))", "\(label) cannot be loaded (\(reason)); install it (\(install))")
    }

    /// A suggestion after a message: "did you mean `x`?".
    static func didYouMean(_ candidate: String) -> String {
        tr("vouliez-vous dire `\(candidate)` ?", "did you mean `\(candidate)`?")
    }
}
