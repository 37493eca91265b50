package io.github.auroramigrate.core.verify;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Verify} found for one table.
 *
 * <pre>{@code
 * result.tables().stream().filter(t -> !t.ok()).forEach(t -> log.warn("{}: {}", t.qualifiedName(), t.differences()));
 * }</pre>
 *
 * @param schema       the schema
 * @param table        the table
 * @param expectedRows rows on the source (or in the manifest)
 * @param actualRows   rows on the target (-1 when the table is missing)
 * @param chunks       key ranges compared (1 for a table compared as a whole)
 * @param differences  what differs, empty when equal
 */
public record TableVerification(String schema, String table, long expectedRows, long actualRows, int chunks,
        List<Difference> differences) {
    /** Validates and copies. */
    public TableVerification {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        differences = List.copyOf(differences);
    }

    /** @return true when the target holds exactly the expected rows */
    public boolean ok() {
        return differences.isEmpty();
    }

    /** @return {@code schema.table} */
    public String qualifiedName() {
        return schema + "." + table;
    }
}
