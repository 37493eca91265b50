package io.github.auroramigrate.testkit.proxy.internal;

import io.github.auroramigrate.testkit.proxy.Direction;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One direction of one proxied connection: every byte the proxy writes that way goes through {@link #write},
 * which applies the faults in this order: a pending query cut, the black hole, latency, an armed byte cut,
 * the bandwidth limit. Then it counts the bytes.
 *
 * <pre>{@code
 * Link toServer = new Link(Direction.CLIENT_TO_SERVER, out, connection);
 * toServer.writePacket(payload, 0);
 * }</pre>
 *
 * <p>Thread-safe: writes are serialised (the pump of this direction and, for the client, the query handler's
 * answer).
 */
public final class Link {
    private final Direction direction;
    private final OutputStream out;
    private final ProxyConnection connection;
    private final Counters.Counter bytesCounter;
    private final ReentrantLock lock = new ReentrantLock();
    private long passed;
    private Faults.ByteCut seenCut;
    private long cutBase;
    private boolean paced;
    private long nextFree;
    private volatile boolean cutBeforeNextWrite;

    /** A link writing to {@code out} for {@code connection}. */
    public Link(Direction direction, OutputStream out, ProxyConnection connection) {
        this.direction = direction;
        this.out = out;
        this.connection = connection;
        this.bytesCounter = direction == Direction.CLIENT_TO_SERVER ? Counters.Counter.BYTES_TO_SERVER
                : Counters.Counter.BYTES_TO_CLIENT;
    }

    /** Makes the next write reset the connection instead (a {@code QueryCut.BEFORE_RESPONSE}). */
    public void cutBeforeNextWrite() {
        cutBeforeNextWrite = true;
    }

    /**
     * Writes one payload as MySQL packets: split at {@link Packets#MAX_PAYLOAD} (with the empty packet after
     * an exact multiple), sequence ids from {@code seq}.
     *
     * @return the sequence id after the last packet written
     */
    public int writePacket(byte[] payload, int seq) throws IOException {
        List<byte[]> frames = Packets.frames(payload, seq);
        for (byte[] frame : frames) {
            write(frame, 0, frame.length);
        }
        return (seq + frames.size()) & 0xFF;
    }

    /**
     * Writes {@code len} bytes through the faults.
     *
     * @throws SocketException if the connection is closed, or is cut by this write
     */
    public void write(byte[] b, int off, int len) throws IOException {
        Faults faults = connection.faults();
        lock.lock();
        try {
            if (connection.isClosed()) {
                throw new SocketException("proxy connection closed");
            }
            if (cutBeforeNextWrite) {
                connection.abort(Counters.Counter.QUERY_CUTS, "cut at the response of a matching query");
                throw new SocketException("proxy connection cut at a query's response");
            }
            faults.awaitNoBlackHole(() -> connection.counters().add(Counters.Counter.HELD, 1));
            Duration latency = faults.latency(direction);
            if (!latency.isZero()) {
                TimeUnit.NANOSECONDS.sleep(latency.toNanos());
            }
            int allowed = len;
            boolean cut = false;
            Faults.ByteCut armed = faults.byteCut(direction);
            if (armed != null) {
                if (armed != seenCut) {
                    seenCut = armed;
                    cutBase = passed;
                }
                long remaining = armed.bytes() - (passed - cutBase);
                if (remaining < len && faults.fire(direction, armed)) {
                    allowed = (int) Math.max(0, remaining);
                    cut = true;
                }
            }
            paced(b, off, allowed, faults.bandwidth(direction));
            if (cut) {
                connection.abort(Counters.Counter.BYTE_CUTS, "cut after " + armed.bytes() + " more bytes "
                        + direction);
                throw new SocketException("proxy connection cut after " + armed.bytes() + " bytes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("proxy connection closed");
        } finally {
            lock.unlock();
        }
    }

    private void paced(byte[] b, int off, int len, long bytesPerSecond) throws IOException, InterruptedException {
        if (bytesPerSecond <= 0) {
            paced = false;
            send(b, off, len);
            return;
        }
        // no burst: every slice waits its own transmission time, so K bytes take at least K / limit seconds
        int slice = (int) Math.max(1, Math.min(len, bytesPerSecond / 50));
        for (int p = 0; p < len; p += slice) {
            int n = Math.min(slice, len - p);
            long now = System.nanoTime();
            long start = !paced || now - nextFree > 0 ? now : nextFree;
            long due = start + n * 1_000_000_000L / bytesPerSecond;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
            send(b, off + p, n);
            paced = true;
            nextFree = due;
        }
    }

    private void send(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        out.write(b, off, len);
        out.flush();
        passed += len;
        connection.counters().add(bytesCounter, len);
    }
}
