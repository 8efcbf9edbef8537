package io.py4jcodec.bench;

import java.util.concurrent.TimeUnit;
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
 * The floor: what merely moving the workload's text bytes costs. {@code copy} is one
 * {@code System.arraycopy}; {@code scan} is a byte loop that counts line feeds, the least any
 * line-based decoder must do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-Xmn64m"})
public class BaselineBench {

    @Param({"pyspark-mix"})
    public String workload;

    private byte[] text;
    private byte[] copy;

    @Setup(Level.Trial)
    public void setUp() {
        text = Workloads.named(workload).text();
        copy = new byte[text.length];
    }

    @Benchmark
    public byte[] copy() {
        System.arraycopy(text, 0, copy, 0, text.length);
        return copy;
    }

    @Benchmark
    public int scan() {
        return Scan.lineFeeds(text, 0, text.length);
    }
}
