package io.py4jcodec.text.live;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The entry point the real py4j gateway exposes to the codec-built Python client in the live tests.
 * It runs in the test's own JVM, so a test can look at what Java really received ({@link #lastReceived},
 * {@link #answers}) instead of trusting the wire alone. Public, because py4j only reflects on public
 * members.
 */
public class LiveFixture {
    /** A static field whose value needs escaping on the wire. */
    public static final String GREETING = "hello\nworld";

    public int counter;
    public String label = "start";

    /** The last argument {@link #echoObject} received, as Java saw it. */
    public volatile Object lastReceived;
    /** What the Python proxy answered to {@link #askAll}, converted by py4j to the interface's types. */
    public volatile List<Object> answers;

    public LiveFixture() {
    }

    public LiveFixture(String label, int counter) {
        this.label = label;
        this.counter = counter;
    }

    public static int twice(int x) {
        return 2 * x;
    }

    public int addInts(int a, int b) {
        return a + b;
    }

    public long addLongs(long a, long b) {
        return a + b;
    }

    public double half(double d) {
        return d / 2;
    }

    public boolean negate(boolean b) {
        return !b;
    }

    public BigDecimal addDecimals(BigDecimal a, BigDecimal b) {
        return a.add(b);
    }

    public String concat(String a, String b) {
        return a + b;
    }

    public byte[] reverse(byte[] b) {
        byte[] r = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            r[i] = b[b.length - 1 - i];
        }
        return r;
    }

    /** Returns its argument unchanged, so py4j's own return encoding picks the answer type. */
    public Object echoObject(Object o) {
        lastReceived = o;
        return o;
    }

    /** Class and value of the argument, without calling back into a Python proxy. */
    public String describe(Object o) {
        lastReceived = o;
        return o == null ? "null" : o.getClass().getName() + ":" + o;
    }

    public char letter() {
        return 'x';
    }

    public float third() {
        return 1f / 3;
    }

    public long biggest() {
        return Long.MAX_VALUE;
    }

    public short small() {
        return -7;
    }

    /** py4j writes any Number it does not know as i + toString(), even past the int range. */
    public Number atomic() {
        return new java.util.concurrent.atomic.AtomicLong(1L << 40);
    }

    public Object nothing() {
        return null;
    }

    public void touch() {
        counter++;
    }

    public void fail(String message) {
        throw new IllegalStateException(message);
    }

    public List<String> names() {
        return new ArrayList<>(List.of("b", "c", "a", "b"));
    }

    public Map<String, Integer> ages() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("ann", 31);
        m.put("bob", 42);
        return m;
    }

    public Set<String> tags() {
        return new LinkedHashSet<>(List.of("red", "green"));
    }

    public int[] numbers() {
        return new int[] {3, 1, 4, 1, 5};
    }

    public String[] words() {
        return new String[] {"x", "y\nz"};
    }

    public Iterator<String> iterate() {
        return List.of("one", "two").iterator();
    }

    public byte[] someBytes() {
        return new byte[] {0, -1, 10, 33, 121};
    }

    /** For the S command: py4j copies the channel's bytes raw after its {@code !yv} line. */
    public ReadableByteChannel open(byte[] payload) {
        return Channels.newChannel(new ByteArrayInputStream(payload));
    }

    public String greet(Greeter g, String name) {
        return "java got: " + g.greet(name);
    }

    /** The proxy's error surfaces in Java as an exception; its message is what Java made of the answer. */
    public String greetCatching(Greeter g, String name) {
        try {
            return "no error: " + g.greet(name);
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /**
     * A Java thread that serves no Python connection calls the proxy: GatewayServer uses its callback
     * pool; ClientServer opens a new connection to the Python server.
     */
    public String greetFromNewThread(Greeter g, String name) throws Exception {
        return CompletableFuture.supplyAsync(() -> g.greet(name)).get(5, TimeUnit.SECONDS);
    }

    public Object applyFromNewThread(Function<Object, Object> f, Object arg) throws Exception {
        return CompletableFuture.supplyAsync(() -> f.apply(arg)).get(5, TimeUnit.SECONDS);
    }

    public Object apply(Function<Object, Object> f, Object arg) {
        return f.apply(arg);
    }

    /** Sends every Java value kind to Python as callback arguments. */
    public Object pass(Sink sink) {
        return sink.take(7, 1L << 40, 0.1, true, "a\nb\\c\u00e9\ud83d\ude00", new byte[] {0, -1, 10},
                new BigDecimal("-1.50"), null, 'q', 2.5f, names());
    }

    public int askAll(Answers a) {
        List<Object> got = new ArrayList<>();
        got.add(a.anInt());
        got.add(a.aLong());
        got.add(a.aDouble());
        got.add(a.aBoolean());
        got.add(a.aString());
        got.add(a.someBytes());
        got.add(a.aDecimal());
        got.add(a.anObject());
        a.nothing();
        answers = got;
        return got.size();
    }

    /** Receives a proxy and drops it, so that only the garbage collector still knows it. */
    public void forget(Greeter g) {
    }

    public interface Greeter {
        String greet(String name);
    }

    public interface Sink {
        Object take(int i, long l, double d, boolean b, String s, byte[] j, BigDecimal dec, Object n, char c,
                    float f, List<String> list);
    }

    public interface Answers {
        int anInt();

        long aLong();

        double aDouble();

        boolean aBoolean();

        String aString();

        byte[] someBytes();

        BigDecimal aDecimal();

        Object anObject();

        void nothing();
    }
}
