package io.github.auroramigrate.core.load;

import java.time.Duration;

/**
 * A snapshot of a load's progress when a chunk finished (or was skipped or retried).
 *
 * <pre>{@code
 * void chunkLoaded(ChunkProgress p) { log.info("{}/{} chunks, {} rows", p.chunksDone(), p.chunksTotal(), p.rowsTotal()); }
 * }</pre>
 *
 * @param jobId       the load job
 * @param chunkId     the chunk this event is about
 * @param table       its table ({@code schema.table})
 * @param rows        rows the chunk loaded (0 when skipped or retried)
 * @param elapsed     time spent on the chunk
 * @param chunksDone  chunks finished so far (loaded or skipped), this one included
 * @param chunksTotal chunks in the job
 * @param rowsTotal   rows loaded so far by this run
 */
public record ChunkProgress(String jobId, String chunkId, String table, long rows, Duration elapsed, int chunksDone,
        int chunksTotal, long rowsTotal) {
}
