#!/usr/bin/env python3
"""Scores our predictions (OUT/foldK/lexicon.csv, head.csv and combined.csv, written by
`chatbot sentiment --file`) and the shared peers on the same folds: VADER
(../shared/bench/vader_peer.py) and TF-IDF + logistic regression (../shared/bench/tfidf_peer.py).
The peer scripts are run as they are (runpy), and their predictions are read back, so the
macro-F1 is of the real peer. Prints JSON lines {"name","value","unit"}: per fold, the mean,
ratios ours / peer, and the per-fold training and annotation times found in OUT/foldK.

Usage: sentiment_eval.py OUT_DIR --shared ../shared [--folds 5] [--lexicon-seconds S]
"""
import argparse
import contextlib
import csv
import io
import json
import os
import runpy
import sys

LABELS = ["negative", "neutral", "positive"]


def metrics(gold, predicted):
    accuracy = sum(g == p for g, p in zip(gold, predicted)) / len(gold)
    f1s = []
    for label in LABELS:
        tp = sum(g == label and p == label for g, p in zip(gold, predicted))
        fp = sum(g != label and p == label for g, p in zip(gold, predicted))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted))
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1s.append(2 * precision * recall / (precision + recall) if precision + recall else 0.0)
    return 100 * accuracy, 100 * sum(f1s) / len(f1s)


def run_peer(script, argv):
    """Runs a peer script unchanged and returns its globals (its printed accuracy is discarded)."""
    saved = sys.argv
    sys.argv = [script] + argv
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            return runpy.run_path(script, run_name="__main__")
    finally:
        sys.argv = saved


def read(path, column):
    with open(path, encoding="utf-8", newline="") as handle:
        return [row[column] for row in csv.DictReader(handle)]


parser = argparse.ArgumentParser()
parser.add_argument("out")
parser.add_argument("--shared", default="../shared")
parser.add_argument("--folds", type=int, default=5)
parser.add_argument("--lexicon-seconds", type=float)
args = parser.parse_args()
bench = os.path.join(args.shared, "bench")


def emit(name, value, unit):
    print(json.dumps({"name": name, "value": round(value, 4), "unit": unit}), flush=True)


totals = {}
test_rows = 0
for fold in range(args.folds):
    directory = os.path.join(args.out, f"fold{fold}")
    train, test = os.path.join(directory, "train.csv"), os.path.join(directory, "test.csv")
    gold = read(test, "sentiment")
    test_rows += len(gold)
    majority = max(LABELS, key=read(train, "sentiment").count)
    vader = run_peer(os.path.join(bench, "vader_peer.py"), [test])
    tfidf = run_peer(os.path.join(bench, "tfidf_peer.py"), [train, test, "sentiment"])
    systems = {
        "lexicon": read(os.path.join(directory, "lexicon.csv"), "label"),
        "head": read(os.path.join(directory, "head.csv"), "label"),
        "combined": read(os.path.join(directory, "combined.csv"), "label"),
        "vader": [vader["lab"](row["text"]) for row in vader["rows"]],
        "tfidf_lr": list(tfidf["pred"]),
        "majority": [majority] * len(gold),
    }
    for system, predicted in systems.items():
        assert len(predicted) == len(gold), system
        accuracy, macro_f1 = metrics(gold, predicted)
        emit(f"sentiment.airline.{system}.fold{fold}.accuracy", accuracy, "%")
        emit(f"sentiment.airline.{system}.fold{fold}.macro_f1", macro_f1, "%")
        totals.setdefault(system, []).append((accuracy, macro_f1))

means = {}
for system, scores in totals.items():
    means[system] = (sum(a for a, _ in scores) / len(scores), sum(f for _, f in scores) / len(scores))
    emit(f"sentiment.airline.{system}.mean.accuracy", means[system][0], "%")
    emit(f"sentiment.airline.{system}.mean.macro_f1", means[system][1], "%")
for ours in ("lexicon", "head", "combined"):
    for peer in ("vader", "tfidf_lr"):
        emit(f"ratio.sentiment.airline.{ours}.accuracy.vs_{peer}", means[ours][0] / means[peer][0], "ratio")
        emit(f"ratio.sentiment.airline.{ours}.macro_f1.vs_{peer}", means[ours][1] / means[peer][1], "ratio")
if args.lexicon_seconds:
    emit("sentiment.airline.lexicon.throughput", test_rows / args.lexicon_seconds, "messages/s")


def seconds(fold, name):
    with open(os.path.join(args.out, f"fold{fold}", name)) as handle:
        return float(handle.read())


training = [seconds(fold, "train-seconds") for fold in range(args.folds)]
emit("sentiment.airline.head.training_seconds_per_fold", sum(training) / len(training), "s")
combined = sum(seconds(fold, "combined-seconds") for fold in range(args.folds))
emit("sentiment.airline.combined.throughput", test_rows / combined, "messages/s")
