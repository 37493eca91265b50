package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.TableRef;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.internal.sql.Selection;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.internal.format.RowValues;
import io.github.auroramigrate.core.internal.format.ChunkWriter;
import io.github.auroramigrate.core.internal.format.ColumnTypes;
import io.github.auroramigrate.core.DumpFormat;
import io.github.auroramigrate.core.internal.format.LoadDataClause;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.Consistency;
import io.github.auroramigrate.core.internal.manifest.DumpSettings;
import io.github.auroramigrate.core.internal.manifest.DumpStatus;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.SizeEstimate;
import io.github.auroramigrate.core.internal.manifest.SourceServer;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.internal.manifest.TableStatus;
import io.github.auroramigrate.core.probe.Flavor;
import io.github.auroramigrate.core.probe.ServerInfo;
import io.github.auroramigrate.core.probe.ServerProbe;
import io.github.auroramigrate.core.verify.internal.DefinitionReader;
import io.github.auroramigrate.core.verify.DefinitionSnapshot;
import io.github.auroramigrate.core.internal.checksum.KeyRangePredicate;
import io.github.auroramigrate.core.verify.ObjectKind;
import java.io.IOException;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One execution of a {@link Dump}: the coordinator (on the calling thread), the workers, and the monitor that
 * reports progress and keeps the manifest's heartbeat. Used once.
 *
 * <p>Why one class of ~700 lines: the three roles share one set of counters, connections, the first failure and the
 * cancel flag, whose ordering (a worker's failure cancels the rest, cancel aborts connections) is easiest to keep
 * right in one place; the parts that stand alone are classes of their own (Snapshotter, Catalog, ChunkPlanner,
 * TableSizer, ManifestTracker, DdlWriter). The hot loop ({@code copyRows}) is a small static method on purpose.
 */
final class DumpRun {
    private static final Logger LOG = LoggerFactory.getLogger(DumpRun.class);
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String TOOL = "aurora-migrate " + version();
    private static final ChunkPlanner.Task POISON = new ChunkPlanner.Task(null, 0, null, null, false);
    private static final int MAX_DEFAULT_THREADS = 32;

    private final DumpOptions o;
    private final String job;
    private final int seq;
    private final Clock clock = Clock.systemUTC();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final AtomicReference<DumpException> failure = new AtomicReference<>();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong dataBytes = new AtomicLong();
    private final AtomicLong fileBytes = new AtomicLong();
    private final AtomicLong chunks = new AtomicLong();
    private final AtomicInteger tablesDone = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile int tablesTotal;
    private volatile long estimatedBytes;
    private volatile Instant started;
    private ManifestTracker tracker;

    DumpRun(DumpOptions options) {
        this.o = options;
        this.seq = SEQ.incrementAndGet();
        this.job = "dump-" + seq;
    }

    String job() {
        return job;
    }

    // ---------------------------------------------------------------- dry run

    DumpPlan dryRun() {
        try (Connection c = o.endpoint().connect()) {
            ServerInfo info = ServerProbe.probe(c, o.endpoint().describe());
            Sessions.configure(c, false, info.flavor(), info.version());
            checkSelection(c);
            Catalog cat = Catalog.read(c, o.filter(), o);
            List<TableJob> jobs = tableJobs(c, cat, new KeyNames());
            return plan(info, cat, jobs, resolveThreads(info, c), Snapshotter.predict(info, o).level(),
                    Snapshotter.predict(info, o).description());
        } catch (SQLException e) {
            throw new DumpException(ErrorCatalog.diagnose(e, o.endpoint().describe()), e, null, 0);
        }
    }

    /** A schema, table, exclude or where-table that matches nothing is a typo: fail before anything happens. */
    private void checkSelection(Connection c) throws SQLException {
        Diagnosis d = Selection.check(c, o.filter(), o.where().keySet(), "dump of " + o.endpoint().describe());
        if (d != null) {
            throw new DumpException(d.withEndpoint(o.endpoint().describe()), null, null, 0);
        }
    }

    private DumpPlan plan(ServerInfo info, Catalog cat, List<TableJob> jobs, int threads, Consistency level, String note) {
        ChunkPlanner estimator = new ChunkPlanner(null, o.chunkSize().toBytes());
        List<DumpPlan.PlannedTable> tables = new ArrayList<>();
        long bytes = 0;
        for (TableJob t : jobs) {
            tables.add(new DumpPlan.PlannedTable(t.ref, t.size.rows(), t.size.bytes(), t.chunking.method(),
                    t.chunking.index(), o.data() ? estimator.estimateChunks(t) : 0, t.where));
            bytes += t.size.bytes();
        }
        List<TableRef> views = cat.views.stream().map(v -> TableRef.of(v.schema(), v.name())).toList();
        return new DumpPlan(info.summary(), level, note, info.binlog().enabled(), threads, tables, views, cat.routines.size(),
                cat.triggers.size(), cat.events.size(), cat.users.size(), bytes, cat.warnings);
    }

    /** Tables in dump order: largest first, so the longest work starts early; each sized from a sample of its rows. */
    private List<TableJob> tableJobs(Connection c, Catalog cat, KeyNames names) {
        long start = System.nanoTime();
        TableSizer sizer = new TableSizer(c, o.chunkSize().toBytes());
        List<TableJob> jobs = new ArrayList<>();
        for (Catalog.Table t : cat.tables) {
            String s = names.segment("data", t.ref().schema());
            String prefix = "data/" + s + "/" + names.segment("data/" + s, t.ref().name());
            TableJob j = new TableJob(t, o.whereFor(t.ref()), prefix);
            jobs.add(o.data() ? j.sized(sizer.measure(j)) : j);
        }
        jobs.sort(Comparator.comparingLong((TableJob j) -> j.size.bytes()).reversed().thenComparing(j -> j.ref));
        LOG.debug("{}: {} tables sized in {} ms", job, jobs.size(), (System.nanoTime() - start) / 1_000_000);
        return jobs;
    }

    private int resolveThreads(ServerInfo info, Connection c) {
        if (o.threads() > 0) {
            return o.threads();
        }
        int cpus = 0;
        if (info.flavor() == Flavor.MARIADB) {
            try {
                cpus = Integer.parseInt(Sessions.string(c, "SELECT @@thread_pool_size"));
            } catch (SQLException | RuntimeException e) {
                cpus = 0;
            }
        }
        if (cpus <= 0) {
            cpus = Runtime.getRuntime().availableProcessors();
            if (!isLoopback(o.endpoint().host())) {
                LOG.info("{}: the source does not reveal its CPU count; using this machine's {} as the thread count "
                        + "(set threads(n) to the source's cores)", job, cpus);
            }
        }
        return Math.max(1, Math.min(MAX_DEFAULT_THREADS, cpus));
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- run

    DumpResult run() {
        started = clock.instant();
        ScheduledExecutorService monitor = null;
        try {
            Connection coord = connect();
            ServerInfo info = ServerProbe.probe(coord, o.endpoint().describe());
            Sessions.configure(coord, false, info.flavor(), info.version());
            checkSelection(coord); // before any lock, file or manifest
            Catalog cat = Catalog.read(coord, o.filter(), o);
            KeyNames names = new KeyNames();
            List<TableJob> jobs = tableJobs(coord, cat, names);
            int threads = o.data() ? resolveThreads(info, coord) : 0;
            tablesTotal = o.data() ? jobs.size() : 0;
            estimatedBytes = jobs.stream().mapToLong(j -> j.size.bytes()).sum();
            checkStore();

            tracker = new ManifestTracker(o.store(), clock, UUID.randomUUID().toString(), TOOL, source(info, coord),
                    settings(threads));
            cat.warnings.forEach(tracker::warning);
            tracker.write(true);
            LOG.info("{}: dumping {} tables from {} to {} with {} threads", job, jobs.size(), info.summary(),
                    o.store().describe(), threads);

            List<Connection> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Connection w = connect();
                Sessions.configure(w, true, info.flavor(), info.version());
                workers.add(w);
            }
            checkCancelled();
            Snapshotter.Outcome snap = new Snapshotter(coord, workers, jobs.stream().map(j -> j.ref).toList(), info, o, job)
                    .establish();
            tracker.snapshot(snap.consistency(), snap.coordinates());
            if (!snap.consistency().consistent()) {
                tracker.warning("the dump is not consistent: " + snap.consistency().description());
            }
            tracker.write(true);
            SnapshotPoint point = new SnapshotPoint(snap.consistency().level(), snap.consistency().description(),
                    snap.coordinates().binlogEnabled(), DumpResult.position(snap.coordinates()).orElse(null),
                    DumpResult.gtids(snap.coordinates()).orElse(null));
            notify(l -> l.onSnapshot(point));
            notify(l -> l.onDumpStarted(plan(info, cat, jobs, threads, snap.consistency().level(),
                    snap.consistency().description())));

            DdlWriter ddl = new DdlWriter(coord, o.store(), names, tracker, o.transform());
            for (String schema : cat.schemas) {
                tracker.schema(schema, o.ddl() ? ddl.schema(schema) : null);
            }

            monitor = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "aurora-dump-" + seq + "-monitor"));
            monitor.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);

            // Room for every small table's single task, so that writing the DDL of the next tables (below) is not
            // held up while the workers are busy with the big ones; tasks are tiny.
            CountDownLatch workersDone = new CountDownLatch(workers.size());
            BlockingQueue<ChunkPlanner.Task> queue = new ArrayBlockingQueue<>(4096 + threads * 4);
            for (int i = 0; i < workers.size(); i++) {
                Connection w = workers.get(i);
                Runnable r = () -> {
                    try {
                        work(w, queue);
                    } finally {
                        workersDone.countDown();
                    }
                };
                if (o.executor() != null) {
                    o.executor().execute(r);
                } else {
                    daemon(r, "aurora-dump-" + seq + "-" + (i + 1)).start();
                }
            }

            // Table by table, largest first: its DDL, its manifest entry (before any of its chunks, as a following
            // loader needs), then its chunks for the workers. The workers start on the big tables while the DDL of
            // the small ones is still being written.
            ChunkPlanner planner = new ChunkPlanner(coord, o.chunkSize().toBytes());
            boolean first = true;
            for (TableJob t : jobs) {
                checkCancelled();
                String file = o.ddl() ? ddl.table(t.table) : null;
                tracker.table(t.ref.schema(), new TableEntry(t.ref.name(), file, t.table.engine(),
                        o.data() ? TableStatus.PENDING : TableStatus.COMPLETE, t.columns, t.generated, t.chunking, t.where,
                        LoadDataClause.columns(t.columns), List.of(), null, null,
                        new SizeEstimate(Math.max(0, t.size.rows()), Math.max(0, t.size.bytes()))));
                if (first) {
                    tracker.write(true); // a following loader can create the biggest table right away
                    first = false;
                }
                if (!o.data()) {
                    continue;
                }
                try {
                    int planned = planner.plan(t, task -> put(queue, task));
                    if (planned >= 0 && tracker.planned(t.ref, planned)) {
                        tableDone(t.ref);
                    }
                } catch (SQLException e) {
                    throw failed(e, t.ref, 0);
                }
            }
            tracker.write(true);
            LOG.debug("{}: DDL of {} tables written and their chunks planned", job, jobs.size());
            for (int i = 0; i < workers.size(); i++) {
                put(queue, POISON);
            }
            if (o.ddl()) {
                dumpObjects(cat, ddl);
                recordDefinitions(coord, cat);
            }
            while (!workersDone.await(200, TimeUnit.MILLISECONDS)) {
                checkCancelled();
            }
            checkCancelled();
            if (monitor != null) {
                monitor.shutdownNow();
            }
            notify(l -> l.onProgress(progress())); // the final numbers, even for a dump shorter than a tick
            tracker.finish(DumpStatus.COMPLETE, null);
            tracker.write(true);
            Manifest m = tracker.last();
            DumpResult result = new DumpResult(m, o.store().describe(), Duration.between(started, clock.instant()));
            LOG.info("{}: complete, {} rows in {} chunks, {} ({})", job, m.totals().rows(), m.totals().chunks(),
                    m.consistency().level(), result.binlogPosition().map(Object::toString).orElse("no binlog position"));
            notify(l -> l.onDumpFinished(result));
            return result;
        } catch (Throwable t) {
            DumpException e = failure.get() != null ? failure.get() : failed(t, null, 0);
            cancelled = true;
            abortConnections();
            if (tracker != null) {
                tracker.finish(DumpStatus.FAILED, e.diagnosis().render());
                try {
                    tracker.write(true);
                } catch (IOException | RuntimeException w) {
                    LOG.warn("{}: could not write the failed manifest: {}", job, w.toString());
                }
            }
            LOG.debug("{}: failed: {}", job, e.getMessage()); // thrown to the caller: not logged at WARN too
            notify(l -> l.onDumpFailed(e));
            if (t instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            if (t instanceof Error err && !(t instanceof OutOfMemoryError)) {
                throw err;
            }
            throw e;
        } finally {
            if (monitor != null) {
                monitor.shutdownNow();
            }
            closeConnections();
        }
    }

    private void dumpObjects(Catalog cat, DdlWriter ddl) throws SQLException, IOException {
        for (Catalog.Named v : cat.views) {
            ddl.view(TableRef.of(v.schema(), v.name()));
        }
        for (Catalog.Routine r : cat.routines) {
            ddl.routine(r);
        }
        for (Catalog.Trigger t : cat.triggers) {
            ddl.trigger(t);
        }
        for (Catalog.Named e : cat.events) {
            ddl.event(e);
        }
        for (String u : cat.users) {
            ddl.user(u);
        }
        tracker.write(false);
    }

    /** The dumped objects' structured definitions, for Verify (docs/dump-format.md 2.6); a warning if unreadable. */
    private void recordDefinitions(Connection c, Catalog cat) {
        Set<String> dumped = new HashSet<>();
        cat.tables.forEach(t -> dumped.add("TABLE." + t.ref().schema() + "." + t.ref().name()));
        cat.views.forEach(v -> dumped.add("VIEW." + v.schema() + "." + v.name()));
        cat.routines.forEach(r -> dumped.add(r.type() + "." + r.schema() + "." + r.name()));
        cat.triggers.forEach(t -> dumped.add("TRIGGER." + t.schema() + "." + t.name()));
        cat.events.forEach(e -> dumped.add("EVENT." + e.schema() + "." + e.name()));
        try {
            DefinitionSnapshot s = DefinitionReader.read(c, cat.schemas, cat.users).retain(d -> d.kind() == ObjectKind.SCHEMA
                    || d.kind() == ObjectKind.ACCOUNT || dumped.contains(d.kind() + "." + d.schema() + "." + d.name()));
            (o.transform() == null ? s : s.transformed(o.transform().definitionEffects())).write(o.store());
        } catch (SQLException | IOException | RuntimeException e) {
            tracker.warning("object definitions not recorded for verification (" + DefinitionSnapshot.KEY + "): " + e);
        }
    }

        private void put(BlockingQueue<ChunkPlanner.Task> queue, ChunkPlanner.Task task) throws InterruptedException {
        while (!queue.offer(task, 200, TimeUnit.MILLISECONDS)) {
            checkCancelled();
        }
    }

    // ---------------------------------------------------------------- workers

    private void work(Connection c, BlockingQueue<ChunkPlanner.Task> queue) {
        try {
            while (!cancelled) {
                ChunkPlanner.Task task = queue.poll(200, TimeUnit.MILLISECONDS);
                if (task == POISON) {
                    break;
                }
                if (task != null) {
                    dumpTask(c, task);
                }
            }
            Sessions.execute(c, "COMMIT"); // ends the snapshot transaction
        } catch (DumpException e) {
            failure.compareAndSet(null, e);
            cancel();
        } catch (Throwable t) {
            failure.compareAndSet(null, failed(t, null, 0));
            cancel();
        }
    }

    /**
     * What a chunk file of the task should hold, for the store's buffers: a chunk's worth, or the whole table when the
     * task is the table in one piece (an estimate: statistics may be stale, so stores must cope with more).
     */
    private long expectedBytes(ChunkPlanner.Task task) {
        boolean whole = !task.fullScan() && task.lower() == null && task.upper() == null;
        return whole ? Math.max(task.table().size.bytes(), o.chunkSize().toBytes()) : o.chunkSize().toBytes();
    }

    private void dumpTask(Connection c, ChunkPlanner.Task task) {
        TableJob t = task.table();
        if (tracker.tableStarted(t.ref)) {
            notify(l -> l.onTableStarted(t.ref));
        }
        String predicate = task.fullScan() ? null : task.lower() == null && task.upper() == null ? null
                : KeyRangePredicate.sql(t.chunking.key(), task.lower(), task.upper());
        String sql = t.select(predicate);
        String ext = o.format().extension() + o.compression().extension();
        int index = task.index();
        ChunkWriter w = null;
        try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            s.setFetchSize(Integer.MIN_VALUE); // stream row by row: memory does not grow with the table
            try (ResultSet rs = s.executeQuery(sql)) {
                RowValues row = new RowValues(t.columns.size());
                PacketRows packets = PacketRows.of(rs);
                long limit = task.fullScan() ? o.chunkSize().toBytes() : Long.MAX_VALUE;
                long reportedBytes = 0;
                boolean more = rs.next();
                while (more) {
                    if (w == null) {
                        w = ChunkWriter.create(o.store(), t.chunkKey(index, ext), expectedBytes(task), o.format(),
                                o.compression(), t.ref.name(), t.columns);
                        reportedBytes = 0;
                    }
                    int copied = copyRows(rs, packets, row, w, limit);
                    more = copied < 0;
                    rows.addAndGet(more ? -copied : copied);
                    dataBytes.addAndGet(w.dataBytes() - reportedBytes);
                    reportedBytes = w.dataBytes();
                    checkCancelled();
                    if (more && w.dataBytes() >= limit) {
                        finishChunk(t, w, index++, null, null, reportedBytes);
                        w = null;
                    }
                }
                if (w == null && (!task.fullScan() || index == 1)) {
                    // an empty range still gets its (empty) file: the chunks must cover the whole key space
                    w = ChunkWriter.create(o.store(), t.chunkKey(index, ext), o.format(), o.compression(), t.ref.name(),
                            t.columns);
                    reportedBytes = 0;
                }
                if (w != null) {
                    finishChunk(t, w, index, task.lower(), task.upper(), reportedBytes);
                    w = null;
                } else {
                    index--;
                }
            }
            if (task.fullScan() && tracker.planned(t.ref, index)) {
                tableDone(t.ref);
            }
        } catch (SQLException | IOException e) {
            throw failed(e, t.ref, index, c, predicate);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(e, t.ref, index);
        } finally {
            if (w != null) {
                w.abort();
            }
        }
    }

    /**
     * Copies rows from the current one on into {@code w}, at most 1024 and until the chunk reaches {@code limit}
     * bytes. The dump's hot loop, kept small so that the JIT compiles it once, not with all of dumpTask.
     *
     * @return the rows copied, negated when the result set has more rows (positioned on the next one)
     */
    private static int copyRows(ResultSet rs, PacketRows packets, RowValues row, ChunkWriter w, long limit)
            throws SQLException, IOException {
        int n = row.size();
        int copied = 0;
        do {
            if (packets == null || !packets.read(row)) {
                for (int i = 0; i < n; i++) {
                    row.set(i, rs.getBytes(i + 1));
                }
            }
            w.writeRow(row);
            copied++;
            if (!rs.next()) {
                return copied;
            }
        } while (copied < 1024 && w.dataBytes() < limit);
        return -copied;
    }

    private void finishChunk(TableJob t, ChunkWriter w, int index, java.util.List<String> lower, java.util.List<String> upper,
            long reportedBytes) throws IOException {
        ChunkEntry entry = w.finish(index, lower, upper);
        dataBytes.addAndGet(entry.dataBytes() - reportedBytes);
        fileBytes.addAndGet(entry.fileBytes());
        chunks.incrementAndGet();
        boolean tableComplete = tracker.chunk(t.ref, entry, w.maxValueBytes(),
                o.format() == DumpFormat.SQL ? w.maxStatementBytes() : 0);
        try {
            tracker.write(false);
        } catch (IOException e) {
            LOG.warn("{}: could not update the manifest: {}", job, e.toString());
        }
        DumpedChunk written = new DumpedChunk(entry.index(), entry.file(), entry.rows(), entry.dataBytes(),
                entry.fileBytes(), entry.checksum());
        notify(l -> l.onChunkWritten(t.ref, written));
        if (tableComplete) {
            tableDone(t.ref);
        }
    }

    private void tableDone(TableRef ref) {
        tablesDone.incrementAndGet();
        long n = tracker.tableRows(ref);
        LOG.debug("{}: {} done, {} rows", job, ref, n);
        notify(l -> l.onTableFinished(ref, n));
    }

    // ---------------------------------------------------------------- progress, cancel, errors

    private void tick() {
        try {
            notify(l -> l.onProgress(progress()));
            if (tracker != null) {
                tracker.write(false);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: heartbeat failed: {}", job, e.toString());
        }
    }

    DumpProgress progress() {
        Instant s = started == null ? clock.instant() : started;
        Duration elapsed = Duration.between(s, clock.instant());
        double secs = Math.max(0.001, elapsed.toMillis() / 1000.0);
        long bytes = dataBytes.get();
        double bps = bytes / secs;
        Duration eta = null;
        if (bps > 0 && estimatedBytes > 0) {
            eta = Duration.ofMillis((long) (Math.max(0, estimatedBytes - bytes) / bps * 1000));
        }
        return new DumpProgress(tablesTotal, tablesDone.get(), chunks.get(), rows.get(), bytes, fileBytes.get(),
                estimatedBytes, elapsed, bps, rows.get() / secs, eta);
    }

    /** Stops the dump: workers stop at their next row batch, connections are aborted. Idempotent. */
    void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        // no interrupt: the coordinator polls the flag, and its queries fail as the connections are aborted
        abortConnections();
    }

    /** Thrown where a cancelled dump notices it; unlike an InterruptedException it says nothing about the thread. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("dump cancelled", null, false, false);
        }
    }

    private void checkCancelled() throws InterruptedException {
        if (Thread.interrupted()) {
            cancelled = true;
            throw new InterruptedException("dump interrupted");
        }
        if (cancelled) {
            throw new Cancelled();
        }
    }

    private DumpException failed(Throwable t, TableRef table, int chunk) {
        return failed(t, table, chunk, null, null);
    }

    private DumpException failed(Throwable t, TableRef table, int chunk, Connection c, String predicate) {
        if (t instanceof DumpException d) {
            return d;
        }
        if (cancelled && failure.get() != null) {
            return failure.get();
        }
        Diagnosis d;
        if (t instanceof InterruptedException || t instanceof Cancelled || (cancelled && !(t instanceof MigrationException))) {
            d = Diagnosis.of(DiagnosisCode.CANCELLED, "the dump was cancelled");
        } else {
            d = ErrorCatalog.diagnose(t, o.endpoint().describe());
            if (t instanceof IOException && d.code() == DiagnosisCode.UNKNOWN) {
                d = new Diagnosis(DiagnosisCode.UNKNOWN, 0, "", "cannot write to " + o.store().describe() + ": " + t,
                        d.endpoint(), null, "Check the store: free space, permissions, connectivity.");
            }
        }
        if (table != null) {
            String where = "while dumping " + table + (chunk > 0 ? " chunk " + chunk : "") + ": ";
            d = new Diagnosis(d.code(), d.vendorCode(), d.sqlState(), where + d.message(), d.endpoint(), d.location(),
                    d.remedy());
            if (d.code() == DiagnosisCode.PACKET_TOO_LARGE) {
                d = d.withAdvice(largestValue(table, predicate));
            }
        }
        return new DumpException(d, t, table, chunk);
    }

    /** Names the column with the longest value in the failing range, for the max_allowed_packet diagnosis. */
    private String largestValue(TableRef table, String predicate) {
        try (Connection c = o.endpoint().connect()) {
            List<String> cols = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table.qualified() + " LIMIT 0")) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    cols.add(rs.getMetaData().getColumnName(i));
                }
            }
            String best = null;
            long max = -1;
            for (String col : cols) {
                String sql = "SELECT MAX(LENGTH(" + ColumnTypes.quote(col) + ")) FROM " + table.qualified()
                        + (predicate == null ? "" : " WHERE " + predicate);
                String v = Sessions.string(c, sql);
                if (v != null && Long.parseLong(v) > max) {
                    max = Long.parseLong(v);
                    best = col;
                }
            }
            return best == null ? "" : "The longest value is in column " + table + "." + best + " (" + max
                    + " bytes): max_allowed_packet must exceed the row holding it.";
        } catch (RuntimeException | SQLException e) {
            return "";
        }
    }

    private Connection connect() {
        Connection c = o.endpoint().connect();
        connections.add(c);
        if (cancelled) {
            abortConnections();
        }
        return c;
    }

    private void abortConnections() {
        for (Connection c : connections) {
            try {
                c.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                LOG.debug("{}: abort failed: {}", job, e.toString());
            }
        }
    }

    private void closeConnections() {
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("{}: close failed: {}", job, e.toString());
            }
        }
        connections.clear();
    }

    private void checkStore() throws IOException {
        if (!o.overwrite() && o.store().exists(Manifest.KEY)) {
            throw new DumpException(Diagnosis.of(DiagnosisCode.INVALID_INPUT, o.store().describe()
                    + " already holds a dump (" + Manifest.KEY + "); use an empty store or overwrite(true)"), null, null, 0);
        }
        if (o.overwrite()) {
            for (String key : o.store().list("")) {
                if (key.equals(Manifest.KEY) || key.startsWith("data/") || key.startsWith("schema/") || key.startsWith("users/")) {
                    o.store().delete(key);
                }
            }
        }
    }

    private SourceServer source(ServerInfo info, Connection c) {
        String uuid = null;
        if (info.flavor() != Flavor.MARIADB) {
            try {
                uuid = Sessions.string(c, "SELECT @@server_uuid");
            } catch (SQLException e) {
                uuid = null;
            }
        }
        return new SourceServer(info.endpoint(), info.flavor().name(), info.version().number(), info.version().raw(),
                info.versionComment(), info.serverId(), uuid, info.lowerCaseTableNames(), info.maxAllowedPacket(),
                info.characterSetServer(), info.sqlMode(), info.timeZone());
    }

    private DumpSettings settings(int threads) {
        return new DumpSettings(o.format().name(), o.compression().name(), threads, o.chunkSize().toBytes(),
                o.includeSchemas(), o.excludeSchemas(), o.includeTables(), o.excludeTables(), o.where(), o.ddl(), o.data(),
                o.views(), o.routines(), o.triggers(), o.events(), o.users(),
                o.consistency() == null ? "AUTO" : o.consistency().name());
    }

    private void notify(Consumer<DumpListener> event) {
        DumpListener l = o.listener();
        if (l == null) {
            return;
        }
        try {
            event.accept(l);
        } catch (RuntimeException e) {
            LOG.warn("{}: listener {} threw {}; ignored", job, l.getClass().getName(), e.toString());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static String version() {
        String v = DumpRun.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String toString() {
        return job + " of " + o.endpoint().describe();
    }
}
