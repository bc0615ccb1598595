#!/usr/bin/env python3
"""PyTorch peer for `chatbot bench --suite block`: forward + backward of one pre-LN transformer
block (the `Block` of ../shared/bench/torch_peer.py: d=256, 4 heads, ff 4d, GELU, biases), batch
64 x seq 32, loss = sum(y * w) so the output gradient is a fixed tensor, as in our benchmark.
Prints JSON lines {"name","value","unit"} with names matching ours, prefixed `torch.`.

Usage: python torch_block.py [--shared ../shared] [--threads 1,2] [--steps 30]
"""
import argparse
import json
import os
import statistics
import sys
import time

import torch

ap = argparse.ArgumentParser()
ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared"))
ap.add_argument("--threads", default="1,2")
ap.add_argument("--steps", type=int, default=30)
args = ap.parse_args()
sys.path.insert(0, os.path.join(args.shared, "bench"))
from torch_peer import Block  # noqa: E402

D, HEADS, BATCH, SEQ = 256, 4, 64, 32
torch.manual_seed(0)
block = Block(D, HEADS)
x = torch.randn(BATCH, SEQ, D, requires_grad=True)
w = torch.randn(BATCH, SEQ, D)


def step():
    block.zero_grad(set_to_none=False)
    x.grad = None
    y = block(x)
    (y * w).sum().backward()


for threads in (int(t) for t in args.threads.split(",")):
    torch.set_num_threads(threads)
    for _ in range(5):
        step()
    times = []
    for _ in range(args.steps):
        t0 = time.perf_counter()
        step()
        times.append(time.perf_counter() - t0)
    ms = statistics.median(times) * 1e3
    for name, value, unit in [
        (f"torch.block.forward_backward.ms_per_step.threads{threads}", ms, "ms"),
        (f"torch.block.forward_backward.us_per_token.threads{threads}", ms * 1e3 / (BATCH * SEQ), "us"),
    ]:
        print(json.dumps({"name": name, "value": round(value, 4), "unit": unit}), flush=True)
