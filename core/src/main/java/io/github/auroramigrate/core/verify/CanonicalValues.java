package io.github.auroramigrate.core.verify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.auroramigrate.core.internal.format.ColumnTypes;
import io.github.auroramigrate.core.internal.format.FlatCodec;
import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Type-aware canonical forms of column values, from the bytes a server sends with
 * {@code character_set_results = binary} (the same bytes a flat dump file holds, section 3 of docs/dump-format.md):
 * two values are equal when their canonical forms are. JSON is compared as a parsed document (key order, spacing and
 * number spelling aside), DECIMAL and integers by value, FLOAT/DOUBLE by their exact binary value (the servers print
 * doubles in shortest round-trip form, which parses back to the same bits, so 17-digit and shortest spellings are
 * equal), temporal values by value (fractional zeros aside), strings by their bytes in the column's character set
 * (decoded when the two sides' character sets differ), everything else by its bytes. Stateless and thread-safe.
 */
final class CanonicalValues {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS).build();
    private static final Set<String> FLOATING = Set.of("float", "double", "real", "double precision");
    private static final Set<String> CHARACTER = Set.of("char", "varchar", "tinytext", "text", "mediumtext", "longtext",
            "enum", "set");

    private CanonicalValues() {
    }

    /** How one column's values are compared, decided from both sides' columns. */
    enum Kind {
        JSON, FLOATING, EXACT_NUMBER, TEMPORAL, BIT, TEXT, BYTES
    }

    static Kind kind(ColumnEntry expected, ColumnEntry actual) {
        String e = expected.dataType().toLowerCase(Locale.ROOT);
        String a = actual == null ? e : actual.dataType().toLowerCase(Locale.ROOT);
        if (e.equals("json") || a.equals("json")) {
            return Kind.JSON;
        }
        if (FLOATING.contains(e) && FLOATING.contains(a)) {
            return Kind.FLOATING;
        }
        if (ColumnTypes.isNumeric(e) && ColumnTypes.isNumeric(a) && !FLOATING.contains(e) && !FLOATING.contains(a)) {
            return Kind.EXACT_NUMBER;
        }
        if (ColumnTypes.isTemporal(e) && ColumnTypes.isTemporal(a)) {
            return Kind.TEMPORAL;
        }
        if (e.equals("bit") && a.equals("bit")) {
            return Kind.BIT;
        }
        boolean differentCharsets = expected.charset() != null && actual != null && actual.charset() != null
                && !Normalization.collation(expected.charset()).equals(Normalization.collation(actual.charset()));
        return CHARACTER.contains(e) && CHARACTER.contains(a) && differentCharsets ? Kind.TEXT : Kind.BYTES;
    }

    /**
     * @param kind    how to compare
     * @param charset the value's MySQL character set (for {@link Kind#TEXT}), may be null
     * @param raw     the value's bytes, null for SQL NULL
     * @return the canonical form, null for SQL NULL
     */
    static String canonical(Kind kind, String charset, byte[] raw) {
        if (raw == null) {
            return null;
        }
        String text = kind == Kind.BYTES || kind == Kind.BIT || kind == Kind.TEXT ? null
                : new String(raw, StandardCharsets.UTF_8);
        switch (kind) {
            case JSON -> {
                try {
                    return "J" + json(JSON.readTree(text));
                } catch (IOException e) {
                    return "S" + text; // not a document: compared as text
                }
            }
            case FLOATING -> {
                try {
                    double d = Double.parseDouble(text.strip());
                    return "D" + Double.doubleToLongBits(d == 0 ? 0.0 : d);
                } catch (NumberFormatException e) {
                    return "S" + text;
                }
            }
            case EXACT_NUMBER -> {
                try {
                    BigDecimal d = new BigDecimal(text.strip());
                    return "N" + (d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
                } catch (NumberFormatException e) {
                    return "S" + text;
                }
            }
            case TEMPORAL -> {
                String t = text.strip();
                int dot = t.indexOf('.');
                if (dot >= 0) {
                    int end = t.length();
                    while (end > dot + 1 && t.charAt(end - 1) == '0') {
                        end--;
                    }
                    t = end == dot + 1 ? t.substring(0, dot) : t.substring(0, end);
                }
                return "T" + t;
            }
            case BIT -> {
                BigInteger v = new BigInteger(1, raw);
                return "B" + v.toString(16);
            }
            case TEXT -> {
                Charset cs = javaCharset(charset);
                if (cs != null) {
                    try {
                        return "S" + cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw));
                    } catch (CharacterCodingException e) {
                        // compared as bytes
                    }
                }
                return "X" + FlatCodec.hex(raw);
            }
            default -> {
                return "X" + FlatCodec.hex(raw);
            }
        }
    }

    /** @return a value for messages: text when it is valid UTF-8 (at most 200 characters), else hex */
    static String display(byte[] raw) {
        if (raw == null) {
            return null;
        }
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
            if (s.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')) {
                s = "0x" + FlatCodec.hex(raw);
            }
        } catch (CharacterCodingException e) {
            s = "0x" + FlatCodec.hex(raw);
        }
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** JSON in one canonical spelling: object keys sorted, numbers by value, no spacing. */
    private static String json(JsonNode n) {
        if (n.isObject()) {
            Map<String, String> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                fields.put(f.getKey(), json(f.getValue()));
            }
            StringBuilder b = new StringBuilder("{");
            fields.forEach((k, v) -> b.append(b.length() > 1 ? "," : "").append(JsonNodeText.quote(k)).append(':').append(v));
            return b.append('}').toString();
        }
        if (n.isArray()) {
            StringBuilder b = new StringBuilder("[");
            for (JsonNode x : n) {
                b.append(b.length() > 1 ? "," : "").append(json(x));
            }
            return b.append(']').toString();
        }
        if (n.isNumber()) {
            BigDecimal d = n.decimalValue();
            return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
        }
        return n.toString();
    }

    /** JSON string quoting through Jackson. */
    private static final class JsonNodeText {
        static String quote(String s) {
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
        }
    }

    private static Charset javaCharset(String mysql) {
        if (mysql == null) {
            return null;
        }
        return switch (Normalization.collation(mysql)) {
            case "utf8mb4", "utf8" -> StandardCharsets.UTF_8;
            case "latin1" -> Charset.forName("windows-1252");
            case "ascii" -> StandardCharsets.US_ASCII;
            case "ucs2", "utf16" -> StandardCharsets.UTF_16BE;
            case "utf16le" -> StandardCharsets.UTF_16LE;
            case "utf32" -> Charset.forName("UTF-32BE");
            case "cp1250" -> Charset.forName("windows-1250");
            case "cp1251" -> Charset.forName("windows-1251");
            case "greek" -> Charset.forName("ISO-8859-7");
            case "hebrew" -> Charset.forName("ISO-8859-8");
            case "latin2" -> Charset.forName("ISO-8859-2");
            case "gbk" -> Charset.forName("GBK");
            case "sjis" -> Charset.forName("Shift_JIS");
            case "big5" -> Charset.forName("Big5");
            default -> null;
        };
    }
}
