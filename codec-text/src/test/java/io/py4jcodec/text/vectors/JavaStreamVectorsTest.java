package io.py4jcodec.text.vectors;

import static io.py4jcodec.text.vectors.Vectors.assertBytes;
import static io.py4jcodec.text.vectors.Vectors.assertReason;
import static io.py4jcodec.text.vectors.Vectors.assertSameFrames;
import static io.py4jcodec.text.vectors.Vectors.concat;
import static io.py4jcodec.text.vectors.Vectors.decodeAll;
import static io.py4jcodec.text.vectors.Vectors.decodeByteByByte;
import static io.py4jcodec.text.vectors.Vectors.decoder;
import static io.py4jcodec.text.vectors.Vectors.perRecord;
import static io.py4jcodec.text.vectors.Vectors.show;
import static io.py4jcodec.text.vectors.Vectors.utf8;
import static io.py4jcodec.text.vectors.Vectors.wireBytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.ArrayReference;
import io.py4jcodec.api.model.AuthCommand;
import io.py4jcodec.api.model.ClassMember;
import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.ErrorReturn;
import io.py4jcodec.api.model.FatalReturn;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.api.model.MethodMember;
import io.py4jcodec.api.model.NoMember;
import io.py4jcodec.api.model.NullValue;
import io.py4jcodec.api.model.PackageMember;
import io.py4jcodec.api.model.ProxyCallCommand;
import io.py4jcodec.api.model.ReferenceValue;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.StringValue;
import io.py4jcodec.api.model.SuccessReturn;
import io.py4jcodec.api.model.UnknownCommand;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.api.model.VoidValue;
import io.py4jcodec.text.ConnectionMode;
import io.py4jcodec.text.TextCodec;
import io.py4jcodec.text.TextDecoder;
import io.py4jcodec.text.vectors.Vectors.Decoded;
import io.py4jcodec.text.vectors.Vectors.Outcome;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java peer's lines and frames: {@code java_output_misc.json} (the answers and callback commands
 * Java writes, and how Java reads Python's answers), {@code java_readline.json} (Java's line ends,
 * checked through the Java reader itself) and {@code java_commands.json} (each request read as the
 * Java gateway reads it, re-written as the Python client writes it, and the answer read as Python
 * reads it and re-written as Java writes it).
 */
class JavaStreamVectorsTest {

    /**
     * Requests in java_commands.json that the Python client would never write, so re-encoding them
     * cannot give the same bytes; each reason says what Java does with them instead.
     */
    private static final Map<Integer, String> NON_CANONICAL = Map.of(
            14, "a blank line ends Java's argument list early and \\q\\ loses its backslashes",
            37, "a blank line ends Java's argument list early",
            41, "vx: Java ignores what follows v; Python writes none",
            43, "no e line: Java executes the arguments read before end of stream",
            80, "btrue: the Java spelling; the Python client writes bTrue",
            81, "bfalse: the Java spelling; the Python client writes bFalse",
            97, "btrue: the Java spelling; the Python client writes bTrue",
            98, "sub-command q: Java's reflection command reads any unknown letter as m");

    @TestFactory
    Stream<DynamicNode> vectors() {
        return Vectors.stream(
                perRecord("java_output_misc", (i, r) -> show(r.get("wire").asText()) + outputMiscNote(r), (i, r) -> outputMisc(r)),
                perRecord("java_readline", (i, r) -> show(r.get("wire").asText()), (i, r) -> readline(r)),
                perRecord("java_commands", (i, r) -> show(r.get("input").asText()) + commandNote(r)
                        + (NON_CANONICAL.containsKey(i) ? " [non-canonical: " + NON_CANONICAL.get(i) + "]" : ""), this::command));
    }

    // ---------------------------------------------------------------- java_output_misc

    private static String outputMiscNote(JsonNode r) {
        String w = r.get("wire").asText();
        if (!r.get("function").asText().startsWith("Protocol.getReturnValue")) {
            return "";
        }
        return switch (w) {
            case "y" -> " [difference: bare !y is Python's GC answer, not a value error]";
            case "zsfatal" -> " [difference: Java's getReturnValue ignores status z; we keep FatalReturn]";
            case "yro1" -> " [gateway scope: id -> bound object]";
            default -> "";
        };
    }

