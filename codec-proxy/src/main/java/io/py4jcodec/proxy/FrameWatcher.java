package io.py4jcodec.proxy;

import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.model.AuthCommand;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.StreamCommand;
import io.py4jcodec.api.model.SuccessReturn;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.text.TextCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Decodes one direction of one connection as its receiver reads it, from copies of the bytes the
 * proxy has already forwarded: nothing here can change, delay past the forward, or stop the relay.
 *
 * <p>Two readers see the same bytes: the receiving peer's lenient reader, whose frames are printed
 * (what the receiver actually understood), and, with {@code --check}, a strict reader whose
 * rejections are the findings. Each keeps its own unconsumed bytes, bounded by the decoder's
 * {@link io.py4jcodec.api.Limits#maxFrameBytes()} plus one read. When a reader loses the framing it
 * stops, with one note; the relay and the other reader go on.
 */
final class FrameWatcher {
    private final Proxy proxy;
    private final String conn;
    private final Direction dir;
    private final long openedNanos;
    private final Feed shown;
    private final Feed checked;
    private FrameWatcher opposite;
    // bytes forwarded but not yet fed to this watcher: the other direction waits for them before it
    // decides whether an answer switched it to a raw stream (the S may still be on its way to this watcher)
    private final java.util.concurrent.atomic.AtomicLong unwatched = new java.util.concurrent.atomic.AtomicLong();

    FrameWatcher(Proxy proxy, String conn, Direction dir, long openedNanos, ConnectionMode mode, boolean check) {
        this.proxy = proxy;
        this.conn = conn;
        this.dir = dir;
        this.openedNanos = openedNanos;
        this.shown = new Feed(TextCodec.builder(dir.receiver()).mode(mode).build().newDecoder(), false);
        this.checked = check ? new Feed(TextCodec.builder(dir.receiver()).mode(mode).strict(true).build().newDecoder(), true) : null;
    }

    /** The other direction of the same connection, which a stream command turns raw. */
    void opposite(FrameWatcher w) {
        this.opposite = w;
    }

    /**
     * The receiver of this direction asked for a stream ({@code S}): once its success answer has
     * passed, the rest of this direction is the stream's raw bytes, not frames.
     */
    private void rawAfterAnswer() {
        shown.rawAfterAnswer = true;
        if (checked != null) {
            checked.rawAfterAnswer = true;
        }
    }

    /** Bytes about to be forwarded (then given to {@link #onBytes}). */
    void forwarding(int len) {
        unwatched.addAndGet(len);
    }

    /** Bytes that have just been forwarded. */
    void onBytes(byte[] b, int off, int len) {
        shown.feed(b, off, len, false);
        if (checked != null) {
            checked.feed(b, off, len, false);
        }
        unwatched.addAndGet(-len);
    }

    /** Waits (at most 100 ms: a failed forward never arrives) until every forwarded byte has been watched. */
    private void awaitWatched() {
        long deadline = System.nanoTime() + 100_000_000L;
        while (unwatched.get() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    /** The sender closed its side: a frame left incomplete is reported. */
    void onEnd() {
        shown.feed(new byte[0], 0, 0, true);
        if (checked != null) {
            checked.feed(new byte[0], 0, 0, true);
        }
    }

    private double seconds() {
        return (System.nanoTime() - openedNanos) / 1e9;
    }

    private void frame(Feed f, Message m) {
        if (m instanceof StreamCommand && !f.strict && opposite != null) {
            opposite.rawAfterAnswer();
        }
        if (m instanceof ReturnMessage && opposite != null && !f.strict) {
            opposite.awaitWatched();
        }
        if (f.rawAfterAnswer && m instanceof ReturnMessage) {
            f.rawAfterAnswer = false;
            f.raw = m instanceof SuccessReturn;
            if (f.raw && !f.strict) {
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("offset", f.decoder.position());
                fields.put("detail", "the stream command was answered: raw stream bytes follow, relayed and recorded but not decoded");
                proxy.line(proxy.format().note(conn, dir, seconds(), "raw_stream", fields));
            }
        }
        if (f.strict) {
            proxy.report().frameChecked();
            return;
        }
        Boolean tokenMatch = m instanceof AuthCommand a ? proxy.tokenMatches(a.token()) : null;
        proxy.line(proxy.format().frame(conn, dir, seconds(), m, tokenMatch));
    }

    private void error(Feed f, ProtocolException e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("offset", e.offset());
        fields.put("reason", e.reason());
        fields.put("detail", e.getMessage());
        if (!e.resynchronized()) {
            fields.put("then", (f.strict ? "checking" : "decoding") + " of this direction stops (framing lost); the relay goes on");
        }
        if (f.strict) {
            proxy.report().frameChecked();
            proxy.report().add(new Finding(conn, dir, e.offset(), e.reason(), !e.resynchronized(), e.getMessage()));
            proxy.line(proxy.format().note(conn, dir, seconds(), "check", fields));
        } else if (checked == null) {
            // with --check the strict reader reports it (as a finding); without, say what the receiver could not read
            proxy.line(proxy.format().note(conn, dir, seconds(), "decode_error", fields));
        }
    }

    /** One reader and the bytes it has not consumed yet. */
    private final class Feed {
        private final MessageDecoder decoder;
        private final boolean strict;
        private final UnsafeBuffer view = new UnsafeBuffer(new byte[0]);
        private byte[] buf = new byte[8192];
        private int start;
        private int end;
        private boolean stopped;
        private volatile boolean rawAfterAnswer;
        private boolean raw;

        Feed(MessageDecoder decoder, boolean strict) {
            this.decoder = decoder;
            this.strict = strict;
        }

        void feed(byte[] b, int off, int len, boolean last) {
            if (stopped) {
                return;
            }
            append(b, off, len);
            try {
                while (true) {
                    int n;
                    try {
                        view.wrap(buf, 0, end);
                        n = last ? decoder.decodeLast(view, start, end - start) : decoder.decode(view, start, end - start);
                    } catch (ProtocolException e) {
                        error(this, e);
                        if (!e.resynchronized()) {
                            stop();
                            return;
                        }
                        start += e.skipBytes();
                        continue;
                    }
                    if (n == MessageDecoder.NEED_MORE) {
                        break;
                    }
                    start += n;
                    frame(this, decoder.message());
                    if (raw) {
                        stop();
                        return;
                    }
                }
            } catch (RuntimeException bug) {
                // a decoder fault must not reach the relay: report it and stop watching this direction
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("offset", decoder.position());
                fields.put("detail", bug.toString());
                proxy.line(proxy.format().note(conn, dir, seconds(), "internal_error", fields));
                stop();
            }
            if (last) {
                stop();
            }
        }

        private void append(byte[] b, int off, int len) {
            if (start == end) {
                start = end = 0;
            }
            if (end + len > buf.length) {
                int live = end - start;
                if (live + len <= buf.length) {
                    System.arraycopy(buf, start, buf, 0, live);
                } else {
                    byte[] bigger = new byte[Math.max(buf.length * 2, live + len)];
                    System.arraycopy(buf, start, bigger, 0, live);
                    buf = bigger;
                }
                start = 0;
                end = live;
            }
            System.arraycopy(b, off, buf, end, len);
            end += len;
        }

        private void stop() {
            stopped = true;
            buf = new byte[0];
            start = end = 0;
        }
    }
}
