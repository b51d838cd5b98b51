"""What an analyst would script: the same cells as `regards bench cells` written with Python XlsxWriter
in the same mode (constant_memory when the report is large)."""
import sys

import xlsxwriter


def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            i += 1
            out.append({"t": "\t", "n": "\n", "r": "\r"}.get(s[i], s[i]))
        else:
            out.append(c)
        i += 1
    return "".join(out)


def main(cells, target, constant_memory):
    wb = xlsxwriter.Workbook(target, {"constant_memory": constant_memory == "1"})
    date = wb.add_format({"num_format": "yyyy-mm-dd"})
    stamp = wb.add_format({"num_format": "yyyy-mm-dd hh:mm"})
    ws, row = None, 0
    import datetime
    with open(cells, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#sheet\t"):
                ws, row = wb.add_worksheet(line[7:]), 0
                continue
            if line:
                for col, cell in enumerate(line.split("\t")):
                    kind, value = cell[:1], cell[1:]
                    if kind == "s":
                        ws.write_string(row, col, unescape(value))
                    elif kind == "n":
                        ws.write_number(row, col, float(value))
                    elif kind == "d":
                        ws.write_datetime(row, col, datetime.datetime.strptime(value, "%Y-%m-%d"), date)
                    elif kind == "t":
                        ws.write_datetime(row, col, datetime.datetime.strptime(value[:19], "%Y-%m-%dT%H:%M:%S"), stamp)
            row += 1
    wb.close()


if __name__ == "__main__":
    main(*sys.argv[1:4])
