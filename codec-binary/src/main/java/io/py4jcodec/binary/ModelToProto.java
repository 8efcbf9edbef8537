package io.py4jcodec.binary;

import com.google.protobuf.UnsafeByteOperations;
import io.py4jcodec.api.ProtocolException;
import io.py4jcodec.api.model.*;
import io.py4jcodec.api.model.Value;
import io.py4jcodec.proto.*;
import java.math.BigDecimal;
import java.util.List;

/**
 * Model to generated messages: the idiomatic encoding path ({@link MessagesEncoder}), and the
 * reference the direct encoder must match byte for byte.
 */
final class ModelToProto {
    private ModelToProto() {
    }

    static Frame toFrame(Message m) {
        Frame.Builder f = Frame.newBuilder();
        if (ReturnMessage.is(m)) { // not instanceof ReturnMessage: see ReturnMessage.is
            ReturnMessage r = (ReturnMessage) m;
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
        MappingRules.checkIdentifier(s);
        return s;
    }
}
