package io.github.auroramigrate.core.verify;

import io.github.auroramigrate.core.Checksum;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.internal.checksum.ChunkChecksum;
import io.github.auroramigrate.core.internal.checksum.KeyRangePredicate;
import io.github.auroramigrate.core.internal.format.ColumnTypes;
import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.internal.manifest.KeyColumn;
import io.github.auroramigrate.core.internal.manifest.KeyKind;
import io.github.auroramigrate.core.sql.SystemSchemas;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a row verification asks a server about a table: its tables, stored columns, primary key, row count, the
 * boundaries of its ranges and a range's checksum. Each failure is diagnosed naming the server it ran on. Stateless.
 */
final class TableCatalog {
    private TableCatalog() {
    }

    /** The stored (non-generated) columns in table order, or empty when the table does not exist. */
    static Optional<List<ColumnEntry>> columns(Connection c, String schema, String table, Endpoint on) {
        return query(c, on, () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT column_name, data_type, column_type, character_set_name, "
                    + "extra FROM information_schema.columns WHERE table_schema = ? AND table_name = ? "
                    + "ORDER BY ordinal_position")) {
                ps.setString(1, schema);
                ps.setString(2, table);
                List<ColumnEntry> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String extra = String.valueOf(rs.getString(5)).toUpperCase(Locale.ROOT);
                        if (extra.contains("GENERATED") && !extra.contains("DEFAULT_GENERATED")
                                || extra.contains("VIRTUAL") || extra.contains("STORED") || extra.contains("PERSISTENT")) {
                            continue;
                        }
                        String type = rs.getString(2).toLowerCase(Locale.ROOT);
                        out.add(new ColumnEntry(rs.getString(1), type, rs.getString(3), rs.getString(4),
                                ColumnTypes.encoding(type)));
                    }
                }
                return out.isEmpty() ? Optional.<List<ColumnEntry>>empty() : Optional.of(out);
            }
        });
    }

    /** The primary key as chunking columns, or empty when there is none or a column's order differs from its text. */
    static List<KeyColumn> primaryKey(Connection c, String schema, String table, List<ColumnEntry> cols,
            Endpoint on) {
        return query(c, on, () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT column_name, sub_part FROM information_schema.statistics "
                    + "WHERE table_schema = ? AND table_name = ? AND index_name = 'PRIMARY' ORDER BY seq_in_index")) {
                ps.setString(1, schema);
                ps.setString(2, table);
                List<KeyColumn> key = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        Optional<ColumnEntry> col = cols.stream().filter(x -> x.name().equalsIgnoreCase(name)).findFirst();
                        Optional<KeyKind> kind = col.flatMap(x -> ColumnTypes.keyKind(x.dataType()));
                        if (rs.getObject(2) != null || kind.isEmpty()) {
                            return List.<KeyColumn>of();
                        }
                        key.add(new KeyColumn(col.get().name(), kind.get(),
                                kind.get() == KeyKind.STRING ? col.get().charset() : null));
                    }
                }
                return key;
            }
        });
    }

    /** The base tables of the schemas, as (schema, table), without the system's and the library's. */
    static List<String[]> baseTables(Connection c, List<String> schemas, Endpoint on) {
        if (schemas.isEmpty()) {
            return List.of();
        }
        String marks = schemas.stream().map(x -> "?").collect(Collectors.joining(","));
        return query(c, on, () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT table_schema, table_name FROM information_schema.tables "
                    + "WHERE table_type = 'BASE TABLE' AND table_schema IN (" + marks + ") ORDER BY table_schema, table_name")) {
                for (int i = 0; i < schemas.size(); i++) {
                    ps.setString(i + 1, schemas.get(i));
                }
                List<String[]> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!SystemSchemas.excluded(rs.getString(1))) {
                            out.add(new String[] {rs.getString(1), rs.getString(2)});
                        }
                    }
                }
                return out;
            }
        });
    }

    static long count(Connection c, String schema, String table, Endpoint on) {
        return query(c, on, () -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM "
                    + ColumnTypes.quote(schema) + "." + ColumnTypes.quote(table))) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** The next boundary after {@code lower}: the key of the chunkRows-th row, or null when fewer rows remain. */
    static List<String> next(Connection c, String schema, String table, List<KeyColumn> key, List<String> lower,
            int chunkRows, Endpoint on) {
        String exprs = key.stream().map(k -> k.kind() == KeyKind.STRING || k.kind() == KeyKind.BINARY
                ? "HEX(" + ColumnTypes.quote(k.name()) + ")" : "CAST(" + ColumnTypes.quote(k.name()) + " AS CHAR)")
                .collect(Collectors.joining(", "));
        String order = key.stream().map(k -> ColumnTypes.quote(k.name())).collect(Collectors.joining(", "));
        String sql = "SELECT " + exprs + " FROM " + ColumnTypes.quote(schema) + "." + ColumnTypes.quote(table) + " WHERE "
                + KeyRangePredicate.sql(key, lower, null) + " ORDER BY " + order + " LIMIT 1 OFFSET " + (chunkRows - 1);
        return query(c, on, () -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                if (!rs.next()) {
                    return null;
                }
                List<String> b = new ArrayList<>();
                for (int i = 1; i <= key.size(); i++) {
                    b.add(rs.getString(i));
                }
                return b;
            }
        });
    }

    static Checksum checksum(Connection c, String schema, String table, List<ColumnEntry> cols, String predicate,
            Endpoint on) {
        try {
            return ChunkChecksum.of(c, schema, table, cols, predicate);
        } catch (MigrationException e) {
            throw new MigrationException(e.diagnosis().withEndpoint(on.describe()), e.getCause());
        }
    }

    /** A catalog query. */
    interface SqlCall<T> {
        T call() throws SQLException;
    }

    /** Runs a query; a failure becomes the diagnosed exception naming the server. */
    static <T> T query(Connection c, Endpoint on, SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw ErrorCatalog.toException(e, on.describe(), false);
        }
    }
}
