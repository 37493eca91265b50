package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.endpoint.EndpointPool;
import io.github.auroramigrate.core.transform.DefinitionEffects;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a dump (or any {@link LoadSource}) into a target: schema scripts first, then data chunks in parallel, each
 * in its own transaction and recorded in the target's {@link LoadJournal} within that transaction, then views,
 * routines, triggers and events. A run that is interrupted (crash, kill, lost connection, a failing chunk) can
 * simply be run again: committed chunks and executed statements are skipped, nothing is loaded twice, and a run
 * after completion reports {@link LoadResult#nothingToDo()}.
 *
 * <pre>{@code
 * LoadResult r = Load.into(target).from(source).threads(2).listener(progress).build().run();
 * }</pre>
 *
 * <p>Data goes by {@code LOAD DATA LOCAL INFILE} streamed from Java when the target's {@code local_infile} is ON,
 * else (with a LOCAL_INFILE_DISABLED warning in the result) by multi-row INSERTs, or - asked for - read by the
 * target itself from the dump's store (Aurora's {@code LOAD DATA FROM S3}); see {@link LoadMethod}. The
 * session settings of a load are described in the package documentation.
 *
 * <p>A configured {@code Load} is immutable and thread-safe; {@link #run()} holds a connection pool and worker
 * threads only while it runs.
 *
 * <p>Why ~460 lines: the run's phases in their order (journal, schema scripts, data, deferred indexes, post-data
 * objects, verification) read best in one method, and the {@link Builder} documents every option's default; the
 * data phase is {@code DataPhase}, the choice of method {@code LoadMethodChoice}, server-side reads
 * {@code ServerSideChunks}.
 */
public final class Load {
    private static final Logger LOG = LoggerFactory.getLogger(Load.class);

    private final Endpoint target;
    private final LoadSource source;
    private final String jobId;
    private final int threads;
    private final LoadMethod method;
    private final LoadListener listener;
    private final int maxRetries;
    private final Duration retryBackoff;
    private final ScriptRunner.Rewriter rewriter;
    private final boolean verify;
    private final Transform transform;
    private final DeferIndexes deferIndexes;
    private final ExistingObjects existingObjects;

    private Load(Builder b) {
        this.target = b.target;
        this.source = Objects.requireNonNull(b.source, "from");
        this.jobId = b.jobId != null ? b.jobId : source.jobId();
        this.threads = b.threads;
        this.method = Objects.requireNonNull(b.method, "method");
        this.listener = Objects.requireNonNull(b.listener, "listener");
        this.rewriter = ScriptRunner.Rewriter.of(source.transform().andThen(b.transform));
        this.transform = b.transform; // verify(true) expects what it changes in definitions
        this.maxRetries = b.maxRetries;
        this.retryBackoff = Objects.requireNonNull(b.retryBackoff, "retryBackoff");
        this.verify = b.verify;
        this.deferIndexes = Objects.requireNonNull(b.deferIndexes, "deferSecondaryIndexes");
        this.existingObjects = Objects.requireNonNull(b.existingObjects, "existingObjects");
        LoadJournal.of(jobId); // validates
        if (verify && source.verification().isEmpty()) {
            throw new IllegalArgumentException("verify(true) needs a source that records checksums, such as a dump ("
                    + source + " does not); compare with the source server by Verify.between instead");
        }
        if (method == LoadMethod.SERVER_SIDE) {
            try {
                ServerSideChunks.of(source, target.describe()); // a store the server can read, chunks it can read
            } catch (LoadException e) {
                throw new IllegalArgumentException(e.diagnosis().message() + ". " + e.diagnosis().remedy(), e);
            }
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be 1..256, was " + threads);
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, was " + maxRetries);
        }
        if (retryBackoff.isNegative() || retryBackoff.isZero()) {
            throw new IllegalArgumentException("retryBackoff must be positive, was " + retryBackoff);
        }
    }

    /**
     * Starts configuring a load into {@code target}.
     *
     * @throws NullPointerException when target is null
     */
    public static Builder into(Endpoint target) {
        return new Builder(Objects.requireNonNull(target, "target"));
    }

