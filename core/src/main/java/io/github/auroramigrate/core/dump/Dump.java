package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.Compression;
import io.github.auroramigrate.core.DumpFormat;
import io.github.auroramigrate.core.Consistency;
import io.github.auroramigrate.core.store.DumpStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Dumps a MySQL-compatible source (the whole instance, some schemas, or some tables) into a {@link DumpStore}:
 * one consistent snapshot across parallel workers, binlog/GTID coordinates of that snapshot, schema objects as
 * DDL, data in compressed chunks with row counts and checksums, and a manifest describing it all
 * ({@code docs/dump-format.md}).
 *
 * <pre>{@code
 * DumpResult r = Dump.from(source)
 *     .schemas("shop")
 *     .exclude("shop.audit_*")
 *     .where("shop.orders", "created >= '2024-01-01'")
 *     .to(DumpStores.directory(Path.of("shop_dump")))
 *     .threads(4)
 *     .chunkSize(DataSize.ofMegabytes(64))
 *     .compression(Compression.ZSTD)
 *     .build()
 *     .run();
 * r.binlogPosition().ifPresent(p -> System.out.println("replicate from " + p));
 * }</pre>
 *
 * <p>A built {@code Dump} is immutable and thread-safe; each {@link #run()} takes a new dump. Worker threads are
 * named {@code aurora-dump-<job>-<n>}; interrupting the thread that called {@link #run()} cancels the dump.
 */
public final class Dump {
    private final DumpOptions options;

    private Dump(DumpOptions options) {
        this.options = options;
    }

    /** @return a builder dumping from {@code source} */
    public static Builder from(Endpoint source) {
        return new Builder(source);
    }

    /**
     * Takes the dump on the calling thread.
     *
     * @return the result, once the manifest says COMPLETE
     * @throws DumpException with a diagnosis when it fails (the manifest then says FAILED) or is cancelled
     */
    public DumpResult run() {
        return new DumpRun(options).run();
    }

    /**
     * Takes the dump in the background.
     *
     * @return the running job; close it to cancel
     */
    public DumpJob start() {
        DumpJob job = new DumpJob(new DumpRun(options));
        job.start();
        return job;
    }

    /**
     * Reports what would be dumped and with which consistency guarantee (predicted from the user's privileges),
     * without taking locks or writing anything.
     *
     * @throws DumpException when the source cannot be read
     */
    public DumpPlan dryRun() {
        return new DumpRun(options).dryRun();
    }

    /** @return the store this dump writes to */
    public DumpStore store() {
        return options.store();
    }

    /** @return the target size of a chunk, uncompressed */
    public DataSize chunkSize() {
        return options.chunkSize();
    }

    @Override
    public String toString() {
        return "Dump{" + options.endpoint().describe() + " -> " + options.store().describe() + "}";
    }

    /**
     * Configures a {@link Dump}. Not thread-safe. {@link #build()} validates everything at once.
     */
    public static final class Builder {
        private final Endpoint endpoint;
        private DumpStore store;
        private int threads;
        private DataSize chunkSize = DataSize.ofMegabytes(64);
        private Compression compression = Compression.ZSTD;
        private DumpFormat format = DumpFormat.FLAT;
        private final List<String> schemas = new ArrayList<>();
        private final List<String> excludeSchemas = new ArrayList<>();
        private final List<String> tables = new ArrayList<>();
        private final List<String> excludeTables = new ArrayList<>();
        private final Map<String, String> where = new LinkedHashMap<>();
        private boolean ddl = true;
        private boolean data = true;
        private boolean views = true;
        private boolean routines = true;
        private boolean triggers = true;
        private boolean events = true;
        private boolean users;
        private Consistency consistency;
        private boolean requireConsistency = true;
        private Duration lockTimeout = Duration.ofSeconds(60);
        private DumpListener listener;
        private io.github.auroramigrate.core.transform.Transform transform;
        private Executor executor;
        private boolean overwrite;

        private Builder(Endpoint endpoint) {
            this.endpoint = endpoint;
        }

        /**
         * Schemas to dump, by name or glob pattern ({@code *}, {@code ?}). Default: all user schemas. Adds to earlier
         * calls. A pattern that matches no schema fails the dump with {@code INVALID_INPUT} before anything is locked
         * or written, naming the pattern and the schemas that exist (the same holds for {@link #excludeSchemas},
         * {@link #tables}, {@link #exclude} and {@link #where}). The system schemas and the library's own
         * {@code aurora_migrate} (load journal, replication heartbeat) are never dumped.
         */
        public Builder schemas(String... namesOrPatterns) {
            schemas.addAll(Arrays.asList(namesOrPatterns));
            return this;
        }

        /**
         * Schemas to leave out, by name or pattern. Default none; system schemas and {@code aurora_migrate} are always
         * left out.
         */
        public Builder excludeSchemas(String... namesOrPatterns) {
            excludeSchemas.addAll(Arrays.asList(namesOrPatterns));
            return this;
        }

        /**
         * Tables (and views) to dump, as {@code schema.table} names or patterns. Default: all tables of the chosen
         * schemas. Naming tables of a schema restricts it to them, and its routines and events are then dumped only
         * when a pattern covers the whole schema ({@code shop.*}).
         */
        public Builder tables(String... namesOrPatterns) {
            tables.addAll(Arrays.asList(namesOrPatterns));
            return this;
        }

        /** Tables (and views) to leave out, as {@code schema.table} names or patterns. Default none. */
        public Builder exclude(String... tableNamesOrPatterns) {
            excludeTables.addAll(Arrays.asList(tableNamesOrPatterns));
            return this;
        }

        /** Dumps only the rows of {@code schema.table} matching an SQL condition, e.g. {@code id > 5}. Default: all rows. */
        public Builder where(String table, String condition) {
            where.put(Objects.requireNonNull(table, "table"), Objects.requireNonNull(condition, "condition"));
            return this;
        }

        /** Where to write the dump. Required. It must hold no dump yet, unless {@link #overwrite(boolean)}. */
        public Builder to(DumpStore store) {
            this.store = store;
            return this;
        }

        /**
         * Worker threads, each with its own connection to the source (plus one coordinator connection). Default 0:
         * one per source CPU core where the source reveals it (MariaDB), else one per core of this machine, at most 32.
         */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Target uncompressed size of a chunk file. Default 64 MiB; at least 1 KiB. */
        public Builder chunkSize(DataSize size) {
            this.chunkSize = size;
            return this;
        }

        /** Compression of chunk files. Default {@link Compression#ZSTD}. DDL files and the manifest are not compressed. */
        public Builder compression(Compression compression) {
            this.compression = compression;
            return this;
        }

        /** Layout of chunk files. Default {@link DumpFormat#FLAT} (LOAD DATA). */
        public Builder format(DumpFormat format) {
            this.format = format;
            return this;
        }

        /** Whether to write DDL files (schemas, tables, views, routines, triggers, events). Default true. */
        public Builder ddl(boolean ddl) {
            this.ddl = ddl;
            return this;
        }

        /** Whether to dump table data. Default true. */
        public Builder data(boolean data) {
            this.data = data;
            return this;
        }

        /** Whether to dump views. Default true. */
        public Builder views(boolean views) {
            this.views = views;
            return this;
        }

        /** Whether to dump stored procedures and functions. Default true. */
        public Builder routines(boolean routines) {
            this.routines = routines;
            return this;
        }

        /** Whether to dump triggers. Default true. */
        public Builder triggers(boolean triggers) {
            this.triggers = triggers;
            return this;
        }

        /** Whether to dump events. Default true. */
        public Builder events(boolean events) {
            this.events = events;
            return this;
        }

        /**
         * Whether to dump accounts (CREATE USER with password hashes, and GRANTs). Default false. System accounts
         * ({@code mysql.*}, {@code mariadb.sys}, {@code rdsadmin}) are never dumped.
         */
        public Builder users(boolean users) {
            this.users = users;
            return this;
        }

        /**
         * Forces one consistency method (fails if it is not possible). Default: the strongest that works (AUTO,
         * docs/dump-format.md section 6).
         */
        public Builder consistency(Consistency consistency) {
            this.consistency = consistency;
            return this;
        }

        /**
         * Whether the dump must fail when no consistent method is possible. Default true; with false it falls back
         * to {@link Consistency#NONE} and says so in the result and manifest.
         */
        public Builder requireConsistency(boolean require) {
            this.requireConsistency = require;
            return this;
        }

        /** How long to wait for a global or table lock before trying the next method. Default 60 s; at least 1 s. */
        public Builder lockTimeout(Duration timeout) {
            this.lockTimeout = timeout;
            return this;
        }

        /**
         * Rewrites every DDL statement as it is written (e.g. {@code Transforms.stripDefiners()},
         * {@code Transforms.forceInnoDb()}, {@code Transforms.mapCollations(...)}), so the dump itself is ready for the
         * target. Default none. The transform must turn each statement into exactly one statement for the same
         * object: the manifest keeps describing the files, so dropping, splitting or renaming fails the dump with
         * {@code INVALID_INPUT} - filter with {@link #tables}/{@link #exclude} and rename schemas at load time.
         */
        public Builder transform(io.github.auroramigrate.core.transform.Transform transform) {
            this.transform = transform;
            return this;
        }

        /** Receives progress events. Default none. */
        public Builder listener(DumpListener listener) {
            this.listener = listener;
            return this;
        }

        /** Runs the workers on this executor instead of threads of their own. It must run {@code threads} tasks at once. */
        public Builder executor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** Whether to replace a dump already in the store (its files are deleted first). Default false. */
        public Builder overwrite(boolean overwrite) {
            this.overwrite = overwrite;
            return this;
        }

        private static void qualified(String pattern) {
            int dot = pattern.indexOf('.');
            if (dot <= 0 || dot == pattern.length() - 1) {
                throw new IllegalArgumentException("table pattern must be schema.table: '" + pattern + "'");
            }
        }

        /**
         * @return the configured dump
         * @throws NullPointerException     when the source, store or another setting is missing
         * @throws IllegalArgumentException for a bad thread count, chunk size, lock timeout, pattern or table name
         */
        public Dump build() {
            Objects.requireNonNull(endpoint, "source endpoint");
            Objects.requireNonNull(store, "store (call to(...))");
            Objects.requireNonNull(chunkSize, "chunkSize");
            Objects.requireNonNull(compression, "compression");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(lockTimeout, "lockTimeout");
            if (threads < 0 || threads > 256) {
                throw new IllegalArgumentException("threads must be 0 (automatic) to 256, was " + threads);
            }
            if (chunkSize.toBytes() < 1024) {
                throw new IllegalArgumentException("chunkSize must be at least 1 KiB, was " + chunkSize);
            }
            if (lockTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("lockTimeout must be at least 1 second, was " + lockTimeout);
            }
            List<String> all = new ArrayList<>(schemas);
            all.addAll(excludeSchemas);
            all.addAll(tables);
            all.addAll(excludeTables);
            for (String s : all) {
                if (Objects.requireNonNull(s, "schema or table name").isBlank()) {
                    throw new IllegalArgumentException("blank schema or table name");
                }
            }
            tables.forEach(Builder::qualified);
            excludeTables.forEach(Builder::qualified);
            for (Map.Entry<String, String> w : where.entrySet()) {
                qualified(w.getKey());
                if (w.getValue().isBlank() || w.getValue().contains(";")) {
                    throw new IllegalArgumentException("where condition for " + w.getKey() + " must be one non-blank "
                            + "SQL condition: '" + w.getValue() + "'");
                }
            }
            return new Dump(new DumpOptions(endpoint, store, threads, chunkSize, compression, format, schemas,
                    excludeSchemas, tables, excludeTables, where, ddl, data, views, routines, triggers, events, users,
                    consistency, requireConsistency, lockTimeout, listener, executor, overwrite, transform));
        }
    }
}
