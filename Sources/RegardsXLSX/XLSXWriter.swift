import CXLSXWriter
import Foundation
import RegardsCore

/// A libxlsxwriter failure, naming the C function and its message.
public enum XLSXError: Error, Equatable, Sendable, CustomStringConvertible, RegardsErrorConvertible {
    case call(function: String, code: Int32, message: String)
    case allocation(function: String)
    case cellTooLong(sheet: String, row: Int, column: String)
    case cannotRename(path: String, reason: String)
    /// libxlsxwriter could not be opened (it is loaded when the first workbook is written).
    case libraryMissing(String)

    public var description: String {
        switch self {
        case let .call(function, code, message): "\(function) failed (\(code)): \(message)"
        case let .allocation(function): "\(function) returned nothing (out of memory?)"
        case let .cellTooLong(sheet, row, column): "sheet \(sheet), row \(row), column \(column): text longer than Excel's 32,767 characters"
        case let .cannotRename(path, reason): "\(path): cannot write the workbook: \(reason)"
        case let .libraryMissing(message): message
        }
    }

    /// Every failure to write a workbook is an I/O error.
    public var regardsError: RegardsError { .ioError(description) }
}

/// Renders a `Report` as an .xlsx workbook through libxlsxwriter. The only code that touches C pointers.
public struct XLSXWriter: Sendable {
    /// The workbook's creation date, in seconds since 1970 (fixed in tests so the XML is identical).
    public var created: Int
    /// Stream rows to disk (`constant_memory`); nil: decide from the number of cells.
    public var constantMemory: Bool?

    public init(created: Int, constantMemory: Bool? = nil) {
        self.created = created
        self.constantMemory = constantMemory
    }

    /// Above this many cells, rows are streamed (memory stays flat; Excel tables are then replaced by autofilters).
    public static let constantMemoryThreshold = 400_000

    /// Writes to a temporary file in the target folder and renames it on success:
    /// a failure never leaves a half workbook at `path`.
    public func write(_ report: Report, to path: String) throws(XLSXError) {
        let temporary = try Self.temporaryFile(for: path)
        do {
            let cells = report.sheets.reduce(0) { $0 + $1.rows.count * $1.columns.count }
            let session = try Session(path: temporary.path, created: created, constantMemory: constantMemory ?? (cells > Self.constantMemoryThreshold),
                                      temporaryDirectory: temporary.directory)
            try session.run { () throws(XLSXError) in
                try session.setProperties(report.properties)
                for sheet in report.sheets { try session.write(sheet, into: try session.addWorksheet(sheet.name)) }
            }
            try session.close()
        } catch {
            unlink(temporary.path)
            throw error
        }
        try Self.commit(temporary.path, to: path)
    }

    /// Writes a report whose long sheet is produced while it is written: its rows are made on a
    /// second thread while this one hands the previous ones to libxlsxwriter, and go to disk as they
    /// come (`constant_memory` for a long sheet), so memory stays flat. The other sheets, built by
    /// `finish` afterwards, keep their place in the workbook. An error from `produce` or `finish`
    /// (a refusal, a damaged visit) is thrown as it is, and nothing is left at `path`.
    public func write(_ streamed: StreamedReport, to path: String) throws {
        let temporary = try Self.temporaryFile(for: path)
        do {
            let cells = streamed.estimatedRows * streamed.sheet.columns.count
            let session = try Session(path: temporary.path, created: created, constantMemory: constantMemory ?? (cells > Self.constantMemoryThreshold),
                                      temporaryDirectory: temporary.directory)
            try session.run { () throws in
                // Worksheets are created in workbook order first; each is then filled in its own time.
                var sheets: [UnsafeMutablePointer<lxw_worksheet>] = []
                for name in streamed.sheetNames { sheets.append(try session.addWorksheet(name)) }
                try session.write(streamed.sheet, into: sheets[streamed.index], produce: streamed.produce)
                let report = try streamed.finish()
                precondition(report.sheets.map(\.name) == streamed.sheetNames, "finished report does not have the announced sheets")
                try session.setProperties(report.properties)
                for (i, sheet) in report.sheets.enumerated() where i != streamed.index { try session.write(sheet, into: sheets[i]) }
            }
            try session.close()
        } catch {
            unlink(temporary.path)
            throw error
        }
        try Self.commit(temporary.path, to: path)
    }

