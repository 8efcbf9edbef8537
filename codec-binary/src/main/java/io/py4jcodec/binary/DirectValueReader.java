package io.py4jcodec.binary;

import io.py4jcodec.api.Reason;
import io.py4jcodec.api.model.*;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.proto.BareStatus;
import io.py4jcodec.proto.Decimal;
import io.py4jcodec.proto.Proxy;
import io.py4jcodec.proto.Unit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads py4j.proto's {@code Value} (with its {@code Proxy}, {@code Decimal} and {@code Unit}) and
 * {@code BareStatus} straight into the model, through the {@link FieldLoop} that
 * {@link DirectReader} reads the enclosing message with.
 */
final class DirectValueReader {
    private final FieldLoop f;

    DirectValueReader(FieldLoop f) {
        this.f = f;
    }

    /** The current field is a {@code Value} (singular when {@code bit} is not 0): reads it. */
    Value value(long bit) throws IOException {
        f.message(bit, "Value");
        Value v = null;
        while (f.next()) {
            if (v != null) {
                throw f.bad(Reason.UNKNOWN_TYPE, "Value holds more than one kind");
            }
            // each case's typed read checks the wire type; the oneof is checked above
            v = switch (f.number()) {
                case io.py4jcodec.proto.Value.STRING_FIELD_NUMBER -> new StringValue(f.utf8(0));
                case io.py4jcodec.proto.Value.INTEGER_FIELD_NUMBER -> new IntValue(f.sint64(0));
                case io.py4jcodec.proto.Value.REFERENCE_OBJECT_FIELD_NUMBER -> new ReferenceValue(objectId());
                case io.py4jcodec.proto.Value.BOOLEAN_FIELD_NUMBER -> Value.ofBoolean(f.varint(0) != 0);
                case io.py4jcodec.proto.Value.DOUBLE_FIELD_NUMBER -> new DoubleValue(f.fixed64(0));
                case io.py4jcodec.proto.Value.UNIT_FIELD_NUMBER -> unit();
                case io.py4jcodec.proto.Value.REFERENCE_FIELD_NUMBER -> new ReferenceValue(f.utf8(0));
                case io.py4jcodec.proto.Value.LIST_OBJECT_FIELD_NUMBER -> new ListReference(objectId());
                case io.py4jcodec.proto.Value.ARRAY_OBJECT_FIELD_NUMBER -> new ArrayReference(objectId());
                case io.py4jcodec.proto.Value.ITERATOR_OBJECT_FIELD_NUMBER -> new IteratorReference(objectId());
                case io.py4jcodec.proto.Value.MAP_OBJECT_FIELD_NUMBER -> new MapReference(objectId());
                case io.py4jcodec.proto.Value.SET_OBJECT_FIELD_NUMBER -> new SetReference(objectId());
                case io.py4jcodec.proto.Value.LONG_FIELD_NUMBER -> new LongValue(f.sint64(0));
                case io.py4jcodec.proto.Value.CLASS_MEMBER_FIELD_NUMBER -> new ClassMember(f.utf8(0));
                case io.py4jcodec.proto.Value.PROXY_FIELD_NUMBER -> proxy();
                case io.py4jcodec.proto.Value.DECIMAL_FIELD_NUMBER -> decimal();
                case io.py4jcodec.proto.Value.BYTES_FIELD_NUMBER -> new BytesValue(f.bytes(0));
                case io.py4jcodec.proto.Value.LIST_FIELD_NUMBER -> new ListReference(f.utf8(0));
                case io.py4jcodec.proto.Value.ARRAY_FIELD_NUMBER -> new ArrayReference(f.utf8(0));
                case io.py4jcodec.proto.Value.ITERATOR_FIELD_NUMBER -> new IteratorReference(f.utf8(0));
                case io.py4jcodec.proto.Value.MAP_FIELD_NUMBER -> new MapReference(f.utf8(0));
                case io.py4jcodec.proto.Value.SET_FIELD_NUMBER -> new SetReference(f.utf8(0));
                case io.py4jcodec.proto.Value.STRING_WTF8_FIELD_NUMBER -> new StringValue(f.wtf8(0));
                default -> throw f.unknown();
            };
        }
        if (v == null) {
            throw f.bad(Reason.UNKNOWN_TYPE, "Value has no kind set");
        }
        return v;
    }

    /** One more element of a repeated {@code Value} field, after checking there is room for it. */
    List<Value> add(List<Value> list) throws IOException {
        f.room(list, f.limits().maxParts(), Reason.TOO_MANY_PARTS, "values in one field", "maxParts").add(value(0));
        return list;
    }

    /** The current field is the compact form of an {@code o<n>} id (singular when {@code bit} is not 0). */
    String objectId(long bit) throws IOException {
        return Ids.string('o', f.varint(bit));
    }

    private String objectId() throws IOException {
        return objectId(0);
    }

    /** The current field is a {@code BareStatus}. */
    Message bare() throws IOException {
        int status = (int) f.varint(0);
        return switch (status) {
            case BareStatus.SUCCESS_VALUE -> SuccessReturn.BARE;
            case BareStatus.ERROR_VALUE -> ErrorReturn.BARE;
            case BareStatus.FATAL_VALUE -> FatalReturn.BARE;
            default -> throw f.bad(Reason.BAD_ANSWER, "unknown bare status " + status);
        };
    }

    private Value unit() throws IOException {
        int u = (int) f.varint(0);
        return switch (u) {
            case Unit.NULL_VALUE -> NullValue.INSTANCE;
            case Unit.VOID_VALUE -> VoidValue.INSTANCE;
            case Unit.PACKAGE_VALUE -> PackageMember.INSTANCE;
            case Unit.METHOD_VALUE -> MethodMember.INSTANCE;
            case Unit.NO_MEMBER_VALUE -> NoMember.INSTANCE;
            default -> throw f.bad(Reason.UNKNOWN_TYPE, "unknown unit value " + u);
        };
    }

    private Value proxy() throws IOException {
        f.message(0, "Proxy");
        String id = null;
        List<String> interfaces = new ArrayList<>();
        while (f.next()) {
            switch (f.number()) {
                case Proxy.NUMBER_FIELD_NUMBER -> id = Ids.string('p', f.varint(1));
                case Proxy.NAME_FIELD_NUMBER -> id = f.utf8(1);
                case Proxy.INTERFACES_FIELD_NUMBER -> f.room(interfaces, f.limits().maxInterfaces(),
                        Reason.TOO_MANY_INTERFACES, "proxy interfaces", "maxInterfaces").add(f.utf8(0));
                default -> throw f.unknown();
            }
        }
        return new PythonProxyValue(f.requiredId(id, "Proxy"), interfaces);
    }

    private Value decimal() throws IOException {
        f.message(0, "Decimal");
        byte[] unscaled = new byte[0];
        int scale = 0;
        boolean negativeZero = false;
        while (f.next()) {
            switch (f.number()) {
                case Decimal.UNSCALED_FIELD_NUMBER -> unscaled = f.bytes(1);
                case Decimal.SCALE_FIELD_NUMBER -> scale = f.sint32(2);
                case Decimal.NEGATIVE_ZERO_FIELD_NUMBER -> negativeZero = f.varint(4) != 0;
                default -> throw f.unknown();
            }
        }
        return MappingRules.decimal(unscaled, scale, negativeZero, f.offset());
    }
}
