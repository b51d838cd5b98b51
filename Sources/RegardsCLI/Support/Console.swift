import Foundation

/// Everything a command prints goes through here: results on stdout, the rest on stderr.
enum Console {
    /// Set while `regards demo` runs the other commands: their ordinary output is not shown (warnings and errors are).
    @TaskLocal static var quiet = false

    static func out(_ text: String) {
        if quiet { return }
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Text already formatted (a report, a rendered template), as it is.
    static func write(_ text: String) {
        if quiet { return }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// A message for the user that is not the result (a summary, a hint, a prompt's context).
    static func note(_ text: String) {
        if quiet { return }
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// `regards: warning: …`, shown even when quiet.
    static func warning(_ text: String) {
        FileHandle.standardError.write(Data((Messages.warning(text) + "\n").utf8))
    }

    /// Lines of an error, shown even when quiet.
    static func failure(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// A prompt, on stderr, without a line break.
    static func prompt(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
