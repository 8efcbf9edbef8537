package io.py4jcodec.bench;

import io.py4jcodec.bench.report.JmhResults;
import io.py4jcodec.bench.report.MarkdownReport;
import io.py4jcodec.bench.python.PythonLeg;
import io.py4jcodec.bench.report.PythonResults;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code py4j-codec compare}: runs the size/time suite (JMH, forked, fixed small heap) on the
 * embedded workloads and writes a report folder: {@code report.md}, SVG charts of the crossover
 * sweeps, and JMH's raw JSON.
 *
 * <pre>
 * py4j-codec compare                       # short run, about two minutes on 2 cores
 * py4j-codec compare --full --out docs/results/run   # publication run
 * py4j-codec compare --report-only --out DIR        # rebuild report.md and charts from DIR/jmh.json (and python.json)
 * py4j-codec compare --python /usr/bin/python3      # the Python leg with this interpreter
 * py4j-codec compare --full --baseline docs/results/2026-11-24-jdk17   # targets say where codec-text got slower
 * </pre>
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {
            "Measure size and time of py4j's own Java code, codec-text and the protobuf codec on the same workloads (JMH),",
            "and of py4j's own Python code against protobuf-python (when a python3 with py4j and protobuf is found),",
            "and write report.md, SVG charts of the crossover sweeps and the raw JMH and Python JSON into a folder."})
public final class CompareCommand implements Callable<Integer> {

    /** JVM flags of every fork: a larger heap swung results 10x on a shared machine. */
    static final String[] FORK_JVM_ARGS = {"-Xms256m", "-Xmx256m", "-Xmn64m"};

    @Option(names = "--out", paramLabel = "DIR", description = "report folder (default: ${DEFAULT-VALUE})")
    Path out = Path.of("compare-report");

    @Option(names = "--full", description = "publication run: every sweep point with encode and decode, round trips, floors on every workload, 2 forks, longer iterations (about 30 minutes on 2 cores)")
    boolean full;

    @Option(names = "--report-only", description = "do not run JMH: rebuild the report from the jmh.json files already in --out")
    boolean reportOnly;

    @Option(names = "--contenders", split = ",", paramLabel = "NAME", description = "contenders to run (default: all: py4j, text, pb-generated, pb-direct, pb-parse, pb-floor)")
    List<String> contenders;

    @Option(names = "--workloads", split = ",", paramLabel = "NAME", description = "workloads to run (default: the main ones, plus sweep points)")
    List<String> workloads;

    @Option(names = "--baseline", paramLabel = "DIR", description = "an earlier report folder: the targets then say, per workload, whether codec-text is slower than in its jmh.json (recorded in --out, so --report-only keeps it)")
    Path baseline;

    @Option(names = "--no-sweeps", description = "skip the crossover sweeps")
    boolean noSweeps;

    @Option(names = "--python", paramLabel = "PATH", description = "the python3 for the Python leg (default: the first of $PY4JCODEC_PYTHON, python3, /usr/bin/python3 that imports py4j and google.protobuf)")
    String python;

    @Option(names = "--no-python", description = "skip the Python leg")
    boolean noPython;

    @Option(names = "--no-java", description = "skip the Java leg (JMH)")
    boolean noJava;

