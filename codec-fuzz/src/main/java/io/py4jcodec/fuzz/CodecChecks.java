package io.py4jcodec.fuzz;

import io.py4jcodec.api.Codec;
import io.py4jcodec.api.Limits;
import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.testkit.Entropy;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The properties every codec must have, written against the {@link Codec} interface only, so the
 * text codec, the binary codec and a third party's codec are checked by the same code. Each check
 * throws an {@link AssertionError} saying what went wrong; run them through {@link PropertyRunner}
 * to get seeds and shrunk cases.
 */
public final class CodecChecks {
    /** The reasons a frame beyond {@link Limits} may fail with. */
    public static final Set<String> LIMIT_REASONS = Set.of(Reason.LINE_TOO_LONG.name(), Reason.FRAME_TOO_LONG.name(),
            Reason.TOO_MANY_PARTS.name(), Reason.TOO_MANY_INTERFACES.name());

    /**
     * Whether {@link Decoding#LF_AFTER_CR} is tolerated (default true, while that finding is open;
     * {@code -Dpy4jcodec.strictContract=true} to see it fail).
     */
    public static final boolean TOLERATE_LF_AFTER_CR = !Boolean.getBoolean("py4jcodec.strictContract");

    private CodecChecks() {
    }

    /**
     * decode(encode(m)) = expected, and encode(decode(b)) = b: the reader takes the writer's bytes
     * back to the model (as the real peer reads them, {@code expected}), and re-encoding gives the
     * same bytes. When the bytes exceed the reader's {@link Limits} ({@code withinLimits} says no),
     * the decoder must instead fail with the limit's reason, and only then.
     *
     * @return the wire bytes
     */
    public static byte[] roundTrip(Codec writer, Codec reader, Message m, Message expected, Predicate<byte[]> withinLimits) {
        byte[] wire = writer.newEncoder().encode(m);
        List<Decoding.Event> events = Decoding.whole(reader.newDecoder(), wire);
        if (!withinLimits.test(wire)) {
            if (events.size() == 1 && events.get(0) instanceof Decoding.Failure f && LIMIT_REASONS.contains(f.reason())) {
                return wire;
            }
            throw new AssertionError(reader + " must reject a frame beyond its limits with a limit reason, got "
                    + events + "\nwire: " + Wire.show(wire));
        }
        if (events.size() != 1 || !(events.get(0) instanceof Decoding.Frame f) || f.length() != wire.length) {
            throw new AssertionError(reader + " did not read exactly one frame: " + events + "\nwire: " + Wire.show(wire));
        }
        if (!Objects.equals(expected, f.message())) {
            throw new AssertionError("decode(encode(m)) != m\n expected: " + expected + "\n   actual: " + f.message()
                    + "\nwire: " + Wire.show(wire));
        }
        byte[] again = writer.newEncoder().encode(f.message());
        if (!Arrays.equals(wire, again)) {
            throw new AssertionError("encode(decode(b)) != b\n first: " + Wire.show(wire) + "\nsecond: " + Wire.show(again));
        }
        return wire;
    }

    /**
     * Transcoding: what {@code a} writes, read by {@code aReader}, written by {@code b}, read by
     * {@code bReader}, written by {@code a} again gives the bytes {@code a} first wrote. With a
     * binary {@code b} this is text -&gt; binary -&gt; text.
     */
    public static void transcode(Codec a, Codec aReader, Codec b, Codec bReader, Message m) {
        byte[] wire = a.newEncoder().encode(m);
        Message read = only(aReader, wire);
        byte[] other = b.newEncoder().encode(read);
        Message back = only(bReader, other);
        byte[] again = a.newEncoder().encode(back);
        if (!Arrays.equals(wire, again)) {
            throw new AssertionError("transcoding through " + b + " changed the bytes\n before: " + Wire.show(wire)
                    + "\n  after: " + Wire.show(again) + "\n model: " + read + "\n  back: " + back);
        }
    }

    /**
     * Whole, byte-by-byte and split decoding of {@code stream} agree (same frames, same errors), and
     * none breaches the decoder contract.
     */
    public static List<Decoding.Event> splitsAgree(Codec reader, byte[] stream, Entropy chunks) {
        List<Decoding.Event> whole = Decoding.whole(reader.newDecoder(), stream);
        noBreach(reader, stream, whole);
        return splitsAgree(reader, stream, chunks, whole);
    }