    /// A hidden temporary name next to `path` (`.NAME.PID.UUID.tmp`), after checking `path` can be
    /// replaced. Temporary files of the same target left by a process that no longer runs (killed
    /// while writing) are removed first.
    static func temporaryFile(for path: String) throws(XLSXError) -> (path: String, directory: String) {
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            throw .cannotRename(path: path, reason: "not a regular file")
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

/// One workbook being written.
private final class Session {
    let created: Int
    let constantMemory: Bool
    let workbook: UnsafeMutablePointer<lxw_workbook>
    /// Kept alive until the workbook is closed, whatever the library does with them.
    let cPath: UnsafeMutablePointer<CChar>?, cTemporaryDirectory: UnsafeMutablePointer<CChar>?
    var formats: [String: UnsafeMutablePointer<lxw_format>] = [:]

    /// The formats of data cells, by (type, style, unlocked): looked up for every cell, so without building strings.
    struct FormatKey: Hashable {
        var type: ColumnType?
        var style: CellStyle?
        var unlocked: Bool
    }
    var cellFormats: [FormatKey: UnsafeMutablePointer<lxw_format>] = [:]

    func cellFormat(_ type: ColumnType?, _ style: CellStyle?, unlocked: Bool) throws(XLSXError) -> UnsafeMutablePointer<lxw_format> {
        let key = FormatKey(type: type, style: style, unlocked: unlocked)
        if let found = cellFormats[key] { return found }
        let made = try format(type, style, unlocked: unlocked)
        cellFormats[key] = made
        return made
    }

    init(path: String, created: Int, constantMemory: Bool, temporaryDirectory: String) throws(XLSXError) {
        if let problem = regards_xlsx_open() { throw .libraryMissing(String(cString: problem)) }
        self.created = created
        self.constantMemory = constantMemory
        cPath = strdup(path)
        cTemporaryDirectory = strdup(temporaryDirectory)
        var options = lxw_workbook_options(constant_memory: constantMemory ? 1 : 0, tmpdir: cTemporaryDirectory, use_zip64: 0)
        guard let opened = workbook_new_opt(cPath, &options) else {
            free(cPath)
            free(cTemporaryDirectory)
            throw .allocation(function: "workbook_new_opt")
        }
        workbook = opened
    }

    deinit {
        free(cPath)
        free(cTemporaryDirectory)
    }

    /// Runs `body`; on an error, closes the workbook anyway (the only way to free it; its result no
    /// longer matters) and throws the error. On success, `close` writes the file.
    func run<E: Error>(_ body: () throws(E) -> Void) throws(E) {
        do {
            try body()
        } catch {
            _ = workbook_close(workbook)
            throw error
        }
    }

    func close() throws(XLSXError) {
        try Self.check(workbook_close(workbook), "workbook_close")
    }

    static func check(_ code: lxw_error, _ function: String) throws(XLSXError) {
        guard code == LXW_NO_ERROR else {
            throw .call(function: function, code: Int32(code.rawValue), message: String(cString: lxw_strerror(code)))
        }
    }

    func setProperties(_ p: Report.Properties) throws(XLSXError) {
        try withCStrings([p.title, p.subject, p.author, p.keywords, p.comments, "Regards"]) { c throws(XLSXError) in
            var properties = lxw_doc_properties()
            properties.title = c[0]
            properties.subject = c[1]
            properties.author = c[2]
            properties.keywords = c[3]
            properties.comments = c[4]
            properties.company = c[5]
            properties.created = time_t(created)
            try Self.check(workbook_set_properties(workbook, &properties), "workbook_set_properties")
        }
        for field in p.custom {
            try withCStrings([field.name, String(field.value.prefix(255))]) { c throws(XLSXError) in
                try Self.check(workbook_set_custom_property_string(workbook, c[0], c[1]), "workbook_set_custom_property_string")
            }
        }
    }

    // MARK: - Formats

    func format(_ type: ColumnType?, _ style: CellStyle?, header: Bool = false, label: Bool = false, unlocked: Bool = false) throws(XLSXError) -> UnsafeMutablePointer<lxw_format> {
        let key = "\(type?.rawValue ?? "-")/\(style?.rawValue ?? "-")/\(header)/\(label)/\(unlocked)"
        if let found = formats[key] { return found }
        guard let f = workbook_add_format(workbook) else { throw .allocation(function: "workbook_add_format") }
        format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
        if unlocked {
            format_set_unlocked(f)
            format_set_bg_color(f, 0xFFF9E6)
            format_set_border(f, UInt8(LXW_BORDER_HAIR.rawValue))
        }
        if header {
            format_set_bold(f)
            format_set_text_wrap(f)
            format_set_bg_color(f, 0xD9E1F2)
            format_set_bottom(f, UInt8(LXW_BORDER_THIN.rawValue))
        }
        if label { format_set_bold(f) }
        switch type {
        case .longText?: format_set_text_wrap(f)
        case .integer?: numberFormat(f, "0")
        case .number?: numberFormat(f, "General")
        case .percent?: numberFormat(f, "0%")
        case .date?: numberFormat(f, "yyyy-mm-dd")
        case .timestamp?: numberFormat(f, "yyyy-mm-dd hh:mm")
        default: break
        }
        switch style {
        case .good?: colours(f, fill: 0xC6EFCE, font: 0x006100)
        case .bad?: colours(f, fill: 0xFFC7CE, font: 0x9C0006)
        case .warning?: colours(f, fill: 0xFFEB9C, font: 0x9C5700)
        case .emphasis?: format_set_bold(f)
        case .muted?: format_set_font_color(f, 0x808080)
        case .neutral?, nil: break
        }
        formats[key] = f
        return f
    }

    func numberFormat(_ f: UnsafeMutablePointer<lxw_format>, _ text: String) {
        text.withCString { format_set_num_format(f, $0) }
    }

    func colours(_ f: UnsafeMutablePointer<lxw_format>, fill: lxw_color_t, font: lxw_color_t) {
        format_set_bg_color(f, fill)
        format_set_font_color(f, font)
    }

    /// A conditional format's own format (a differential format: colours only).
    func conditionalFormat(_ style: CellStyle) throws(XLSXError) -> UnsafeMutablePointer<lxw_format> {
        let key = "cf/\(style.rawValue)"
        if let found = formats[key] { return found }
        guard let f = workbook_add_format(workbook) else { throw .allocation(function: "workbook_add_format") }
        switch style {
        case .good: colours(f, fill: 0xC6EFCE, font: 0x006100)
        case .bad: colours(f, fill: 0xFFC7CE, font: 0x9C0006)
        case .warning: colours(f, fill: 0xFFEB9C, font: 0x9C5700)
        case .muted: format_set_font_color(f, 0x808080)
        case .emphasis: format_set_bold(f)
        case .neutral: break
        }
        formats[key] = f
        return f
    }

    // MARK: - Sheets

    static func defaultWidth(_ c: Column) -> Double {
        if let w = c.width { return w }
        let base: Double = switch c.type {
        case .text: 14
        case .longText: 40
        case .integer: 10
        case .number: 12
        case .percent: 11
        case .date: 12
        case .timestamp: 17
        }
        return max(base, min(Double(c.header.count) + 3, 28))
    }

    func addWorksheet(_ name: String) throws(XLSXError) -> UnsafeMutablePointer<lxw_worksheet> {
        guard let ws = name.withCString({ workbook_add_worksheet(workbook, $0) }) else { throw .allocation(function: "workbook_add_worksheet") }
        return ws
    }

    /// A sheet whose rows are in memory.
    func write(_ sheet: Sheet, into ws: UnsafeMutablePointer<lxw_worksheet>) throws(XLSXError) {
        var table = try TableWriter(self, ws, sheet)
        for row in sheet.rows { try table.append(row) }
        try finish(table)
    }

    /// A sheet whose rows come from `produce`, made on another thread and written here as they come.
    func write(_ sheet: Sheet, into ws: UnsafeMutablePointer<lxw_worksheet>,
               produce: @escaping @Sendable (_ emit: ([Cell]) throws -> Void) throws -> Void) throws {
        var table = try TableWriter(self, ws, sheet)
        let pipe = RowPipe(columns: sheet.columns.count)
        let producer = Thread {
            pipe.run(produce)
        }
        // Rows are built from SQLite reads and comparisons: room for deep call chains.
        producer.stackSize = 8 << 20
        producer.start()
        do {
            while let batch = try pipe.next() {
                for row in batch { try table.append(row) }
            }
        } catch {
            pipe.cancel()
            throw error
        }
        try finish(table)
    }

    /// What follows a sheet's rows: frozen header, printing, filter or table, rules, chart, validations, protection.
    func finish(_ table: TableWriter) throws(XLSXError) {
        let (ws, sheet, header) = (table.ws, table.sheet, table.header)
        let rows = table.rowCount
        let lastColumn = lxw_col_t(max(0, sheet.columns.count - 1))
        let lastRow = header + lxw_row_t(max(rows, 1))
        worksheet_freeze_panes(ws, header + 1, 0)
        // Printing: A4 landscape, one page wide, the header row repeated on each page.
        worksheet_set_landscape(ws)
        worksheet_set_paper(ws, 9)
        worksheet_fit_to_pages(ws, 1, 0)
        try Self.check(worksheet_repeat_rows(ws, header, header), "worksheet_repeat_rows")
        if sheet.excelTable && !constantMemory {
            try addTable(ws, sheet, first: header, last: lastRow, lastColumn: lastColumn)
        } else {
            try Self.check(worksheet_autofilter(ws, header, 0, lastRow, lastColumn), "worksheet_autofilter")
        }
        for rule in sheet.formats where rows > 0 {
            try addConditionalFormat(ws, rule, first: header + 1, last: header + lxw_row_t(rows))
        }
        if let chart = sheet.chart, rows > 0 {
            try addChart(ws, chart, sheet: sheet, first: header + 1, last: header + lxw_row_t(rows))
        }
        for validation in sheet.validations {
            try addValidation(ws, validation, firstDataRow: header + 1)
        }
        if sheet.protected {
            // Structure locked: only the unlocked (editable) cells change; filtering stays possible.
            var protection = lxw_protection()
            protection.no_select_locked_cells = 0
            protection.autofilter = 1
            protection.format_columns = 1
            protection.format_rows = 1
            worksheet_protect(ws, nil, &protection)
        }
    }

    func addValidation(_ ws: UnsafeMutablePointer<lxw_worksheet>, _ v: DataValidation, firstDataRow: lxw_row_t) throws(XLSXError) {
        let copies = v.values.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var list: [UnsafeMutablePointer<CChar>?] = copies + [nil]
        try list.withUnsafeMutableBufferPointer { buffer throws(XLSXError) in
            var validation = lxw_data_validation()
            validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            validation.value_list = buffer.baseAddress
            validation.show_error = 1
            validation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
            try Self.check(worksheet_data_validation_range(ws, firstDataRow + lxw_row_t(v.firstRow), lxw_col_t(v.column),
                                                           firstDataRow + lxw_row_t(v.lastRow), lxw_col_t(v.column), &validation),
                           "worksheet_data_validation_range")
        }
    }

    func writeString(_ ws: UnsafeMutablePointer<lxw_worksheet>, _ row: lxw_row_t, _ col: lxw_col_t, _ text: String,
                     _ f: UnsafeMutablePointer<lxw_format>?, sheet: @autoclosure () -> String, column: @autoclosure () -> String) throws(XLSXError) {
        // UTF-16 is never longer than UTF-8: count it only for long texts.
        if text.utf8.count > 32_767, text.utf16.count > 32_767 { throw .cellTooLong(sheet: sheet(), row: Int(row) + 1, column: column()) }
        // worksheet_write_string always writes text: a comment starting with `=` never becomes a formula.
        var text = text
        let code = text.withUTF8 { bytes in
            // Native strings are NUL-terminated right after their bytes; others get a copy.
            bytes.baseAddress.map { base in base[bytes.count] == 0 ? worksheet_write_string(ws, row, col, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self), f) : nil } ?? nil
        } ?? text.withCString { worksheet_write_string(ws, row, col, $0, f) }
        try Self.check(code, "worksheet_write_string")
    }

    /// A cell outside a table's columns (a summary line's value).
    /// How a cell is written, which decides its format.
    enum CellKind: Int, CaseIterable {
        case text, number, date, timestamp, blank, timestampText
    }

    /// The column type whose format a cell of this kind takes; `type` nil (a summary line's value):
    /// whole numbers as integers, others as numbers.
    static func formatType(_ kind: CellKind, _ type: ColumnType?, _ value: CellValue) -> ColumnType? {
        switch kind {
        case .text: type == .longText ? .longText : .text
        case .number:
            if let type { type } else if case .number(let n) = value, n == n.rounded() { .integer } else { .number }
        case .date: .date
        case .timestamp: .timestamp
        case .blank: type
        case .timestampText: .text
        }
    }

    /// Writes one cell. `format` gives the format for its kind (a table caches them per column).
    func writeCell(_ ws: UnsafeMutablePointer<lxw_worksheet>, _ row: lxw_row_t, _ col: lxw_col_t, _ cell: Cell, unlocked: Bool,
                   sheet: @autoclosure () -> String, column: @autoclosure () -> String,
                   format: (CellKind) throws(XLSXError) -> UnsafeMutablePointer<lxw_format>?) throws(XLSXError) {
        switch cell.value {
        case .empty:
            if cell.style != nil || unlocked {
                try Self.check(worksheet_write_blank(ws, row, col, try format(.blank)), "worksheet_write_blank")
            }
        case .text(let s):
            if s.isEmpty && !unlocked { return }
            try writeString(ws, row, col, s, try format(.text), sheet: sheet(), column: column())
        case .number(let n):
            try Self.check(worksheet_write_number(ws, row, col, n, try format(.number)), "worksheet_write_number")
        case .date(let d):
            var dt = lxw_datetime(year: Int32(d.year), month: Int32(d.month), day: Int32(d.day), hour: 0, min: 0, sec: 0)
            try Self.check(worksheet_write_datetime(ws, row, col, &dt, try format(.date)), "worksheet_write_datetime")
        case .timestamp(let t):
            guard var dt = Self.datetime(t) else {
                try writeString(ws, row, col, t, try format(.timestampText), sheet: sheet(), column: column())
                return
            }
            try Self.check(worksheet_write_datetime(ws, row, col, &dt, try format(.timestamp)), "worksheet_write_datetime")
        }
    }

    /// `2026-11-26T15:47:24.491Z` → its parts. The usual shape is read byte by byte; anything else
    /// is split on `-`, `T`, `:` and `Z`.
    static func datetime(_ text: String) -> lxw_datetime? {
        var text = text
        if let fast = text.withUTF8({ iso8601($0) }) { return fast }
        let parts = text.split(whereSeparator: { "-T:Z".contains($0) }).map(String.init)
        guard parts.count >= 6, let y = Int32(parts[0]), let m = Int32(parts[1]), let d = Int32(parts[2]), let h = Int32(parts[3]),
              let mi = Int32(parts[4]), let s = Double(parts[5]) else { return nil }
        return lxw_datetime(year: y, month: m, day: d, hour: h, min: mi, sec: s)
    }

    /// `YYYY-MM-DDTHH:MM:SS[.f…]Z`, exactly; nil for anything else.
    static func iso8601(_ b: UnsafeBufferPointer<UInt8>) -> lxw_datetime? {
        guard b.count >= 20, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58, b[b.count - 1] == 90 else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int32? {
            var n: Int32 = 0
            for i in from..<(from + count) {
                let d = b[i] &- 48
                guard d < 10 else { return nil }
                n = n * 10 + Int32(d)
            }
            return n
        }
        guard let y = digits(0, 4), let m = digits(5, 2), let d = digits(8, 2), let h = digits(11, 2), let mi = digits(14, 2), let whole = digits(17, 2) else { return nil }
        var seconds = Double(whole)
        if b.count > 20 {
            // A fraction: `.` then digits, up to the final Z.
            guard b[19] == 46, b.count > 21 else { return nil }
            var fraction = 0.0, scale = 1.0
            for i in 20..<(b.count - 1) {
                let digit = b[i] &- 48
                guard digit < 10 else { return nil }
                fraction = fraction * 10 + Double(digit)
                scale *= 10
            }
            seconds += fraction / scale
        }
        return lxw_datetime(year: y, month: m, day: d, hour: h, min: mi, sec: seconds)
    }

    func addTable(_ ws: UnsafeMutablePointer<lxw_worksheet>, _ sheet: Sheet, first: lxw_row_t, last: lxw_row_t, lastColumn: lxw_col_t) throws(XLSXError) {
        try withCStrings(sheet.columns.map(\.header) + ["Donnees"]) { c throws(XLSXError) in
            var columns = sheet.columns.indices.map { i in lxw_table_column(header: c[i], formula: nil, total_string: nil, total_function: 0, header_format: nil, format: nil, total_value: 0) }
            try columns.withUnsafeMutableBufferPointer { buffer throws(XLSXError) in
                var pointers: [UnsafeMutablePointer<lxw_table_column>?] = buffer.indices.map { buffer.baseAddress! + $0 } + [nil]
                try pointers.withUnsafeMutableBufferPointer { list throws(XLSXError) in
                    var options = lxw_table_options()
                    options.name = c[sheet.columns.count]
                    options.style_type = UInt8(LXW_TABLE_STYLE_TYPE_MEDIUM.rawValue)
                    options.style_type_number = 2
                    options.columns = list.baseAddress
                    try Self.check(worksheet_add_table(ws, first, 0, last, lastColumn, &options), "worksheet_add_table")
                }
            }
        }
    }

    func addConditionalFormat(_ ws: UnsafeMutablePointer<lxw_worksheet>, _ rule: ConditionalFormat, first: lxw_row_t, last: lxw_row_t) throws(XLSXError) {
        var cf = lxw_conditional_format()
        switch rule {
        case let .textEquals(column, text, style):
            let quoted = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            try withCStrings([quoted]) { c throws(XLSXError) in
                cf.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
                cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
                cf.value_string = c[0]
                cf.format = try conditionalFormat(style)
                try Self.check(worksheet_conditional_format_range(ws, first, lxw_col_t(column), last, lxw_col_t(column), &cf), "worksheet_conditional_format_range")
            }
        case let .colourScale(columns, reversed):
            cf.type = UInt8(LXW_CONDITIONAL_3_COLOR_SCALE.rawValue)
            cf.min_color = reversed ? 0x63BE7B : 0xF8696B
            cf.mid_color = 0xFFEB84
            cf.max_color = reversed ? 0xF8696B : 0x63BE7B
            try Self.check(worksheet_conditional_format_range(ws, first, lxw_col_t(columns.lowerBound), last, lxw_col_t(columns.upperBound), &cf),
                           "worksheet_conditional_format_range")
        }
    }

    func addChart(_ ws: UnsafeMutablePointer<lxw_worksheet>, _ chart: Chart, sheet: Sheet, first: lxw_row_t, last: lxw_row_t) throws(XLSXError) {
        guard let c = workbook_add_chart(workbook, UInt8(LXW_CHART_COLUMN.rawValue)) else { throw .allocation(function: "workbook_add_chart") }
        try withCStrings([sheet.name, chart.title, chart.valueAxisTitle]) { s throws(XLSXError) in
            for column in chart.valueColumns {
                guard let series = chart_add_series(c, nil, nil) else { throw .allocation(function: "chart_add_series") }
                chart_series_set_categories(series, s[0], first, lxw_col_t(chart.categoryColumn), last, lxw_col_t(chart.categoryColumn))
                chart_series_set_values(series, s[0], first, lxw_col_t(column), last, lxw_col_t(column))
                chart_series_set_name_range(series, s[0], first - 1, lxw_col_t(column))
            }
            chart_title_set_name(c, s[1])
            chart_axis_set_name(c.pointee.y_axis, s[2])
            if let maximum = chart.maximum { chart_axis_set_max(c.pointee.y_axis, maximum) }
            chart_axis_set_min(c.pointee.y_axis, 0)
            chart_legend_set_position(c, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue))
            var options = lxw_chart_options(x_offset: 10, y_offset: 10, x_scale: 1.8, y_scale: 1.4, object_position: 0, description: nil, decorative: 0)
            try Self.check(worksheet_insert_chart_opt(ws, last + 2, 0, c, &options), "worksheet_insert_chart_opt")
        }
    }
}

