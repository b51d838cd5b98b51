import RegardsCore
import Foundation
import ZIPFoundation

/// The zip container of a workbook, opened only once the file has passed the checks a mistaken or
/// hostile file must fail: its size, its kind (what it looks like when it is not a zip) and the
/// sizes its parts would expand to.
struct PackageArchive {
    private let archive: Archive
    private let entries: [String: Entry]
    /// Part names are case-insensitive in the packaging convention; some writers rely on it.
    private let entriesByLowercasedPath: [String: Entry]

    init(path: String, limits: WorkbookReader.Limits) throws(WorkbookReaderError) {
        let size = try Self.size(of: path)
        guard size > 0 else { throw .emptyFile }
        guard size <= limits.fileSize else { throw .tooLarge(bytes: size, limit: limits.fileSize) }
        let head = try Self.head(of: path)
        guard FileSniffer.isZip(head) else { throw FileSniffer.refusal(for: head) }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .truncated
        }
        var entries: [String: Entry] = [:], total: UInt64 = 0
        for entry in archive where entry.type == .file {
            entries[entry.path] = entry
            total &+= entry.uncompressedSize
        }
        self.entries = entries
        entriesByLowercasedPath = Dictionary(entries.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
        // An OpenDocument file names its kind in a first, stored `mimetype` part.
        if let mimetype = entries["mimetype"], mimetype.uncompressedSize < 200,
           String(decoding: try data(mimetype, path: "mimetype"), as: UTF8.self).hasPrefix("application/vnd.oasis.opendocument.spreadsheet") {
            throw .openDocumentSpreadsheet
        }
        guard total <= limits.expandedSize else { throw .expandsTooMuch(bytes: total, limit: limits.expandedSize) }
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) where entry.uncompressedSize >= limits.ratioCheckedFrom {
            let ratio = entry.uncompressedSize / max(entry.compressedSize, 1)
            if ratio > limits.compressionRatio { throw .compressionRatio(part: path, ratio: ratio, limit: limits.compressionRatio) }
        }
    }

    func contains(_ path: String) -> Bool { entry(path) != nil }

    /// The bytes of a part; a missing part is an error.
    func data(_ path: String) throws(WorkbookReaderError) -> Data {
        guard let entry = entry(path) else { throw .missingPart(path) }
        return try data(entry, path: path)
    }

    private func entry(_ path: String) -> Entry? {
        entries[path] ?? entriesByLowercasedPath[path.lowercased()]
    }

    private struct Overflow: Error {}

    private func data(_ entry: Entry, path: String) throws(WorkbookReaderError) -> Data {
        let declared = entry.uncompressedSize
        var data = Data()
        data.reserveCapacity(Int(clamping: declared))
        let checksum: CRC32
        do {
            // The header's size was checked against the limits: a part must not expand beyond it.
            checksum = try archive.extract(entry) { chunk in
                guard UInt64(data.count) + UInt64(chunk.count) <= declared else { throw Overflow() }
                data.append(chunk)
            }
        } catch is Overflow {
            throw .sizeMismatch(part: path)
        } catch {
            throw .damagedPart(part: path)
        }
        // `extract` to a consumer returns the checksum without comparing it.
        guard UInt64(data.count) == declared, checksum == entry.checksum else { throw .damagedPart(part: path) }
        return data
    }

    private static func size(of path: String) throws(WorkbookReaderError) -> Int {
        var info = stat()
        guard stat(path, &info) == 0 else { throw .cannotOpen(reason: systemMessage(errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw .cannotOpen(reason: Messages.notARegularFile) }
        return Int(info.st_size)
    }

    private static func head(of path: String) throws(WorkbookReaderError) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .cannotOpen(reason: systemMessage(errno)) }
        defer { try? handle.close() }
        do {
            return Array(try handle.read(upToCount: FileSniffer.headLength) ?? Data())
        } catch {
            throw .cannotOpen(reason: Messages.unreadableFile)
        }
    }

    /// `no such file or directory`: strerror's text, lower-cased to sit inside a message.
    private static func systemMessage(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
