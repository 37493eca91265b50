package io.github.auroramigrate.cli.internal.event;

import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.dump.DumpListener;
import io.github.auroramigrate.core.dump.DumpPlan;
import io.github.auroramigrate.core.dump.DumpProgress;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.dump.DumpedChunk;
import io.github.auroramigrate.core.dump.SnapshotPoint;
import io.github.auroramigrate.core.load.ChunkProgress;
import io.github.auroramigrate.core.load.LoadListener;
import io.github.auroramigrate.core.load.LoadMethod;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.load.ScriptProgress;
import io.github.auroramigrate.replication.CatchUpProgress;
import io.github.auroramigrate.replication.ReplicationLag;
import io.github.auroramigrate.replication.ReplicationListener;
import io.github.auroramigrate.replication.SkipReport;
import io.github.auroramigrate.replication.cutover.CutOverListener;
import io.github.auroramigrate.replication.cutover.CutOverStep;
import io.github.auroramigrate.replication.cutover.StepResult;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns the library's listener callbacks (dump, load, replication, cut-over) into the run's events. Thread-safe: the
 * library calls it from worker threads and {@link Events} serialises.
 *
 * <pre>{@code
 * Relay relay = new Relay(events);
 * Dump.from(source).listener(relay)...; Load.into(target).listener(relay)...;
 * }</pre>
 */
public final class Relay implements DumpListener, LoadListener, ReplicationListener, CutOverListener {
    private final Events events;

    /** A relay into {@code events}. */
    public Relay(Events events) {
        this.events = events;
    }

    /** @return seconds, rounded to milliseconds */
    public static double seconds(Duration d) {
        return d == null ? 0 : Math.round(d.toNanos() / 1e6) / 1000.0;
    }

    @Override
    public void onDumpStarted(DumpPlan plan) {
        events.emit("dump.started", "source", plan.source(), "tables", plan.tables().size(), "views", plan.views().size(),
                "routines", plan.routines(), "triggers", plan.triggers(), "events", plan.events(),
                "estimatedBytes", plan.estimatedBytes(), "threads", plan.threads(), "consistency", plan.consistency().name());
    }

    @Override
    public void onSnapshot(SnapshotPoint s) {
        events.emit("dump.snapshot", "consistency", s.consistency().name(), "description", s.description(),
                "binlogPosition", s.binlogPosition().map(Object::toString).orElse(null),
                "gtidSet", s.gtidSet().map(Object::toString).orElse(null));
    }

    @Override
    public void onChunkWritten(TableRef table, DumpedChunk chunk) {
        events.emit("dump.chunk", "table", table.toString(), "index", chunk.index(), "rows", chunk.rows(),
                "dataBytes", chunk.dataBytes());
    }

    @Override
    public void onTableFinished(TableRef table, long rows) {
        events.emit("dump.table", "table", table.toString(), "rows", rows);
    }

    @Override
    public void onProgress(DumpProgress p) {
        events.emit("dump.progress", "tablesDone", p.tablesDone(), "tablesTotal", p.tablesTotal(), "chunks", p.chunksDone(),
                "rows", p.rows(), "dataBytes", p.dataBytes(), "fileBytes", p.fileBytes(),
                "estimatedBytes", p.estimatedDataBytes(), "bytesPerSecond", Math.round(p.bytesPerSecond()),
                "rowsPerSecond", Math.round(p.rowsPerSecond()), "etaSeconds", p.eta().map(Relay::seconds).orElse(null));
    }

    @Override
    public void onDumpFinished(DumpResult r) {
        events.emit("dump.finished", "store", r.store(), "dumpId", r.dumpId(), "rows", r.rows(), "chunks", r.chunks(),
                "tables", r.tableRows().size(), "dataBytes", r.dataBytes(), "fileBytes", r.fileBytes(),
                "seconds", seconds(r.duration()), "consistency", r.consistency().name(),
                "binlogPosition", r.binlogPosition().map(Object::toString).orElse(null),
                "gtidSet", r.gtidSet().map(Object::toString).orElse(null), "warnings", r.warnings());
    }

