package io.py4jcodec.bench;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;

/**
 * The in-memory connection {@link Py4jContender} runs py4j's readers and writers over, so that
 * what is timed is py4j's own reading and writing, not a socket's.
 */
final class ConnectionStreams {
    private ConnectionStreams() {
    }

    /** The connection's input: the workload's bytes over and over, so one reader serves every operation. */
    static final class Cycle extends InputStream {
        private final byte[] data;
        private int pos;

        Cycle(byte[] data) {
            this.data = data;
        }

        @Override
        public int read() {
            int b = data[pos] & 0xff;
            pos = (pos + 1) % data.length;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = Math.min(len, data.length - pos);
            System.arraycopy(data, pos, b, off, n);
            pos = (pos + n) % data.length;
            return n;
        }

        @Override
        public int available() {
            return data.length - pos;
        }
    }

    /** Input refilled with what was just written (round trips); never reports end of stream. */
    static final class Refill extends InputStream {
        private byte[] data = new byte[0];
        private int pos;
        private int end;

        void set(byte[] data, int length) {
            this.data = data;
            this.pos = 0;
            this.end = length;
        }

        @Override
        public int read() {
            return pos < end ? data[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= end) {
                throw new IllegalStateException("read past what was written");
            }
            int n = Math.min(len, end - pos);
            System.arraycopy(data, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return end - pos;
        }
    }

    /** The connection's output, reused. */
    static final class Sink extends ByteArrayOutputStream {
        Sink(int size) {
            super(size);
        }

        byte[] bytes() {
            return buf;
        }
    }
}
