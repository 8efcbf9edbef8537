package io.py4jcodec.bench;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.WireFormat;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.binary.MessagesEncoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * protobuf's encode floor for this job: what any encoder starting from objects must pay with
 * protobuf-java's primitives, and nothing else. Setup flattens each workload frame (as
 * {@code pb-generated} builds it) into a tape of fields in wire order, values already in their
 * wire form (ids as numbers, enums as numbers, strings as the {@code String}s themselves). Every
 * encode then does what {@code pb-parse} skips: a size pass computing every nested length and every
 * string's UTF-8 length, nothing memoized from the last iteration; then the write pass with one
 * {@link CodedOutputStream} over the output array, as {@code pb-parse} does.
 *
 * <p>What it leaves out, so that it stays a floor: choosing the layout per model type, turning
 * {@code "o12"} into 12, checking identifiers for lone surrogates, and a stream per frame (the
 * codecs' {@code encode(message, buffer, index)} contract). Decoding is {@code pb-parse}'s.
 */
public final class ProtobufFloorContender extends Contender {
    /** The contender's name. */
    public static final String NAME = "pb-floor";
    private static final byte BEGIN = 0;
    private static final byte END = 1;
    private static final byte STRING = 2;
    private static final byte BYTES = 3;
    private static final byte UINT64 = 4;
    private static final byte SINT64 = 5;
    private static final byte SINT32 = 6;
    private static final byte INT32 = 7;
    private static final byte DOUBLE = 8;
    private static final byte BOOL = 9;
    private static final byte ENUM = 10;
    /** A field number that marks a frame: its length is written without a tag. */
    private static final int FRAME = 0;

    private final byte[] ops;
    private final int[] fields;
    private final long[] numbers;
    private final Object[] refs;
    private final int[] sizes;
    private final int[] stack;
    private final byte[] out;
    private final ProtobufParseContender parser;

    public ProtobufFloorContender(Workload w) {
        Tape t = new Tape();
        for (Message m : w.messages()) {
            t.message(FRAME, MessagesEncoder.toFrame(m));
        }
        ops = new byte[t.ops.size()];
        fields = new int[ops.length];
        numbers = new long[ops.length];
        refs = t.refs.toArray();
        int begins = 0;
        for (int i = 0; i < ops.length; i++) {
            ops[i] = t.ops.get(i);
            fields[i] = t.fields.get(i);
            numbers[i] = t.numbers.get(i);
            begins += ops[i] == BEGIN ? 1 : 0;
        }
        sizes = new int[begins];
        stack = new int[2 * t.maxDepth + 2];
        parser = new ProtobufParseContender(w);
        out = new byte[parser.wire().length];
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] wire() {
        int n = encode();
        return Arrays.copyOf(out, n);
    }

    @Override
    public byte[] decodeInput() {
        return parser.decodeInput();
    }

    @Override
    public int encode() {
        sizePass();
        try {
            CodedOutputStream o = CodedOutputStream.newInstance(out);
            int next = 0;
            for (int i = 0; i < ops.length; i++) {
                int f = fields[i];
                switch (ops[i]) {
                    case BEGIN -> {
                        if (f != FRAME) {
                            o.writeTag(f, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                        }
                        o.writeUInt32NoTag(sizes[next++]);
                    }
                    case END -> { }
                    case STRING -> o.writeString(f, (String) refs[i]);
                    case BYTES -> o.writeByteArray(f, (byte[]) refs[i]);
                    case UINT64 -> o.writeUInt64(f, numbers[i]);
                    case SINT64 -> o.writeSInt64(f, numbers[i]);
                    case SINT32 -> o.writeSInt32(f, (int) numbers[i]);
                    case INT32 -> o.writeInt32(f, (int) numbers[i]);
                    case DOUBLE -> o.writeDouble(f, Double.longBitsToDouble(numbers[i]));
                    case BOOL -> o.writeBool(f, numbers[i] != 0);
                    default -> o.writeEnum(f, (int) numbers[i]);
                }
            }
            return o.getTotalBytesWritten();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every nested length, computed from scratch: what generated messages would memoize. Public so
     * that {@code EncodePartsBench} can time it alone; returns the frames' total size.
     */
    public int sizePass() {
        int acc = 0;
        int depth = 0;
        int slot = 0;
        for (int i = 0; i < ops.length; i++) {
            int f = fields[i];
            switch (ops[i]) {
                case BEGIN -> {
                    stack[depth++] = acc;
                    stack[depth++] = slot++;
                    acc = 0;
                }
                case END -> {
                    int body = acc;
                    sizes[stack[--depth]] = body;
                    acc = stack[--depth] + (f != FRAME ? CodedOutputStream.computeTagSize(f) : 0)
                            + CodedOutputStream.computeUInt32SizeNoTag(body) + body;
                }
                case STRING -> acc += CodedOutputStream.computeStringSize(f, (String) refs[i]);
                case BYTES -> acc += CodedOutputStream.computeByteArraySize(f, (byte[]) refs[i]);
                case UINT64 -> acc += CodedOutputStream.computeUInt64Size(f, numbers[i]);
                case SINT64 -> acc += CodedOutputStream.computeSInt64Size(f, numbers[i]);
                case SINT32 -> acc += CodedOutputStream.computeSInt32Size(f, (int) numbers[i]);
                case INT32 -> acc += CodedOutputStream.computeInt32Size(f, (int) numbers[i]);
                case DOUBLE -> acc += CodedOutputStream.computeDoubleSize(f, 0);
                case BOOL -> acc += CodedOutputStream.computeBoolSize(f, false);
                default -> acc += CodedOutputStream.computeEnumSize(f, (int) numbers[i]);
            }
        }
        return acc;
    }

    @Override
    public Object[] decode() {
        return parser.decode();
    }

    @Override
    public Object[] roundTrip() {
        encode();
        return parser.decode(out);
    }

    @Override
    public List<Message> decodedModel() {
        return parser.decodedModel();
    }

    /** The frames' fields in the order protobuf writes them: by field number, proto3 defaults left out, set oneof members kept. */
    private static final class Tape {
        final List<Byte> ops = new ArrayList<>();
        final List<Integer> fields = new ArrayList<>();
        final List<Long> numbers = new ArrayList<>();
        final List<Object> refs = new ArrayList<>();
        int depth;
        int maxDepth;

        void message(int field, MessageOrBuilder m) {
            add(BEGIN, field, 0, null);
            maxDepth = Math.max(maxDepth, ++depth);
            List<FieldDescriptor> fds = new ArrayList<>(m.getDescriptorForType().getFields());
            fds.sort(Comparator.comparingInt(FieldDescriptor::getNumber));
            for (FieldDescriptor fd : fds) {
                if (fd.isRepeated()) {
                    for (int i = 0, n = m.getRepeatedFieldCount(fd); i < n; i++) {
                        value(fd, m.getRepeatedField(fd, i));
                    }
                } else if (m.hasField(fd)) {
                    value(fd, m.getField(fd));
                }
            }
            depth--;
            add(END, field, 0, null);
        }

        private void value(FieldDescriptor fd, Object v) {
            int f = fd.getNumber();
            switch (fd.getType()) {
                case MESSAGE -> message(f, (MessageOrBuilder) v);
                case STRING -> add(STRING, f, 0, v);
                case BYTES -> add(BYTES, f, 0, ((com.google.protobuf.ByteString) v).toByteArray());
                case UINT64 -> add(UINT64, f, (Long) v, null);
                case SINT64 -> add(SINT64, f, (Long) v, null);
                case SINT32 -> add(SINT32, f, (Integer) v, null);
                case INT32 -> add(INT32, f, (Integer) v, null);
                case DOUBLE -> add(DOUBLE, f, Double.doubleToRawLongBits((Double) v), null);
                case BOOL -> add(BOOL, f, (Boolean) v ? 1 : 0, null);
                case ENUM -> add(ENUM, f, ((EnumValueDescriptor) v).getNumber(), null);
                default -> throw new IllegalArgumentException("py4j.proto has no " + fd.getType() + " field: " + fd.getFullName());
            }
        }

        private void add(byte op, int field, long number, Object ref) {
            ops.add(op);
            fields.add(field);
            numbers.add(number);
            refs.add(ref);
        }
    }
}
