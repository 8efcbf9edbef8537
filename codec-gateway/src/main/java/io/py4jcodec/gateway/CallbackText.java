package io.py4jcodec.gateway;

import io.py4jcodec.api.Role;
import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.text.TextCodec;
import io.py4jcodec.text.TextDecoder;
import io.py4jcodec.text.TextEncoder;
import java.nio.charset.StandardCharsets;
import py4j.Py4JException;

/**
 * The text py4j's proxies and the text they expect back: {@code PythonProxyHandler} hands a
 * {@code Py4JPythonClient} a command it wrote ({@code c\np0\nnotify\ni4\ne\n}) and parses the answer
 * line without its {@code !} and LF. Both our callback clients read the command into the model here
 * and give py4j the answer in that form.
 */
final class CallbackText {
    private static final TextCodec JAVA_COMMANDS = TextCodec.of(Role.CALLBACK_SERVER);
    private static final TextEncoder PYTHON_WRITER = TextCodec.of(Role.PYTHON_CLIENT).newEncoder();

    private CallbackText() {
    }

    /** py4j's command text as a model command. */
    static Command command(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TextDecoder d = JAVA_COMMANDS.newDecoder();
        int n = d.decode(bytes, 0, bytes.length);
        if (n != bytes.length || !(d.message() instanceof Command c)) {
            throw new Py4JException("not one callback command: " + text);
        }
        return c;
    }

    /** The answer as py4j's callback connections return it: the line Python wrote, without {@code !} and LF. */
    static String answer(ReturnMessage answer) {
        byte[] line;
        synchronized (PYTHON_WRITER) {
            line = PYTHON_WRITER.encode(answer);
        }
        return new String(line, 1, line.length - 2, StandardCharsets.UTF_8);
    }
}
