package io.py4jcodec.fuzz.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/** Reads LF-terminated lines from a socket with a deadline, and says how the reading ended. */
final class Conversation {
    enum End { LINE, EOF, RESET, TIMEOUT }

    static final int MAX_LINE = 1 << 20;

    private final InputStream in;
    private final java.net.Socket socket;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int lim;
    End end;
    byte[] line;

    Conversation(java.net.Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** Reads the next line (without its LF) before {@code deadlineNanos}; sets {@link #end}. */
    End next(long deadlineNanos) {
        ByteArrayOutputStream acc = new ByteArrayOutputStream();
        while (true) {
            while (pos < lim) {
                byte b = buf[pos++];
                if (b == '\n') {
                    line = acc.toByteArray();
                    return end = End.LINE;
                }
                if (acc.size() < MAX_LINE) {
                    acc.write(b);
                }
            }
            long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                line = acc.toByteArray();
                return end = End.TIMEOUT;
            }
            try {
                socket.setSoTimeout((int) Math.max(1, Math.min(left, Integer.MAX_VALUE)));
                int n = in.read(buf);
                if (n < 0) {
                    line = acc.toByteArray();
                    return end = End.EOF;
                }
                pos = 0;
                lim = n;
            } catch (SocketTimeoutException e) {
                line = acc.toByteArray();
                return end = End.TIMEOUT;
            } catch (SocketException e) {
                line = acc.toByteArray();
                return end = End.RESET;
            } catch (IOException e) {
                line = acc.toByteArray();
                return end = End.RESET;
            }
        }
    }
}
