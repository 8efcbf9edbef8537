package io.py4jcodec.text.support;

import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.*;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generators of model messages that a given real peer can write, biased toward the edges
 * that break codecs (number boundaries, escapes, astral characters, empty values). Test scope for
 * now; the fuzzing module will own the general generators.
 */
public final class RandomModels {
    private static final String[] ALPHABETS = {
        "abcxyz", "\\nr\n\r", "\\\\\\nnrr", "e é😀\t\u0000\u2028\u0085;", "0123456789.-+E"
    };
    private final SplittableRandom rnd;

    public RandomModels(long seed) {
        this.rnd = new SplittableRandom(seed);
    }

    public int nextInt(int bound) {
        return rnd.nextInt(bound);
    }

    /** A value {@code side} writes in an argument (no member answers; Java also writes containers and void). */
    public Value argument(Side side) {
        int k = rnd.nextInt(side == Side.JAVA ? 15 : 12);
        switch (k) {
            case 0:
                return new IntValue(edgeInt());
            case 1:
                return side == Side.PYTHON ? Value.ofInteger(edgeLong()) : new LongValue(edgeLong());
            case 2:
                return new DoubleValue(edgeDouble());
            case 3:
                return Value.ofBoolean(rnd.nextBoolean());
            case 4:
                return decimal(side);
            case 5:
            case 6:
                return new StringValue(string(side, 40));
            case 7:
                return new BytesValue(bytes());
            case 8:
                return NullValue.INSTANCE;
            case 9:
                return new ReferenceValue(id());
            case 10:
                return side == Side.PYTHON ? new PythonProxyValue("p" + rnd.nextInt(1000), interfaces())
                        : new ReferenceValue(id());
            case 11:
                return new StringValue("");
            case 12:
                return VoidValue.INSTANCE;
            case 13:
                return new IntValue(side == Side.JAVA && rnd.nextBoolean() ? edgeLong() : edgeInt());
            default:
                String id = id();
                return switch (rnd.nextInt(5)) {
                    case 0 -> new ListReference(id);
                    case 1 -> new MapReference(id);
                    case 2 -> new SetReference(id);
                    case 3 -> new ArrayReference(id);
                    default -> new IteratorReference(id);
                };
        }
    }

    /** An answer {@code side} writes. */
    public ReturnMessage answer(Side side) {
        int k = rnd.nextInt(10);
        if (k == 0) {
            return side == Side.PYTHON ? ReturnMessage.bareSuccess() : ReturnMessage.bareError();
        }
        if (k == 1) {
            return ReturnMessage.error(string(side, 200));
        }
        if (k == 2 && side == Side.JAVA) {
            return ReturnMessage.fatal(string(side, 200));
        }
        if (k == 3 && side == Side.JAVA) {
            return ReturnMessage.success(switch (rnd.nextInt(4)) {
                case 0 -> PackageMember.INSTANCE;
                case 1 -> MethodMember.INSTANCE;
                case 2 -> NoMember.INSTANCE;
                default -> rnd.nextBoolean() ? ClassMember.BARE : new ClassMember("java.util." + name());
            });
        }
        if (k == 4) {
            return ReturnMessage.error(new ReferenceValue(id()));
        }
        return ReturnMessage.success(argument(side));
    }

    /** A command {@code side} sends, with arguments it writes. */
    public Command command(Side side) {
        if (side == Side.JAVA) {
            return switch (rnd.nextInt(4)) {
                case 0 -> new ProxyGcCommand(id());
                case 1 -> new AuthCommand(string(side, 30));
                default -> new ProxyCallCommand(rnd.nextBoolean() ? "t" : "p" + rnd.nextInt(100), name(), args(side));
            };
        }
        CommandKind[] kinds = CommandKind.values();
        while (true) {
            CommandKind kind = kinds[rnd.nextInt(kinds.length)];
            // memory attach: defined by Python, never sent, and unknown to the Java reader
            if (!kind.sentBy(Side.PYTHON) || kind == CommandKind.UNKNOWN || kind == CommandKind.MEMORY_ATTACH) {
                continue;
            }
            return pythonCommand(kind);
        }
    }

