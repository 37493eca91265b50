package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.diagnose.MigrationException;

/**
 * Receives a dump's events. Every method is a no-op by default: implement the ones you need.
 *
 * <pre>{@code
 * Dump.from(source).listener(new DumpListener() {
 *     public void onProgress(DumpProgress p) { System.out.println(p.rows() + " rows"); }
 * }) ...
 * }</pre>
 *
 * <p>Methods may be called concurrently from worker threads; implementations must be thread-safe. A listener
 * that throws is logged at WARN and the dump goes on.
 */
public interface DumpListener {
    /** The plan is known: what will be dumped. */
    default void onDumpStarted(DumpPlan plan) {
    }

    /** The snapshot is established: which guarantee, and the coordinates. */
    default void onSnapshot(SnapshotPoint snapshot) {
    }

    /** A table's data starts to be read. */
    default void onTableStarted(TableRef table) {
    }

    /** A chunk file was written and listed in the manifest. */
    default void onChunkWritten(TableRef table, DumpedChunk chunk) {
    }

    /** All of a table's data is dumped. */
    default void onTableFinished(TableRef table, long rows) {
    }

    /** Periodic progress, about once a second. */
    default void onProgress(DumpProgress progress) {
    }

    /** The dump completed. */
    default void onDumpFinished(DumpResult result) {
    }

    /** The dump failed (or was cancelled); the exception is thrown to the caller after this. */
    default void onDumpFailed(MigrationException failure) {
    }
}
