package io.py4jcodec.gateway;

import io.py4jcodec.api.model.*;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.channels.ReadableByteChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import py4j.Gateway;
import py4j.JVMView;
import py4j.Protocol;
import py4j.Py4JException;
import py4j.ReturnObject;
import py4j.model.HelpPageGenerator;
import py4j.model.Py4JClass;
import py4j.reflection.MethodInvoker;
import py4j.reflection.ReflectionEngine;
import py4j.reflection.ReflectionUtil;
import py4j.reflection.TypeConverter;
import py4j.reflection.TypeUtil;

/**
 * The default {@link GatewayHandler}: py4j's own object model ({@link Gateway}: object table,
 * {@link ReflectionEngine} method resolution, {@link MethodInvoker} type conversion, proxies of
 * Python objects), driven command by command as py4j 0.10.9.9's Java commands drive it, so a call
 * resolves and converts exactly as under py4j. Where py4j answers, the answer and its message text
 * are py4j's; where py4j fails the whole connection (a fatal {@code !z} and a reset), this answers
 * {@code !xs<the same exception's stack trace>} and the connection goes on. Array and list
 * creation is bounded by {@link GatewayConfig#maxArrayElements()} / {@link GatewayConfig#maxListElements()}.
 *
 * <p>Subclass it to change one command, or implement {@link GatewayHandler} to replace the model.
 */
public class Py4jObjectModel implements GatewayHandler {
    private static final String NO_CLASS_MESSAGE = "The class %s does not exist.";

    private final Gateway gateway;
    private final ReflectionEngine engine;
    private final JavaValues values;
    private final GatewayConfig config;

    /** The model of {@code server}'s py4j gateway. */
    public Py4jObjectModel(Py4jGateway server) {
        this.gateway = server.py4jGateway();
        this.engine = gateway.getReflectionEngine();
        this.values = new JavaValues(gateway);
        this.config = server.config();
    }

    /** py4j's gateway behind this model. */
    protected Gateway gateway() {
        return gateway;
    }

    /** {@code !y<part>} for a Java result, registering objects as py4j does. */
    protected ReturnMessage answer(Object result) {
        return values.answer(result);
    }

    /** The Java object py4j passes for a part. */
    protected Object toJava(Value part) {
        return values.toJava(part);
    }

    private static ReturnMessage answer(ReturnObject r) {
        return JavaValues.answer(r);
    }

    // ---- calls ------------------------------------------------------------------------------

    @Override
    public ReturnMessage call(CallCommand c, RequestContext ctx) {
        return answer(gateway.invoke(c.method(), c.targetId(), values.toJava(c.arguments())));
    }

    @Override
    public ReturnMessage constructor(ConstructorCommand c, RequestContext ctx) {
        return answer(gateway.invoke(c.className(), values.toJava(c.arguments())));
    }

    @Override
    public ReturnMessage stream(StreamCommand c, RequestContext ctx) {
        ReturnObject r = gateway.invoke(c.method(), c.targetId(), values.toJava(c.arguments()));
        if (r.isError()) {
            return answer(r);
        }
        if (!r.isReference()) {
            return ReturnMessage.error(Protocol.getThrowableAsString(new ClassCastException("expected the method to return an Object")));
        }
        Object o = gateway.getObject(r.getName());
        if (!(o instanceof ReadableByteChannel ch)) {
            return ReturnMessage.error(Protocol.getThrowableAsString(
                    new ClassCastException("expected the method to return a ReadableByteChannel")));
        }
        ctx.streamAfterAnswer(ch);
        return ReturnMessage.successVoid();
    }

    // ---- fields -----------------------------------------------------------------------------

    @Override
    public ReturnMessage fieldGet(FieldGetCommand c, RequestContext ctx) {
        Object target = gateway.getObject(c.targetId());
        Field f = engine.getField(target, c.field());
        return f == null ? ReturnMessage.success(new NoMember()) : answer(engine.getFieldValue(target, f));
    }

