package io.github.auroramigrate.core.internal.format;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * A growable byte buffer that encoders append to; reused row after row. Not thread-safe.
 *
 * <pre>{@code
 * ByteSink sink = new ByteSink(1024);
 * sink.write('a'); sink.writeTo(out); sink.reset();
 * }</pre>
 */
public final class ByteSink {
    private byte[] buf;
    private int len;

    /** @param initialCapacity initial size in bytes */
    public ByteSink(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int extra) {
        int need = len + extra;
        if (need < 0) {
            throw new OutOfMemoryError("row too large for one buffer");
        }
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(need, (int) Math.min(Integer.MAX_VALUE - 8L, buf.length * 2L)));
        }
    }

    /**
     * Makes room for {@code extra} more bytes and returns the backing array, for encoders in this package that
     * write directly from {@link #length()} on and then call {@link #advance}.
     */
    byte[] reserve(long extra) {
        if (extra > Integer.MAX_VALUE) {
            throw new OutOfMemoryError("row too large for one buffer");
        }
        ensure((int) extra);
        return buf;
    }

    /** Sets the length after a direct write into the array returned by {@link #reserve}. */
    void advance(int newLength) {
        len = newLength;
    }

    /** Appends one byte. */
    public void write(int b) {
        ensure(1);
        buf[len++] = (byte) b;
    }

    /** Appends bytes. */
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    /** Appends a slice. */
    public void write(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    /** Appends ASCII text. */
    public void writeAscii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    /** @return bytes written since the last reset */
    public int length() {
        return len;
    }

    /** Forgets the content; shrinks a buffer grown beyond {@code 4 MiB} so one huge row does not pin memory. */
    public void reset() {
        len = 0;
        if (buf.length > 4 * 1024 * 1024) {
            buf = new byte[64 * 1024];
        }
    }

    /** Copies the content to a stream. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, len);
    }

    /** @return a copy of the content */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }
}
