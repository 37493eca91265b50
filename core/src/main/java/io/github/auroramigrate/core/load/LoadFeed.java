package io.github.auroramigrate.core.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a {@link Load} takes its work from a {@link LoadSource} ({@link LoadSource#feed}): in batches, so that a source
 * that grows while it is loaded (a dump still being written) can hand over new tables and chunks as they appear, a
 * source that knows each table's CREATE TABLE can have tables created in parallel, and one that knows its tables'
 * sizes can have big tables created without their secondary indexes. A plain source hands over everything in one
 * batch ({@link #of}). Used by one thread.
 *
 * <pre>{@code
 * LoadFeed feed = stop -> new LoadFeed.Batch(schemaScripts, Map.of(), List.of(), chunks, Set.of(), postData, true);
 * }</pre>
 */
public interface LoadFeed {
    /**
     * Blocks until there is new work, the source is finished, or {@code stop} says to give up (then it returns an
     * empty last batch).
     *
     * @throws LoadException when the source failed or stalled
     */
    Batch next(java.util.function.BooleanSupplier stop);

    /**
     * New work: scripts to run first, in order (schemas, or a whole script of a foreign dump); scripts that each
     * create one table, keyed by {@code schema.table} as {@link ChunkSource#qualifiedTable()} names it, which may
     * run in parallel once the first ones ran, each before its table's chunks; which of those tables are created
     * without their secondary indexes; the chunks; the tables whose chunks have now all been handed over (by this
     * batch or earlier ones), so their deferred indexes can be built; and (in the last batch only) post-data scripts.
     */
    record Batch(List<SqlScript> schema, Map<String, SqlScript> tables, List<DeferredTable> deferred,
            List<ChunkSource> chunks, Set<String> complete, List<SqlScript> post, boolean last) {
        /** Validates and copies. */
        public Batch {
            schema = List.copyOf(schema);
            tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
            deferred = List.copyOf(deferred);
            chunks = List.copyOf(chunks);
            complete = Set.copyOf(complete);
            post = List.copyOf(post);
        }
    }

    /**
     * A table created without its secondary indexes: the load adds them (in one ALTER TABLE, journaled) once the
     * table's chunks are in.
     *
     * @param schema     the target schema
     * @param table      the table
     * @param definition the table's complete CREATE TABLE, with the indexes
     */
    record DeferredTable(String schema, String table, SqlScript definition) {
        /** Validates. */
        public DeferredTable {
            java.util.Objects.requireNonNull(schema, "schema");
            java.util.Objects.requireNonNull(table, "table");
            java.util.Objects.requireNonNull(definition, "definition");
        }
    }

    /** @return the feed of a fixed source: everything in one batch */
    static LoadFeed of(LoadSource source) {
        Batch all = new Batch(source.schemaScripts(), Map.of(), List.of(), source.chunks(), Set.of(), source.postDataScripts(),
                true);
        return stop -> all;
    }
}
