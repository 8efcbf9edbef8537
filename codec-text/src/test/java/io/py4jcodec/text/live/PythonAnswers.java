package io.py4jcodec.text.live;

import io.py4jcodec.api.model.CallCommand;
import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.IntValue;
import io.py4jcodec.api.model.ProxyCallCommand;
import io.py4jcodec.api.model.ProxyGcCommand;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.StringValue;
import io.py4jcodec.api.model.Value;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;

/**
 * TEST CODE ONLY: what the Python objects behind the test's proxies answer, as a real Python
 * callback handler would: {@code !y<value>}, {@code !xs<traceback>} when the method raises, and a
 * bare {@code !y} to a garbage-collection notice.
 */
final class PythonAnswers implements CodecPythonClient.Callbacks {
    /** What {@link LiveFixture.Answers} returns, by method name, written as Python writes them. */
    static final Map<String, Value> ANSWERS = Map.of(
            "anInt", Value.ofInt(-5),
            "aLong", Value.ofLong(1L << 50),
            "aDouble", Value.ofDouble(-0.0),
            "aBoolean", Value.ofBoolean(true),
            "aString", Value.ofString("x\\y\nz\ud83d\ude00"),
            "someBytes", Value.ofBytes(new byte[] {1, 2, -3}),
            "aDecimal", Value.ofDecimal(new BigDecimal("1E+2")),
            "nothing", Value.ofNull());

    static final String TRACEBACK = "Traceback (most recent call last):\n  File \"<test>\", line 1\nValueError: no \\ way";

    /** The Java reference {@code anObject} answers with (set by the test). */
    volatile String objectId = "t";
    /** What the Python objects were handed, by method name, for the test to inspect. */
    final Map<String, Object> notes = new ConcurrentHashMap<>();
    /** How a nested Python→Java call is made from inside {@code apply}: same connection or another one. */
    volatile NestedCaller nested;

    @FunctionalInterface
    interface NestedCaller {
        ReturnMessage call(Command command, CodecPythonClient current) throws IOException;
    }

    @Override
    public ReturnMessage answer(Command command, CodecPythonClient conn) throws IOException {
        if (command instanceof ProxyGcCommand) {
            return ReturnMessage.successWithoutValue();
        }
        if (!(command instanceof ProxyCallCommand call)) {
            return ReturnMessage.error(Value.ofNull()); // Python's answer to an unknown command
        }
        switch (call.method()) {
            case "greet": {
                String name = ((StringValue) call.arguments().get(0)).value();
                if (name.startsWith("raise")) {
                    return ReturnMessage.error(TRACEBACK);
                }
                return ReturnMessage.success(Value.ofString("hi " + name));
            }
            case "take":
                notes.put("take", call.arguments());
                return ReturnMessage.success(Value.ofInt(call.arguments().size()));
            case "anObject":
                return ReturnMessage.success(Value.ofReference(objectId));
            case "apply": {
                // apply(n): n > 0 asks Java for n + 100 through a nested call, then (if n > 1) recurses
                // into Java's apply with n - 1 on a fresh proxy, so the calls nest n levels deep
                long n = ((IntValue) call.arguments().get(0)).value();
                ReturnMessage sum = nested.call(new CallCommand("t", "addInts",
                        List.of(Value.ofInt((int) n), Value.ofInt(100))), conn);
                if (n <= 1) {
                    return sum;
                }
                ReturnMessage deeper = nested.call(new CallCommand("t", "apply",
                        List.of(Value.ofProxy(nextProxyId(), "java.util.function.Function"), Value.ofInt((int) n - 1))), conn);
                if (!(deeper.value() instanceof IntValue d) || !(sum.value() instanceof IntValue s)) {
                    return ReturnMessage.error("unexpected answers " + sum + " / " + deeper);
                }
                return ReturnMessage.success(Value.ofInt((int) (s.value() + d.value())));
            }
            default:
                if (ANSWERS.containsKey(call.method())) {
                    return ReturnMessage.success(ANSWERS.get(call.method()));
                }
                return ReturnMessage.error("AttributeError: " + call.method());
        }
    }

    private final java.util.concurrent.atomic.AtomicInteger proxyIds = new java.util.concurrent.atomic.AtomicInteger(1000);

    /** A fresh proxy id for every send, as Python's proxy pool assigns them. */
    String nextProxyId() {
        return "p" + proxyIds.getAndIncrement();
    }

    static IntFunction<Integer> expectedApply() {
        return n -> {
            int total = 0;
            for (int k = n; k >= 1; k--) {
                total += k + 100;
            }
            return total;
        };
    }
}
