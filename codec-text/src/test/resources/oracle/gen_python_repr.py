#!/usr/bin/env python3
"""Generate python-float-repr.txt: the oracle for PythonFloatFormat.

Each line is "<16 hex digits of the IEEE-754 bits> <repr(x)>", one finite double per line, no
duplicates. The file is produced by real CPython (repr uses David Gay's dtoa, mode 0), so it is the
reference the Java formatter must reproduce byte for byte.

Usage (from anywhere):  python3 gen_python_repr.py [output-file]
Default output: python-float-repr.txt next to this script. The generator is seeded and
deterministic: re-running it on the same CPython version gives the same file.

Generated with CPython 3.11 (float repr has been stable since 3.1; sys.float_repr_style must
be 'short').
"""

import math
import os
import random
import struct
import sys

SEED = 20240917

# Values for which JDK 17's Double.toString disagrees with repr().
# JDK17_LONGER_REPRS: examples_java_longer from vectors/cross_checks.json (record 2, a
# cross-check of 33,009 doubles; the record lists 10 of its 96 cases, 1e+23 twice).
# JDK17_BITS: found by scanning 2,000,000 seeded random doubles on JDK 17.0.15: the first
# 101 have more significant digits in Java than in repr (nearly all between 2^54 and 2^64,
# e.g. 8.7134462670075617E18 vs 8.713446267007562e+18), the last 30 have as many digits but
# not the closest ones (e.g. 2.3024971291726834E25 vs 2.3024971291726835e+25).
JDK17_LONGER_REPRS = [
    "1e+23", "2e+23", "8.41e+21", "2.82879384806159e+17", "5e-324",
    "-4.095807688793271e+16", "-7.396566818922267e+17", "2.0910647876915123e+17",
    "9.81095827271352e+17",
]
JDK17_BITS = [
    0x43c7a12b190ef5e0, 0x43bd4ef987b10c71, 0x43856093eea6a1ac, 0x43a121f7472354de,
    0x4351fcea779bc01c, 0x43cfa1652464d078, 0x43538c77d81cf24a, 0x43580644b9d0c63a,
    0x4387608d76c18b18, 0x43b8d5000f6be7cb, 0x43d0f3ce690e3f86, 0x43763f8b34b2b72f,
    0x43be091d4f96aeb3, 0x439858e0a6818aa9, 0x43a31e92ac9cdf97, 0x438331657cc2da66,
    0x43bff7450905e5d6, 0x43642606ebc39280, 0x43b96e9822075659, 0x43a2a74a4ed6ab39,
    0x43651bd6dc7f7a16, 0x437af2b3cc373643, 0x4371deddb6344ae4, 0x43a5327e16c77ba3,
    0x43a900eebbf98521, 0x438b4010a68c851b, 0x438bb99af8fb3f8b, 0x435d7c357005f7d0,
    0x43d2a19e8e3c1bab, 0x43b312958cdc05db, 0x43b5294f3f32e3c3, 0x43c90a42206dcc04,
    0x436774e47d0dfc8c, 0x437de2efc1776541, 0x43c2bbdc0aeabe7d, 0x438a24ebb8185903,
    0x438afc836b6f93f4, 0x43a2c17fb4193f3c, 0x43c73c9b78773468, 0x43a683040f65907e,
    0x4386d57b4ff78b8c, 0x43bc48a052bd4b9a, 0x43a58b9421c0957b, 0x437307bf9d22b417,
    0x439ec5cf1dd649e5, 0x43b907ca39b98e62, 0x439890be1be25b00, 0x437c0349fa8b3850,
    0x43d3ce2e02f98f05, 0x43aaf787794fd31c, 0x43b33c17c98c1c99, 0x43746155aef6ef26,
    0x43bcded6ff8f7dde, 0x4384a4466a1199ab, 0x43aad35ed9a24c4d, 0x437f1a9a49703a7b,
    0x43a03e19d6900b7a, 0x43bef02b432f4e01, 0x437d259dfba26a33, 0x438430400341a1e6,
    0x43869b53eafd4160, 0x43d090433e9da2bf, 0x43592747776fb4e4, 0x4378bf4607b882e6,
    0x43b82cda4fb3390b, 0x435e57e735ad2592, 0x4360445067b9065a, 0x43d17c544a543af8,
    0x4387f4399fda7a5d, 0x43a3111562abd7c3, 0x43673dae292d2934, 0x43832cb05d030826,
    0x43dc5b68bb74140d, 0x439967288e4590b6, 0x43d5fd7e40b20236, 0x438a92716d3f29f4,
    0x43d1393cbf153342, 0x437c499e1dacbce2, 0x43ce4d4f96d254bf, 0x43a7aec7e95a6662,
    0x43aba07e7d63d2bb, 0x43d223b0c44acb84, 0x43719d90bf2afcc1, 0x437fae23fa03924f,
    0x438b6e80d6807cfd, 0x438ea48025c244bf, 0x43c2f24bad4e41a7, 0x43d29a3c5c6e9eab,
    0x43706141aafabece, 0x4358837f53bf6100, 0x43bb8a833e19b878, 0x43900fdf818ce667,
    0x43cf2ff7e22607eb, 0x43cafd943ecc93ed, 0x43accea5b8e8739f, 0x43b6bfd8cbbdf43e,
    0x43b4bc4e41c6144f, 0x43b8a1696edae860, 0x4392391727f3dc0c, 0x439f6aceee0d8889,
    0x440eb24883053d64, 0x45330bba31de1b55, 0x453fca4df4065abc, 0x453cee8b12955e6b,
    0x453279c691034b16, 0x453acf3a3d7a446e, 0x4537a15260b6df67, 0x453a93b2d91f70cd,
    0x453d7590bd3e03f4, 0x45367719a2522153, 0x453f104ef8e5881c, 0x45319a04bf8b9c00,
    0x453cdecef7bb6170, 0x453c4fd6a79fcf10, 0x453740f647e5c405, 0x453d8bfdacdcb579,
    0x4534dc424d1ed538, 0x453d91632d6236cf, 0x453da170b9df8641, 0x4536ebfac64a2b60,
    0x453d86aac1c7befe, 0x453f250f1c988ee6, 0x453feef8a6ca579f, 0x453e418fcc3e1dcc,
    0x4535d2e1981a66f0, 0x4531c8b47a608a0b, 0x45392818531f4cbc, 0x4531af4be09c5e14,
    0x4535f09f0cfd5bb2, 0x4533dcffdb1f889e, 0x45313ee7f45b895b,
]