    private void outputMisc(JsonNode r) {
        String fn = r.get("function").asText();
        String wire = r.get("wire").asText();
        JsonNode in = r.get("input");
        if (fn.startsWith("Protocol.getReturnValue")) {
            javaReadsPythonAnswer(r);
            return;
        }
        if (fn.startsWith("Protocol.getAuthCommand")) {
            // the oracle itself first, then our writer, then Python's reader
            assertEquals(wire, py4j.Protocol.getAuthCommand(in.asText()));
            AuthCommand auth = new AuthCommand(in.asText());
            assertBytes(utf8(wire), Vectors.encode(Side.JAVA, auth), "Java writes A with its e line");
            assertEquals(auth, Vectors.decodeAll(decoder(Side.PYTHON), utf8(wire), true).only().get(), "Python reads it");
            return;
        }
        if (fn.startsWith("PythonProxyHandler.invoke")) {
            Message m = Vectors.decodeAll(decoder(Side.PYTHON), utf8(wire), true).only().get();
            ProxyCallCommand call = assertInstanceOf(ProxyCallCommand.class, m);
            assertBytes(utf8(wire), Vectors.encode(Side.JAVA, call), "re-encoded as Java writes it");
            assertProxyCall(in.asText(), call);
            if (r.has("decoded_result")) {
                // the canned Python answer the record names, read as Java reads it
                String answer = in.asText().replaceFirst("^.*fake answer '([^']*)'.*$", "$1");
                TextDecoder d = decoder(Side.JAVA);
                d.expectAnswer();
                Message a = decodeAll(d, utf8("!" + answer + "\n"), true).only().get();
                // Java's Protocol.getObject gives an Integer: an i part that fits int
                io.py4jcodec.api.model.IntValue v = assertInstanceOf(io.py4jcodec.api.model.IntValue.class,
                        ((SuccessReturn) a).value());
                assertTrue(v.fitsInt());
                assertEquals(Long.parseLong(r.get("decoded_result").asText()), v.value());
            }
            return;
        }
        ReturnMessage expected = answerBuiltBy(fn, in);
        byte[] bytes = utf8(wire);
        assertBytes(bytes, Vectors.encode(Side.JAVA, expected), "Java writes");
        TextDecoder py = decoder(Side.PYTHON);
        py.expectAnswer();
        assertEquals(expected, decodeAll(py, bytes, true).only().get(), "Python reads");
    }

    /** The model of what each {@code Protocol} answer builder was given. */
    private static ReturnMessage answerBuiltBy(String fn, JsonNode in) {
        if (fn.equals("Protocol.getOutputErrorCommand()")) {
            return ReturnMessage.bareError();
        }
        if (fn.equals("Protocol.getOutputErrorCommand(String)")) {
            return ReturnMessage.error(in.asText());
        }
        if (fn.startsWith("Protocol.getOutputVoidCommand") || fn.startsWith("ReturnObject.getVoidReturnObject")) {
            return ReturnMessage.success(VoidValue.INSTANCE);
        }
        if (fn.startsWith("Protocol.getNoSuchFieldOutputCommand")) {
            return ReturnMessage.success(NoMember.INSTANCE);
        }
        if (fn.equals("Protocol.getMemberOutputCommand(char)")) {
            return ReturnMessage.success(switch (in.asText()) {
                case "p" -> PackageMember.INSTANCE;
                case "c" -> ClassMember.BARE;
                case "m" -> MethodMember.INSTANCE;
                default -> throw new AssertionError(in);
            });
        }
        if (fn.equals("Protocol.getMemberOutputCommand(char,String)")) {
            String[] cs = in.asText().split(",", 2);
            assertEquals("c", cs[0]);
            return ReturnMessage.success(new ClassMember(cs[1]));
        }
        if (fn.startsWith("ReturnObject.getErrorReferenceReturnObject")) {
            return ReturnMessage.error(new ReferenceValue(in.asText()));
        }
        if (fn.contains("(Throwable)")) {
            // the record's throwable, rebuilt; py4j's own getThrowableAsString gives the trace text
            Throwable t = syntheticThrowable();
            String trace = py4j.Protocol.getThrowableAsString(t);
            if (fn.startsWith("Protocol.getOutputFatalErrorCommand")) {
                assertEquals(py4j.Protocol.getOutputFatalErrorCommand(t), "!zs" + py4j.StringUtil.escape(trace) + "\n");
                return ReturnMessage.fatal(trace);
            }
            return ReturnMessage.error(trace);
        }
        throw new AssertionError("no model for " + fn);
    }

