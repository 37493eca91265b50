package io.github.auroramigrate.core.internal.format;

import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.internal.manifest.ValueEncoding;
import java.util.List;

/**
 * Encodes rows as lines of the flat format: fields separated by TAB, NULL as {@code \N}, each value escaped or
 * hex-encoded by its column's {@link ValueEncoding}, LF at the end. Not thread-safe.
 *
 * <pre>{@code
 * FlatRowEncoder enc = new FlatRowEncoder(table.columns());
 * enc.encode(rowValues, sink);
 * }</pre>
 */
public final class FlatRowEncoder {
    private final boolean[] hex;

    /** @param columns the dumped columns, in file order */
    public FlatRowEncoder(List<ColumnEntry> columns) {
        hex = new boolean[columns.size()];
        for (int i = 0; i < hex.length; i++) {
            hex[i] = columns.get(i).encoding() == ValueEncoding.HEX;
        }
    }

    /** Appends one row, with its line terminator. */
    public void encode(RowValues values, ByteSink sink) {
        for (int i = 0, n = values.size(); i < n; i++) {
            if (i > 0) {
                sink.write(FlatCodec.FIELD);
            }
            int length = values.length(i);
            if (length < 0) {
                sink.write('\\');
                sink.write('N');
            } else if (hex[i]) {
                FlatCodec.hex(values.array(i), values.offset(i), length, sink);
            } else {
                FlatCodec.escape(values.array(i), values.offset(i), length, sink);
            }
        }
        sink.write(FlatCodec.LINE);
    }
}
