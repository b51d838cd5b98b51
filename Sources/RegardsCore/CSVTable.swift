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
        var records: [Row] = []
        var field = String.UnicodeScalarView()
        var fields: [String] = []
        var line = 1, recordLine = 1
        var quoted = false, afterQuote = false, fieldStarted = false
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = iterator.next()
        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            afterQuote = false
            fieldStarted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Row(line: recordLine, fields: fields)) }
            fields = []
        }
        while let c = pending {
            pending = iterator.next()
            if quoted {
                if c == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = iterator.next()
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case ",":
                endField()
            case "\r":
                if pending == "\n" { continue }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                guard !fieldStarted else { throw SyntaxError(line: line, message: "a quote inside an unquoted field; quote the whole field and double the quote") }
                quoted = true
                fieldStarted = true
            default:
                if afterQuote { throw SyntaxError(line: line, message: "text after a closing quote; a quoted field must end at a comma or the end of the line") }
                field.append(c)
                fieldStarted = true
            }
        }
        if quoted { throw SyntaxError(line: recordLine, message: "a quoted field is not closed before the end of the file") }
        if fieldStarted || !fields.isEmpty || afterQuote { endRecord() }
        guard let first = records.first else { throw SyntaxError(line: 1, message: "the file is empty; expected a header row") }
        return CSVTable(header: first.fields.map { $0.trimmingCharacters(in: .whitespaces) }, rows: Array(records.dropFirst()))
    }
}