    @Override
    public ReturnMessage fieldSet(FieldSetCommand c, RequestContext ctx) {
        Object value = values.toJava(c.value());
        Object target = gateway.getObject(c.targetId());
        Field f = engine.getField(target, c.field());
        if (f == null) {
            return ReturnMessage.success(new NoMember());
        }
        engine.setFieldValue(target, f, value);
        return ReturnMessage.successVoid();
    }

    // ---- arrays -----------------------------------------------------------------------------

    @Override
    public ReturnMessage arrayCreate(ArrayCreateCommand c, RequestContext ctx) {
        String type = (String) values.toJava(c.componentType());
        int[] dims = new int[c.dimensions().size()];
        long allocated = 0;
        long level = 1;
        for (int i = 0; i < dims.length; i++) {
            dims[i] = (Integer) values.toJava(c.dimensions().get(i));
            // every level of a multi-dimensional array is allocated: count them all
            level = dims[i] < 0 ? 0 : saturatedMultiply(level, dims[i]);
            allocated = saturatedAdd(allocated, level);
        }
        if (allocated > config.maxArrayElements()) {
            return ReturnMessage.error(limitMessage("array elements", allocated, config.maxArrayElements(), "maxArrayElements"));
        }
        return answer(engine.createArray(type, dims));
    }

    @Override
    public ReturnMessage arrayGet(ArrayGetCommand c, RequestContext ctx) {
        Object array = gateway.getObject(c.arrayId());
        int index = (Integer) values.toJava(c.index());
        return answer(Array.get(array, index));
    }

    @Override
    public ReturnMessage arraySet(ArraySetCommand c, RequestContext ctx) {
        Object array = gateway.getObject(c.arrayId());
        int index = (Integer) values.toJava(c.index());
        Object value = values.toJava(c.value());
        Array.set(array, index, convert(array.getClass().getComponentType(), value));
        return ReturnMessage.successVoid();
    }

    /** py4j's conversion of a value to an array's component type (its {@code ArrayCommand}'s rule and messages). */
    private Object convert(Class<?> type, Object value) {
        List<TypeConverter> converters = new ArrayList<>();
        Class<?>[] argumentClasses = engine.getClassParameters(new Object[] {value});
        if (MethodInvoker.buildConverters(converters, new Class<?>[] {type}, argumentClasses) < 0) {
            throw new Py4JException(argumentClasses[0] != null
                    ? "Cannot convert " + argumentClasses[0].getName() + " to " + type.getName()
                    : "Cannot convert null to " + type.getName());
        }
        return converters.get(0).convert(value);
    }

    @Override
    public ReturnMessage arraySlice(ArraySliceCommand c, RequestContext ctx) {
        Object array = gateway.getObject(c.arrayId());
        int size = c.indices().size();
        Object slice = engine.createArray(array.getClass().getComponentType().getName(), new int[] {size});
        for (int i = 0; i < size; i++) {
            Array.set(slice, i, Array.get(array, (Integer) values.toJava(c.indices().get(i))));
        }
        return answer(slice);
    }

    @Override
    public ReturnMessage arrayLength(ArrayLengthCommand c, RequestContext ctx) {
        return answer(Array.getLength(gateway.getObject(c.arrayId())));
    }

