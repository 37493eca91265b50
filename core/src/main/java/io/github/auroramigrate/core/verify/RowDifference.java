package io.github.auroramigrate.core.verify;

import java.util.List;
import java.util.Objects;

/**
 * One row that differs inside a key range whose checksums differed and whose difference survived the type-aware
 * re-check of {@link Verify}: missing on the target, extra there, or with a column value that differs.
 *
 * <pre>{@code
 * for (RowDifference r : difference.rows()) {
 *     log.warn("{} key={} column={}: {} vs {}", r.type(), r.key(), r.column(), r.expected(), r.actual());
 * }
 * }</pre>
 *
 * @param type     missing, extra or value
 * @param key      the row's key values (display form), null for a table without a usable key
 * @param column   the column whose value differs ({@link Type#VALUE}), else null
 * @param expected the expected value (or the whole row, for a missing row), display form, null when absent or NULL
 * @param actual   the target's value (or row, for an extra row), display form, null when absent or NULL
 * @param count    how many such rows (copies of one row in a table without a key; else 1)
 */
public record RowDifference(Type type, List<String> key, String column, String expected, String actual, long count) {
    /** What kind of row difference. */
    public enum Type {
        /** The expected row is not on the target. */
        MISSING,
        /** The target has a row that was not expected. */
        EXTRA,
        /** The row is on both, one column's value differs. */
        VALUE
    }

    /** Validates and copies. */
    public RowDifference {
        Objects.requireNonNull(type, "type");
        key = key == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(key));
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
    }
}