    /** "Py4JException(wrapper, cause=IllegalArgumentException(root\ncause)) with synthetic stack". */
    private static Throwable syntheticThrowable() {
        IllegalArgumentException root = new IllegalArgumentException("root\ncause");
        root.setStackTrace(new StackTraceElement[] {new StackTraceElement("A", "b", "A.java", 2)});
        return new py4j.Py4JException("wrapper", root);
    }

    /** The callbacks the record's description names (proxy, method, arguments). */
    private static void assertProxyCall(String description, ProxyCallCommand call) {
        if (description.startsWith("Comparator.compare(\"a\\nb\", null) on proxy fp7")) {
            assertEquals(new ProxyCallCommand("p7", "compare", List.of(new StringValue("a\nb"), NullValue.INSTANCE)), call);
        } else if (description.startsWith("Callable.call() on proxy fp8")) {
            assertEquals(new ProxyCallCommand("p8", "call", List.of()), call);
        } else if (description.startsWith("Function.apply(new Object[]{1}) on proxy fp9")) {
            // an array argument goes by reference; its id is the gateway's counter
            assertEquals("p9", call.proxyId());
            assertEquals("apply", call.method());
            assertEquals(1, call.arguments().size());
            assertInstanceOf(ArrayReference.class, call.arguments().get(0));
        } else {
            throw new AssertionError("unknown callback record: " + description);
        }
    }

    private static void javaReadsPythonAnswer(JsonNode r) {
        String answer = r.get("wire").asText();
        TextDecoder d = decoder(Side.JAVA);
        d.expectAnswer();
        Message m = decodeAll(d, utf8("!" + answer + "\n"), true).only().get();
        ReturnMessage ret = assertInstanceOf(ReturnMessage.class, m);
        if (r.has("output")) {
            if (answer.startsWith("z")) {
                // Difference: Protocol.getReturnValue only tests for x, so a z answer is read as its
                // value. Python never writes z; we keep the status.
                assertInstanceOf(FatalReturn.class, ret);
            } else {
                assertInstanceOf(SuccessReturn.class, ret);
            }
            JavaPartVectorsTest.assertJavaObject(r.get("output"), ret.value(), answer.substring(1));
            return;
        }
        String msg = r.get("output_error").get("message").asText();
        if (answer.equals("y")) {
            // Difference: Java would throw "Command Part is Empty" if it ever read a bare !y as a
            // value; the only bare !y Python writes is the GC answer, which Java ignores
            assertEquals(SuccessReturn.BARE, ret);
        } else if (answer.equals("x")) {
            // Java fails on the empty part before looking at x; either way the call failed
            assertEquals(ErrorReturn.BARE, ret);
        } else {
            // Java raises the decoded value inside its message
            ErrorReturn e = assertInstanceOf(ErrorReturn.class, ret);
            String prefix = "An exception was raised by the Python Proxy. Return Message: ";
            assertTrue(msg.startsWith(prefix), msg);
            String shown = msg.substring(prefix.length());
            if (e.value() instanceof StringValue s) {
                assertEquals(shown, s.value());
            } else {
                assertEquals(NullValue.INSTANCE, e.value());
                assertEquals("null", shown);
            }
        }
    }

    // ---------------------------------------------------------------- java_readline

