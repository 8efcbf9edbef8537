package io.py4jcodec.text;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.ErrorReturn;
import io.py4jcodec.api.model.FatalReturn;
import io.py4jcodec.api.model.ReturnMessage;
import io.py4jcodec.api.model.SuccessReturn;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.text.format.AsciiCache;
import io.py4jcodec.text.format.Escaping;
import io.py4jcodec.text.format.IntegerText;
import io.py4jcodec.text.format.Utf8;
import io.py4jcodec.text.part.PartContext;
import io.py4jcodec.text.part.PartDecoder;

/**
 * Reads one line as its place in the frame says (an answer, or a line of a command's
 * {@link Layout}), as one side's reader does; bad input is a {@link ProtocolException} at the byte
 * where it is. It keeps no frame state: {@link TextDecoder} decides which line is which.
 */
final class LineReader {
    private final Side side;
    private final boolean strict;
    private final PartDecoder parts;
    private final IntegerText.Result num = new IntegerText.Result();
    private final AsciiCache names = new AsciiCache();

    LineReader(Side side, boolean strict, Limits limits) {
        this.side = side;
        this.strict = strict;
        this.parts = new PartDecoder(side, strict, limits);
    }

    /** An answer line; {@code from} is the index of its status letter (after the {@code !}, if any). */
    ReturnMessage answer(LineView l, int from) {
        if (from >= l.length()) {
            throw ProtocolException.of(Reason.BAD_ANSWER, l.offset(from), 0, "empty answer");
        }
        byte status = l.at(from);
        if (status != 'y' && status != 'x' && status != 'z') {
            throw ProtocolException.of(Reason.BAD_ANSWER, l.offset(from), 0, "answer status is not y, x or z: "
                    + ProtocolException.snippet(Utf8.decodeReplacing(l.buf(), l.start() + from, l.end())));
        }
        Value v = null;
        if (from + 1 < l.length()) {
            v = parts.decode(l.buf(), l.start() + from + 1, l.end(), PartContext.ANSWER, l.base(), 0);
        }
        if (v == null && status == 'y' && strict && side == Side.PYTHON) {
            // Java never writes a bare !y; Python would fail on it with an IndexError
            throw ProtocolException.of(Reason.BAD_ANSWER, l.offset(from), 0, "bare !y without a type (strict)");
        }
        return switch (status) {
            case 'y' -> v == null ? SuccessReturn.BARE : new SuccessReturn(v);
            case 'x' -> v == null ? ErrorReturn.BARE : new ErrorReturn(v);
            default -> v == null ? FatalReturn.BARE : new FatalReturn(v);
        };
    }

    /** A typed part. */
    Value part(LineView l) {
        return parts.decode(l.buf(), l.start(), l.end(), PartContext.ARGUMENT, l.base(), l.index());
    }

    /** Java's {@code String.trim().isEmpty()}: the blank line that ends a Java argument list. */
    boolean isBlank(LineView l) {
        return side == Side.JAVA && PartDecoder.isJavaBlank(l.buf(), l.start(), l.end());
    }

    /** A raw line (an id, a name), as this reader decodes text; short ASCII ones from the cache. */
    String text(LineView l) {
        String cached = names.get(l.buf(), l.start(), l.end());
        return cached != null ? cached : Utf8.decode(side, strict, l.buf(), l.start(), l.end(), l.base(), l.index());
    }

    /** A raw id line; a blank one is {@link Reason#EMPTY_REFERENCE}. */
    String id(LineView l) {
        String id = text(l);
        if (id.strip().isEmpty()) {
            throw ProtocolException.of(Reason.EMPTY_REFERENCE, l.offset(0), l.index(),
                    "blank object id (the Python peer closes the connection)");
        }
        return id;
    }

    /** A line this reader unescapes. */
    String escaped(LineView l) {
        return Escaping.unescape(side, strict, l.buf(), l.start(), l.end(), l.base(), l.index());
    }

    /** Java's {@code Protocol.getInteger}: the first character skipped (strict: it must be {@code i}). */
    int count(LineView l) {
        if (l.length() < 1 || (strict && l.at(0) != 'i')) {
            throw ProtocolException.of(Reason.BAD_NUMBER, l.offset(0), l.index(),
                    "expected an int part such as i2: " + l.snippet());
        }
        return integer(l, 1);
    }

    /** {@code Integer.parseInt} of the line from its byte {@code from}. */
    int integer(LineView l, int from) {
        IntegerText.parseJavaLong(l.buf(), l.start() + from, l.end(), num);
        if (!num.ok || num.value < Integer.MIN_VALUE || num.value > Integer.MAX_VALUE) {
            throw ProtocolException.of(num.ok || num.overflow ? Reason.NUMBER_OUT_OF_RANGE : Reason.BAD_NUMBER,
                    l.offset(from), l.index(), "not an int (Integer.parseInt): "
                            + ProtocolException.snippet(Utf8.decodeReplacing(l.buf(), l.start() + from, l.end())));
        }
        return (int) num.value;
    }

    /** The {@code e} line: the real readers take any line there; a strict reader checks it. */
    void end(LineView l) {
        if (strict && !l.is('e')) {
            throw ProtocolException.of(Reason.MISSING_END, l.offset(0), l.index(),
                    "expected the end line 'e', found " + l.snippet());
        }
    }
}
