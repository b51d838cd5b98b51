import CXLSXWriter
import Foundation
import RegardsCore

/// One workbook being written: the libxlsxwriter handle, its formats, and what each sheet needs
/// after its rows (frozen header, printing, filter or table, rules, chart, lists, protection).
final class WorkbookSession {
    let created: Int
    let constantMemory: Bool
    let workbook: UnsafeMutablePointer<lxw_workbook>
    /// Kept alive until the workbook is closed, whatever the library does with them.
    let cPath: UnsafeMutablePointer<CChar>?, cTemporaryDirectory: UnsafeMutablePointer<CChar>?
    /// Formats are made on first use, so styles.xml lists them in the order cells first need them.
    private var formats: [FormatKey: UnsafeMutablePointer<lxw_format>] = [:]
    /// Tables written so far: a table's name is unique in its workbook (Donnees, Donnees2 …).
    private var tables = 0

    init(path: String, created: Int, constantMemory: Bool, temporaryDirectory: String) throws(XLSXError) {
        if let failure = regards_xlsx_open()?.pointee { throw .libraryMissing(LibraryFailure(failure)) }
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

    func format(_ key: FormatKey) throws(XLSXError) -> UnsafeMutablePointer<lxw_format> {
        if let found = formats[key] { return found }
        guard let f = workbook_add_format(workbook) else { throw .allocation(function: "workbook_add_format") }
        if key.conditional {
            if let style = key.style { Palette.apply(style, to: f) }
        } else {
            format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_TOP.rawValue))
            if key.unlocked {
                format_set_unlocked(f)
                format_set_bg_color(f, Palette.editable)
                format_set_border(f, UInt8(LXW_BORDER_HAIR.rawValue))
            }
            if key.header {
                format_set_bold(f)
                format_set_text_wrap(f)
                format_set_bg_color(f, Palette.header)
                format_set_bottom(f, UInt8(LXW_BORDER_THIN.rawValue))
            }
            if key.label { format_set_bold(f) }
            if key.type == .longText { format_set_text_wrap(f) }
            if let type = key.type, let code = Palette.numberFormat(type) { code.withCString { format_set_num_format(f, $0) } }
            if let style = key.style { Palette.apply(style, to: f) }
        }
        formats[key] = f
        return f
    }

    func format(_ type: ColumnType?, _ style: CellStyle?, header: Bool = false, label: Bool = false, unlocked: Bool = false) throws(XLSXError) -> UnsafeMutablePointer<lxw_format> {
        try format(FormatKey(type: type, style: style, header: header, label: label, unlocked: unlocked))
    }

    // MARK: - Sheets

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
        // A thread does not see the task's language: the rows' words are said in the caller's.
        let language = Language.current
        let producer = Thread {
            Language.$current.withValue(language) { pipe.run(produce) }
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
            try addConditionalFormat(ws, rule, sheet: sheet, first: header + 1, last: header + lxw_row_t(rows))
        }
        if let chart = sheet.chart, rows > 0 {
            try addChart(ws, chart, sheet: sheet, first: header + 1, last: header + lxw_row_t(rows))
        }
        for validation in sheet.validations {
            try addValidation(ws, validation, sheet: sheet, firstDataRow: header + 1)
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

    func addTable(_ ws: UnsafeMutablePointer<lxw_worksheet>, _ sheet: Sheet, first: lxw_row_t, last: lxw_row_t, lastColumn: lxw_col_t) throws(XLSXError) {
        tables += 1
        try withCStrings(sheet.columns.map(\.header) + ["Donnees" + (tables == 1 ? "" : String(tables))]) { c throws(XLSXError) in
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

    /// Column positions of keys, as runs of neighbouring columns (a rule over several columns covers each run).
    static func runs(_ keys: [String], in sheet: Sheet) -> [ClosedRange<lxw_col_t>] {
        var out: [ClosedRange<lxw_col_t>] = []
        for index in keys.map(sheet.column).map({ lxw_col_t($0) }) {
            if let last = out.last, index == last.upperBound + 1 {
                out[out.count - 1] = last.lowerBound...index
            } else {
                out.append(index...index)
            }
        }
        return out
    }

    func addConditionalFormat(_ ws: UnsafeMutablePointer<lxw_worksheet>, _ rule: ConditionalFormat, sheet: Sheet, first: lxw_row_t, last: lxw_row_t) throws(XLSXError) {
        var cf = lxw_conditional_format()
        switch rule {
        case let .textEquals(key, text, style):
            let column = lxw_col_t(sheet.column(key))
            let quoted = "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            try withCStrings([quoted]) { c throws(XLSXError) in
                cf.type = UInt8(LXW_CONDITIONAL_TYPE_CELL.rawValue)
                cf.criteria = UInt8(LXW_CONDITIONAL_CRITERIA_EQUAL_TO.rawValue)
                cf.value_string = c[0]
                cf.format = try format(FormatKey(style: style, conditional: true))
                try Self.check(worksheet_conditional_format_range(ws, first, column, last, column, &cf), "worksheet_conditional_format_range")
            }
        case let .colourScale(keys, reversed):
            cf.type = UInt8(LXW_CONDITIONAL_3_COLOR_SCALE.rawValue)
            cf.min_color = reversed ? 0x63BE7B : 0xF8696B
            cf.mid_color = 0xFFEB84
            cf.max_color = reversed ? 0xF8696B : 0x63BE7B
            for run in Self.runs(keys, in: sheet) {
                try Self.check(worksheet_conditional_format_range(ws, first, run.lowerBound, last, run.upperBound, &cf), "worksheet_conditional_format_range")
            }
        }
    }

    func addChart(_ ws: UnsafeMutablePointer<lxw_worksheet>, _ chart: Chart, sheet: Sheet, first: lxw_row_t, last: lxw_row_t) throws(XLSXError) {
        guard let c = workbook_add_chart(workbook, UInt8(LXW_CHART_COLUMN.rawValue)) else { throw .allocation(function: "workbook_add_chart") }
        let category = lxw_col_t(sheet.column(chart.categoryColumn))
        try withCStrings([sheet.name, chart.title, chart.valueAxisTitle]) { s throws(XLSXError) in
            for key in chart.valueColumns {
                let column = lxw_col_t(sheet.column(key))
                guard let series = chart_add_series(c, nil, nil) else { throw .allocation(function: "chart_add_series") }
                chart_series_set_categories(series, s[0], first, category, last, category)
                chart_series_set_values(series, s[0], first, column, last, column)
                chart_series_set_name_range(series, s[0], first - 1, column)
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

    func addValidation(_ ws: UnsafeMutablePointer<lxw_worksheet>, _ v: DataValidation, sheet: Sheet, firstDataRow: lxw_row_t) throws(XLSXError) {
        let column = lxw_col_t(sheet.column(v.column))
        let copies = v.values.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var list: [UnsafeMutablePointer<CChar>?] = copies + [nil]
        try list.withUnsafeMutableBufferPointer { buffer throws(XLSXError) in
            var validation = lxw_data_validation()
            validation.validate = UInt8(LXW_VALIDATION_TYPE_LIST.rawValue)
            validation.value_list = buffer.baseAddress
            validation.show_error = 1
            validation.error_type = UInt8(LXW_VALIDATION_ERROR_TYPE_STOP.rawValue)
            try Self.check(worksheet_data_validation_range(ws, firstDataRow + lxw_row_t(v.firstRow), column, firstDataRow + lxw_row_t(v.lastRow), column, &validation),
                           "worksheet_data_validation_range")
        }
    }
}

extension LibraryFailure {
    /// What the loader of libxlsxwriter says when it cannot open it.
    init(_ failure: regards_library_failure) {
        self.init(label: String(cString: failure.label), reason: String(cString: failure.reason), install: String(cString: failure.install))
    }
}
