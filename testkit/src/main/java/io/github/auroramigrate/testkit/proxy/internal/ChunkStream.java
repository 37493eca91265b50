package io.github.auroramigrate.testkit.proxy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An input stream fed with chunks by another thread: the server's bytes, handed by the server-to-client pump to
 * a query handler that has taken over its connection.
 *
 * <pre>{@code
 * ChunkStream s = new ChunkStream(Duration.ofSeconds(60));
 * s.offer(Arrays.copyOf(buf, n));     // pump thread
 * int b = s.read();                   // handler thread; -1 after end()
 * }</pre>
 *
 * <p>{@link #offer} and {@link #end} are thread-safe; reading is for one thread.
 */
public final class ChunkStream extends InputStream {
    private static final byte[] END = new byte[0];
    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final long timeoutNanos;
    private byte[] current;
    private int pos;

    /** A stream whose reads wait at most {@code timeout} for the next chunk. */
    public ChunkStream(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    /** Adds a chunk (not copied). */
    public void offer(byte[] chunk) {
        queue.add(chunk);
    }

    /** Ends the stream after the chunks offered so far; idempotent. */
    public void end() {
        queue.add(END);
    }

    /** Whether bytes were offered that nobody read. */
    public boolean hasUnread() {
        if (current != null && current != END && pos < current.length) {
            return true;
        }
        return queue.stream().anyMatch(c -> c != END && c.length > 0);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (current == null || (current != END && pos == current.length)) {
            try {
                current = queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("proxy connection closed while waiting for the server");
            }
            pos = 0;
            if (current == null) {
                throw new SocketTimeoutException("the server did not answer within "
                        + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms");
            }
        }
        if (current == END) {
            return -1;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }
}
