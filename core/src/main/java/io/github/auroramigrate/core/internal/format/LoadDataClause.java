package io.github.auroramigrate.core.internal.format;

import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import java.util.List;

/**
 * Builds the {@code LOAD DATA} statement that loads a flat chunk file unchanged (docs/dump-format.md,
 * section 3).
 *
 * <pre>{@code
 * String sql = LoadDataClause.statement("target_schema", table, "chunk.tsv");
 * // LOAD DATA LOCAL INFILE 'chunk.tsv' INTO TABLE `target_schema`.`t` CHARACTER SET binary
 * //   FIELDS TERMINATED BY '\t' ENCLOSED BY '' ESCAPED BY '\\' LINES STARTING BY '' TERMINATED BY '\n'
 * //   (`id`,@c1) SET `bits`=UNHEX(@c1)
 * }</pre>
 *
 * <p>Stateless and thread-safe. The statement uses backslash escapes in its literals: run it in a session
 * without {@code NO_BACKSLASH_ESCAPES}, with {@code time_zone = '+00:00'}.
 */
public final class LoadDataClause {
    /** The format options, between the table and the column list. */
    public static final String FORMAT_OPTIONS = "CHARACTER SET binary FIELDS TERMINATED BY '\\t' ENCLOSED BY '' "
            + "ESCAPED BY '\\\\' LINES STARTING BY '' TERMINATED BY '\\n'";

    private LoadDataClause() {
    }

    /**
     * The column list and SET clause for a table's dumped columns, e.g. {@code (`a`,@c1) SET `b`=UNHEX(@c1)}:
     * HEX columns go through {@code UNHEX}, JSON columns through {@code CONVERT(... USING utf8mb4)}.
     */
    public static String columns(List<ColumnEntry> columns) {
        StringBuilder list = new StringBuilder("(");
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            ColumnEntry c = columns.get(i);
            String q = ColumnTypes.quote(c.name());
            list.append(i == 0 ? "" : ",");
            switch (c.encoding()) {
                case TEXT -> list.append(q);
                case HEX -> {
                    list.append("@c").append(i);
                    set.append(set.isEmpty() ? " SET " : ",").append(q).append("=UNHEX(@c").append(i).append(')');
                }
                case JSON -> {
                    list.append("@c").append(i);
                    set.append(set.isEmpty() ? " SET " : ",").append(q).append("=CONVERT(@c").append(i).append(" USING utf8mb4)");
                }
                default -> throw new IllegalStateException();
            }
        }
        return list.append(')').append(set).toString();
    }

    /** {@code LOAD DATA LOCAL INFILE} for a table's chunk, into {@code schema.table} (names may differ from the source). */
    public static String statement(String schema, TableEntry table, String fileName) {
        return statement(schema, table.name(), table.columns(), fileName, true);
    }

    /**
     * The full statement.
     *
     * @param schema   target schema, or null for an unqualified table name
     * @param table    target table name
     * @param columns  the dumped columns ({@link TableEntry#columns()})
     * @param fileName the file name to put in the statement (for LOCAL with an InputStream, any name)
     * @param local    whether to use {@code LOCAL}
     */
    public static String statement(String schema, String table, List<ColumnEntry> columns, String fileName, boolean local) {
        String target = (schema == null ? "" : ColumnTypes.quote(schema) + ".") + ColumnTypes.quote(table);
        return "LOAD DATA " + (local ? "LOCAL " : "") + "INFILE " + stringLiteral(fileName) + " INTO TABLE " + target + " "
                + FORMAT_OPTIONS + " " + columns(columns);
    }

    private static String stringLiteral(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
