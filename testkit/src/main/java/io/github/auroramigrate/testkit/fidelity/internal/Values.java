package io.github.auroramigrate.testkit.fidelity.internal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * Canonical column values and their display. A value is one of: {@code null}; {@link BigInteger} (integer
 * and BIT columns); {@link BigDecimal} without trailing zeros (DECIMAL); {@link Float} / {@link Double}
 * compared by exact bits, so {@code -0.0 != 0.0} (FLOAT, DOUBLE); {@link String} (character and temporal
 * columns, ENUM, SET, MariaDB UUID/INET4/INET6); {@link JsonNode} with every number as a decimal value
 * (JSON, and MariaDB LONGTEXT columns with a {@code json_valid} check); {@link Bytes} (binary and spatial
 * columns).
 */
public final class Values {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final int SHOW_CHARS = 60;
    private static final int SHOW_BYTES = 24;

    private Values() {
    }

    /** Bytes with value equality; shown as hex. */
    public record Bytes(byte[] value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return format(this);
        }
    }

    /** A DECIMAL value in canonical form (scale without trailing zeros; every zero is {@code 0}). */
    public static BigDecimal decimal(String text) {
        BigDecimal d = new BigDecimal(text.strip());
        return d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
    }

    /** A temporal value printed by the server: the fraction without trailing zeros ({@code 12:00:00.500} = {@code 12:00:00.5}). */
    public static String temporal(String text) {
        int dot = text.lastIndexOf('.');
        if (dot < 0 || text.indexOf(':') < 0 && text.indexOf('-') < 0) {
            return text;
        }
        int end = text.length();
        while (end > dot + 1 && text.charAt(end - 1) == '0') {
            end--;
        }
        return end == dot + 1 ? text.substring(0, dot) : text.substring(0, end);
    }

    /** A JSON document with numbers compared by value; text that does not parse stays a string. */
    public static Object json(String text) {
        try {
            return canonicalJson(JSON.readTree(text));
        } catch (Exception e) {
            return text;
        }
    }

    private static JsonNode canonicalJson(JsonNode node) {
        if (node.isNumber()) {
            BigDecimal d = node.decimalValue();
            return DecimalNode.valueOf(d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros());
        }
        if (node.isArray()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> a.add(canonicalJson(e)));
            return a;
        }
        if (node.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), canonicalJson(e.getValue()));
            }
            return o;
        }
        return node;
    }

    /**
     * True if two canonical values are equal; across column types also integer = decimal by value,
     * FLOAT = DOUBLE when the float widens to exactly that double, and a string = a JSON document when
     * it parses to that document.
     */
    public static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.equals(b)) {
            return true;
        }
        Object x = comparable(a);
        Object y = comparable(b);
        if (x.equals(y)) {
            return true;
        }
        if (x instanceof JsonNode && y instanceof String s) {
            return x.equals(json(s));
        }
        if (y instanceof JsonNode && x instanceof String s) {
            return y.equals(json(s));
        }
        return false;
    }

    /** The form used for hashing rows of key-less tables and key values: numbers widened as in {@link #same}. */
    public static Object comparable(Object v) {
        if (v instanceof BigInteger i) {
            return decimal(i.toString());
        }
        if (v instanceof Float f) {
            return (double) f;
        }
        return v;
    }

    /** A short readable form: strings quoted and cut, bytes in hex with length and digest, floats with bits. */
    public static String format(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof String s) {
            String shown = s.length() > SHOW_CHARS ? s.substring(0, SHOW_CHARS) : s;
            StringBuilder sb = new StringBuilder("'");
            shown.codePoints().forEach(cp -> {
                if (cp == '\'') {
                    sb.append("\\'");
                } else if (cp < 0x20 || cp == 0x7f) {
                    sb.append(String.format("\\u%04x", cp));
                } else {
                    sb.appendCodePoint(cp);
                }
            });
            sb.append('\'');
            if (s.length() > SHOW_CHARS) {
                sb.append("...(").append(s.length()).append(" chars, sha-256 ")
                        .append(digest(s.getBytes(StandardCharsets.UTF_8))).append(')');
            }
            return sb.toString();
        }
        if (v instanceof Bytes b) {
            byte[] x = b.value();
            String hex = HexFormat.of().withUpperCase().formatHex(x, 0, Math.min(x.length, SHOW_BYTES));
            return "0x" + hex + (x.length > SHOW_BYTES ? "...(" + x.length + " bytes, sha-256 " + digest(x) + ")" : "");
        }
        if (v instanceof Float f) {
            return f + " (bits 0x" + Integer.toHexString(Float.floatToRawIntBits(f)) + ")";
        }
        if (v instanceof Double d) {
            return d + " (bits 0x" + Long.toHexString(Double.doubleToRawLongBits(d)) + ")";
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof JsonNode j) {
            String s = j.toString();
            return s.length() > 200 ? s.substring(0, 200) + "...(" + s.length() + " chars)" : s;
        }
        return v.toString();
    }

    private static String digest(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
