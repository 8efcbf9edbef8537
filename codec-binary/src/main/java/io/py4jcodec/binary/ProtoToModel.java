package io.py4jcodec.binary;

import com.google.protobuf.ByteString;
import com.google.protobuf.GeneratedMessage;
import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.model.*;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.proto.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Generated messages to the model: the idiomatic decoding path ({@link MessagesReader}), and the
 * reference the direct reader must match value for value.
 *
 * <p>Longer than most classes here because it is one table: a case per {@code Frame} and
 * {@code Value} kind of py4j.proto, each with its presence checks; split, the table would scatter.
 */
final class ProtoToModel {
    private ProtoToModel() {
    }


    /** Reads a parsed Frame; errors carry {@code offset} (the frame's stream offset). */
    static Message fromFrame(Frame f, Limits limits, long offset) {
        return new Reader(limits, offset).frame(f);
    }

    private static final class Reader {
        private final Limits limits;
        private final long offset;

        Reader(Limits limits, long offset) {
            this.limits = limits;
            this.offset = offset;
        }

        private ProtocolException bad(Reason reason, String detail) {
            return ProtocolException.of(reason, offset, -1, detail);
        }

        private void known(GeneratedMessage m, Reason reason) {
            if (!m.getUnknownFields().asMap().isEmpty()) {
                throw bad(reason, "unknown field(s) " + m.getUnknownFields().asMap().keySet() + " in "
                        + m.getDescriptorForType().getName());
            }
        }

        Message frame(Frame f) {
            known(f, Reason.UNKNOWN_COMMAND);
            switch (f.getKindCase()) {
                case SUCCESS:
                    return new SuccessReturn(value(f.getSuccess()));
                case ERROR:
                    return new ErrorReturn(value(f.getError()));
                case FATAL:
                    return new FatalReturn(value(f.getFatal()));
                case BARE:
                    switch (f.getBare()) {
                        case SUCCESS:
                            return SuccessReturn.BARE;
                        case ERROR:
                            return ErrorReturn.BARE;
                        case FATAL:
                            return FatalReturn.BARE;
                        default:
                            throw bad(Reason.BAD_ANSWER, "unknown bare status " + f.getBareValue());
                    }
                case CALL: {
                    Call c = f.getCall();
                    known(c, Reason.UNKNOWN_TYPE);
                    return new CallCommand(target(c), c.getMethod(), values(c.getArgumentsList()));
                }
                case STREAM: {
                    Call c = f.getStream();
                    known(c, Reason.UNKNOWN_TYPE);
                    return new StreamCommand(target(c), c.getMethod(), values(c.getArgumentsList()));
                }
                case MEMORY_DELETE:
                    return new MemoryDeleteCommand(objectId(f.getMemoryDelete()));
                case REFLECTION_UNKNOWN: {
                    ReflectionUnknown r = f.getReflectionUnknown();
                    known(r, Reason.UNKNOWN_TYPE);
                    return new ReflectionUnknownCommand(r.getName(), required(r.hasJvmView(), r.getJvmView(), "jvm_view"));
                }
                case CONSTRUCTOR: {
                    Constructor c = f.getConstructor();
                    known(c, Reason.UNKNOWN_TYPE);
                    return new ConstructorCommand(c.getClassName(), values(c.getArgumentsList()));
                }
                case EXCEPTION: {
                    FetchException e = f.getException();
                    known(e, Reason.UNKNOWN_TYPE);
                    return new ExceptionCommand(required(e.hasException(), e.getException(), "exception"));
                }
                case PROXY_CALL: {
                    ProxyCall p = f.getProxyCall();
                    known(p, Reason.UNKNOWN_TYPE);
                    String id = switch (p.getProxyCase()) {
                        case PROXY_NUMBER -> Ids.string('p', p.getProxyNumber());
                        case PROXY_NAME -> p.getProxyName();
                        default -> throw missingId("ProxyCall");
                    };
                    return new ProxyCallCommand(id, p.getMethod(), values(p.getArgumentsList()));
                }
                case PROXY_GC: {
                    ProxyId p = f.getProxyGc();
                    known(p, Reason.UNKNOWN_TYPE);
                    String id = switch (p.getIdCase()) {
                        case NUMBER -> Ids.string('p', p.getNumber());
                        case NAME -> p.getName();
                        default -> throw missingId("ProxyId");
                    };
                    return new ProxyGcCommand(id);
                }
                case ARRAY_GET: {
                    ArrayGet a = f.getArrayGet();
                    known(a, Reason.UNKNOWN_TYPE);
                    String id = switch (a.getArrayCase()) {
                        case ARRAY_OBJECT -> Ids.string('o', a.getArrayObject());
                        case ARRAY_ID -> a.getArrayId();
                        default -> throw missingId("ArrayGet");
                    };
                    return new ArrayGetCommand(id, required(a.hasIndex(), a.getIndex(), "index"));
                }
                case ARRAY_LENGTH:
                    return new ArrayLengthCommand(objectId(f.getArrayLength()));
                case REFLECTION_MEMBER: {
                    ReflectionMember r = f.getReflectionMember();
                    known(r, Reason.UNKNOWN_TYPE);
                    return new ReflectionMemberCommand(r.getClassName(), r.getMember());
                }
                case FIELD_GET: {
                    FieldGet g = f.getFieldGet();
                    known(g, Reason.UNKNOWN_TYPE);
                    String id = switch (g.getTargetCase()) {
                        case TARGET_OBJECT -> Ids.string('o', g.getTargetObject());
                        case TARGET_ID -> g.getTargetId();
                        default -> throw missingId("FieldGet");
                    };
                    return new FieldGetCommand(id, g.getField());
                }
                case AUTH: {
                    Auth a = f.getAuth();
                    known(a, Reason.UNKNOWN_TYPE);
                    return switch (a.getTokenCase()) {
                        case TEXT -> new AuthCommand(a.getText());
                        case TEXT_WTF8 -> new AuthCommand(wtf8(a.getTextWtf8()));
                        default -> throw bad(Reason.EMPTY_PART, "Auth has no token");
                    };
                }
                default:
                    return rare(f);
            }
        }

