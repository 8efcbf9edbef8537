package io.py4jcodec.fuzz;

import java.nio.charset.StandardCharsets;

/** Renders wire bytes for people: printable ASCII as is, LF as {@code \n} and everything else escaped, capped. */
public final class Wire {
    private Wire() {
    }

    /** At most 400 bytes, escaped. */
    public static String show(byte[] b) {
        return show(b, 400);
    }

    /** At most {@code max} bytes, escaped, in double quotes. */
    public static String show(byte[] b, int max) {
        StringBuilder s = new StringBuilder("\"");
        int n = Math.min(b.length, max);
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            switch (c) {
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                case '\\' -> s.append("\\\\");
                case '"' -> s.append("\\\"");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        s.append(String.format("\\x%02x", c));
                    } else {
                        s.append((char) c);
                    }
                }
            }
        }
        s.append('"');
        if (b.length > max) {
            s.append("... (").append(b.length).append(" bytes)");
        }
        return s.toString();
    }

    /** The bytes as UTF-8 text (lossy), for messages. */
    public static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