    @Override
    public void onDumpFailed(MigrationException failure) {
        events.emit("dump.failed", "code", failure.code().name());
    }

    @Override
    public void loadStarted(String jobId, int chunksTotal, LoadMethod method) {
        events.emit("load.started", "job", jobId, "chunksTotal", chunksTotal, "method", method.name());
    }

    @Override
    public void chunkLoaded(ChunkProgress p) {
        chunk(p, false);
    }

    @Override
    public void chunkSkipped(ChunkProgress p) {
        chunk(p, true);
    }

    private void chunk(ChunkProgress p, boolean skipped) {
        events.emit("load.chunk", "chunk", p.chunkId(), "table", p.table(), "rows", p.rows(), "skipped", skipped,
                "seconds", seconds(p.elapsed()), "chunksDone", p.chunksDone(), "chunksTotal", p.chunksTotal(),
                "rowsTotal", p.rowsTotal());
    }

    @Override
    public void chunkRetried(ChunkProgress p, Diagnosis cause) {
        events.emit("load.retry", "chunk", p.chunkId(), "table", p.table(), "code", cause.code().name(),
                "message", cause.message());
    }

    @Override
    public void scriptProgress(ScriptProgress p) {
        events.emit("load.script", "script", p.script(), "bytesRead", p.bytesRead(), "bytesTotal", p.bytesTotal(),
                "statements", p.statements(), "rows", p.rows(), "seconds", seconds(p.elapsed()), "finished", p.finished());
    }

    @Override
    public void indexesStarted(String table) {
        events.emit("load.indexes.started", "table", table);
    }

    @Override
    public void indexesAdded(String table, Duration elapsed) {
        events.emit("load.indexes.added", "table", table, "seconds", seconds(elapsed));
    }

    @Override
    public void loadFinished(LoadResult r) {
        events.emit("load.finished", "job", r.jobId(), "method", r.method().name(), "rows", r.rowsLoaded(),
                "chunksLoaded", r.chunksLoaded(), "chunksSkipped", r.chunksSkipped(), "tables", r.tables().size(),
                "statements", r.statementsExecuted(), "statementsSkipped", r.statementsSkipped(),
                "seconds", seconds(r.elapsed()), "warnings", r.warnings().stream().map(d -> d.code() + ": " + d.message()).toList(),
                "summary", r.summary());
    }

    @Override
    public void catchUpProgress(CatchUpProgress p) {
        lag("replication.lag", p);
    }

    @Override
    public void caughtUp(CatchUpProgress p) {
        lag("replication.caught-up", p);
    }

    private void lag(String name, CatchUpProgress p) {
        events.emit(name, "goal", p.goal().toString(), "executed", p.executed().map(Object::toString).orElse(null),
                "bytesBehind", p.bytesBehind(), "secondsBehindSource", behind(p.lag()), "heartbeatLag", heartbeat(p.lag()));
    }

    /** Emits a lag reading taken outside a catch-up wait. */
    public void lag(ReplicationLag lag) {
        events.emit("replication.lag", "secondsBehindSource", behind(lag), "heartbeatLag", heartbeat(lag));
    }

    private static Double behind(ReplicationLag lag) {
        return lag.secondsBehindSource().map(Relay::seconds).orElse(null);
    }

    private static Double heartbeat(ReplicationLag lag) {
        return lag.heartbeat().map(Relay::seconds).orElse(null);
    }

    @Override
    public void skipped(SkipReport report) {
        events.emit("replication.skipped", "report", report.toString());
    }

    @Override
    public void stepStarted(CutOverStep step) {
        events.emit("cutover.step.started", "step", name(step));
    }

    @Override
    public void stepFinished(StepResult r) {
        events.emit("cutover.step.finished", "step", name(r.step()), "outcome", r.outcome().name(),
                "seconds", seconds(r.duration()), "detail", r.detail());
    }

    /** @return {@code stop-writes} for {@code STOP_WRITES} */
    public static String name(CutOverStep step) {
        return step.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
