package io.py4jcodec.binary;

import static io.py4jcodec.binary.DirectEncoder.checkIdentifier;

import com.google.protobuf.ByteString;
import com.google.protobuf.GeneratedMessage;
import com.google.protobuf.UnsafeByteOperations;
import io.py4jcodec.api.Limits;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.Reason;
import io.py4jcodec.api.model.*;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.proto.*;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Model to generated messages and back: the idiomatic path, and the reference for the direct
 * encoder and decoder (they must agree with it byte for byte and value for value).
 */
final class ProtoMapping {
    private ProtoMapping() {
    }

    // ================================================================ model -> messages

    static Frame toFrame(Message m) {
        Frame.Builder f = Frame.newBuilder();
        if (m instanceof ReturnMessage r) {
            Value v = r.value();
            if (v == null) {
                f.setBare(r instanceof SuccessReturn ? BareStatus.SUCCESS : r instanceof ErrorReturn ? BareStatus.ERROR : BareStatus.FATAL);
            } else if (r instanceof SuccessReturn) {
                f.setSuccess(value(v));
            } else if (r instanceof ErrorReturn) {
                f.setError(value(v));
            } else {
                f.setFatal(value(v));
            }
        } else if (m instanceof CallCommand c) {
            f.setCall(call(c.targetId(), c.method(), c.arguments()));
        } else if (m instanceof StreamCommand c) {
            f.setStream(call(c.targetId(), c.method(), c.arguments()));
        } else if (m instanceof MemoryDeleteCommand c) {
            f.setMemoryDelete(objectId(c.objectId()));
        } else if (m instanceof ReflectionUnknownCommand c) {
            f.setReflectionUnknown(ReflectionUnknown.newBuilder().setName(ident(c.name())).setJvmView(value(c.jvmView())));
        } else if (m instanceof ConstructorCommand c) {
            Constructor.Builder b = Constructor.newBuilder().setClassName(ident(c.className()));
            for (Value a : c.arguments()) {
                b.addArguments(value(a));
            }
            f.setConstructor(b);
        } else if (m instanceof ExceptionCommand c) {
            f.setException(FetchException.newBuilder().setException(value(c.exception())));
        } else if (m instanceof ProxyCallCommand c) {
            ProxyCall.Builder b = ProxyCall.newBuilder();
            long n = Ids.number(c.proxyId(), 'p');
            if (n != Ids.NONE) {
                b.setProxyNumber(n);
            } else {
                b.setProxyName(ident(c.proxyId()));
            }
            b.setMethod(ident(c.method()));
            for (Value a : c.arguments()) {
                b.addArguments(value(a));
            }
            f.setProxyCall(b);
        } else if (m instanceof ProxyGcCommand c) {
            ProxyId.Builder b = ProxyId.newBuilder();
            long n = Ids.number(c.proxyId(), 'p');
            if (n != Ids.NONE) {
                b.setNumber(n);
            } else {
                b.setName(ident(c.proxyId()));
            }
            f.setProxyGc(b);
        } else if (m instanceof ArrayGetCommand c) {
            ArrayGet.Builder b = ArrayGet.newBuilder();
            long n = Ids.number(c.arrayId(), 'o');
            if (n != Ids.NONE) {
                b.setArrayObject(n);
            } else {
                b.setArrayId(ident(c.arrayId()));
            }
            f.setArrayGet(b.setIndex(value(c.index())));
        } else if (m instanceof ArrayLengthCommand c) {
            f.setArrayLength(objectId(c.arrayId()));
        } else if (m instanceof ReflectionMemberCommand c) {
            f.setReflectionMember(ReflectionMember.newBuilder().setClassName(ident(c.className())).setMember(ident(c.member())));
        } else if (m instanceof FieldGetCommand c) {
            FieldGet.Builder b = FieldGet.newBuilder();
            long n = Ids.number(c.targetId(), 'o');
            if (n != Ids.NONE) {
                b.setTargetObject(n);
            } else {
                b.setTargetId(ident(c.targetId()));
            }
            f.setFieldGet(b.setField(ident(c.field())));
        } else if (m instanceof AuthCommand c) {
            Auth.Builder b = Auth.newBuilder();
            if (Wtf8.hasLoneSurrogate(c.token())) {
                b.setTextWtf8(UnsafeByteOperations.unsafeWrap(Wtf8.encode(c.token())));
            } else {
                b.setText(c.token());
            }
            f.setAuth(b);
        } else if (m instanceof FieldSetCommand c) {
            FieldSet.Builder b = FieldSet.newBuilder();
            long n = Ids.number(c.targetId(), 'o');
            if (n != Ids.NONE) {
                b.setTargetObject(n);
            } else {
                b.setTargetId(ident(c.targetId()));
            }
            f.setFieldSet(b.setField(ident(c.field())).setValue(value(c.value())));
        } else if (m instanceof ArraySetCommand c) {
            ArraySet.Builder b = ArraySet.newBuilder();
            long n = Ids.number(c.arrayId(), 'o');
            if (n != Ids.NONE) {
                b.setArrayObject(n);
            } else {
                b.setArrayId(ident(c.arrayId()));
            }
            f.setArraySet(b.setIndex(value(c.index())).setValue(value(c.value())));
        } else if (m instanceof ArraySliceCommand c) {
            ArraySlice.Builder b = ArraySlice.newBuilder();
            long n = Ids.number(c.arrayId(), 'o');
            if (n != Ids.NONE) {
                b.setArrayObject(n);
            } else {
                b.setArrayId(ident(c.arrayId()));
            }
            for (Value v : c.indices()) {
                b.addIndices(value(v));
            }
            f.setArraySlice(b);
        } else if (m instanceof ArrayCreateCommand c) {
            ArrayCreate.Builder b = ArrayCreate.newBuilder().setComponentType(value(c.componentType()));
            for (Value v : c.dimensions()) {
                b.addDimensions(value(v));
            }
            f.setArrayCreate(b);
        } else if (m instanceof ListSliceCommand c) {
            ListSlice.Builder b = ListSlice.newBuilder();
            long n = Ids.number(c.listId(), 'o');
            if (n != Ids.NONE) {
                b.setListObject(n);
            } else {
                b.setListId(ident(c.listId()));
            }
            for (Value v : c.indices()) {
                b.addIndices(value(v));
            }
            f.setListSlice(b);
        } else if (m instanceof ListConcatCommand c) {
            ListPair.Builder b = ListPair.newBuilder();
            long n = Ids.number(c.listId(), 'o');
            if (n != Ids.NONE) {
                b.setListObject(n);
            } else {
                b.setListId(ident(c.listId()));
            }
            long o = Ids.number(c.otherListId(), 'o');
            if (o != Ids.NONE) {
                b.setOtherObject(o);
            } else {
                b.setOtherId(ident(c.otherListId()));
            }
            f.setListConcat(b);
        } else if (m instanceof ListMultiplyCommand c) {
            f.setListMultiply(listMultiply(c.listId(), c.count()));
        } else if (m instanceof ListMultiplyInPlaceCommand c) {
            f.setListMultiplyInPlace(listMultiply(c.listId(), c.count()));
        } else if (m instanceof ListCountCommand c) {
            ListCount.Builder b = ListCount.newBuilder();
            long n = Ids.number(c.listId(), 'o');
            if (n != Ids.NONE) {
                b.setListObject(n);
            } else {
                b.setListId(ident(c.listId()));
            }
            f.setListCount(b.setValue(value(c.value())));
        } else if (m instanceof ListSortCommand c) {
            f.setListSort(objectId(c.listId()));
        } else if (m instanceof ListReverseCommand c) {
            f.setListReverse(objectId(c.listId()));
        } else if (m instanceof ListMaxCommand c) {
            f.setListMax(objectId(c.listId()));
        } else if (m instanceof ListMinCommand c) {
            f.setListMin(objectId(c.listId()));
        } else if (m instanceof ReflectionClassCommand c) {
            f.setReflectionClass(ClassName.newBuilder().setClassName(ident(c.className())));
        } else if (m instanceof MemoryAttachCommand c) {
            f.setMemoryAttach(objectId(c.objectId()));
        } else if (m instanceof HelpObjectCommand c) {
            HelpObject.Builder b = HelpObject.newBuilder();
            long n = Ids.number(c.objectId(), 'o');
            if (n != Ids.NONE) {
                b.setObjectNumber(n);
            } else {
                b.setObjectId(ident(c.objectId()));
            }
            f.setHelpObject(b.setPattern(value(c.pattern())).setShortName(value(c.shortName())));
        } else if (m instanceof HelpClassCommand c) {
            f.setHelpClass(HelpClass.newBuilder().setClassName(ident(c.className()))
                    .setPattern(value(c.pattern())).setShortName(value(c.shortName())));
        } else if (m instanceof JvmViewCreateCommand c) {
            f.setJvmViewCreate(JvmViewCreate.newBuilder().setName(value(c.name())));
        } else if (m instanceof JvmViewImportCommand c) {
            f.setJvmViewImport(JvmViewImport.newBuilder().setJvmView(value(c.jvmView())).setImportName(ident(c.importName())));
        } else if (m instanceof JvmViewRemoveImportCommand c) {
            f.setJvmViewRemoveImport(JvmViewImport.newBuilder().setJvmView(value(c.jvmView())).setImportName(ident(c.importName())));
        } else if (m instanceof JvmViewSearchCommand) {
            f.setJvmViewSearch(Empty.getDefaultInstance());
        } else if (m instanceof DirFieldsCommand c) {
            f.setDirFields(objectId(c.objectId()));
        } else if (m instanceof DirMethodsCommand c) {
            f.setDirMethods(objectId(c.objectId()));
        } else if (m instanceof DirStaticCommand c) {
            f.setDirStatic(ClassName.newBuilder().setClassName(ident(c.className())));
        } else if (m instanceof DirJvmViewCommand c) {
            f.setDirJvmView(DirJvmView.newBuilder().setJvmView(value(c.jvmView())).setLastSequenceId(value(c.lastSequenceId())));
        } else if (m instanceof ShutdownCommand) {
            f.setShutdown(Empty.getDefaultInstance());
        } else if (m instanceof CancelCommand c) {
            f.setCancel(Cancel.newBuilder().setAddress(ident(c.address())).setRemotePort(c.remotePort()).setLocalPort(c.localPort()));
        } else if (m instanceof UnknownCommand c) {
            Unknown.Builder b = Unknown.newBuilder().setName(UnsafeByteOperations.unsafeWrap(Wtf8.encode(c.name())));
            for (String line : c.lines()) {
                b.addLines(UnsafeByteOperations.unsafeWrap(Wtf8.encode(line)));
            }
            f.setUnknown(b);
        } else {
            throw ProtocolException.unencodable("no binary mapping for " + m.getClass().getSimpleName());
        }
        return f.build();
    }