        private Message rare(Frame f) {
            switch (f.getKindCase()) {
                case FIELD_SET: {
                    FieldSet s = f.getFieldSet();
                    known(s, Reason.UNKNOWN_TYPE);
                    String id = switch (s.getTargetCase()) {
                        case TARGET_OBJECT -> Ids.string('o', s.getTargetObject());
                        case TARGET_ID -> s.getTargetId();
                        default -> throw missingId("FieldSet");
                    };
                    return new FieldSetCommand(id, s.getField(), required(s.hasValue(), s.getValue(), "value"));
                }
                case ARRAY_SET: {
                    ArraySet s = f.getArraySet();
                    known(s, Reason.UNKNOWN_TYPE);
                    String id = switch (s.getArrayCase()) {
                        case ARRAY_OBJECT -> Ids.string('o', s.getArrayObject());
                        case ARRAY_ID -> s.getArrayId();
                        default -> throw missingId("ArraySet");
                    };
                    return new ArraySetCommand(id, required(s.hasIndex(), s.getIndex(), "index"),
                            required(s.hasValue(), s.getValue(), "value"));
                }
                case ARRAY_SLICE: {
                    ArraySlice s = f.getArraySlice();
                    known(s, Reason.UNKNOWN_TYPE);
                    String id = switch (s.getArrayCase()) {
                        case ARRAY_OBJECT -> Ids.string('o', s.getArrayObject());
                        case ARRAY_ID -> s.getArrayId();
                        default -> throw missingId("ArraySlice");
                    };
                    return new ArraySliceCommand(id, values(s.getIndicesList()));
                }
                case ARRAY_CREATE: {
                    ArrayCreate c = f.getArrayCreate();
                    known(c, Reason.UNKNOWN_TYPE);
                    return new ArrayCreateCommand(required(c.hasComponentType(), c.getComponentType(), "component_type"),
                            values(c.getDimensionsList()));
                }
                case LIST_SLICE: {
                    ListSlice s = f.getListSlice();
                    known(s, Reason.UNKNOWN_TYPE);
                    String id = switch (s.getListCase()) {
                        case LIST_OBJECT -> Ids.string('o', s.getListObject());
                        case LIST_ID -> s.getListId();
                        default -> throw missingId("ListSlice");
                    };
                    return new ListSliceCommand(id, values(s.getIndicesList()));
                }
                case LIST_CONCAT: {
                    ListPair p = f.getListConcat();
                    known(p, Reason.UNKNOWN_TYPE);
                    String id = switch (p.getListCase()) {
                        case LIST_OBJECT -> Ids.string('o', p.getListObject());
                        case LIST_ID -> p.getListId();
                        default -> throw missingId("ListPair");
                    };
                    String other = switch (p.getOtherCase()) {
                        case OTHER_OBJECT -> Ids.string('o', p.getOtherObject());
                        case OTHER_ID -> p.getOtherId();
                        default -> throw missingId("ListPair other");
                    };
                    return new ListConcatCommand(id, other);
                }
                case LIST_MULTIPLY:
                    return new ListMultiplyCommand(listId(f.getListMultiply()), f.getListMultiply().getCount());
                case LIST_MULTIPLY_IN_PLACE:
                    return new ListMultiplyInPlaceCommand(listId(f.getListMultiplyInPlace()), f.getListMultiplyInPlace().getCount());
                case LIST_COUNT: {
                    ListCount c = f.getListCount();
                    known(c, Reason.UNKNOWN_TYPE);
                    String id = switch (c.getListCase()) {
                        case LIST_OBJECT -> Ids.string('o', c.getListObject());
                        case LIST_ID -> c.getListId();
                        default -> throw missingId("ListCount");
                    };
                    return new ListCountCommand(id, required(c.hasValue(), c.getValue(), "value"));
                }
                case LIST_SORT:
                    return new ListSortCommand(objectId(f.getListSort()));
                case LIST_REVERSE:
                    return new ListReverseCommand(objectId(f.getListReverse()));
                case LIST_MAX:
                    return new ListMaxCommand(objectId(f.getListMax()));
                case LIST_MIN:
                    return new ListMinCommand(objectId(f.getListMin()));
                case REFLECTION_CLASS:
                    return new ReflectionClassCommand(className(f.getReflectionClass()));
                case MEMORY_ATTACH:
                    return new MemoryAttachCommand(objectId(f.getMemoryAttach()));
                case HELP_OBJECT: {
                    HelpObject h = f.getHelpObject();
                    known(h, Reason.UNKNOWN_TYPE);
                    String id = switch (h.getObjectCase()) {
                        case OBJECT_NUMBER -> Ids.string('o', h.getObjectNumber());
                        case OBJECT_ID -> h.getObjectId();
                        default -> throw missingId("HelpObject");
                    };
                    return new HelpObjectCommand(id, required(h.hasPattern(), h.getPattern(), "pattern"),
                            required(h.hasShortName(), h.getShortName(), "short_name"));
                }
                case HELP_CLASS: {
                    HelpClass h = f.getHelpClass();
                    known(h, Reason.UNKNOWN_TYPE);
                    return new HelpClassCommand(h.getClassName(), required(h.hasPattern(), h.getPattern(), "pattern"),
                            required(h.hasShortName(), h.getShortName(), "short_name"));
                }
                case JVM_VIEW_CREATE: {
                    JvmViewCreate c = f.getJvmViewCreate();
                    known(c, Reason.UNKNOWN_TYPE);
                    return new JvmViewCreateCommand(required(c.hasName(), c.getName(), "name"));
                }
                case JVM_VIEW_IMPORT: {
                    JvmViewImport i = f.getJvmViewImport();
                    known(i, Reason.UNKNOWN_TYPE);
                    return new JvmViewImportCommand(required(i.hasJvmView(), i.getJvmView(), "jvm_view"), i.getImportName());
                }
                case JVM_VIEW_REMOVE_IMPORT: {
                    JvmViewImport i = f.getJvmViewRemoveImport();
                    known(i, Reason.UNKNOWN_TYPE);
                    return new JvmViewRemoveImportCommand(required(i.hasJvmView(), i.getJvmView(), "jvm_view"), i.getImportName());
                }
                case JVM_VIEW_SEARCH:
                    known(f.getJvmViewSearch(), Reason.UNKNOWN_TYPE);
                    return JvmViewSearchCommand.INSTANCE;
                case DIR_FIELDS:
                    return new DirFieldsCommand(objectId(f.getDirFields()));
                case DIR_METHODS:
                    return new DirMethodsCommand(objectId(f.getDirMethods()));
                case DIR_STATIC:
                    return new DirStaticCommand(className(f.getDirStatic()));
                case DIR_JVM_VIEW: {
                    DirJvmView d = f.getDirJvmView();
                    known(d, Reason.UNKNOWN_TYPE);
                    return new DirJvmViewCommand(required(d.hasJvmView(), d.getJvmView(), "jvm_view"),
                            required(d.hasLastSequenceId(), d.getLastSequenceId(), "last_sequence_id"));
                }
                case SHUTDOWN:
                    known(f.getShutdown(), Reason.UNKNOWN_TYPE);
                    return ShutdownCommand.INSTANCE;
                case CANCEL: {
                    Cancel c = f.getCancel();
                    known(c, Reason.UNKNOWN_TYPE);
                    return new CancelCommand(c.getAddress(), c.getRemotePort(), c.getLocalPort());
                }
                case UNKNOWN: {
                    Unknown u = f.getUnknown();
                    known(u, Reason.UNKNOWN_TYPE);
                    parts(u.getLinesCount());
                    List<String> lines = new ArrayList<>(u.getLinesCount());
                    for (ByteString line : u.getLinesList()) {
                        lines.add(wtf8(line));
                    }
                    return new UnknownCommand(wtf8(u.getName()), lines);
                }
                case KIND_NOT_SET:
                    throw bad(Reason.UNKNOWN_COMMAND, "Frame has no command or answer set");
                default:
                    throw new AssertionError(f.getKindCase());
            }
        }

