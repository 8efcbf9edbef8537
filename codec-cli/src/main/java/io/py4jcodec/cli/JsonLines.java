package io.py4jcodec.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.spec.CanonicalJson;

/** One canonical-JSON line per frame (the form spec/PROTOCOL.md defines). */
final class JsonLines {

    String message(Message m) {
        return CanonicalJson.write(m);
    }

    /** A transcript frame: {@code {"conn":"c1","dir":"python->java","message":{...}}}. */
    String frame(String conn, String dir, Message m) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("conn", conn);
        o.put("dir", dir);
        o.set("message", CanonicalJson.toJson(m));
        return CanonicalJson.write(o);
    }
}