/// Runs `body` with C copies of `strings` that live until it returns.
private func withCStrings<T>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) throws(XLSXError) -> T) throws(XLSXError) -> T {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    return try body(copies)
}

/// Writes one sheet's table row by row. What each column needs for every cell (its type, its
/// formats, its width for wrapped text) is worked out once.
private struct TableWriter {
    unowned let session: Session
    let ws: UnsafeMutablePointer<lxw_worksheet>
    let sheet: Sheet
    /// The header's row; data rows follow it.
    let header: lxw_row_t
    private(set) var rowCount = 0
    let types: [ColumnType]
    let editable: [Bool]
    /// Wrapped columns and the characters a line of each holds.
    let wrapped: [(column: Int, width: Double)]
    /// Formats of unstyled cells, by column and kind, made on first use (so that styles.xml lists
    /// formats in the order cells first need them).
    var plain: [[UnsafeMutablePointer<lxw_format>?]]

    init(_ session: Session, _ ws: UnsafeMutablePointer<lxw_worksheet>, _ sheet: Sheet) throws(XLSXError) {
        self.session = session
        self.ws = ws
        self.sheet = sheet
        header = lxw_row_t(sheet.headerRow)
        types = sheet.columns.map(\.type)
        editable = sheet.columns.map(\.editable)
        wrapped = sheet.columns.enumerated().filter { $0.element.type == .longText }.map { ($0.offset, max(8, Session.defaultWidth($0.element) - 1)) }
        plain = Array(repeating: Array(repeating: nil, count: Session.CellKind.allCases.count), count: sheet.columns.count)
        for (i, column) in sheet.columns.enumerated() {
            let f = try session.format(column.type, nil)
            try Session.check(worksheet_set_column(ws, lxw_col_t(i), lxw_col_t(i), Session.defaultWidth(column), f), "worksheet_set_column")
        }
        if sheet.hidden { worksheet_hide(ws) }
        // Summary labels run over the first two (empty) cells of their line; the value sits in the third column.
        let valueColumn: lxw_col_t = sheet.columns.count >= 3 ? 2 : 1
        if !sheet.summary.isEmpty && valueColumn == 1 {
            let widest = sheet.summary.map { Double($0.label.count) }.max() ?? 10
            try Session.check(worksheet_set_column(ws, 0, 0, max(Session.defaultWidth(sheet.columns[0]), min(widest + 2, 48)), try session.format(sheet.columns[0].type, nil)),
                              "worksheet_set_column")
        }
        for (i, line) in sheet.summary.enumerated() {
            try session.writeString(ws, lxw_row_t(i), 0, line.label, try session.format(nil, nil, label: true), sheet: sheet.name, column: "A")
            try session.writeCell(ws, lxw_row_t(i), valueColumn, line.cell, unlocked: false, sheet: sheet.name,
                                  column: Int(valueColumn) < sheet.columns.count ? sheet.columns[Int(valueColumn)].key : "B") { kind throws(XLSXError) in
                try session.cellFormat(Session.formatType(kind, nil, line.cell.value), line.cell.style, unlocked: false)
            }
        }
        for (i, column) in sheet.columns.enumerated() {
            try session.writeString(ws, header, lxw_col_t(i), column.header, try session.format(nil, nil, header: true), sheet: sheet.name, column: column.key)
        }
    }

