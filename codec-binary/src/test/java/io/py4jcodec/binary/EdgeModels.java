package io.py4jcodec.binary;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.*;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.testkit.Entropy;
import io.py4jcodec.testkit.Generators;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded models beyond what either real peer writes, which the binary mapping must still carry
 * losslessly: every value kind in every position, ids at the edges of the compact forms, lone
 * surrogates in string values and tokens, unknown commands, bare answers of every status.
 * The testkit's {@link Generators} supply the realistic half.
 */
final class EdgeModels {
    private static final String[] IDS = {
        "o0", "o1", "o12", "o007", "o", "o-1", "o+1", "o1a", "t", "j", "", "z", "p0", "p12", "p007", "O1",
        "o9223372036854775807", "o922337203685477580", "o9223372036854775808", "o99999999999999999999",
        "o123456789012345678", "p", "é", "o12\n", "😀"
    };
    private static final Generators REALISTIC = Generators.forLimits(Limits.builder().maxLineBytes(1024).maxParts(64).build());
    private final SplittableRandom rnd;
    private final Entropy realistic;

    EdgeModels(long seed) {
        rnd = new SplittableRandom(seed);
        realistic = Entropy.seeded(seed ^ 0x5DEECE66DL);
    }

    Message message() {
        return switch (rnd.nextInt(4)) {
            case 0 -> REALISTIC.message(rnd.nextBoolean() ? Side.PYTHON : Side.JAVA, realistic);
            case 1 -> answer();
            default -> command();
        };
    }

    String id() {
        return rnd.nextInt(3) == 0 ? IDS[rnd.nextInt(IDS.length)] : REALISTIC.vocabulary().objectId(realistic);
    }

    /** Any string a Java program can hold, lone surrogates included. */
    String text() {
        return REALISTIC.string(Side.JAVA, realistic, 30);
    }

    String name() {
        return rnd.nextInt(6) == 0 ? IDS[rnd.nextInt(IDS.length)] : Generators.name(realistic);
    }

    Value value() {
        return switch (rnd.nextInt(24)) {
            case 0 -> new IntValue(Generators.edgeLong(realistic));
            case 1 -> new LongValue(Generators.edgeLong(realistic));
            case 2 -> new DoubleValue(Generators.edgeDouble(realistic));
            case 3 -> Value.ofBoolean(rnd.nextBoolean());
            case 4 -> decimal();
            case 5, 6 -> new StringValue(text());
            case 7 -> new BytesValue(REALISTIC.bytes(realistic));
            case 8 -> NullValue.INSTANCE;
            case 9 -> VoidValue.INSTANCE;
            case 10 -> new ReferenceValue(id());
            case 11 -> new ListReference(id());
            case 12 -> new MapReference(id());
            case 13 -> new SetReference(id());
            case 14 -> new ArrayReference(id());
            case 15 -> new IteratorReference(id());
            case 16 -> new PythonProxyValue(id(), names(4));
            case 17 -> PackageMember.INSTANCE;
            case 18 -> rnd.nextBoolean() ? ClassMember.BARE : new ClassMember(name());
            case 19 -> MethodMember.INSTANCE;
            case 20 -> NoMember.INSTANCE;
            case 21 -> new IntValue(rnd.nextLong());
            case 22 -> new StringValue("\uD800" + text() + "\uDC00");
            default -> new DoubleValue(Double.longBitsToDouble(rnd.nextLong()));
        };
    }