    private Command pythonCommand(CommandKind kind) {
        Side py = Side.PYTHON;
        return switch (kind) {
            case CALL -> new CallCommand(rnd.nextBoolean() ? id() : "z:java.lang." + name(), name(), args(py));
            case CONSTRUCTOR -> new ConstructorCommand("java.util." + name(), args(py));
            case FIELD_GET -> new FieldGetCommand(id(), name());
            case FIELD_SET -> new FieldSetCommand(id(), name(), argument(py));
            case LIST_SLICE -> new ListSliceCommand(id(), ints());
            case LIST_CONCAT -> new ListConcatCommand(id(), id());
            case LIST_MULTIPLY -> new ListMultiplyCommand(id(), (int) edgeInt());
            case LIST_MULTIPLY_IN_PLACE -> new ListMultiplyInPlaceCommand(id(), (int) edgeInt());
            case LIST_COUNT -> new ListCountCommand(id(), argument(py));
            case LIST_SORT -> new ListSortCommand(id());
            case LIST_REVERSE -> new ListReverseCommand(id());
            case LIST_MAX -> new ListMaxCommand(id());
            case LIST_MIN -> new ListMinCommand(id());
            case ARRAY_CREATE -> new ArrayCreateCommand(new StringValue(rnd.nextBoolean() ? "int" : "java.lang.String"), ints());
            case ARRAY_GET -> new ArrayGetCommand(id(), new IntValue(edgeInt()));
            case ARRAY_SET -> new ArraySetCommand(id(), new IntValue(edgeInt()), argument(py));
            case ARRAY_SLICE -> new ArraySliceCommand(id(), ints());
            case ARRAY_LENGTH -> new ArrayLengthCommand(id());
            case REFLECTION_UNKNOWN -> new ReflectionUnknownCommand(name(), view());
            case REFLECTION_MEMBER -> new ReflectionMemberCommand("java.lang." + name(), name());
            case REFLECTION_CLASS -> new ReflectionClassCommand("java.lang." + name());
            case MEMORY_DELETE -> new MemoryDeleteCommand(id());
            case MEMORY_ATTACH -> new MemoryAttachCommand(id());
            case HELP_OBJECT -> new HelpObjectCommand(id(), pattern(), Value.ofBoolean(rnd.nextBoolean()));
            case HELP_CLASS -> new HelpClassCommand("java.lang." + name(), pattern(), Value.ofBoolean(rnd.nextBoolean()));
            case JVM_VIEW_CREATE -> new JvmViewCreateCommand(new StringValue(string(py, 20)));
            case JVM_VIEW_IMPORT -> new JvmViewImportCommand(view(), string(py, 30));
            case JVM_VIEW_REMOVE_IMPORT -> new JvmViewRemoveImportCommand(view(), string(py, 30));
            case JVM_VIEW_SEARCH -> JvmViewSearchCommand.INSTANCE;
            case EXCEPTION -> new ExceptionCommand(new ReferenceValue(id()));
            case DIR_FIELDS -> new DirFieldsCommand(id());
            case DIR_METHODS -> new DirMethodsCommand(id());
            case DIR_STATIC -> new DirStaticCommand("java.lang." + name());
            case DIR_JVM_VIEW -> new DirJvmViewCommand(view(), rnd.nextBoolean() ? NullValue.INSTANCE : new StringValue("" + rnd.nextInt(50)));
            case STREAM -> new StreamCommand(id(), name(), args(py));
            case SHUTDOWN -> ShutdownCommand.INSTANCE;
            case CANCEL -> new CancelCommand("127.0.0.1", rnd.nextInt(65536), rnd.nextInt(65536));
            case AUTH -> new AuthCommand(string(py, 40));
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    /** Any message {@code side} writes. */
    public Message message(Side side) {
        return rnd.nextInt(3) == 0 ? answer(side) : command(side);
    }

    private List<Value> args(Side side) {
        int n = rnd.nextInt(8) == 0 ? rnd.nextInt(40) : rnd.nextInt(5);
        List<Value> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(argument(side));
        }
        return out;
    }

    private List<Value> ints() {
        int n = rnd.nextInt(5);
        List<Value> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new IntValue(rnd.nextInt(1000)));
        }
        return out;
    }

    private Value view() {
        return new ReferenceValue(rnd.nextBoolean() ? "j" : "o" + rnd.nextInt(100));
    }

    private Value pattern() {
        return rnd.nextBoolean() ? NullValue.INSTANCE : new StringValue(name() + "(*");
    }

    private List<String> interfaces() {
        int n = 1 + rnd.nextInt(3);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add("java.lang." + name());
        }
        return out;
    }

    public String id() {
        return switch (rnd.nextInt(4)) {
            case 0 -> "t";
            case 1 -> "o" + rnd.nextInt(100_000);
            case 2 -> "j";
            default -> "o" + rnd.nextInt(10);
        };
    }

    public String name() {
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$0123456789";
        int n = 1 + rnd.nextInt(12);
        StringBuilder b = new StringBuilder(n);
        b.append(letters.charAt(rnd.nextInt(52)));
        for (int i = 1; i < n; i++) {
            b.append(letters.charAt(rnd.nextInt(letters.length())));
        }
        return b.toString();
    }

    /** A string; Java may hold lone surrogates (it writes them as '?'), Python may not (it cannot encode them). */
    public String string(Side side, int maxLen) {
        int n = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(maxLen + 1);
        StringBuilder b = new StringBuilder(n);
        String alphabet = ALPHABETS[rnd.nextInt(ALPHABETS.length)];
        for (int i = 0; i < n; i++) {
            int r = rnd.nextInt(20);
            if (r == 0) {
                b.appendCodePoint(0x10000 + rnd.nextInt(0xFFFFF));
            } else if (r == 1) {
                char c = (char) rnd.nextInt(0xD800);
                b.append(c);
            } else if (r == 2 && side == Side.JAVA) {
                b.append((char) (0xD800 + rnd.nextInt(0x800)));
            } else {
                b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, rnd.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
        }
        return b.toString();
    }

    public byte[] bytes() {
        int n = rnd.nextInt(5) == 0 ? 0 : rnd.nextInt(rnd.nextBoolean() ? 8 : 300);
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) rnd.nextInt(256);
        }
        return b;
    }

    public long edgeInt() {
        long[] edges = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 7, -7, 10, 100};
        return rnd.nextBoolean() ? edges[rnd.nextInt(edges.length)] : rnd.nextInt();
    }

    public long edgeLong() {
        long[] edges = {Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE + 1L, Integer.MIN_VALUE - 1L, 1L << 40, 0, -1};
        return rnd.nextBoolean() ? edges[rnd.nextInt(edges.length)] : rnd.nextLong();
    }

    public double edgeDouble() {
        double[] edges = {0.0, -0.0, 1.0, -1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 1e16, 1e15, 1e-7, 1e-4, 1e-5, 1e22, 1e23, 0.1 + 0.2,
            9007199254740993.0, 123456789.0};
        return switch (rnd.nextInt(4)) {
            case 0 -> edges[rnd.nextInt(edges.length)];
            case 1 -> Double.longBitsToDouble(rnd.nextLong());
            case 2 -> Math.round(rnd.nextDouble() * 1e6) / Math.pow(10, rnd.nextInt(12));
            default -> (rnd.nextDouble() - 0.5) * Math.pow(10, rnd.nextInt(40) - 20);
        };
    }

    public DecimalValue decimal(Side side) {
        BigInteger unscaled = new BigInteger(1 + rnd.nextInt(90), new java.util.Random(rnd.nextLong()));
        if (rnd.nextBoolean()) {
            unscaled = unscaled.negate();
        }
        if (rnd.nextInt(8) == 0) {
            unscaled = BigInteger.ZERO;
        }
        BigDecimal v = new BigDecimal(unscaled, rnd.nextInt(41) - 20);
        boolean negZero = side == Side.PYTHON && v.signum() == 0 && rnd.nextBoolean();
        return new DecimalValue(v, negZero);
    }
}
