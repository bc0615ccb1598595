#!/usr/bin/env python3
"""Writes stratified k-fold splits of a text,sentiment CSV: OUT/foldK/train.csv and test.csv.
The shuffle is seeded, so every peer and our lexicon see the same folds.

Usage: sentiment_folds.py DATA.csv OUT_DIR [--folds 5] [--seed 20261124]
"""
import argparse
import csv
import os
import random

parser = argparse.ArgumentParser()
parser.add_argument("data")
parser.add_argument("out")
parser.add_argument("--folds", type=int, default=5)
parser.add_argument("--seed", type=int, default=20261124)
args = parser.parse_args()

with open(args.data, encoding="utf-8", newline="") as handle:
    reader = csv.DictReader(handle)
    fields = reader.fieldnames
    rows = list(reader)

rng = random.Random(args.seed)
fold_of = [0] * len(rows)
for label in sorted({row["sentiment"] for row in rows}):
    indices = [i for i, row in enumerate(rows) if row["sentiment"] == label]
    rng.shuffle(indices)
    for position, index in enumerate(indices):
        fold_of[index] = position % args.folds

for fold in range(args.folds):
    directory = os.path.join(args.out, f"fold{fold}")
    os.makedirs(directory, exist_ok=True)
    for name, keep in (("train.csv", lambda f: f != fold), ("test.csv", lambda f: f == fold)):
        with open(os.path.join(directory, name), "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields, lineterminator="\n")
            writer.writeheader()
            writer.writerows(row for row, f in zip(rows, fold_of) if keep(f))
