package io.py4jcodec.bench;

import io.py4jcodec.api.model.Message;
import java.util.List;

/**
 * One workload: a fixed sequence of messages travelling in one direction. A benchmark operation
 * encodes or decodes all of them; the report divides by {@link #messages()} for per-message
 * figures.
 *
 * @param name      the id used on the command line, in JMH parameters and in the report
 * @param title     one line for the report
 * @param direction who writes and who reads
 * @param messages  the model
 * @param text      the bytes the real writing peer sends (codec-text's byte-exact output)
 * @param sweep     the sweep this point belongs to, or null for a main workload
 * @param x         the sweep's variable at this point (length, count, size), or 0
 */
public record Workload(String name, String title, Direction direction, List<Message> messages, byte[] text,
                       String sweep, int x) {

    public Workload {
        messages = List.copyOf(messages);
    }

    /** True for a point of a crossover sweep. */
    public boolean isSweep() {
        return sweep != null;
    }

    @Override
    public String toString() {
        return name;
    }
}
