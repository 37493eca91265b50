package io.github.auroramigrate.core.format;

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

    /** Appends {@code value} escaped: backslash, TAB, LF, CR, NUL and 0x1A get a backslash form. */
    public static void escape(byte[] value, ByteSink sink) {
        int start = 0;
        for (int i = 0; i < value.length; i++) {
            byte b = value[i];
            byte esc = switch (b) {
                case '\\' -> '\\';
                case '\t' -> 't';
                case '\n' -> 'n';
                case '\r' -> 'r';
                case 0 -> '0';
                case 0x1A -> 'Z';
                default -> -1;
            };
            if (esc != -1) {
                sink.write(value, start, i - start);
                sink.write('\\');
                sink.write(esc);
                start = i + 1;
            }
        }
        sink.write(value, start, value.length - start);
    }

    /** Appends upper-case hex of {@code value}. */
    public static void hex(byte[] value, ByteSink sink) {
        for (byte b : value) {
            sink.write(HEX[(b >> 4) & 0xF]);
            sink.write(HEX[b & 0xF]);
        }
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
