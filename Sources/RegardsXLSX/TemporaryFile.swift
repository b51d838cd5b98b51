import Foundation

/// A workbook is written to a hidden temporary file beside its target (`.NAME.PID.UUID.tmp`) and
/// renamed into place only when complete: a failure never leaves half a workbook at the path.
enum TemporaryFile {
    /// Runs `write` with the temporary path and its folder, then renames it to `path` (owner-only);
    /// on an error, the temporary file is removed and the error thrown as it is.
    static func write(_ path: String, _ write: (_ temporary: String, _ directory: String) throws -> Void) throws {
        let temporary = try name(for: path)
        do {
            try write(temporary.path, temporary.directory)
        } catch {
            unlink(temporary.path)
            throw error
        }
        try commit(temporary.path, to: path)
    }

    /// A hidden temporary name next to `path`, after checking `path` can be replaced. Temporary files
    /// of the same target left by a process that no longer runs (killed while writing) are removed first.
    static func name(for path: String) throws(XLSXError) -> (path: String, directory: String) {
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            throw .cannotRename(path: path, reason: Messages.notARegularFile)
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        removeAbandoned(of: url.lastPathComponent, in: directory.path)
        return (directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp").path, directory.path)
    }

    /// Removes `.NAME.PID.….tmp` files whose process is gone. A file of a running process (another
    /// export of the same workbook) is left alone, and so is anything named otherwise.
    static func removeAbandoned(of name: String, in directory: String) {
        let prefix = ".\(name)."
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
            let middle = entry.dropFirst(prefix.count).dropLast(4)
            guard let dot = middle.firstIndex(of: "."), let pid = pid_t(middle[..<dot]), pid > 0 else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH {
                unlink((directory as NSString).appendingPathComponent(entry))
            }
        }
    }

    static func commit(_ temporary: String, to path: String) throws(XLSXError) {
        // Workbooks name vulnerable people's situations: owner-only, like the workspace.
        chmod(temporary, 0o600)
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .cannotRename(path: path, reason: reason)
        }
    }
}
