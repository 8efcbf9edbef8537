package io.py4jcodec.text;

import io.py4jcodec.api.Codec;
import io.py4jcodec.api.Limits;
import io.py4jcodec.api.Role;
import io.py4jcodec.api.Side;
import java.util.Objects;

/**
 * The byte-exact Py4J text protocol, standing in for one real peer.
 *
 * <p>{@link #newEncoder()} writes exactly the bytes that peer writes; {@link #newDecoder()} reads as
 * that peer reads, i.e. it reads what the <em>other</em> peer writes. So the Python client's
 * commands are encoded by {@code TextCodec.of(PYTHON)} and decoded by {@code TextCodec.of(JAVA)}.
 *
 * <pre>{@code
 * TextCodec python = TextCodec.of(Side.PYTHON);
 * byte[] wire = python.newEncoder().encode(new CallCommand("t", "add", List.of(Value.ofInt(1), Value.ofDouble(1e16))));
 * // "c\nt\nadd\ni1\nd1e+16\ne\n"
 * TextDecoder java = TextCodec.of(Side.JAVA).newDecoder();
 * java.decode(wire, 0, wire.length);
 * CallCommand call = (CallCommand) java.message();
 * }</pre>
 *
 * <h2>Lenient by default, strict on request</h2>
 * By default a decoder reads the way the real peer does, quirks included ({@code byes} is false,
 * {@code i2147483648} is accepted, a blank line ends a Java argument list, {@code \q} loses or keeps
 * its backslash as that side does): a gateway or client built on it behaves like py4j. With
 * {@link Builder#strict(boolean) strict(true)} it reports a {@link io.py4jcodec.api.ProtocolException}
 * wherever the real peer would silently mis-read: for conformance checking and fuzzing.
 */
public final class TextCodec implements Codec {
    private final Side side;
    private final ConnectionMode mode;
    private final boolean strict;
    private final boolean keepUnknownCommands;
    private final boolean keepUnknownSubCommands;
    private final Limits limits;
    private final Role role;

    private TextCodec(Builder b) {
        this.side = b.side;
        this.mode = b.mode;
        this.strict = b.strict;
        this.keepUnknownCommands = b.keepUnknownCommands;
        this.keepUnknownSubCommands = b.keepUnknownSubCommands;
        this.limits = b.limits;
        this.role = b.role;
    }

    /**
     * The lenient, GatewayServer-mode codec of one end of a connection: the role names the side, so
     * a server cannot read as the wrong peer. {@code TextCodec.of(Role.GATEWAY_SERVER)} reads what
     * the Python client writes and answers as py4j's Java gateway.
     */
    public static TextCodec of(Role role) {
        return builder(role).build();
    }

    /** A builder for the end {@code role} (its side is {@code role.side()}). */
    public static Builder builder(Role role) {
        Builder b = new Builder(role.side());
        b.role = role;
        return b;
    }

    /** The lenient, GatewayServer-mode codec of {@code side} with default limits. */
    public static TextCodec of(Side side) {
        return builder(side).build();
    }

    /** A builder for {@code side}. */
    public static Builder builder(Side side) {
        return new Builder(side);
    }

    @Override
    public String name() {
        return "text";
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public Limits limits() {
        return limits;
    }

    /** The connection mode its decoders assume. */
    public ConnectionMode mode() {
        return mode;
    }

    /** True if decoders reject what the real peer would silently mis-read. */
    public boolean strict() {
        return strict;
    }

    /** True if decoders return {@link io.py4jcodec.api.model.UnknownCommand} instead of failing. */
    public boolean keepUnknownCommands() {
        return keepUnknownCommands;
    }

    /** True if an unknown sub-command of a known command is framed through its {@code e} line and returned as an {@link io.py4jcodec.api.model.UnknownCommand}. */
    public boolean keepUnknownSubCommands() {
        return keepUnknownSubCommands || keepUnknownCommands;
    }

    /** The end of the connection this codec was made for, or {@code null} when it was made from a {@link Side}. */
    public Role role() {
        return role;
    }

    @Override
    public TextEncoder newEncoder() {
        return new TextEncoder(side, limits);
    }

    @Override
    public TextDecoder newDecoder() {
        return new TextDecoder(this);
    }

    @Override
    public String toString() {
        return "TextCodec[" + (role != null ? role + ", " : "") + side + ", " + mode + (strict ? ", strict" : "") + "]";
    }

    /** Builder for {@link TextCodec}. */
    public static final class Builder {
        private final Side side;
        private ConnectionMode mode = ConnectionMode.GATEWAY;
        private boolean strict;
        private boolean keepUnknownCommands;
        private boolean keepUnknownSubCommands;
        private Limits limits = Limits.DEFAULT;
        private Role role;

        private Builder(Side side) {
            this.side = Objects.requireNonNull(side, "side");
        }

        /** GatewayServer (default) or ClientServer. */
        public Builder mode(ConnectionMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** Reject what the real peer silently mis-reads (default false: read as the peer does). */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * Return unknown command names as {@link io.py4jcodec.api.model.UnknownCommand} (framed through
         * the next {@code e} line) instead of failing (default false: unknown names are fatal for
         * the Java peer).
         */
        public Builder keepUnknownCommands(boolean keep) {
            this.keepUnknownCommands = keep;
            return this;
        }

        /**
         * Frame an unknown sub-command of a known command ({@code m\na\no1\ne\n}) through the next
         * {@code e} line, as the Python client writes every such command, and return it as an
         * {@link io.py4jcodec.api.model.UnknownCommand} (name = the command letter, first line = the
         * sub-command). Default false: read as py4j's Java side does, which takes only the lines its
         * own sub-commands have and reads the rest as new commands (one request, two answers). A
         * gateway sets it, so such a request gets exactly one answer; unknown command <em>names</em>
         * still fail, because nothing tells where their frame ends.
         */
        public Builder keepUnknownSubCommands(boolean keep) {
            this.keepUnknownSubCommands = keep;
            return this;
        }

        /** Decoder limits, and the line length an encoder's decimal must fit (default {@link Limits#DEFAULT}). */
        public Builder limits(Limits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public TextCodec build() {
            return new TextCodec(this);
        }
    }
}
