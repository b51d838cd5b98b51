/// A C library that cannot be opened (SQLite, libpq, libxlsxwriter are opened on first use): what it
/// is called, what the system said, how to install it. Said in the user's language.
public struct LibraryFailure: Equatable, Sendable, CustomStringConvertible {
    public var label: String
    public var reason: String
    public var install: String

    public init(label: String, reason: String, install: String) {
        self.label = label
        self.reason = reason
        self.install = install
    }

    public var description: String { Messages.libraryCannotBeLoaded(label, reason: reason, install: install) }
}
