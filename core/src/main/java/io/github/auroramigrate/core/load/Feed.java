package io.github.auroramigrate.core.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How {@link Load} takes its work from a {@link LoadSource}: in batches, so that a source that grows while it is
 * loaded (a dump still being written) can hand over new tables and chunks as they appear. Used by one thread.
 */
interface Feed {
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
    record Batch(List<SqlScript> schema, Map<String, SqlScript> tables, List<DumpLoadSource.DeferredTable> deferred,
            List<ChunkSource> chunks, Set<String> complete, List<SqlScript> post, boolean last) {
        public Batch {
            schema = List.copyOf(schema);
            tables = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
            deferred = List.copyOf(deferred);
            chunks = List.copyOf(chunks);
            complete = Set.copyOf(complete);
            post = List.copyOf(post);
        }
    }

    /** A feed of a fixed source: everything in one batch. */
    static Feed of(LoadSource source) {
        Batch all = new Batch(source.schemaScripts(), Map.of(), List.of(), source.chunks(), Set.of(), source.postDataScripts(),
                true);
        return stop -> all;
    }
}
