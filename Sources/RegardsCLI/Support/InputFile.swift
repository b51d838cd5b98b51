import Foundation
import RegardsCore

/// Files named on the command line, read in one way: a folder is a usage error (64), a missing file
/// missing input (66), a file that exists but cannot be read an I/O error (74), text that is not
/// UTF-8 bad data (65).
enum InputFile {
    static func bytes(_ path: String, kind: String = Messages.fileNoun) throws -> Data {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw RegardsError.missingInput(FileProblem.missing(path)) }
            throw RegardsError.ioError(FileProblem.unreadable(path, reason: String(cString: strerror(errno))))
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { throw RegardsError.usage(Messages.isAFolder(path, notA: kind)) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count == 0 { return data }
            if count < 0 {
                if errno == EINTR { continue }
                throw RegardsError.ioError(FileProblem.unreadable(path, reason: String(cString: strerror(errno))))
            }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    static func text(_ path: String, kind: String = Messages.fileNoun, hint: String = "") throws -> String {
        let data = try bytes(path, kind: kind)
        guard let text = data.withUnsafeBytes({ String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }) else {
            throw RegardsError.badData(Messages.notUTF8(path) + hint)
        }
        return text
    }

    /// A CSV file: UTF-8 (a spreadsheet's « CSV UTF-8 »), RFC 4180.
    static func csv(_ path: String) throws -> CSVTable {
        let text = try self.text(path, kind: Messages.csvFileNoun, hint: Messages.saveAsUTF8)
        do {
            return try CSVTable.parse(text)
        } catch {
            throw RegardsError.badData("\(path):\(error.line): \(error.message)")
        }
    }
}

/// Files written by a command: to a temporary file in the target folder, then renamed, owner-only;
/// a failure never leaves a half file at the path.
enum OutputFile {
    static func write(_ data: Data, to path: String) throws {
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            throw RegardsError.ioError(Messages.notARegularFile(path))
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UID.make()).tmp")
        do {
            guard FileManager.default.createFile(atPath: temporary.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw NSError(domain: "create", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            if rename(temporary.path, url.path) != 0 {
                throw NSError(domain: "rename", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw RegardsError.ioError(Messages.cannotWrite(path, (error as NSError).localizedDescription))
        }
    }
}
