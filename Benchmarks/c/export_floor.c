/* The libxlsxwriter floor for `regards compare --campaign --xlsx`: the same cells (same count of
 * strings, numbers and dates, same sheets) written with libxlsxwriter in the same mode
 * (constant_memory when the report is large). Input: the typed cell dump of `regards bench cells`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static void unescape(char *s) {
    char *w = s;
    for (char *r = s; *r; r++) {
        if (*r == '\\' && r[1]) {
            r++;
            *w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r == 'r' ? '\r' : *r;
        } else {
            *w++ = *r;
        }
    }
    *w = 0;
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: export_floor CELLS OUT.xlsx constant_memory(0|1)\n"); return 64; }
    FILE *in = fopen(argv[1], "r");
    if (!in) { perror(argv[1]); return 66; }
    lxw_workbook_options options = {.constant_memory = (uint8_t)atoi(argv[3]), .tmpdir = NULL, .use_zip64 = 0};
    lxw_workbook *wb = workbook_new_opt(argv[2], &options);
    lxw_format *date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format *stamp = workbook_add_format(wb);
    format_set_num_format(stamp, "yyyy-mm-dd hh:mm");
    lxw_worksheet *ws = NULL;
    char *line = NULL;
    size_t cap = 0;
    lxw_row_t row = 0;
    long strings = 0, numbers = 0;
    while (getline(&line, &cap, in) > 0) {
        size_t len = strlen(line);
        if (len && line[len - 1] == '\n') line[--len] = 0;
        if (strncmp(line, "#sheet\t", 7) == 0) {
            ws = workbook_add_worksheet(wb, line + 7);
            row = 0;
            continue;
        }
        lxw_col_t col = 0;
        char *p = line;
        while (p) {
            char *tab = strchr(p, '\t');
            if (tab) *tab = 0;
            char type = *p;
            char *value = p + (type ? 1 : 0);
            lxw_error err = LXW_NO_ERROR;
            if (type == 's') { unescape(value); err = worksheet_write_string(ws, row, col, value, NULL); strings++; }
            else if (type == 'n') { err = worksheet_write_number(ws, row, col, strtod(value, NULL), NULL); numbers++; }
            else if (type == 'd' || type == 't') {
                lxw_datetime dt = {0};
                sscanf(value, "%d-%d-%dT%d:%d:%lf", &dt.year, &dt.month, &dt.day, &dt.hour, &dt.min, &dt.sec);
                err = worksheet_write_datetime(ws, row, col, &dt, type == 'd' ? date : stamp);
                numbers++;
            }
            if (err) { fprintf(stderr, "write: %s\n", lxw_strerror(err)); return 74; }
            col++;
            p = tab ? tab + 1 : NULL;
        }
        row++;
    }
    lxw_error err = workbook_close(wb);
    if (err) { fprintf(stderr, "workbook_close: %s\n", lxw_strerror(err)); return 74; }
    printf("%ld strings, %ld numbers\n", strings, numbers);
    free(line);
    fclose(in);
    return 0;
}
