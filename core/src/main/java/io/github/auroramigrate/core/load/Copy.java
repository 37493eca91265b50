package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpJob;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.format.Compression;
import io.github.auroramigrate.core.manifest.Manifest;
import io.github.auroramigrate.core.transform.Transform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies schemas from a source straight into a target, with no intermediate files: the handbook's
 * {@code mysqldump | mysql}, in parallel, consistent, and exactly once. A {@link Dump} (consistent snapshot, binlog
 * coordinates, chunks by key range) writes its chunks into memory while a {@link Load} follows it and streams each
 * chunk into the target ({@code LOAD DATA LOCAL}, one transaction per chunk, journaled) as soon as it is complete,
 * then drops it from memory.
 *
 * <pre>{@code
 * CopyResult r = Copy.from(source).to(target).schemas("shop").threads(2).verify(true).build().run();
 * replication.startAt(r.binlogPosition().orElseThrow());
 * }</pre>
 *
 * <p>Memory: at most {@link Builder#memoryLimit} bytes of complete chunks wait for the loader (dump workers pause
 * when it is reached), plus one chunk per dump worker being written. A copy is not resumable across runs: the
 * snapshot it copies ends with it, so after a failure drop the copied tables (or use a fresh target) and run it
 * again; within a run, a chunk is never loaded twice (the journal job is {@code dump-<dumpId>}).
 *
 * <p>A configured {@code Copy} is immutable and thread-safe; {@link #run()} holds connections and threads only while
 * it runs.
 */
public final class Copy {
    private static final Logger LOG = LoggerFactory.getLogger(Copy.class);

    private final Endpoint source;
    private final Endpoint target;
    private final List<String> schemas;
    private final List<String> tables;
    private final int threads;
    private final DataSize chunkSize;
    private final DataSize memoryLimit;
    private final LoadListener listener;
    private final Transform transform;
    private final boolean verify;
    private final DeferIndexes deferIndexes;

    private Copy(Builder b) {
        this.source = b.source;
        this.target = Objects.requireNonNull(b.target, "to");
        this.schemas = List.copyOf(b.schemas);
        this.tables = List.copyOf(b.tables);
        this.threads = b.threads;
        this.memoryLimit = Objects.requireNonNull(b.memoryLimit, "memoryLimit");
        this.chunkSize = b.chunkSize != null ? b.chunkSize
                : DataSize.ofBytes(Math.max(1024, Math.min(DataSize.ofMegabytes(16).toBytes(), memoryLimit.toBytes() / 2)));
        this.listener = Objects.requireNonNull(b.listener, "listener");
        this.transform = Objects.requireNonNull(b.transform, "transform");
        this.verify = b.verify;
        this.deferIndexes = b.deferIndexes;
        if (schemas.isEmpty()) {
            throw new IllegalArgumentException("schemas(..) is required");
        }
        if (threads < 1 || threads > 64) {
            throw new IllegalArgumentException("threads must be 1..64, was " + threads);
        }
        if (memoryLimit.toBytes() < chunkSize.toBytes()) {
            throw new IllegalArgumentException("memoryLimit (" + memoryLimit + ") must be at least chunkSize (" + chunkSize + ")");
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

    /**
     * Runs the copy.
     *
     * @return the dump's coordinates and the load's result
     * @throws io.github.auroramigrate.core.dump.DumpException when the dump side fails
     * @throws LoadException when the load side fails (the dump is then cancelled)
     */
    public CopyResult run() {
        MemoryDumpStore store = new MemoryDumpStore(memoryLimit.toBytes());
        Dump.Builder d = Dump.from(source).schemas(schemas.toArray(String[]::new)).to(store).threads(threads)
                .chunkSize(chunkSize).compression(Compression.NONE);
        if (!tables.isEmpty()) {
            d.tables(tables.toArray(String[]::new));
        }
        LOG.info("copying {} from {} to {} with {} thread(s)", schemas, source.describe(), target.describe(), threads);
        try (DumpJob job = d.build().start()) {
            LoadResult load;
            try {
                awaitManifest(store, job);
                load = Load.into(target).from(DumpLoadSource.following(store)).threads(threads).listener(listener)
                        .transform(transform).verify(verify).deferSecondaryIndexes(deferIndexes).chunkDone(c -> {
                            if (c instanceof DumpLoadSource.StoredChunk s) {
                                store.delete(s.key());
                            }
                        }).build().run();
            } catch (RuntimeException e) {
                boolean dumpEnded = job.isDone(); // before we cancel it: did it fail on its own?
                store.close(); // wakes dump workers waiting for memory
                job.close();
                if (dumpEnded) {
                    job.await(); // the dump's own failure explains more than "the dump FAILED"
                }
                throw e;
            }
            DumpResult dump = job.await();
            CopyResult r = new CopyResult(dump, load, DataSize.ofBytes(store.peakDataBytes()));
            LOG.info("copied {} rows; source snapshot {}", load.rowsLoaded(), dump);
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
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoadException(io.github.auroramigrate.core.diagnose.Diagnosis.of(
                        io.github.auroramigrate.core.diagnose.DiagnosisCode.CANCELLED, "the copy was interrupted"), null, null, e);
            }
        }
    }

    /** Builder of a {@link Copy}; not thread-safe. */
    public static final class Builder {
        private final Endpoint source;
        private Endpoint target;
        private final List<String> schemas = new ArrayList<>();
        private final List<String> tables = new ArrayList<>();
        private int threads = 1;
        private DataSize chunkSize;
        private DataSize memoryLimit = defaultMemoryLimit();
        private LoadListener listener = LoadListener.NONE;
        private Transform transform = Transform.identity();
        private boolean verify;
        private DeferIndexes deferIndexes = DeferIndexes.AUTO;

        private Builder(Endpoint source) {
            this.source = source;
        }

        /** Required: the target. */
        public Builder to(Endpoint target) {
            this.target = target;
            return this;
        }

        /** Required: schemas to copy (names or patterns, as {@code Dump.Builder.schemas}); same names on the target. */
        public Builder schemas(String... namesOrPatterns) {
            schemas.addAll(Arrays.asList(namesOrPatterns));
            return this;
        }

        /** Tables to copy (as {@code Dump.Builder.tables}); default: all. */
        public Builder tables(String... namesOrPatterns) {
            tables.addAll(Arrays.asList(namesOrPatterns));
            return this;
        }

        /**
         * Dump workers and load threads (each), 1..64; default 1. The target's core count is not visible over SQL;
         * the handbook's rule is one load thread per two target cores.
         */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Target size of a chunk (uncompressed); default 16 MiB, or half the memory limit when that is smaller. */
        public Builder chunkSize(DataSize size) {
            this.chunkSize = size;
            return this;
        }

        /**
         * Most bytes of complete chunks held in memory for the loader; at least chunkSize. Default: an eighth of the
         * JVM's maximum heap, between 4 MiB and 256 MiB (32 MiB with -Xmx256m), so a default copy fits any heap.
         */
        public Builder memoryLimit(DataSize limit) {
            this.memoryLimit = limit;
            return this;
        }

        /** Load progress events; default: none. */
        public Builder listener(LoadListener listener) {
            this.listener = listener;
            return this;
        }

        /** A rewrite of the DDL on its way to the target (e.g. strip DEFINERs); default: none. */
        public Builder transform(Transform transform) {
            this.transform = transform;
            return this;
        }

        /** Compare the target with the snapshot's chunk checksums after loading; default false. */
        public Builder verify(boolean verify) {
            this.verify = verify;
            return this;
        }

        /**
         * Whether big tables are created without their secondary indexes, which are built once their rows are in;
         * default {@link DeferIndexes#AUTO} (by the source's size estimate). See {@link DeferIndexes}.
         */
        public Builder deferSecondaryIndexes(DeferIndexes mode) {
            this.deferIndexes = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * @throws NullPointerException     without a target
         * @throws IllegalArgumentException without schemas, or for bad threads or sizes
         */
        public Copy build() {
            return new Copy(this);
        }
    }
}
