#!/usr/bin/env python3
"""Few-shot intent accuracy on Banking77: for each size (K examples per intent, or `full`) and
sample seed, draws the sample (scripts/sample-per-intent), trains ours on it (`chatbot train
--data`), scores it as users see it (`chatbot evaluate --json` on the whole test set: a message
flagged out of scope is wrong) and runs the TF-IDF + logistic regression peer on the same
sample in the same run. With --encoder DIR the same sample is also trained with
`chatbot train --encoder DIR` (records named NAME_encoder). Prints JSON lines
{"name","value","unit"}: per run, then per size the means and the ratios to the peer. Called by
scripts/bench-fewshot, which builds and finds the peer.

Usage: fewshot.py --chatbot BIN --peer-python PY --peer-script tfidf_peer.py --data DIR --work DIR [--sizes 5,10,30,full]
                  [--seeds 1,2] [--config FILE] [--name ours] [--encoder DIR]
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
    parser.add_argument("--encoder", help="a sentence encoder folder: also train each sample with --encoder DIR")
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
            label = "" if size == "full" else f".seed{seed}"
            systems = [(args.name, [])] + ([(args.name + "_encoder", ["--encoder", args.encoder])] if args.encoder else [])
            entry = means.setdefault(prefix, {"peer": [], "systems": {}})
            for name, extra in systems:
                model = os.path.join(run, name)
                command = [args.chatbot, "train", "--data", sample, "--out", model] + extra
                if args.config:
                    command += ["--config", args.config]
                _, train_seconds = timed(command, os.path.join(run, name + ".train.log"))
                out, _ = timed([args.chatbot, "evaluate", "--data", test_csv, "--model", model, "--json"],
                               os.path.join(run, name + ".evaluate.log"))
                metrics = json.loads(out)
                ours = 100 * metrics["accuracy"]
                flagged = 100 * (metrics.get("in_scope_flagged_rate") or 0)
                emit(f"{prefix}{label}.{name}.accuracy", ours, "%")
                emit(f"{prefix}{label}.{name}.flagged_out_of_scope", flagged, "%")
                emit(f"{prefix}{label}.{name}.train_seconds", train_seconds, "s")
                emit(f"{prefix}{label}.{name}.model_megabytes", folder_megabytes(model), "MB")
                system = entry["systems"].setdefault(name, {"accuracy": [], "seconds": []})
                system["accuracy"].append(ours)
                system["seconds"].append(train_seconds)
            peer_out, peer_seconds = timed([args.peer_python, peer_script, sample, test_csv, "category"],
                                           os.path.join(run, "peer.log"))
            peer = float(peer_out.strip())
            emit(f"{prefix}{label}.tfidf_lr.accuracy", peer, "%")
            emit(f"{prefix}{label}.tfidf_lr.train_and_predict_seconds", peer_seconds, "s")
            entry["peer"].append(peer)
    for prefix, entry in means.items():
        peer = statistics.mean(entry["peer"])
        emit(f"{prefix}.tfidf_lr.accuracy.mean", peer, "%")
        for name, system in entry["systems"].items():
            ours = statistics.mean(system["accuracy"])
            emit(f"{prefix}.{name}.accuracy.mean", ours, "%")
            emit(f"{prefix}.{name}.train_seconds.mean", statistics.mean(system["seconds"]), "s")
            emit(f"ratio.{prefix}.accuracy.{name}.vs_tfidf_lr", ours / peer, "ratio")


def folder_megabytes(folder):
    """The size of the files under `folder` in MB (hard-linked encoder weights counted once each)."""
    seen, total = set(), 0
    for root, _, files in os.walk(folder):
        for name in files:
            status = os.stat(os.path.join(root, name))
            if (status.st_dev, status.st_ino) not in seen:
                seen.add((status.st_dev, status.st_ino))
                total += status.st_size
    return total / 1e6


if __name__ == "__main__":
    main()
