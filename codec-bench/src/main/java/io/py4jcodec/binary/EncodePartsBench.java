package io.py4jcodec.binary;

import com.google.protobuf.CodedOutputStream;
import io.py4jcodec.api.model.CallCommand;
import io.py4jcodec.api.model.ConstructorCommand;
import io.py4jcodec.api.model.JvmViewImportCommand;
import io.py4jcodec.api.model.MemoryDeleteCommand;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.ReflectionUnknownCommand;
import io.py4jcodec.api.model.ReferenceValue;
import io.py4jcodec.api.model.StringValue;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.bench.ProtobufFloorContender;
import io.py4jcodec.bench.Workloads;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.agrona.ExpandableArrayBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code pb-direct}'s encode of a workload split into parts, each timed on its own over the same
 * 16 messages, so that its distance from {@code pb-parse} (issue 16) splits into named parts:
 * the framing contract ({@link #full} minus {@link #passesShared}), the size pass and the write
 * pass alone, and inside the size pass the UTF-8 lengths and the id parsing; what is left is the
 * model walk and type dispatch. {@code pb-floor}'s size pass alone is beside them, as the same
 * work done from a tape with no model.
 *
 * <p>It lives in codec-binary's package because the two passes ({@code bodySize}, {@code writeBody})
 * are package-private there: they are the encoder's inside, not API.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-Xmn64m"})
public class EncodePartsBench {

    @Param({"pyspark-mix", "small-strings"})
    public String workload;

    private Message[] messages;
    private DirectEncoder encoder;
    private ExpandableArrayBuffer buffer;
    private byte[] array;
    /** One encoder per message, its size pass run once at setup, for the write pass alone. */
    private DirectEncoder[] prepared;
    private int[] bodies;
    /** What the size pass reads character by character: the string, and the index it starts at. */
    private String[] strings;
    private int[] froms;
    /** The ids the size pass (and again the write pass) parses, with their letter. */
    private String[] ids;
    private char[] letters;
    private ProtobufFloorContender floor;

    @Setup(Level.Trial)
    public void setUp() {
        messages = Workloads.named(workload).messages().toArray(new Message[0]);
        encoder = new DirectEncoder();
        buffer = new ExpandableArrayBuffer(4096);
        array = new byte[8192];
        prepared = new DirectEncoder[messages.length];
        bodies = new int[messages.length];
        List<String> s = new ArrayList<>();
        List<Integer> f = new ArrayList<>();
        List<String> i = new ArrayList<>();
        for (int k = 0; k < messages.length; k++) {
            prepared[k] = new DirectEncoder();
            bodies[k] = prepared[k].bodySize(messages[k]);
            collect(messages[k], s, f, i);
        }
        strings = s.toArray(new String[0]);
        froms = f.stream().mapToInt(Integer::intValue).toArray();
        ids = i.toArray(new String[0]);
        letters = new char[ids.length];
        java.util.Arrays.fill(letters, 'o');
        floor = new ProtobufFloorContender(Workloads.named(workload));
    }

    /** What the encoder reads in these workloads' messages; any other message fails here rather than being timed short. */
    private static void collect(Message m, List<String> strings, List<Integer> froms, List<String> ids) {
        if (m instanceof CallCommand c) {
            if (c.targetId().startsWith("z:")) {
                strings.add(c.targetId());
                froms.add(2);
            } else {
                id(c.targetId(), strings, froms, ids);
            }
            strings.add(c.method());
            froms.add(0);
            for (Value v : c.arguments()) {
                value(v, strings, froms, ids);
            }
        } else if (m instanceof ReflectionUnknownCommand r) {
            strings.add(r.name());
            froms.add(0);
            value(r.jvmView(), strings, froms, ids);
        } else if (m instanceof JvmViewImportCommand j) {
            value(j.jvmView(), strings, froms, ids);
            strings.add(j.importName());
            froms.add(0);
        } else if (m instanceof ConstructorCommand c) {
            strings.add(c.className());
            froms.add(0);
            for (Value v : c.arguments()) {
                value(v, strings, froms, ids);
            }
        } else if (m instanceof MemoryDeleteCommand d) {
            id(d.objectId(), strings, froms, ids);
        } else {
            throw new IllegalArgumentException("not in the pyspark-mix or small-strings workloads: " + m);
        }
    }

    private static void value(Value v, List<String> strings, List<Integer> froms, List<String> ids) {
        if (v instanceof StringValue s) {
            strings.add(s.value());
            froms.add(0);
        } else if (v instanceof ReferenceValue r) {
            id(r.id(), strings, froms, ids);
        }
        // numbers and booleans: no characters to read
    }

    /** An id is parsed; one not in the {@code o<n>} form (the JVM view {@code j}) is then read as a string. */
    private static void id(String id, List<String> strings, List<Integer> froms, List<String> ids) {
        ids.add(id);
        if (Ids.number(id, 'o') == Ids.NONE) {
            strings.add(id);
            froms.add(0);
        }
    }

    /** pb-direct as the benchmarks time it: {@code encode(message, buffer, index)} per frame. */
    @Benchmark
    public int full() {
        int p = 0;
        for (Message m : messages) {
            p += encoder.encode(m, buffer, p);
        }
        return p;
    }

    /** Both passes, framed into one stream over one array as pb-parse writes: no per-frame buffer contract. */
    @Benchmark
    public int passesShared() throws IOException {
        CodedOutputStream out = CodedOutputStream.newInstance(array);
        for (Message m : messages) {
            int body = encoder.bodySize(m);
            out.writeUInt32NoTag(body);
            encoder.writeBody(m, out);
        }
        return out.getTotalBytesWritten();
    }

    /** The size pass alone. */
    @Benchmark
    public int sizePass() {
        int n = 0;
        for (Message m : messages) {
            n += encoder.bodySize(m);
        }
        return n;
    }

    /** The write pass alone (sizes left by a size pass at setup), framed into one stream as pb-parse writes. */
    @Benchmark
    public int writePass() throws IOException {
        CodedOutputStream out = CodedOutputStream.newInstance(array);
        for (int k = 0; k < messages.length; k++) {
            out.writeUInt32NoTag(bodies[k]);
            prepared[k].writeBody(messages[k], out);
        }
        return out.getTotalBytesWritten();
    }

    /** The size pass's string reading: UTF-8 length and lone-surrogate check of every string, ours. */
    @Benchmark
    public int stringLengths() {
        int n = 0;
        for (int k = 0; k < strings.length; k++) {
            n += Wtf8.lengthOrLone(strings[k], froms[k]);
        }
        return n;
    }

    /** The same lengths through protobuf's own {@code Utf8.encodedLength} (what pb-floor's size pass calls). */
    @Benchmark
    public int stringLengthsProtobuf() {
        int n = 0;
        for (String s : strings) {
            n += CodedOutputStream.computeStringSizeNoTag(s);
        }
        return n;
    }

    /** The write pass's string work: protobuf's {@code writeStringNoTag} (length prefix and UTF-8) of every string. */
    @Benchmark
    public int stringWrites() throws IOException {
        CodedOutputStream out = CodedOutputStream.newInstance(array);
        for (String s : strings) {
            out.writeStringNoTag(s);
        }
        return out.getTotalBytesWritten();
    }

    /** {@code o<n>} parsing of every id, as each pass does it once. */
    @Benchmark
    public long ids() {
        long n = 0;
        for (int k = 0; k < ids.length; k++) {
            n += Ids.number(ids[k], letters[k]);
        }
        return n;
    }

    /** pb-floor's size pass alone: the same sizes from a tape of wire-ready fields, no model. */
    @Benchmark
    public int floorSizePass() {
        return floor.sizePass();
    }

    /** pb-floor's whole encode (size pass and write pass), for the same-run ratio. */
    @Benchmark
    public int floorEncode() {
        return floor.encode();
    }
}
