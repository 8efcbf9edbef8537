package io.py4jcodec.text.oracle;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

/** Random inputs biased towards the characters and numbers where the two implementations could part ways. */
final class Gen {
    final SplittableRandom r;

    Gen(SplittableRandom r) {
        this.r = r;
    }

    int between(int lo, int hiInclusive) {
        return r.nextInt(lo, hiInclusive + 1);
    }

    boolean chance(int percent) {
        return r.nextInt(100) < percent;
    }

    @SafeVarargs
    final <T> T pick(T... options) {
        return options[r.nextInt(options.length)];
    }

    /** One char of {@code s}. */
    char letter(String s) {
        return s.charAt(r.nextInt(s.length()));
    }

    /** A length that is mostly short, sometimes long. */
    int length(int max) {
        int n = r.nextInt(10);
        if (n < 6) {
            return r.nextInt(Math.min(max, 8) + 1);
        }
        if (n < 9) {
            return r.nextInt(Math.min(max, 40) + 1);
        }
        return r.nextInt(max + 1);
    }

    /** Appends one unit: specials (escape letters, line ends, NUL, U+2028), Latin-1, BMP, astral, lone surrogates. */
    void unit(StringBuilder b) {
        switch (r.nextInt(20)) {
            case 0 -> b.append('\\');
            case 1 -> b.append(pick('\n', '\r', '\t', '\0', ' '));
            case 2 -> b.append(pick('n', 'r', 'e', 's', 'q', 'u', 'N', 'R'));
            case 3 -> b.append(pick('\u2028', '\u2029', '\u0085', '\u00a0', '\ufeff', '\ufffd', '\u007f'));
            case 4 -> b.append((char) between(0x80, 0xff));
            case 5 -> b.append((char) between(0x100, 0x7ff));
            case 6 -> {
                char c = (char) between(0x800, 0xfffd);
                b.append(Character.isSurrogate(c) ? 'x' : c);
            }
            case 7 -> b.appendCodePoint(between(0x10000, 0x10ffff));
            case 8 -> b.appendCodePoint(pick(0x1F600, 0x1D11E, 0x10000, 0x10FFFF));
            case 9 -> b.append((char) between(0xd800, 0xdbff)); // lone high (unless a low follows by chance)
            case 10 -> b.append((char) between(0xdc00, 0xdfff)); // lone low
            case 11 -> b.append((char) between(0, 0x1f));
            default -> b.append((char) between(0x20, 0x7e));
        }
    }

    /** Random text with every kind of unit, up to about {@code max} units. */
    String string(int max) {
        int n = length(max);
        StringBuilder b = new StringBuilder(n * 2);
        for (int i = 0; i < n; i++) {
            unit(b);
        }
        return b.toString();
    }

    /** Text over an alphabet dense in backslashes, {@code n}, {@code r}, CR and LF, plus some other units. */
    String escapeHeavy(int max) {
        int n = length(max);
        StringBuilder b = new StringBuilder(n * 2);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(12)) {
                case 0, 1, 2 -> b.append('\\');
                case 3 -> b.append('n');
                case 4 -> b.append('r');
                case 5 -> b.append('\n');
                case 6 -> b.append('\r');
                case 7 -> b.append(pick('t', 'q', 'u', '0', 'e', 'N', 'R'));
                default -> unit(b);
            }
        }
        return b.toString();
    }

    /** Text with no CR or LF: what a raw line (an id, a method name) may hold. */
    String rawLine(int max) {
        String s = string(max);
        return s.replace('\n', '_').replace('\r', '_');
    }

    long anyLong() {
        return switch (r.nextInt(8)) {
            case 0 -> pick(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1, 0L, -1L, 1L,
                    (long) Integer.MIN_VALUE, (long) Integer.MAX_VALUE, Integer.MIN_VALUE - 1L, Integer.MAX_VALUE + 1L);
            case 1 -> r.nextLong(-1000, 1000);
            case 2 -> r.nextInt();
            case 3 -> 1L << r.nextInt(63);
            case 4 -> -(1L << r.nextInt(64));
            default -> r.nextLong();
        };
    }

    int anyInt() {
        return switch (r.nextInt(5)) {
            case 0 -> pick(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1, Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1);
            case 1 -> r.nextInt(-1000, 1000);
            default -> r.nextInt();
        };
    }

    double anyDouble() {
        return switch (r.nextInt(12)) {
            case 0 -> pick(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL,
                    Math.nextDown(Double.MIN_NORMAL), 1e23, 2e23, 1e16, 1e-7, 1e7, 1e-3, 0.1, 1.0 / 3);
            case 1 -> Double.longBitsToDouble(r.nextLong(0x0010_0000_0000_0000L)) * (r.nextBoolean() ? 1 : -1); // subnormal
            case 2 -> Double.longBitsToDouble(r.nextLong()); // random bits, NaN payloads included
            case 3 -> {
                // "nice" decimals: a few digits and a power of ten, as people type them
                long digits = r.nextLong(1, 1_000_000);
                yield Double.parseDouble(digits + "e" + between(-30, 30)) * (r.nextBoolean() ? 1 : -1);
            }
            case 4 -> r.nextInt(-100000, 100000) / 100.0;
            case 5 -> Math.scalb(r.nextDouble(), between(-1074, 1023));
            default -> Double.longBitsToDouble(r.nextLong() & 0x7fef_ffff_ffff_ffffL);
        };
    }

    float anyFloat() {
        return switch (r.nextInt(8)) {
            case 0 -> pick(0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE,
                    Float.MAX_VALUE, Float.MIN_NORMAL, 1.1f, 0.1f, 1e10f, 1e-10f, 1e23f, 3.4e38f);
            case 1 -> Float.intBitsToFloat(r.nextInt(0x0080_0000)) * (r.nextBoolean() ? 1 : -1);
            case 2 -> Float.parseFloat(r.nextInt(1, 100000) + "e" + between(-40, 38));
            default -> Float.intBitsToFloat(r.nextInt());
        };
    }

    BigDecimal decimal() {
        BigInteger unscaled = switch (r.nextInt(5)) {
            case 0 -> BigInteger.valueOf(pick(0L, 1L, -1L, 10L, 100L, Long.MAX_VALUE, Long.MIN_VALUE));
            case 1 -> BigInteger.valueOf(r.nextLong());
            case 2 -> new BigInteger(between(1, 200), new java.util.Random(r.nextLong())).multiply(BigInteger.valueOf(r.nextBoolean() ? 1 : -1));
            default -> BigInteger.valueOf(r.nextLong(-100000, 100000));
        };
        int scale = switch (r.nextInt(4)) {
            case 0 -> between(-30, -1); // negative scales: toPlainString writes the zeros out
            case 1 -> between(0, 3);
            case 2 -> between(-400, 400);
            default -> between(0, 40);
        };
        return new BigDecimal(unscaled, scale);
    }

    byte[] bytes() {
        int n = chance(10) ? 0 : chance(70) ? between(0, 12) : between(0, 300);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }
}
