package io.github.auroramigrate.core.internal.format;

import java.util.Arrays;

/**
 * One row's raw values as slices of byte arrays, reused from row to row: value {@code i} is
 * {@code length(i)} bytes of {@code array(i)} from {@code offset(i)}, or SQL NULL. Lets a reader hand over values
 * that live in a larger buffer (a protocol packet) without copying each into an array of its own. Not thread-safe.
 *
 * <pre>{@code
 * RowValues row = new RowValues(3);
 * row.set(0, packet, 1, 4);   // 4 bytes of packet from index 1
 * row.set(1, "x".getBytes()); // a whole array
 * row.setNull(2);
 * writer.writeRow(row);
 * }</pre>
 */
public final class RowValues {
    private final byte[][] arrays;
    private final int[] offsets;
    private final int[] lengths;

    /** @param columns values per row, at least 1 */
    public RowValues(int columns) {
        if (columns < 1) {
            throw new IllegalArgumentException("a row has at least one column");
        }
        arrays = new byte[columns][];
        offsets = new int[columns];
        lengths = new int[columns];
    }

    /** @return values per row */
    public int size() {
        return lengths.length;
    }

    /** Value {@code i} is {@code length} bytes of {@code array} from {@code offset}. */
    public void set(int i, byte[] array, int offset, int length) {
        arrays[i] = array;
        offsets[i] = offset;
        lengths[i] = length;
    }

    /** Value {@code i} is the whole of {@code value}, or NULL when it is {@code null}. */
    public void set(int i, byte[] value) {
        if (value == null) {
            setNull(i);
        } else {
            set(i, value, 0, value.length);
        }
    }

    /** Value {@code i} is SQL NULL. */
    public void setNull(int i) {
        arrays[i] = null;
        lengths[i] = -1;
    }

    /** Sets every value from whole arrays ({@code null} for NULL). */
    public void setAll(byte[][] values) {
        if (values.length != lengths.length) {
            throw new IllegalArgumentException("expected " + lengths.length + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            set(i, values[i]);
        }
    }

    /** @return whether value {@code i} is NULL */
    public boolean isNull(int i) {
        return lengths[i] < 0;
    }

    /** @return the array holding value {@code i} ({@code null} for NULL) */
    public byte[] array(int i) {
        return arrays[i];
    }

    /** @return where value {@code i} starts in {@link #array} */
    public int offset(int i) {
        return offsets[i];
    }

    /** @return the length of value {@code i} in bytes, or -1 for NULL */
    public int length(int i) {
        return lengths[i];
    }

    /** @return a copy of value {@code i} in an array of its own, or {@code null} for NULL */
    public byte[] copy(int i) {
        return isNull(i) ? null : Arrays.copyOfRange(arrays[i], offsets[i], offsets[i] + lengths[i]);
    }
}
