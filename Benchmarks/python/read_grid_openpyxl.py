"""What an analyst would script to read a filled grid back: openpyxl's load_workbook(read_only=True)
on the fill-in workbook `regards sheet` writes, every row's criterion, answer, comment and evidence,
and the key/value stamps of the hidden sheet « Regards ». Prints the number of rows read.

    python3 Benchmarks/python/read_grid_openpyxl.py grid.xlsx
"""
import sys

from openpyxl import load_workbook

HEADERS = {"Critère": "criterion", "Réponse": "answer", "Commentaire": "comment", "Preuve": "evidence",
           "Criterion": "criterion", "Answer": "answer", "Comment": "comment", "Evidence": "evidence"}


def text(value):
    return "" if value is None else str(value)


def main(path):
    wb = load_workbook(path, read_only=True)
    try:
        stamps = {}
        if "Regards" in wb.sheetnames:
            for row in wb["Regards"].iter_rows(min_row=2, values_only=True):
                if row and row[0] is not None:
                    stamps[text(row[0])] = text(row[1] if len(row) > 1 else None)
        for key in ("visite", "grille", "protocole", "version", "empreinte"):
            if key not in stamps:
                sys.exit(f"{path}: no stamp « {key} » in the sheet « Regards »")
        grid = next(ws for ws in wb.worksheets if ws.title != "Regards")
        columns, rows = None, []
        for row in grid.iter_rows(values_only=True):
            if columns is None:
                # The header row: the one naming the criterion, answer, comment and evidence columns.
                found = {HEADERS[v]: i for i, v in enumerate(row) if isinstance(v, str) and v in HEADERS}
                if len(found) == 4:
                    columns = found
                continue
            values = {name: text(row[i]) if i < len(row) else "" for name, i in columns.items()}
            if values["criterion"]:
                rows.append(values)
        if columns is None:
            sys.exit(f"{path}: no header row with the criterion, answer, comment and evidence columns")
    finally:
        wb.close()
    print(len(rows))


if __name__ == "__main__":
    main(sys.argv[1])
