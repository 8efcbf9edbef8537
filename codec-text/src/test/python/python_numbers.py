#!/usr/bin/env python3
"""What CPython reads from number text: int(s), float(s) and decimal.Decimal(s).

py4j's Python side reads the 'i'/'L', 'd' and 'D' parts with exactly these three calls
(py4j/protocol.py, OUTPUT_CONVERTER). This script is the oracle for the Java class
io.py4jcodec.text.format.PythonNumberSyntax:

  python3 python_numbers.py generate OUT.json   writes the committed vectors (every white-space and
                                                control code point, every decimal digit CPython knows,
                                                the edge cases), with provenance
  python3 python_numbers.py eval                reads a JSON array of strings on stdin, writes a JSON
                                                array of readings on stdout (the differential test)
  python3 python_numbers.py repr                reads a JSON array of IEEE 754 bit patterns (16 hex
                                                digits) on stdin, writes the JSON array of their repr()
                                                (the other way: PythonFloatFormat's differential test)

A reading is {"int": R, "float": R, "decimal": R} where R is {"error": "<exception class>"} or:
  int      {"value": "<decimal digits>"}
  float    {"bits": "<16 hex digits of the IEEE 754 bit pattern>"}
  decimal  {"sign": 0|1, "digits": "<coefficient>", "exp": <int>} for finite values,
           {"sign": 0|1, "special": "NaN"|"sNaN"|"Infinity"} otherwise.
"""
import datetime
import decimal
import json
import platform
import struct
import sys
import unicodedata


def read_int(s):
    try:
        return {"value": str(int(s))}
    except ValueError as e:
        return {"error": type(e).__name__}


def read_float(s):
    try:
        return {"bits": "%016x" % struct.unpack("<Q", struct.pack("<d", float(s)))[0]}
    except ValueError as e:
        return {"error": type(e).__name__}


def read_decimal(s):
    try:
        d = decimal.Decimal(s)
    except decimal.InvalidOperation as e:
        return {"error": type(e).__name__}
    t = d.as_tuple()
    if isinstance(t.exponent, str):
        return {"sign": t.sign, "special": {"n": "NaN", "N": "sNaN", "F": "Infinity"}[t.exponent]}
    return {"sign": t.sign, "digits": "".join(map(str, t.digits)), "exp": t.exponent}


def reading(s):
    return {"int": read_int(s), "float": read_float(s), "decimal": read_decimal(s)}


def digit_zeros():
    """The first code point of every run of ten decimal digits CPython's tables know (0..9)."""
    return [c for c in range(sys.maxunicode + 1) if unicodedata.decimal(chr(c), -1) == 0]


def space_like():
    """Every code point str.isspace() accepts, plus every control, format and separator character."""
    return [c for c in range(sys.maxunicode + 1)
            if chr(c).isspace() or unicodedata.category(chr(c)) in ("Cc", "Cf", "Zs", "Zl", "Zp")]


# Decimal digits newer than CPython 3.11's Unicode 14.0 (a JDK on a newer Unicode reads them as digits),
# and look-alikes that are not decimal digits at all.
NOT_311_DIGITS = [0x11F50, 0x11F55, 0x1E4F0, 0x1E4F5, 0x16D70, 0x16D75, 0x116D0, 0x1CCF0,
                  0x00B2, 0x2155, 0x2460, 0x066B, 0x066C, 0x0F33, 0x1369, 0x3405, 0xFF0E, 0x2212]

