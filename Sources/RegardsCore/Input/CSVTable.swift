import Foundation

/// A CSV file read by RFC 4180 rules: comma-separated, fields in double quotes may hold commas,
/// line breaks and doubled quotes; CRLF or LF; a UTF-8 byte-order mark is skipped.
public struct CSVTable: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        /// The line the record starts on (1-based, the header is line 1).
        public var line: Int
        public var fields: [String]
    }

    public var header: [String]
    public var rows: [Row]

    public init(header: [String], rows: [Row]) {
        self.header = header
        self.rows = rows
    }

    public struct SyntaxError: Error, Equatable, Sendable {
        public var line: Int
        public var message: String
    }

    public static func parse(_ text: String) throws(SyntaxError) -> CSVTable {
        var text = text
        // Read in place: a campaign's answer file is tens of megabytes.
        return try text.withUTF8 { buffer in Result { () throws(SyntaxError) in try parse(bytes: buffer) } }.get()
    }

    static func parse(bytes all: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> CSVTable {
        var records: [Row] = []
        var bytes = all[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var field: [UInt8] = []
        var fields: [String] = []
        var line = 1, recordLine = 1
        var quoted = false, afterQuote = false, fieldStarted = false
        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            afterQuote = false
            fieldStarted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Row(line: recordLine, fields: fields)) }
            fields = []
        }
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let c = bytes[i]
            i += 1
            if quoted {
                if c == 0x22 {
                    if i < end && bytes[i] == 0x22 {
                        field.append(0x22)
                        i += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if c == 0x0A { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case 0x2C:
                endField()
            case 0x0D:
                if i < end && bytes[i] == 0x0A { continue }
                endRecord()
                line += 1
                recordLine = line
            case 0x0A:
                endRecord()
                line += 1
                recordLine = line
            case 0x22:
                guard !fieldStarted else { throw SyntaxError(line: line, message: Messages.csvQuoteInsideField) }
                quoted = true
                fieldStarted = true
            default:
                if afterQuote { throw SyntaxError(line: line, message: Messages.csvTextAfterQuote) }
                field.append(c)
                fieldStarted = true
            }
        }
        if quoted { throw SyntaxError(line: recordLine, message: Messages.csvUnclosedQuote) }
        if fieldStarted || !fields.isEmpty || afterQuote { endRecord() }
        guard let first = records.first else { throw SyntaxError(line: 1, message: Messages.csvEmpty) }
        return CSVTable(header: first.fields.map(\.trimmedSpaces), rows: Array(records.dropFirst()))
    }
}
