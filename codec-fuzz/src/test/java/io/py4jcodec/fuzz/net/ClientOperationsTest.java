package io.py4jcodec.fuzz.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.IntValue;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.spec.CanonicalJson;
import io.py4jcodec.testkit.Entropy;
import io.py4jcodec.testkit.Generators;
import io.py4jcodec.testkit.PythonPeer;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.text.TextCodec;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every operation of the driver protocol, answered as a gateway that behaves answers, against the
 * real py4j Python client in both modes: what it sends is what PROTOCOL.md says, in order, and its
 * result is the answered value. The one exception is py4j's own (FINDINGS, dir_jvm).
 */
class ClientOperationsTest {

    private static final Generators GEN = Generators.forLimits(Limits.DEFAULT);

    @ParameterizedTest(name = "{0}")
    @EnumSource(ConnectionMode.class)
    void everyOperationSendsWhatProtocolMdSays(ConnectionMode mode, @TempDir Path out) throws Exception {
        PythonPeer py = PythonPeer.require();
        List<Reproducer> cases = new ArrayList<>();
        for (String kind : ClientOperations.KINDS) {
            cases.add(answeredValidly(kind, mode));
        }
        GatewayCampaign c = campaign(py, GatewayCampaign.shippedDriver(), mode, out);
        List<Outcome> got = c.replay(cases);
        Map<String, Outcome> byKind = new LinkedHashMap<>();
        Map<String, Outcome> want = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            String kind = ClientOperations.KINDS.get(i);
            byKind.put(kind, got.get(i));
            want.put(kind, kind.equals("dir_jvm") ? Outcome.NONCONFORMING : Outcome.OK);
        }
        assertEquals(want, byKind, details(c));
        // py4j's JVMView.__dir__ reads self._fqn, which a JVMView lacks: its __getattr__ looks "_fqn" up in the JVM
        assertTrue(details(c).contains("an extra command for one operation: \"r\\nu\\n_fqn\\nrj\\ne\\n\""), details(c));
    }

    /**
     * planted_ops.py is the real client with one misbehaviour planted per operation kind: each is
     * reported under its oracle's finding kind, and its reproducer replays to the same kind.
     */
    @Test
    void aPlantedMisbehaviourOnEveryNewOperationIsReportedUnderItsKindAndReplays(@TempDir Path out) throws Exception {
        PythonPeer py = PythonPeer.require();
        Map<String, Outcome> want = new LinkedHashMap<>();
        String[] plants = {"constructor", "NONCONFORMING", "list_len", "MISREAD", "list_get", "DUPLICATE",
            "list_set", "UNPARSEABLE", "list_slice", "NONCONFORMING", "list_contains", "UNDOCUMENTED_EXCEPTION",
            "list_iter", "MISREAD", "map_len", "STRAY_CONNECTION", "map_get", "TIMEOUT", "map_put", "DUPLICATE",
            "map_contains", "NONCONFORMING", "set_len", "UNPARSEABLE", "set_contains", "MISREAD",
            "set_add", "UNDOCUMENTED_EXCEPTION", "array_len", "NONCONFORMING", "array_get", "MISREAD",
            "array_set", "DUPLICATE", "array_slice", "STRAY_CONNECTION", "dir", "MISREAD", "dir_jvm", "TIMEOUT",
            "help", "UNPARSEABLE", "gc", "DUPLICATE", "shutdown", "STRAY_CONNECTION",
            "list_concat", "NONCONFORMING", "list_multiply", "MISREAD", "list_multiply_in_place", "DUPLICATE",
            "list_count", "UNPARSEABLE", "list_sort", "UNDOCUMENTED_EXCEPTION", "list_reverse", "STRAY_CONNECTION",
            "new_array", "TIMEOUT", "new_jvm_view", "MISREAD", "dir_class", "UNPARSEABLE", "help_class", "DUPLICATE"};
        List<Reproducer> cases = new ArrayList<>();
        for (int i = 0; i < plants.length; i += 2) {
            want.put(plants[i], Outcome.valueOf(plants[i + 1]));
            cases.add(answeredValidly(plants[i], ConnectionMode.GATEWAY));
        }
        Path driver = out.resolve("planted_ops.py");
        Files.copy(GatewayCampaign.shippedDriver(), out.resolve("py4j_client.py"));
        try (InputStream in = getClass().getResourceAsStream("/io/py4jcodec/fuzz/drivers/planted_ops.py")) {
            Files.write(driver, in.readAllBytes());
        }
        GatewayCampaign first = campaign(py, driver, ConnectionMode.GATEWAY, out.resolve("repros"));
        List<Outcome> got = first.replay(cases);
        Map<String, Outcome> byKind = new LinkedHashMap<>();
        for (int i = 0; i < cases.size(); i++) {
            byKind.put(plants[2 * i], got.get(i));
        }
        assertEquals(want, byKind, details(first));
        List<Reproducer> written = new ArrayList<>();
        for (Findings.Finding f : first.findings().all()) {
            assertNotNull(f.reproducer(), f.signature());
            written.add(Reproducer.read(f.reproducer()));
        }
        List<Outcome> again = campaign(py, driver, ConnectionMode.GATEWAY, out.resolve("again")).replay(written);
        Map<String, Outcome> replayed = new LinkedHashMap<>();
        for (int i = 0; i < written.size(); i++) {
            replayed.put(CanonicalJson.parse(written.get(i).op()).get("op").asText(), again.get(i));
        }
        assertEquals(want.keySet(), replayed.keySet(), "every plant wrote a reproducer");
        for (var e : replayed.entrySet()) {
            assertEquals(want.get(e.getKey()), e.getValue(), "the reproducer of " + e.getKey() + " replays to the same outcome");
        }
    }

    /**
     * FINDINGS 25: sort, reverse and {@code *=} return nothing even when Java answers an error (the
     * DISCARDED oracle reports any error, or any value, from an answer the client could read).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(ConnectionMode.class)
    void sortReverseAndMultiplyInPlaceDropAnErrorAnswer(ConnectionMode mode, @TempDir Path out) throws Exception {
        PythonPeer py = PythonPeer.require();
        List<Reproducer> cases = new ArrayList<>();
        List<String> kinds = List.of("list_sort", "list_reverse", "list_multiply_in_place");
        byte[] error = TextCodec.of(Side.JAVA).newEncoder().encode(ReturnMessage.error(new io.py4jcodec.api.model.StringValue("boom")));
        for (String kind : kinds) {
            var op = ClientOperations.op(kind, Entropy.seeded(kind.hashCode()), GEN);
            cases.add(new Reproducer("gateway", mode.name(), Outcome.OK, kind, 0, 0, error, null, null, "", CanonicalJson.write(op), ""));
        }
        GatewayCampaign c = campaign(py, GatewayCampaign.shippedDriver(), mode, out);
        assertEquals(List.of(Outcome.OK, Outcome.OK, Outcome.OK), c.replay(cases), details(c));
    }

    /**
     * Lookup cases fuzz the answer to an earlier command of an operation (a class name's lookup, the
     * size a negative index needs) instead of its last. The real client raises a documented error
     * when a lookup is answered with an error; a driver planted to swallow that error into a result
     * is reported MISREAD, and its reproducer, which records the command it answers, replays to the same.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(ConnectionMode.class)
    void aLookupAnsweredWithAnErrorIsRaisedAndASwallowedOneIsAMisread(ConnectionMode mode, @TempDir Path out) throws Exception {
        PythonPeer py = PythonPeer.require();
        byte[] error = TextCodec.of(Side.JAVA).newEncoder().encode(ReturnMessage.error(new io.py4jcodec.api.model.StringValue("no such")));
        List<Reproducer> cases = new ArrayList<>();
        for (String[] c : new String[][]{{"constructor", "0"}, {"constructor", "2"}, {"list_get", "0"}, {"array_slice", "0"}}) {
            var op = ClientOperations.op(c[0], Entropy.seeded(c[0].hashCode()), GEN);
            if (c[0].equals("constructor")) {
                op.put("class", "java.util.ArrayList"); // three lookups: java, java.util, java.util.ArrayList
            } else if (c[0].equals("list_get")) {
                op.put("index", -1); // a negative index: the size first
            } else {
                op.put("start", -2).put("stop", -1);
            }
            int at = Integer.parseInt(c[1]);
            assertTrue(at < ClientOperations.script(op).lookups().size(), c[0] + " has lookup " + at);
            cases.add(new Reproducer("gateway", mode.name(), Outcome.OK, c[0], 0, 0, error, null, null, "",
                    CanonicalJson.write(op), "", at));
        }
        GatewayCampaign real = campaign(py, GatewayCampaign.shippedDriver(), mode, out.resolve("real"));
        assertEquals(List.of(Outcome.OK, Outcome.OK, Outcome.OK, Outcome.OK), real.replay(cases), details(real));

        Files.copy(GatewayCampaign.shippedDriver(), out.resolve("py4j_client.py"));
        Path driver = out.resolve("planted_lookup.py");
        try (InputStream in = getClass().getResourceAsStream("/io/py4jcodec/fuzz/drivers/planted_lookup.py")) {
            Files.write(driver, in.readAllBytes());
        }
        GatewayCampaign planted = campaign(py, driver, mode, out.resolve("planted"));
        assertEquals(List.of(Outcome.MISREAD, Outcome.MISREAD, Outcome.MISREAD, Outcome.MISREAD), planted.replay(cases), details(planted));
        assertTrue(details(planted).contains("MISREAD constructor generated lookup @result"), details(planted));
        List<Reproducer> written = new ArrayList<>();
        for (Findings.Finding f : planted.findings().all()) {
            Reproducer r = Reproducer.read(f.reproducer());
            assertTrue(r.answerAt() >= 0, "the reproducer says which command it answers: " + f.reproducer());
            written.add(r);
        }
        List<Outcome> again = campaign(py, driver, mode, out.resolve("again")).replay(written);
        assertEquals(java.util.Collections.nCopies(written.size(), Outcome.MISREAD), again);
    }

    /** A case of {@code kind} whose last command is answered as a gateway that behaves answers it. */
    private static Reproducer answeredValidly(String kind, ConnectionMode mode) {
        var op = ClientOperations.op(kind, Entropy.seeded(kind.hashCode()), GEN);
        ClientOperations.Script s = ClientOperations.script(op);
        ReturnMessage answer = s.answer() == ClientOperations.AnswerKind.ANY ? ReturnMessage.success(new IntValue(7))
                : ClientOperations.typed(s.answer(), Entropy.seeded(3));
        byte[] bytes = s.answer() == ClientOperations.AnswerKind.NONE ? new byte[0]
                : TextCodec.of(Side.JAVA).newEncoder().encode(answer);
        return new Reproducer("gateway", mode.name(), Outcome.OK, kind, 0, 0, bytes, null, null, "", CanonicalJson.write(op), "");
    }

    private static GatewayCampaign campaign(PythonPeer py, Path driver, ConnectionMode mode, Path out) {
        Map<String, String> env = new HashMap<>();
        py.pythonPath().ifPresent(p -> env.put("PYTHONPATH", p.toString()));
        return new GatewayCampaign(new GatewayCampaign.Config(0, null, mode, List.of(py.interpreter(), driver.toString(), "{port}"),
                env, 1L, 1, Duration.ofSeconds(120), Duration.ofSeconds(2), out,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
    }

    private static String details(GatewayCampaign c) {
        return c.findings().all().stream().map(f -> f.signature() + ": " + f.detail()).collect(Collectors.joining("\n"));
    }
}
