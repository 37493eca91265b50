package io.github.auroramigrate.core.internal.manifest;

/**
 * A table's size as estimated when the dump started: enough to decide how to load it (e.g. whether to defer its
 * secondary indexes) before its chunks are written.
 *
 * @param rows  estimated rows ({@code information_schema.TABLES.TABLE_ROWS}; InnoDB's figure can be off by tens of
 *              percent)
 * @param bytes estimated bytes of the table's chunk files, uncompressed: the rows times the average size of a sample of
 *              rows (dumps written before that recorded {@code DATA_LENGTH})
 */
public record SizeEstimate(long rows, long bytes) {
    /** Validates. */
    public SizeEstimate {
        if (rows < 0 || bytes < 0) {
            throw new IllegalArgumentException("estimates are >= 0: rows " + rows + ", bytes " + bytes);
        }
    }
}
