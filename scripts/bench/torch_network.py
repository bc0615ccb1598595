#!/usr/bin/env python3
"""PyTorch peer for `chatbot bench --suite training,inference`: the GPT-style model of
../shared/bench/torch_peer.py (vocabulary 8,000, 4 heads, ff 4d, tied LM head, intent head of 77)
timed as ours is: AdamW training steps at batch 64 x seq 32 (LM + intent loss), batch-1
classification of 16 tokens, greedy generation of 32 tokens after a 16-token prompt with the
KV cache. Plain medians (no waiting for a quiet machine). Prints JSON lines named like ours,
prefixed `torch.`.

Usage: python torch_network.py [--shared ../shared] [--shapes 128x2,256x4] [--threads 2]
       [--steps 15] [--calls 300] [--runs 15] [--skip train,infer]
"""
import argparse
import json
import os
import statistics
import sys
import time

import torch
import torch.nn.functional as F

ap = argparse.ArgumentParser()
ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
ap.add_argument("--shapes", default="128x2,256x4")
ap.add_argument("--threads", type=int, default=2)
ap.add_argument("--steps", type=int, default=15)
ap.add_argument("--calls", type=int, default=300)
ap.add_argument("--runs", type=int, default=15)
ap.add_argument("--skip", default="")
args = ap.parse_args()
sys.path.insert(0, os.path.join(args.shared, "bench"))
from torch_peer import GPTClassifier, N_CLASSES, VOCAB, flops_per_token, generate  # noqa: E402

BATCH, SEQ, PROMPT, NEW = 64, 32, 16, 32
skip = set(s for s in args.skip.split(",") if s)
torch.set_num_threads(args.threads)


def emit(name, value, unit):
    print(json.dumps({"name": f"torch.{name}", "value": round(value, 6), "unit": unit}), flush=True)


def median_seconds(fn, warm, runs):
    for _ in range(warm):
        fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


for shape in args.shapes.split(","):
    d, layers = (int(x) for x in shape.split("x"))
    name = f"d{d}x{layers}"
    torch.manual_seed(0)
    model = GPTClassifier(d, layers)
    if "train" not in skip:
        opt = torch.optim.AdamW(model.parameters(), lr=3e-4, weight_decay=0.01)
        g = torch.Generator().manual_seed(0)
        data = torch.randint(0, VOCAB, (BATCH, SEQ + 1), generator=g)
        labels = torch.randint(0, N_CLASSES, (BATCH,), generator=g)
        model.train()

        def step():
            lm, cl = model(data[:, :-1])
            loss = F.cross_entropy(lm.reshape(-1, VOCAB), data[:, 1:].reshape(-1)) + F.cross_entropy(cl, labels)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            loss.item()

        ts = median_seconds(step, 3, args.steps)
        med = statistics.median(ts)
        emit(f"training.{name}.tokens_per_s", BATCH * SEQ / med, "tokens/s")
        emit(f"training.{name}.step_ms", med * 1e3, "ms")
        emit(f"training.{name}.gflops", BATCH * SEQ / med * 3 * flops_per_token(d, layers, SEQ) / 1e9, "GFLOP/s")
    if "infer" not in skip:
        model.eval()
        ids = torch.randint(0, VOCAB, (1, PROMPT), generator=torch.Generator().manual_seed(1))
        with torch.inference_mode():
            ts = median_seconds(lambda: int(model.classify(ids).argmax()), 10, args.calls)
            emit(f"inference.{name}.classify_ms", statistics.median(ts) * 1e3, "ms")
            emit(f"inference.{name}.classify_p99_ms", sorted(ts)[int(0.99 * (len(ts) - 1))] * 1e3, "ms")
            ts = median_seconds(lambda: generate(model, ids, NEW, True), 2, args.runs)
            emit(f"inference.{name}.generate_ms_per_token", statistics.median(ts) * 1e3 / NEW, "ms")
