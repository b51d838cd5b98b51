/* libxlsxwriter, opened on first use.
 *
 * Each function regards calls is defined here under its own name, with the library's prototype:
 * it finds the library's function once (dlsym) and calls it. The library is opened with dlopen the
 * first time (regards_xlsx_open, which the writer calls before anything else and which reports a
 * missing library as an error). Loading libxlsxwriter and what it links (minizip, libcrypto, zlib)
 * costs more than a millisecond at every start otherwise, for every command. */
#include "CXLSXWriter.h"

#include "LazyLibrary.h"

/* REGARDS_XLSXWRITER names the library file when it is not where the system looks; otherwise the
 * Debian package's soname first, then the development link. */
static regards_library xlsxwriter = REGARDS_LIBRARY("REGARDS_XLSXWRITER", "libxlsxwriter", "Debian: apt-get install libxlsxwriter4",
                                                    "libxlsxwriter.so.4", "libxlsxwriter.so", "libxlsxwriter.dylib");

const regards_library_failure *regards_xlsx_open(void) { return regards_library_open(&xlsxwriter); }

#define FORWARD(ret, name, params, args) REGARDS_FORWARD(xlsxwriter, ret, name, params, args)
#define FORWARD_VOID(name, params, args) REGARDS_FORWARD_VOID(xlsxwriter, name, params, args)

/* Workbooks. */
FORWARD(lxw_workbook *, workbook_new_opt, (const char *filename, lxw_workbook_options *options), (filename, options))
FORWARD(lxw_error, workbook_close, (lxw_workbook *workbook), (workbook))
FORWARD(lxw_worksheet *, workbook_add_worksheet, (lxw_workbook *workbook, const char *sheetname), (workbook, sheetname))
FORWARD(lxw_format *, workbook_add_format, (lxw_workbook *workbook), (workbook))
FORWARD(lxw_chart *, workbook_add_chart, (lxw_workbook *workbook, uint8_t chart_type), (workbook, chart_type))
FORWARD(lxw_error, workbook_set_properties, (lxw_workbook *workbook, lxw_doc_properties *properties), (workbook, properties))
FORWARD(lxw_error, workbook_set_custom_property_string, (lxw_workbook *workbook, const char *name, const char *value), (workbook, name, value))
FORWARD(char *, lxw_strerror, (lxw_error error_num), (error_num))

/* Formats. */
FORWARD_VOID(format_set_align, (lxw_format *format, uint8_t alignment), (format, alignment))
FORWARD_VOID(format_set_bg_color, (lxw_format *format, lxw_color_t color), (format, color))
FORWARD_VOID(format_set_bold, (lxw_format *format), (format))
FORWARD_VOID(format_set_border, (lxw_format *format, uint8_t style), (format, style))
FORWARD_VOID(format_set_bottom, (lxw_format *format, uint8_t style), (format, style))
FORWARD_VOID(format_set_font_color, (lxw_format *format, lxw_color_t color), (format, color))
FORWARD_VOID(format_set_num_format, (lxw_format *format, const char *num_format), (format, num_format))
FORWARD_VOID(format_set_text_wrap, (lxw_format *format), (format))
FORWARD_VOID(format_set_unlocked, (lxw_format *format), (format))

/* Cells and rows. */
FORWARD(lxw_error, worksheet_write_string, (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, const char *string, lxw_format *format),
        (worksheet, row, col, string, format))
FORWARD(lxw_error, worksheet_write_number, (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, double number, lxw_format *format),
        (worksheet, row, col, number, format))
FORWARD(lxw_error, worksheet_write_datetime, (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, lxw_datetime *datetime, lxw_format *format),
        (worksheet, row, col, datetime, format))
FORWARD(lxw_error, worksheet_write_blank, (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, lxw_format *format), (worksheet, row, col, format))
FORWARD(lxw_error, worksheet_set_row, (lxw_worksheet *worksheet, lxw_row_t row, double height, lxw_format *format), (worksheet, row, height, format))
FORWARD(lxw_error, worksheet_set_column, (lxw_worksheet *worksheet, lxw_col_t first_col, lxw_col_t last_col, double width, lxw_format *format),
        (worksheet, first_col, last_col, width, format))

/* Sheet layout, printing, protection. */
FORWARD_VOID(worksheet_freeze_panes, (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col), (worksheet, row, col))
FORWARD_VOID(worksheet_hide, (lxw_worksheet *worksheet), (worksheet))
FORWARD_VOID(worksheet_set_landscape, (lxw_worksheet *worksheet), (worksheet))
FORWARD_VOID(worksheet_set_paper, (lxw_worksheet *worksheet, uint8_t paper_type), (worksheet, paper_type))
FORWARD_VOID(worksheet_fit_to_pages, (lxw_worksheet *worksheet, uint16_t width, uint16_t height), (worksheet, width, height))
FORWARD(lxw_error, worksheet_repeat_rows, (lxw_worksheet *worksheet, lxw_row_t first_row, lxw_row_t last_row), (worksheet, first_row, last_row))
FORWARD_VOID(worksheet_protect, (lxw_worksheet *worksheet, const char *password, lxw_protection *options), (worksheet, password, options))

/* Tables, filters, rules, validations. */
FORWARD(lxw_error, worksheet_add_table,
        (lxw_worksheet *worksheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col, lxw_table_options *options),
        (worksheet, first_row, first_col, last_row, last_col, options))
FORWARD(lxw_error, worksheet_autofilter, (lxw_worksheet *worksheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col),
        (worksheet, first_row, first_col, last_row, last_col))
FORWARD(lxw_error, worksheet_conditional_format_range,
        (lxw_worksheet *worksheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col,
         lxw_conditional_format *conditional_format),
        (worksheet, first_row, first_col, last_row, last_col, conditional_format))
FORWARD(lxw_error, worksheet_data_validation_range,
        (lxw_worksheet *worksheet, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col, lxw_data_validation *validation),
        (worksheet, first_row, first_col, last_row, last_col, validation))

/* Charts. */
FORWARD(lxw_error, worksheet_insert_chart_opt, (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, lxw_chart *chart, lxw_chart_options *user_options),
        (worksheet, row, col, chart, user_options))
FORWARD(lxw_chart_series *, chart_add_series, (lxw_chart *chart, const char *categories, const char *values), (chart, categories, values))
FORWARD_VOID(chart_series_set_categories,
             (lxw_chart_series *series, const char *sheetname, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col),
             (series, sheetname, first_row, first_col, last_row, last_col))
FORWARD_VOID(chart_series_set_values,
             (lxw_chart_series *series, const char *sheetname, lxw_row_t first_row, lxw_col_t first_col, lxw_row_t last_row, lxw_col_t last_col),
             (series, sheetname, first_row, first_col, last_row, last_col))
FORWARD_VOID(chart_series_set_name_range, (lxw_chart_series *series, const char *sheetname, lxw_row_t row, lxw_col_t col), (series, sheetname, row, col))
FORWARD_VOID(chart_title_set_name, (lxw_chart *chart, const char *name), (chart, name))
FORWARD_VOID(chart_axis_set_name, (lxw_chart_axis *axis, const char *name), (axis, name))
FORWARD_VOID(chart_axis_set_min, (lxw_chart_axis *axis, double min), (axis, min))
FORWARD_VOID(chart_axis_set_max, (lxw_chart_axis *axis, double max), (axis, max))
FORWARD_VOID(chart_legend_set_position, (lxw_chart *chart, uint8_t position), (chart, position))
