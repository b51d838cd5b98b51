"""Fills every row of a fill-in workbook written by `regards sheet`, as an inspector would: an answer
picked from the row's drop-down list (its data validation), a comment of realistic length and an
evidence reference. Not measured: it makes the file the read-back is measured on.

    python3 Benchmarks/python/fill_grid_openpyxl.py grid.xlsx filled.xlsx [SEED]
"""
import random
import sys

from openpyxl import load_workbook
from openpyxl.worksheet.cell_range import CellRange

WORDS = ("accueil hébergement projet personnalisé référent entretien admission orientation droits ouverture "
         "domiciliation santé emploi logement sortie conseil vie sociale règlement fonctionnement livret "
         "contrat séjour participation financière dossier consentement confidentialité plainte "
         "signalement bientraitance formation équipe astreinte nuit sécurité incendie registre "
         "affichage réunion usagers questionnaire satisfaction partenariat SIAO CCAS CAF").split()


def main(source, target, seed):
    rng = random.Random(seed)
    wb = load_workbook(source)
    ws = wb.worksheets[0]
    header = next(r for r in range(1, 20) if ws.cell(r, 2).value in ("Critère", "Criterion"))
    columns = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
    answer = columns.get("Réponse", columns.get("Answer"))
    comment = columns.get("Commentaire", columns.get("Comment"))
    evidence = columns.get("Preuve", columns.get("Evidence"))
    # The labels offered on each row: the list of the data validation covering its answer cell.
    choices = {}
    for dv in ws.data_validations.dataValidation:
        labels = dv.formula1.strip('"').split(",")
        for bounds in str(dv.sqref).split():
            cells = CellRange(bounds)
            if cells.min_col <= answer <= cells.max_col:
                for row in range(cells.min_row, cells.max_row + 1):
                    choices[row] = labels
    filled = 0
    for row in range(header + 1, ws.max_row + 1):
        if not ws.cell(row, 2).value:
            continue
        if row not in choices:
            sys.exit(f"{source}: row {row} has no drop-down list")
        ws.cell(row, answer).value = rng.choice(choices[row])
        ws.cell(row, comment).value = " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 30))).capitalize() + "."
        ws.cell(row, evidence).value = f"pièce n°{rng.randint(1, 40)}"
        filled += 1
    wb.save(target)
    print(filled)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 2026)
