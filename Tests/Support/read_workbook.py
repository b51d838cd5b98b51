"""Reads an .xlsx with openpyxl (a real client) and prints every sheet's cells as JSON.

Numbers are printed like Regards prints them (integers without a decimal point, others rounded
to 4 places), dates as YYYY-MM-DD, date-times to the minute. Exit 2 if the file does not open.
"""
import datetime
import json
import sys
import warnings

import openpyxl


def fmt(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        if float(value).is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(round(float(value), 4))
    if isinstance(value, datetime.datetime):
        if value.hour == 0 and value.minute == 0 and value.second == 0 and value.microsecond == 0:
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%dT%H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m-%d")
    return str(value)


def main(path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            workbook = openpyxl.load_workbook(path)
        except Exception as error:  # noqa: BLE001 - any failure to open is the finding
            print(f"cannot open {path}: {error}", file=sys.stderr)
            return 2
    sheets = {}
    for sheet in workbook.worksheets:
        rows = []
        for row in sheet.iter_rows(values_only=True):
            cells = [fmt(v) for v in row]
            while cells and cells[-1] == "":
                cells.pop()
            rows.append(cells)
        sheets[sheet.title] = rows
    print(json.dumps({"sheets": sheets, "warnings": [str(w.message) for w in caught],
                      "title": workbook.properties.title, "creator": workbook.properties.creator}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
