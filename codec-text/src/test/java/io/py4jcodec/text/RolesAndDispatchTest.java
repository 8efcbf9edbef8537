package io.py4jcodec.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Role;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.io.MessageInputStream;
import io.py4jcodec.api.model.CallCommand;
import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.CommandHandler;
import io.py4jcodec.api.model.CommandKind;
import io.py4jcodec.api.model.MemoryAttachCommand;
import io.py4jcodec.api.model.ProxyCallCommand;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.UnknownCommand;
import io.py4jcodec.testkit.Entropy;
import io.py4jcodec.testkit.Generators;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The API fixes of issue 9: role-named codecs, exhaustive dispatch, limits from the decoder, !y vs !yv. */
class RolesAndDispatchTest {

    @Test
    void eachRoleReadsAsItsSide() {
        byte[] call = "c\nt\nadd\ni1\ne\n".getBytes(StandardCharsets.UTF_8);
        for (Role r : Role.values()) {
            TextCodec c = TextCodec.of(r);
            assertEquals(r.side(), c.side());
            assertEquals(r, c.role());
        }
        TextDecoder server = TextCodec.of(Role.GATEWAY_SERVER).newDecoder();
        server.decode(call, 0, call.length);
        assertInstanceOf(CallCommand.class, server.message(), "a gateway reads the Python client's call");
        TextDecoder callbackServer = TextCodec.of(Role.CALLBACK_SERVER).newDecoder();
        callbackServer.decode(call, 0, call.length);
        assertInstanceOf(ProxyCallCommand.class, callbackServer.message(), "the same bytes are a callback to Python");
    }

    /** Every kind reaches the method named after it. */
    @Test
    void dispatchReachesOneMethodPerKind() {
        Map<CommandKind, Command> samples = new EnumMap<>(CommandKind.class);
        Generators gen = Generators.forLimits(Limits.DEFAULT);
        Entropy rnd = Entropy.seeded(9);
        for (int i = 0; i < 20_000 && samples.size() < CommandKind.values().length - 2; i++) {
            Command c = gen.command(i % 2 == 0 ? Side.PYTHON : Side.JAVA, rnd);
            samples.putIfAbsent(c.kind(), c);
        }
        samples.put(CommandKind.MEMORY_ATTACH, new MemoryAttachCommand("o1"));
        samples.put(CommandKind.UNKNOWN, new UnknownCommand("q", List.of("x")));
        assertEquals(CommandKind.values().length, samples.size(), "a sample of every kind: " + samples.keySet());
        @SuppressWarnings("unchecked")
        CommandHandler<String, String> h = (CommandHandler<String, String>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CommandHandler.class}, (proxy, method, args) ->
                        method.isDefault() ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args)
                                : method.getName() + "/" + args[1]);
        for (Map.Entry<CommandKind, Command> e : samples.entrySet()) {
            String expected = camel(e.getKey()) + "/ctx";
            assertEquals(expected, h.handle(e.getValue(), "ctx"), e.getKey().name());
        }
    }

    private static String camel(CommandKind k) {
        StringBuilder b = new StringBuilder();
        for (String part : k.name().toLowerCase(Locale.ROOT).split("_")) {
            b.append(b.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return b.toString();
    }

    @Test
    void messageInputStreamTakesItsLimitsFromTheDecoder() throws Exception {
        TextCodec small = TextCodec.builder(Role.GATEWAY_SERVER).limits(Limits.builder().maxFrameBytes(16).build()).build();
        byte[] big = ("c\nt\necho\ns" + "x".repeat(100) + "\ne\n").getBytes(StandardCharsets.UTF_8);
        try (MessageInputStream in = new MessageInputStream(new ByteArrayInputStream(big), small.newDecoder())) {
            ProtocolException e = assertThrows(ProtocolException.class, in::read);
            assertEquals(Reason.FRAME_TOO_LONG, e.reason());
        }
    }

    @Test
    void voidAndBareSuccessAreDistinctAndNamedSo() {
        TextEncoder java = TextCodec.of(Role.GATEWAY_SERVER).newEncoder();
        assertArrayEquals("!yv\n".getBytes(StandardCharsets.UTF_8), java.encode(ReturnMessage.successVoid()));
        TextEncoder python = TextCodec.of(Role.CALLBACK_SERVER).newEncoder();
        assertArrayEquals("!y\n".getBytes(StandardCharsets.UTF_8), python.encode(ReturnMessage.successWithoutValue()));
    }

    @Test
    void unknownSubCommandsCanBeFramedToTheirEnd() {
        byte[] b = "m\na\nj\ne\nc\nt\nx\ne\n".getBytes(StandardCharsets.UTF_8);
        TextDecoder peerLike = TextCodec.of(Role.GATEWAY_SERVER).newDecoder();
        ProtocolException e = assertThrows(ProtocolException.class, () -> peerLike.decode(b, 0, b.length));
        assertEquals(4, e.skipBytes(), "as py4j: only m and a, then j is read as the next command");
        TextDecoder gateway = TextCodec.builder(Role.GATEWAY_SERVER).keepUnknownSubCommands(true).build().newDecoder();
        int n = gateway.decode(b, 0, b.length);
        assertEquals(8, n);
        assertEquals(new UnknownCommand("m", List.of("a", "j")), gateway.message());
        gateway.decode(b, n, b.length - n);
        assertEquals(new CallCommand("t", "x", List.of()), gateway.message());
    }
}
