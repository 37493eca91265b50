package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.endpoint.EndpointPool;
import java.io.IOException;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parallel data phase of one {@link Load} run: takes the feed's batches, creates their tables on the DDL lanes,
 * loads each table's chunks on worker threads as soon as its table exists, builds deferred indexes as soon as a
 * table's chunks are in, and keeps the counters and the first failure. Used by one run, then dropped.
 */
final class DataPhase {
    private static final Logger LOG = LoggerFactory.getLogger(DataPhase.class);

    /** What a run hands its data phase. */
    record Settings(String jobId, int threads, int maxRetries, Duration retryBackoff, UnaryOperator<String> schemaOf,
            LoadListener listener, String endpoint, ServerSideChunks serverSide) {
    }

    /** Builds the secondary indexes a table was created without. */
    interface IndexBuilder {
        void build(Connection c, LoadFeed.DeferredTable table);
    }

    private final Settings settings;
    private final String jobId;
    private final LoadListener listener;
    final Map<String, TableTally> tables;
    private final ChunkLoader loader;
    final AtomicInteger loaded = new AtomicInteger();
    final AtomicInteger skipped = new AtomicInteger();
    private final AtomicInteger done = new AtomicInteger();
    final AtomicLong rows = new AtomicLong();
    private final AtomicReference<LoadException> failure = new AtomicReference<>();
    final AtomicInteger total = new AtomicInteger();

    DataPhase(EndpointPool pool, LoadJournal journal, LoadMethod used, Map<String, TableTally> tables, int initialTotal,
            Settings settings) {
        this.settings = settings;
        this.jobId = settings.jobId();
        this.listener = settings.listener();
        this.tables = tables;
        this.total.set(initialTotal);
        this.loader = new ChunkLoader(pool, journal, used, settings.maxRetries(), settings.retryBackoff(), (chunk, cause) ->
                tell(jobId, () -> listener.chunkRetried(new ChunkProgress(jobId, chunk.id(), chunk.qualifiedTable(), 0,
                        Duration.ZERO, done.get(), total.get(), rows.get()), cause)), new ThreadLocal<>(),
                settings.schemaOf(), settings.serverSide());  // a renameSchema transform moves the data too
        tell(jobId, () -> listener.loadStarted(jobId, total.get(), used));
    }

