#!/usr/bin/env python3
"""Few-shot intent accuracy on Banking77: for each size (K examples per intent, or `full`) and
sample seed, draws the sample (scripts/sample-per-intent), trains ours on it (`chatbot train
--data`), scores it as users see it (`chatbot evaluate --json` on the whole test set: a message
flagged out of scope is wrong) and runs the TF-IDF + logistic regression peer on the same
sample in the same run. Prints JSON lines {"name","value","unit"}: per run, then per size the
means and the ratio ours / peer. Called by scripts/bench-fewshot, which builds and finds the peer.

Usage: fewshot.py --chatbot BIN --peer-python PY --peer-script tfidf_peer.py --data DIR --work DIR [--sizes 5,10,30,full]
                  [--seeds 1,2] [--config FILE] [--name ours]
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def emit(name, value, unit):
    print(json.dumps({"name": name, "value": round(value, 4), "unit": unit}), flush=True)


def timed(command, log):
    began = time.time()
    with open(log, "w") as handle:
        result = subprocess.run(command, stdout=subprocess.PIPE, stderr=handle, stdin=subprocess.DEVNULL, text=True)
    if result.returncode != 0:
        sys.exit(f"bench-fewshot: {' '.join(command)} failed (exit {result.returncode}); see {log}")
    return result.stdout, time.time() - began


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chatbot", required=True)
    parser.add_argument("--peer-python", required=True)
    parser.add_argument("--peer-script", required=True, help="../shared/bench/tfidf_peer.py")
    parser.add_argument("--data", required=True, help="the banking77 folder (train.csv, test.csv)")
    parser.add_argument("--work", required=True)
    parser.add_argument("--sizes", default="5,10,30,full")
    parser.add_argument("--seeds", default="1,2")
    parser.add_argument("--config", help="a model settings JSON file for chatbot train --config")
    parser.add_argument("--name", default="ours", help="the name of our system in the records")
    args = parser.parse_args()
    train_csv, test_csv = os.path.join(args.data, "train.csv"), os.path.join(args.data, "test.csv")
    peer_script = args.peer_script
    sample_script = os.path.join(HERE, "..", "sample-per-intent")
    means = {}
    for size in args.sizes.split(","):
        seeds = ["0"] if size == "full" else args.seeds.split(",")
        for seed in seeds:
            tag = f"k{size}" if size == "full" else f"k{size}.seed{seed}"
            prefix = f"fewshot.banking77.{'full' if size == 'full' else 'k' + size}"
            run = os.path.join(args.work, tag)
            os.makedirs(run, exist_ok=True)
            sample = train_csv
            if size != "full":
                sample = os.path.join(run, "sample.csv")
                subprocess.run([sample_script, train_csv, size, seed, sample], check=True, stderr=subprocess.DEVNULL)
            command = [args.chatbot, "train", "--data", sample, "--out", os.path.join(run, "model")]
            if args.config:
                command += ["--config", args.config]
            _, train_seconds = timed(command, os.path.join(run, "train.log"))
            out, _ = timed([args.chatbot, "evaluate", "--data", test_csv, "--model", os.path.join(run, "model"), "--json"],
                           os.path.join(run, "evaluate.log"))
            metrics = json.loads(out)
            peer_out, peer_seconds = timed([args.peer_python, peer_script, sample, test_csv, "category"],
                                           os.path.join(run, "peer.log"))
            peer = float(peer_out.strip())
            ours = 100 * metrics["accuracy"]
            flagged = 100 * (metrics.get("in_scope_flagged_rate") or 0)
            label = "" if size == "full" else f".seed{seed}"
            emit(f"{prefix}{label}.{args.name}.accuracy", ours, "%")
            emit(f"{prefix}{label}.{args.name}.flagged_out_of_scope", flagged, "%")
            emit(f"{prefix}{label}.{args.name}.train_seconds", train_seconds, "s")
            emit(f"{prefix}{label}.tfidf_lr.accuracy", peer, "%")
            emit(f"{prefix}{label}.tfidf_lr.train_and_predict_seconds", peer_seconds, "s")
            entry = means.setdefault(prefix, {"ours": [], "peer": [], "seconds": []})
            entry["ours"].append(ours)
            entry["peer"].append(peer)
            entry["seconds"].append(train_seconds)
    for prefix, entry in means.items():
        ours, peer = statistics.mean(entry["ours"]), statistics.mean(entry["peer"])
        emit(f"{prefix}.{args.name}.accuracy.mean", ours, "%")
        emit(f"{prefix}.tfidf_lr.accuracy.mean", peer, "%")
        emit(f"{prefix}.{args.name}.train_seconds.mean", statistics.mean(entry["seconds"]), "s")
        emit(f"ratio.{prefix}.accuracy.{args.name}.vs_tfidf_lr", ours / peer, "ratio")


if __name__ == "__main__":
    main()
