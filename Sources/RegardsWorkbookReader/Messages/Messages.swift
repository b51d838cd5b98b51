import RegardsCore

/// What this module says to the user, French first: the messages of its errors and diagnostics,
/// each under its name with its French and its English text (`tr(french, english)`). No
/// user-facing text is written anywhere else in the module (`MessageCatalogueTests` checks it).
enum Messages {}
