package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import java.time.Duration;

/**
 * Progress events of a {@link Load}; every method is a no-op by default. Methods may be called concurrently from
 * the load's worker threads. A listener that throws is logged at WARN and the load goes on.
 *
 * <pre>{@code
 * LoadListener l = new LoadListener() {
 *     public void chunkLoaded(ChunkProgress p) { bar.update(p.chunksDone(), p.chunksTotal()); }
 * };
 * }</pre>
 */
public interface LoadListener {
    /** A listener that ignores everything. */
    LoadListener NONE = new LoadListener() {
    };

    /** The load is about to send data, by {@code method}, in {@code chunksTotal} chunks. */
    default void loadStarted(String jobId, int chunksTotal, LoadMethod method) {
    }

    /** A chunk was committed. */
    default void chunkLoaded(ChunkProgress progress) {
    }

    /** A chunk was already in the journal (committed by an earlier run) and was not loaded again. */
    default void chunkSkipped(ChunkProgress progress) {
    }

    /** A chunk's attempt failed with a retryable diagnosis, was rolled back, and will be tried again. */
    default void chunkRetried(ChunkProgress progress, Diagnosis cause) {
    }

    /**
     * About once a second while a SQL file another tool wrote ({@link LoadSources#sqlFile}) is run, and once when it
     * has been read to its end ({@link ScriptProgress#finished()}): how far into the file the load is.
     */
    default void scriptProgress(ScriptProgress progress) {
    }

    /** The deferred secondary indexes of {@code table} ({@code schema.table}) are being added. */
    default void indexesStarted(String table) {
    }

    /** The deferred secondary indexes of {@code table} were added (or found added by an earlier run). */
    default void indexesAdded(String table, Duration elapsed) {
    }

    /** The load finished successfully. */
    default void loadFinished(LoadResult result) {
    }
}
