#!/usr/bin/env python3
"""Reference figures for Tests/Fixtures/agreement/reference.json (see docs/agreement.md).

Generates rating data sets from a fixed seed (edge cases included) and computes, with
implementations other than Regards':
  - Cohen's kappa, unweighted, linear and quadratic: scikit-learn's cohen_kappa_score, on the
    items both raters 1 and 2 scored, labels = the whole scale in its order;
  - its large-sample standard errors and 95 % interval (Fleiss, Cohen & Everitt 1969):
    statsmodels' cohens_kappa on the same table;
  - Krippendorff's alpha, nominal, ordinal and interval: the PyPI package krippendorff, with
    value_domain = the whole scale in its order.
A figure a reference cannot compute (0/0 or a refusal) is written null.

    python3 Tests/Support/agreement_reference.py [OUTPUT]   (default: standard output)
"""

import json
from importlib import metadata
import random
import sys
import warnings

import krippendorff
import numpy as np
import sklearn
import statsmodels
from sklearn.metrics import cohen_kappa_score, confusion_matrix
from statsmodels.stats.inter_rater import cohens_kappa

SEED = 20270115
WEIGHTINGS = {"unweighted": None, "linear": "linear", "quadratic": "quadratic"}
METRICS = ["nominal", "ordinal", "interval"]


def noisy(rng, categories, items, raters, spread, missing):
    """Each item has a true rank; each rater moves it by up to `spread` ranks and leaves it
    missing with probability `missing`."""
    k = len(categories)
    truth = [rng.randrange(k) for _ in range(items)]
    rows = []
    for _ in range(raters):
        row = []
        for t in truth:
            if rng.random() < missing:
                row.append(None)
            else:
                row.append(categories[min(k - 1, max(0, t + rng.randint(-spread, spread)))])
        rows.append(row)
    return rows


def datasets(rng):
    quality = [1, 2, 3, 4]
    conformity = [2, 1, 0]  # the order a protocol lists it: top level first
    yield "2 raters, 4 levels, close", quality, noisy(rng, quality, 30, 2, 1, 0)
    yield "2 raters, 4 levels, missing values", quality, noisy(rng, quality, 40, 2, 1, 0.15)
    yield "2 raters, conformity scale listed top first", conformity, noisy(rng, conformity, 25, 2, 1, 0.1)
    yield "2 raters, 2 levels", [0, 1], noisy(rng, [0, 1], 30, 2, 1, 0)
    yield "2 raters, 7 levels, weak agreement", list(range(1, 8)), noisy(rng, list(range(1, 8)), 50, 2, 3, 0.05)
    yield "2 raters, uneven level values", [0, 1, 3, 10], noisy(rng, [0, 1, 3, 10], 30, 2, 1, 0)
    values = [rng.choice(quality) for _ in range(20)]
    yield "perfect agreement", quality, [values, list(values)]
    yield "one level used by everyone", quality, [[3] * 12, [3] * 12, [3] * 9 + [None] * 3]
    first = [rng.choice(quality) for _ in range(20)]
    yield "systematic disagreement (reversed scale)", quality, [first, [5 - v for v in first]]
    yield "two constant raters who differ", quality, [[2] * 10, [3] * 10]
    five = [1, 2, 3, 4, 5]
    yield "levels 1 and 5 never used", five, noisy(rng, [2, 3, 4], 30, 2, 1, 0)
    yield "two items", quality, [[1, 4], [2, 4]]
    yield "4 raters, 4 levels, missing values", quality, noisy(rng, quality, 30, 4, 1, 0.25)
    rows = noisy(rng, five, 20, 3, 1, 0.2)
    rows[0][0], rows[1][0], rows[2][0] = 4, None, None  # an item only one rater scored
    rows[0][1], rows[1][1], rows[2][1] = None, None, None  # an item nobody scored
    yield "3 raters, an item scored once, an item not scored", five, rows
    yield "4 raters, 5 levels, raters 1 and 2 never on the same item", five, [
        [v if i % 2 == 0 else None for i, v in enumerate(noisy(rng, five, 16, 1, 1, 0)[0])],
        [v if i % 2 == 1 else None for i, v in enumerate(noisy(rng, five, 16, 1, 1, 0)[0])],
    ] + noisy(rng, five, 16, 2, 1, 0.1)


def finite(x):
    x = float(x)
    return x if np.isfinite(x) else None


def kappas(categories, rows):
    pairs = [(a, b) for a, b in zip(rows[0], rows[1]) if a is not None and b is not None]
    result = {}
    for name, weights in WEIGHTINGS.items():
        if not pairs:  # scikit-learn refuses empty data: no item scored by both
            result[name] = None
            continue
        y1, y2 = [a for a, _ in pairs], [b for _, b in pairs]
        value = finite(cohen_kappa_score(y1, y2, labels=categories, weights=weights))
        if value is None:
            result[name] = None
            continue
        table = confusion_matrix(y1, y2, labels=categories)
        se = cohens_kappa(table, wt=weights) if weights else cohens_kappa(table)
        # Two references for the same value: they must agree before either is written down.
        assert abs(se.kappa - value) < 1e-12, (se.kappa, value)
        result[name] = {
            "value": value,
            "standardError": finite(se.std_kappa),
            "standardErrorUnderNull": finite(se.std_kappa0),
            "low": finite(se.kappa_low),
            "high": finite(se.kappa_upp),
        }
    return result


def alphas(categories, rows):
    data = [[np.nan if v is None else v for v in row] for row in rows]
    result = {}
    for metric in METRICS:
        try:
            result[metric] = finite(krippendorff.alpha(reliability_data=data, level_of_measurement=metric, value_domain=categories))
        except ValueError:  # "at least one unit with values assigned by at least two coders"
            result[metric] = None
    return result


def main():
    warnings.simplefilter("ignore")  # 0/0 of the edge cases: written null
    rng = random.Random(SEED)
    sets = []
    for name, categories, rows in datasets(rng):
        pairs = [(a, b) for a, b in zip(rows[0], rows[1]) if a is not None and b is not None]
        sets.append({
            "name": name,
            "categories": categories,
            "values": rows,
            "observedAgreement": sum(a == b for a, b in pairs) / len(pairs) if pairs else None,
            "kappa": kappas(categories, rows),
            "alpha": alphas(categories, rows),
        })
    document = {
        "generator": {
            "script": "Tests/Support/agreement_reference.py",
            "seed": SEED,
            "scikit-learn": sklearn.__version__,
            "statsmodels": statsmodels.__version__,
            "krippendorff": metadata.version("krippendorff"),
        },
        "datasets": sets,
    }
    text = json.dumps(document, indent=1, ensure_ascii=False) + "\n"
    if len(sys.argv) > 1:
        with open(sys.argv[1], "w", encoding="utf-8") as out:
            out.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
