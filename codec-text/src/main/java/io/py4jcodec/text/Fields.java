package io.py4jcodec.text;

import io.py4jcodec.api.model.Value;
import java.util.Arrays;
import java.util.List;

/**
 * The values of a command's lines as the decoder read them, by line index within its
 * {@link Layout}, for the layout's builder. One decoder reuses one instance frame after frame (no
 * array per frame), and numbers are kept unboxed. Typed getters per slot kind: text for RAW, ID
 * and ESCAPED, value for PART, values for ARGS, number for COUNT and INT.
 */
final class Fields {
    /** More lines than any layout has after its name and sub-command. */
    static final int MAX = 4;

    private final Object[] objects = new Object[MAX];
    private final int[] ints = new int[MAX];

    void set(int i, Object v) {
        objects[i] = v;
    }

    void setInt(int i, int v) {
        ints[i] = v;
    }

    /** A RAW, ID or ESCAPED line. */
    String text(int i) {
        return (String) objects[i];
    }

    /** A PART line. */
    Value value(int i) {
        return (Value) objects[i];
    }

    /** An ARGS line. */
    @SuppressWarnings("unchecked")
    List<Value> values(int i) {
        return (List<Value>) objects[i];
    }

    /** A COUNT or INT line. */
    int number(int i) {
        return ints[i];
    }

    /** Drops the references of the frame just built, so that they do not outlive it. */
    void clear() {
        Arrays.fill(objects, null);
    }
}
