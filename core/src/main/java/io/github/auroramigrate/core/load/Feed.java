package io.github.auroramigrate.core.load;

import java.util.List;

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

    /** New work: scripts to run before the chunks, chunks, and (in the last batch only) post-data scripts. */
    record Batch(List<SqlScript> schema, List<ChunkSource> chunks, List<SqlScript> post, boolean last) {
        public Batch {
            schema = List.copyOf(schema);
            chunks = List.copyOf(chunks);
            post = List.copyOf(post);
        }
    }

    /** A feed of a fixed source: everything in one batch. */
    static Feed of(LoadSource source) {
        Batch all = new Batch(source.schemaScripts(), source.chunks(), source.postDataScripts(), true);
        return stop -> all;
    }
}
