package io.py4jcodec.bench;

import io.py4jcodec.api.model.*;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import py4j.Gateway;
import py4j.Protocol;
import py4j.ReturnObject;
import py4j.StringUtil;
import py4j.commands.CallCommand;

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
 */
public final class Py4jContender extends Contender {

    /** What py4j's gateway holds for an object id; the decoded references point at these. */
    record Ref(String id) {
    }

    /** A command read by py4j's code: the lines and the objects it read, before execution. */
    record Read(String command, char sub, String a, String b, Object c, List<Object> args) {
    }

    /** An answer py4j has no Java reader for: its status, type letter and text. */
    record Unread(char status, char type, String text) {
    }

    /** An answer read through {@code getReturnValue}'s {@code getObject}. */
    record Answer(char status, Object value) {
    }

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

    /** A command as {@code PythonProxyHandler} would build it: fixed lines, then parts. */
    private record CommandInput(String[] lines, Object[] parts) {
    }

    private enum AnswerKind { VALUE, VOID, REF, LIST, MAP, SET, ARRAY, ITERATOR, PACKAGE, CLASS, METHOD, NO_MEMBER, ERROR_REF }

    private record AnswerInput(AnswerKind kind, Object value) {
    }

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
        for (String line : in.lines) {
            b.append(line);
            b.append("\n");
        }
        for (Object arg : in.parts) {
            if (arg instanceof Ref r) {
                b.append(ReturnObject.getReferenceReturnObject(r.id).getCommandPart());
            } else {
                b.append(gateway.getReturnObject(arg).getCommandPart());
            }
            b.append("\n");
        }
        b.append("e\n");
        return b.toString();
    }

    private String answer(AnswerInput in) {
        return switch (in.kind) {
            case VALUE -> Protocol.getOutputCommand(gateway.getReturnObject(in.value));
            case VOID -> Protocol.getOutputVoidCommand();
            case REF -> Protocol.getOutputCommand(ReturnObject.getReferenceReturnObject((String) in.value));
            case LIST -> Protocol.getOutputCommand(ReturnObject.getListReturnObject((String) in.value, 0));
            case MAP -> Protocol.getOutputCommand(ReturnObject.getMapReturnObject((String) in.value, 0));
            case SET -> Protocol.getOutputCommand(ReturnObject.getSetReturnObject((String) in.value, 0));
            case ARRAY -> Protocol.getOutputCommand(ReturnObject.getArrayReturnObject((String) in.value, 0));
            case ITERATOR -> Protocol.getOutputCommand(ReturnObject.getIteratorReturnObject((String) in.value));
            case PACKAGE -> Protocol.getMemberOutputCommand(Protocol.PACKAGE_TYPE);
            case CLASS -> Protocol.getMemberOutputCommand(Protocol.CLASS_TYPE, (String) in.value);
            case METHOD -> Protocol.getMemberOutputCommand(Protocol.METHOD_TYPE);
            case NO_MEMBER -> Protocol.getNoSuchFieldOutputCommand();
            case ERROR_REF -> Protocol.getOutputCommand(ReturnObject.getErrorReferenceReturnObject((String) in.value));
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

    // ---- model <-> py4j's objects (set-up and checking only) --------------------------------

    private static CommandInput commandInput(Command c) {
        if (c instanceof io.py4jcodec.api.model.CallCommand call) {
            return new CommandInput(new String[] {"c", call.targetId(), call.method()}, objects(call.arguments()));
        }
        if (c instanceof ConstructorCommand k) {
            return new CommandInput(new String[] {"i", k.className()}, objects(k.arguments()));
        }
        if (c instanceof ReflectionUnknownCommand u) {
            return new CommandInput(new String[] {"r", "u", u.name()}, objects(List.of(u.jvmView())));
        }
        if (c instanceof MemoryDeleteCommand m) {
            return new CommandInput(new String[] {"m", "d", m.objectId()}, new Object[0]);
        }
        throw new IllegalArgumentException("the py4j baseline writes no " + c.getClass().getSimpleName());
    }

    private static Object[] objects(List<Value> values) {
        Object[] out = new Object[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = object(values.get(i));
        }
        return out;
    }

    /** The Java object py4j would hold for a value. */
    static Object object(Value v) {
        if (v instanceof IntValue i) {
            return i.value() == (int) i.value() ? (Object) (int) i.value() : (Object) i.value();
        }
        if (v instanceof LongValue l) {
            return l.value();
        }
        if (v instanceof DoubleValue d) {
            return d.value();
        }
        if (v instanceof BooleanValue b) {
            return b.value();
        }
        if (v instanceof StringValue s) {
            return s.value();
        }
        if (v instanceof BytesValue b) {
            return b.value();
        }
        if (v instanceof DecimalValue d) {
            return d.value();
        }
        if (v instanceof ReferenceValue r) {
            return new Ref(r.id());
        }
        if (v instanceof NullValue) {
            return null;
        }
        throw new IllegalArgumentException("no py4j object for " + v);
    }

    private static AnswerInput answerInput(ReturnMessage m) {
        Value v = m.value();
        if (m instanceof ErrorReturn && v instanceof ReferenceValue r) {
            return new AnswerInput(AnswerKind.ERROR_REF, r.id());
        }
        if (!(m instanceof SuccessReturn)) {
            throw new IllegalArgumentException("the py4j baseline writes no " + m);
        }
        if (v instanceof VoidValue) {
            return new AnswerInput(AnswerKind.VOID, null);
        }
        if (v instanceof ReferenceValue r) {
            return new AnswerInput(AnswerKind.REF, r.id());
        }
        if (v instanceof ListReference r) {
            return new AnswerInput(AnswerKind.LIST, r.id());
        }
        if (v instanceof MapReference r) {
            return new AnswerInput(AnswerKind.MAP, r.id());
        }
        if (v instanceof SetReference r) {
            return new AnswerInput(AnswerKind.SET, r.id());
        }
        if (v instanceof ArrayReference r) {
            return new AnswerInput(AnswerKind.ARRAY, r.id());
        }
        if (v instanceof IteratorReference r) {
            return new AnswerInput(AnswerKind.ITERATOR, r.id());
        }
        if (v instanceof PackageMember) {
            return new AnswerInput(AnswerKind.PACKAGE, null);
        }
        if (v instanceof ClassMember c) {
            return new AnswerInput(AnswerKind.CLASS, c.name());
        }
        if (v instanceof MethodMember) {
            return new AnswerInput(AnswerKind.METHOD, null);
        }
        if (v instanceof NoMember) {
            return new AnswerInput(AnswerKind.NO_MEMBER, null);
        }
        return new AnswerInput(AnswerKind.VALUE, object(v));
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

    private static Command toCommand(Read r) {
        return switch (r.command) {
            case "c" -> new io.py4jcodec.api.model.CallCommand(r.a, r.b, values(r.args));
            case "i" -> new ConstructorCommand(r.a, values(r.args));
            case "r" -> r.sub == 'u' ? new ReflectionUnknownCommand(r.a, value(r.c)) : new ReflectionClassCommand(r.a);
            case "m" -> new MemoryDeleteCommand(r.a);
            case "j" -> new JvmViewImportCommand(value(r.c), r.a);
            default -> throw new IllegalStateException(r.command);
        };
    }

    private static List<Value> values(List<Object> objects) {
        List<Value> out = new ArrayList<>();
        for (Object o : objects) {
            out.add(value(o));
        }
        return out;
    }

    /** The model of an object py4j read (py4j reads both n and v as null). */
    static Value value(Object o) {
        if (o == null) {
            return NullValue.INSTANCE;
        }
        if (o instanceof Integer i) {
            return new IntValue(i);
        }
        if (o instanceof Long l) {
            return new LongValue(l);
        }
        if (o instanceof Double d) {
            return new DoubleValue(d);
        }
        if (o instanceof Boolean b) {
            return b ? BooleanValue.TRUE : BooleanValue.FALSE;
        }
        if (o instanceof String s) {
            return new StringValue(s);
        }
        if (o instanceof byte[] b) {
            return new BytesValue(b);
        }
        if (o instanceof BigDecimal d) {
            return DecimalValue.of(d);
        }
        if (o instanceof Ref r) {
            return new ReferenceValue(r.id);
        }
        throw new IllegalStateException("unexpected py4j object " + o);
    }

    private static Message toAnswer(Object o) {
        char status;
        Value v;
        if (o instanceof Answer a) {
            status = a.status;
            v = value(a.value);
        } else {
            Unread u = (Unread) o;
            status = u.status;
            v = switch (u.type) {
                case 'l' -> new ListReference(u.text);
                case 'a' -> new MapReference(u.text);
                case 'h' -> new SetReference(u.text);
                case 't' -> new ArrayReference(u.text);
                case 'g' -> new IteratorReference(u.text);
                case 'p' -> PackageMember.INSTANCE;
                case 'c' -> new ClassMember(u.text);
                case 'm' -> MethodMember.INSTANCE;
                case 'o' -> NoMember.INSTANCE;
                default -> throw new IllegalStateException("type " + u.type);
            };
        }
        return status == 'x' ? new ErrorReturn(v) : new SuccessReturn(v);
    }

    // ---- streams ------------------------------------------------------------------------------

    /** The connection's input: the workload's bytes over and over, so one reader serves every operation. */
    static final class Cycle extends InputStream {
        private final byte[] data;
        private int pos;

        Cycle(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            int b = data[pos] & 0xff;
            pos = (pos + 1) % data.length;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = Math.min(len, data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos = (pos + n) % data.length;
            return n;
        }

        @Override
        public int available() {
            return data.length - pos;
        }
    }

    /** Input refilled with what was just written (round trips); never reports end of stream. */
    static final class Refill extends InputStream {
        private byte[] data = new byte[0];
        private int pos;
        private int end;

        void set(byte[] data, int length) {
            this.data = data;
            this.pos = 0;
            this.end = length;
        }

        @Override
        public int read() {
            return pos < end ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= end) {
                throw new IllegalStateException("read past what was written");
            }
            int n = Math.min(len, end - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return end - pos;
        }
    }

    /** The connection's output, reused. */
    static final class Sink extends ByteArrayOutputStream {
        Sink(int size) {
            super(size);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
