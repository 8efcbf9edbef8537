package io.py4jcodec.fuzz.net;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar redrawn with {@code \r}, only when attached to a terminal and at most
 * five times a second. Drawn by hand rather than with a library: one line of output does not
 * justify a dependency, and it must stay silent in CI logs.
 */
final class Progress {
    private final PrintStream out;
    private final boolean enabled;
    private final int cases;
    private final long durationMs;
    private final long start = System.nanoTime();
    private long lastDraw;

    Progress(PrintStream out, boolean enabled, int cases, long durationMs) {
        this.out = out;
        this.enabled = enabled;
        this.cases = cases;
        this.durationMs = durationMs;
    }

    void update(int done, int findings) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L && done < cases) {
            return;
        }
        lastDraw = now;
        long elapsed = (now - start) / 1_000_000;
        double f = Math.max(cases > 0 ? (double) done / cases : 0, durationMs > 0 ? (double) elapsed / durationMs : 0);
        f = Math.min(1, f);
        int w = 30;
        int filled = (int) (f * w);
        out.printf(Locale.ROOT, "\r[%s%s] %3d%% %d cases, %d findings, %ds ", "#".repeat(filled), " ".repeat(w - filled),
                (int) (f * 100), done, findings, elapsed / 1000);
        out.flush();
    }

    void finish() {
        if (enabled) {
            out.println();
        }
    }
}