    DecimalValue decimal() {
        int kind = rnd.nextInt(4);
        if (kind == 0) {
            return new DecimalValue(new BigDecimal(BigInteger.ZERO, rnd.nextInt(21) - 10), true);
        }
        BigInteger unscaled = kind == 1 ? BigInteger.valueOf(rnd.nextLong())
                : new BigInteger(1 + rnd.nextInt(200), new java.util.Random(rnd.nextLong()));
        if (rnd.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        int scale = rnd.nextInt(8) == 0 ? (rnd.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE + 1) : rnd.nextInt(81) - 40;
        return new DecimalValue(new BigDecimal(unscaled, scale), false);
    }

    ReturnMessage answer() {
        return switch (rnd.nextInt(6)) {
            case 0 -> SuccessReturn.BARE;
            case 1 -> ErrorReturn.BARE;
            case 2 -> FatalReturn.BARE;
            case 3 -> new ErrorReturn(value());
            case 4 -> new FatalReturn(value());
            default -> new SuccessReturn(value());
        };
    }

    Command command() {
        CommandKind[] kinds = CommandKind.values();
        CommandKind kind = kinds[rnd.nextInt(kinds.length)];
        return switch (kind) {
            case CALL -> new CallCommand(rnd.nextInt(4) == 0 ? "z:" + name() : id(), name(), values());
            case CONSTRUCTOR -> new ConstructorCommand(name(), values());
            case FIELD_GET -> new FieldGetCommand(id(), name());
            case FIELD_SET -> new FieldSetCommand(id(), name(), value());
            case LIST_SLICE -> new ListSliceCommand(id(), values());
            case LIST_CONCAT -> new ListConcatCommand(id(), id());
            case LIST_MULTIPLY -> new ListMultiplyCommand(id(), rnd.nextInt());
            case LIST_MULTIPLY_IN_PLACE -> new ListMultiplyInPlaceCommand(id(), rnd.nextBoolean() ? 0 : rnd.nextInt());
            case LIST_COUNT -> new ListCountCommand(id(), value());
            case LIST_SORT -> new ListSortCommand(id());
            case LIST_REVERSE -> new ListReverseCommand(id());
            case LIST_MAX -> new ListMaxCommand(id());
            case LIST_MIN -> new ListMinCommand(id());
            case ARRAY_CREATE -> new ArrayCreateCommand(value(), values());
            case ARRAY_GET -> new ArrayGetCommand(id(), value());
            case ARRAY_SET -> new ArraySetCommand(id(), value(), value());
            case ARRAY_SLICE -> new ArraySliceCommand(id(), values());
            case ARRAY_LENGTH -> new ArrayLengthCommand(id());
            case REFLECTION_UNKNOWN -> new ReflectionUnknownCommand(name(), value());
            case REFLECTION_MEMBER -> new ReflectionMemberCommand(name(), name());
            case REFLECTION_CLASS -> new ReflectionClassCommand(name());
            case MEMORY_DELETE -> new MemoryDeleteCommand(id());
            case MEMORY_ATTACH -> new MemoryAttachCommand(id());
            case HELP_OBJECT -> new HelpObjectCommand(id(), value(), value());
            case HELP_CLASS -> new HelpClassCommand(name(), value(), value());
            case JVM_VIEW_CREATE -> new JvmViewCreateCommand(value());
            case JVM_VIEW_IMPORT -> new JvmViewImportCommand(value(), name());
            case JVM_VIEW_REMOVE_IMPORT -> new JvmViewRemoveImportCommand(value(), name());
            case JVM_VIEW_SEARCH -> JvmViewSearchCommand.INSTANCE;
            case EXCEPTION -> new ExceptionCommand(value());
            case DIR_FIELDS -> new DirFieldsCommand(id());
            case DIR_METHODS -> new DirMethodsCommand(id());
            case DIR_STATIC -> new DirStaticCommand(name());
            case DIR_JVM_VIEW -> new DirJvmViewCommand(value(), value());
            case STREAM -> new StreamCommand(rnd.nextBoolean() ? "z:" : id(), name(), values());
            case SHUTDOWN -> ShutdownCommand.INSTANCE;
            case CANCEL -> new CancelCommand(name(), rnd.nextBoolean() ? 0 : rnd.nextInt(), rnd.nextInt(65536));
            case AUTH -> new AuthCommand(text());
            case PROXY_CALL -> new ProxyCallCommand(id(), name(), values());
            case PROXY_GC -> new ProxyGcCommand(id());
            case UNKNOWN -> new UnknownCommand(text(), texts());
        };
    }

    private List<Value> values() {
        int n = rnd.nextInt(10) == 0 ? rnd.nextInt(60) : rnd.nextInt(5);
        List<Value> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(value());
        }
        return out;
    }

    private List<String> names(int max) {
        int n = rnd.nextInt(max + 1);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(name());
        }
        return out;
    }

    private List<String> texts() {
        int n = rnd.nextInt(5);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(text());
        }
        return out;
    }
}
