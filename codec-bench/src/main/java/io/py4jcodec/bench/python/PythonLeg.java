package io.py4jcodec.bench.python;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.py4jcodec.api.MessageEncoder;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.bench.Workload;
import io.py4jcodec.bench.Workloads;
import io.py4jcodec.binary.BinaryCodec;
import io.py4jcodec.proto.Py4jProto;
import io.py4jcodec.testkit.PythonPeer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The Python leg of {@code compare}: py4j's own Python code against protobuf-python on the Java leg's
 * workloads, in a python3 subprocess ({@code python_leg.py}, shipped in this jar).
 *
 * <p>The Python gets each workload as the Java leg has it: the exact text bytes (the data file, or the
 * sweep point's bytes) and codec-binary's protobuf frame of every message; it must write those same
 * bytes back with py4j's client and with protobuf, and read the same values, before it times anything.
 * The schema goes over as protobuf-java's descriptor of {@code py4j.proto}, so no generated Python code
 * is needed and any protobuf-python release that can load a descriptor works.
 *
 * <pre>{@code
 * Optional<PythonLeg.Interpreter> py = PythonLeg.find(null);           // --python, else the candidates
 * py.ifPresent(p -> PythonLeg.run(p, Workloads.main(), PythonLeg.Settings.SHORT, dir.resolve("python.json"), System.err));
 * }</pre>
 */
public final class PythonLeg {
    /** What to install when no python can run the leg (one line). */
    public static final String HOW_TO_ENABLE = "install protobuf for python3 (Debian/Ubuntu: apt-get install python3-protobuf;"
            + " elsewhere: pip install protobuf) and py4j 0.10.9.9 (pip install py4j==0.10.9.9, or PY4J_PYTHONPATH=<folder holding"
            + " the py4j package>), or choose the interpreter with --python PATH";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A python that imports py4j (as {@link PythonPeer} finds it) and {@code google.protobuf}. */
    public record Interpreter(PythonPeer peer, String protobuf) {
        @Override
        public String toString() {
            return peer + ", protobuf " + protobuf;
        }
    }

    /** Timing settings: rounds of interleaved batches, each at least {@code batchMs}, after {@code warmupMs}. */
    public record Settings(int rounds, double batchMs, double warmupMs) {
        /** The default run's. */
        public static final Settings SHORT = new Settings(21, 3, 100);
        /** The publication run's. */
        public static final Settings FULL = new Settings(41, 5, 300);
    }

    private PythonLeg() {
    }

    /**
     * The first interpreter that imports both py4j and protobuf: {@code explicit} alone when given,
     * else {@link PythonPeer#defaultInterpreter()}, {@code python3} on the PATH, {@code /usr/bin/python3}.
     */
    public static Optional<Interpreter> find(String explicit) {
        Set<String> candidates = new LinkedHashSet<>();
        if (explicit != null) {
            candidates.add(explicit);
        } else {
            candidates.add(PythonPeer.defaultInterpreter());
            candidates.add("python3");
            candidates.add("/usr/bin/python3");
        }
        for (String c : candidates) {
            Optional<PythonPeer> peer = PythonPeer.find(c);
            if (peer.isPresent()) {
                String pb = protobufVersion(peer.get());
                if (pb != null) {
                    return Optional.of(new Interpreter(peer.get(), pb));
                }
            }
        }
        return Optional.empty();
    }

    private static String protobufVersion(PythonPeer peer) {
        return peer.output("-c", "import google.protobuf as g; print(g.__version__)");
    }

    /**
     * Runs the leg on {@code workloads} and writes its JSON result to {@code out}; progress lines go to
     * {@code err}. Fails (IOException) when the Python fails, e.g. when a contender does not give back
     * the workload's bytes or values.
     */
    public static void run(Interpreter py, List<Workload> workloads, Settings settings, Path out, PrintStream err)
            throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("py4j-codec-python-leg");
        try {
            Path script = work.resolve("python_leg.py");
            Files.write(script, Workloads.resource("/io/py4jcodec/bench/python/python_leg.py"));
            Path descriptor = work.resolve("py4j.proto.pb");
            Files.write(descriptor, Py4jProto.getDescriptor().toProto().toByteArray());
            Path input = work.resolve("workloads.json");
            JSON.writeValue(input.toFile(), input(workloads));
            Process p = py.peer().command(script.toString(), "--input", input.toString(), "--descriptor", descriptor.toString(),
                            "--out", out.toString(), "--rounds", Integer.toString(settings.rounds()),
                            "--batch-ms", Double.toString(settings.batchMs()), "--warmup-ms", Double.toString(settings.warmupMs()))
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            List<String> tail = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    err.println(line);
                    tail.add(line);
                }
            }
            // the output ended, so the process is exiting; the bound only guards against a hung interpreter
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("python leg did not exit");
            }
            if (p.exitValue() != 0 || !Files.exists(out)) {
                throw new IOException("python leg failed (exit " + p.exitValue() + "): "
                        + (tail.isEmpty() ? "no output" : tail.get(tail.size() - 1)));
            }
        } finally {
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    /** Each workload's text bytes and codec-binary frames, as the Python reads them. */
    static ObjectNode input(List<Workload> workloads) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode ws = root.putArray("workloads");
        Base64.Encoder b64 = Base64.getEncoder();
        for (Workload w : workloads) {
            MessageEncoder pb = BinaryCodec.of(w.direction().writer()).newEncoder();
            ObjectNode o = ws.addObject();
            o.put("name", w.name());
            o.put("direction", w.direction().name());
            o.put("text", b64.encodeToString(w.text()));
            ArrayNode frames = o.putArray("frames");
            for (Message m : w.messages()) {
                frames.add(b64.encodeToString(pb.encode(m)));
            }
        }
        return root;
    }
}