        private String target(Call c) {
            return switch (c.getTargetCase()) {
                case TARGET_OBJECT -> Ids.string('o', c.getTargetObject());
                case TARGET_CLASS -> "z:" + c.getTargetClass();
                case TARGET_ID -> c.getTargetId();
                default -> throw missingId("Call");
            };
        }

        private String objectId(ObjectId o) {
            known(o, Reason.UNKNOWN_TYPE);
            return switch (o.getIdCase()) {
                case OBJECT -> Ids.string('o', o.getObject());
                case NAME -> o.getName();
                default -> throw missingId("ObjectId");
            };
        }

        private String listId(ListMultiply m) {
            known(m, Reason.UNKNOWN_TYPE);
            return switch (m.getListCase()) {
                case LIST_OBJECT -> Ids.string('o', m.getListObject());
                case LIST_ID -> m.getListId();
                default -> throw missingId("ListMultiply");
            };
        }

        private String className(ClassName c) {
            known(c, Reason.UNKNOWN_TYPE);
            return c.getClassName();
        }

        private ProtocolException missingId(String where) {
            return bad(Reason.EMPTY_REFERENCE, where + " has no id set");
        }

        private Value required(boolean present, io.py4jcodec.proto.Value v, String field) {
            if (!present) {
                throw bad(Reason.EMPTY_PART, "required value " + field + " is missing");
            }
            return value(v);
        }

