package io.github.auroramigrate.core.internal.format;

import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.internal.manifest.ValueEncoding;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** A deliberately simple, separate parser of the flat format for tests: split lines, split fields, unescape. */
final class FlatTestParser {
    private FlatTestParser() {
    }

    static List<byte[][]> parse(byte[] data, List<ColumnEntry> columns) {
        List<byte[][]> rows = new ArrayList<>();
        List<byte[]> fields = new ArrayList<>();
        ByteArrayOutputStream field = new ByteArrayOutputStream();
        boolean escaped = false;
        for (byte c : data) {
            if (escaped) {
                field.write('\\');
                field.write(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '\t' || c == '\n') {
                fields.add(field.toByteArray());
                field.reset();
                if (c == '\n') {
                    byte[][] row = new byte[fields.size()][];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = decode(fields.get(i), columns.get(i).encoding());
                    }
                    rows.add(row);
                    fields.clear();
                }
            } else {
                field.write(c);
            }
        }
        return rows;
    }

    private static byte[] decode(byte[] raw, ValueEncoding encoding) {
        if (raw.length == 2 && raw[0] == '\\' && raw[1] == 'N') {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\\') {
                out.write(FlatCodec.unescape(raw[++i]));
            } else {
                out.write(raw[i]);
            }
        }
        byte[] v = out.toByteArray();
        return encoding == ValueEncoding.HEX ? FlatCodec.unhex(new String(v, java.nio.charset.StandardCharsets.US_ASCII)) : v;
    }
}
