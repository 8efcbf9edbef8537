package io.py4jcodec.text.vectors;

import static io.py4jcodec.text.vectors.Vectors.assertBytes;
import static io.py4jcodec.text.vectors.Vectors.assertReason;
import static io.py4jcodec.text.vectors.Vectors.assertSameFrames;
import static io.py4jcodec.text.vectors.Vectors.concat;
import static io.py4jcodec.text.vectors.Vectors.decodeAll;
import static io.py4jcodec.text.vectors.Vectors.decodeByteByByte;
import static io.py4jcodec.text.vectors.Vectors.decoder;
import static io.py4jcodec.text.vectors.Vectors.hex;
import static io.py4jcodec.text.vectors.Vectors.perRecord;
import static io.py4jcodec.text.vectors.Vectors.show;
import static io.py4jcodec.text.vectors.Vectors.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.AuthCommand;
import io.py4jcodec.api.model.CancelCommand;
import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.ErrorReturn;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.NullValue;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.StringValue;
import io.py4jcodec.api.model.SuccessReturn;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.text.TextDecoder;
import io.py4jcodec.text.vectors.Vectors.Decoded;
import io.py4jcodec.text.vectors.Vectors.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The Python peer's lines and frames: {@code py_framing.json} (how Python's GatewayServer answer
 * reader takes an answer line), {@code py_commands.json} (every command the Python client writes,
 * read as Java reads it and re-written as Python writes it) and {@code py_callback.json} (Java's
 * callbacks read as Python reads them, Python's replies read as Java reads them, both modes).
 */
class PythonStreamVectorsTest {

    @TestFactory
    Stream<DynamicNode> vectors() {
        return Vectors.stream(
                perRecord("py_framing", (i, r) -> r.get("received_bytes_hex").asText() + framingNote(r), (i, r) -> framing(r)),
                perRecord("py_commands", (i, r) -> r.get("function").asText().equals("str(Py4JJavaError) -> exception command p")
                        ? " [canned answer with \\t, which Java never writes]" : "", (i, r) -> commands(r)),
                perRecord("py_callback", (i, r) -> r.get("input").get("label").asText() + callbackNote(r), (i, r) -> callback(r)));
    }

    // ---------------------------------------------------------------- py_framing

    private static String framingNote(JsonNode r) {
        byte[] in = hex(r.get("received_bytes_hex").asText());
        if (r.has("output") && (in.length == 0 || in[in.length - 1] != '\n')) {
            return " [difference: EOF without LF is TRUNCATED; Python drops the last char]";
        }
        return "";
    }

    private static void framing(JsonNode r) {
        byte[] in = hex(r.get("received_bytes_hex").asText());
        TextDecoder d = decoder(Side.PYTHON);
        d.expectAnswer();
        Decoded res = decodeAll(d, in, true);
        if (r.has("output")) {
            String out = r.get("output").asText();
            if (in[in.length - 1] != '\n') {
                // Difference: Python's readline()[:-1] drops the last real character at EOF
                // ("!yi5" gives "yi"); we report the unterminated line instead of misreading it
                assertReason(Reason.TRUNCATED, res.only(), "EOF inside the answer line");
                assertFalse(res.only().err().resynchronized());
                String text = new String(in, java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(text.substring(text.startsWith("!") ? 1 : 0, text.length() - 1), out, "what Python returned");
                return;
            }
            Outcome o = res.only();
            assertEquals(in.length, o.length(), "one line, one frame");
            // the answer Python's reader returned, as its canonical line, reads the same
            Message expected = decodeAll(answerReader(), utf8("!" + out + "\n"), true).only().get();
            assertEquals(expected, o.get());
            if (out.indexOf('\r') >= 0) {
                // Python splits only on LF: the CR stays in the value
                assertTrue(((StringValue) ((ReturnMessage) o.get()).value()).value().indexOf('\r') >= 0);
            }
            return;
        }
        JsonNode err = r.get("output_error");
        if (err.get("when").asText().equals("empty_response")) {
            if (in.length == 0) {
                // nothing at all before EOF: no frame, and the answer is still owed
                assertTrue(res.frames().isEmpty(), res.toString());
                assertEquals(1, d.awaitedAnswers());
            } else {
                // a lone ! or a blank line
                assertReason(Reason.BAD_ANSWER, res.only(), "empty answer");
            }
        } else {
            assertEquals("UnicodeDecodeError", err.get("cause").get("exception").asText());
            assertReason(Reason.BAD_UTF8, res.only(), "invalid UTF-8");
        }
    }

    private static TextDecoder answerReader() {
        TextDecoder d = decoder(Side.PYTHON);
        d.expectAnswer();
        return d;
    }

    // ---------------------------------------------------------------- py_commands

    private static void commands(JsonNode r) {
        String wire = r.get("wire").asText();
        List<String> cmds = r.has("commands") ? Vectors.textList(r.get("commands")) : List.of(wire);
        assertEquals(wire, String.join("", cmds), "the commands are the wire, in order");
        Decoded all = decodeAll(decoder(Side.JAVA), utf8(wire), true);
        assertEquals(cmds.size(), all.frames().size(), "one frame per command");
        assertSameFrames(all, decodeByteByByte(decoder(Side.JAVA), utf8(wire)), "byte by byte");
        for (int k = 0; k < cmds.size(); k++) {
            byte[] c = utf8(cmds.get(k));
            Outcome o = all.get(k);
            assertEquals(c.length, o.length(), "command " + k + " is one frame");
            Command cmd = assertInstanceOf(Command.class, o.get());
            assertBytes(c, Vectors.encode(Side.PYTHON, cmd), "command " + k + " re-encoded");
            // Python's writes are what strict mode is for: it must accept every one
            assertEquals(cmd, decodeAll(decoder(Side.JAVA, ConnectionMode.GATEWAY, true), c, true).only().get(), "strict");
        }
        JsonNode in = r.get("input");
        if (in != null && in.has("auth_token")) {
            // Python sends escape_new_line(token); the model holds the token itself
            assertEquals(new AuthCommand(in.get("auth_token").asText()), all.only().get());
        }
        if (in != null && in.has("remote_port")) {
            assertEquals(new CancelCommand("127.0.0.1", in.get("remote_port").asInt(), in.get("local_port").asInt()),
                    all.only().get());
        }
        if (in != null && in.has("answers_fed")) {
            for (String a : Vectors.textList(in.get("answers_fed"))) {
                byte[] line = utf8("!" + a + "\n");
                Message m = decodeAll(answerReader(), line, true).only().get();
                assertInstanceOf(ReturnMessage.class, m);
                if (a.length() > 1 && !JavaPartVectorsTest.canonical(a.substring(1), ((ReturnMessage) m).value())) {
                    // a canned answer Java never writes (Java's traces hold a raw TAB, not \t):
                    // Python keeps the unknown escape's backslash, as the recorded result shows
                    String value = ((StringValue) ((ReturnMessage) m).value()).value();
                    assertTrue(value.contains("\\t"), value);
                    assertTrue(Vectors.pyStrRepr(r.get("result").get("repr").asText()).endsWith(value), value);
                    assertNotEquals(a, new String(Vectors.encode(Side.JAVA, m), java.nio.charset.StandardCharsets.UTF_8));
                    continue;
                }
                assertBytes(line, Vectors.encode(Side.JAVA, m), "answer " + show(a) + " re-encoded");
                // the GatewayServer reader also takes the 0.9 form without !
                assertEquals(m, decodeAll(answerReader(), utf8(a + "\n"), true).only().get(), "without !");
            }
        }
    }

    // ---------------------------------------------------------------- py_callback

    private static String callbackNote(JsonNode r) {
        String label = r.get("input").get("label").asText();
        if (label.startsWith("auth bad token") || label.startsWith("auth: first command not A")) {
            return " [gateway scope: auth state]";
        }
        if (label.equals("lone ! line")) {
            return " [lone !: BAD_ANSWER where Python returns \"\"]";
        }
        return "";
    }

    private static void callback(JsonNode r) {
        if (r.get("function").asText().startsWith("clientserver.")) {
            interleaved(r);
            return;
        }
        String label = r.get("input").get("label").asText();
        byte[] recv = utf8(r.get("received_from_java").asText());
        Decoded frames = decodeAll(decoder(Side.PYTHON), recv, true);
        assertSameFrames(frames, decodeByteByByte(decoder(Side.PYTHON), recv), "byte by byte");
        List<byte[]> slices = slices(recv, frames);

        // what Python wrote back, read as Java reads callback answers, and written again as Python does
        byte[] wire = utf8(r.get("wire").asText());
        List<ReturnMessage> answers = new ArrayList<>();
        int off = 0;
        while (off < wire.length) {
            TextDecoder j = decoder(Side.JAVA);
            j.expectAnswer();
            Outcome o = decodeAll(j, Arrays.copyOfRange(wire, off, wire.length), false).get(0);
            ReturnMessage a = assertInstanceOf(ReturnMessage.class, o.get());
            assertBytes(Arrays.copyOfRange(wire, off, off + o.length()), Vectors.encode(Side.PYTHON, a), "Python's answer");
            answers.add(a);
            off += o.length();
        }

        // each frame Python took (or skipped, as it does after answering !xn) has one answer,
        // except where Python closes: a blank id, or an auth failure (the codec keeps no auth state)
        boolean authScope = !callbackNote(r).isEmpty();
        List<Outcome> answered = new ArrayList<>();
        for (Outcome o : frames.frames()) {
            if (o.ok() || o.err().resynchronized()) {
                answered.add(o);
            }
        }
        if (!authScope) {
            assertEquals(answered.size(), answers.size(), "one answer per frame: " + frames.frames());
        }
        for (int k = 0; k < frames.frames().size(); k++) {
            Outcome o = frames.get(k);
            if (o.ok()) {
                Message m = o.get();
                byte[] again = Vectors.encode(Side.JAVA, m);
                if (label.startsWith("auth without e line")) {
                    // Python reads the token and then one more line, whatever it is: here the c of
                    // the next command, which Java did not mean as an end line
                    assertNotEquals(new String(slices.get(k)), new String(again));
                    Outcome strict = decodeAll(decoder(Side.PYTHON, ConnectionMode.GATEWAY, true), recv, true).get(0);
                    assertReason(Reason.MISSING_END, strict, "strict wants the e line");
                } else {
                    assertBytes(slices.get(k), again, "frame " + k + " re-encoded as Java writes it");
                }
            } else if (o.err().resynchronized()) {
                ReturnMessage a = answers.get(answered.indexOf(o));
                if (o.err().reason() == Reason.UNKNOWN_COMMAND) {
                    // "to prevent blocking, but at this point, the protocol is broken"
                    assertEquals(ReturnMessage.error(NullValue.INSTANCE), a);
                } else {
                    // Python raised decoding an argument: the traceback names the unknown type
                    assertReason(Reason.UNKNOWN_TYPE, o, "argument type");
                    String trace = ((StringValue) assertInstanceOf(ErrorReturn.class, a).value()).value();
                    assertTrue(trace.contains("KeyError: '" + (char) recv[o.start() + indexOfLine(recv, o, 3)] + "'"), trace);
                }
            } else {
                // Python closes the connection: the blank id line, or end of stream inside a frame
                assertTrue(k == frames.frames().size() - 1);
                assertTrue(o.err().reason() == Reason.EMPTY_REFERENCE || o.err().reason() == Reason.TRUNCATED,
                        o.err().getMessage());
            }
        }
        if (label.startsWith("empty object id")) {
            assertReason(Reason.EMPTY_REFERENCE, frames.only(), "blank id");
        }
    }

    /** Byte offset, within the frame, of its line number {@code line}. */
    private static int indexOfLine(byte[] b, Outcome o, int line) {
        int p = o.start();
        for (int n = 0; n < line; n++) {
            while (b[p] != '\n') {
                p++;
            }
            p++;
        }
        return p - o.start();
    }

    private static List<byte[]> slices(byte[] b, Decoded d) {
        List<byte[]> out = new ArrayList<>();
        for (Outcome o : d.frames()) {
            out.add(Arrays.copyOfRange(b, o.start(), Math.min(b.length, o.start() + o.length())));
        }
        return out;
    }

    /** ClientServer: one socket, both directions; Python's answer is the first line with a !. */
    private static void interleaved(JsonNode r) {
        String label = r.get("input").get("label").asText();
        byte[] recv = utf8(r.get("received_from_java").asText());
        TextDecoder py = decoder(Side.PYTHON, ConnectionMode.CLIENT_SERVER, false);
        py.expectAnswer(); // Python has sent its command and waits
        Decoded frames = decodeAll(py, recv, true);
        List<byte[]> slices = slices(recv, frames);
        for (int k = 0; k < frames.frames().size(); k++) {
            Outcome o = frames.get(k);
            if (o.ok()) {
                assertBytes(slices.get(k), Vectors.encode(Side.JAVA, o.get()), "Java's frame " + k + " re-encoded");
            }
        }
        if (r.has("returned_answer")) {
            String answer = r.get("returned_answer").asText();
            Outcome last = frames.get(frames.frames().size() - 1);
            if (answer.isEmpty()) {
                // a lone ! is the answer "" to Python, which get_return_value then treats as an
                // error; we report the empty answer
                assertReason(Reason.BAD_ANSWER, last, "lone !");
            } else {
                assertEquals(decodeAll(answerReader(), utf8("!" + answer + "\n"), true).only().get(), last.get());
            }
            assertEquals(0, py.awaitedAnswers(), "the answer paid the wait");
        } else {
            // a line without ! is a command to Python: unknown, it takes the next line as its id,
            // answers !xn and keeps waiting; end of stream then finds no answer
            assertEquals("Answer from Java side is empty", r.get("error").get("message").asText());
            assertReason(Reason.UNKNOWN_COMMAND, frames.only(), "no ! means a command");
            assertTrue(frames.only().err().resynchronized());
            assertEquals(1, py.awaitedAnswers(), "still waiting at end of stream");
        }
        for (Outcome o : frames.frames()) {
            assertTrue(o.ok() || o.err().resynchronized() || label.equals("lone ! line"), o.toString());
        }

        // what Python wrote: its own command, then its answers to Java's callbacks, read by Java
        byte[] wire = utf8(r.get("wire").asText());
        byte[] command = utf8(r.get("input").get("python_command").asText());
        assertBytes(command, Arrays.copyOf(wire, command.length), "Python's command comes first");
        TextDecoder java = decoder(Side.JAVA, ConnectionMode.CLIENT_SERVER, false);
        Outcome call = decodeAll(java, command, false).only();
        assertBytes(command, Vectors.encode(Side.PYTHON, call.get()), "Python's command re-encoded");
        byte[] rest = Arrays.copyOfRange(wire, command.length, wire.length);
        if (rest.length > 0) {
            java.expectAnswer(); // Java called back and waits for Python
            Outcome a = decodeAll(java, rest, false).only();
            assertInstanceOf(ReturnMessage.class, a.get());
            assertBytes(rest, Vectors.encode(Side.PYTHON, a.get()), "Python's callback answer re-encoded");
        }
        if (label.startsWith("Java GC request")) {
            assertEquals(SuccessReturn.BARE, decodeAll(decoder(Side.JAVA, ConnectionMode.CLIENT_SERVER, false), rest, true)
                    .only().get(), "the GC answer is a bare !y");
        }
    }
}
