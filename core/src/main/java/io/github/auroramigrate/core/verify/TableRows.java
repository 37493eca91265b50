package io.github.auroramigrate.core.verify;

import io.github.auroramigrate.core.Checksum;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.internal.checksum.KeyRangePredicate;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.internal.manifest.ColumnEntry;
import io.github.auroramigrate.core.internal.manifest.KeyColumn;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The row comparison of one table for a {@link Verify}: range checksums on both sides, and the ranges that differ
 * handed to the {@link Rechecks} for a type-aware comparison of their rows. One per run.
 */
final class TableRows {
    private static final Logger LOG = LoggerFactory.getLogger(TableRows.class);

    private final Endpoint source;
    private final Endpoint target;
    private final int chunkRows;
    private final Rechecks rechecks;

    /** @param source the source server, or null when verifying against a dump */
    TableRows(Endpoint source, Endpoint target, int chunkRows, Rechecks rechecks) {
        this.source = source;
        this.target = target;
        this.chunkRows = chunkRows;
        this.rechecks = rechecks;
    }

    /** The table on the target against the dump's manifest: row count and checksum of every chunk's key range. */
    TableVerification againstManifest(Connection t, String schema, TableEntry te) {
        long expected = te.chunks().stream().mapToLong(ChunkEntry::rows).sum();
        Optional<List<ColumnEntry>> onTarget = TableCatalog.columns(t, schema, te.name(), target);
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
                Checksum a = TableCatalog.checksum(t, schema, te.name(), te.columns(), withWhere(range, te.where()), target);
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
            Checksum a = TableCatalog.checksum(t, schema, te.name(), te.columns(), withWhere("1=1", te.where()), target);
            actual = a.rows();
            if (!a.equals(e)) {
                Difference d = new Difference(Difference.Kind.ROWS_DIFFER, schema, te.name(), 0, null, null, "1=1", e, a);
                rechecks.fromDump(te, onTarget.get(), te.chunks(), d, withWhere("1=1", te.where())).ifPresent(diffs::add);
            }
        }
        return new TableVerification(schema, te.name(), expected, actual, ranged ? te.chunks().size() : 1, diffs);
    }

    /** The table on both servers, range by range of {@code chunkRows} rows of its primary key (or whole). */
    TableVerification between(Connection s, Connection t, String schema, String targetSchema, String table) {
        List<ColumnEntry> cols = TableCatalog.columns(s, schema, table, source).orElseThrow();
        Optional<List<ColumnEntry>> onTarget = TableCatalog.columns(t, targetSchema, table, target);
        if (onTarget.isEmpty()) {
            return missing(targetSchema, table, TableCatalog.count(s, schema, table, source));
        }
        List<String> names = cols.stream().map(ColumnEntry::name).toList();
        if (!names.equals(onTarget.get().stream().map(ColumnEntry::name).toList())) {
            return columnsDiffer(targetSchema, table, TableCatalog.count(s, schema, table, source), names, onTarget.get());
        }
        List<KeyColumn> key = TableCatalog.primaryKey(s, schema, table, cols, source);
        List<List<String>> bounds = new ArrayList<>();
        bounds.add(null);
        if (!key.isEmpty()) {
            for (List<String> b = TableCatalog.next(s, schema, table, key, null, chunkRows, source); b != null; b = TableCatalog.next(s, schema, table, key, b, chunkRows, source)) {
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
            Checksum e = TableCatalog.checksum(s, schema, table, cols, range, source);
            Checksum a = TableCatalog.checksum(t, targetSchema, table, cols, range, target);
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

    private static String withWhere(String predicate, String where) {
        return where == null || where.isBlank() ? predicate : "(" + predicate + ") AND (" + where + ")";
    }
}
