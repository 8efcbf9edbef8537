package io.py4jcodec.api.model;

/**
 * Dispatch over every command: one method per {@link CommandKind}, so a handler that compiles
 * handles them all. {@link #handle(Command, Object)} routes with a {@code switch} expression over
 * the enum, which the Java 17 compiler checks for exhaustiveness: a new command kind does not
 * compile until it has a method here, and then no implementation compiles until it handles it.
 *
 * <pre>{@code
 * class Answers implements CommandHandler<Connection, ReturnMessage> {
 *     public ReturnMessage call(CallCommand c, Connection conn) { return ReturnMessage.success(...); }
 *     ... one method per command kind ...
 * }
 * ReturnMessage answer = new Answers().handle(decoder.message(), connection);
 * }</pre>
 *
 * @param <C> a context passed through to every method (the connection, a session), or {@code Void}
 * @param <R> what a handler returns (an answer, a description, ...)
 */
public interface CommandHandler<C, R> {

    /** Calls the method for {@code command}'s kind. */
    default R handle(Command command, C context) {
        return switch (command.kind()) {
            case CALL -> call((CallCommand) command, context);
            case CONSTRUCTOR -> constructor((ConstructorCommand) command, context);
            case FIELD_GET -> fieldGet((FieldGetCommand) command, context);
            case FIELD_SET -> fieldSet((FieldSetCommand) command, context);
            case LIST_SLICE -> listSlice((ListSliceCommand) command, context);
            case LIST_CONCAT -> listConcat((ListConcatCommand) command, context);
            case LIST_MULTIPLY -> listMultiply((ListMultiplyCommand) command, context);
            case LIST_MULTIPLY_IN_PLACE -> listMultiplyInPlace((ListMultiplyInPlaceCommand) command, context);
            case LIST_COUNT -> listCount((ListCountCommand) command, context);
            case LIST_SORT -> listSort((ListSortCommand) command, context);
            case LIST_REVERSE -> listReverse((ListReverseCommand) command, context);
            case LIST_MAX -> listMax((ListMaxCommand) command, context);
            case LIST_MIN -> listMin((ListMinCommand) command, context);
            case ARRAY_CREATE -> arrayCreate((ArrayCreateCommand) command, context);
            case ARRAY_GET -> arrayGet((ArrayGetCommand) command, context);
            case ARRAY_SET -> arraySet((ArraySetCommand) command, context);
            case ARRAY_SLICE -> arraySlice((ArraySliceCommand) command, context);
            case ARRAY_LENGTH -> arrayLength((ArrayLengthCommand) command, context);
            case REFLECTION_UNKNOWN -> reflectionUnknown((ReflectionUnknownCommand) command, context);
            case REFLECTION_MEMBER -> reflectionMember((ReflectionMemberCommand) command, context);
            case REFLECTION_CLASS -> reflectionClass((ReflectionClassCommand) command, context);
            case MEMORY_DELETE -> memoryDelete((MemoryDeleteCommand) command, context);
            case MEMORY_ATTACH -> memoryAttach((MemoryAttachCommand) command, context);
            case HELP_OBJECT -> helpObject((HelpObjectCommand) command, context);
            case HELP_CLASS -> helpClass((HelpClassCommand) command, context);
            case JVM_VIEW_CREATE -> jvmViewCreate((JvmViewCreateCommand) command, context);
            case JVM_VIEW_IMPORT -> jvmViewImport((JvmViewImportCommand) command, context);
            case JVM_VIEW_REMOVE_IMPORT -> jvmViewRemoveImport((JvmViewRemoveImportCommand) command, context);
            case JVM_VIEW_SEARCH -> jvmViewSearch((JvmViewSearchCommand) command, context);
            case EXCEPTION -> exception((ExceptionCommand) command, context);
            case DIR_FIELDS -> dirFields((DirFieldsCommand) command, context);
            case DIR_METHODS -> dirMethods((DirMethodsCommand) command, context);
            case DIR_STATIC -> dirStatic((DirStaticCommand) command, context);
            case DIR_JVM_VIEW -> dirJvmView((DirJvmViewCommand) command, context);
            case STREAM -> stream((StreamCommand) command, context);
            case SHUTDOWN -> shutdown((ShutdownCommand) command, context);
            case CANCEL -> cancel((CancelCommand) command, context);
            case AUTH -> auth((AuthCommand) command, context);
            case PROXY_CALL -> proxyCall((ProxyCallCommand) command, context);
            case PROXY_GC -> proxyGc((ProxyGcCommand) command, context);
            case UNKNOWN -> unknown((UnknownCommand) command, context);
        };
    }

    /** {@link CommandKind#CALL}. */
    R call(CallCommand command, C context);

    /** {@link CommandKind#CONSTRUCTOR}. */
    R constructor(ConstructorCommand command, C context);