    /**
     * The record's bytes become the body lines of an unknown command (kept by the decoder) closed by
     * an {@code e} line, so the Java reader's own line splitting decides the lines; fed whole and
     * byte by byte, so a CR and its LF arriving in different reads are covered.
     */
    private static void readline(JsonNode r) {
        byte[] wire = utf8(r.get("wire").asText());
        List<String> expected = Vectors.textList(r.get("output_lines"));
        boolean terminated = wire.length > 0 && (wire[wire.length - 1] == '\n' || wire[wire.length - 1] == '\r');
        byte[] stream = concat(utf8("q\n"), wire, terminated ? new byte[0] : utf8("\n"), utf8("e\n"));
        TextCodec keep = TextCodec.builder(Side.JAVA).keepUnknownCommands(true).build();
        Decoded whole = decodeAll(keep.newDecoder(), stream, true);
        assertEquals(new UnknownCommand("q", expected), whole.only().get());
        assertSameFrames(whole, decodeByteByByte(keep.newDecoder(), stream), "readline");
        if (!terminated) {
            // BufferedReader hands out an unterminated last fragment at end of stream: the token
            // line of an A command, the one layout that takes a single raw line, shows it
            String last = expected.get(expected.size() - 1);
            byte[] lastBytes = utf8(last);
            byte[] auth = concat(utf8("A\n"), java.util.Arrays.copyOfRange(wire, wire.length - lastBytes.length, wire.length));
            assertEquals(new AuthCommand(last), decodeAll(decoder(Side.JAVA), auth, true).only().get());
        }
    }

    // ---------------------------------------------------------------- java_commands

    private static String commandNote(JsonNode r) {
        if (r.has("execute_threw") && gatewayScope(r.get("execute_threw"))) {
            return " [gateway scope: " + show(r.get("execute_threw").get("message").asText()) + "]";
        }
        return "";
    }

    /** True when the exception that escaped {@code execute} comes from the gateway's objects, not from the text. */
    private static boolean gatewayScope(JsonNode threw) {
        return JavaPartVectorsTest.codecReasonFor(threw) == null;
    }

    private void command(int index, JsonNode r) {
        String input = r.get("input").asText();
        byte[] in = utf8(input);
        Decoded whole = decodeAll(decoder(Side.JAVA), in, true);
        assertSameFrames(whole, decodeByteByByte(decoder(Side.JAVA), in), "byte by byte");
        Outcome first = whole.get(0);

        String unknownSub = unknownSubCommand(input);
        if (r.has("execute_threw") && !gatewayScope(r.get("execute_threw"))) {
            // the text itself is what Java fails on: the codec reports it, and skips the frame
            assertReason(JavaPartVectorsTest.codecReasonFor(r.get("execute_threw")), first, "reason");
            assertTrue(first.err().resynchronized(), "the frame was well framed");
        } else if (unknownSub != null) {
            // Java answers with an error and reads on from where its sub-command handler stopped
            assertReason(Reason.UNKNOWN_SUBCOMMAND, first, "unknown sub-command " + show(unknownSub));
            assertTrue(first.err().resynchronized());
        } else {
            Message m = first.get();
            assertInstanceOf(Command.class, m);
            if (input.startsWith("A\n")) {
                auth(r, (AuthCommand) m, whole, in);
                return;
            }
            byte[] again = Vectors.encode(Side.PYTHON, m);
            if (NON_CANONICAL.containsKey(index)) {
                assertNotEquals(input, new String(again, java.nio.charset.StandardCharsets.UTF_8), NON_CANONICAL.get(index));
            } else {
                assertEquals(in.length, first.length(), "the whole request is one frame");
                assertBytes(in, again, "Python writes the same request");
            }
        }
        // what Java leaves unread it then reads as a command name: none is one, so Java resets
        if (whole.frames().size() > 1) {
            assertEquals(2, whole.frames().size(), "nothing after the reset");
            assertReason(Reason.UNKNOWN_COMMAND, whole.get(1), "left-over line");
            assertFalse(whole.get(1).err().resynchronized(), "Java resets the connection");
        } else {
            assertEquals(in.length, first.length());
        }
        answer(r);
    }

