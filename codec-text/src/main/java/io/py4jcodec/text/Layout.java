package io.py4jcodec.text;

import io.py4jcodec.api.model.Command;
import io.py4jcodec.api.model.CommandKind;

/** The lines of one command after its name (and sub-command), and how to build the record from them. */
record Layout(CommandKind kind, Slot[] slots, Builder builder) {

    /** Builds the command from the decoded slot values, in slot order. */
    @FunctionalInterface
    interface Builder {
        Command build(Object[] v);
    }

    static Layout of(CommandKind kind, Builder builder, Slot... slots) {
        return new Layout(kind, slots, builder);
    }
}