    mutating func append(_ row: [Cell]) throws(XLSXError) {
        let r = header + 1 + lxw_row_t(rowCount)
        rowCount += 1
        // Spreadsheet programs do not all grow rows for wrapped text on opening: set the height from the longest wrapped cell.
        var lines = 1
        for (i, width) in wrapped {
            guard case .text(let text) = row[i].value, text.utf8.count > Int(width) || text.utf8.contains(10) else { continue }
            lines = max(lines, Self.lines(text, width: width))
        }
        if lines > 1 {
            try Session.check(worksheet_set_row(ws, r, 15 * Double(min(lines, 25)), nil), "worksheet_set_row")
        }
        for i in row.indices {
            try write(row[i], r, i)
        }
    }

    /// Lines a wrapped text takes in a column `width` characters wide (characters counted as Unicode scalars).
    static func lines(_ text: String, width: Double) -> Int {
        var total = 0, scalars = 0
        for byte in text.utf8 {
            if byte == 10 {
                total += max(1, Int((Double(scalars) / width).rounded(.up)))
                scalars = 0
            } else if byte & 0xC0 != 0x80 {
                scalars += 1
            }
        }
        return total + max(1, Int((Double(scalars) / width).rounded(.up)))
    }

    /// A cell's format: unstyled ones from the column's cache, made on first use.
    mutating func format(_ kind: Session.CellKind, _ column: Int, _ cell: Cell) throws(XLSXError) -> UnsafeMutablePointer<lxw_format> {
        if cell.style == nil, let found = plain[column][kind.rawValue] { return found }
        let f = try session.cellFormat(Session.formatType(kind, types[column], cell.value), cell.style, unlocked: editable[column])
        if cell.style == nil { plain[column][kind.rawValue] = f }
        return f
    }

