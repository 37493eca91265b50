package io.github.auroramigrate.core.verify;

import io.github.auroramigrate.core.Checksum;
import java.util.List;
import java.util.Objects;

/**
 * One difference found by {@link Verify} in a table's rows: a key range (chunk) of a table whose rows differ, or a
 * table that is missing or has other columns on the target. A range whose checksums differ is re-checked with
 * type-aware values before it is reported; {@link #rows()} then lists the rows that differ.
 *
 * <pre>{@code
 * for (Difference d : result.differences()) {
 *     log.warn("{}.{} differs where {}: {} vs {}", d.schema(), d.table(), d.range(), d.expected(), d.actual());
 *     d.rows().forEach(r -> log.warn("  {} {} {}", r.type(), r.key(), r.column()));
 * }
 * }</pre>
 *
 * @param kind     what differs
 * @param schema   the schema
 * @param table    the table
 * @param chunk    1-based index of the key range, 0 for the whole table
 * @param lower    exclusive lower key bound (docs/dump-format.md 2.3 text form), null when unbounded or whole table
 * @param upper    inclusive upper key bound, null when unbounded or whole table
 * @param range    the range as an SQL predicate over the key columns, e.g. {@code `id` > 1000 AND `id` <= 2000}
 * @param expected the checksum on the source (or in the manifest), null when not applicable
 * @param actual   the checksum on the target, null when not applicable
 * @param rows     the rows that differ, as the re-check found them (at most {@value RowRecheck#MAX_LISTED}); empty
 *                 when the range was not re-checked or for a missing table
 * @param rechecked whether the range was re-checked with type-aware values (false when it could not be: a dump
 *                 chunk no longer in the store, e.g. after a {@code Copy}, or an SQL-format chunk)
 */
public record Difference(Kind kind, String schema, String table, int chunk, List<String> lower, List<String> upper,
        String range, Checksum expected, Checksum actual, List<RowDifference> rows, boolean rechecked) {

    /** What kind of difference. */
    public enum Kind {
        /** The rows of the key range differ (changed, extra or missing rows). */
        ROWS_DIFFER,
        /** The table does not exist on the target. */
        TABLE_MISSING,
        /** The table's (non-generated) columns differ by name or order. */
        COLUMNS_DIFFER
    }

    /** Validates and copies. */
    public Difference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(range, "range");
        lower = lower == null ? null : List.copyOf(lower);
        upper = upper == null ? null : List.copyOf(upper);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /** A difference that was not re-checked (a missing table, other columns, or no way to re-check). */
    public Difference(Kind kind, String schema, String table, int chunk, List<String> lower, List<String> upper,
            String range, Checksum expected, Checksum actual) {
        this(kind, schema, table, chunk, lower, upper, range, expected, actual, List.of(), false);
    }

    /** @return how many more rows the target has in the range than expected (negative: missing rows) */
    public long rowDelta() {
        return expected == null || actual == null ? 0 : actual.rows() - expected.rows();
    }
}
