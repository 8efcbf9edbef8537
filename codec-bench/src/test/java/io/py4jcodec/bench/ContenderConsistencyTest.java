package io.py4jcodec.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.NullValue;
import io.py4jcodec.api.model.SuccessReturn;
import io.py4jcodec.api.model.VoidValue;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nobody wins by doing less work: every contender, on every workload, decodes to the workload's
 * model, both from the real writer's bytes and from its own encoding (the round trip the benchmark
 * times). The model itself comes from the strict text decoder over the shipped data files.
 */
class ContenderConsistencyTest {

    static Stream<Arguments> pairs() {
        List<Arguments> out = new ArrayList<>();
        for (Workload w : Workloads.all()) {
            for (String c : Contenders.names()) {
                out.add(Arguments.of(c, w.name()));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("pairs")
    void decodesTheWholeWorkloadToTheModel(String contender, String workload) {
        Workload w = Workloads.named(workload);
        Contender c = Contenders.create(contender, w);
        List<Message> expected = comparable(contender, w.messages());

        for (int rep = 0; rep < 3; rep++) { // reused readers and buffers stay in step across operations
            c.decode();
            assertEquals(expected, comparable(contender, c.decodedModel()), "decode #" + rep);
        }
        for (int rep = 0; rep < 2; rep++) {
            c.roundTrip();
            assertEquals(expected, comparable(contender, c.decodedModel()), "round trip #" + rep);
        }
        int n = c.encode();
        assertEquals(c.wire().length, n);
    }

    @ParameterizedTest(name = "text writes the real writer's bytes for {0}")
    @MethodSource("workloadNames")
    void textEncoderWritesTheWorkloadBytes(String workload) {
        Workload w = Workloads.named(workload);
        assertArrayEquals(w.text(), CodecContender.text(w).wire());
    }

    @ParameterizedTest(name = "pb-floor writes pb-direct's bytes for {0}")
    @MethodSource("workloadNames")
    void floorWritesTheCodecsBytes(String workload) {
        Workload w = Workloads.named(workload);
        byte[] direct = Contenders.create("pb-direct", w).wire();
        Contender floor = Contenders.create(ProtobufFloorContender.NAME, w);
        for (int rep = 0; rep < 2; rep++) { // sizes recomputed from scratch give the same bytes again
            assertArrayEquals(direct, floor.wire(), "rep " + rep);
        }
    }

    static Stream<String> workloadNames() {
        return Workloads.all().stream().map(Workload::name);
    }

    @Test
    void generatedDataFilesMatchTheirGenerator() {
        Workloads.generatedMain().forEach((name, messages) ->
                assertArrayEquals(Workloads.encodeAll(Direction.COMMANDS, messages),
                        Workloads.resource("workloads/" + name + ".py4j"), name + ".py4j is stale: regenerate it"));
    }

    /**
     * py4j reads {@code n} and {@code v} both as Java null, and an {@code i} part as an Integer:
     * the one place its reading carries less than the model, stated here rather than hidden.
     */
    private static List<Message> comparable(String contender, List<Message> ms) {
        if (!contender.equals("py4j")) {
            return ms;
        }
        List<Message> out = new ArrayList<>();
        for (Message m : ms) {
            if (m instanceof SuccessReturn s && s.value() instanceof VoidValue) {
                out.add(new SuccessReturn(NullValue.INSTANCE));
            } else {
                out.add(m);
            }
        }
        return out;
    }
}
