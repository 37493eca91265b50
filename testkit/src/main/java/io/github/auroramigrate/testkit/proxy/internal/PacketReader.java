package io.github.auroramigrate.testkit.proxy.internal;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads MySQL packets from a stream: physical headers (3-byte little-endian length, 1-byte sequence id) and
 * payloads, or whole logical packets (a payload of {@link Packets#MAX_PAYLOAD} bytes continues in the next
 * packet). Reads exactly what it returns, never ahead.
 *
 * <pre>{@code
 * PacketReader r = new PacketReader(in);
 * byte[] payload = r.readLogical();      // r.lastSequenceId() is the last physical packet's
 * }</pre>
 *
 * <p>Not thread-safe: one reader per stream and thread.
 */
public final class PacketReader {
    private final InputStream in;
    private final byte[] header = new byte[4];
    private int lastSequenceId = -1;

    /** A reader of {@code in}. */
    public PacketReader(InputStream in) {
        this.in = in;
    }

    /** The stream read. */
    public InputStream stream() {
        return in;
    }

    /**
     * Reads a physical packet header.
     *
     * @return the payload length, or -1 at the end of the stream before any header byte
     * @throws EOFException if the stream ends inside the header
     */
    public int readHeader() throws IOException {
        int n = in.readNBytes(header, 0, 4);
        if (n == 0) {
            return -1;
        }
        if (n < 4) {
            throw new EOFException("stream ended inside a packet header");
        }
        lastSequenceId = header[3] & 0xFF;
        return (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
    }

    /** The sequence id of the last header read. */
    public int lastSequenceId() {
        return lastSequenceId;
    }

    /** The last header's four bytes (a copy). */
    public byte[] lastHeader() {
        return header.clone();
    }

    /** Reads exactly {@code length} bytes into {@code b} at {@code off}. */
    public void readFully(byte[] b, int off, int length) throws IOException {
        if (in.readNBytes(b, off, length) < length) {
            throw new EOFException("stream ended inside a packet payload");
        }
    }

    /**
     * Reads a whole logical packet: its header and payload and every continuation.
     *
     * @return the payload, or null at the end of the stream before any header byte
     */
    public byte[] readLogical() throws IOException {
        int length = readHeader();
        return length < 0 ? null : readLogicalRest(length, new byte[0]);
    }

    /**
     * Finishes a logical packet whose first header was read: its {@code length} bytes and any continuation.
     *
     * @param already payload bytes of the first physical packet already read (counted in {@code length})
     */
    public byte[] readLogicalRest(int length, byte[] already) throws IOException {
        byte[] first = new byte[length];
        System.arraycopy(already, 0, first, 0, already.length);
        readFully(first, already.length, length - already.length);
        if (length < Packets.MAX_PAYLOAD) {
            return first;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream(2 * Packets.MAX_PAYLOAD);
        all.writeBytes(first);
        int next;
        do {
            next = readHeader();
            if (next < 0) {
                throw new EOFException("stream ended before a continuation packet");
            }
            byte[] part = new byte[next];
            readFully(part, 0, next);
            all.writeBytes(part);
        } while (next == Packets.MAX_PAYLOAD);
        return all.toByteArray();
    }
}
