package io.github.auroramigrate.micrometer;

import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.dump.DumpListener;
import io.github.auroramigrate.core.dump.DumpProgress;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.dump.DumpedChunk;
import io.github.auroramigrate.core.load.ChunkProgress;
import io.github.auroramigrate.core.load.LoadListener;
import io.github.auroramigrate.core.load.LoadMethod;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.load.ScriptProgress;
import io.github.auroramigrate.replication.CatchUpProgress;
import io.github.auroramigrate.replication.ReplicationLag;
import io.github.auroramigrate.replication.ReplicationListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The progress, throughput, retries and replication lag of a migration as Micrometer meters in the application's own
 * registry, for platform teams' dashboards and alerts: listeners to hand to a dump, a load and a replication.
 *
 * <pre>{@code
 * MigrationMetrics metrics = MigrationMetrics.of(registry).tag("migration", "shop-to-aurora").build();
 * Dump.from(source).schemas("shop").to(store).listener(metrics.dump()).build().run();
 * Load.into(target).from(LoadSources.dump(store)).listener(metrics.load()).build().run();
 * Replication.of(target).source(source, repl).listener(metrics.replication())...;
 * }</pre>
 *
 * <p>Meters (every one tagged with the builder's tags):
 * <ul>
 *   <li>{@code aurora.migrate.dump.rows}, {@code .dump.bytes} (data bytes), {@code .dump.chunks} - counters;
 *       {@code .dump.tables.done}, {@code .dump.tables.total}, {@code .dump.bytes.per.second} - gauges;
 *       {@code .dump.failures} - counter tagged {@code code}</li>
 *   <li>{@code aurora.migrate.load.chunks} - counter tagged {@code result} ({@code loaded}, {@code skipped}: committed
 *       by an earlier run); {@code .load.rows} - counter; {@code .load.retries} - counter tagged {@code code} (the
 *       diagnosis of the failed attempt); {@code .load.chunk.duration} - timer; {@code .load.chunks.total},
 *       {@code .load.chunks.done} - gauges; {@code .load.script.bytes} - gauge (how far into a SQL file)</li>
 *   <li>{@code aurora.migrate.replication.lag.seconds} - gauge tagged {@code measure} ({@code heartbeat}: the
 *       library's own heartbeat, the one to alert on; {@code seconds_behind}: the server's own figure), NaN until
 *       known; {@code .replication.bytes.behind} - gauge; {@code .replication.skipped} - counter</li>
 * </ul>
 *
 * <p>One instance serves one dump, one load and one replication at a time (its gauges hold the latest figures);
 * build one per migration, with a tag that tells them apart. Thread-safe: the library calls listeners from worker
 * threads concurrently. Meters are registered when the instance is built.
 */
public final class MigrationMetrics {
    private static final String P = "aurora.migrate.";

    private final MeterRegistry registry;
    private final Tags tags;
    private final Counter dumpRows;
    private final Counter dumpBytes;
    private final Counter dumpChunks;
    private final AtomicLong dumpTablesDone = new AtomicLong();
    private final AtomicLong dumpTablesTotal = new AtomicLong();
    private final AtomicReference<Double> dumpRate = new AtomicReference<>(0.0);
    private final Counter loadedChunks;
    private final Counter skippedChunks;
    private final Counter loadRows;
    private final Timer chunkDuration;
    private final AtomicLong loadTotal = new AtomicLong();
    private final AtomicLong loadDone = new AtomicLong();
    private final AtomicLong scriptBytes = new AtomicLong();
    private final AtomicReference<Double> heartbeatLag = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> serverLag = new AtomicReference<>(Double.NaN);
    private final AtomicLong bytesBehind = new AtomicLong(-1);
    private final Counter skipped;

    private MigrationMetrics(MeterRegistry registry, Tags tags) {
        this.registry = registry;
        this.tags = tags;
        dumpRows = Counter.builder(P + "dump.rows").description("Rows dumped").tags(tags).register(registry);
        dumpBytes = Counter.builder(P + "dump.bytes").description("Data bytes dumped (uncompressed)").baseUnit("bytes")
                .tags(tags).register(registry);
        dumpChunks = Counter.builder(P + "dump.chunks").description("Chunk files written").tags(tags).register(registry);
        gauge("dump.tables.done", "Tables dumped completely", dumpTablesDone);
        gauge("dump.tables.total", "Tables the dump takes", dumpTablesTotal);
        Gauge.builder(P + "dump.bytes.per.second", dumpRate, AtomicReference::get).description("Dump throughput")
                .baseUnit("bytes").tags(tags).register(registry);
        loadedChunks = Counter.builder(P + "load.chunks").description("Chunks committed").tags(tags)
                .tag("result", "loaded").register(registry);
        skippedChunks = Counter.builder(P + "load.chunks").description("Chunks committed").tags(tags)
                .tag("result", "skipped").register(registry);
        loadRows = Counter.builder(P + "load.rows").description("Rows loaded").tags(tags).register(registry);
        chunkDuration = Timer.builder(P + "load.chunk.duration").description("Time to load and commit one chunk")
                .tags(tags).register(registry);
        gauge("load.chunks.total", "Chunks the load knows of", loadTotal);
        gauge("load.chunks.done", "Chunks loaded or skipped", loadDone);
        gauge("load.script.bytes", "Bytes read of a SQL file being loaded", scriptBytes);
        Gauge.builder(P + "replication.lag.seconds", heartbeatLag, AtomicReference::get).description("Replication lag "
                + "by the library's heartbeat").baseUnit("seconds").tags(tags).tag("measure", "heartbeat").register(registry);
        Gauge.builder(P + "replication.lag.seconds", serverLag, AtomicReference::get).description("Replication lag as "
                + "the replica reports it").baseUnit("seconds").tags(tags).tag("measure", "seconds_behind")
                .register(registry);
        gauge("replication.bytes.behind", "Binlog bytes the replica has yet to apply (-1 unknown)", bytesBehind);
        skipped = Counter.builder(P + "replication.skipped").description("Transactions or events skipped by a remedy")
                .tags(tags).register(registry);
    }

    private void gauge(String name, String description, AtomicLong value) {
        Gauge.builder(P + name, value, AtomicLong::get).description(description).tags(tags).register(registry);
    }

    /**
     * Starts configuring the meters of one migration in {@code registry}.
     *
     * @throws NullPointerException when registry is null
     */
    public static Builder of(MeterRegistry registry) {
        return new Builder(Objects.requireNonNull(registry, "registry"));
    }

    /** @return the listener to give a dump ({@code Dump.Builder.listener}) */
    public DumpListener dump() {
        return new DumpListener() {
            @Override
            public void onChunkWritten(TableRef table, DumpedChunk chunk) {
                dumpChunks.increment();
                dumpRows.increment(chunk.rows());
                dumpBytes.increment(chunk.dataBytes());
            }

            @Override
            public void onProgress(DumpProgress p) {
                dumpTablesDone.set(p.tablesDone());
                dumpTablesTotal.set(p.tablesTotal());
                dumpRate.set(p.bytesPerSecond());
            }

            @Override
            public void onDumpFinished(DumpResult result) {
                dumpRate.set(0.0);
            }

            @Override
            public void onDumpFailed(MigrationException failure) {
                Counter.builder(P + "dump.failures").description("Dumps that failed").tags(tags)
                        .tag("code", failure.code().name()).register(registry).increment();
                dumpRate.set(0.0);
            }
        };
    }

    /** @return the listener to give a load ({@code Load.Builder.listener}) */
    public LoadListener load() {
        return new LoadListener() {
            @Override
            public void loadStarted(String jobId, int chunksTotal, LoadMethod method) {
                loadTotal.set(chunksTotal);
                loadDone.set(0);
            }

            @Override
            public void chunkLoaded(ChunkProgress p) {
                loadedChunks.increment();
                loadRows.increment(p.rows());
                chunkDuration.record(p.elapsed());
                progress(p);
            }

            @Override
            public void chunkSkipped(ChunkProgress p) {
                skippedChunks.increment();
                progress(p);
            }

            @Override
            public void chunkRetried(ChunkProgress p, Diagnosis cause) {
                Counter.builder(P + "load.retries").description("Chunk attempts rolled back and tried again").tags(tags)
                        .tag("code", cause.code().name()).register(registry).increment();
            }

            @Override
            public void scriptProgress(ScriptProgress p) {
                scriptBytes.set(p.bytesRead());
            }

            @Override
            public void loadFinished(LoadResult result) {
                loadDone.set(Math.max(loadDone.get(), result.chunksLoaded() + result.chunksSkipped()));
            }
        };
    }

    private void progress(ChunkProgress p) {
        loadDone.accumulateAndGet(p.chunksDone(), Math::max);
        loadTotal.accumulateAndGet(p.chunksTotal(), Math::max);
    }

    /** @return the listener to give a replication ({@code Replication.Builder.listener}) */
    public ReplicationListener replication() {
        return new ReplicationListener() {
            @Override
            public void catchUpProgress(CatchUpProgress p) {
                record(p);
            }

            @Override
            public void caughtUp(CatchUpProgress p) {
                record(p);
            }

            @Override
            public void skipped(io.github.auroramigrate.replication.SkipReport report) {
                skipped.increment();
            }
        };
    }

    private void record(CatchUpProgress p) {
        ReplicationLag lag = p.lag();
        heartbeatLag.set(lag.heartbeat().map(MigrationMetrics::seconds).orElse(Double.NaN));
        serverLag.set(lag.secondsBehindSource().map(MigrationMetrics::seconds).orElse(Double.NaN));
        bytesBehind.set(p.bytesBehind());
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    /** Builder of {@link MigrationMetrics}; not thread-safe. */
    public static final class Builder {
        private final MeterRegistry registry;
        private Tags tags = Tags.empty();

        private Builder(MeterRegistry registry) {
            this.registry = registry;
        }

        /** Adds a tag to every meter, e.g. {@code tag("migration", "shop-to-aurora")}; default: none. */
        public Builder tag(String key, String value) {
            tags = tags.and(Tag.of(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
            return this;
        }

        /** Registers the meters and returns the listeners' source. */
        public MigrationMetrics build() {
            return new MigrationMetrics(registry, tags);
        }
    }
}
