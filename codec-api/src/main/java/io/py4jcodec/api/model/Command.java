package io.py4jcodec.api.model;

/**
 * A request: one record per command and sub-command, in both directions. {@link #kind()} names it;
 * the records' Javadoc shows the exact lines.
 *
 * <p>Fields that the real reader takes as a <em>raw line</em> (object ids, method and field names,
 * class names) are {@code String}s written verbatim; fields it decodes as a <em>typed part</em> are
 * {@link Value}s. The split is the one of py4j's Java commands, quirks included: list, array,
 * memory and dir ids are raw ({@code o5}) while JVM view ids are typed ({@code rj}).
 */
public sealed interface Command extends Message
        permits CallCommand, ConstructorCommand, FieldGetCommand, FieldSetCommand,
        ListSliceCommand, ListConcatCommand, ListMultiplyCommand, ListMultiplyInPlaceCommand,
        ListCountCommand, ListSortCommand, ListReverseCommand, ListMaxCommand, ListMinCommand,
        ArrayCreateCommand, ArrayGetCommand, ArraySetCommand, ArraySliceCommand, ArrayLengthCommand,
        ReflectionUnknownCommand, ReflectionMemberCommand, ReflectionClassCommand,
        MemoryDeleteCommand, MemoryAttachCommand, HelpObjectCommand, HelpClassCommand,
        JvmViewCreateCommand, JvmViewImportCommand, JvmViewRemoveImportCommand, JvmViewSearchCommand,
        ExceptionCommand, DirFieldsCommand, DirMethodsCommand, DirStaticCommand, DirJvmViewCommand,
        StreamCommand, ShutdownCommand, CancelCommand, AuthCommand,
        ProxyCallCommand, ProxyGcCommand, UnknownCommand {

    /** Which command and sub-command this is. */
    CommandKind kind();
}
