package io.py4jcodec.text.oracle;

import io.py4jcodec.api.model.*;
import java.util.ArrayList;
import java.util.List;

/** Random commands and answers of the kinds the Python peer sends to Java. */
final class PythonMessages {
    private PythonMessages() {
    }

    /**
     * A value Python writes and Java reads as an argument: no container references (Java reads
     * none) and no blank reference id (Java rejects it: "Reference is empty").
     */
    static Value value(Gen g) {
        while (true) {
            Value v = WireParts.value(g);
            boolean javaReads = !(v instanceof ListReference || v instanceof MapReference || v instanceof SetReference
                    || v instanceof ArrayReference || v instanceof IteratorReference)
                    && !(v instanceof ReferenceValue r && r.id().trim().isEmpty());
            if (javaReads) {
                return v;
            }
        }
    }

    static List<Value> values(Gen g) {
        List<Value> out = new ArrayList<>();
        for (int i = g.between(0, 4); i > 0; i--) {
            out.add(value(g));
        }
        return out;
    }

    /** An id or name: usually plain, sometimes empty or full of odd characters (never a line break). */
    static String raw(Gen g) {
        return g.chance(60) ? g.pick("t", "o12", "java.lang.Math", "z:java.lang.Math", "getValue", "e", "", " ") : g.rawLine(12);
    }

    static Message any(Gen g) {
        return switch (g.r.nextInt(30)) {
            case 0, 1, 2, 3 -> new CallCommand(raw(g), raw(g), values(g));
            case 4 -> new ConstructorCommand(raw(g), values(g));
            case 5 -> new FieldGetCommand(raw(g), raw(g));
            case 6 -> new FieldSetCommand(raw(g), raw(g), value(g));
            case 7 -> new ListSliceCommand(raw(g), values(g));
            case 8 -> new ListConcatCommand(raw(g), raw(g));
            case 9 -> g.r.nextBoolean() ? new ListMultiplyCommand(raw(g), g.anyInt()) : new ListMultiplyInPlaceCommand(raw(g), g.anyInt());
            case 10 -> new ListCountCommand(raw(g), value(g));
            case 11 -> g.pick(new ListSortCommand(raw(g)), new ListReverseCommand(raw(g)), new ListMaxCommand(raw(g)), new ListMinCommand(raw(g)));
            case 12 -> new ArrayCreateCommand(value(g), values(g));
            case 13 -> new ArrayGetCommand(raw(g), value(g));
            case 14 -> new ArraySetCommand(raw(g), value(g), value(g));
            case 15 -> g.r.nextBoolean() ? new ArraySliceCommand(raw(g), values(g)) : new ArrayLengthCommand(raw(g));
            case 16 -> g.pick(new ReflectionUnknownCommand(raw(g), value(g)), new ReflectionMemberCommand(raw(g), raw(g)),
                    new ReflectionClassCommand(raw(g)));
            // no memory attach: Python defines it but never sends it, and Java does not know it
            case 17 -> new MemoryDeleteCommand(raw(g));
            case 18 -> g.r.nextBoolean() ? new HelpObjectCommand(raw(g), value(g), value(g)) : new HelpClassCommand(raw(g), value(g), value(g));
            case 19 -> g.pick(new JvmViewCreateCommand(value(g)), new JvmViewImportCommand(value(g), g.escapeHeavy(10)),
                    new JvmViewRemoveImportCommand(value(g), g.escapeHeavy(10)), JvmViewSearchCommand.INSTANCE);
            case 20 -> new ExceptionCommand(value(g));
            case 21 -> g.pick(new DirFieldsCommand(raw(g)), new DirMethodsCommand(raw(g)), new DirStaticCommand(raw(g)),
                    new DirJvmViewCommand(value(g), value(g)));
            case 22 -> new StreamCommand(raw(g), raw(g), values(g));
            case 23 -> g.r.nextBoolean() ? ShutdownCommand.INSTANCE : new CancelCommand(raw(g), g.between(0, 65535), g.between(0, 65535));
            case 24 -> new AuthCommand(g.escapeHeavy(20));
            case 25 -> g.pick(ReturnMessage.successWithoutValue(), ReturnMessage.bareError(), ReturnMessage.error(value(g)));
            default -> ReturnMessage.success(value(g));
        };
    }
}
