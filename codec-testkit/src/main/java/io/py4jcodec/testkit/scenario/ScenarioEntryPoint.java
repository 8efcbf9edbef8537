package io.py4jcodec.testkit.scenario;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The entry point the scenario script drives: every value type in and out, overloads, collections,
 * exceptions, callbacks into Python (nested, from several Java threads), objects handed out and
 * released. Each method answers something the script can compare, so a gateway that converts, resolves
 * or routes differently from py4j shows up as a different observable result.
 *
 * <p>Stateless between scenarios except for what a scenario asks it to hold; every wait is bounded.
 */
public class ScenarioEntryPoint {
    /** How long a Java-side wait (threads, GC) may take before the method answers what it has. */
    private static final long WAIT_MS = 10_000;

    private final Map<String, List<WeakReference<Object>>> handedOut = new ConcurrentHashMap<>();
    private volatile ScenarioCallback held;
    /** A Java thread that exists before any Python connection: calls from it start on the Java side. */
    private final ExecutorService javaOwnThread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scenario-java-own");
        t.setDaemon(true);
        return t;
    });

    // ---- values in and out -------------------------------------------------------------------

    public int echoInt(int v) { return v; }
    public long echoLong(long v) { return v; }
    public double echoDouble(double v) { return v; }
    public boolean echoBoolean(boolean v) { return v; }
    public BigDecimal echoDecimal(BigDecimal v) { return v; }
    public String echoString(String v) { return v; }
    public byte[] echoBytes(byte[] v) { return v; }
    public char echoChar(char v) { return v; }
    public Object echoObject(Object v) { return v; }

    public void doNothing() { }
    public String returnsNull() { return null; }
    public Integer boxedNull() { return null; }
    public float returnFloat() { return 1.1f; }
    public short returnShort() { return (short) -7; }
    public byte returnByte() { return (byte) -128; }
    public long returnSmallLong() { return 5L; }
    public long returnBigLong() { return Long.MIN_VALUE; }
    public char returnChar() { return '\u00e9'; }
    public Character returnBoxedChar() { return '\n'; }
    public BigDecimal returnDecimal() { return new BigDecimal("-12345678901234567890.000001"); }
    public byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }
    public byte[] emptyBytes() { return new byte[0]; }

    /** Doubles Python cannot type as literals: {@code nan}, {@code inf}, {@code -inf}, {@code -0.0}, extremes. */
    public double specialDouble(String kind) {
        return switch (kind) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "-0.0" -> -0.0;
            case "max" -> Double.MAX_VALUE;
            case "min" -> Double.MIN_VALUE;
            case "tenth" -> 0.1;
            case "1e22" -> 1e22;
            default -> throw new IllegalArgumentException("no such double: " + kind);
        };
    }

    /** Strings whose escaping is the wire's hard part. */
    public String specialString(String kind) {
        return switch (kind) {
            case "escapes" -> "a\\nb\\\\c\\rd\\";
            case "newlines" -> "line1\nline2\r\nline3\r";
            case "controls" -> "\t\u0000\u0001\u001f\u007f";
            case "non-ascii" -> "\u00e9\u00df\u4e2d\u6587 \u0627\u0644\u0639\u0631\u0628\u064a\u0629";
            case "surrogates" -> "\ud83d\ude00 \ud834\udd1e";
            case "lone-surrogate" -> "a\ud800b";
            case "empty" -> "";
            case "long" -> "x".repeat(100_000);
            default -> throw new IllegalArgumentException("no such string: " + kind);
        };
    }

    /** What Java received: its class and value, so Python can see how its arguments were converted. */
    public String describe(Object v) {
        if (v == null) {
            return "null";
        }
        String value;
        if (v instanceof byte[] b) {
            value = HexFormat.of().formatHex(b);
        } else if (v instanceof int[] a) {
            value = Arrays.toString(a);
        } else if (v instanceof Object[] a) {
            value = Arrays.deepToString(a);
        } else if (v instanceof ScenarioCallback) {
            // a proxy's class name (jdk.proxyN.$ProxyM) counts proxy classes made so far: not observable semantics
            return "proxy:" + ScenarioCallback.class.getName();
        } else if (v instanceof Double d && d == 0.0 && 1 / d < 0) {
            value = "-0.0";
        } else {
            value = String.valueOf(v);
        }
        return v.getClass().getName() + ":" + value;
    }

    public String describeAll(Object a, Object b, Object c) {
        return describe(a) + "|" + describe(b) + "|" + describe(c);
    }

    public int stringLength(String s) {
        return s.length();
    }

    public int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    public int bytesLength(byte[] b) {
        return b.length;
    }

    // ---- overloads -----------------------------------------------------------------------------

    public String over() { return "()"; }
    public String over(int v) { return "(int)"; }
    public String over(long v) { return "(long)"; }
    public String over(double v) { return "(double)"; }
    public String over(boolean v) { return "(boolean)"; }
    public String over(char v) { return "(char)"; }
    public String over(String v) { return "(String)"; }
    public String over(byte[] v) { return "(byte[])"; }
    public String over(List<?> v) { return "(List)"; }
    public String over(Object v) { return "(Object)"; }
    public String over(int a, int b) { return "(int,int)"; }
    public String over(int a, String b) { return "(int,String)"; }
    public String over(Object a, Object b) { return "(Object,Object)"; }

    public String wide(long v) { return "wide(long)"; }
    public String wide(double v) { return "wide(double)"; }

    public String boxed(Integer v) { return "boxed(Integer:" + v + ")"; }

    // ---- collections ---------------------------------------------------------------------------

    public List<String> list() {
        return new ArrayList<>(List.of("b", "a", "c", "a"));
    }

    public List<Object> mixedList() {
        List<Object> l = new ArrayList<>();
        Collections.addAll(l, 1, 2L, 1.5, true, "s", null, new BigDecimal("1.50"), 'c');
        return l;
    }

    public List<List<Integer>> nestedList() {
        return new ArrayList<>(List.of(new ArrayList<>(List.of(1, 2)), new ArrayList<>(List.of(3))));
    }

    public List<String> emptyList() {
        return new ArrayList<>();
    }

    public List<String> unmodifiableList() {
        return List.of("x", "y");
    }

    public Map<String, Integer> map() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("one", 1);
        m.put("two", 2);
        m.put("three", 3);
        return m;
    }

    public Set<String> set() {
        return new TreeSet<>(List.of("b", "a", "c"));
    }

    public int[] intArray() {
        return new int[] {3, 1, 2};
    }

    public String[] stringArray() {
        return new String[] {"x", null, "z"};
    }

    public int[][] matrix() {
        return new int[][] {{1, 2}, {3, 4, 5}};
    }

    public Iterator<String> iterator() {
        return List.of("i1", "i2", "i3").iterator();
    }

    public int sum(List<Integer> values) {
        int s = 0;
        for (Integer v : values) {
            s += v;
        }
        return s;
    }

    public String describeMap(Map<?, ?> m) {
        return m.getClass().getName() + ":" + new java.util.TreeMap<>(m);
    }

    public String describeSet(Set<?> s) {
        return s.getClass().getName() + ":" + new TreeSet<>(s);
    }

    public int arraySum(int[] values) {
        return Arrays.stream(values).sum();
    }

    /** A binary answer for the stream command ({@code S}): the bytes 0..n-1 (mod 256). */
    public ReadableByteChannel streamBytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return Channels.newChannel(new ByteArrayInputStream(b));
    }

    // ---- exceptions ----------------------------------------------------------------------------

    public String throwRuntime(String message) {
        throw new IllegalStateException(message);
    }

    public String throwChecked() throws IOException {
        throw new IOException("checked failure");
    }

    public String throwWithCause() {
        try {
            throwChecked();
            return "unreachable";
        } catch (IOException e) {
            throw new RuntimeException("wrapped", e);
        }
    }

    public String throwCustom(int code) throws ScenarioException {
        throw new ScenarioException("custom failure " + code, code);
    }

    public int throwNullPointer() {
        String s = null;
        return s.length();
    }

    /** A checked exception with state Python can read through {@code e.java_exception}. */
    public static class ScenarioException extends Exception {
        private final int code;

        public ScenarioException(String message, int code) {
            super(message);
            this.code = code;
        }

        public int getCode() {
            return code;
        }
    }

    // ---- callbacks -----------------------------------------------------------------------------

    public String callBack(ScenarioCallback cb, String arg) {
        return "java<" + cb.call(arg) + ">";
    }

    /** Java half of the nesting: Java calls Python's {@code bounce(depth - 1)}, which calls back here. */
    public String bounce(ScenarioCallback cb, int depth) {
        if (depth <= 0) {
            return "bottom";
        }
        return "j" + depth + ">" + cb.bounce(depth - 1);
    }

    /** Sends every Java value kind to Python's {@code accept}; one line per value, as Python described it. */
    public List<String> feed(ScenarioCallback cb) {
        List<Object> values = new ArrayList<>();
        Collections.addAll(values, 7, 1L << 40, Long.MAX_VALUE, 2.5, Double.NaN, Double.NEGATIVE_INFINITY, -0.0,
                true, false, "s\n\\\u00e9\ud83d\ude00", "", 'c', null, new BigDecimal("3.14"), new byte[] {0, -1, 10},
                new ArrayList<>(List.of("l")), new LinkedHashMap<>(Map.of("k", 1)), new TreeSet<>(Set.of("e")),
                new int[] {1, 2}, new ScenarioFixture("fed", 1), (short) 3, (byte) 4, 1.5f);
        List<String> out = new ArrayList<>();
        for (Object v : values) {
            out.add(cb.accept(v));
        }
        return out;
    }

    /** What Python's {@code produce(kind)} answer became in Java. */
    public String produce(ScenarioCallback cb, String kind) {
        return describe(cb.produce(kind));
    }

    /** Calls Python and reports how a failure there reached Java (class and first line of the message). */
    public String callCatching(ScenarioCallback cb, String arg) {
        try {
            return "returned:" + cb.call(arg);
        } catch (RuntimeException e) {
            String m = String.valueOf(e.getMessage());
            int nl = m.indexOf('\n');
            return e.getClass().getName() + ":" + (nl < 0 ? m : m.substring(0, nl));
        }
    }

    /**
     * Calls {@code cb.call("t<i>")} from {@code threads} Java threads at once (released together by a
     * latch); answers the results sorted, or the failures. Bounded by {@link #WAIT_MS}.
     */
    public List<String> fromThreads(ScenarioCallback cb, int threads) throws InterruptedException {
        List<String> results = new CopyOnWriteArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        for (int i = 0; i < threads; i++) {
            String arg = "t" + i;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                    results.add(cb.call(arg));
                } catch (Throwable e) {
                    results.add("failed:" + e.getClass().getName());
                } finally {
                    done.countDown();
                }
            }, "scenario-caller-" + i);
            t.setDaemon(true);
            t.start();
        }
        go.countDown();
        if (!done.await(WAIT_MS, TimeUnit.MILLISECONDS)) {
            results.add("timed out: " + done.getCount() + " of " + threads + " threads unfinished");
        }
        List<String> sorted = new ArrayList<>(results);
        Collections.sort(sorted);
        return sorted;
    }

    /** Runs a Python {@code Runnable} on a new Java thread (not one that serves Python) and waits for it. */
    public boolean runOnNewThread(Runnable r) throws InterruptedException {
        Thread t = new Thread(r, "scenario-runnable");
        t.setDaemon(true);
        t.start();
        t.join(WAIT_MS);
        return !t.isAlive();
    }

    /**
     * Calls {@code cb.call(arg)} on a Java thread that Python did not start and that serves no Python
     * connection (made when this entry point was), and answers the result, or the failure's class and
     * first message line (so a refused callback connection is an observation, not a hang).
     */
    public String callFromJavaThread(ScenarioCallback cb, String arg) throws InterruptedException {
        try {
            return javaOwnThread.submit(() -> cb.call(arg)).get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            String m = String.valueOf(c.getMessage());
            int nl = m.indexOf('\n');
            return "failed:" + c.getClass().getName() + ":" + (nl < 0 ? m : m.substring(0, nl));
        } catch (TimeoutException e) {
            return "timed out";
        }
    }

    /** The calling Java thread's id: in ClientServer mode a Python thread's calls all run on one Java thread. */
    public long javaThreadId() {
        return Thread.currentThread().getId();
    }

    /** Java's sort with a Python {@code java.util.Comparator}. */
    public List<String> sortWith(List<String> values, Comparator<String> comparator) {
        List<String> copy = new ArrayList<>(values);
        copy.sort(comparator);
        return copy;
    }

    public Object identity(Object o) {
        return o;
    }

    public boolean isProxy(Object o) {
        return o instanceof ScenarioCallback;
    }

    // ---- objects held and released --------------------------------------------------------------

    /** A new object Python receives a reference to; tracked weakly under {@code label}. */
    public ScenarioFixture handOut(String label) {
        ScenarioFixture f = new ScenarioFixture(label, 0);
        handedOut.computeIfAbsent(label, k -> new CopyOnWriteArrayList<>()).add(new WeakReference<>(f));
        return f;
    }

    /**
     * How many objects handed out under {@code label} are still reachable after Java's GC, waiting up
     * to {@code timeoutMs} for the count to reach {@code expected} (Python's {@code m d} removing them
     * from the gateway's object table is what lets them go).
     */
    public int liveHandedOut(String label, int expected, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.min(timeoutMs, WAIT_MS));
        while (true) {
            System.gc();
            int live = 0;
            for (WeakReference<Object> r : handedOut.getOrDefault(label, List.of())) {
                if (r.get() != null) {
                    live++;
                }
            }
            if (live <= expected || System.nanoTime() > deadline) {
                return live;
            }
            Thread.sleep(20);
        }
    }

    public void hold(ScenarioCallback cb) {
        held = cb;
    }

    public String callHeld(String arg) {
        ScenarioCallback cb = held;
        return cb == null ? "nothing held" : cb.call(arg);
    }

    /** {@link #callHeld} on the Java thread of {@link #callFromJavaThread}. */
    public String callHeldFromJavaThread(String arg) throws InterruptedException {
        ScenarioCallback cb = held;
        return cb == null ? "nothing held" : callFromJavaThread(cb, arg);
    }

    /** Drops the held Python object and runs Java's GC, so the proxy's finalizer can tell Python. */
    public void release() throws InterruptedException {
        held = null;
        for (int i = 0; i < 5; i++) {
            System.gc();
            System.runFinalization();
            Thread.sleep(10);
        }
    }

    /** Runs Java's GC and finalizers once, so dropped Python proxies can tell Python ({@code g}). */
    public void collectGarbage() {
        System.gc();
        System.runFinalization();
    }

    public String ping() {
        return "pong";
    }
}
