package io.py4jcodec.api;

/**
 * Bounds a decoder enforces before it allocates: one immutable value, made by a builder. An encoder
 * enforces one of them too, {@code maxLineBytes}, on the one part whose text can be far longer than
 * the value it writes: a decimal, which Java writes without an exponent.
 *
 * <p>The real Py4J peers have no such bounds (a line is read into memory whatever its length), so
 * the defaults are generous enough for real traffic (a 10 MB byte array in one {@code j} part fits)
 * while keeping a hostile peer from making a decoder allocate without end.
 *
 * <pre>{@code
 * Limits limits = Limits.builder().maxLineBytes(1 << 20).maxParts(1_000).build();
 * }</pre>
 *
 * @param maxLineBytes  longest line, terminator excluded; also the longest line a text encoder writes a
 *                      decimal on
 * @param maxFrameBytes longest frame (one command with all its lines, or one answer)
 * @param maxParts      most lines in one frame after the command name (arguments, ids, {@code e})
 * @param maxInterfaces most interfaces named by one Python proxy part ({@code f<id>;<iface>...})
 * @param maxNesting    deepest nesting of callbacks inside pending calls on one ClientServer connection
 */
public record Limits(int maxLineBytes, int maxFrameBytes, int maxParts, int maxInterfaces, int maxNesting) {

    /** 16 MiB lines, 64 MiB frames, 65,536 parts, 256 interfaces, nesting 256. */
    public static final Limits DEFAULT = new Limits(16 << 20, 64 << 20, 65_536, 256, 256);

    public Limits {
        positive("maxLineBytes", maxLineBytes);
        positive("maxFrameBytes", maxFrameBytes);
        positive("maxParts", maxParts);
        positive("maxInterfaces", maxInterfaces);
        positive("maxNesting", maxNesting);
    }

    /** A builder starting from {@link #DEFAULT}. */
    public static Builder builder() {
        return new Builder(DEFAULT);
    }

    /** A builder starting from these limits. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void positive(String name, int v) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, was " + v);
        }
    }

    /** Mutable builder for {@link Limits}. */
    public static final class Builder {
        private int maxLineBytes;
        private int maxFrameBytes;
        private int maxParts;
        private int maxInterfaces;
        private int maxNesting;

        private Builder(Limits from) {
            maxLineBytes = from.maxLineBytes;
            maxFrameBytes = from.maxFrameBytes;
            maxParts = from.maxParts;
            maxInterfaces = from.maxInterfaces;
            maxNesting = from.maxNesting;
        }

        public Builder maxLineBytes(int v) {
            maxLineBytes = v;
            return this;
        }

        public Builder maxFrameBytes(int v) {
            maxFrameBytes = v;
            return this;
        }

        public Builder maxParts(int v) {
            maxParts = v;
            return this;
        }

        public Builder maxInterfaces(int v) {
            maxInterfaces = v;
            return this;
        }

        public Builder maxNesting(int v) {
            maxNesting = v;
            return this;
        }

        public Limits build() {
            return new Limits(maxLineBytes, maxFrameBytes, maxParts, maxInterfaces, maxNesting);
        }
    }
}
