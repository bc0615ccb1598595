#!/usr/bin/env python3
"""Reads benchmark JSON lines on stdin, echoes them, and adds one ratio line per figure that a
peer also measured: a peer line is named `PEER.NAME` (e.g. `torch.block…`) beside our `NAME`.
Ratio = ours / peer, so below 1 means we are faster for times and slower for rates.

Usage: (ours; peer) | python3 ratios.py PEER
"""
import json
import sys

peer = sys.argv[1]
records = {}
for line in sys.stdin:
    line = line.strip()
    if not line.startswith("{"):
        continue
    print(line)
    record = json.loads(line)
    records[record["name"]] = record
for name, record in records.items():
    if name.startswith(peer + "."):
        ours = records.get(name[len(peer) + 1:])
        if ours and record["value"]:
            print(json.dumps({"name": f"ratio.{name[len(peer) + 1:]}.vs_{peer}",
                              "value": round(ours["value"] / record["value"], 4), "unit": "ratio"}))
