package io.github.auroramigrate.core.copy;

import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadException;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.Compression;
import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpJob;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies schemas from a source straight into a target, with no intermediate files: the handbook's
 * {@code mysqldump | mysql}, in parallel, consistent, and exactly once. A {@link Dump} (consistent snapshot, binlog
 * coordinates, chunks by key range) writes its chunks into memory while a {@link Load} follows it and streams each
 * chunk into the target ({@code LOAD DATA LOCAL}, one transaction per chunk, journaled) as soon as it is complete,
 * then drops it from memory.
 *
 * <p>A copy is composed of the two: every dump option (schemas, tables, excludes, filters, consistency, ...) and
 * every load option (transform, verify, listener, index deferral, ...) is configured on their own builders.
 *
 * <pre>{@code
 * CopyResult r = Copy.from(source).to(target).threads(2)
 *     .dump(d -> d.schemas("shop").exclude("shop.audit_log"))
 *     .load(l -> l.transform(Transforms.stripDefiners()).verify(true))
 *     .build().run();
 * r.binlogPosition().ifPresent(p -> System.out.println("replicate from " + p));
 * }</pre>
 *
 * <p>What the copy sets itself, after the caller's configuration: the dump's store (memory) and compression (none),
 * and the load's source (that dump, followed). Memory: at most {@link Builder#memoryLimit} bytes of complete chunks
 * wait for the loader (dump workers pause when it is reached), plus one chunk per dump worker being written. A copy
 * is not resumable across runs: the snapshot it copies ends with it, so after a failure drop the copied tables (or
 * use a fresh target) and run it again; within a run, a chunk is never loaded twice (the journal job is
 * {@code dump-<dumpId>}).
 *
 * <p>A configured {@code Copy} is immutable and thread-safe; {@link #run()} holds connections and threads only while
 * it runs.
 */
public final class Copy {
    private static final Logger LOG = LoggerFactory.getLogger(Copy.class);

    private final Endpoint source;
    private final Endpoint target;
    private final int threads;
    private final DataSize memoryLimit;
    private final Consumer<Dump.Builder> dumpOptions;
    private final Consumer<Load.Builder> loadOptions;
    private final DataSize chunkSize;

    private Copy(Builder b) {
        this.source = b.source;
        this.target = Objects.requireNonNull(b.target, "to");
        this.threads = b.threads;
        this.memoryLimit = Objects.requireNonNull(b.memoryLimit, "memoryLimit");
        this.dumpOptions = b.dumpOptions;
        this.loadOptions = b.loadOptions;
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be 1..64, was " + threads);
        }
        // the dump side is validated now, with a throw-away store; the load side needs the followed dump and is
        // validated when the copy runs, before any row moves
        try (MemoryDumpStore probe = new MemoryDumpStore(memoryLimit.toBytes())) {
            this.chunkSize = dump(probe).chunkSize();
        }
        load();
        if (memoryLimit.toBytes() < chunkSize.toBytes()) {
            throw new IllegalArgumentException("memoryLimit (" + memoryLimit + ") must be at least the dump's chunkSize ("
                    + chunkSize + ")");
        }
    }

    private static DataSize defaultMemoryLimit() {
        long eighth = Runtime.getRuntime().maxMemory() / 8;
        return DataSize.ofBytes(Math.max(4L << 20, Math.min(256L << 20, eighth)));
    }

    /**
     * Starts configuring a copy from {@code source}.
     *
     * @throws NullPointerException when source is null
     */
    public static Builder from(Endpoint source) {
        return new Builder(Objects.requireNonNull(source, "source"));
    }

    private Dump dump(MemoryDumpStore store) {
        Dump.Builder d = Dump.from(source).threads(threads).chunkSize(defaultChunkSize());
        dumpOptions.accept(d);
        return d.to(store).compression(Compression.NONE).build();
    }

    private Load.Builder load() {
        Load.Builder l = Load.into(target).threads(threads);
        loadOptions.accept(l);
        return l;
    }

    private DataSize defaultChunkSize() {
        return DataSize.ofBytes(Math.max(1024, Math.min(DataSize.ofMegabytes(16).toBytes(), memoryLimit.toBytes() / 2)));
    }

    /**
     * Runs the copy.
     *
     * @return the dump's coordinates and the load's result
     * @throws io.github.auroramigrate.core.dump.DumpException when the dump side fails
     * @throws LoadException when the load side fails (the dump is then cancelled)
     */
    public CopyResult run() {
        MemoryDumpStore store = new MemoryDumpStore(memoryLimit.toBytes());
        Dump dump = dump(store);
        LOG.info("copying from {} to {} with {} thread(s)", source.describe(), target.describe(), threads);
        try (DumpJob job = dump.start()) {
            LoadResult load;
            try {
                awaitManifest(store, job);
                load = load().from(LoadSources.following(store).discardingLoadedChunks()).build().run();
            } catch (RuntimeException e) {
                boolean dumpEnded = job.isDone(); // before we cancel it: did it fail on its own?
                store.close(); // wakes dump workers waiting for memory
                job.close();
                if (dumpEnded) {
                    job.await(); // the dump's own failure explains more than "the dump FAILED"
                }
                throw e;
            }
            DumpResult result = job.await();
            CopyResult r = new CopyResult(result, load, DataSize.ofBytes(store.peakDataBytes()));
            LOG.info("copied {} rows; source snapshot {}", load.rowsLoaded(), result);
            return r;
        } finally {
            store.close();
        }
    }

    private static void awaitManifest(MemoryDumpStore store, DumpJob job) {
        while (!store.exists(Manifest.KEY)) {
            if (job.isDone()) {
                job.await(); // throws the dump's failure
                return;
            }
            try {
                Thread.sleep(20); // polls the dump's first manifest write; the job's end is checked each round
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoadException(Diagnosis.of(DiagnosisCode.CANCELLED, "the copy was interrupted"), null, null, e);
            }
        }
    }

    /** Builder of a {@link Copy}; not thread-safe. */
    public static final class Builder {
        private final Endpoint source;
        private Endpoint target;
        private int threads = 1;
        private DataSize memoryLimit = defaultMemoryLimit();
        private Consumer<Dump.Builder> dumpOptions = d -> { };
        private Consumer<Load.Builder> loadOptions = l -> { };

        private Builder(Endpoint source) {
            this.source = source;
        }

        /** Required: the target. */
        public Builder to(Endpoint target) {
            this.target = target;
            return this;
        }

        /**
         * Dump workers and load threads (each), 1..64; default 1. Either side can still be given its own count in
         * {@link #dump} or {@link #load}. The target's core count is not visible over SQL; the handbook's rule is one
         * load thread per two target cores.
         */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Configures the dump side: what to copy ({@code schemas}, {@code tables}, {@code exclude}, {@code where}),
         * consistency, chunk size (default 16 MiB, or half the memory limit when that is smaller) and every other
         * {@link Dump.Builder} option except the store and compression, which the copy sets. Default: the whole
         * instance but its system schemas. Replaces an earlier call.
         */
        public Builder dump(Consumer<Dump.Builder> options) {
            this.dumpOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Configures the load side: transform, verify, listener, index deferral, existing objects, retries and every
         * other {@link Load.Builder} option except the source, which the copy sets. Default: the load's defaults.
         * Replaces an earlier call.
         */
        public Builder load(Consumer<Load.Builder> options) {
            this.loadOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Most bytes of complete chunks held in memory for the loader; at least the dump's chunk size. Default: an
         * eighth of the JVM's maximum heap, between 4 MiB and 256 MiB (32 MiB with -Xmx256m), so a default copy fits
         * any heap.
         */
        public Builder memoryLimit(DataSize limit) {
            this.memoryLimit = limit;
            return this;
        }

        /**
         * @throws NullPointerException     without a target
         * @throws IllegalArgumentException for bad threads or sizes, or a dump or load option its builder refuses
         */
        public Copy build() {
            return new Copy(this);
        }
    }
}
