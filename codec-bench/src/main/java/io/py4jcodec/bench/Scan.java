package io.py4jcodec.bench;

/** The reference byte scan the targets are stated against. */
final class Scan {
    private Scan() {
    }

    static int lineFeeds(byte[] b, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }
}
