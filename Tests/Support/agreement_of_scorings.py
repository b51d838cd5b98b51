#!/usr/bin/env python3
"""Reference figures for a double-scored campaign, computed with other implementations than
Regards' (scikit-learn, krippendorff), for DoubleScoringCommandTests.

Reads the JSON file named as its argument: {"scale": [1, 2, 3, 4], "items": [[a, b], ...]} — one item per
criterion of a visit, each scorer's answer a level, "nc", "nv" or null. « Non concerné »,
« non évalué » and no answer are missing (docs/agreement.md). Writes the whole grid's figures:
observed agreement, quadratic kappa (items both scored on the scale) and ordinal alpha.
"""

import json
import sys

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score

with open(sys.argv[1], encoding="utf-8") as f:
    data = json.load(f)
scale = data["scale"]
level = lambda v: v if isinstance(v, int) else None
pairs = [(level(a), level(b)) for a, b in data["items"]]
both = [(a, b) for a, b in pairs if a is not None and b is not None]
first, second = [a for a, _ in both], [b for _, b in both]
rows = [[np.nan if v is None else v for v in column] for column in zip(*pairs)]
json.dump({
    "compared": len(both),
    "observed": sum(a == b for a, b in both) / len(both),
    "kappa": float(cohen_kappa_score(first, second, weights="quadratic", labels=scale)),
    "alpha": float(krippendorff.alpha(reliability_data=rows, level_of_measurement="ordinal", value_domain=scale)),
}, sys.stdout)
