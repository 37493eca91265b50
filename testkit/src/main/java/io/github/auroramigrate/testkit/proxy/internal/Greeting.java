package io.github.auroramigrate.testkit.proxy.internal;

/**
 * The capability flags in a server's initial handshake packet (protocol version 10): read them, or remove
 * some before the client sees them.
 *
 * <pre>{@code
 * int caps = Greeting.capabilities(payload);
 * byte[] clear = Greeting.without(payload, Packets.CLIENT_SSL);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Greeting {
    private Greeting() {
    }

    /** The offset of the lower two capability bytes, or -1 if {@code g} is no protocol-10 handshake. */
    private static int flagsAt(byte[] g) {
        if (g.length < 1 || g[0] != 10) {
            return -1;
        }
        int pos = 1;
        while (pos < g.length && g[pos] != 0) {
            pos++;
        }
        pos += 1 + 4 + 8 + 1;     // NUL, connection id, auth-plugin-data part 1, filler
        return pos + 2 <= g.length ? pos : -1;
    }

    /** The server's capability flags; 0 if {@code g} is no protocol-10 handshake (e.g. an ERR packet). */
    public static int capabilities(byte[] g) {
        int pos = flagsAt(g);
        if (pos < 0) {
            return 0;
        }
        int upper = pos + 7 <= g.length ? Packets.int2(g, pos + 5) : 0;   // after charset and status flags
        return Packets.int2(g, pos) | upper << 16;
    }

    /** A copy of {@code g} without the capabilities in {@code mask}; {@code g} itself if it is no handshake. */
    public static byte[] without(byte[] g, int mask) {
        int pos = flagsAt(g);
        if (pos < 0 || mask == 0) {
            return g;
        }
        byte[] out = g.clone();
        out[pos] &= (byte) ~mask;
        out[pos + 1] &= (byte) ~(mask >>> 8);
        if (pos + 7 <= out.length) {
            out[pos + 5] &= (byte) ~(mask >>> 16);
            out[pos + 6] &= (byte) ~(mask >>> 24);
        }
        return out;
    }
}