    @Option(names = "--python-rounds", paramLabel = "N", description = "rounds of the Python leg (default: 21, --full 41)")
    Integer pythonRounds;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CompareCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        PrintStream err = spec != null ? new PrintStream(System.err, true) : System.err;
        Files.createDirectories(out);
        Path json = out.resolve("jmh.json");
        if (baseline != null && !Files.exists(baseline.resolve("jmh.json"))) {
            err.println("compare: --baseline " + baseline + " has no jmh.json"); // before a run, not after it
            return 2;
        }
        if (!reportOnly) {
            Optional<PythonLeg.Interpreter> py = noPython ? Optional.empty() : PythonLeg.find(python);
            if (python != null && py.isEmpty() && !noPython) {
                err.println("compare: --python " + python + " cannot import both py4j and google.protobuf: " + PythonLeg.HOW_TO_ENABLE);
                return 2;
            }
            Files.writeString(out.resolve("machine.txt"), Machine.describe() + "\n");
            Path pyJson = out.resolve(PythonResults.FILE);
            Files.deleteIfExists(pyJson);
            if (py.isPresent()) {
                PythonLeg.Settings s = full ? PythonLeg.Settings.FULL : PythonLeg.Settings.SHORT;
                if (pythonRounds != null) {
                    s = new PythonLeg.Settings(pythonRounds, s.batchMs(), s.warmupMs());
                }
                err.println("compare: Python leg with " + py.get());
                PythonLeg.run(py.get(), pythonWorkloads(), s, pyJson, err);
            } else if (!noPython) {
                err.println("compare: no python3 here imports both py4j and google.protobuf, so this is the Java leg alone; for the Python leg, "
                        + PythonLeg.HOW_TO_ENABLE);
            }
            Path load = out.resolve(MarkdownReport.JAVA_LOAD_FILE);
            Files.deleteIfExists(load);
            if (noJava) {
                JmhResults.mergeJson(List.of(), json);
            } else {
                String before = Machine.loadAverage();
                run(json, err);
                Files.writeString(load, before + "\n" + Machine.loadAverage() + "\n");
            }
        } else if (!Files.exists(json)) {
            err.println("compare: no " + json + " to report on");
            return 2;
        }
        if (baseline != null) {
            Files.writeString(out.resolve(MarkdownReport.BASELINE_FILE),
                    out.toAbsolutePath().normalize().relativize(baseline.toAbsolutePath().normalize()) + "\n");
        }
        Path md = new MarkdownReport(JmhResults.load(json), PythonResults.load(out)).write(out);
        err.println("compare: wrote " + md.toAbsolutePath() + " (and charts, jmh.json"
                + (Files.exists(out.resolve(PythonResults.FILE)) ? ", " + PythonResults.FILE : "") + ")");
        return 0;
    }

    /** The Python leg's workloads: the Java leg's main ones and sweep points. */
    private List<Workload> pythonWorkloads() {
        List<Workload> ws = new ArrayList<>();
        for (String w : workloads != null ? workloads : Workloads.mainNames()) {
            ws.add(Workloads.named(w));
        }
        for (String w : noSweeps ? List.<String>of() : full ? Workloads.sweepNames() : shortSweep()) {
            ws.add(Workloads.named(w));
        }
        return ws;
    }

    private void run(Path json, PrintStream err) throws Exception {
        List<String> cs = contenders != null ? contenders : Contenders.names();
        List<String> mainWorkloads = workloads != null ? workloads : Workloads.mainNames();
        List<String> sweepPoints = noSweeps ? List.of() : full ? Workloads.sweepNames() : shortSweep();
        String ops = full ? "encode|decode|roundTrip" : "encode|decode";
        String sweepOps = full ? "encode|decode" : "decode";
        // sweeps leave out pb-parse and pb-floor (reference points, not codecs); the short run sweeps
        // py4j, codec-text and the fastest model-producing protobuf codec only
        List<String> sweepContenders = contenders != null ? cs.stream().filter(c -> !c.equals(ProtobufFloorContender.NAME)).toList()
                : cs.stream().filter(c -> full ? !c.equals("pb-parse") && !c.equals(ProtobufFloorContender.NAME)
                        : c.equals("py4j") || c.equals("text") || c.equals("pb-direct")).toList();
        // pb-floor is an encoder only (it decodes with pb-parse's parser), so it runs encode alone
        boolean floor = cs.contains(ProtobufFloorContender.NAME);
        List<String> codecs = cs.stream().filter(c -> !c.equals(ProtobufFloorContender.NAME)).toList();

        // JMH parameters apply to every included benchmark, so each parameter set is its own step;
        // the contenders of one workload are always measured side by side in the same step
        List<ChainedOptionsBuilder> steps = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        if (!codecs.isEmpty()) {
            steps.add(options().include(CodecBench.class.getName() + "\\.(" + ops + ")$")
                    .param("contender", codecs.toArray(new String[0]))
                    .param("workload", mainWorkloads.toArray(new String[0])));
            counts.add(codecs.size() * mainWorkloads.size() * ops.split("\\|").length);
        }
        if (floor) {
            steps.add(options().include(CodecBench.class.getName() + "\\.encode$")
                    .param("contender", ProtobufFloorContender.NAME)
                    .param("workload", mainWorkloads.toArray(new String[0])));
            counts.add(mainWorkloads.size());
        }
        if (!sweepPoints.isEmpty()) {
            steps.add(options().include(CodecBench.class.getName() + "\\.(" + sweepOps + ")$")
                    .param("contender", sweepContenders.toArray(new String[0]))
                    .param("workload", sweepPoints.toArray(new String[0])));
            counts.add(sweepContenders.size() * sweepPoints.size() * sweepOps.split("\\|").length);
        }
        List<String> floors = full ? mainWorkloads : List.of("pyspark-mix");
        steps.add(options().include(BaselineBench.class.getName() + "\\.").include(EscapeBench.class.getName() + "\\.")
                .param("workload", floors.toArray(new String[0])));
        counts.add(2 * floors.size() + 3);

        int total = counts.stream().mapToInt(Integer::intValue).sum();
        err.printf("compare: %d benchmarks (%s run), contenders %s; JDK %s; forks run with %s%n",
                total, full ? "full" : "short", cs, System.getProperty("java.version"), String.join(" ", FORK_JVM_ARGS));
        Progress progress = new Progress(err, total);
        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Path part = out.resolve("jmh-part" + i + ".json");
            new Runner(steps.get(i).result(part.toString()).build(), progress).run();
            parts.add(part);
        }
        JmhResults.mergeJson(parts, json);
        for (Path p : parts) {
            Files.deleteIfExists(p);
        }
    }

    private ChainedOptionsBuilder options() {
        return new OptionsBuilder()
                .forks(full ? 2 : 1)
                .warmupIterations(3)
                .warmupTime(TimeValue.milliseconds(full ? 300 : 150))
                .measurementIterations(full ? 4 : 4)
                .measurementTime(TimeValue.milliseconds(full ? 300 : 100))
                .jvmArgsAppend(FORK_JVM_ARGS)
                .addProfiler("gc")
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON);
    }

    /** The short run's sweep: ends and middle of each variable. */
    static List<String> shortSweep() {
        List<String> names = new ArrayList<>();
        Workloads.SWEEPS.forEach((sweep, xs) -> {
            names.add(sweep + "-" + xs[0]);
            if (xs.length > 5) {
                names.add(sweep + "-" + xs[xs.length / 2]);
            }
            names.add(sweep + "-" + xs[xs.length - 1]);
        });
        return names;
    }

    /** One line per benchmark on stderr; JMH's own output is silenced. */
    static final class Progress implements OutputFormat {
        private final PrintStream err;
        private final int total;
        private final OutputFormat silent = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
        private final long started = System.nanoTime();
        private int n;

        Progress(PrintStream err, int total) {
            this.err = err;
            this.total = total;
        }

        @Override
        public void startBenchmark(BenchmarkParams p) {
            n++;
        }

        @Override
        public void endBenchmark(BenchmarkResult r) {
            BenchmarkParams p = r.getParams();
            String name = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.', p.getBenchmark().lastIndexOf('.') - 1) + 1);
            StringBuilder params = new StringBuilder();
            for (String k : p.getParamsKeys()) {
                params.append(' ').append(p.getParam(k));
            }
            var s = r.getPrimaryResult();
            long secs = (System.nanoTime() - started) / 1_000_000_000L;
            err.printf("[%3d/%d %3ds] %-22s%-34s %12.1f ± %.1f %s%n", n, total, secs, name, params,
                    s.getScore(), s.getScoreError(), s.getScoreUnit());
        }

        @Override
        public void iteration(BenchmarkParams b, IterationParams i, int k) {
        }

        @Override
        public void iterationResult(BenchmarkParams b, IterationParams i, int k, IterationResult r) {
        }

        @Override
        public void startRun() {
        }

        @Override
        public void endRun(Collection<RunResult> results) {
        }

        @Override
        public void print(String s) {
        }

        @Override
        public void println(String s) {
            // JMH reports fork failures and warnings here
            if (s.contains("ERROR") || s.contains("Exception")) {
                err.println(s);
            }
        }

        @Override
        public void flush() {
            err.flush();
        }

        @Override
        public void close() {
            silent.close();
        }

        @Override
        public void verbosePrintln(String s) {
        }

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b) {
        }
    }
}
