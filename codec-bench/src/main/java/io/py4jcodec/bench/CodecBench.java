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
 * Every contender on every workload, in one JMH run: encode, decode and round trip of the whole
 * workload per operation. The parameter lists here are defaults; {@link CompareCommand} sets them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m", "-Xmn64m"})
public class CodecBench {

    @Param({"py4j", "text", "pb-generated", "pb-direct", "pb-parse", "pb-floor"})
    public String contender;

    @Param({"pyspark-mix"})
    public String workload;

    private Contender c;

    @Setup(Level.Trial)
    public void setUp() {
        c = Contenders.create(contender, Workloads.named(workload));
        c.roundTrip(); // fail here, not in the measurement, if the pair cannot work
        c.decode();
    }

    @Benchmark
    public int encode() {
        return c.encode();
    }

    @Benchmark
    public Object[] decode() {
        return c.decode();
    }

    @Benchmark
    public Object[] roundTrip() {
        return c.roundTrip();
    }
}
