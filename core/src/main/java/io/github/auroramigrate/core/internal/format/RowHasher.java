package io.github.auroramigrate.core.internal.format;

import io.github.auroramigrate.core.Checksum;
import java.util.zip.CRC32;

/**
 * Computes the row hash of docs/dump-format.md section 4 from a row's raw values, incrementally:
 * {@code CRC32(CONCAT_WS('#', v1, ..., vn, CONCAT(ISNULL(v1), ..., ISNULL(vn))))}, and folds rows into a
 * {@link Checksum}. Not thread-safe; one per worker.
 *
 * <pre>{@code
 * RowHasher h = new RowHasher(columnCount);
 * long hash = h.hash(rowValues);
 * }</pre>
 */
public final class RowHasher {
    private final CRC32 crc = new CRC32();
    private final byte[] flags;
    private int column;
    private boolean anyValue;

    /** @param columns number of columns per row */
    public RowHasher(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("a row has at least one column");
        }
        flags = new byte[columns];
    }

    /** @return the hash of a complete row */
    public long hash(RowValues values) {
        if (values.size() != flags.length) {
            throw new IllegalArgumentException("expected " + flags.length + " values, got " + values.size());
        }
        startRow();
        for (int i = 0; i < flags.length; i++) {
            if (values.isNull(i)) {
                nullValue();
            } else {
                startValue();
                valueBytes(values.array(i), values.offset(i), values.length(i));
                endValue();
            }
        }
        return endRow();
    }

    /** Starts a row for incremental hashing. */
    public void startRow() {
        crc.reset();
        column = 0;
        anyValue = false;
    }

    /** The next column is NULL. */
    public void nullValue() {
        flags[column++] = '1';
    }

    /** The next column has a value; its bytes follow through {@link #valueBytes}. */
    public void startValue() {
        if (anyValue) {
            crc.update('#');
        }
        anyValue = true;
    }

    /** More bytes of the current value. */
    public void valueBytes(byte[] b, int off, int len) {
        crc.update(b, off, len);
    }

    /** One more byte of the current value. */
    public void valueByte(int b) {
        crc.update(b);
    }

    /** Ends the current (non-NULL) value. */
    public void endValue() {
        flags[column++] = '0';
    }

    /** @return how many columns of the current row were seen */
    public int columnsSeen() {
        return column;
    }

    /** @return the hash of the row; every column must have been seen */
    public long endRow() {
        if (column != flags.length) {
            throw new IllegalStateException("row has " + column + " of " + flags.length + " columns");
        }
        if (anyValue) {
            crc.update('#');
        }
        crc.update(flags, 0, flags.length);
        return crc.getValue();
    }
}