    mutating func write(_ cell: Cell, _ r: lxw_row_t, _ i: Int) throws(XLSXError) {
        try session.writeCell(ws, r, lxw_col_t(i), cell, unlocked: editable[i], sheet: sheet.name, column: sheet.columns[i].key) { kind throws(XLSXError) in
            try format(kind, i, cell)
        }
    }
}

/// Rows handed from the thread that makes them to the thread that writes them, a batch at a time,
/// with at most a few batches waiting (memory stays flat). Either side can stop the other: an
/// error while producing is thrown to the writer, a cancelled writer makes the producer stop.
private final class RowPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var batches: [[[Cell]]] = []
    private var current: [[Cell]] = []
    private var done = false
    private var cancelled = false
    private var failure: (any Error)?
    let columns: Int
    static let batchSize = 512
    static let depth = 8

    struct Cancelled: Error {}

    init(columns: Int) {
        self.columns = columns
        current.reserveCapacity(Self.batchSize)
    }

    /// On the producing thread: runs `produce`, then says it has finished (or failed).
    func run(_ produce: @Sendable (_ emit: ([Cell]) throws -> Void) throws -> Void) {
        do {
            try produce { row in
                precondition(row.count == columns, "row width differs from columns")
                current.append(row)
                if current.count == Self.batchSize { try push() }
            }
            if !current.isEmpty { try push() }
            finish(nil)
        } catch {
            finish(error)
        }
    }

    private func push() throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= Self.depth && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        batches.append(current)
        current = []
        current.reserveCapacity(Self.batchSize)
        condition.broadcast()
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        done = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// On the writing thread: the next batch, nil once every row has come; the producer's error, if any.
    func next() throws -> [[Cell]]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !done { condition.wait() }
        if !batches.isEmpty {
            condition.broadcast()
            return batches.removeFirst()
        }
        if let failure, !(failure is Cancelled) { throw failure }
        return nil
    }

    /// On the writing thread, after a failure: stops the producer and waits until it has.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !done { condition.wait() }
        condition.unlock()
    }
}
