/// What a module says of a file it cannot read (the command line's inputs, the protocol folders):
/// one wording for all, from the core's catalogue.
public enum FileProblem {
    /// `PATH: no such file`
    public static func missing(_ path: String) -> String { Messages.noSuchFile(path) }

    /// `PATH: cannot read: REASON`
    public static func unreadable(_ path: String, reason: String) -> String { Messages.cannotRead(path, reason: reason) }
}
