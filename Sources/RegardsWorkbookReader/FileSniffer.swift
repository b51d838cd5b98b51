import RegardsCore
/// What a file that is not a zip archive looks like, from its first bytes, so the refusal can say
/// what to do with it.
enum FileSniffer {
    static let headLength = 4096

    /// Local file header, or the end record of an empty archive.
    static func isZip(_ head: [UInt8]) -> Bool {
        head.count >= 4 && head[0] == 0x50 && head[1] == 0x4B && (head[2] == 3 && head[3] == 4 || head[2] == 5 && head[3] == 6)
    }

    static func refusal(for head: [UInt8]) -> WorkbookReaderError {
        // OLE compound files hold .xls workbooks and every password-protected .xlsx.
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .compoundFile }
        guard isText(head) else { return .notZip }
        let first = head.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0xEF || $0 == 0xBB || $0 == 0xBF }.first
        return first == UInt8(ascii: "<") ? .markupFile : .textFile
    }

    /// No control characters but tabs, line ends and form feeds (any 8-bit encoding counts as text),
    /// or a UTF-16 byte order mark.
    static func isText(_ head: [UInt8]) -> Bool {
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return true }
        return head.allSatisfy { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0C || $0 == 0x0D }
    }
}
