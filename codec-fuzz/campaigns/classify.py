#!/usr/bin/env python3
"""Maps the root-cause groups of a gateway-role campaign (its report.json) to the numbered root causes
of FINDINGS.md, by the rules below, each taken from reading reproducers of that cause. A group no
rule covers is printed as "unclassified" with its detail: read its reproducer, then either add a rule
(a known cause) or write a new root cause.

Usage: classify.py REPORT.json [REPORT.json...]   prints per report: root cause -> cases (groups)."""
import collections
import os
import json
import re
import sys

NEW_OPS_WRONG_TYPE = ("new_jvm_view", "dir_class", "dir", "list_len", "map_len", "set_len", "array_len")


def answered(folder, g):
    """The start of the answer the reproducer gave, as its "# bytes as text" line shows it (JSON-quoted,
    cut when long), or ''."""
    try:
        with open(os.path.join(folder, g["reproducer"]), encoding="utf-8") as f:
            for line in f:
                if line.startswith("# bytes as text: "):
                    return line[len("# bytes as text: "):].lstrip('"')
    except OSError:
        pass
    return ""


def cause(g, folder):
    o, sig, d = g["outcome"], g["signature"], g["detail"]
    kind, how = sig.split()[1], sig.split()[2]
    if o == "DUPLICATE":
        return "10"
    if o == "TIMEOUT":
        return "13"
    if o == "MISREAD":
        if kind == "list_iter" and how.startswith("fault"):
            return "22"
        if how in ("fault-close-mid",):
            return "11"
        return None
    if o == "DESYNC":
        return "17" if "extra command" in d else "14"
    if o == "NONCONFORMING":
        if kind == "dir_jvm" and "_fqn" in d:
            return "21"
        if re.search(r"keySet|iterator|\\nnext\\n|toString", d) or re.match(r"!x[lahtg]", answered(folder, g)):
            return "23"  # an error answer carrying a collection: building the error calls Java
        if kind.endswith("_contains") and "\\nsize\\n" in d:
            return "24"  # `in` takes bool() of a collection answered where a boolean belongs: len() calls size
        if "!xn" in d or "!x" in d and "client_server" in sig:
            return "17"
        if kind in NEW_OPS_WRONG_TYPE and "split" in d:
            return "24"
        return None
    if o == "UNDOCUMENTED_EXCEPTION":
        wrong_type_used = kind in NEW_OPS_WRONG_TYPE or " lookup " in sig  # a size or an iterator of another type
        if wrong_type_used and how == "generated" and re.search(r"AttributeError|TypeError|__len__", d):
            return "24"
        if re.search(r"KeyError|IndexError|ValueError|binascii|UnicodeDecodeError|decimal\.", d):
            return "12"
        return None
    if o == "UNPARSEABLE" and re.search(r"m\\nd\\n[^\\]*\\r", d):
        return "26"  # an object id holding a CR, taken from an answer, sent back in the client's release
    if o == "STRAY_CONNECTION":
        return "18 or no replay"
    return None


def main(paths):
    for p in paths:
        r = json.load(open(p))
        cases, groups, unknown = collections.Counter(), collections.Counter(), []
        for g in r["findings"]:
            c = cause(g, os.path.dirname(p))
            if c is None:
                unknown.append(g)
                c = "unclassified"
            cases[c] += g["count"]
            groups[c] += 1
        print(p, "|", r["cases"], "cases |", ", ".join(f"{k}: {cases[k]} ({groups[k]})" for k in sorted(cases)))
        for g in unknown:
            print("   unclassified:", g["signature"], "|", g["reproducer"], "|", g["detail"][:200])


if __name__ == "__main__":
    main(sys.argv[1:])
