package io.github.auroramigrate.core.internal.format;

import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.internal.manifest.ValueEncoding;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Encodes rows as value tuples of an SQL INSERT statement (docs/dump-format.md, section 5). Not thread-safe.
 *
 * <pre>{@code
 * SqlRowEncoder enc = new SqlRowEncoder(table.columns());
 * enc.encode(values, sink);      // (1,'a',X'00FF')
 * }</pre>
 */
public final class SqlRowEncoder {
    private static final Set<String> UTF8 = Set.of("utf8", "utf8mb3", "utf8mb4");
    private static final Set<String> NOT_ASCII_COMPATIBLE = Set.of("ucs2", "utf16", "utf16le", "utf32");

    private enum Kind { BARE, HEX, JSON, TEXT, QUOTED }

    private final Kind[] kinds;
    private final String[] charsets;

    /** @param columns the dumped columns, in file order */
    public SqlRowEncoder(List<ColumnEntry> columns) {
        kinds = new Kind[columns.size()];
        charsets = new String[columns.size()];
        for (int i = 0; i < kinds.length; i++) {
            ColumnEntry c = columns.get(i);
            charsets[i] = c.charset() == null ? null : c.charset().toLowerCase(Locale.ROOT);
            if (c.encoding() == ValueEncoding.HEX || ColumnTypes.isBinaryString(c.dataType())) {
                kinds[i] = Kind.HEX;
            } else if (c.encoding() == ValueEncoding.JSON) {
                kinds[i] = Kind.JSON;
            } else if (ColumnTypes.isNumeric(c.dataType())) {
                kinds[i] = Kind.BARE;
            } else if (ColumnTypes.isTemporal(c.dataType()) || charsets[i] == null) {
                kinds[i] = Kind.QUOTED;
            } else {
                kinds[i] = Kind.TEXT;
            }
        }
    }

    /** @return the column list {@code (`a`,`b`)} for the INSERT statement */
    public static String columnList(List<ColumnEntry> columns) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < columns.size(); i++) {
            sb.append(i == 0 ? "" : ",").append(ColumnTypes.quote(columns.get(i).name()));
        }
        return sb.append(')').toString();
    }

    /** Appends one tuple {@code (v1,...,vn)}; each value is copied out of its slice (the flat format is the fast one). */
    public void encode(RowValues values, ByteSink sink) {
        byte[][] copies = new byte[values.size()][];
        for (int i = 0; i < copies.length; i++) {
            copies[i] = values.copy(i);
        }
        encode(copies, sink);
    }

    /** Appends one tuple {@code (v1,...,vn)}. */
    public void encode(byte[][] values, ByteSink sink) {
        sink.write('(');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sink.write(',');
            }
            byte[] v = values[i];
            if (v == null) {
                sink.writeAscii("NULL");
                continue;
            }
            switch (kinds[i]) {
                case BARE -> {
                    if (v.length == 2 && v[0] == '-' && v[1] == '0') {
                        sink.writeAscii("-0e0");    // the integer literal -0 is 0; a double's -0.0 keeps its sign
                    } else {
                        sink.write(v);
                    }
                }
                case HEX -> hexLiteral(v, sink);
                case QUOTED -> quoted(v, sink);
                case JSON -> {
                    if (validUtf8(v)) {
                        quoted(v, sink);
                    } else {
                        sink.writeAscii("CONVERT(");
                        hexLiteral(v, sink);
                        sink.writeAscii(" USING utf8mb4)");
                    }
                }
                case TEXT -> text(v, charsets[i], sink);
                default -> throw new IllegalStateException();
            }
        }
        sink.write(')');
    }

    private static void text(byte[] v, String charset, ByteSink sink) {
        boolean asIs = UTF8.contains(charset) ? validUtf8(v) : !NOT_ASCII_COMPATIBLE.contains(charset) && ascii(v);
        if (asIs) {
            quoted(v, sink);
        } else {
            sink.write('_');
            sink.writeAscii(charset);
            sink.write(' ');
            hexLiteral(v, sink);
        }
    }

    private static void hexLiteral(byte[] v, ByteSink sink) {
        sink.write('X');
        sink.write('\'');
        FlatCodec.hex(v, sink);
        sink.write('\'');
    }

    private static void quoted(byte[] v, ByteSink sink) {
        sink.write('\'');
        for (byte b : v) {
            switch (b) {
                case '\\' -> sink.writeAscii("\\\\");
                case '\'' -> sink.writeAscii("\\'");
                case 0 -> sink.writeAscii("\\0");
                case '\n' -> sink.writeAscii("\\n");
                case '\r' -> sink.writeAscii("\\r");
                case '\t' -> sink.writeAscii("\\t");
                case 0x1A -> sink.writeAscii("\\Z");
                default -> sink.write(b);
            }
        }
        sink.write('\'');
    }

    private static boolean ascii(byte[] v) {
        for (byte b : v) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean validUtf8(byte[] v) {
        if (ascii(v)) {
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(v));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
