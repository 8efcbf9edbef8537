package io.py4jcodec.text;

import io.py4jcodec.api.Limits;
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
 * names) that hold a line break are refused with {@link io.py4jcodec.api.Reason#UNENCODABLE}, and
 * so is a decimal whose plain text (Java's) would make a line longer than
 * {@link Limits#maxLineBytes()}, rather than built.
 */
public final class TextEncoder implements MessageEncoder {
    private static final byte LF = '\n';

    private final Side side;
    private final PartEncoder parts;
    private final CommandLines lines;

    TextEncoder(Side side, Limits limits) {
        this.side = side;
        this.parts = new PartEncoder(side, limits);
        this.lines = new CommandLines(); // after side, which it reads
    }

    /** The side whose bytes this encoder writes. */
    public Side side() {
        return side;
    }

    @Override
    public int encode(Message message, MutableDirectBuffer dst, int index) {
        // not instanceof ReturnMessage: see ReturnMessage.is (22% of encode's time on JDK 17)
        if (ReturnMessage.is(message)) {
            return encodeReturn((ReturnMessage) message, dst, index);
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
        return p + lines.write(kind, c, dst, p) - index;
    }

    /**
     * Writes the lines of one command as its layout says, fed by the layout's filler in line order
     * (each field written as it is given, nothing stored; an {@code e} line the filler has no field
     * for is written when the filler passes it or finishes).
     */
    final class CommandLines {
        private final Layout<?>[] layouts = Layouts.sentBy(side);
        // set only when it changes: a reference store into this long-lived object costs a GC barrier
        private MutableDirectBuffer dst;
        private int kind;
        private int p;
        private int next;

        int write(CommandKind k, Command c, MutableDirectBuffer buffer, int index) {
            if (dst != buffer) {
                dst = buffer;
            }
            kind = k.ordinal();
            p = index;
            next = 0;
            Layout<?> layout = layouts[kind];
            layout.fill(c, this);
            endLinesUpTo(layout.lines().length);
            return p - index;
        }

        /** Line {@code i}, a RAW, ID or ESCAPED line. */
        CommandLines text(int i, String v) {
            Line line = at(i);
            p += line.slot() == Slot.ESCAPED ? escaped(v, dst, p) : raw(v, dst, p, line.what());
            return this;
        }

        /** Line {@code i}, a PART line. */
        CommandLines value(int i, Value v) {
            at(i);
            p += part(v, dst, p);
            return this;
        }

        /** Line {@code i}, an ARGS line: the parts and their e line. */
        CommandLines values(int i, List<Value> v) {
            at(i);
            p += parts(v, dst, p);
            return this;
        }

        /** Line {@code i}, a COUNT line (an int part) or an INT line (bare digits). */
        CommandLines number(int i, int v) {
            p += at(i).slot() == Slot.COUNT ? part(new IntValue(v), dst, p) : integer(v, dst, p);
            return this;
        }

        private Line at(int i) {
            if (next != i) {
                // only before a line the filler does not write: a command's e line, mid-layout
                endLinesUpTo(i);
            }
            next = i + 1;
            return layouts[kind].lines()[i];
        }

        private void endLinesUpTo(int i) {
            Line[] lines = layouts[kind].lines();
            for (; next < i; next++) {
                if (lines[next].slot() != Slot.END) {
                    throw new IllegalStateException("the filler of " + layouts[kind].kind() + " skipped line " + next);
                }
                p += end(dst, p);
            }
        }
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
