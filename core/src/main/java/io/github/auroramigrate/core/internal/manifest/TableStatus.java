package io.github.auroramigrate.core.internal.manifest;

/**
 * How far the data of one table has been dumped.
 *
 * <pre>{@code
 * if (table.status() == TableStatus.COMPLETE) { ... no chunk will be added ... }
 * }</pre>
 */
public enum TableStatus {
    /** DDL written, no data read yet. */
    PENDING,
    /** Some chunks may be listed; more will come. */
    IN_PROGRESS,
    /** All chunks are listed; rows and checksum are set. */
    COMPLETE
}
