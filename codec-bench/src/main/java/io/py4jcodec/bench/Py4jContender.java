package io.py4jcodec.bench;

import io.py4jcodec.api.model.*;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.py4jcodec.bench.ConnectionStreams.Cycle;
import io.py4jcodec.bench.ConnectionStreams.Refill;
import io.py4jcodec.bench.ConnectionStreams.Sink;
import io.py4jcodec.bench.Py4jObjects.Answer;
import io.py4jcodec.bench.Py4jObjects.AnswerInput;
import io.py4jcodec.bench.Py4jObjects.CommandInput;
import io.py4jcodec.bench.Py4jObjects.Read;
import io.py4jcodec.bench.Py4jObjects.Ref;
import io.py4jcodec.bench.Py4jObjects.Unread;
import py4j.Gateway;
import py4j.Protocol;
import py4j.ReturnObject;
import py4j.StringUtil;
import py4j.commands.CallCommand;

import static io.py4jcodec.bench.Py4jObjects.answerInput;
import static io.py4jcodec.bench.Py4jObjects.commandInput;
import static io.py4jcodec.bench.Py4jObjects.toAnswer;
import static io.py4jcodec.bench.Py4jObjects.toCommand;

/**
 * py4j 0.10.9.9's own Java code path, the baseline users have today.
 *
 * <h2>Decoding</h2>
 * What a {@code GatewayConnection} does with a command: one {@code BufferedReader} over an
 * {@code InputStreamReader(UTF-8)} for the connection, {@code readLine} for the command name,
 * then the command's own reads: {@code CallCommand} reads target and method and calls
 * {@code AbstractCommand.getArguments} (py4j's real code, reached through a subclass, including its
 * per-argument log string), {@code ReflectionCommand} reads its lines and resolves the JVM view
 * with {@code Protocol.getObject}, and so on. Executing the command (reflection) is not timed.
 * Answers are read as the Java side reads a callback's answer: {@code readLine}, the {@code !}
 * stripped as {@code CallbackConnection} does, then {@code Protocol.getReturnValue}'s
 * {@code getObject}; for the answer types Java never reads (container references, member
 * answers) there is no py4j Java reader, so the type letter and the rest of the line are split off
 * the way Python's {@code get_return_value} does.
 *
 * <h2>Encoding</h2>
 * Answers: what the Java side writes, {@code Protocol.getOutputCommand(ReturnObject)} (or the
 * command's own constant for void and member answers) through a {@code BufferedWriter} over an
 * {@code OutputStreamWriter(UTF-8)}, flushed per answer. Commands: py4j has no Java encoder for the
 * commands Python sends; the fair Java baseline is the one command py4j Java does write, a
 * callback ({@code PythonProxyHandler.invoke}): a {@code StringBuilder} of the lines with
 * {@code Gateway.getReturnObject(arg).getCommandPart()} per argument. It formats values the Java
 * way ({@code btrue}, {@code Double.toString}), so its bytes can differ slightly from Python's.
 *
 * <p>py4j's log statements that only build strings when a level is enabled are left out; the
 * argument log string in {@code getStringArguments} is always built, so it stays.
 *
 * <p>Only py4j's code path is here; the model to and from py4j's objects (set-up and checking,
 * never timed) is {@link Py4jObjects}, the in-memory connection {@link ConnectionStreams}.
 */
public final class Py4jContender extends Contender {

    /** py4j's argument reader, reached through a subclass of the real command. */
    static final class Args extends CallCommand {
        Args(Gateway gateway) {
            init(gateway, null);
        }

        List<Object> read(BufferedReader reader) throws IOException {
            return getArguments(reader);
        }
    }

    private final Direction direction;
    private final byte[] text;
    private final Gateway gateway = new Gateway(null);
    private final Args args;
    private final Object[] encodeInputs;
    private final Object[] decoded;
    private final Sink sink;
    private final BufferedWriter writer;
    private final BufferedReader reader;
    private final Refill refill = new Refill();
    private final BufferedReader roundTripReader;