    /**
     * A table filter in the transform that keeps none of the source's tables is a typo, not an empty load: fail
     * before the target is touched. (A following source may list no table yet; then there is nothing to check.)
     */
    private void checkSelection() {
        List<String> tables = source.chunks().stream().map(ChunkSource::qualifiedTable).distinct().toList();
        if (tables.isEmpty()) {
            return;
        }
        DefinitionEffects effects = transform.definitionEffects();
        boolean anyKept = source.chunks().stream().anyMatch(c -> effects.keepsTable(c.schema(), c.table()));
        if (!anyKept) {
            throw new LoadException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, "load " + jobId + ": the transform's "
                    + "table filter keeps none of the " + tables.size() + " tables of the source ("
                    + String.join(", ", tables.subList(0, Math.min(10, tables.size())))
                    + (tables.size() > 10 ? ", ..." : "") + "); nothing was written to " + target.describe()),
                    null, null, null);
        }
    }

    /** @return the job id: the journal key */
    public String jobId() {
        return jobId;
    }

    /**
     * Runs (or resumes) the load.
     *
     * @return what was loaded and skipped
     * @throws LoadException with a diagnosis naming the chunk and table, or file, line and statement, of the first
     *                       permanent failure; chunks committed before it stay committed (and are skipped by a re-run)
     * @throws io.github.auroramigrate.core.diagnose.ConnectionException when the target cannot be reached
     */
    public LoadResult run() {
        long start = System.nanoTime();
        checkSelection();
        List<Diagnosis> warnings = new ArrayList<>();
        // a caller's DataSource opens its connections itself: resolveMethod sees whether they allow LOCAL INFILE
        Endpoint loading = target.dataSource().isPresent() ? target
                : target.toBuilder().property("allowLoadLocalInfile", "true").build();
        LoadJournal journal = LoadJournal.of(jobId);
        try (EndpointPool pool = loading.pool(threads + ddlLanes() + 1)) { // + the DDL lanes and connection
            List<Diagnosis> methodWarnings = new ArrayList<>();
            LoadMethod used = LoadMethodChoice.resolve(pool, method, source, target.describe(), methodWarnings);
            ServerSideChunks serverSide = used == LoadMethod.SERVER_SIDE ? serverSide(pool) : null;
            // a source without data (a SQL file's INSERTs are statements) does not need LOAD DATA: say so only
            // when chunks come
            boolean chunksKnown = !source.chunks().isEmpty();
            if (chunksKnown) {
                warnMethod(methodWarnings, warnings);
            }
            DdlLedger ledger = new DdlLedger(journal, existingObjects, target.describe());
            try (Connection c = pool.connection()) {
                journal.ensureExists(c);
                ledger.init(c);
            } catch (SQLException e) {
                LoadException privilege = LoadJournal.privilegeFailure(e, target.describe());
                throw privilege != null ? privilege : new LoadException(ErrorCatalog.diagnose(e, target.describe()), null, null, e);
            }
            LOG.info("{}: loading into {} with {} thread(s) by {}", jobId, target.describe(), threads, used);
            Map<String, DataPhase.TableTally> tables = new ConcurrentHashMap<>();
            List<String> tableOrder = new ArrayList<>();
            LoadFeed feed = source.feed(deferIndexes);
            DataPhase data = new DataPhase(pool, journal, used, tables, source.chunks().size(), new DataPhase.Settings(
                    jobId, threads, maxRetries, retryBackoff, transform.definitionEffects()::schema, listener,
                    target.describe(), serverSide));
            Connection ddl = pool.connection();
            ScriptRunner scripts = new ScriptRunner(ddl, ledger, rewriter, target.describe(), UnaryOperator.identity());
            scripts.reportProgress(jobId, listener);
            Map<String, LoadFeed.DeferredTable> deferred = new ConcurrentHashMap<>();
            Set<String> indexed = ConcurrentHashMap.newKeySet();
            try (DdlLanes lanes = new DdlLanes(pool, scripts, ddlLanes(), jobId)) {
                SessionSettings previous = applySettings(ddl);
                DataPhase.IndexBuilder builder = (c, t) -> {
                    addIndexes(c, journal, t);
                    indexed.add(t.schema() + "." + t.table());
                };
                List<SqlScript> post = data.run(batch -> {
                    batch.deferred().forEach(t -> deferred.put(t.schema() + "." + t.table(), t));
                    long ddlStart = System.nanoTime();
                    for (SqlScript s : batch.schema()) {
                        run(scripts, pool, s);
                    }
                    LOG.debug("{}: {} schema scripts run in {} ms", jobId, batch.schema().size(),
                            (System.nanoTime() - ddlStart) / 1_000_000);
                    for (ChunkSource ch : batch.chunks()) {
                        if (!tables.containsKey(ch.qualifiedTable())) {
                            tables.put(ch.qualifiedTable(), new DataPhase.TableTally(ch.qualifiedTable()));
                            tableOrder.add(ch.qualifiedTable());
                        }
                    }
                }, feed, lanes, deferred, builder);
                for (LoadFeed.DeferredTable t : deferred.values()) {
                    if (!indexed.contains(t.schema() + "." + t.table())) { // a table without chunks
                        builder.build(ddl, t);
                    }
                }
                for (SqlScript s : post) {
                    run(scripts, pool, s);
                }
                restore(ddl, previous);
            } finally {
                closeQuietly(ddl);
            }
            if (!chunksKnown && data.total.get() > 0) {
                warnMethod(methodWarnings, warnings);
            }
            if (serverSide != null) {
                warnings.addAll(crossCheck(pool, serverSide));
            }
            VerifyResult verification = null;
            if (verify) {
                // a load does not create the dump's accounts, so they are not what it is judged by
                verification = source.verification().orElseThrow().against(target).transform(transform)
                        .dumpedAccounts(false).build().run();
                if (!verification.ok()) {
                    LOG.warn("{}: {} {} {}", jobId, verification.summary(), verification.objectDifferences(),
                            verification.differences());
                }
            }
            warnings.addAll(ledger.notes());
            warnings.addAll(scripts.warnings());
            warnings.addAll(rewriter.findings());
            List<TableLoadResult> perTable = tableOrder.stream().map(t -> tables.get(t).result()).toList();
            LoadResult result = new LoadResult(jobId, used, perTable, data.loaded.get(), data.skipped.get(),
                    data.rows.get() + scripts.rows(),
                    scripts.executed(), scripts.skipped(), Duration.ofNanos(System.nanoTime() - start), warnings, verification);
            LOG.info("{}", result.summary());
            DataPhase.tell(jobId, () -> listener.loadFinished(result));
            return result;
        }
    }


    /**
     * Runs a script on the load's DDL connection, or, for a file another tool wrote
     * ({@link SqlScript.Journaling#BY_STATEMENT}), on a connection of its own in the target's plain session, as the
     * {@code mysql} client would replay it: the load's session settings (time_zone +00:00, a relaxed sql_mode,
     * unique_checks off) would change what such a file means, since it sets only what its tool thought necessary.
     */
    private void run(ScriptRunner scripts, EndpointPool pool, SqlScript script) {
        if (script.journaling() != SqlScript.Journaling.BY_STATEMENT) {
            scripts.run(script);
            return;
        }
        try (Connection plain = pool.connection()) {
            scripts.on(plain).run(script);
        } catch (SQLException e) {
            throw new LoadException(ErrorCatalog.diagnose(e, target.describe()), null, null, e);
        }
    }

    /** The target's reads of the chunk files (SERVER_SIDE), checked on a load connection before anything is loaded. */
    private ServerSideChunks serverSide(EndpointPool pool) {
        ServerSideChunks chunks = ServerSideChunks.of(source, target.describe());
        try (Connection c = pool.connection()) {
            chunks.check(c);
        } catch (SQLException e) {
            throw new LoadException(ErrorCatalog.diagnose(e, target.describe()), null, null, e);
        }
        return chunks;
    }

    /** What the server's own record of its reads says against this run's journal: warnings only. */
    private List<Diagnosis> crossCheck(EndpointPool pool, ServerSideChunks chunks) {
        try (Connection c = pool.connection()) {
            List<Diagnosis> found = chunks.crossCheck(c);
            found.forEach(d -> LOG.warn("{}: {}", jobId, d.render()));
            return found;
        } catch (SQLException e) {
            LOG.warn("{}: the server's record of its reads could not be compared with the journal: {}", jobId, e.toString());
            return List.of();
        }
    }

    /** DDL lanes: one per data thread, at most 4 (beyond that they only contend for the data dictionary). */
    private int ddlLanes() {
        return Math.min(4, threads);
    }

    private void addIndexes(Connection c, LoadJournal journal, LoadFeed.DeferredTable t) {
        String table = t.schema() + "." + t.table();
        try {
            IndexDeferral.Split split;
            try (java.io.InputStream in = t.definition().open()) {
                split = IndexDeferral.split(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
            if (!split.deferred()) {
                return;
            }
            DataPhase.tell(jobId, () -> listener.indexesStarted(table));
            long start = System.nanoTime();
            boolean added = IndexDeferral.addIndexes(c, journal, t.schema(), t.table(), split, target.describe(), rewriter);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            LOG.info("{}: secondary indexes {} of {} {} in {} ms", jobId, split.names(), table,
                    added ? "added" : "found added by an earlier run", took.toMillis());
            DataPhase.tell(jobId, () -> listener.indexesAdded(table, took));
        } catch (SQLException e) {
            throw new LoadException(ErrorCatalog.diagnose(e, target.describe()), table, null, e);
        } catch (java.io.IOException e) {
            throw new LoadException(Diagnosis.of(DiagnosisCode.CORRUPT_FILE, "cannot read the DDL of " + table + ": " + e)
                    .withEndpoint(target.describe()), table, null, e);
        }
    }

    private SessionSettings applySettings(Connection c) {
        try {
            return SessionSettings.apply(c);
        } catch (SQLException e) {
            throw new LoadException(ErrorCatalog.diagnose(e, target.describe()), null, null, e);
        }
    }

    private void restore(Connection c, SessionSettings previous) {
        try {
            previous.restore(c);
        } catch (SQLException e) {
            LOG.debug("{}: restoring session settings failed: {}", jobId, e.toString());
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.debug("close failed: {}", e.toString());
        }
    }

    private void warnMethod(List<Diagnosis> methodWarnings, List<Diagnosis> warnings) {
        methodWarnings.forEach(w -> LOG.warn("{}: {}", jobId, w.render()));
        warnings.addAll(methodWarnings);
    }

    /** Builder of a {@link Load}; not thread-safe. */
    public static final class Builder {
        private final Endpoint target;
        private LoadSource source;
        private String jobId;
        private int threads = 1;
        private LoadMethod method = LoadMethod.AUTO;
        private LoadListener listener = LoadListener.NONE;
        private Transform transform = Transform.identity();
        private int maxRetries = 5;
        private Duration retryBackoff = Duration.ofMillis(200);
        private boolean verify;
        private DeferIndexes deferIndexes = DeferIndexes.AUTO;
        private ExistingObjects existingObjects = ExistingObjects.REFUSE;

        private Builder(Endpoint target) {
            this.target = target;
        }

        /** Required: what to load. */
        public Builder from(LoadSource source) {
            this.source = source;
            return this;
        }

        /** The journal key; default: {@link LoadSource#jobId()}. Two loads with the same id share their progress. */
        public Builder jobId(String jobId) {
            this.jobId = jobId;
            return this;
        }

        /**
         * Parallel chunk loads, 1..256. Default 1, because the target's core count is not visible over SQL: the
         * handbook's rule of thumb is one thread per two target cores (e.g. 4 on an 8-vCPU Aurora instance). The load
         * holds {@code threads + min(threads, 4) + 1} connections: the load threads, the DDL connections that create
         * tables and build deferred indexes beside them, and one for schemas and post-data objects.
         */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * How data is sent; default {@link LoadMethod#AUTO}. {@link LoadMethod#SERVER_SIDE} (Aurora's {@code LOAD DATA
         * FROM S3} for a dump in S3) needs a source whose store offers it and uncompressed flat chunks: {@link #build()}
         * refuses it otherwise, and the run checks the target's privileges and settings before loading anything.
         */
        public Builder method(LoadMethod method) {
            this.method = method;
            return this;
        }

        /**
         * A rewrite of the DDL statements (schema and post-data scripts; data chunks are not rewritten), e.g.
         * {@code Transforms.stripDefiners()} for a target without SUPER; default: none.
         */
        public Builder transform(Transform transform) {
            this.transform = Objects.requireNonNull(transform, "transform");
            return this;
        }

        /** Progress events; default: none. */
        public Builder listener(LoadListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * After loading, compare the target with the dump's manifest ({@link Verify#manifest}): row count and
         * checksum of every chunk's key range, and the object definitions the dump recorded (expecting the changes
         * the {@link #transform} declares in {@link Transform#definitionEffects()}); the outcome is {@link LoadResult#verification()} (differences are
         * reported there and logged, not thrown). Only for a source that offers it ({@link LoadSource#verification()}, e.g. a dump). Default false.
         */
        public Builder verify(boolean verify) {
            this.verify = verify;
            return this;
        }

        /**
         * Whether tables of a dump are created without their secondary indexes, which are added after the data in
         * one ALTER per table (journaled: a resumed load finishes them); default {@link DeferIndexes#AUTO} (tables
         * over 1M rows or 1 GiB). Only for a source whose {@link LoadSource#feed feed} can create tables without them (a dump); see {@link DeferIndexes}.
         */
        public Builder deferSecondaryIndexes(DeferIndexes mode) {
            this.deferIndexes = mode;
            return this;
        }

        /**
         * What to do with a schema, table, view, routine, trigger or event that exists on the target although this load
         * did not create it (objects this load created are always recognised, also after a crash). Such an object is
         * adopted when its definition is the one the load would create and it holds no rows the load did not write;
         * otherwise {@link ExistingObjects#REFUSE} (the default) fails with {@code OBJECT_EXISTS} naming it and what
         * differs, {@link ExistingObjects#REPLACE} drops and re-creates it. See {@link ExistingObjects}.
         */
        public Builder existingObjects(ExistingObjects mode) {
            this.existingObjects = mode;
            return this;
        }

        /** Retries of a chunk after a retryable failure (lost connection, deadlock, lock wait timeout); default 5. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        /** First wait before a retry, doubled up to 25 times that; default 200 ms. */
        public Builder retryBackoff(Duration backoff) {
            this.retryBackoff = backoff;
            return this;
        }

        /**
         * @throws NullPointerException     without a source
         * @throws IllegalArgumentException for bad thread or retry counts, or a bad job id
         */
        public Load build() {
            return new Load(this);
        }
    }
}
