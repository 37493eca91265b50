package io.github.auroramigrate.core.internal.checksum;

import io.github.auroramigrate.core.Checksum;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a dumped table's manifest entry with a server, chunk by chunk (or as a whole for tables dumped
 * without a key), using {@link ChunkChecksum}.
 *
 * <pre>{@code
 * List<TableChecksum.Mismatch> diff = TableChecksum.compare(connection, "myschema", tableEntry);
 * if (!diff.isEmpty()) { ... }
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class TableChecksum {
    private TableChecksum() {
    }

    /**
     * A chunk (or the whole table, {@code chunk == 0}) whose checksum differs.
     *
     * @param table    table name
     * @param chunk    chunk index, or 0 for the whole table
     * @param expected what the manifest says
     * @param actual   what the server has
     */
    public record Mismatch(String table, int chunk, Checksum expected, Checksum actual) {
    }

    /**
     * @param connection a connection to the server to check
     * @param schema     the schema holding the table there
     * @param table      the manifest's entry (complete)
     * @return the mismatches, empty when the server holds exactly the dumped rows
     */
    public static List<Mismatch> compare(Connection connection, String schema, TableEntry table) {
        List<Mismatch> out = new ArrayList<>();
        Checksum expectedTotal = Checksum.EMPTY;
        for (ChunkEntry c : table.chunks()) {
            expectedTotal = expectedTotal.plus(c.checksum());
        }
        boolean ranged = !table.chunking().key().isEmpty();
        if (ranged) {
            for (ChunkEntry c : table.chunks()) {
                Checksum actual = ChunkChecksum.of(connection, schema, table, c);
                if (!actual.equals(c.checksum())) {
                    out.add(new Mismatch(table.name(), c.index(), c.checksum(), actual));
                }
            }
        }
        if (!ranged || out.isEmpty()) {
            Checksum actual = ChunkChecksum.ofTable(connection, schema, table);
            if (!actual.equals(expectedTotal)) {
                out.add(new Mismatch(table.name(), 0, expectedTotal, actual));
            }
        }
        return out;
    }
}