EDGE_CASES = [
    "", "0", "-0", "+0", "00", "007", "+5", "-5", " -5 ", "- 5", "+ 5", "+-1", "--1", "5 5",
    "1_0", "1__0", "_1", "1_", "+_1", "-_1", "_", "1_2_3", "0_0", "0_", "1_.5", "1._5", "1e_5", "1e5_",
    "1_e5", "1.5_", "_1.5", "1_000.000_1e1_0", " _5_ ", "_ 5", "in_f", "N_aN", "1_0e1_0",
    "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
    "18446744073709551616", "1" * 4300, "1" * 4301, "-" + "1" * 4300, "0" * 4301, "1_" * 4299 + "1",
    "1_" * 4300 + "1", " " + "9" * 4300 + " ",
    ".", ".5", "5.", "-.5", "+.5", "1.e5", ".e5", "e5", "E5", "1e", "1e+", "1e-", "1e5.5", "1.2.3",
    "1e5", "1E5", "1e+05", "1E-0005", "1e0000000000000000000000005", "0x10", "0X10", "0o7", "0b1",
    "0x1p3", "1.5d", "1.5f", "1.5D", "1L", "1j", "1,5",
    "inf", "INF", "Inf", "-inf", "+inf", "infinity", "INFINITY", "iNfInItY", "-Infinity", "infinit",
    "infinity1", "infinityy", "in f", "in", "i", "inf1", "-+inf",
    "nan", "NaN", "NAN", "-nan", "+nan", "nan(1)", "nanq", "nan1", "nan123", "NaN0001", "-nan5",
    "nan" + "1" * 40, "nan1.5", "nane5", "snan", "sNaN", "-sNaN", "+snan", "snan5", "snan1e5", "qnan",
    "1e400", "-1e400", "1e-400", "1e99999999999999999999", "1" + "0" * 400, "0." + "0" * 400 + "1",
    "1.7976931348623157e308", "1.7976931348623158e308", "1.7976931348623159e308",
    "2.4703282292062327e-324", "2.4703282292062328e-324", "4.9E-324", "9.999999999999999E22",
    "0.1000000000000000055511151231257827021181583404541015625", "9007199254740993",
    "1e2147483647", "1e2147483648", "1e-2147483648", "1e-2147483649", "12e-2147483648",
    "1e999999999999999999", "1e1000000000000000000", "1e-999999999999999999", "1e-1000000000000000000",
    "0e999999999999999999", "0e1000000000000000000", "0.0e1000000000000000000", "001e999999999999999999",
    "12e999999999999999998", "123e999999999999999998", "0e-1999999999999999997", "0e-1999999999999999998",
    "1e-1999999999999999997", "1e-1999999999999999998", "10e-1999999999999999998", "0.1e-1999999999999999996",
    "1e-99999999999999999999999999", "1e99999999999999999999999999", "0e99999999999999999999999999",
    "0.000", "-0.000", "-0e5", "1E+3", "1000", "0.00001", "1E-7", "-0.0", "-0E-7",
    "\u0661.5", "\uff11", "\uff11\uff10", "\U0001d7d3", "\U0001d7d3.\U0001d7d3", "\U00016ac5",
    "1e\u0663", "\u0665e\u0663", "\u0661_\u0662", "\u0661\u066b\u0665", "\u0665" * 4300, "\u0665" * 4301,
    "5\x00", "\x005", "\x00", "\x7f5", "5\x7f", "1.5 \u00e9", "\ufeff5", "\u200b5", "\u180e5",
    "\t\n\x0b\x0c\r1\r", "1\u00a05", "\u00a0", "\u00a0nan\u3000", "\u20031.5\u3000", "\x851.5\u2028",
]


def inputs():
    out = list(EDGE_CASES)
    for c in space_like():
        w = chr(c)
        out += [w, w + "5", "5" + w, w + "5" + w, "1" + w + "5", w + "-1.5e3", w + "nan", "in" + w + "f",
                w + "_5", "5_" + w]
    for z in digit_zeros():
        for d in (0, 5, 9):
            c = chr(z + d)
            out += [c, "1" + c, c + ".5", "1e" + c, "-" + c + "_" + c]
    for c in NOT_311_DIGITS:
        out += [chr(c), "1" + chr(c)]
    seen = set()
    return [s for s in out if not (s in seen or seen.add(s))]


def generate(path):
    vectors = [dict(input=s, **reading(s)) for s in inputs()]
    doc = {
        "provenance": {
            "generator": "codec-text/src/test/python/python_numbers.py generate",
            "python": sys.version.split()[0],
            "implementation": platform.python_implementation(),
            "unicodedata": unicodedata.unidata_version,
            "decimal": "libmpdec " + getattr(decimal, "__libmpdec_version__", "(pure Python _pydecimal)"),
            "int_max_str_digits": sys.get_int_max_str_digits(),
            "date": datetime.date.today().isoformat(),
        },
        "digitZeros": digit_zeros(),
        "isspace": [c for c in range(sys.maxunicode + 1) if chr(c).isspace()],
        "vectors": vectors,
    }
    with open(path, "w", encoding="ascii") as f:
        # one vector a line, so that a regenerated file diffs line by line
        head = {k: v for k, v in doc.items() if k != "vectors"}
        f.write(json.dumps(head, ensure_ascii=True)[:-1] + ', "vectors": [\n')
        f.write(",\n".join(json.dumps(v, ensure_ascii=True) for v in vectors))
        f.write("\n]}\n")
    print("wrote %d vectors to %s" % (len(vectors), path))


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "generate":
        generate(sys.argv[2])
    elif len(sys.argv) == 2 and sys.argv[1] == "eval":
        strings = json.load(sys.stdin)
        json.dump([reading(s) for s in strings], sys.stdout, ensure_ascii=True)
    elif len(sys.argv) == 2 and sys.argv[1] == "repr":
        bits = json.load(sys.stdin)
        json.dump([repr(struct.unpack("<d", struct.pack("<Q", int(b, 16)))[0]) for b in bits], sys.stdout)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
