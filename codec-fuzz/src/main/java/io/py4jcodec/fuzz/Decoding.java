package io.py4jcodec.fuzz;

import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.model.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Drives a decoder over a byte stream as a socket reader would, and records what it produced: each
 * frame, each {@link ProtocolException} (by reason; a resynchronised one lets decoding go on), and
 * any breach of the decoder contract (another exception, "need more" at end of stream with bytes
 * left, a frame longer than the bytes given, no progress). Bounded by the input length, so it
 * always ends.
 */
public final class Decoding {
    private Decoding() {
    }

    /** One thing the decoder did. */
    public sealed interface Event permits Frame, Failure, Breach {
    }

    /** A decoded frame. */
    public record Frame(Message message, int length) implements Event {
    }

    /** A protocol error; {@code resynced} when the decoder went on. */
    public record Failure(String reason, boolean resynced) implements Event {
        static Failure of(ProtocolException e) {
            return new Failure(e.reason().name(), e.resynchronized());
        }
    }

    /** A breach of the decoder contract: never acceptable. */
    public record Breach(String what, Throwable cause) implements Event {
        @Override
        public boolean equals(Object o) {
            return o instanceof Breach b && b.what.equals(what);
        }

        @Override
        public int hashCode() {
            return what.hashCode();
        }

        @Override
        public String toString() {
            return "Breach[" + what + (cause == null ? "" : ", " + cause) + "]";
        }
    }

    /**
     * The one breach the text decoder is known to commit (codec-fuzz/FINDINGS.md, "our codec"): a
     * Java reader returns a frame at the CR of a CRLF line end and leaves the LF to the next frame;
     * when the stream ends right after that LF, {@code decodeLast} answers "need more" with that one
     * byte left instead of consuming it.
     */
    public static final String LF_AFTER_CR = "LF of a final CRLF left unconsumed at end of stream";

    /** Feeds all of {@code input} at once. */
    public static List<Event> whole(MessageDecoder d, byte[] input) {
        return run(d, input, () -> input.length);
    }

    /** Feeds one byte at a time. */
    public static List<Event> byteByByte(MessageDecoder d, byte[] input) {
        return run(d, input, () -> 1);
    }

    /**
     * Accumulates chunks of the sizes {@code chunk} gives (as reads from a socket), drains every
     * frame after each chunk, and at the end decodes the rest with {@code decodeLast}.
     */
    public static List<Event> run(MessageDecoder d, byte[] input, IntSupplier chunk) {
        List<Event> out = new ArrayList<>();
        UnsafeBuffer buf = new UnsafeBuffer(input);
        int start = 0;
        int end = 0;
        long budget = 4L * input.length + 64;
        while (true) {
            boolean last = end == input.length;
            if (!last) {
                end = Math.min(input.length, end + Math.max(1, chunk.getAsInt()));
                last = false;
            }
            // drain: frames until "need more" (or, at EOF, until nothing is left)
            while (true) {
                if (--budget < 0) {
                    out.add(new Breach("no progress", null));
                    return out;
                }
                int n;
                try {
                    n = last ? d.decodeLast(buf, start, end - start) : d.decode(buf, start, end - start);
                } catch (ProtocolException e) {
                    out.add(Failure.of(e));
                    if (!e.resynchronized()) {
                        return out;
                    }
                    if (e.skipBytes() <= 0 || e.skipBytes() > end - start) {
                        out.add(new Breach("resync skip " + e.skipBytes() + " outside 1.." + (end - start), null));
                        return out;
                    }
                    start += e.skipBytes();
                    continue;
                } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                    out.add(new Breach(e.getClass().getName(), e));
                    return out;
                }
                if (n < 0 || n > end - start) {
                    out.add(new Breach("frame length " + n + " outside 0.." + (end - start), null));
                    return out;
                }
                if (n == 0) {
                    if (last && start < end) {
                        boolean lfAfterCr = end - start == 1 && input[start] == '\n' && start > 0 && input[start - 1] == '\r';
                        // the MessageDecoder contract allows exactly this leftover (the LF of a CRLF
                        // that arrived after the frame its CR ended); strictContract still reports it
                        if (!lfAfterCr || !CodecChecks.TOLERATE_LF_AFTER_CR) {
                            out.add(new Breach(lfAfterCr ? LF_AFTER_CR : "need more at end of stream with " + (end - start) + " bytes left", null));
                        }
                    }
                    break;
                }
                out.add(new Frame(d.message(), n));
                start += n;
                if (last && start == end) {
                    break;
                }
            }
            if (last) {
                return out;
            }
            if (end == input.length) {
                // one more pass as end of stream
                continue;
            }
        }
    }

    /** The events without frame lengths, for comparing runs that split the input differently. */
    public static List<Object> outline(List<Event> events) {
        List<Object> out = new ArrayList<>(events.size());
        for (Event e : events) {
            out.add(e instanceof Frame f ? f.message() : e);
        }
        return out;
    }

    /** The breaches among the events. */
    public static List<Breach> breaches(List<Event> events) {
        return events.stream().filter(Breach.class::isInstance).map(Breach.class::cast).toList();
    }
}
