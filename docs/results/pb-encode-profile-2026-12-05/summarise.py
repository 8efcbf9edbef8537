#!/usr/bin/env python3
"""Summarises `jfr print --json --events jdk.ExecutionSample` (argument 1; argument 2 the benchmark
method, default CodecBench.encode) by frames: self (top of stack), self by
line, and inclusive (any depth, once per sample). Only samples inside the benchmark method count."""
import collections
import json
import sys

BENCH = sys.argv[2] if len(sys.argv) > 2 else "CodecBench.encode"


def name(frame):
    m = frame["method"]
    return m["type"]["name"].split("/")[-1].replace("$", ".") + "." + m["name"]


def main(path):
    with open(path) as f:
        events = json.load(f)["recording"]["events"]
    self_m, self_l, incl = collections.Counter(), collections.Counter(), collections.Counter()
    total = 0
    for e in events:
        st = e["values"].get("stackTrace")
        if not st:
            continue
        frames = st["frames"]
        names = [name(fr) for fr in frames]
        if not any(n.startswith(BENCH) for n in names):
            continue
        total += 1
        top = frames[0]
        self_m[names[0]] += 1
        self_l["%s:%s" % (names[0], top.get("lineNumber"))] += 1
        for n in set(names):
            incl[n] += 1
    print("samples in %s: %d" % (BENCH, total))
    if not total:
        return
    for title, counter, k in (("self, by method", self_m, 25), ("self, by line", self_l, 25),
                              ("inclusive (share of samples with the frame anywhere in the stack)", incl, 40)):
        print("\n%s:" % title)
        for n, c in counter.most_common(k):
            print("  %5.1f%%  %6d  %s" % (100.0 * c / total, c, n))


if __name__ == "__main__":
    main(sys.argv[1])
