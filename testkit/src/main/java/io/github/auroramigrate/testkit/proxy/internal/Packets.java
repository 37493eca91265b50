package io.github.auroramigrate.testkit.proxy.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * MySQL client/server protocol constants and small codecs: little-endian integers, length-encoded integers and
 * strings, OK and ERR packets.
 *
 * <pre>{@code
 * byte[] err = Packets.err(1045, "28000", "Access denied");
 * long n = Packets.lenenc(payload, 1);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Packets {
    /** The largest payload of one physical packet; a payload of this length continues in the next packet. */
    public static final int MAX_PAYLOAD = 0xFFFFFF;
    /** {@code COM_QUIT}. */
    public static final int COM_QUIT = 0x01;
    /** {@code COM_QUERY}. */
    public static final int COM_QUERY = 0x03;
    /** Capability {@code CLIENT_COMPRESS}. */
    public static final int CLIENT_COMPRESS = 0x20;
    /** Capability {@code CLIENT_LOCAL_FILES}. */
    public static final int CLIENT_LOCAL_FILES = 0x80;
    /** Capability {@code CLIENT_PROTOCOL_41}. */
    public static final int CLIENT_PROTOCOL_41 = 0x200;
    /** Capability {@code CLIENT_SSL}. */
    public static final int CLIENT_SSL = 0x800;
    /** Capability {@code CLIENT_SESSION_TRACK}: an OK packet's info is length-encoded. */
    public static final int CLIENT_SESSION_TRACK = 1 << 23;
    /** Capability {@code CLIENT_DEPRECATE_EOF}. */
    public static final int CLIENT_DEPRECATE_EOF = 1 << 24;
    /** Capability {@code CLIENT_ZSTD_COMPRESSION_ALGORITHM}. */
    public static final int CLIENT_ZSTD_COMPRESSION = 1 << 26;
    /** Capability {@code CLIENT_QUERY_ATTRIBUTES}: COM_QUERY carries a parameter count before the text. */
    public static final int CLIENT_QUERY_ATTRIBUTES = 1 << 27;
    /** Server status {@code SERVER_STATUS_AUTOCOMMIT}. */
    public static final int SERVER_STATUS_AUTOCOMMIT = 0x0002;
    /** Server status {@code SERVER_MORE_RESULTS_EXISTS}. */
    public static final int SERVER_MORE_RESULTS_EXISTS = 0x0008;

    private Packets() {
    }

    /**
     * One payload as physical packets, headers included: split at {@link #MAX_PAYLOAD}, with an empty packet
     * after an exact multiple of it, sequence ids from {@code seq} (wrapping at 256).
     */
    public static List<byte[]> frames(byte[] payload, int seq) {
        List<byte[]> out = new ArrayList<>();
        int pos = 0;
        int s = seq;
        while (true) {
            int n = Math.min(MAX_PAYLOAD, payload.length - pos);
            byte[] frame = new byte[4 + n];
            frame[0] = (byte) n;
            frame[1] = (byte) (n >>> 8);
            frame[2] = (byte) (n >>> 16);
            frame[3] = (byte) s;
            System.arraycopy(payload, pos, frame, 4, n);
            out.add(frame);
            s = (s + 1) & 0xFF;
            pos += n;
            if (n < MAX_PAYLOAD) {
                return out;
            }
        }
    }

    /** The unsigned 16-bit little-endian integer at {@code pos}. */
    public static int int2(byte[] b, int pos) {
        return (b[pos] & 0xFF) | (b[pos + 1] & 0xFF) << 8;
    }

    /** The 32-bit little-endian integer at {@code pos}. */
    public static int int4(byte[] b, int pos) {
        return int2(b, pos) | int2(b, pos + 2) << 16;
    }

    /** Writes {@code v} as a 32-bit little-endian integer at {@code pos}. */
    public static void putInt4(byte[] b, int pos, int v) {
        for (int i = 0; i < 4; i++) {
            b[pos + i] = (byte) (v >>> (8 * i));
        }
    }

    /** How many bytes the length-encoded integer at {@code pos} occupies. */
    public static int lenencSize(byte[] b, int pos) {
        int first = b[pos] & 0xFF;
        return first < 0xFB ? 1 : first == 0xFC ? 3 : first == 0xFD ? 4 : first == 0xFE ? 9 : 1;
    }

    /** The length-encoded integer at {@code pos} ({@code -1} for the NULL marker 0xFB). */
    public static long lenenc(byte[] b, int pos) {
        int first = b[pos] & 0xFF;
        if (first < 0xFB) {
            return first;
        }
        if (first == 0xFB) {
            return -1;
        }
        int n = lenencSize(b, pos) - 1;
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) (b[pos + 1 + i] & 0xFF) << (8 * i);
        }
        return v;
    }

    /** Appends {@code v} as a length-encoded integer. */
    public static void writeLenenc(ByteArrayOutputStream out, long v) {
        if (v < 0xFB) {
            out.write((int) v);
        } else if (v < 1 << 16) {
            out.write(0xFC);
            writeLe(out, v, 2);
        } else if (v < 1 << 24) {
            out.write(0xFD);
            writeLe(out, v, 3);
        } else {
            out.write(0xFE);
            writeLe(out, v, 8);
        }
    }

    private static void writeLe(ByteArrayOutputStream out, long v, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (v >>> (8 * i)));
        }
    }

    /** An ERR packet's payload (protocol 4.1 form, with the SQLSTATE marker). */
    public static byte[] err(int errorCode, String sqlState, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        writeLe(out, errorCode, 2);
        out.write('#');
        out.writeBytes(sqlState.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(message.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** An OK packet's payload without an info message. */
    public static byte[] ok(long affectedRows, long lastInsertId, int status, int warnings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x00);
        writeLenenc(out, affectedRows);
        writeLenenc(out, lastInsertId);
        writeLe(out, status, 2);
        writeLe(out, warnings, 2);
        return out.toByteArray();
    }

    /** Whether {@code p} is an OK packet (header 0x00, as the first packet of a response). */
    public static boolean isOk(byte[] p) {
        return p.length >= 7 && p[0] == 0x00;
    }

    /** Whether {@code p} is an ERR packet. */
    public static boolean isErr(byte[] p) {
        return p.length >= 3 && (p[0] & 0xFF) == 0xFF;
    }

    /** Whether {@code p} ends rows or column definitions: an EOF packet, or an OK packet with header 0xFE. */
    public static boolean isEofOrFinalOk(byte[] p, boolean deprecateEof) {
        return p.length > 0 && (p[0] & 0xFF) == 0xFE && (deprecateEof ? p.length < MAX_PAYLOAD : p.length < 9);
    }

    /** The status flags of an OK packet (header 0x00 or 0xFE, 4.1 form). */
    public static int okStatus(byte[] p) {
        int pos = 1;
        pos += lenencSize(p, pos);
        pos += lenencSize(p, pos);
        return pos + 2 <= p.length ? int2(p, pos) : 0;
    }

    /** The status flags of a terminator: an EOF packet's, or an OK packet's when deprecateEof. */
    public static int terminatorStatus(byte[] p, boolean deprecateEof) {
        if (deprecateEof) {
            return okStatus(p);
        }
        return p.length >= 5 ? int2(p, 3) : 0;
    }
}
