package io.github.auroramigrate.core.verify;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.format.ColumnTypes;
import io.github.auroramigrate.core.manifest.Checksum;
import io.github.auroramigrate.core.manifest.ChunkEntry;
import io.github.auroramigrate.core.manifest.ColumnEntry;
import io.github.auroramigrate.core.manifest.DumpStatus;
import io.github.auroramigrate.core.manifest.KeyColumn;
import io.github.auroramigrate.core.manifest.KeyKind;
import io.github.auroramigrate.core.manifest.Manifest;
import io.github.auroramigrate.core.manifest.ManifestIO;
import io.github.auroramigrate.core.manifest.SchemaEntry;
import io.github.auroramigrate.core.manifest.TableEntry;
import io.github.auroramigrate.core.store.DumpStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares table contents by row counts and chunked checksums (docs/dump-format.md section 4), computed in SQL on
 * each server, one primary-key range at a time so that a big table never needs one giant query. Two modes:
 *
 * <pre>{@code
 * // source vs target (e.g. at cut-over, with writes stopped and replication caught up)
 * VerifyResult r = Verify.between(source, target).schemas("shop").chunkRows(100_000).build().run();
 * // a dump's manifest vs the target it was loaded into
 * VerifyResult m = Verify.manifest(DumpStores.directory(Path.of("shop_dump"))).against(target).build().run();
 * r.differences().forEach(d -> log.warn("{}.{} where {}", d.schema(), d.table(), d.range()));
 * }</pre>
 *
 * <p>{@code between}: the tables are those of the source schemas (base tables, generated columns left out); ranges
 * are cut on the source by walking its primary key ({@code chunkRows} rows each), and both servers checksum the same
 * ranges, which together cover the whole key space: a row the target has and the source has not falls into some
 * range too. Tables without a primary key (or with a key of a type whose order differs from its text, like FLOAT) are
 * compared as a whole. {@code manifest}: the ranges are the dump's chunks. A difference names the table, the range
 * (as bounds and as an SQL predicate) and both checksums. The servers must not change during the comparison
 * (stop writes, or verify a target before replication starts).
 *
 * <p>A configured {@code Verify} is immutable and thread-safe; {@link #run()} holds one connection per server while
 * it runs.
 */
public final class Verify {
    private static final Logger LOG = LoggerFactory.getLogger(Verify.class);
    private static final Set<String> SYSTEM = Set.of("mysql", "sys", "information_schema", "performance_schema",
            "aurora_migrate");

    private final Endpoint source;
    private final DumpStore store;
    private final Endpoint target;
    private final List<String> schemas;
    private final List<String> tables;
    private final int chunkRows;

    private Verify(Builder b) {
        this.target = Objects.requireNonNull(b.target, "against");
        this.source = b.source;
        this.store = b.store;
        this.schemas = List.copyOf(b.schemas);
        this.tables = List.copyOf(b.tables);
        this.chunkRows = b.chunkRows;
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be >= 1, was " + chunkRows);
        }
        if (source != null && schemas.isEmpty()) {
            throw new IllegalArgumentException("schemas(..) is required to verify between two servers");
        }
    }

    /**
     * Starts configuring a comparison of {@code source} and {@code target}: same schema and table names on both.
     *
     * @throws NullPointerException for a null endpoint
     */
    public static Builder between(Endpoint source, Endpoint target) {
        Builder b = new Builder();
        b.source = Objects.requireNonNull(source, "source");
        b.target = Objects.requireNonNull(target, "target");
        return b;
    }

    /**
     * Starts configuring a comparison of a complete dump's manifest with a server (set by
     * {@link Builder#against(Endpoint)}): every chunk's row count and checksum against the same key range there.
     *
     * @throws NullPointerException for a null store
     */
    public static Builder manifest(DumpStore store) {
        Builder b = new Builder();
        b.store = Objects.requireNonNull(store, "store");
        return b;
    }

    /**
     * Compares.
     *
     * @return per table row counts and differences
     * @throws MigrationException CORRUPT_FILE or INVALID_INPUT for a missing or incomplete manifest, a diagnosed
     *                            driver error when a query fails, or a ConnectionException when a server is unreachable
     */
    public VerifyResult run() {
        long start = System.nanoTime();
        List<TableVerification> out = new ArrayList<>();
        if (store != null) {
            Manifest m = ManifestIO.read(store);
            if (m.status() != DumpStatus.COMPLETE) {
                throw new MigrationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, "the dump in " + store.describe()
                        + " is " + m.status() + ", not COMPLETE: only a complete dump can be verified"));
            }
            try (Connection t = target.connect()) {
                for (SchemaEntry s : m.schemas()) {
                    if (!schemas.isEmpty() && !schemas.contains(s.name())) {
                        continue;
                    }
                    for (TableEntry te : s.tables()) {
                        if (selected(s.name(), te.name())) {
                            out.add(againstManifest(t, s.name(), te));
                        }
                    }
                }
            } catch (SQLException e) {
                throw ErrorCatalog.toException(e, target.describe(), false);
            }
        } else {
            try (Connection s = source.connect(); Connection t = target.connect()) {
                for (String[] st : baseTables(s)) {
                    if (selected(st[0], st[1])) {
                        out.add(between(s, t, st[0], st[1]));
                    }
                }
            } catch (SQLException e) {
                throw ErrorCatalog.toException(e, target.describe(), false);
            }
        }
        VerifyResult r = new VerifyResult(out, Duration.ofNanos(System.nanoTime() - start));
        LOG.info("{}", r.summary());
        return r;
    }

    private boolean selected(String schema, String table) {
        return tables.isEmpty() || tables.contains(table) || tables.contains(schema + "." + table);
    }

    private TableVerification againstManifest(Connection t, String schema, TableEntry te) {
        long expected = te.chunks().stream().mapToLong(ChunkEntry::rows).sum();
        Optional<List<ColumnEntry>> onTarget = columns(t, schema, te.name(), target);
        if (onTarget.isEmpty()) {
            return missing(schema, te.name(), expected);
        }
        List<String> names = te.columns().stream().map(ColumnEntry::name).toList();
        if (!names.equals(onTarget.get().stream().map(ColumnEntry::name).toList())) {
            return columnsDiffer(schema, te.name(), expected, names, onTarget.get());
        }
        List<Difference> diffs = new ArrayList<>();
        long actual = 0;
        boolean ranged = !te.chunking().key().isEmpty();
        if (ranged) {
            for (ChunkEntry c : te.chunks()) {
                String range = KeyRangePredicate.sql(te.chunking().key(), c.lower(), c.upper());
                Checksum a = checksum(t, schema, te.name(), te.columns(), withWhere(range, te.where()), target);
                actual += a.rows();
                if (!a.equals(c.checksum())) {
                    diffs.add(new Difference(Difference.Kind.ROWS_DIFFER, schema, te.name(), c.index(), c.lower(), c.upper(),
                            range, c.checksum(), a));
                }
            }
        }
        if (!ranged || te.chunks().isEmpty()) {
            Checksum e = te.chunks().stream().map(ChunkEntry::checksum).reduce(Checksum.EMPTY, Checksum::plus);
            Checksum a = checksum(t, schema, te.name(), te.columns(), withWhere("1=1", te.where()), target);
            actual = a.rows();
            if (!a.equals(e)) {
                diffs.add(new Difference(Difference.Kind.ROWS_DIFFER, schema, te.name(), 0, null, null, "1=1", e, a));
            }
        }
        return new TableVerification(schema, te.name(), expected, actual, ranged ? te.chunks().size() : 1, diffs);
    }

    private TableVerification between(Connection s, Connection t, String schema, String table) {
        List<ColumnEntry> cols = columns(s, schema, table, source).orElseThrow();
        Optional<List<ColumnEntry>> onTarget = columns(t, schema, table, target);
        if (onTarget.isEmpty()) {
            return missing(schema, table, count(s, schema, table));
        }
        List<String> names = cols.stream().map(ColumnEntry::name).toList();
        if (!names.equals(onTarget.get().stream().map(ColumnEntry::name).toList())) {
            return columnsDiffer(schema, table, count(s, schema, table), names, onTarget.get());
        }
        List<KeyColumn> key = primaryKey(s, schema, table, cols);
        List<List<String>> bounds = new ArrayList<>();
        bounds.add(null);
        if (!key.isEmpty()) {
            for (List<String> b = next(s, schema, table, key, null); b != null; b = next(s, schema, table, key, b)) {
                bounds.add(b);
            }
        }
        bounds.add(null);
        List<Difference> diffs = new ArrayList<>();
        long expected = 0;
        long actual = 0;
        int chunks = bounds.size() - 1;
        for (int i = 0; i < chunks; i++) {
            List<String> lo = bounds.get(i);
            List<String> hi = bounds.get(i + 1);
            String range = key.isEmpty() ? "1=1" : KeyRangePredicate.sql(key, lo, hi);
            Checksum e = checksum(s, schema, table, cols, range, source);
            Checksum a = checksum(t, schema, table, cols, range, target);
            expected += e.rows();
            actual += a.rows();
            if (!e.equals(a)) {
                diffs.add(new Difference(Difference.Kind.ROWS_DIFFER, schema, table, key.isEmpty() ? 0 : i + 1, lo, hi, range,
                        e, a));
            }
        }
        return new TableVerification(schema, table, expected, actual, chunks, diffs);
    }

    private static TableVerification missing(String schema, String table, long expected) {
        return new TableVerification(schema, table, expected, -1, 0, List.of(new Difference(Difference.Kind.TABLE_MISSING,
                schema, table, 0, null, null, "1=1", null, null)));
    }

    private static TableVerification columnsDiffer(String schema, String table, long expected, List<String> names,
            List<ColumnEntry> onTarget) {
        LOG.warn("verify: {}.{} has columns {} on the target, expected {}", schema, table,
                onTarget.stream().map(ColumnEntry::name).toList(), names);
        return new TableVerification(schema, table, expected, -1, 0, List.of(new Difference(Difference.Kind.COLUMNS_DIFFER,
                schema, table, 0, null, null, "1=1", null, null)));
    }

    /** The next boundary after {@code lower}: the key of the chunkRows-th row, or null when fewer rows remain. */
    private List<String> next(Connection c, String schema, String table, List<KeyColumn> key, List<String> lower) {
        String exprs = key.stream().map(k -> k.kind() == KeyKind.STRING || k.kind() == KeyKind.BINARY
                ? "HEX(" + ColumnTypes.quote(k.name()) + ")" : "CAST(" + ColumnTypes.quote(k.name()) + " AS CHAR)")
                .collect(Collectors.joining(", "));
        String order = key.stream().map(k -> ColumnTypes.quote(k.name())).collect(Collectors.joining(", "));
        String sql = "SELECT " + exprs + " FROM " + ColumnTypes.quote(schema) + "." + ColumnTypes.quote(table) + " WHERE "
                + KeyRangePredicate.sql(key, lower, null) + " ORDER BY " + order + " LIMIT 1 OFFSET " + (chunkRows - 1);
        return query(c, source, () -> {
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

    private static Checksum checksum(Connection c, String schema, String table, List<ColumnEntry> cols, String predicate,
            Endpoint on) {
        try {
            return ChunkChecksum.of(c, schema, table, cols, predicate);
        } catch (MigrationException e) {
            throw new MigrationException(e.diagnosis().withEndpoint(on.describe()), e.getCause());
        }
    }

    private long count(Connection c, String schema, String table) {
        return query(c, source, () -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM "
                    + ColumnTypes.quote(schema) + "." + ColumnTypes.quote(table))) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private List<String[]> baseTables(Connection c) {
        String marks = schemas.stream().map(x -> "?").collect(Collectors.joining(","));
        return query(c, source, () -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT table_schema, table_name FROM information_schema.tables "
                    + "WHERE table_type = 'BASE TABLE' AND table_schema IN (" + marks + ") ORDER BY table_schema, table_name")) {
                for (int i = 0; i < schemas.size(); i++) {
                    ps.setString(i + 1, schemas.get(i));
                }
                List<String[]> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!SYSTEM.contains(rs.getString(1).toLowerCase(Locale.ROOT))) {
                            out.add(new String[] {rs.getString(1), rs.getString(2)});
                        }
                    }
                }
                return out;
            }
        });
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
    private List<KeyColumn> primaryKey(Connection c, String schema, String table, List<ColumnEntry> cols) {
        return query(c, source, () -> {
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

    private static String withWhere(String predicate, String where) {
        return where == null || where.isBlank() ? predicate : "(" + predicate + ") AND (" + where + ")";
    }

    private interface SqlCall<T> {
        T call() throws SQLException;
    }

    private static <T> T query(Connection c, Endpoint on, SqlCall<T> call) {
        try {
            return call.call();
        } catch (SQLException e) {
            throw ErrorCatalog.toException(e, on.describe(), false);
        }
    }

    @Override
    public String toString() {
        return "Verify{" + (store != null ? store.describe() : source.describe()) + " vs " + target.describe() + "}";
    }

    /** Builder of a {@link Verify}; not thread-safe. */
    public static final class Builder {
        private Endpoint source;
        private DumpStore store;
        private Endpoint target;
        private final List<String> schemas = new ArrayList<>();
        private final List<String> tables = new ArrayList<>();
        private int chunkRows = 100_000;

        private Builder() {
        }

        /** The server to compare with a manifest; required with {@link Verify#manifest(DumpStore)}. */
        public Builder against(Endpoint target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /**
         * Schemas to compare (exact names); required for {@link Verify#between}, default for a manifest: all dumped.
         */
        public Builder schemas(String... names) {
            schemas.addAll(Arrays.asList(names));
            return this;
        }

        /** Tables to compare, as {@code table} or {@code schema.table}; default: all tables of the schemas. */
        public Builder tables(String... names) {
            tables.addAll(Arrays.asList(names));
            return this;
        }

        /**
         * Rows per compared key range in {@link Verify#between} mode (cut on the source's primary key); default
         * 100,000. A manifest comparison uses the dump's chunks instead.
         */
        public Builder chunkRows(int rows) {
            this.chunkRows = rows;
            return this;
        }

        /**
         * @throws NullPointerException     without a target
         * @throws IllegalArgumentException for chunkRows &lt; 1, or no schemas for {@code between}
         */
        public Verify build() {
            return new Verify(this);
        }
    }
}