    /**
     * As {@link #splitsAgree(Codec, byte[], Entropy)}, against a whole decoding already made and
     * checked (by {@link #robust}): a fuzz target then decodes each input three times, not four.
     */
    public static List<Decoding.Event> splitsAgree(Codec reader, byte[] stream, Entropy chunks, List<Decoding.Event> whole) {
        List<Object> outline = Decoding.outline(whole);
        List<Decoding.Event> single = Decoding.byteByByte(reader.newDecoder(), stream);
        noBreach(reader, stream, single);
        if (!outline.equals(Decoding.outline(single))) {
            throw new AssertionError(reader + ": byte-by-byte decoding differs from whole\n   whole: " + whole
                    + "\nbyte-by-byte: " + single + "\ninput: " + Wire.show(stream));
        }
        int[] sizes = new int[64];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = 1 + chunks.choose(1 + chunks.choose(64));
        }
        int[] next = {0};
        List<Decoding.Event> split = Decoding.run(reader.newDecoder(), stream, () -> sizes[next[0]++ & 63]);
        noBreach(reader, stream, split);
        if (!outline.equals(Decoding.outline(split))) {
            throw new AssertionError(reader + ": split decoding differs from whole\n whole: " + whole
                    + "\n split: " + split + " (chunks " + Arrays.toString(sizes) + ")\ninput: " + Wire.show(stream));
        }
        return whole;
    }

    /**
     * On any input, the decoder gives frames or a {@link ProtocolException}: never another exception,
     * never a stall, and never allocates more than a bounded multiple of what it was given plus one
     * frame of its {@link Limits} (checked where the JVM reports per-thread allocation).
     */
    public static List<Decoding.Event> robust(Codec reader, byte[] input) {
        long bound = allocationBound(reader.limits(), input.length);
        long[] used = new long[1];
        List<Decoding.Event> events = measured(reader, input, used);
        noBreach(reader, input, events);
        // a first decoding may pay class initialisation (protobuf's generated descriptors take
        // megabytes once), so only a second pass over the same input, which pays none, can convict;
        // decoding is deterministic, so a real breach breaches again. Measuring first and repeating
        // only on a breach spares every fuzzing execution one decoding of its input.
        if (used[0] > bound) {
            measured(reader, input, used);
            if (used[0] > bound) {
                throw new AssertionError(reader + " allocated " + used[0] + " bytes for " + input.length
                        + " input bytes (bound " + bound + ")\ninput: " + Wire.show(input));
            }
        }
        return events;
    }

    /** Decodes {@code input} whole, putting what it allocated in {@code used[0]} (0 where the JVM cannot say). */
    private static List<Decoding.Event> measured(Codec reader, byte[] input, long[] used) {
        long before = allocated();
        MessageDecoder d = reader.newDecoder();
        List<Decoding.Event> events = Decoding.whole(d, input);
        used[0] = before < 0 ? 0 : allocated() - before;
        return events;
    }

    /**
     * What a decoder may allocate for {@code n} input bytes: the model it builds is a constant
     * factor of the input (a char per byte, boxed parts, lists), never a length the input merely
     * claims (a length prefix, a count): 2 MiB plus 4 KiB per input byte. (The text decoder spends
     * about 1.4 KB per input byte on a stream of one-line bad frames: two exceptions with stack
     * traces per resynchronised error.) {@code limits} is for
     * codecs whose bound depends on them.
     */
    public static long allocationBound(Limits limits, int n) {
        return (2L << 20) + 4096L * n;
    }

    private static void noBreach(Codec reader, byte[] input, List<Decoding.Event> events) {
        List<Decoding.Breach> b = Decoding.breaches(events).stream()
                .filter(x -> !(TOLERATE_LF_AFTER_CR && x.what().equals(Decoding.LF_AFTER_CR))).toList();
        if (!b.isEmpty()) {
            AssertionError e = new AssertionError(reader + " breached the decoder contract: " + b + "\ninput: " + Wire.show(input));
            if (b.get(0).cause() != null) {
                e.initCause(b.get(0).cause());
            }
            throw e;
        }
    }

    private static Message only(Codec reader, byte[] wire) {
        List<Decoding.Event> ev = Decoding.whole(reader.newDecoder(), wire);
        if (ev.size() != 1 || !(ev.get(0) instanceof Decoding.Frame f)) {
            throw new AssertionError(reader + " did not read one frame: " + ev + "\nwire: " + Wire.show(wire));
        }
        return f.message();
    }

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Bytes allocated by this thread so far, or -1 where the JVM does not say. */
    static long allocated() {
        if (THREADS instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported()) {
            return t.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return -1;
    }
}
