"""Fills a fill-in grid written by `regards sheet` the way an inspector does in a spreadsheet,
with openpyxl: `fill_grid.py IN.xlsx OUT.xlsx CRITERION=ANSWER[|COMMENT] …`. The rows are found by
the criterion in the column headed « Critère »; the answer goes in « Réponse », the comment in
« Commentaire ». Everything else (the hidden sheet of stamps, the properties, the drop-down lists,
the protection) is left as openpyxl keeps it."""
import sys

import openpyxl


def main(source, target, changes):
    wb = openpyxl.load_workbook(source)
    ws = wb.worksheets[0]
    header = next(r for r in range(1, 30) if ws.cell(r, 2).value in ("Critère", "Criterion"))
    columns = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
    rows = {ws.cell(r, columns["Critère"]).value: r for r in range(header + 1, ws.max_row + 1)}
    for change in changes:
        criterion, _, rest = change.partition("=")
        answer, _, comment = rest.partition("|")
        ws.cell(rows[criterion], columns["Réponse"]).value = answer
        if comment:
            ws.cell(rows[criterion], columns["Commentaire"]).value = comment
    wb.save(target)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
