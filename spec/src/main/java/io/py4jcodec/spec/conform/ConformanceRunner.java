package io.py4jcodec.spec.conform;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.api.Side;
import io.py4jcodec.spec.CanonicalJson;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Checks an {@link Implementation} against the valid, invalid and implementation-defined vectors
 * (PROTOCOL.md, "Conformance vectors", says what each kind requires).
 */
public final class ConformanceRunner {
    private final boolean anyReason;

    /**
     * @param anyReason accept any error for an invalid vector, not only the named {@code Reason}
     *                  (for implementations with their own error vocabulary)
     */
    public ConformanceRunner(boolean anyReason) {
        this.anyReason = anyReason;
    }

    /** Runs every non-live vector. */
    public Report run(List<Vector> vectors, Implementation impl) {
        Report report = new Report(impl.name());
        for (Vector v : vectors) {
            if (v.kind() == Vector.Kind.LIVE) {
                continue;
            }
            String failure;
            try {
                failure = switch (v.kind()) {
                    case VALID -> valid(v, impl);
                    case INVALID -> invalid(v, impl);
                    case IMPLEMENTATION_DEFINED -> implementationDefined(v, impl);
                    case LIVE -> null;
                };
            } catch (RuntimeException e) {
                failure = "runner error: " + e;
            }
            report.add(new Report.Result(v.kind().folder(), v.category(), v.id(), failure == null, failure));
        }
        return report;
    }

    private String valid(Vector v, Implementation impl) {
        Side writer = v.writer();
        byte[] wire = v.wire();
        List<JsonNode> json = v.messages();
        for (boolean strict : new boolean[] {false, true}) {
            String f = expectMessages(impl.decode(writer.peer(), strict, v.mode(), wire), json,
                    "decode as " + writer.peer() + (strict ? " (strict)" : ""));
            if (f != null) {
                return f;
            }
        }
        return expectWire(impl.encode(writer, json), List.of(wire), "encode as " + writer);
    }

    private String invalid(Vector v, Implementation impl) {
        Implementation.Decoded d = impl.decode(v.reader(), v.strict(), v.mode(), v.wire());
        String how = "decode as " + v.reader() + (v.strict() ? " (strict)" : " (lenient)");
        if (d.ok()) {
            return how + ": expected " + v.reason() + ", but it decoded to " + render(d.messages());
        }
        if (!anyReason && !d.reason().equals(v.reason())) {
            return how + ": expected " + v.reason() + ", got " + d.reason() + " (" + d.detail() + ")";
        }
        return null;
    }

    private String implementationDefined(Vector v, Implementation impl) {
        JsonNode j = v.json();
        if (j.has("wires_b64")) {
            // output that legitimately varies (e.g. with the JDK): every variant reads the same, and we write one of them
            List<byte[]> wires = v.wires();
            for (byte[] w : wires) {
                String f = expectMessages(impl.decode(v.writer().peer(), false, v.mode(), w), v.messages(),
                        "decode as " + v.writer().peer());
                if (f != null) {
                    return f;
                }
            }
            return expectWire(impl.encode(v.writer(), v.messages()), wires, "encode as " + v.writer());
        }
        for (boolean strict : new boolean[] {false, true}) {
            JsonNode expect = j.path(strict ? "strict" : "lenient");
            if (expect.isMissingNode()) {
                continue;
            }
            Implementation.Decoded d = impl.decode(v.reader(), strict, v.mode(), v.wire());
            String how = "decode as " + v.reader() + (strict ? " (strict)" : " (lenient)");
            if (expect.has("reason")) {
                String reason = expect.get("reason").asText();
                if (d.ok()) {
                    return how + ": expected " + reason + ", but it decoded to " + render(d.messages());
                }
                if (!anyReason && !d.reason().equals(reason)) {
                    return how + ": expected " + reason + ", got " + d.reason() + " (" + d.detail() + ")";
                }
            } else {
                String f = expectMessages(d, Vector.list(expect.path("json")), how);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    private static String expectMessages(Implementation.Decoded d, List<JsonNode> expected, String how) {
        if (!d.ok()) {
            return how + ": failed with " + d.reason() + " at byte " + d.offset() + " (" + d.detail() + ")"
                    + (d.messages().isEmpty() ? "" : " after " + render(d.messages()));
        }
        if (d.messages().size() != expected.size()) {
            return how + ": " + d.messages().size() + " frames, expected " + expected.size() + ": got " + render(d.messages());
        }
        for (int i = 0; i < expected.size(); i++) {
            String want = canonical(expected.get(i));
            String got;
            try {
                got = canonical(d.messages().get(i));
            } catch (RuntimeException e) {
                return how + ": frame " + i + " is not canonical JSON of a message: " + e.getMessage();
            }
            if (!want.equals(got)) {
                return how + ": frame " + i + " is " + got + ", expected " + want;
            }
        }
        return null;
    }

    private static String expectWire(Implementation.Encoded e, List<byte[]> choices, String how) {
        if (!e.ok()) {
            return how + ": failed with " + e.reason() + " (" + e.detail() + ")";
        }
        for (byte[] c : choices) {
            if (Arrays.equals(c, e.wire())) {
                return null;
            }
        }
        return how + ": wrote " + show(e.wire()) + ", expected " + (choices.size() == 1 ? show(choices.get(0))
                : "one of " + choices.stream().map(ConformanceRunner::show).toList());
    }

    /** Normalises through the model, so number spellings ({@code 1} vs {@code 1.0}) cannot differ. */
    private static String canonical(JsonNode j) {
        return CanonicalJson.write(CanonicalJson.message(j));
    }

    private static String render(List<JsonNode> ms) {
        return ms.stream().map(CanonicalJson::write).toList().toString();
    }

    static String show(byte[] b) {
        return CanonicalJson.write(com.fasterxml.jackson.databind.node.TextNode.valueOf(
                new String(b, StandardCharsets.UTF_8)));
    }
}
