package io.py4jcodec.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * One connection pair: the accepted socket of the peer that connected, and the proxy's own
 * connection to the target. Each direction is a blocking copy loop on its own thread, so bytes keep
 * their order, and a slow receiver slows the sender down through TCP (the proxy never buffers more
 * than one read per direction). A read chunk is recorded, then forwarded, then decoded from the
 * same array: the watcher only ever sees what was already sent on.
 *
 * <p>End of stream is passed on as a half-close ({@code shutdownOutput}), as py4j's peers close;
 * a reset or failed write on either side closes both sockets.
 */
final class Relay {
    static final int READ_BYTES = 16 * 1024;

    private final Proxy proxy;
    private final Route route;
    private final String id;
    private final Socket accepted;
    private final long openedNanos = System.nanoTime();
    private Socket upstream;

    Relay(Proxy proxy, Route route, String id, Socket accepted) {
        this.proxy = proxy;
        this.route = route;
        this.id = id;
        this.accepted = accepted;
    }

    /** Connects to the target and starts both directions; on failure closes the accepted socket. */
    void start(InetSocketAddress target) {
        try {
            upstream = new Socket();
            upstream.setTcpNoDelay(true);
            accepted.setTcpNoDelay(true);
            upstream.connect(target, Proxy.CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            proxy.note(id, "connect_failed", "cannot connect to " + target + ": " + e.getMessage());
            closeQuietly(accepted);
            closeQuietly(upstream);
            proxy.relayEnded(this);
            return;
        }
        proxy.report().connectionOpened();
        TranscriptRecorder rec = proxy.recorder();
        if (rec != null) {
            rec.open(id, route, accepted.getPort(), upstream.getLocalPort());
        }
        // the initiator's bytes go to the acceptor, and back
        Direction out = Direction.from(route.initiator());
        Direction back = Direction.from(route.acceptor());
        FrameWatcher wOut = new FrameWatcher(proxy, id, out, openedNanos, proxy.mode(), proxy.checking());
        FrameWatcher wBack = new FrameWatcher(proxy, id, back, openedNanos, proxy.mode(), proxy.checking());
        wOut.opposite(wBack);
        wBack.opposite(wOut);
        Thread a = pump(accepted, upstream, out, wOut);
        Thread b = pump(upstream, accepted, back, wBack);
        Thread closer = new Thread(() -> {
            join(a);
            join(b);
            closeQuietly(accepted);
            closeQuietly(upstream);
            if (rec != null) {
                rec.closed(id);
            }
            proxy.relayEnded(this);
        }, "proxy-" + id + "-close");
        closer.setDaemon(true);
        a.start();
        b.start();
        closer.start();
    }

    private Thread pump(Socket from, Socket to, Direction dir, FrameWatcher watcher) {
        Thread t = new Thread(() -> copy(from, to, dir, watcher), "proxy-" + id + "-" + dir.wireName());
        t.setDaemon(true);
        return t;
    }

    private void copy(Socket from, Socket to, Direction dir, FrameWatcher watcher) {
        TranscriptRecorder rec = proxy.recorder();
        byte[] buf = new byte[READ_BYTES];
        InputStream in;
        OutputStream out;
        try {
            in = from.getInputStream();
            out = to.getOutputStream();
        } catch (IOException e) {
            abort();
            return;
        }
        while (true) {
            int n;
            try {
                n = in.read(buf);
            } catch (IOException e) {
                if (rec != null) {
                    rec.end(id, dir, "rst");
                }
                abort();
                return;
            }
            if (n < 0) {
                if (rec != null) {
                    rec.end(id, dir, "eof");
                }
                try {
                    to.shutdownOutput();
                } catch (IOException e) {
                    // the receiver is gone already; its own direction ends the pair
                }
                watcher.onEnd();
                return;
            }
            if (rec != null) {
                rec.data(id, dir, buf, 0, n);
            }
            watcher.forwarding(n);
            try {
                out.write(buf, 0, n);
            } catch (IOException e) {
                if (rec != null) {
                    rec.end(id, dir, "forward-failed");
                }
                abort();
                return;
            }
            watcher.onBytes(buf, 0, n);
        }
    }

    /** Closes both sockets (a peer reset or a failed forward): the other direction's loop ends too. */
    void abort() {
        closeQuietly(accepted);
        closeQuietly(upstream);
    }

    String id() {
        return id;
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // closing on the way out: nothing left to tell
        }
    }
}