    /** The answer line: Python's reader takes it, Java's writer gives the same bytes back. */
    private static void answer(JsonNode r) {
        JsonNode w = r.get("wire");
        if (w.isNull() || w.asText().isEmpty()) {
            // no answer: a fatal error (see execute_threw) or a command without one (z)
            assertTrue(w.isNull() ? r.has("execute_threw") : r.get("input").asText().startsWith("z\n"));
            return;
        }
        byte[] bytes = wireBytes(r);
        TextDecoder py = decoder(Side.PYTHON);
        py.expectAnswer();
        Message a = decodeAll(py, bytes, true).only().get();
        assertInstanceOf(ReturnMessage.class, a);
        assertBytes(bytes, Vectors.encode(Side.JAVA, a), "Java writes the same answer");
    }

    private static void auth(JsonNode r, AuthCommand auth, Decoded whole, byte[] in) {
        // the token comparison (authenticated_after) is the gateway's; the codec hands over the line
        String token = r.get("input").asText().split("\n")[1];
        assertEquals(new AuthCommand(token), auth);
        assertBytes(java.util.Arrays.copyOf(in, whole.get(0).length()), Vectors.encode(Side.PYTHON, auth), "Python's A");
        JsonNode next = r.get("next_unread_line");
        if (next.isNull()) {
            assertEquals(1, whole.frames().size());
            assertEquals(in.length, whole.get(0).length());
        } else {
            // Java reads exactly the token: a Java-style e line is left for the command loop,
            // where it names no command
            String rest = new String(in, whole.get(0).length(), in.length - whole.get(0).length(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(rest.startsWith(next.asText() + "\n"), rest);
            assertReason(Reason.UNKNOWN_COMMAND, whole.get(1), "left-over line");
        }
        answer(r);
    }

    /**
     * The sub-command line if the jar's command class does not know it, else null. Known sub-commands
     * are the jar's {@code *SUB*COMMAND_NAME} constants: a {@code char} constant is matched against
     * the first character of the line, a {@code String} one against the whole line, as the commands
     * read them. The reflection command reads every unknown letter as its member sub-command.
     */
    static String unknownSubCommand(String input) {
        String[] lines = input.split("\n", -1);
        Map<String, Set<Object>> subs = jarSubCommands();
        Set<Object> known = subs.get(lines[0]);
        if (known == null || known.isEmpty() || lines[0].equals("r") || lines.length < 2) {
            return null;
        }
        String sub = lines[1];
        boolean ok = known.stream().anyMatch(k -> k instanceof Character c
                ? !sub.isEmpty() && sub.charAt(0) == c
                : sub.equals(k));
        return ok ? null : sub;
    }

    private static Map<String, Set<Object>> jarSubs;

    static synchronized Map<String, Set<Object>> jarSubCommands() {
        if (jarSubs != null) {
            return jarSubs;
        }
        Map<String, Set<Object>> out = new HashMap<>();
        try {
            for (Class<? extends py4j.commands.Command> c : py4j.GatewayConnection.getBaseCommands()) {
                String name = c.getDeclaredConstructor().newInstance().getCommandName();
                Set<Object> subs = new HashSet<>();
                for (Field f : c.getFields()) {
                    if (Modifier.isStatic(f.getModifiers()) && f.getName().contains("SUB")) {
                        subs.add(f.get(null));
                    }
                }
                out.put(name, subs);
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        jarSubs = out;
        return out;
    }

    /** Every command name the real gateway registers is one our Java reader knows. */
    @Test
    void javaReaderKnowsEveryBaseCommandOfTheJar() {
        Set<String> names = new HashSet<>(jarSubCommands().keySet());
        names.add(new py4j.commands.AuthCommand("x").getCommandName());
        assertEquals(15, names.size(), names.toString());
        for (String name : names) {
            Decoded d = decodeAll(decoder(Side.JAVA, ConnectionMode.GATEWAY, false), utf8(name + "\n"), false);
            for (Outcome o : d.frames()) {
                assertNotEquals(Reason.UNKNOWN_COMMAND, o.error() == null ? null : o.error().reason(), name);
            }
            assertFalse(d.closed(), name);
        }
    }
}