    /** {@link CommandKind#FIELD_GET}. */
    R fieldGet(FieldGetCommand command, C context);

    /** {@link CommandKind#FIELD_SET}. */
    R fieldSet(FieldSetCommand command, C context);

    /** {@link CommandKind#LIST_SLICE}. */
    R listSlice(ListSliceCommand command, C context);

    /** {@link CommandKind#LIST_CONCAT}. */
    R listConcat(ListConcatCommand command, C context);

    /** {@link CommandKind#LIST_MULTIPLY}. */
    R listMultiply(ListMultiplyCommand command, C context);

    /** {@link CommandKind#LIST_MULTIPLY_IN_PLACE}. */
    R listMultiplyInPlace(ListMultiplyInPlaceCommand command, C context);

    /** {@link CommandKind#LIST_COUNT}. */
    R listCount(ListCountCommand command, C context);

    /** {@link CommandKind#LIST_SORT}. */
    R listSort(ListSortCommand command, C context);

    /** {@link CommandKind#LIST_REVERSE}. */
    R listReverse(ListReverseCommand command, C context);

    /** {@link CommandKind#LIST_MAX}. */
    R listMax(ListMaxCommand command, C context);

    /** {@link CommandKind#LIST_MIN}. */
    R listMin(ListMinCommand command, C context);

    /** {@link CommandKind#ARRAY_CREATE}. */
    R arrayCreate(ArrayCreateCommand command, C context);

    /** {@link CommandKind#ARRAY_GET}. */
    R arrayGet(ArrayGetCommand command, C context);

    /** {@link CommandKind#ARRAY_SET}. */
    R arraySet(ArraySetCommand command, C context);

    /** {@link CommandKind#ARRAY_SLICE}. */
    R arraySlice(ArraySliceCommand command, C context);

    /** {@link CommandKind#ARRAY_LENGTH}. */
    R arrayLength(ArrayLengthCommand command, C context);

    /** {@link CommandKind#REFLECTION_UNKNOWN}. */
    R reflectionUnknown(ReflectionUnknownCommand command, C context);

    /** {@link CommandKind#REFLECTION_MEMBER}. */
    R reflectionMember(ReflectionMemberCommand command, C context);

    /** {@link CommandKind#REFLECTION_CLASS}. */
    R reflectionClass(ReflectionClassCommand command, C context);

    /** {@link CommandKind#MEMORY_DELETE}. */
    R memoryDelete(MemoryDeleteCommand command, C context);

    /** {@link CommandKind#MEMORY_ATTACH}. */
    R memoryAttach(MemoryAttachCommand command, C context);

    /** {@link CommandKind#HELP_OBJECT}. */
    R helpObject(HelpObjectCommand command, C context);

    /** {@link CommandKind#HELP_CLASS}. */
    R helpClass(HelpClassCommand command, C context);

    /** {@link CommandKind#JVM_VIEW_CREATE}. */
    R jvmViewCreate(JvmViewCreateCommand command, C context);

    /** {@link CommandKind#JVM_VIEW_IMPORT}. */
    R jvmViewImport(JvmViewImportCommand command, C context);

    /** {@link CommandKind#JVM_VIEW_REMOVE_IMPORT}. */
    R jvmViewRemoveImport(JvmViewRemoveImportCommand command, C context);

    /** {@link CommandKind#JVM_VIEW_SEARCH}. */
    R jvmViewSearch(JvmViewSearchCommand command, C context);

    /** {@link CommandKind#EXCEPTION}. */
    R exception(ExceptionCommand command, C context);

    /** {@link CommandKind#DIR_FIELDS}. */
    R dirFields(DirFieldsCommand command, C context);

    /** {@link CommandKind#DIR_METHODS}. */
    R dirMethods(DirMethodsCommand command, C context);

    /** {@link CommandKind#DIR_STATIC}. */
    R dirStatic(DirStaticCommand command, C context);

    /** {@link CommandKind#DIR_JVM_VIEW}. */
    R dirJvmView(DirJvmViewCommand command, C context);

    /** {@link CommandKind#STREAM}. */
    R stream(StreamCommand command, C context);

    /** {@link CommandKind#SHUTDOWN}. */
    R shutdown(ShutdownCommand command, C context);

    /** {@link CommandKind#CANCEL}. */
    R cancel(CancelCommand command, C context);

    /** {@link CommandKind#AUTH}. */
    R auth(AuthCommand command, C context);

    /** {@link CommandKind#PROXY_CALL}. */
    R proxyCall(ProxyCallCommand command, C context);

    /** {@link CommandKind#PROXY_GC}. */
    R proxyGc(ProxyGcCommand command, C context);

    /** {@link CommandKind#UNKNOWN}. */
    R unknown(UnknownCommand command, C context);
}