    /**
     * Takes batches from the feed; lets {@code beforeChunks} run their ordered scripts; creates their tables on
     * the DDL lanes; loads each table's chunks in parallel as soon as its table exists; and builds a deferred
     * table's indexes on a lane as soon as its chunks are loaded.
     *
     * @return the post-data scripts of the last batch
     */
    List<SqlScript> run(Consumer<LoadFeed.Batch> beforeChunks, LoadFeed feed, DdlLanes lanes,
            Map<String, LoadFeed.DeferredTable> deferred, IndexBuilder indexes) {
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "aurora-load-" + jobId + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Map<String, CompletableFuture<Void>> created = new HashMap<>();
        Map<String, List<CompletableFuture<Void>>> tableWork = new HashMap<>();
        Set<String> indexesChained = new HashSet<>();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        try {
            List<SqlScript> post;
            int submitted = 0;
            LoadException feedFailure = null;
            while (true) {
                LoadFeed.Batch batch;
                try {
                    batch = feed.next(() -> failure.get() != null);
                    beforeChunks.accept(batch);
                } catch (LoadException e) {
                    // let the chunks already handed over finish: they are valid, and a re-run skips them
                    feedFailure = e;
                    post = List.of();
                    break;
                }
                for (Map.Entry<String, SqlScript> e : batch.tables().entrySet()) {
                    CompletableFuture<Void> f = lanes.submit((c, runner) -> {
                        if (failure.get() == null) {
                            runner.run(e.getValue());
                        }
                    }).whenComplete((v, t) -> noteFailure(t));
                    created.put(e.getKey(), f);
                    all.add(f);
                }
                Map<String, List<ChunkSource>> byTable = new LinkedHashMap<>();
                batch.chunks().forEach(c -> byTable.computeIfAbsent(c.qualifiedTable(), k -> new ArrayList<>()).add(c));
                byTable.forEach((table, chunks) -> {
                    CompletableFuture<Void> ready = created.getOrDefault(table, CompletableFuture.completedFuture(null));
                    CompletableFuture<Void> loaded = ready.thenCompose(v -> CompletableFuture.allOf(chunks.stream()
                            .map(c -> CompletableFuture.runAsync(() -> one(c), workers)).toArray(CompletableFuture[]::new)))
                            .whenComplete((v, t) -> noteFailure(t));
                    tableWork.computeIfAbsent(table, k -> new ArrayList<>()).add(loaded);
                    all.add(loaded);
                });
                for (String table : batch.complete()) {
                    LoadFeed.DeferredTable d = deferred.get(table);
                    if (d == null || !indexesChained.add(table)) {
                        continue;
                    }
                    // the indexes are built as soon as the table's last chunk is in, while other tables load
                    List<CompletableFuture<Void>> work = new ArrayList<>(tableWork.getOrDefault(table, List.of()));
                    work.add(created.getOrDefault(table, CompletableFuture.completedFuture(null)));
                    all.add(CompletableFuture.allOf(work.toArray(CompletableFuture[]::new))
                            .thenCompose(v -> lanes.submit((c, runner) -> {
                                if (failure.get() == null) {
                                    indexes.build(c, d);
                                }
                            })).whenComplete((v, t) -> noteFailure(t)));
                }
                submitted += batch.chunks().size();
                total.accumulateAndGet(submitted, Math::max);
                if (batch.last() || failure.get() != null) {
                    post = batch.post();
                    break;
                }
            }
            for (CompletableFuture<Void> f : all) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    noteFailure(e.getCause()); // recorded; the first failure is thrown below
                }
            }
            if (feedFailure != null) {
                throw feedFailure;
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            return post;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException(Diagnosis.of(DiagnosisCode.UNKNOWN, "the load was interrupted; committed chunks "
                    + "stay committed and a re-run resumes").withEndpoint(settings.endpoint()), null, null, e);
        } finally {
            workers.shutdownNow();
        }
    }

    /** Records the first failure of a lane or worker task (a chunk's own failure is recorded by {@link #one}). */
    private void noteFailure(Throwable t) {
        Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        if (cause == null) {
            return;
        }
        LoadException e = cause instanceof LoadException le ? le
                : new LoadException(ErrorCatalog.diagnose(cause, settings.endpoint()), null, null, cause);
        failure.compareAndSet(null, e);
    }

    private void one(ChunkSource chunk) {
        if (failure.get() != null || Thread.currentThread().isInterrupted()) {
            return; // a chunk failed for good: start nothing new, finish what runs
        }
        ChunkLoader.Outcome o;
        try {
            o = loader.load(chunk);
        } catch (LoadException e) {
            if (!failure.compareAndSet(null, e)) {
                // the first failure is thrown by run(); later ones would be lost without this line
                LOG.warn("{}: chunk {} of {} failed too: {}", jobId, chunk.id(), chunk.qualifiedTable(),
                        e.diagnosis().render());
            }
            return;
        }
        TableTally t = tables.get(chunk.qualifiedTable());
        t.nanos.addAndGet(o.elapsed().toNanos());
        int d = done.incrementAndGet();
        if (o.skipped()) {
            skipped.incrementAndGet();
            t.skipped.incrementAndGet();
            ChunkProgress p = new ChunkProgress(jobId, chunk.id(), chunk.qualifiedTable(), 0, o.elapsed(), d, total.get(), rows.get());
            released(chunk);
            tell(jobId, () -> listener.chunkSkipped(p));
        } else {
            LOG.debug("{}: chunk {} of {} loaded, {} rows in {} ms", jobId, chunk.id(), chunk.qualifiedTable(), o.rows(),
                    o.elapsed().toMillis());
            loaded.incrementAndGet();
            t.loaded.incrementAndGet();
            t.rows.addAndGet(o.rows());
            long r = rows.addAndGet(o.rows());
            ChunkProgress p = new ChunkProgress(jobId, chunk.id(), chunk.qualifiedTable(), o.rows(), o.elapsed(), d, total.get(), r);
            released(chunk);
            tell(jobId, () -> listener.chunkLoaded(p));
        }
    }

    private void released(ChunkSource chunk) {
        try {
            chunk.committed();
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: chunk {} is loaded, but its source could not release it: {}", jobId, chunk.id(), e.toString());
        }
    }

    /** Calls a listener; a listener that throws is logged and the load goes on. */
    static void tell(String jobId, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("{}: a load listener failed; the load goes on", jobId, e);
        }
    }

    /** Per table counters, updated by worker threads. */
    static final class TableTally {
        final String table;
        final AtomicLong rows = new AtomicLong();
        final AtomicInteger loaded = new AtomicInteger();
        final AtomicInteger skipped = new AtomicInteger();
        final AtomicLong nanos = new AtomicLong();

        TableTally(String table) {
            this.table = table;
        }

        TableLoadResult result() {
            return new TableLoadResult(table, rows.get(), loaded.get(), skipped.get(), Duration.ofNanos(nanos.get()));
        }
    }
}