    public Py4jContender(Workload w) {
        this.direction = w.direction();
        this.text = w.text();
        this.args = new Args(gateway);
        this.decoded = new Object[w.messages().size()];
        this.encodeInputs = new Object[w.messages().size()];
        for (int i = 0; i < encodeInputs.length; i++) {
            Message m = w.messages().get(i);
            encodeInputs[i] = direction == Direction.COMMANDS ? commandInput((Command) m) : answerInput((ReturnMessage) m);
        }
        registerReferences(w.messages());
        this.sink = new Sink(Math.max(64, text.length * 2));
        this.writer = new BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8));
        this.reader = new BufferedReader(new InputStreamReader(new Cycle(text), StandardCharsets.UTF_8));
        this.roundTripReader = new BufferedReader(new InputStreamReader(refill, StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return "py4j";
    }

    @Override
    public byte[] wire() {
        int n = encode();
        return Arrays.copyOf(sink.bytes(), n);
    }

    @Override
    public byte[] decodeInput() {
        return text;
    }

    // ---- encoding ---------------------------------------------------------------------------

    @Override
    public int encode() {
        sink.reset();
        try {
            if (direction == Direction.COMMANDS) {
                for (Object in : encodeInputs) {
                    writer.write(command((CommandInput) in));
                    writer.flush();
                }
            } else {
                for (Object in : encodeInputs) {
                    writer.write(answer((AnswerInput) in));
                    writer.flush();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink.size();
    }

    private String command(CommandInput in) {
        StringBuilder b = new StringBuilder();
        for (String line : in.lines()) {
            b.append(line);
            b.append("\n");
        }
        for (Object arg : in.parts()) {
            if (arg instanceof Ref r) {
                b.append(ReturnObject.getReferenceReturnObject(r.id()).getCommandPart());
            } else {
                b.append(gateway.getReturnObject(arg).getCommandPart());
            }
            b.append("\n");
        }
        b.append("e\n");
        return b.toString();
    }

    private String answer(AnswerInput in) {
        return switch (in.kind()) {
            case VALUE -> Protocol.getOutputCommand(gateway.getReturnObject(in.value()));
            case VOID -> Protocol.getOutputVoidCommand();
            case REF -> Protocol.getOutputCommand(ReturnObject.getReferenceReturnObject((String) in.value()));
            case LIST -> Protocol.getOutputCommand(ReturnObject.getListReturnObject((String) in.value(), 0));
            case MAP -> Protocol.getOutputCommand(ReturnObject.getMapReturnObject((String) in.value(), 0));
            case SET -> Protocol.getOutputCommand(ReturnObject.getSetReturnObject((String) in.value(), 0));
            case ARRAY -> Protocol.getOutputCommand(ReturnObject.getArrayReturnObject((String) in.value(), 0));
            case ITERATOR -> Protocol.getOutputCommand(ReturnObject.getIteratorReturnObject((String) in.value()));
            case PACKAGE -> Protocol.getMemberOutputCommand(Protocol.PACKAGE_TYPE);
            case CLASS -> Protocol.getMemberOutputCommand(Protocol.CLASS_TYPE, (String) in.value());
            case METHOD -> Protocol.getMemberOutputCommand(Protocol.METHOD_TYPE);
            case NO_MEMBER -> Protocol.getNoSuchFieldOutputCommand();
            case ERROR_REF -> Protocol.getOutputCommand(ReturnObject.getErrorReferenceReturnObject((String) in.value()));
        };
    }

    // ---- decoding ---------------------------------------------------------------------------

    @Override
    public Object[] decode() {
        return read(reader);
    }

    @Override
    public Object[] roundTrip() {
        int n = encode();
        refill.set(sink.bytes(), n);
        return read(roundTripReader);
    }

    private Object[] read(BufferedReader r) {
        try {
            if (direction == Direction.COMMANDS) {
                for (int i = 0; i < decoded.length; i++) {
                    decoded[i] = readCommand(r);
                }
            } else {
                for (int i = 0; i < decoded.length; i++) {
                    decoded[i] = readAnswer(r);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return decoded;
    }

    private Read readCommand(BufferedReader r) throws IOException {
        String name = r.readLine();
        switch (name) {
            case "c": {
                String target = r.readLine();
                String method = r.readLine();
                return new Read(name, ' ', target, method, null, args.read(r));
            }
            case "i": {
                String fqn = r.readLine();
                return new Read(name, ' ', fqn, null, null, args.read(r));
            }
            case "r": {
                char sub = r.readLine().charAt(0);
                if (sub == 'u') {
                    String fqn = r.readLine();
                    String jvmId = r.readLine();
                    Object view = Protocol.getObject(jvmId, gateway);
                    r.readLine();
                    return new Read(name, sub, fqn, null, view, null);
                }
                if (sub == 'c') {
                    String fqn = r.readLine();
                    r.readLine();
                    return new Read(name, sub, fqn, null, null, null);
                }
                break;
            }
            case "m": {
                char sub = r.readLine().charAt(0);
                if (sub == 'd') {
                    String id = r.readLine();
                    r.readLine();
                    return new Read(name, sub, id, null, null, null);
                }
                break;
            }
            case "j": {
                char sub = r.readLine().charAt(0);
                if (sub == 'i') {
                    String jvmId = r.readLine();
                    String imp = StringUtil.unescape(r.readLine());
                    r.readLine();
                    Object view = Protocol.getObject(jvmId, gateway);
                    return new Read(name, sub, imp, null, view, null);
                }
                break;
            }
            default:
                break;
        }
        throw new IllegalStateException("the py4j baseline reads no command " + name);
    }

    private Object readAnswer(BufferedReader r) throws IOException {
        String line = r.readLine();
        if (Protocol.isReturnMessage(line)) {
            line = line.substring(1); // CallbackConnection.sendCommand
        }
        char status = line.charAt(0);
        char type = line.charAt(1);
        switch (type) {
            case 'b', 'd', 'L', 'i', 'j', 'n', 'v', 'r', 's', 'D':
                return new Answer(status, Protocol.getObject(line.substring(1), gateway));
            default:
                return new Unread(status, type, line.substring(2));
        }
    }
    /** Every id a workload refers to, held by the gateway as py4j's would be. */
    private void registerReferences(List<Message> messages) {
        for (Message m : messages) {
            List<Value> values = new ArrayList<>();
            if (m instanceof io.py4jcodec.api.model.CallCommand c) {
                values.addAll(c.arguments());
            } else if (m instanceof ConstructorCommand k) {
                values.addAll(k.arguments());
            } else if (m instanceof ReflectionUnknownCommand u) {
                values.add(u.jvmView());
            } else if (m instanceof JvmViewImportCommand j) {
                values.add(j.jvmView());
            } else if (m instanceof ReturnMessage r && r.value() != null) {
                values.add(r.value());
            }
            for (Value v : values) {
                if (v instanceof ReferenceValue r) {
                    gateway.putObject(r.id(), new Ref(r.id()));
                }
            }
        }
    }

    @Override
    public List<Message> decodedModel() {
        List<Message> out = new ArrayList<>();
        for (Object o : decoded) {
            out.add(direction == Direction.COMMANDS ? toCommand((Read) o) : toAnswer(o));
        }
        return out;
    }

}
