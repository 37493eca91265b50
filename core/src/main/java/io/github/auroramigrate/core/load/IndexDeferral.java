package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a {@code SHOW CREATE TABLE} statement into the table without its secondary indexes and the indexes, and adds
 * them back after the data, exactly once: the ALTER is journaled, and when an earlier run's ALTER finished but its
 * journal row was not written (a crash in between), the indexes are found present and only recorded. Stateless.
 */
final class IndexDeferral {
    private static final Pattern INDEX = Pattern.compile("^\\s*(UNIQUE KEY|KEY|UNIQUE INDEX|INDEX) `((?:[^`]|``)+)`.*$");

    /** A CREATE TABLE split in two. */
    record Split(String createTable, List<String> indexes, List<String> names) {
        boolean deferred() {
            return !indexes.isEmpty();
        }
    }

    private IndexDeferral() {
    }

    /** Splits, or returns the statement unchanged (no indexes) for tables with foreign keys or no secondary index. */
    static Split split(String createTable) {
        String upper = createTable.toUpperCase(Locale.ROOT);
        if (!upper.stripLeading().startsWith("CREATE TABLE") || upper.contains("FOREIGN KEY")) {
            return new Split(createTable, List.of(), List.of());
        }
        String[] lines = createTable.split("\n", -1);
        List<String> kept = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String line : lines) {
            Matcher m = INDEX.matcher(line);
            if (m.matches()) {
                String def = line.strip();
                indexes.add(def.endsWith(",") ? def.substring(0, def.length() - 1) : def);
                names.add(m.group(2).replace("``", "`"));
            } else {
                kept.add(line);
            }
        }
        if (indexes.isEmpty()) {
            return new Split(createTable, List.of(), List.of());
        }
        // the line before ") ENGINE=..." must not end with a comma any more
        for (int i = 1; i < kept.size(); i++) {
            if (kept.get(i).startsWith(")")) {
                String prev = kept.get(i - 1);
                if (prev.endsWith(",")) {
                    kept.set(i - 1, prev.substring(0, prev.length() - 1));
                }
                break;
            }
        }
        return new Split(String.join("\n", kept), List.copyOf(indexes), List.copyOf(names));
    }

    /**
     * @param rewrite the load's transform: the ALTER goes through it (a schema rename, a version downgrade) and through
     *                the {@link TargetGuard}, as the CREATE TABLE it was split from did
     * @return whether the indexes were added by this call (false: journaled or found present)
     */
    static boolean addIndexes(Connection c, LoadJournal journal, String schema, String table, Split split, String endpoint,
            ScriptRunner.Rewriter rewrite) throws SQLException {
        String key = "index:" + schema + "." + table;
        String journalKey = key.length() <= 190 ? key : key.substring(0, 190);
        if (journal.isLoaded(c, journalKey)) {
            return false;
        }
        String alter = "ALTER TABLE " + ChunkLoader.quote(schema) + "." + ChunkLoader.quote(table) + " "
                + String.join(", ", split.indexes().stream().map(d -> "ADD " + d).toList());
        List<io.github.auroramigrate.core.sql.Statement> statements = rewrite.forScript(new SqlScript() {
            @Override
            public String name() {
                return key;
            }

            @Override
            public java.util.Optional<String> schema() {
                return java.util.Optional.of(schema);
            }

            @Override
            public java.io.InputStream open() {
                return java.io.InputStream.nullInputStream();
            }
        }).apply(io.github.auroramigrate.core.sql.Statement.of(alter));
        TargetGuard guard = new TargetGuard();
        boolean added = true;
        try (Statement st = c.createStatement()) {
            for (io.github.auroramigrate.core.sql.Statement s : statements) {
                guard.check(c, s, endpoint);
                try {
                    st.execute(s.text());
                } catch (SQLException e) {
                    String[] at = s.objectName().map(n -> new String[] {n.schemaOr(schema), n.name()})
                            .orElse(new String[] {schema, table});
                    List<String> names = split.names().stream().filter(n -> s.text().contains(ChunkLoader.quote(n))).toList();
                    if (e.getErrorCode() != 1061 || !present(c, at[0], at[1], names)) { // 1061: duplicate key name
                        throw new LoadException(ErrorCatalog.diagnose(e, endpoint), schema + "." + table, null, e);
                    }
                    added = false; // an earlier run's ALTER finished; only its journal row is missing
                }
            }
        }
        journal.record(c, journalKey, schema + "." + table, 0, "");
        return added;
    }

    private static boolean present(Connection c, String schema, String table, List<String> names) throws SQLException {
        Set<String> found = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT index_name FROM information_schema.statistics "
                + "WHERE table_schema = ? AND table_name = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return names.stream().allMatch(n -> found.contains(n.toLowerCase(Locale.ROOT)));
    }
}