        private void parts(int n) {
            if (n > limits.maxParts()) {
                throw ProtocolException.limit(Reason.TOO_MANY_PARTS, offset, -1, "values in one field", n,
                        limits.maxParts(), "maxParts");
            }
        }

        private List<Value> values(List<io.py4jcodec.proto.Value> in) {
            parts(in.size());
            List<Value> out = new ArrayList<>(in.size());
            for (io.py4jcodec.proto.Value v : in) {
                out.add(value(v));
            }
            return out;
        }

        private String wtf8(ByteString b) {
            byte[] bytes = b.toByteArray();
            String s = Wtf8.decode(bytes, 0, bytes.length);
            if (s == null) {
                throw bad(Reason.BAD_UTF8, "not WTF-8: " + ProtocolException.snippet(b.toString(java.nio.charset.StandardCharsets.ISO_8859_1)));
            }
            return s;
        }

        Value value(io.py4jcodec.proto.Value v) {
            known(v, Reason.UNKNOWN_TYPE);
            switch (v.getKindCase()) {
                case STRING:
                    return new StringValue(v.getString());
                case INTEGER:
                    return new IntValue(v.getInteger());
                case REFERENCE_OBJECT:
                    return new ReferenceValue(Ids.string('o', v.getReferenceObject()));
                case BOOLEAN:
                    return Value.ofBoolean(v.getBoolean());
                case DOUBLE:
                    return new DoubleValue(v.getDouble());
                case UNIT:
                    switch (v.getUnit()) {
                        case NULL:
                            return NullValue.INSTANCE;
                        case VOID:
                            return VoidValue.INSTANCE;
                        case PACKAGE:
                            return PackageMember.INSTANCE;
                        case METHOD:
                            return MethodMember.INSTANCE;
                        case NO_MEMBER:
                            return NoMember.INSTANCE;
                        default:
                            throw bad(Reason.UNKNOWN_TYPE, "unknown unit value " + v.getUnitValue());
                    }
                case REFERENCE:
                    return new ReferenceValue(v.getReference());
                case LIST_OBJECT:
                    return new ListReference(Ids.string('o', v.getListObject()));
                case ARRAY_OBJECT:
                    return new ArrayReference(Ids.string('o', v.getArrayObject()));
                case ITERATOR_OBJECT:
                    return new IteratorReference(Ids.string('o', v.getIteratorObject()));
                case MAP_OBJECT:
                    return new MapReference(Ids.string('o', v.getMapObject()));
                case SET_OBJECT:
                    return new SetReference(Ids.string('o', v.getSetObject()));
                case LONG:
                    return new LongValue(v.getLong());
                case CLASS_MEMBER:
                    return new ClassMember(v.getClassMember());
                case PROXY: {
                    Proxy p = v.getProxy();
                    known(p, Reason.UNKNOWN_TYPE);
                    String id = switch (p.getIdCase()) {
                        case NUMBER -> Ids.string('p', p.getNumber());
                        case NAME -> p.getName();
                        default -> throw missingId("Proxy");
                    };
                    if (p.getInterfacesCount() > limits.maxInterfaces()) {
                        throw ProtocolException.limit(Reason.TOO_MANY_INTERFACES, offset, -1, "proxy interfaces",
                                p.getInterfacesCount(), limits.maxInterfaces(), "maxInterfaces");
                    }
                    return new PythonProxyValue(id, p.getInterfacesList());
                }
                case DECIMAL: {
                    Decimal d = v.getDecimal();
                    known(d, Reason.UNKNOWN_TYPE);
                    return MappingRules.decimal(d.getUnscaled().toByteArray(), d.getScale(), d.getNegativeZero(), offset);
                }
                case BYTES:
                    return new BytesValue(v.getBytes().toByteArray());
                case LIST:
                    return new ListReference(v.getList());
                case ARRAY:
                    return new ArrayReference(v.getArray());
                case ITERATOR:
                    return new IteratorReference(v.getIterator());
                case MAP:
                    return new MapReference(v.getMap());
                case SET:
                    return new SetReference(v.getSet());
                case STRING_WTF8:
                    return new StringValue(wtf8(v.getStringWtf8()));
                case KIND_NOT_SET:
                    throw bad(Reason.UNKNOWN_TYPE, "Value has no kind set");
                default:
                    throw new AssertionError(v.getKindCase());
            }
        }
    }
}
