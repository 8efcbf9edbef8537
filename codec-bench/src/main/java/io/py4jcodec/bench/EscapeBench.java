package io.py4jcodec.bench;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.CallCommand;
import io.py4jcodec.api.model.StringValue;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.text.part.PartContext;
import io.py4jcodec.text.part.PartDecoder;
import io.py4jcodec.text.part.PartEncoder;
import java.util.concurrent.TimeUnit;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * codec-text's string part alone, on the first 10 KiB string of {@code strings-10k}: writing it
 * ({@code s} + escaping + UTF-8), reading it back (UTF-8 + unescaping, as the Java gateway reads),
 * and a plain byte scan of the same escaped bytes, the floor the target is stated against.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-Xmn64m"})
public class EscapeBench {
    private StringValue value;
    private PartEncoder encoder;
    private PartDecoder decoder;
    private ExpandableArrayBuffer out;
    private UnsafeBuffer escaped;
    private byte[] escapedBytes;

    @Setup(Level.Trial)
    public void setUp() {
        CallCommand c = (CallCommand) Workloads.named("strings-10k").messages().get(0);
        Value v = c.arguments().get(0);
        value = (StringValue) v;
        encoder = new PartEncoder(Side.PYTHON);
        decoder = new PartDecoder(Side.JAVA, false, Limits.DEFAULT);
        out = new ExpandableArrayBuffer(32 * 1024);
        int n = encoder.encode(value, out, 0);
        escapedBytes = new byte[n];
        out.getBytes(0, escapedBytes);
        escaped = new UnsafeBuffer(escapedBytes);
        if (!decoder.decode(escaped, 0, n, PartContext.ARGUMENT, 0, 1).equals(value)) {
            throw new IllegalStateException("string part does not round-trip");
        }
    }

    @Benchmark
    public int escape() {
        return encoder.encode(value, out, 0);
    }

    @Benchmark
    public Object unescape() {
        return decoder.decode(escaped, 0, escapedBytes.length, PartContext.ARGUMENT, 0, 1);
    }

    @Benchmark
    public int scan() {
        return Scan.lineFeeds(escapedBytes, 0, escapedBytes.length);
    }
}
