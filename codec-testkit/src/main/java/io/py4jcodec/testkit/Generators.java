package io.py4jcodec.testkit;

import io.py4jcodec.api.Limits;
import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.*;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Generators for every value, command and answer of the model, as a given real peer writes them,
 * biased toward the edges that break codecs: int/long boundaries, doubles whose text differs
 * between the two sides or between JDK 17 and 19+, {@code \}, CR, LF and astral characters in
 * strings, empty values, strings and byte arrays whose line is within a few bytes of
 * {@link Limits#maxLineBytes()}, argument lists within one part of {@link Limits#maxParts()}.
 *
 * <p>Every choice is drawn from an {@link Entropy}, with 0 the simplest option, so the same code
 * serves seeded property runs, replays for {@code io.py4jcodec.fuzz.Shrinker}, and Jazzer's structure-aware fuzzing.
 *
 * <pre>{@code
 * Generators gen = Generators.forLimits(Limits.DEFAULT);
 * Message m = gen.message(Side.PYTHON, Entropy.seeded(42));   // something py4j's Python client could write
 * }</pre>
 */
public final class Generators {
    /** Lines are kept below this in generated cases even when the limits are larger, so cases stay cheap. */
    static final int SIZE_CAP = 1 << 16;
    private static final String[] ALPHABETS = {
        "abcxyz", "\\nr\n\r", "\\\\\\nnrr", "e é😀\t\u0000\u2028\u0085;", "0123456789.-+E", "!yxzsiLdDbjn e"
    };
    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$0123456789";
    private static final long[] INT_EDGES = {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 1,
        Integer.MIN_VALUE + 1, 7, -7, 10, 100, 255, 256, 65535, 65536};
    private static final long[] LONG_EDGES = {Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE + 1L,
        Integer.MIN_VALUE - 1L, 1L << 40, 1L << 53, (1L << 53) + 1, -(1L << 53) - 1, Long.MAX_VALUE - 1,
        Long.MIN_VALUE + 1, 4294967296L, -4294967296L};
    /** Doubles whose shortest text differs between Python's repr and Java's Double.toString, or between JDK 17 and 19+. */
    private static final double[] DOUBLE_EDGES = {0.0, -0.0, 1.0, -1.5, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL,
        1e16, 1e15, 9999999999999998.0, 1e-7, 1e-4, 1e-5, 0.001, 1e7, 1e21, 1e22, 1e23, 2e23, 8.41e21, 5e-324,
        2.0E-3, 1.0E-3, 0.1 + 0.2, 9007199254740993.0, 123456789.0, 4.35, 2.82879384806159E17, 1.1920928955078125E-7,
        Math.nextUp(1.0), Math.nextDown(1.0), Math.ulp(1e16), 1.0E-322, 4.9E-324, 1.7976931348623157E308};

    private final Limits limits;
    private final Vocabulary vocab;
    private final int lineBudget;

    private Generators(Limits limits, Vocabulary vocab) {
        this.limits = limits;
        this.vocab = vocab;
        this.lineBudget = Math.min(limits.maxLineBytes(), SIZE_CAP);
    }

    /** Generators whose long strings, byte arrays and argument lists are sized around {@code limits}. */
    public static Generators forLimits(Limits limits) {
        return new Generators(limits, Vocabulary.DEFAULT);
    }

    /** As {@link #forLimits}, with the names of a live gateway. */
    public static Generators forLimits(Limits limits, Vocabulary vocab) {
        return new Generators(limits, vocab);
    }

    /** The limits the sizes are biased toward. */
    public Limits limits() {
        return limits;
    }

    /** The names used for ids, classes and methods. */
    public Vocabulary vocabulary() {
        return vocab;
    }

    // ---------------------------------------------------------------- messages

    /** Any message {@code writer} writes: a command it sends or an answer it gives. */
    public Message message(Side writer, Entropy e) {
        return e.oneIn(3) ? answer(writer, e) : command(writer, e);
    }

    /** A command {@code writer} sends (Python: every client command; Java: proxy calls, proxy GC, auth). */
    public Command command(Side writer, Entropy e) {
        if (writer == Side.JAVA) {
            return switch (e.choose(4)) {
                case 0, 1 -> new ProxyCallCommand(e.coin() ? "t" : "p" + e.choose(100), vocab.method(e), arguments(writer, e));
                case 2 -> new ProxyGcCommand("p" + e.choose(1000));
                default -> new AuthCommand(string(writer, e, 30));
            };
        }
        return pythonCommand(PYTHON_WRITES[e.choose(PYTHON_WRITES.length)], e);
    }

    private static final CommandKind[] PYTHON_KINDS = java.util.Arrays.stream(CommandKind.values())
            .filter(k -> k != CommandKind.UNKNOWN && k.sentBy(Side.PYTHON)).toArray(CommandKind[]::new);

    /** What the real Python client writes: memory attach is defined there but never sent (and Java does not know it). */
    private static final CommandKind[] PYTHON_WRITES = java.util.Arrays.stream(PYTHON_KINDS)
            .filter(k -> k != CommandKind.MEMORY_ATTACH).toArray(CommandKind[]::new);

    /** Every command kind the Python side sends. */
    public static List<CommandKind> pythonKinds() {
        return List.of(PYTHON_KINDS);
    }

    /** A command of that kind as the Python client writes it. */
    public Command pythonCommand(CommandKind kind, Entropy e) {
        Side py = Side.PYTHON;
        return switch (kind) {
            case CALL -> new CallCommand(e.oneIn(3) ? "z:" + vocab.className(e) : vocab.objectId(e), vocab.method(e), arguments(py, e));
            case CONSTRUCTOR -> new ConstructorCommand(vocab.className(e), arguments(py, e));
            case FIELD_GET -> new FieldGetCommand(vocab.objectId(e), vocab.method(e));
            case FIELD_SET -> new FieldSetCommand(vocab.objectId(e), vocab.method(e), argument(py, e));
            case LIST_SLICE -> new ListSliceCommand(vocab.objectId(e), ints(e));
            case LIST_CONCAT -> new ListConcatCommand(vocab.objectId(e), vocab.objectId(e));
            case LIST_MULTIPLY -> new ListMultiplyCommand(vocab.objectId(e), (int) edgeInt(e));
            case LIST_MULTIPLY_IN_PLACE -> new ListMultiplyInPlaceCommand(vocab.objectId(e), (int) edgeInt(e));
            case LIST_COUNT -> new ListCountCommand(vocab.objectId(e), argument(py, e));
            case LIST_SORT -> new ListSortCommand(vocab.objectId(e));
            case LIST_REVERSE -> new ListReverseCommand(vocab.objectId(e));
            case LIST_MAX -> new ListMaxCommand(vocab.objectId(e));
            case LIST_MIN -> new ListMinCommand(vocab.objectId(e));
            case ARRAY_CREATE -> new ArrayCreateCommand(new StringValue(e.coin() ? vocab.className(e) : e.pick("int", "java.lang.String", "double")), ints(e));
            case ARRAY_GET -> new ArrayGetCommand(vocab.objectId(e), new IntValue(edgeInt(e)));
            case ARRAY_SET -> new ArraySetCommand(vocab.objectId(e), new IntValue(edgeInt(e)), argument(py, e));
            case ARRAY_SLICE -> new ArraySliceCommand(vocab.objectId(e), ints(e));
            case ARRAY_LENGTH -> new ArrayLengthCommand(vocab.objectId(e));
            case REFLECTION_UNKNOWN -> new ReflectionUnknownCommand(e.coin() ? vocab.className(e) : name(e), view(e));
            case REFLECTION_MEMBER -> new ReflectionMemberCommand(vocab.className(e), vocab.method(e));
            case REFLECTION_CLASS -> new ReflectionClassCommand(vocab.className(e));
            case MEMORY_DELETE -> new MemoryDeleteCommand(vocab.objectId(e));
            case MEMORY_ATTACH -> new MemoryAttachCommand(vocab.objectId(e));
            case HELP_OBJECT -> new HelpObjectCommand(vocab.objectId(e), pattern(e), Value.ofBoolean(e.coin()));
            case HELP_CLASS -> new HelpClassCommand(vocab.className(e), pattern(e), Value.ofBoolean(e.coin()));
            case JVM_VIEW_CREATE -> new JvmViewCreateCommand(new StringValue(string(py, e, 20)));
            case JVM_VIEW_IMPORT -> new JvmViewImportCommand(view(e), e.coin() ? vocab.className(e) : string(py, e, 30));
            case JVM_VIEW_REMOVE_IMPORT -> new JvmViewRemoveImportCommand(view(e), e.coin() ? vocab.className(e) : string(py, e, 30));
            case JVM_VIEW_SEARCH -> JvmViewSearchCommand.INSTANCE;
            case EXCEPTION -> new ExceptionCommand(new ReferenceValue(vocab.objectId(e)));
            case DIR_FIELDS -> new DirFieldsCommand(vocab.objectId(e));
            case DIR_METHODS -> new DirMethodsCommand(vocab.objectId(e));
            case DIR_STATIC -> new DirStaticCommand(vocab.className(e));
            case DIR_JVM_VIEW -> new DirJvmViewCommand(view(e), e.coin() ? new StringValue("" + e.choose(50)) : NullValue.INSTANCE);
            case STREAM -> new StreamCommand(vocab.objectId(e), vocab.method(e), arguments(py, e));
            case SHUTDOWN -> ShutdownCommand.INSTANCE;
            case CANCEL -> new CancelCommand("127.0.0.1", e.choose(65536), e.choose(65536));
            case AUTH -> new AuthCommand(string(py, e, 40));
            // no default: a new kind does not compile until it is generated or named here
            case PROXY_CALL, PROXY_GC, UNKNOWN -> throw new IllegalArgumentException("not a Python command: " + kind);
        };
    }

    /** An answer {@code writer} gives. */
    public ReturnMessage answer(Side writer, Entropy e) {
        switch (e.choose(10)) {
            case 1:
                return writer == Side.PYTHON ? ReturnMessage.successWithoutValue() : ReturnMessage.bareError();
            case 2:
                return ReturnMessage.error(string(writer, e, 200));
            case 3:
                if (writer == Side.JAVA) {
                    return ReturnMessage.fatal(string(writer, e, 200));
                }
                break;
            case 4:
                if (writer == Side.JAVA) {
                    return ReturnMessage.success(switch (e.choose(4)) {
                        case 0 -> PackageMember.INSTANCE;
                        case 1 -> MethodMember.INSTANCE;
                        case 2 -> NoMember.INSTANCE;
                        default -> e.coin() ? ClassMember.BARE : new ClassMember(vocab.className(e));
                    });
                }
                break;
            case 5:
                return ReturnMessage.error(new ReferenceValue(vocab.objectId(e)));
            default:
                break;
        }
        return ReturnMessage.success(argument(writer, e));
    }

    // ---------------------------------------------------------------- values

    /**
     * A value {@code writer} writes as an argument or an answer payload: everything but the member
     * answers. Python writes {@code L} only beyond the int range, never void, containers or lone
     * surrogates; Java writes {@code i} with a long ({@code AtomicLong}) and lone surrogates (as {@code ?}).
     */
    public Value argument(Side writer, Entropy e) {
        int k = e.choose(writer == Side.JAVA ? 16 : 13);
        return switch (k) {
            case 0 -> new IntValue(edgeInt(e));
            case 1 -> writer == Side.PYTHON ? Value.ofInteger(edgeLong(e)) : new LongValue(edgeLong(e));
            case 2 -> new DoubleValue(edgeDouble(e));
            case 3 -> Value.ofBoolean(e.coin());
            case 4 -> decimal(writer, e);
            case 5, 6 -> new StringValue(string(writer, e, 40));
            case 7 -> new BytesValue(bytes(e));
            case 8 -> NullValue.INSTANCE;
            case 9 -> new ReferenceValue(vocab.objectId(e));
            case 10 -> writer == Side.PYTHON ? new PythonProxyValue("p" + e.choose(1000), interfaces(e))
                    : new ReferenceValue(vocab.objectId(e));
            case 11 -> new StringValue(longString(e));
            case 12 -> new BytesValue(longBytes(e));
            case 13 -> VoidValue.INSTANCE;
            case 14 -> new IntValue(e.coin() ? edgeLong(e) : edgeInt(e));
            default -> {
                String id = vocab.objectId(e);
                yield switch (e.choose(5)) {
                    case 0 -> new ListReference(id);
                    case 1 -> new MapReference(id);
                    case 2 -> new SetReference(id);
                    case 3 -> new ArrayReference(id);
                    default -> new IteratorReference(id);
                };
            }
        };
    }

    /** An argument list: usually short, sometimes long, sometimes within one part of {@link Limits#maxParts()}. */
    public List<Value> arguments(Side writer, Entropy e) {
        int n = switch (e.choose(12)) {
            case 10 -> e.choose(64);
            case 11 -> Math.max(0, Math.min(limits.maxParts(), 4096) - 3 - 1 + e.choose(3));
            default -> e.choose(5);
        };
        List<Value> out = new ArrayList<>(n);
        boolean cheap = n > 64;
        for (int i = 0; i < n; i++) {
            out.add(cheap ? new IntValue(edgeInt(e)) : argument(writer, e));
        }
        return out;
    }

    private List<Value> ints(Entropy e) {
        int n = e.choose(5);
        List<Value> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new IntValue(e.coin() ? edgeInt(e) : e.choose(10)));
        }
        return out;
    }

    private Value view(Entropy e) {
        return new ReferenceValue(e.oneIn(4) ? "o" + e.choose(100) : "j");
    }

    private Value pattern(Entropy e) {
        return e.coin() ? new StringValue(vocab.method(e) + "(*") : NullValue.INSTANCE;
    }

    private List<String> interfaces(Entropy e) {
        int n = 1 + (e.oneIn(10) ? e.choose(Math.min(limits.maxInterfaces(), 300)) : e.choose(3));
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(e.coin() ? vocab.className(e) : "java.util.function." + e.pick("Function", "Supplier", "Consumer"));
        }
        return out;
    }

    /** A method, field or class simple name (never empty). */
    public static String name(Entropy e) {
        int n = 1 + e.choose(12);
        StringBuilder b = new StringBuilder(n);
        b.append(NAME_CHARS.charAt(e.choose(52)));
        for (int i = 1; i < n; i++) {
            b.append(NAME_CHARS.charAt(e.choose(NAME_CHARS.length())));
        }
        return b.toString();
    }

    /**
     * A string of up to {@code maxLen} chars from one of a few alphabets heavy in what escaping and
     * line splitting get wrong. Java may write lone surrogates (they go out as {@code ?}); Python cannot.
     */
    public String string(Side writer, Entropy e, int maxLen) {
        int n = e.oneIn(4) ? 0 : e.choose(maxLen + 1);
        if (n == 0 && e.oneIn(2)) {
            return "";
        }
        String alphabet = ALPHABETS[e.choose(ALPHABETS.length)];
        int cps = alphabet.codePointCount(0, alphabet.length());
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            int r = e.choose(20);
            if (r == 19) {
                b.appendCodePoint(0x10000 + e.choose(0x100000 - 1));
            } else if (r == 18) {
                b.append((char) e.choose(0xD800));
            } else if (r == 17 && writer == Side.JAVA) {
                b.append((char) (0xD800 + e.choose(0x800)));
            } else {
                b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, e.choose(cps))));
            }
        }
        return b.toString();
    }

    /** A plain ASCII string whose {@code s} line is within two bytes of {@link Limits#maxLineBytes()} (capped). */
    public String longString(Entropy e) {
        int n = Math.max(0, lineBudget - 1 - 2 + e.choose(5));
        char c = e.pick('a', 'Z', '0', ' ');
        return String.valueOf(c).repeat(n);
    }

    /** Bytes: mostly short, sometimes empty. */
    public byte[] bytes(Entropy e) {
        int n = e.oneIn(5) ? 0 : e.choose(e.coin() ? 300 : 8);
        return randomBytes(e, n);
    }

    /** Bytes whose Base64 {@code j} line is within one group of {@link Limits#maxLineBytes()} (capped). */
    public byte[] longBytes(Entropy e) {
        int groups = (lineBudget - 1) / 4;
        int n = Math.max(0, groups * 3 - 3 + e.choose(7));
        return randomBytes(e, n);
    }

    private static byte[] randomBytes(Entropy e, int n) {
        byte[] b = new byte[n];
        long bits = 0;
        for (int i = 0; i < n; i++) {
            if ((i & 7) == 0) {
                bits = e.nextLong();
            }
            b[i] = (byte) (bits >>> ((i & 7) * 8));
        }
        return b;
    }

    /** An int, often a boundary. */
    public static long edgeInt(Entropy e) {
        return switch (e.choose(3)) {
            case 0 -> e.choose(100);
            case 1 -> INT_EDGES[e.choose(INT_EDGES.length)];
            default -> (int) e.nextLong();
        };
    }

    /** A long, often a boundary. */
    public static long edgeLong(Entropy e) {
        return e.coin() ? e.nextLong() : LONG_EDGES[e.choose(LONG_EDGES.length)];
    }

    /** A double, often one whose text is side- or JDK-dependent. */
    public static double edgeDouble(Entropy e) {
        return switch (e.choose(5)) {
            case 0 -> e.choose(1000) / 8.0;
            case 1 -> DOUBLE_EDGES[e.choose(DOUBLE_EDGES.length)];
            case 2 -> Double.longBitsToDouble(e.nextLong());
            case 3 -> (e.choose(2_000_001) - 1_000_000) / Math.pow(10, e.choose(25));
            default -> (e.choose(1 << 30) * 0x1p-30 - 0.5) * Math.pow(10, e.choose(60) - 30);
        };
    }

    /** A decimal; Python may write a negative zero ({@code D-0}), Java cannot. */
    public static DecimalValue decimal(Side writer, Entropy e) {
        int bits = e.choose(100);
        BigInteger unscaled = bits == 0 ? BigInteger.ZERO : new BigInteger(bits, new java.util.Random(e.nextLong()));
        if (e.coin()) {
            unscaled = unscaled.negate();
        }
        BigDecimal v = new BigDecimal(unscaled, e.choose(61) - 30);
        boolean negZero = writer == Side.PYTHON && v.signum() == 0 && e.coin();
        return new DecimalValue(v, negZero);
    }
}
