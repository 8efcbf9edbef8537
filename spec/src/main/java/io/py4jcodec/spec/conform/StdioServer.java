package io.py4jcodec.spec.conform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.py4jcodec.api.Side;
import io.py4jcodec.spec.CanonicalJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The implementation side of the stdio conformance contract (PROTOCOL.md, "Checking an
 * implementation over stdin/stdout"), over any {@link Implementation}: one JSON request per line
 * in, one JSON response per line out, until end of input. This is the reference for authors of the
 * contract in other languages.
 *
 * <pre>
 * &gt; {"op":"decode","side":"java","strict":false,"mode":"gateway","wire_b64":"Ywp0CmFkZAppMQplCg=="}
 * &lt; {"ok":true,"messages":[{"command":"call","target_id":"t","method":"add","arguments":[{"type":"int","value":1}]}]}
 * &gt; {"op":"encode","side":"python","messages":[...]}
 * &lt; {"ok":true,"wire_b64":"..."}
 * </pre>
 */
public final class StdioServer {
    private StdioServer() {
    }

    /** Serves requests until {@code in} ends. */
    public static void serve(Implementation impl, InputStream in, OutputStream out) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        PrintStream w = new PrintStream(out, false, StandardCharsets.UTF_8);
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            w.print(CanonicalJson.write(handle(impl, line)));
            w.print('\n');
            w.flush();
        }
    }

    /** One request line to one response. */
    public static ObjectNode handle(Implementation impl, String line) {
        ObjectNode resp = JsonNodeFactory.instance.objectNode();
        try {
            JsonNode req = CanonicalJson.parse(line);
            Side side = Side.valueOf(req.path("side").asText().toUpperCase(Locale.ROOT));
            switch (req.path("op").asText()) {
                case "decode" -> {
                    Implementation.Decoded d = impl.decode(side, req.path("strict").asBoolean(false),
                            Mode.of(req.path("mode").asText(null)), Base64.getDecoder().decode(req.path("wire_b64").asText()));
                    resp.put("ok", d.ok());
                    resp.putArray("messages").addAll(d.messages());
                    if (!d.ok()) {
                        resp.put("reason", d.reason());
                        resp.put("offset", d.offset());
                        resp.put("detail", d.detail());
                    }
                }
                case "encode" -> {
                    Implementation.Encoded e = impl.encode(side, Vector.list(req.path("messages")));
                    resp.put("ok", e.ok());
                    if (e.ok()) {
                        resp.put("wire_b64", Base64.getEncoder().encodeToString(e.wire()));
                    } else {
                        resp.put("reason", e.reason());
                        resp.put("detail", e.detail());
                    }
                }
                default -> {
                    resp.put("ok", false);
                    resp.put("reason", "UNSUPPORTED");
                    resp.put("detail", "unknown op " + req.path("op"));
                }
            }
        } catch (RuntimeException e) {
            resp.removeAll();
            resp.put("ok", false);
            resp.put("reason", "BAD_REQUEST");
            resp.put("detail", String.valueOf(e));
        }
        return resp;
    }
}