def bits_of(x):
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def float_of(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def main():
    if sys.float_repr_style != "short":
        sys.exit("this CPython does not use the short float repr")
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "python-float-repr.txt")
    rnd = random.Random(SEED)
    values = []  # (bits) in insertion order, deduplicated below

    def add(x):
        if math.isfinite(x):
            values.append(bits_of(x))

    def add_with_neighbours(x, n=1):
        if not math.isfinite(x):
            return
        add(x)
        up = down = x
        for _ in range(n):
            up = math.nextafter(up, math.inf)
            down = math.nextafter(down, -math.inf)
            add(up)
            add(down)

    # 1. Special and boundary values.
    specials = [
        0.0, -0.0, 5e-324, -5e-324, 1e-323, 1.5e-323, 2e-323,
        2.2250738585072014e-308,            # MIN_NORMAL
        float_of(0x000FFFFFFFFFFFFF),       # largest subnormal
        float_of(0x0010000000000001),
        1.7976931348623157e308, -1.7976931348623157e308,  # MAX_VALUE
        1.5, 0.1, 0.2, 0.3, 0.1 + 0.2, 1 / 3, 2 / 3, math.pi, math.e, 123456789.0,
        1e22, 1e23, 2e23, 9007199254740992.0, 9007199254740993.0, 4503599627370496.0,
        1e15, 1e16, 1e17, 9999999999999998.0, 9999999999999999.0, 999999999999999.9,
        1e-4, 1e-5, 9.99e-5, 9.999999999999999e-5, 0.00009999999999999999, 0.0001000000000000001,
        1e-3, 0.001, 0.01, 1e-7, 1e300, 1e-300, 2.0 ** 63, 2.0 ** 64, 2.0 ** 53 - 1,
    ]
    for x in specials:
        add_with_neighbours(x, 5)
        add_with_neighbours(-x, 1)

    # 2. Powers of ten 1e-325 .. 1e308 and of two 2^-1074 .. 2^1023, with neighbours.
    for e in range(-325, 309):
        add_with_neighbours(float("1e%d" % e), 1)
    for e in range(-1074, 1024):
        add_with_neighbours(math.ldexp(1.0, e), 1)

    # 3. Around the fixed / scientific switch: several ulps either side.
    for x in (1e16, 1e-4, 1e15, 1e-5, 1e17, 1e-3):
        add_with_neighbours(x, 40)

    # 4. The JDK 17 disagreement examples.
    for r in JDK17_LONGER_REPRS:
        add(float(r))
    for b in JDK17_BITS:
        add(float_of(b))

    # 5. Random bit patterns: any finite double, then subnormals, then tiny subnormals.
    def random_finite_bits():
        while True:
            b = rnd.getrandbits(64)
            if (b >> 52) & 0x7FF != 0x7FF:
                return b
    for _ in range(6500):
        values.append(random_finite_bits())
    for _ in range(1500):
        values.append((rnd.getrandbits(1) << 63) | rnd.getrandbits(52))
    for _ in range(600):
        values.append((rnd.getrandbits(1) << 63) | rnd.getrandbits(rnd.randint(1, 14)))
    # random doubles in [1e15, 1e19) (decpt 16..20: many JDK 17 disagreements live there)
    for _ in range(1000):
        add(rnd.uniform(1e15, 1e19) * rnd.choice((1, -1)))

    # 6. "Nice" decimals: rounded uniforms, short digit strings at every exponent, integers.
    for _ in range(3000):
        k = rnd.randint(0, 12)
        add(round(rnd.uniform(-1e6, 1e6), k))
    for _ in range(5000):
        ndig = rnd.choice((1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 15, 16, 17))
        mant = rnd.randint(1, 10 ** ndig - 1)
        e = rnd.randint(-345, 310)
        add(float("%de%d" % (mant, e)) * rnd.choice((1, -1)))
    for _ in range(800):
        add(float(rnd.randint(0, 2 ** rnd.randint(1, 70))))

    seen = set()
    lines = []
    for b in values:
        if b in seen:
            continue
        seen.add(b)
        x = float_of(b)
        assert math.isfinite(x)
        lines.append("%016x %s\n" % (b, repr(x)))

    with open(out_path, "w", encoding="ascii", newline="\n") as f:
        f.writelines(lines)
    print("%d lines, %d bytes -> %s" % (len(lines), sum(len(l) for l in lines), out_path))


if __name__ == "__main__":
    main()
