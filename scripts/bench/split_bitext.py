#!/usr/bin/env python3
"""Splits Bitext's train.csv (id, intent, text, reply) by id into a training part and a held-out
part, written OUTSIDE the repository (the data is CDLA-Sharing: never copy it in).

Usage: split_bitext.py SOURCE.csv OUT_DIR [HELD_OUT_FRACTION=0.1] [SEED=15]
Writes OUT_DIR/train.csv and OUT_DIR/heldout.csv (same columns, source order) and a copy of the
licence beside them. The ids are sorted, shuffled with the seed and the first fraction held out,
so the split depends only on the ids and the seed.
"""
import csv
import os
import random
import shutil
import sys


def main():
    if len(sys.argv) not in (3, 4, 5):
        sys.exit(__doc__)
    source, out = sys.argv[1], sys.argv[2]
    fraction = float(sys.argv[3]) if len(sys.argv) > 3 else 0.1
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 15
    repository = os.path.realpath(os.path.join(os.path.dirname(__file__), "..", ".."))
    if os.path.realpath(out).startswith(repository + os.sep):
        sys.exit(f"{out}: inside the repository; write the split elsewhere (the data may not be copied in)")
    with open(source, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header, rows = reader.fieldnames, list(reader)
    ids = sorted(r["id"] for r in rows)
    random.Random(seed).shuffle(ids)
    held = set(ids[: round(len(ids) * fraction)])
    os.makedirs(out, exist_ok=True)
    for name, keep in (("train.csv", lambda r: r["id"] not in held), ("heldout.csv", lambda r: r["id"] in held)):
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=header)
            writer.writeheader()
            writer.writerows(r for r in rows if keep(r))
    licence = os.path.join(os.path.dirname(source), "LICENSE.txt")
    if os.path.exists(licence):
        shutil.copy(licence, os.path.join(out, "LICENSE.txt"))
    print(f"{len(rows) - len(held)} training and {len(held)} held-out rows in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
