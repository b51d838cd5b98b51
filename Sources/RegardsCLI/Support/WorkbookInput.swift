import Foundation
import RegardsCore
import RegardsWorkbookReader

extension InputFile {
    /// A workbook named by `--from`: by its name (.xlsx, .xlsm, .xls, .ods) or its first bytes (a zip
    /// archive, an OLE file), so that a renamed workbook still gets the workbook's messages.
    static func isWorkbook(_ path: String) -> Bool {
        if ["xlsx", "xlsm", "xls", "ods", "xlsb"].contains(URL(fileURLWithPath: path).pathExtension.lowercased()) { return true }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 4)) ?? Data())
        return head == [0x50, 0x4B, 0x03, 0x04] || head == [0xD0, 0xCF, 0x11, 0xE0]
    }

    /// The workbook at `path`, read into values; the same errors as any input file for a missing
    /// file or a folder, and one line saying what the file is when it is not an .xlsx workbook.
    static func workbook(_ path: String) throws -> Workbook {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw RegardsError.missingInput(FileProblem.missing(path)) }
            throw RegardsError.ioError(FileProblem.unreadable(path, reason: String(cString: strerror(errno))))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw RegardsError.usage(Messages.isAFolder(path, notA: Messages.workbookNoun)) }
        guard access(path, R_OK) == 0 else { throw RegardsError.ioError(FileProblem.unreadable(path, reason: String(cString: strerror(errno)))) }
        do {
            return try WorkbookReader().read(path: path)
        } catch .cannotOpen(let reason) {
            throw RegardsError.ioError(FileProblem.unreadable(path, reason: reason))
        } catch {
            throw RegardsError.badData(Language.labelled(path, "\(error)"))
        }
    }
}
