#!/usr/bin/env python3
"""Merges the "codec-text targets" tables of several report folders into one: one row per target,
one column per run (its measured value, and "no" where missed). Usage: table.py LABEL=DIR..."""
import sys


def targets(folder):
    rows, on = {}, False
    with open(folder + "/report.md", encoding="utf-8") as f:
        for line in f:
            if line.startswith("## codec-text targets"):
                on = True
            elif line.startswith("## ") and on:
                break
            elif on and line.startswith("| ") and not line.startswith("| target"):
                what, measured, met = [c.strip() for c in line.strip().strip("|").split("|")]
                rows[what] = measured + ("" if met == "yes" else " **no**")
    return rows


def main(args):
    runs = [a.split("=", 1) for a in args]
    tables = [(label, targets(d)) for label, d in runs]
    order = []
    for _, t in tables:
        for k in t:
            base = k.split(" not slower than in ")[0] + (" not slower" if " not slower than in " in k else "")
            if base not in order:
                order.append(base)
    print("| target | " + " | ".join(label for label, _ in tables) + " |")
    print("|---|" + "---|" * len(tables))
    for base in order:
        cells = []
        for _, t in tables:
            hit = [v for k, v in t.items() if k == base or (base.endswith(" not slower") and k.startswith(base[:-len(" not slower")] + " not slower than in "))]
            cells.append(hit[0] if hit else "-")
        name = base.replace(" not slower", " not slower than the 2026-11-24 run of the same JDK") if base.endswith(" not slower") else base
        print("| " + name + " | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
