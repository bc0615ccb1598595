"""PyTorch peer of `chatbot bench --suite block`: forward + backward of one pre-LN GPT-2 block
(d=256, 4 heads, seq 32, batch 64, exact GELU) on the CPU, median ms per step after warm-up.

Run: /tmp/peers-venv/bin/python scripts/bench/torch_transformer_block.py [threads ...]
Prints JSON lines named like the Swift records with a `torch.` prefix.
"""
import json
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class Block(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.heads = heads
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.qkv, self.proj = nn.Linear(d, 3 * d), nn.Linear(d, d)
        self.fc, self.out = nn.Linear(d, 4 * d), nn.Linear(4 * d, d)

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
        q, k, v = (z.view(b, t, self.heads, d // self.heads).transpose(1, 2) for z in (q, k, v))
        y = F.scaled_dot_product_attention(q, k, v, is_causal=True)
        x = x + self.proj(y.transpose(1, 2).reshape(b, t, d))
        return x + self.out(F.gelu(self.fc(self.ln2(x))))


def main():
    threads = [int(a) for a in sys.argv[1:]] or [1, 2]
    torch.manual_seed(0)
    block = Block(256, 4)
    x = torch.randn(64, 32, 256, requires_grad=True)
    g = torch.randn(64, 32, 256) * 0.01
    for n in threads:
        torch.set_num_threads(n)
        times = []
        for step in range(18):
            start = time.perf_counter()
            block(x).backward(g)
            if step >= 3:
                times.append(time.perf_counter() - start)
        ms = statistics.median(times) * 1000
        for name, value, unit in [("ms_per_step", ms, "ms"), ("us_per_token", ms * 1000 / 2048, "us")]:
            print(json.dumps({"name": f"torch.block.forward_backward.{name}.threads{n}", "value": round(value, 4), "unit": unit}))


if __name__ == "__main__":
    main()
