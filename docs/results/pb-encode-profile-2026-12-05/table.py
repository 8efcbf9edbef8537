#!/usr/bin/env python3
"""The split tables of README.md from the parts-* and encode-* files: each cell 'run a / run b' (sample-mode medians, ns per workload of 16 messages)."""
import os
import re

DIR = os.path.dirname(os.path.abspath(__file__))
ROW = re.compile(r"^(?:EncodePartsBench|CodecBench)\.(\w+):p0.50\s+(?:(\S+)\s+)?(\S+)\s+sample\s+([\d.]+)")


def read(name):
    out = {}
    path = os.path.join(DIR, name)
    if not os.path.exists(path):
        return out
    for line in open(path):
        m = ROW.match(line)
        if m:
            bench, contender, workload, ns = m.groups()
            key = contender if bench == "encode" else bench
            out[(key, workload)] = int(float(ns))
    return out


def cell(kind, jdk, when, key, workload):
    vals = [read("%s-%s-%s-%s.txt" % (kind, jdk, when, r)).get((key, workload)) for r in "ab"]
    return " / ".join("-" if v is None else str(v) for v in vals)


def table(kind, keys, workload):
    print("| %s, %s | JDK 17 before | JDK 17 after | JDK 25 before | JDK 25 after |" % (kind, workload))
    print("|---|---:|---:|---:|---:|")
    for k in keys:
        print("| %s | %s |" % (k, " | ".join(cell(kind, j, w, k, workload) for j in ("17", "25") for w in ("before", "after"))))
    print()


for w in ("pyspark-mix", "small-strings"):
    table("encode", ["text", "pb-direct", "pb-floor", "pb-parse"], w)
    table("parts", ["full", "passesShared", "sizePass", "writePass", "ids", "stringLengths", "stringLengthsProtobuf",
                    "stringWrites", "floorSizePass", "floorEncode"], w)
