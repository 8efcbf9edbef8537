package io.py4jcodec.bench;

import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.model.CallCommand;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.text.TextCodec;
import io.py4jcodec.text.TextDecoder;
import io.py4jcodec.text.TextEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The workloads of the suite. The main ones are data files in
 * {@code src/main/resources/io/py4jcodec/bench/workloads/} holding the exact bytes the writing peer
 * sends (documented in that folder's README.md); the sweeps are generated here, one point per
 * value of the swept variable. Files that are generated (numbers, bytes, long strings) come from
 * {@link #generatedMain()} with fixed seeds, and a test checks the committed files still match it.
 */
public final class Workloads {
    private static final String DIR = "workloads/";

    /** The main workloads, in report order: name, title, direction. */
    private static final String[][] MAIN = {
        {"pyspark-mix", "PySpark-like mix: 16 small commands (imports, z: statics, o<n> calls, m d)", "COMMANDS"},
        {"pyspark-answers", "the 16 answers the gateway gives to the PySpark-like mix", "ANSWERS"},
        {"small-strings", "16 calls with 0-3 short string arguments", "COMMANDS"},
        {"doubles-100", "one call with 100 doubles", "COMMANDS"},
        {"longs-100", "one call with 100 longs (L)", "COMMANDS"},
        {"bytes-64k", "one call with a 64 KiB byte array", "COMMANDS"},
        {"strings-10k", "one call with two 10 KiB strings full of escapes", "COMMANDS"},
        {"answers-all-types", "22 answers, one of every return type Java writes", "ANSWERS"},
    };

    /** Sweep variables and their points. */
    public static final Map<String, int[]> SWEEPS = new LinkedHashMap<>();

    static {
        SWEEPS.put("string-length", new int[] {1, 8, 32, 128, 512, 2048});
        SWEEPS.put("argument-count", new int[] {0, 1, 4, 16, 64});
        SWEEPS.put("number-count", new int[] {1, 10, 100, 1000});
        SWEEPS.put("bytes-size", new int[] {16, 256, 4096, 65536});
    }

    /** What each sweep varies, for report headings. */
    public static final Map<String, String> SWEEP_TITLES = Map.of(
            "string-length", "a call with 4 string arguments of N characters",
            "argument-count", "a call with N string arguments of 8 characters",
            "number-count", "a call with N doubles",
            "bytes-size", "a call with a byte array of N bytes");

    private Workloads() {
    }

    /** Every workload: the main ones, then every sweep point. */
    public static List<Workload> all() {
        List<Workload> all = new ArrayList<>(main());
        all.addAll(sweeps());
        return all;
    }

    /** The workload named {@code name} (main or sweep point). */
    public static Workload named(String name) {
        for (String[] m : MAIN) {
            if (m[0].equals(name)) {
                return load(m);
            }
        }
        for (Workload w : sweeps()) {
            if (w.name().equals(name)) {
                return w;
            }
        }
        throw new IllegalArgumentException("no workload named " + name);
    }

    /** Names of the main workloads. */
    public static List<String> mainNames() {
        List<String> names = new ArrayList<>();
        for (String[] m : MAIN) {
            names.add(m[0]);
        }
        return names;
    }

    /** Names of every sweep point. */
    public static List<String> sweepNames() {
        List<String> names = new ArrayList<>();
        SWEEPS.forEach((sweep, xs) -> {
            for (int x : xs) {
                names.add(sweep + "-" + x);
            }
        });
        return names;
    }

    public static List<Workload> main() {
        List<Workload> out = new ArrayList<>();
        for (String[] m : MAIN) {
            out.add(load(m));
        }
        return out;
    }

    private static Workload load(String[] m) {
        Direction d = Direction.valueOf(m[2]);
        byte[] text = resource(DIR + m[0] + ".py4j");
        return new Workload(m[0], m[1], d, decodeAll(d, text), text, null, 0);
    }

    /** The bytes of a bundled resource. */
    public static byte[] resource(String path) {
        try (InputStream in = Workloads.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every message in {@code text}, read as the direction's reader reads it (strictly: the data must be clean). */
    static List<Message> decodeAll(Direction d, byte[] text) {
        TextDecoder dec = TextCodec.builder(d.reader()).strict(true).build().newDecoder();
        UnsafeBuffer buf = new UnsafeBuffer(text);
        List<Message> out = new ArrayList<>();
        int off = 0;
        while (off < text.length) {
            int n = dec.decode(buf, off, text.length - off);
            if (n == MessageDecoder.NEED_MORE) {
                throw new IllegalStateException("workload ends inside a frame at byte " + off);
            }
            out.add(dec.message());
            off += n;
        }
        return out;
    }

    /** The bytes the writing peer sends for {@code messages}. */
    public static byte[] encodeAll(Direction d, List<Message> messages) {
        TextEncoder enc = TextCodec.of(d.writer()).newEncoder();
        ExpandableArrayBuffer buf = new ExpandableArrayBuffer(1024);
        int p = 0;
        for (Message m : messages) {
            p += enc.encode(m, buf, p);
        }
        byte[] out = new byte[p];
        buf.getBytes(0, out);
        return out;
    }

    // ---- generated data ----------------------------------------------------------------------

    /** The generated main workloads' messages, by file name (see workloads/README.md). */
    public static Map<String, List<Message>> generatedMain() {
        Map<String, List<Message>> out = new LinkedHashMap<>();
        out.put("doubles-100", List.of(call("o20", "addDoubles", doubles(new SplittableRandom(100), 100))));
        out.put("longs-100", List.of(call("o21", "addLongs", longs(new SplittableRandom(101), 100))));
        out.put("bytes-64k", List.of(call("o22", "write", List.of(Value.ofBytes(bytes(new SplittableRandom(102), 65536))))));
        SplittableRandom r = new SplittableRandom(103);
        out.put("strings-10k", List.of(call("o23", "put",
                List.of(Value.ofString(escapeHeavy(r, 10240)), Value.ofString(escapeHeavy(r, 10240))))));
        return out;
    }

    /** Every sweep point. */
    public static List<Workload> sweeps() {
        List<Workload> out = new ArrayList<>();
        for (int len : SWEEPS.get("string-length")) {
            SplittableRandom r = new SplittableRandom(200 + len);
            List<Value> args = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                args.add(Value.ofString(letters(r, len)));
            }
            out.add(sweep("string-length", len, "a call with 4 string arguments of " + len + " characters",
                    call("o12", "concat", args)));
        }
        for (int n : SWEEPS.get("argument-count")) {
            List<Value> args = new ArrayList<>();
            SplittableRandom r = new SplittableRandom(300 + n);
            for (int i = 0; i < n; i++) {
                args.add(Value.ofString(letters(r, 8)));
            }
            out.add(sweep("argument-count", n, "a call with " + n + " string arguments of 8 characters",
                    call("o12", "select", args)));
        }
        for (int n : SWEEPS.get("number-count")) {
            out.add(sweep("number-count", n, "a call with " + n + " doubles",
                    call("o20", "addDoubles", doubles(new SplittableRandom(400 + n), n))));
        }
        for (int n : SWEEPS.get("bytes-size")) {
            out.add(sweep("bytes-size", n, "a call with a byte array of " + n + " bytes",
                    call("o22", "write", List.of(Value.ofBytes(bytes(new SplittableRandom(500 + n), n))))));
        }
        return out;
    }

    private static Workload sweep(String sweep, int x, String title, Message m) {
        List<Message> ms = List.of(m);
        return new Workload(sweep + "-" + x, title, Direction.COMMANDS, ms, encodeAll(Direction.COMMANDS, ms), sweep, x);
    }

    private static CallCommand call(String target, String method, List<Value> args) {
        return new CallCommand(target, method, args);
    }

    /** Doubles as numeric code produces them: full-precision values over several magnitudes. */
    static List<Value> doubles(SplittableRandom r, int n) {
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double scale = Math.pow(10, r.nextInt(-6, 9));
            out.add(Value.ofDouble((r.nextDouble() * 2 - 1) * scale));
        }
        return out;
    }

    /** Longs beyond the int range (Python writes them as L). */
    static List<Value> longs(SplittableRandom r, int n) {
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long v;
            do {
                v = r.nextLong();
            } while (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE);
            out.add(Value.ofLong(v));
        }
        return out;
    }

    static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    static String letters(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }

    /**
     * Text like a log or CSV dump with Windows paths: lines of 20-60 characters ended by LF
     * or CRLF, with backslashes, so about one character in 25 needs an escape.
     */
    static String escapeHeavy(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder(n);
        while (b.length() < n) {
            int line = 20 + r.nextInt(41);
            for (int i = 0; i < line; i++) {
                int k = r.nextInt(40);
                b.append(k == 0 ? '\\' : k < 6 ? ' ' : k < 10 ? (char) ('0' + r.nextInt(10)) : (char) ('a' + r.nextInt(26)));
            }
            b.append(r.nextInt(4) == 0 ? "\r\n" : "\n");
        }
        b.setLength(n);
        return b.toString();
    }

    /** Writes the generated main workloads' files: {@code java ... Workloads DIR}. */
    public static void main(String[] args) throws IOException {
        java.nio.file.Path dir = java.nio.file.Path.of(args[0]);
        for (Map.Entry<String, List<Message>> e : generatedMain().entrySet()) {
            java.nio.file.Files.write(dir.resolve(e.getKey() + ".py4j"), encodeAll(Direction.COMMANDS, e.getValue()));
        }
    }
}
