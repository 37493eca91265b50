package io.github.auroramigrate.core.verify;

import io.github.auroramigrate.core.verify.internal.DefinitionReader;
import io.github.auroramigrate.core.TableFilter;
import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.internal.manifest.DumpStatus;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import io.github.auroramigrate.core.internal.manifest.SchemaEntry;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.internal.sql.Selection;
import io.github.auroramigrate.core.sql.SystemSchemas;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.transform.DefinitionEffects;
import io.github.auroramigrate.core.transform.Transform;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
        try (Rechecks rechecks = new Rechecks(source, target, store, chunkRows)) {
            TableRows rows = new TableRows(source, target, chunkRows, rechecks);
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
                                out.add(rows.againstManifest(t, effects.schema(s.name()), te));
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
                    Selection.Existing existing = TableCatalog.query(s, source, () -> Selection.Existing.read(s));
                    Diagnosis unmatched = Selection.check(filter, existing, List.of(), "verify of " + source.describe());
                    if (unmatched != null) {
                        throw new MigrationException(unmatched.withEndpoint(source.describe()));
                    }
                    List<String> schemas = existing.schemas().stream().filter(filter::schema).toList();
                    for (String[] st : TableCatalog.baseTables(s, schemas, source)) {
                        if (selected(st[0], st[1]) && effects.keepsTable(st[0], st[1])) {
                            out.add(rows.between(s, t, st[0], effects.schema(st[0]), st[1]));
                        }
                    }
                    if (objects) {
                        List<String> accounts = users ? TableCatalog.query(s, source, () -> DefinitionReader.accounts(s,
                                List.of(source.user(), target.user()))) : List.of();
                        DefinitionSnapshot expected = selectedObjects(TableCatalog.query(s, source,
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
                .filter(o -> o.kind() == ObjectKind.ACCOUNT || !SystemSchemas.excluded(o.schema()))
                .filter(o -> tables.isEmpty() || o.kind() == ObjectKind.TABLE && selected(o.schema(), o.name()))
                .toList();
        return new DefinitionSnapshot(all.server(), keep);
    }

    private List<ObjectDifference> compareObjects(DefinitionSnapshot expected, Connection t) {
        List<String> targetSchemas = expected.objects().stream().filter(o -> o.kind() != ObjectKind.ACCOUNT)
                .map(o -> effects.schema(o.schema())).distinct().toList();
        List<String> accounts = expected.objects().stream().filter(o -> o.kind() == ObjectKind.ACCOUNT)
                .map(ObjectDefinition::name).toList();
        DefinitionSnapshot actual = TableCatalog.query(t, target, () -> DefinitionReader.read(t, targetSchemas, accounts));
        return new DefinitionComparator(effects, definers).compare(expected, actual);
    }

    private boolean selected(String schema, String table) {
        return filter.table(schema, table);
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
