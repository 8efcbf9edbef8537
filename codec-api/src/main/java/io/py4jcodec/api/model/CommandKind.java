package io.py4jcodec.api.model;

import io.py4jcodec.api.Side;

/**
 * Every command and sub-command of Py4J 0.10.9.9, with its wire letters and the side that sends it.
 * The constant names are what the command does; {@link #command()} and {@link #subCommand()} are
 * the letters on the wire ({@code 0} when a command has no sub-command line).
 */
public enum CommandKind {
    CALL('c', (char) 0, Side.PYTHON),
    CONSTRUCTOR('i', (char) 0, Side.PYTHON),
    FIELD_GET('f', 'g', Side.PYTHON),
    FIELD_SET('f', 's', Side.PYTHON),
    LIST_SLICE('l', 'l', Side.PYTHON),
    LIST_CONCAT('l', 'a', Side.PYTHON),
    LIST_MULTIPLY('l', 'm', Side.PYTHON),
    LIST_MULTIPLY_IN_PLACE('l', 'i', Side.PYTHON),
    LIST_COUNT('l', 'f', Side.PYTHON),
    LIST_SORT('l', 's', Side.PYTHON),
    LIST_REVERSE('l', 'r', Side.PYTHON),
    LIST_MAX('l', 'x', Side.PYTHON),
    LIST_MIN('l', 'n', Side.PYTHON),
    ARRAY_CREATE('a', 'c', Side.PYTHON),
    ARRAY_GET('a', 'g', Side.PYTHON),
    ARRAY_SET('a', 's', Side.PYTHON),
    ARRAY_SLICE('a', 'l', Side.PYTHON),
    ARRAY_LENGTH('a', 'e', Side.PYTHON),
    REFLECTION_UNKNOWN('r', 'u', Side.PYTHON),
    REFLECTION_MEMBER('r', 'm', Side.PYTHON),
    REFLECTION_CLASS('r', 'c', Side.PYTHON),
    MEMORY_DELETE('m', 'd', Side.PYTHON),
    MEMORY_ATTACH('m', 'a', Side.PYTHON),
    HELP_OBJECT('h', 'o', Side.PYTHON),
    HELP_CLASS('h', 'c', Side.PYTHON),
    JVM_VIEW_CREATE('j', 'c', Side.PYTHON),
    JVM_VIEW_IMPORT('j', 'i', Side.PYTHON),
    JVM_VIEW_REMOVE_IMPORT('j', 'r', Side.PYTHON),
    JVM_VIEW_SEARCH('j', 's', Side.PYTHON),
    EXCEPTION('p', (char) 0, Side.PYTHON),
    DIR_FIELDS('d', 'f', Side.PYTHON),
    DIR_METHODS('d', 'm', Side.PYTHON),
    DIR_STATIC('d', 's', Side.PYTHON),
    DIR_JVM_VIEW('d', 'v', Side.PYTHON),
    STREAM('S', (char) 0, Side.PYTHON),
    SHUTDOWN('s', (char) 0, Side.PYTHON),
    CANCEL('z', (char) 0, Side.PYTHON),
    /** Sent by both sides: Python without an {@code e} line, Java with one. */
    AUTH('A', (char) 0, null),
    PROXY_CALL('c', (char) 0, Side.JAVA),
    PROXY_GC('g', (char) 0, Side.JAVA),
    /** A command name the reading side does not know, kept only when a decoder is asked to. */
    UNKNOWN((char) 0, (char) 0, null);

    private final char command;
    private final char subCommand;
    private final Side sender;

    CommandKind(char command, char subCommand, Side sender) {
        this.command = command;
        this.subCommand = subCommand;
        this.sender = sender;
    }

    /** The command-name letter, the whole first line of the frame. */
    public char command() {
        return command;
    }

    /** The sub-command letter on the second line, or {@code 0} when the command has none. */
    public char subCommand() {
        return subCommand;
    }

    /** True when a sub-command line follows the command name. */
    public boolean hasSubCommand() {
        return subCommand != 0;
    }

    /** The side that sends it, or {@code null} for {@link #AUTH} and {@link #UNKNOWN}. */
    public Side sender() {
        return sender;
    }

    /** True if {@code side} sends this command. */
    public boolean sentBy(Side side) {
        return this == AUTH || sender == side;
    }
}
