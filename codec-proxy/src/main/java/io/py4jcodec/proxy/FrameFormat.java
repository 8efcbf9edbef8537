package io.py4jcodec.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.py4jcodec.api.model.AuthCommand;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.spec.CanonicalJson;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the proxy prints a frame: {@link #JSON}, one JSON object per line holding the frame's canonical
 * JSON (spec/PROTOCOL.md), or {@link #TEXT}, a compact form for reading along:
 *
 * <pre>
 * {"conn":"c1","dir":"python->java","t":0.0042,"message":{"command":"call","target_id":"t","method":"add","arguments":[...]}}
 * c1 py→java   +0.0042s call t.add(i 1, i 2)
 * c1 java→py   +0.0051s success i 3
 * </pre>
 *
 * An auth command's token is never printed: it is replaced by whether it matches the token the proxy
 * was given, or by {@code <redacted>} when it was given none.
 */
public enum FrameFormat {
    JSON,
    TEXT;

    private static final Pattern BARE = Pattern.compile("[A-Za-z0-9_.$:;@/\\[\\]-]+");

    /** One output line for a frame. {@code tokenMatch}: null = no token known, else whether an auth frame's token matched. */
    String frame(String conn, Direction dir, double seconds, Message m, Boolean tokenMatch) {
        ObjectNode json = CanonicalJson.toJson(m);
        if (m instanceof AuthCommand) {
            json.put("token", tokenMatch == null ? "<redacted>" : tokenMatch ? "<matches --auth-token>" : "<does not match --auth-token>");
        }
        if (this == JSON) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("conn", conn);
            o.put("dir", dir.wireName());
            o.put("t", round(seconds));
            o.set("message", json);
            return CanonicalJson.write(o);
        }
        return prefix(conn, dir, seconds) + text(json);
    }

    /** One output line for something the proxy has to say about a direction (a decoding error, a check finding). */
    String note(String conn, Direction dir, double seconds, String kind, Map<String, Object> fields) {
        if (this == JSON) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("conn", conn);
            o.put("dir", dir.wireName());
            o.put("t", round(seconds));
            ObjectNode k = o.putObject(kind);
            fields.forEach((key, v) -> {
                if (v instanceof Number n) {
                    k.put(key, n.longValue());
                } else {
                    k.put(key, String.valueOf(v));
                }
            });
            return CanonicalJson.write(o);
        }
        StringBuilder b = new StringBuilder(prefix(conn, dir, seconds)).append("!! ").append(kind);
        fields.forEach((key, v) -> b.append(' ').append(key).append('=').append(v));
        return b.toString();
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1e6) / 1e6;
    }

    private static String prefix(String conn, Direction dir, double seconds) {
        return String.format(Locale.ROOT, "%-4s %-8s +%.4fs ", conn, dir.arrow(), seconds);
    }

    /** The compact form of a canonical-JSON message: {@code call t.add(i 1, i 2)}, {@code success i 3}. */
    static String text(JsonNode m) {
        if (m.has("return")) {
            JsonNode v = m.get("value");
            return m.get("return").asText() + (v == null ? "" : " " + value(v));
        }
        String name = m.get("command").asText();
        StringBuilder b = new StringBuilder(name);
        if (name.equals("call") && m.has("target_id") && m.has("method")) {
            b.append(' ').append(m.get("target_id").asText()).append('.').append(m.get("method").asText());
            list(b, m.get("arguments"));
            return b.toString();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = m.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals("command")) {
                continue;
            }
            JsonNode v = f.getValue();
            b.append(' ').append(f.getKey()).append('=');
            if (v.isArray()) {
                list(b, v);
            } else if (v.isObject()) {
                b.append(value(v));
            } else {
                b.append(scalar(v));
            }
        }
        return b.toString();
    }

    private static void list(StringBuilder b, JsonNode items) {
        b.append('(');
        if (items != null) {
            int i = 0;
            for (JsonNode a : items) {
                b.append(i++ == 0 ? "" : ", ").append(a.isObject() ? value(a) : scalar(a));
            }
        }
        b.append(')');
    }

    /** {@code i 1}, {@code s "a b"}, {@code r o12}, {@code f p0;java.lang.Runnable}, {@code v}. */
    private static String value(JsonNode v) {
        String type = v.path("type").asText();
        String letter = String.valueOf(CanonicalJson.value(v).prefix());
        if (v.has("value")) {
            JsonNode x = v.get("value");
            return letter + " " + (type.equals("string") ? CanonicalJson.write(x) : x.asText());
        }
        if (v.has("interfaces")) {
            StringBuilder b = new StringBuilder(letter).append(' ').append(v.path("id").asText());
            v.get("interfaces").forEach(i -> b.append(';').append(i.asText()));
            return b.toString();
        }
        if (v.has("id")) {
            return letter + " " + v.get("id").asText();
        }
        if (v.has("name")) {
            return letter + " " + v.get("name").asText();
        }
        return letter;
    }

    private static String scalar(JsonNode v) {
        String s = v.asText();
        return v.isTextual() && !BARE.matcher(s).matches() ? CanonicalJson.write(v) : s;
    }
}