    // ---- lists ------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private List<Object> list(String id) {
        return (List<Object>) gateway.getObject(id);
    }

    @Override
    public ReturnMessage listSlice(ListSliceCommand c, RequestContext ctx) {
        List<Object> list = list(c.listId());
        List<Object> slice = new ArrayList<>(c.indices().size());
        for (Value i : c.indices()) {
            slice.add(list.get((Integer) values.toJava(i)));
        }
        return answer(slice);
    }

    @Override
    public ReturnMessage listConcat(ListConcatCommand c, RequestContext ctx) {
        List<Object> a = list(c.listId());
        List<Object> b = list(c.otherListId());
        List<Object> both = new ArrayList<>(a);
        both.addAll(b);
        return answer(both);
    }

    @Override
    public ReturnMessage listMultiply(ListMultiplyCommand c, RequestContext ctx) {
        List<Object> list = list(c.listId());
        ReturnMessage tooBig = checkListSize(list.size(), c.count());
        if (tooBig != null) {
            return tooBig;
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < c.count(); i++) {
            out.addAll(list);
        }
        return answer(out);
    }

    @Override
    public ReturnMessage listMultiplyInPlace(ListMultiplyInPlaceCommand c, RequestContext ctx) {
        List<Object> list = list(c.listId());
        ReturnMessage tooBig = checkListSize(list.size(), c.count());
        if (tooBig != null) {
            return tooBig;
        }
        List<Object> copy = new ArrayList<>(list);
        if (c.count() <= 0) {
            list.clear();
        } else {
            for (int i = 1; i < c.count(); i++) {
                list.addAll(copy);
            }
        }
        return ReturnMessage.successVoid();
    }

    private ReturnMessage checkListSize(int size, int count) {
        long result = saturatedMultiply(size, Math.max(0, count));
        return result > config.maxListElements()
                ? ReturnMessage.error(limitMessage("list elements", result, config.maxListElements(), "maxListElements"))
                : null;
    }

    @Override
    public ReturnMessage listCount(ListCountCommand c, RequestContext ctx) {
        List<Object> list = list(c.listId());
        return answer(Collections.frequency(list, values.toJava(c.value())));
    }

    private interface ListAction {
        ReturnMessage apply(List<Object> list);
    }

    /** py4j answers a bare {@code !x} when the collection operation itself fails. */
    private ReturnMessage collectionsMethod(String id, ListAction action) {
        List<Object> list = list(id);
        try {
            return action.apply(list);
        } catch (Exception e) {
            return ReturnMessage.bareError();
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ReturnMessage listSort(ListSortCommand c, RequestContext ctx) {
        return collectionsMethod(c.listId(), l -> {
            Collections.sort((List) l);
            return ReturnMessage.successVoid();
        });
    }

    @Override
    public ReturnMessage listReverse(ListReverseCommand c, RequestContext ctx) {
        return collectionsMethod(c.listId(), l -> {
            Collections.reverse(l);
            return ReturnMessage.successVoid();
        });
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ReturnMessage listMax(ListMaxCommand c, RequestContext ctx) {
        return collectionsMethod(c.listId(), l -> answer(Collections.max((List) l)));
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ReturnMessage listMin(ListMinCommand c, RequestContext ctx) {
        return collectionsMethod(c.listId(), l -> answer(Collections.min((List) l)));
    }

    // ---- reflection -------------------------------------------------------------------------

    @Override
    public ReturnMessage reflectionUnknown(ReflectionUnknownCommand c, RequestContext ctx) {
        JVMView view = (JVMView) values.toJava(c.jvmView());
        try {
            return ReturnMessage.success(new ClassMember(TypeUtil.forName(c.name(), view).getName()));
        } catch (ClassNotFoundException e) {
            return ReturnMessage.success(new PackageMember());
        } catch (Exception e) {
            return ReturnMessage.error(Protocol.getThrowableAsString(e));
        }
    }

    @Override
    public ReturnMessage reflectionMember(ReflectionMemberCommand c, RequestContext ctx) {
        try {
            Class<?> clazz = TypeUtil.forName(c.className());
            Field f = engine.getField(clazz, c.member());
            if (f != null && Modifier.isStatic(f.getModifiers())) {
                return answer(engine.getFieldValue(null, f));
            }
            Method m = engine.getMethod(clazz, c.member());
            if (m != null) {
                return Modifier.isStatic(m.getModifiers())
                        ? ReturnMessage.success(new MethodMember())
                        : ReturnMessage.error("Trying to access a non-static member from a static context.");
            }
            return engine.getClass(clazz, c.member()) != null
                    ? ReturnMessage.success(new ClassMember(""))
                    : ReturnMessage.bareError();
        } catch (Exception e) {
            return ReturnMessage.bareError();
        }
    }

    @Override
    public ReturnMessage reflectionClass(ReflectionClassCommand c, RequestContext ctx) {
        try {
            return answer(TypeUtil.forName(c.className()));
        } catch (ClassNotFoundException e) {
            return ReturnMessage.error(String.format(NO_CLASS_MESSAGE, c.className()));
        } catch (Exception e) {
            return ReturnMessage.bareError();
        }
    }

    // ---- memory, help, JVM views, exceptions, dir ----------------------------------------------

    @Override
    public ReturnMessage memoryDelete(MemoryDeleteCommand c, RequestContext ctx) {
        String id = c.objectId();
        if (!id.equals(Protocol.ENTRY_POINT_OBJECT_ID) && !id.equals(Protocol.DEFAULT_JVM_OBJECT_ID)
                && !id.equals(Protocol.GATEWAY_SERVER_ID)) {
            gateway.deleteObject(id);
        }
        return ReturnMessage.successVoid();
    }

    /** py4j's Java side has no memory-attach command: its answer, without its desynchronisation. */
    @Override
    public ReturnMessage memoryAttach(MemoryAttachCommand c, RequestContext ctx) {
        return ReturnMessage.error("Unknown Memory SubCommand Name: a");
    }

    @Override
    public ReturnMessage helpObject(HelpObjectCommand c, RequestContext ctx) {
        String pattern = (String) values.toJava(c.pattern());
        try {
            Object o = gateway.getObject(c.objectId());
            return answer(HelpPageGenerator.getHelpPage(Py4JClass.buildClass(o.getClass(), true), pattern, isTrue(c.shortName())));
        } catch (Exception e) {
            return ReturnMessage.error(Protocol.getThrowableAsString(e));
        }
    }

    @Override
    public ReturnMessage helpClass(HelpClassCommand c, RequestContext ctx) {
        String pattern = (String) values.toJava(c.pattern());
        try {
            Class<?> clazz = ReflectionUtil.classForName(c.className());
            return answer(HelpPageGenerator.getHelpPage(Py4JClass.buildClass(clazz, true), pattern, isTrue(c.shortName())));
        } catch (Exception e) {
            return ReturnMessage.error(Protocol.getThrowableAsString(e));
        }
    }

    private static boolean isTrue(Value v) {
        return v instanceof BooleanValue b && b.value();
    }

    @Override
    public ReturnMessage jvmViewCreate(JvmViewCreateCommand c, RequestContext ctx) {
        // py4j unescapes the whole line, so the view's name keeps the part's type letter ("scustom")
        Value n = c.name();
        String name = n instanceof StringValue s ? "s" + s.value() : String.valueOf(n.prefix());
        JVMView view = new JVMView(name, null);
        ReturnObject r = gateway.getReturnObject(view);
        view.setId(r.getName());
        return answer(r);
    }

    @Override
    public ReturnMessage jvmViewImport(JvmViewImportCommand c, RequestContext ctx) {
        JVMView view = (JVMView) values.toJava(c.jvmView());
        if (c.importName().endsWith("*")) {
            view.addStarImport(c.importName());
        } else {
            view.addSingleImport(c.importName());
        }
        return ReturnMessage.successVoid();
    }

    @Override
    public ReturnMessage jvmViewRemoveImport(JvmViewRemoveImportCommand c, RequestContext ctx) {
        JVMView view = (JVMView) values.toJava(c.jvmView());
        boolean removed = c.importName().endsWith("*")
                ? view.removeStarImport(c.importName())
                : view.removeSingleImport(c.importName());
        return ReturnMessage.success(Value.ofBoolean(removed));
    }

    /** py4j 0.10.9.9 has no implementation (it fails the connection with a NullPointerException). */
    @Override
    public ReturnMessage jvmViewSearch(JvmViewSearchCommand c, RequestContext ctx) {
        return ReturnMessage.error("JVM view search (j s) is not implemented by py4j 0.10.9.9's Java side");
    }

    @Override
    public ReturnMessage exception(ExceptionCommand c, RequestContext ctx) {
        Throwable t = (Throwable) values.toJava(c.exception());
        if (t == null) {
            // py4j fails with a NullPointerException inside getThrowableAsString
            return ReturnMessage.error("py4j-codec gateway: no exception object under " + c.exception());
        }
        return ReturnMessage.success(Value.ofString(Protocol.getThrowableAsString(t)));
    }

    @Override
    public ReturnMessage dirFields(DirFieldsCommand c, RequestContext ctx) {
        return dir(() -> engine.getPublicFieldNames(gateway.getObject(c.objectId())));
    }

    @Override
    public ReturnMessage dirMethods(DirMethodsCommand c, RequestContext ctx) {
        return dir(() -> engine.getPublicMethodNames(gateway.getObject(c.objectId())));
    }

    @Override
    public ReturnMessage dirStatic(DirStaticCommand c, RequestContext ctx) {
        return dir(() -> engine.getPublicStaticNames(TypeUtil.forName(c.className())));
    }

    @Override
    public ReturnMessage dirJvmView(DirJvmViewCommand c, RequestContext ctx) {
        return dir(() -> {
            String last = (String) values.toJava(c.lastSequenceId());
            int lastSequenceId = last == null ? 0 : Integer.parseInt(last);
            JVMView view = (JVMView) values.toJava(c.jvmView());
            int sequenceId = view.getSequenceId();
            if (lastSequenceId == sequenceId) {
                return null;
            }
            String[] imported = view.getImportedNames();
            String[] names = new String[imported.length + 1];
            names[0] = Integer.toString(sequenceId);
            System.arraycopy(imported, 0, names, 1, imported.length);
            return names;
        });
    }

    private interface Names {
        String[] get() throws Exception;
    }

    /** py4j's dir answer: the names joined by LF, {@code !yn} for none, a bare {@code !x} on any failure. */
    private ReturnMessage dir(Names names) {
        try {
            String[] n = names.get();
            return n == null ? ReturnMessage.success(NullValue.INSTANCE) : answer(String.join("\n", n));
        } catch (Exception e) {
            return ReturnMessage.bareError();
        }
    }

    // ---- connection-level commands ------------------------------------------------------------

    @Override
    public ReturnMessage shutdown(ShutdownCommand c, RequestContext ctx) {
        ctx.gateway().shutdownAsync();
        return null;
    }

    @Override
    public ReturnMessage cancel(CancelCommand c, RequestContext ctx) {
        ctx.gateway().cancel(c.remotePort(), c.localPort());
        return null;
    }

    /**
     * An unknown sub-command of a known command (framed through its {@code e} line): py4j's answer
     * and message for that command, without the desynchronisation its reader causes.
     */
    @Override
    public ReturnMessage unknown(UnknownCommand c, RequestContext ctx) {
        String sub = c.lines().isEmpty() ? "" : c.lines().get(0);
        String first = sub.isEmpty() ? "" : sub.substring(0, 1);
        return switch (c.name()) {
            case "f" -> ReturnMessage.error("Unknown Field SubCommand Name: " + sub);
            case "a" -> ReturnMessage.error("Unknown Array SubCommand Name: " + first);
            case "l" -> ReturnMessage.bareError();
            case "m" -> ReturnMessage.error("Unknown Memory SubCommand Name: " + sub);
            case "h" -> ReturnMessage.error("Unknown Help SubCommand Name: " + sub);
            case "j" -> ReturnMessage.error("Unknown JVM View SubCommand Name: " + first);
            // (sic) py4j's DirCommand says "Array"
            case "d" -> ReturnMessage.error("Unknown Array SubCommand Name: " + sub);
            default -> ReturnMessage.error("Unknown command received: " + c.name());
        };
    }

    // ---- helpers ----------------------------------------------------------------------------

    static String limitMessage(String what, long actual, long max, String setting) {
        return "py4j-codec gateway: " + what + ": " + actual + " (expected: <= " + max + "); raise it with GatewayConfig.builder()."
                + setting + "(...)";
    }

    private static long saturatedMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
