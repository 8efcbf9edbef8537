package io.py4jcodec.text;

import io.py4jcodec.api.MessageEncoder;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.*;
import io.py4jcodec.text.part.PartEncoder;
import java.util.List;
import org.agrona.MutableDirectBuffer;

/**
 * Writes messages exactly as one real peer writes them: values formatted as that peer formats them
 * (see {@link PartEncoder}), LF after every line, each command's lines as its {@link Layouts layout}
 * says (which is where the commands without an {@code e} line are named).
 *
 * <pre>{@code
 * TextEncoder py = TextCodec.of(Side.PYTHON).newEncoder();
 * py.encode(new AuthCommand("tok"));          // "A\ntok\n"
 * TextEncoder java = TextCodec.of(Side.JAVA).newEncoder();
 * java.encode(new AuthCommand("tok"));        // "A\ntok\ne\n"
 * java.encode(ReturnMessage.success(Value.ofBoolean(true)));   // "!ybtrue\n"
 * }</pre>
 *
 * <p>An encoder writes any command, whichever side really sends it (useful for tests and fuzzing);
 * byte-exactness is promised for the commands and answers that side's peer sends. Raw lines (ids,
 * names) that hold a line break are refused with {@link io.py4jcodec.api.Reason#UNENCODABLE}.
 */
public final class TextEncoder implements MessageEncoder {
    private static final byte LF = '\n';

    private final Side side;
    private final PartEncoder parts;
    private final Fields fields = new Fields();

    TextEncoder(Side side) {
        this.side = side;
        this.parts = new PartEncoder(side);
    }

    /** The side whose bytes this encoder writes. */
    public Side side() {
        return side;
    }

    @Override
    public int encode(Message message, MutableDirectBuffer dst, int index) {
        if (message instanceof ReturnMessage r) {
            return encodeReturn(r, dst, index);
        }
        return encodeCommand((Command) message, dst, index);
    }

    private int encodeReturn(ReturnMessage r, MutableDirectBuffer dst, int index) {
        int p = index;
        dst.putByte(p++, (byte) '!');
        dst.putByte(p++, (byte) r.status());
        if (r.value() != null) {
            p += parts.encode(r.value(), dst, p);
        }
        dst.putByte(p++, LF);
        return p - index;
    }

    private int encodeCommand(Command c, MutableDirectBuffer dst, int index) {
        int p = index;
        CommandKind kind = c.kind();
        if (kind == CommandKind.UNKNOWN) {
            UnknownCommand u = (UnknownCommand) c;
            p += raw(u.name(), dst, p, "command name");
            for (String line : u.lines()) {
                p += raw(line, dst, p, "line");
            }
            return p + end(dst, p) - index;
        }
        dst.putByte(p++, (byte) kind.command());
        dst.putByte(p++, LF);
        if (kind.hasSubCommand()) {
            dst.putByte(p++, (byte) kind.subCommand());
            dst.putByte(p++, LF);
        }
        return p + lines(Layouts.of(kind, side), c, dst, p) - index;
    }

    /** Walks the command's layout: each line written from its field, as its slot says. */
    private int lines(Layout<?> layout, Command command, MutableDirectBuffer dst, int index) {
        Fields f = fields;
        layout.fill(command, f);
        Line[] lines = layout.lines();
        int p = index;
        for (int i = 0; i < lines.length; i++) {
            Line line = lines[i];
            p += switch (line.slot()) {
                case RAW, ID -> raw(f.text(i), dst, p, line.what());
                case ESCAPED -> escaped(f.text(i), dst, p);
                case PART -> part(f.value(i), dst, p);
                case ARGS -> parts(f.values(i), dst, p);
                case COUNT -> part(new IntValue(f.number(i)), dst, p);
                case INT -> integer(f.number(i), dst, p);
                case END -> end(dst, p);
            };
        }
        f.clear();
        return p - index;
    }

    private int raw(String s, MutableDirectBuffer dst, int index, String what) {
        int n = parts.writeRaw(s, dst, index, what);
        dst.putByte(index + n, LF);
        return n + 1;
    }

    private int escaped(String s, MutableDirectBuffer dst, int index) {
        int n = parts.writeEscaped(s, dst, index);
        dst.putByte(index + n, LF);
        return n + 1;
    }

    private int part(Value v, MutableDirectBuffer dst, int index) {
        int n = parts.encode(v, dst, index);
        dst.putByte(index + n, LF);
        return n + 1;
    }

    /** An argument list: its parts and the e line that ends it (the slot ARGS takes both). */
    private int parts(List<Value> values, MutableDirectBuffer dst, int index) {
        int p = index;
        for (int i = 0, n = values.size(); i < n; i++) {
            p += part(values.get(i), dst, p);
        }
        return p + end(dst, p) - index;
    }

    private static int integer(int n, MutableDirectBuffer dst, int index) {
        int len = dst.putIntAscii(index, n);
        dst.putByte(index + len, LF);
        return len + 1;
    }

    private static int end(MutableDirectBuffer dst, int index) {
        dst.putByte(index, (byte) 'e');
        dst.putByte(index + 1, LF);
        return 2;
    }
}
