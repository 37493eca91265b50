package io.github.auroramigrate.core.internal.format;

/**
 * Escaping and hex encoding of the flat format (docs/dump-format.md, section 3.2). Works on bytes, so any
 * byte sequence in any character set round-trips through {@code LOAD DATA ... CHARACTER SET binary}.
 *
 * <pre>{@code
 * FlatCodec.escape(value, sink);     // "a\tb" -> "a\\tb"
 * FlatCodec.hex(bits, sink);         // {0x01, 0xFF} -> "01FF"
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class FlatCodec {
    /** Field separator. */
    public static final byte FIELD = '\t';
    /** Line terminator. */
    public static final byte LINE = '\n';
    /** The escape character. */
    public static final byte ESCAPE = '\\';
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private FlatCodec() {
    }

    /** For each byte, the letter of its backslash form, or 0 when it is written as it is. */
    private static final byte[] ESCAPES = new byte[256];

    static {
        ESCAPES['\\'] = '\\';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\r'] = 'r';
        ESCAPES[0] = '0';
        ESCAPES[0x1A] = 'Z';
    }

    /** Appends {@code value} escaped: backslash, TAB, LF, CR, NUL and 0x1A get a backslash form. */
    public static void escape(byte[] value, ByteSink sink) {
        escape(value, 0, value.length, sink);
    }

    /** Appends {@code length} bytes of {@code value} from {@code offset}, escaped as {@link #escape(byte[], ByteSink)}. */
    public static void escape(byte[] value, int offset, int length, ByteSink sink) {
        // one capacity check for the worst case, then a table lookup per byte: this loop is the dump's hot spot
        int p = sink.length();
        byte[] out = sink.reserve(2L * length);
        for (int i = offset, end = offset + length; i < end; i++) {
            byte b = value[i];
            byte e = ESCAPES[b & 0xFF];
            if (e == 0) {
                out[p++] = b;
            } else {
                out[p++] = ESCAPE;
                out[p++] = e;
            }
        }
        sink.advance(p);
    }

    /** Appends upper-case hex of {@code value}. */
    public static void hex(byte[] value, ByteSink sink) {
        hex(value, 0, value.length, sink);
    }

    /** Appends upper-case hex of {@code length} bytes of {@code value} from {@code offset}. */
    public static void hex(byte[] value, int offset, int length, ByteSink sink) {
        int p = sink.length();
        byte[] out = sink.reserve(2L * length);
        for (int i = offset, end = offset + length; i < end; i++) {
            byte b = value[i];
            out[p++] = HEX[(b >> 4) & 0xF];
            out[p++] = HEX[b & 0xF];
        }
        sink.advance(p);
    }

    /** @return upper-case hex of {@code value} */
    public static String hex(byte[] value) {
        ByteSink s = new ByteSink(value.length * 2);
        hex(value, s);
        return new String(s.toByteArray(), java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** @return the bytes of a hex string (either case); IllegalArgumentException when it is not hex */
    public static byte[] unhex(CharSequence hex) {
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (digit(hex.charAt(2 * i)) << 4 | digit(hex.charAt(2 * i + 1)));
        }
        return out;
    }

    /** @return the value of a hex digit, or throws IllegalArgumentException */
    static int digit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        throw new IllegalArgumentException("not a hex digit: " + (char) c);
    }

    /** @return the byte an escape sequence {@code \x} stands for, as LOAD DATA reads it */
    static byte unescape(byte x) {
        return switch (x) {
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case '0' -> 0;
            case 'Z' -> 0x1A;
            case 'b' -> '\b';
            default -> x;
        };
    }
}
