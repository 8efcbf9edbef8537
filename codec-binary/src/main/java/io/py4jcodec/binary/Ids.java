package io.py4jcodec.binary;

/**
 * The compact forms of py4j ids: {@code o<n>} (Java objects, {@code Gateway.putNewObject}) and
 * {@code p<n>} (Python proxies) travel as a varint when {@code <n>} is exactly
 * {@link Long#toString(long)} of a non-negative long, so that decoding gives back the same string.
 */
final class Ids {
    /** Not a compact id: use the string fallback. */
    static final long NONE = -1;

    private Ids() {
    }

    /** The number of {@code <letter><n>}, or {@link #NONE} if {@code id} is not in the canonical form. */
    static long number(String id, char letter) {
        int n = id.length();
        // 19 digits may overflow; 18 never do, and longer ids are rare enough to travel as strings
        if (n < 2 || n > 19 || id.charAt(0) != letter) {
            return NONE;
        }
        char first = id.charAt(1);
        if (first == '0') {
            return n == 2 ? 0 : NONE;
        }
        long v = 0;
        for (int i = 1; i < n; i++) {
            int d = id.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return NONE;
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** The id string of a compact id (read as unsigned, so every varint has a string). */
    static String string(char letter, long number) {
        return letter + Long.toUnsignedString(number);
    }
}
