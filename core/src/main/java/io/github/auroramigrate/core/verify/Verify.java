package io.github.auroramigrate.core.verify;

import io.github.auroramigrate.core.TableFilter;
import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.internal.checksum.ChunkChecksum;
import io.github.auroramigrate.core.internal.checksum.KeyRangePredicate;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.internal.format.ColumnTypes;
import io.github.auroramigrate.core.Checksum;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.internal.manifest.DumpStatus;
import io.github.auroramigrate.core.internal.manifest.KeyColumn;
import io.github.auroramigrate.core.internal.manifest.KeyKind;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import io.github.auroramigrate.core.internal.manifest.SchemaEntry;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.internal.sql.Selection;
import io.github.auroramigrate.core.sql.SystemSchemas;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.transform.DefinitionEffects;
import io.github.auroramigrate.core.transform.Transform;
import java.io.IOException;
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
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compares a target with what it should hold: object definitions (schemas; tables with their columns, types,
 * collations, defaults, generated expressions, visibility, indexes, foreign keys, CHECK constraints and partitions;
 * views, routines, triggers, events; accounts and grants when asked or dumped) and table rows (row counts and chunked
 * checksums, docs/dump-format.md section 4, computed in SQL on each server one key range at a time, so that a big
 * table never needs one giant query). Two modes:
 *
 * <pre>{@code
 * // source vs target (e.g. at cut-over, with writes stopped and replication caught up)
 * VerifyResult r = Verify.between(source, target).schemas("shop").chunkRows(100_000).build().run();
 * // a dump (its manifest and recorded definitions) vs the target it was loaded into, through a transform
 * VerifyResult m = Verify.manifest(DumpStores.directory(Path.of("shop_dump"))).against(target)
 *         .transform(Transforms.stripDefiners().andThen(Transforms.forceInnoDb())).build().run();
 * m.objectDifferences().forEach(d -> log.warn("{}", d));   // PROCEDURE `shop`.`refund`: missing on the target
 * r.differences().forEach(d -> log.warn("{}.{} where {}: {}", d.schema(), d.table(), d.range(), d.rows()));
 * }</pre>
 *
 * <p><b>Objects.</b> Definitions are read from {@code information_schema} ({@link DefinitionReader}; a dump records
 * the source's at dump time in {@value DefinitionSnapshot#KEY}) and compared aspect by aspect; a missing or extra
 * object (or column, index, constraint, partition) is a difference. Cosmetic differences between server versions
 * and flavours are normalised, each by a named rule: integer display widths ({@code int(11)} vs {@code int}),
 * {@code utf8} vs {@code utf8mb3}, {@code CURRENT_TIMESTAMP} vs {@code current_timestamp()} and MariaDB's quoted
 * defaults, 8.0's {@code DEFAULT_GENERATED} flag, expression text reprinted by the server (case, whitespace,
 * backticks, parentheses and charset introducers outside string literals), case, whitespace and backticks outside
 * string literals in view, routine, trigger and event bodies, 5.7's {@code isnull(x)} as {@code x is null},
 * {@code sql_mode} as a set without {@code NO_AUTO_CREATE_USER} (8.0 behaves as if it were always set), foreign key
 * rule {@code NO ACTION} as {@code RESTRICT} (the same in InnoDB), CHECK constraints matched by clause (servers
 * generate different names), {@code SHOW GRANTS} with privileges sorted and passwords dropped, {@code a MOD b} as
 * {@code a % b}, {@code GEOMCOLLECTION} as {@code GEOMETRYCOLLECTION}, a view's own schema as a qualifier (8.0
 * prints {@code `db`.`v`.`c`} where 5.7 prints {@code `v`.`c`}), a TEXT column's expression default of one literal
 * as that literal (MySQL takes such a default only as an expression); and, when read, MySQL 8.0's escaped and doubly
 * encoded stored expressions as written and MariaDB's re-escaped string literals in bodies as their characters.
 * DEFINERs are ignored unless {@link Builder#definers(boolean)}. Changes a transform makes on purpose are expected
 * only as far as its {@link io.github.auroramigrate.core.transform.Transform#definitionEffects()} declares them
 * ({@link Builder#transform}); anything else is reported.
 *
 * <p><b>Rows.</b> {@code between}: the tables are those of the source schemas (base tables, generated columns left
 * out); ranges are cut on the source by walking its primary key ({@code chunkRows} rows each), and both servers
 * checksum the same ranges, which together cover the whole key space: a row the target has and the source has not
 * falls into some range too. Tables without a primary key (or with a key of a type whose order differs from its
 * text, like FLOAT) are compared as a whole. {@code manifest}: the ranges are the dump's chunks. A range whose
 * checksums differ is re-checked before it is reported: its rows are read from both sides (in manifest mode, from
 * the dump's chunk file) and compared with type-aware values (JSON as documents, DECIMAL by value, FLOAT/DOUBLE by
 * binary value, temporal values in UTC by value, strings by their bytes in their character set), matched by key, so
 * that the checksum's text forms (which differ between servers for equal values) cause no false difference; a table
 * without a key is compared as a multiset (count and sum of 64-bit row hashes). A difference names the table, the
 * range (as bounds and as an SQL predicate), both checksums and the rows that differ (missing, extra, or the column
 * whose value differs). The servers must not change during the comparison (stop writes, or verify a target before
 * replication starts). The library's own schema ({@code aurora_migrate}) and the system schemas are never compared.
 *
 * <p>A configured {@code Verify} is immutable and thread-safe; {@link #run()} holds one or two connections per
 * server while it runs.
 */
public final class Verify {
    private static final Logger LOG = LoggerFactory.getLogger(Verify.class);

    private final Endpoint source;
    private final DumpStore store;
    private final Endpoint target;
    private final List<String> schemas;
    private final List<String> tables;
    private final TableFilter filter;
    private final int chunkRows;
    private final DefinitionEffects effects;
    private final boolean objects;
    private final boolean definers;
    private final boolean users;
    private final boolean dumpedAccounts;

    private Verify(Builder b) {
        this.target = Objects.requireNonNull(b.target, "against");
        this.source = b.source;
        this.store = b.store;
        this.schemas = List.copyOf(b.schemas);
        this.tables = List.copyOf(b.tables);
        this.filter = TableFilter.all().schemas(schemas.toArray(String[]::new)).tables(tables.toArray(String[]::new));
        this.chunkRows = b.chunkRows;
        this.effects = Objects.requireNonNull(b.transform.definitionEffects(), "transform.definitionEffects()");
        this.objects = b.objects;
        this.definers = b.definers;
        this.users = b.users;
        this.dumpedAccounts = b.dumpedAccounts;
        if (users && store != null) {
            throw new IllegalArgumentException("users(true) is for Verify.between: a dump's accounts are compared when it"
                    + " has them");
        }
        if (chunkRows < 1) {
            throw new IllegalArgumentException("chunkRows must be >= 1, was " + chunkRows);
        }
        if (source != null && schemas.isEmpty()) {
            throw new IllegalArgumentException("schemas(..) is required to verify between two servers");
        }
    }

    /**
     * Starts configuring a comparison of {@code source} and {@code target}: same schema and table names on both,
     * unless the {@link Builder#transform} renames a schema.
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
        List<ObjectDifference> objectDiffs = new ArrayList<>();
        int compared = 0;
        try (Rechecks rechecks = new Rechecks()) {
            if (store != null) {
                Manifest m = ManifestIO.read(store);
                if (m.status() != DumpStatus.COMPLETE) {
                    throw new MigrationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, "the dump in " + store.describe()
                            + " is " + m.status() + ", not COMPLETE: only a complete dump can be verified"));
                }
                Diagnosis unmatched = Selection.check(filter, m.schemas().stream().map(SchemaEntry::name).toList(),
                        m.schemas().stream().flatMap(s -> s.tables().stream().map(te -> TableRef.of(s.name(), te.name())))
                                .toList(), List.of(), "verify of the dump in " + store.describe());
                if (unmatched != null) {
                    throw new MigrationException(unmatched);
                }
                try (Connection t = target.connect()) {
                    for (SchemaEntry s : m.schemas()) {
                        if (!filter.schema(s.name()) || SystemSchemas.excluded(s.name())) {
                            continue;
                        }
                        for (TableEntry te : s.tables()) {
                            if (selected(s.name(), te.name()) && effects.keepsTable(s.name(), te.name())) {
                                out.add(againstManifest(t, effects.schema(s.name()), te, rechecks));
                            }
                        }
                    }
                    if (objects) {
                        Optional<DefinitionSnapshot> recorded = DefinitionSnapshot.read(store);
                        if (recorded.isEmpty()) {
                            LOG.info("verify: the dump in {} has no recorded definitions ({}): objects not compared",
                                    store.describe(), DefinitionSnapshot.KEY);
                        } else {
                            DefinitionSnapshot expected = selectedObjects(recorded.get(), null);
                            compared = expected.objects().size();
                            objectDiffs.addAll(compareObjects(expected, t));
                        }
                    }
                } catch (SQLException e) {
                    throw ErrorCatalog.toException(e, target.describe(), false);
                }
            } else {
                try (Connection s = source.connect(); Connection t = target.connect()) {
                    Selection.Existing existing = query(s, source, () -> Selection.Existing.read(s));
                    Diagnosis unmatched = Selection.check(filter, existing, List.of(), "verify of " + source.describe());
                    if (unmatched != null) {
                        throw new MigrationException(unmatched.withEndpoint(source.describe()));
                    }
                    List<String> schemas = existing.schemas().stream().filter(filter::schema).toList();
                    for (String[] st : baseTables(s, schemas)) {
                        if (selected(st[0], st[1]) && effects.keepsTable(st[0], st[1])) {
                            out.add(between(s, t, st[0], effects.schema(st[0]), st[1], rechecks));
                        }
                    }
                    if (objects) {
                        List<String> accounts = users ? query(s, source, () -> DefinitionReader.accounts(s,
                                List.of(source.user(), target.user()))) : List.of();
                        DefinitionSnapshot expected = selectedObjects(query(s, source,
                                () -> DefinitionReader.read(s, schemas, accounts)), schemas);
                        compared = expected.objects().size();
                        objectDiffs.addAll(compareObjects(expected, t));
                    }
                } catch (SQLException e) {
                    throw ErrorCatalog.toException(e, target.describe(), false);
                }
            }
        }
        VerifyResult r = new VerifyResult(out, objectDiffs, compared, Duration.ofNanos(System.nanoTime() - start));
        LOG.info("{}", r.summary());
        objectDiffs.forEach(d -> LOG.warn("verify: {}", d));
        return r;
    }

    /** The expected objects after the schema and table selection ({@code tables(..)}: those tables only). */
    private DefinitionSnapshot selectedObjects(DefinitionSnapshot all, List<String> resolvedSchemas) {
        List<ObjectDefinition> keep = all.objects().stream()
                .filter(o -> o.kind() != ObjectKind.ACCOUNT || dumpedAccounts)
                .filter(o -> o.kind() == ObjectKind.ACCOUNT || (resolvedSchemas == null ? filter.schema(o.schema())
                        : resolvedSchemas.contains(o.schema())))
                .filter(o -> o.kind() == ObjectKind.ACCOUNT || !isSystemSchema(o.schema()))
                .filter(o -> tables.isEmpty() || o.kind() == ObjectKind.TABLE && selected(o.schema(), o.name()))
                .toList();
        return new DefinitionSnapshot(all.server(), keep);
    }

    private List<ObjectDifference> compareObjects(DefinitionSnapshot expected, Connection t) {
        List<String> targetSchemas = expected.objects().stream().filter(o -> o.kind() != ObjectKind.ACCOUNT)
                .map(o -> effects.schema(o.schema())).distinct().toList();
        List<String> accounts = expected.objects().stream().filter(o -> o.kind() == ObjectKind.ACCOUNT)
                .map(ObjectDefinition::name).toList();
        DefinitionSnapshot actual = query(t, target, () -> DefinitionReader.read(t, targetSchemas, accounts));
        return new DefinitionComparator(effects, definers).compare(expected, actual);
    }

    /** @return whether the library or the server owns this schema (never compared) */
    static boolean isSystemSchema(String schema) {
        return SystemSchemas.excluded(schema);
    }

    private boolean selected(String schema, String table) {
        return filter.table(schema, table);
    }

    private TableVerification againstManifest(Connection t, String schema, TableEntry te, Rechecks rechecks) {
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
                    Difference d = new Difference(Difference.Kind.ROWS_DIFFER, schema, te.name(), c.index(), c.lower(),
                            c.upper(), range, c.checksum(), a);
                    rechecks.fromDump(te, onTarget.get(), List.of(c), d, withWhere(range, te.where())).ifPresent(diffs::add);
                }
            }
        }
        if (!ranged || te.chunks().isEmpty()) {
            Checksum e = te.chunks().stream().map(ChunkEntry::checksum).reduce(Checksum.EMPTY, Checksum::plus);
            Checksum a = checksum(t, schema, te.name(), te.columns(), withWhere("1=1", te.where()), target);
            actual = a.rows();
            if (!a.equals(e)) {
                Difference d = new Difference(Difference.Kind.ROWS_DIFFER, schema, te.name(), 0, null, null, "1=1", e, a);
                rechecks.fromDump(te, onTarget.get(), te.chunks(), d, withWhere("1=1", te.where())).ifPresent(diffs::add);
            }
        }
        return new TableVerification(schema, te.name(), expected, actual, ranged ? te.chunks().size() : 1, diffs);
    }

    private TableVerification between(Connection s, Connection t, String schema, String targetSchema, String table,
            Rechecks rechecks) {
        List<ColumnEntry> cols = columns(s, schema, table, source).orElseThrow();
        Optional<List<ColumnEntry>> onTarget = columns(t, targetSchema, table, target);
        if (onTarget.isEmpty()) {
            return missing(targetSchema, table, count(s, schema, table));
        }
        List<String> names = cols.stream().map(ColumnEntry::name).toList();
        if (!names.equals(onTarget.get().stream().map(ColumnEntry::name).toList())) {
            return columnsDiffer(targetSchema, table, count(s, schema, table), names, onTarget.get());
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
            Checksum a = checksum(t, targetSchema, table, cols, range, target);
            expected += e.rows();
            actual += a.rows();
            if (!e.equals(a)) {
                Difference d = new Difference(Difference.Kind.ROWS_DIFFER, targetSchema, table, key.isEmpty() ? 0 : i + 1,
                        lo, hi, range, e, a);
                rechecks.between(schema, cols, onTarget.get(), key, d).ifPresent(diffs::add);
            }
        }
        return new TableVerification(targetSchema, table, expected, actual, chunks, diffs);
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

    private List<String[]> baseTables(Connection c, List<String> schemas) {
        if (schemas.isEmpty()) {
            return List.of();
        }
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
                        if (!SystemSchemas.excluded(rs.getString(1))) {
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

    /** The re-check of differing ranges, on connections of its own that read raw bytes. */
    private final class Rechecks implements AutoCloseable {
        private Connection onSource;
        private Connection onTarget;

        private Connection open(Endpoint e) throws SQLException {
            Connection c = e.connect();
            try (Statement st = c.createStatement()) {
                st.execute("SET time_zone = '+00:00'");
                st.execute("SET character_set_results = binary");
            }
            return c;
        }

        /** @return the difference with the rows that differ, or empty when every value is equal by type */
        Optional<Difference> between(String sourceSchema, List<ColumnEntry> cols, List<ColumnEntry> targetCols,
                List<KeyColumn> key, Difference d) {
            try {
                if (onSource == null) {
                    onSource = open(source);
                }
                if (onTarget == null) {
                    onTarget = open(target);
                }
                RowRecheck check = new RowRecheck(cols, targetCols, key.stream().map(KeyColumn::name).toList(), chunkRows);
                try (RowRecheck.Rows e = RowRecheck.query(onSource, sourceSchema, d.table(), cols, d.range());
                        RowRecheck.Rows a = RowRecheck.query(onTarget, d.schema(), d.table(), cols, d.range())) {
                    return outcome(d, check.compare(e, a));
                }
            } catch (SQLException e) {
                throw ErrorCatalog.toException(e, target.describe(), false);
            } catch (IOException e) {
                throw new MigrationException(Diagnosis.of(DiagnosisCode.UNKNOWN, "re-checking " + d.table() + ": " + e), e);
            }
        }

        /** Re-checks against the dump's chunk files; the difference as it is when they cannot be read. */
        Optional<Difference> fromDump(TableEntry te, List<ColumnEntry> targetCols, List<ChunkEntry> chunks, Difference d,
                String predicate) {
            try {
                for (ChunkEntry c : chunks) {
                    if (c.file().contains(".sql") || !store.exists(c.file())) {
                        LOG.info("verify: {}.{} range {} differs and cannot be re-checked: chunk {} is {}", d.schema(),
                                d.table(), d.range(), c.file(), c.file().contains(".sql") ? "in SQL format" : "gone");
                        return Optional.of(d);
                    }
                }
                if (onTarget == null) {
                    onTarget = open(target);
                }
                List<String> key = te.chunking().key().stream().map(KeyColumn::name).toList();
                RowRecheck check = new RowRecheck(te.columns(), targetCols, key, chunkRows);
                try (RowRecheck.Rows e = RowRecheck.chunks(store, te, chunks);
                        RowRecheck.Rows a = RowRecheck.query(onTarget, d.schema(), d.table(), te.columns(), predicate)) {
                    return outcome(d, check.compare(e, a));
                }
            } catch (SQLException e) {
                throw ErrorCatalog.toException(e, target.describe(), false);
            } catch (IOException e) {
                throw new MigrationException(Diagnosis.of(DiagnosisCode.CORRUPT_FILE, "cannot re-check " + d.schema() + "."
                        + d.table() + " from the dump in " + store.describe() + ": " + e.getMessage()), e);
            }
        }

        private Optional<Difference> outcome(Difference d, RowRecheck.Outcome o) {
            if (!o.differs()) {
                LOG.info("verify: {}.{} range {}: checksums differ, values are equal by type (re-checked {} rows)",
                        d.schema(), d.table(), d.range(), o.actualRows());
                return Optional.empty();
            }
            return Optional.of(new Difference(d.kind(), d.schema(), d.table(), d.chunk(), d.lower(), d.upper(), d.range(),
                    d.expected(), d.actual(), o.rows(), true));
        }

        @Override
        public void close() {
            for (Connection c : new Connection[] {onSource, onTarget}) {
                if (c != null) {
                    try {
                        c.close();
                    } catch (SQLException e) {
                        LOG.debug("verify: closing a re-check connection: {}", e.toString());
                    }
                }
            }
        }
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
        private Transform transform = Transform.identity();
        private boolean objects = true;
        private boolean definers;
        private boolean users;
        private boolean dumpedAccounts = true;

        private Builder() {
        }

        /**
         * The transform the target's DDL went through (the one given to the load or copy): the changes it declares
         * in {@link Transform#definitionEffects()} are expected (a renamed schema is looked for under its new name,
         * filtered tables are not expected, converted engines, mapped collations, removed options and SQL modes,
         * SQL SECURITY), everything else is a difference. Default: {@link Transform#identity()}, nothing changed.
         */
        public Builder transform(Transform transform) {
            this.transform = Objects.requireNonNull(transform, "transform");
            return this;
        }

        /**
         * Whether to compare object definitions (schemas, tables, views, routines, triggers, events, and accounts);
         * default true. A dump without recorded definitions (docs/dump-format.md 2.6) has none to compare.
         */
        public Builder objects(boolean compare) {
            this.objects = compare;
            return this;
        }

        /** Whether DEFINERs of views, routines, triggers and events must be equal too; default false (ignored). */
        public Builder definers(boolean compare) {
            this.definers = compare;
            return this;
        }

        /**
         * {@link Verify#between} only: also compare the source's accounts and their grants (normalised
         * {@code SHOW GRANTS}) with the target's; the system's accounts, {@code root} and the two endpoints' own users
         * are left out. Default false. A dump made with {@code users(true)} has its accounts compared anyway.
         */
        public Builder users(boolean compare) {
            this.users = compare;
            return this;
        }

        /**
         * {@link Verify#manifest} only: whether the accounts a dump made with {@code users(true)} holds are compared
         * (false when they were not created on the target, as a {@code Load} does not create them). Default true.
         */
        public Builder dumpedAccounts(boolean compare) {
            this.dumpedAccounts = compare;
            return this;
        }

        /** The server to compare with a manifest; required with {@link Verify#manifest(DumpStore)}. */
        public Builder against(Endpoint target) {
            this.target = Objects.requireNonNull(target, "target");
            return this;
        }

        /**
         * Schemas to compare, by name or glob pattern ({@code *}, {@code ?}); required for {@link Verify#between},
         * default for a manifest: all dumped. A name or pattern that matches no schema (on the source, or in the
         * dump) fails {@link Verify#run()} with {@code INVALID_INPUT} naming it and the schemas that exist; the system
         * schemas and {@code aurora_migrate} are never compared.
         */
        public Builder schemas(String... names) {
            schemas.addAll(Arrays.asList(names));
            return this;
        }

        /**
         * Tables to compare, as {@code table} (in any of the schemas) or {@code schema.table}, names or glob patterns;
         * default: all tables of the schemas. One that matches no table fails {@link Verify#run()} with
         * {@code INVALID_INPUT}.
         */
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
         * @throws IllegalArgumentException for chunkRows &lt; 1, no schemas for {@code between}, or users(true) with a
         *                                  manifest
         */
        public Verify build() {
            return new Verify(this);
        }
    }
}
