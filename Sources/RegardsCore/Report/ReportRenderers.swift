/// Text renderings of a `Report`. They only render: same report, same bytes.
public enum ReportRenderer {
    /// One sheet as RFC 4180 CSV (LF line ends), headed by the columns' keys.
    public static func csv(_ sheet: Sheet) -> String {
        var out = line(sheet.columns.map(\.key))
        for row in sheet.rows { out += line(row.map(\.value.plain)) }
        return out
    }

    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// One CSV field. A field a spreadsheet would read as a formula (starting with `=`, `+`, `-`, `@`,
    /// tab or carriage return) is made inert with a leading apostrophe (the OWASP CSV-injection rule);
    /// fields with commas, quotes or line breaks are quoted.
    public static func field(_ f: String) -> String {
        var f = f
        if let first = f.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first), Double(f) == nil {
            f = "'" + f
        }
        return f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
    }

    /// The whole report as canonical JSON: sheets → rows of objects keyed by column key.
    public static func json(_ report: Report) -> String {
        struct Out: Encodable {
            var title: String
            var language: String
            var properties: Report.Properties
            var sheets: [SheetOut]
        }
        struct SheetOut: Encodable {
            var name: String
            var summary: [String: String]
            var columns: [Column]
            var rows: [[String: JSONValue]]
        }
        let sheets = report.sheets.map { sheet in
            SheetOut(name: sheet.name, summary: Dictionary(sheet.summary.map { ($0.label, $0.cell.value.plain) }, uniquingKeysWith: { a, _ in a }),
                     columns: sheet.columns, rows: objects(sheet))
        }
        return CanonicalJSON.string(Out(title: report.title, language: report.language, properties: report.properties, sheets: sheets)) + "\n"
    }

    /// A sheet's rows as JSON objects keyed by column key (`[]` without a sheet).
    public static func json(rowsOf sheet: Sheet?) -> String { CanonicalJSON.string(sheet.map(objects) ?? []) }

    static func objects(_ sheet: Sheet) -> [[String: JSONValue]] {
        sheet.rows.map { row in Dictionary(uniqueKeysWithValues: zip(sheet.columns, row).map { column, cell in (column.key, JSONValue(cell.value)) }) }
    }

    enum JSONValue: Encodable {
        case null, string(String), number(Double)

        init(_ value: CellValue) {
            switch value {
            case .empty: self = .null
            case .number(let n): self = .number(n)
            default: self = .string(value.plain)
            }
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .null: try c.encodeNil()
            case .string(let s): try c.encode(s)
            case .number(let n): try c.encode(n)
            }
        }
    }

    /// Every sheet as a Markdown section with its summary and a table.
    public static func markdown(_ report: Report) -> String {
        var out = "# \(report.title)\n"
        for sheet in report.sheets {
            out += "\n## \(sheet.name)\n\n"
            for line in sheet.summary { out += "- **\(escape(line.label))** : \(escape(line.cell.value.plain))\n" }
            if !sheet.summary.isEmpty { out += "\n" }
            guard !sheet.rows.isEmpty else { out += "_(vide)_\n"; continue }
            out += "| " + sheet.columns.map { escape($0.header) }.joined(separator: " | ") + " |\n"
            out += "|" + sheet.columns.map { [.integer, .number, .percent].contains($0.type) ? " ---: |" : " --- |" }.joined() + "\n"
            for row in sheet.rows {
                out += "| " + zip(sheet.columns, row).map { column, cell in
                    column.type == .percent ? percent(cell.value) : escape(cell.value.plain)
                }.joined(separator: " | ") + " |\n"
            }
        }
        return out
    }

    static func percent(_ value: CellValue) -> String {
        guard case .number(let n) = value else { return escape(value.plain) }
        return "\(Int((n * 100).rounded())) %"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r\n", with: "<br>").replacingOccurrences(of: "\n", with: "<br>")
    }
}
