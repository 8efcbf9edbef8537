package io.py4jcodec.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.CallCommand;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's ten-line example, kept true. */
class ReadmeExampleTest {
    @Test
    void readmeExample() {
        TextEncoder python = TextCodec.of(Side.PYTHON).newEncoder();
        byte[] wire = python.encode(new CallCommand("t", "add",
                List.of(Value.ofInt(1), Value.ofDouble(1e16), Value.ofBoolean(true))));
        assertEquals("c\nt\nadd\ni1\nd1e+16\nbTrue\ne\n", new String(wire, StandardCharsets.UTF_8));

        TextDecoder java = TextCodec.of(Side.JAVA).newDecoder();
        int n = java.decode(wire, 0, wire.length);
        CallCommand call = (CallCommand) java.message();
        assertEquals(wire.length, n);
        assertEquals(new CallCommand("t", "add", List.of(Value.ofInt(1), Value.ofDouble(1e16), Value.ofBoolean(true))), call);

        byte[] answer = TextCodec.of(Side.JAVA).newEncoder().encode(ReturnMessage.success(Value.ofDouble(1e16)));
        assertEquals("!yd1.0E16\n", new String(answer, StandardCharsets.UTF_8));
    }
}
