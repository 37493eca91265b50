package io.github.auroramigrate.replication.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the replica and the source that can be paused: while paused it stops forwarding bytes but keeps
 * the connections open, like a stalled network link. The replica's I/O thread stays connected and receives nothing.
 */
public final class StallableRelay implements AutoCloseable {
    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private volatile boolean paused;
    private volatile boolean closed;

    public StallableRelay(String targetHost, int targetPort) throws IOException {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "it-relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket in = server.accept();
                Socket out = new Socket(targetHost, targetPort);
                sockets.add(in);
                sockets.add(out);
                pump(in, out);
                pump(out, in);
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[16384];
            try (InputStream is = from.getInputStream(); OutputStream os = to.getOutputStream()) {
                int n;
                while ((n = is.read(buf)) >= 0) {
                    synchronized (gate) {
                        while (paused && !closed) {
                            gate.wait();
                        }
                    }
                    os.write(buf, 0, n);
                    os.flush();
                }
            } catch (IOException | InterruptedException e) {
                // connection closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "it-relay-pump");
        t.setDaemon(true);
        t.start();
    }

    /** Stops forwarding (connections stay open). */
    public void pause() {
        paused = true;
    }

    /** Forwards again, including what was held back. */
    public void resume() {
        synchronized (gate) {
            paused = false;
            gate.notifyAll();
        }
    }

    @Override
    public void close() {
        closed = true;
        resume();
        closeQuietly(server);
        sockets.forEach(StallableRelay::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // nothing to do
        }
    }
}