    private static Call call(String target, String method, List<Value> args) {
        Call.Builder b = Call.newBuilder();
        if (target.startsWith("z:")) {
            b.setTargetClass(ident(target.substring(2)));
        } else {
            long n = Ids.number(target, 'o');
            if (n != Ids.NONE) {
                b.setTargetObject(n);
            } else {
                b.setTargetId(ident(target));
            }
        }
        b.setMethod(ident(method));
        for (Value a : args) {
            b.addArguments(value(a));
        }
        return b.build();
    }

    private static ObjectId objectId(String id) {
        long n = Ids.number(id, 'o');
        return n != Ids.NONE ? ObjectId.newBuilder().setObject(n).build() : ObjectId.newBuilder().setName(ident(id)).build();
    }

    private static ListMultiply listMultiply(String listId, int count) {
        ListMultiply.Builder b = ListMultiply.newBuilder();
        long n = Ids.number(listId, 'o');
        if (n != Ids.NONE) {
            b.setListObject(n);
        } else {
            b.setListId(ident(listId));
        }
        return b.setCount(count).build();
    }

    static io.py4jcodec.proto.Value value(Value v) {
        io.py4jcodec.proto.Value.Builder b = io.py4jcodec.proto.Value.newBuilder();
        if (v instanceof StringValue s) {
            if (Wtf8.hasLoneSurrogate(s.value())) {
                b.setStringWtf8(UnsafeByteOperations.unsafeWrap(Wtf8.encode(s.value())));
            } else {
                b.setString(s.value());
            }
        } else if (v instanceof IntValue i) {
            b.setInteger(i.value());
        } else if (v instanceof ReferenceValue r) {
            long n = Ids.number(r.id(), 'o');
            if (n != Ids.NONE) {
                b.setReferenceObject(n);
            } else {
                b.setReference(ident(r.id()));
            }
        } else if (v instanceof BooleanValue x) {
            b.setBoolean(x.value());
        } else if (v instanceof DoubleValue d) {
            b.setDouble(d.value());
        } else if (v instanceof VoidValue) {
            b.setUnit(Unit.VOID);
        } else if (v instanceof NullValue) {
            b.setUnit(Unit.NULL);
        } else if (v instanceof PackageMember) {
            b.setUnit(Unit.PACKAGE);
        } else if (v instanceof MethodMember) {
            b.setUnit(Unit.METHOD);
        } else if (v instanceof NoMember) {
            b.setUnit(Unit.NO_MEMBER);
        } else if (v instanceof ListReference r) {
            long n = Ids.number(r.id(), 'o');
            if (n != Ids.NONE) {
                b.setListObject(n);
            } else {
                b.setList(ident(r.id()));
            }
        } else if (v instanceof ArrayReference r) {
            long n = Ids.number(r.id(), 'o');
            if (n != Ids.NONE) {
                b.setArrayObject(n);
            } else {
                b.setArray(ident(r.id()));
            }
        } else if (v instanceof IteratorReference r) {
            long n = Ids.number(r.id(), 'o');
            if (n != Ids.NONE) {
                b.setIteratorObject(n);
            } else {
                b.setIterator(ident(r.id()));
            }
        } else if (v instanceof MapReference r) {
            long n = Ids.number(r.id(), 'o');
            if (n != Ids.NONE) {
                b.setMapObject(n);
            } else {
                b.setMap(ident(r.id()));
            }
        } else if (v instanceof SetReference r) {
            long n = Ids.number(r.id(), 'o');
            if (n != Ids.NONE) {
                b.setSetObject(n);
            } else {
                b.setSet(ident(r.id()));
            }
        } else if (v instanceof LongValue l) {
            b.setLong(l.value());
        } else if (v instanceof ClassMember c) {
            b.setClassMember(ident(c.name()));
        } else if (v instanceof PythonProxyValue p) {
            Proxy.Builder pb = Proxy.newBuilder();
            long n = Ids.number(p.id(), 'p');
            if (n != Ids.NONE) {
                pb.setNumber(n);
            } else {
                pb.setName(ident(p.id()));
            }
            for (String iface : p.interfaces()) {
                pb.addInterfaces(ident(iface));
            }
            b.setProxy(pb);
        } else if (v instanceof DecimalValue d) {
            BigDecimal bd = d.value();
            Decimal.Builder db = Decimal.newBuilder().setScale(bd.scale()).setNegativeZero(d.negativeZero());
            if (bd.signum() != 0) {
                db.setUnscaled(UnsafeByteOperations.unsafeWrap(bd.unscaledValue().toByteArray()));
            }
            b.setDecimal(db);
        } else if (v instanceof BytesValue x) {
            // the record's array is never mutated by the model: wrap, do not copy
            b.setBytes(UnsafeByteOperations.unsafeWrap(x.value()));
        } else {
            throw ProtocolException.unencodable("no binary mapping for " + v.getClass().getSimpleName());
        }
        return b.build();
    }

    private static String ident(String s) {
        checkIdentifier(s);
        return s;
    }

    // ================================================================ messages -> model

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
                    return decimal(d.getUnscaled().toByteArray(), d.getScale(), d.getNegativeZero());
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

        private DecimalValue decimal(byte[] unscaled, int scale, boolean negativeZero) {
            BigInteger u = unscaled.length == 0 ? BigInteger.ZERO : new BigInteger(unscaled);
            if (negativeZero && u.signum() != 0) {
                throw bad(Reason.BAD_NUMBER, "negative_zero set on a non-zero decimal");
            }
            return new DecimalValue(new BigDecimal(u, scale), negativeZero);
        }
    }

    /** Shared with the direct decoder: one rule for decimals. */
    static DecimalValue decimal(byte[] unscaled, int scale, boolean negativeZero, long offset) {
        BigInteger u = unscaled.length == 0 ? BigInteger.ZERO : new BigInteger(unscaled);
        if (negativeZero && u.signum() != 0) {
            throw ProtocolException.of(Reason.BAD_NUMBER, offset, -1, "negative_zero set on a non-zero decimal");
        }
        return new DecimalValue(new BigDecimal(u, scale), negativeZero);
    }
}
