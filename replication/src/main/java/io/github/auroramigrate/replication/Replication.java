package io.github.auroramigrate.replication;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.GtidSet;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.endpoint.EndpointPool;
import io.github.auroramigrate.replication.internal.ApplierSampler;
import io.github.auroramigrate.replication.internal.ChannelSpec;
import io.github.auroramigrate.replication.internal.DiagnosisEvidence;
import io.github.auroramigrate.replication.internal.DialectSql;
import io.github.auroramigrate.replication.internal.GtidStart;
import io.github.auroramigrate.replication.internal.Heartbeat;
import io.github.auroramigrate.replication.internal.Jdbc;
import io.github.auroramigrate.replication.internal.LogFileSkip;
import io.github.auroramigrate.replication.internal.ReplicaChannel;
import io.github.auroramigrate.replication.internal.ServerFacts;
import io.github.auroramigrate.replication.internal.SourceLogs;
import io.github.auroramigrate.replication.internal.SqlStatement;
import io.github.auroramigrate.replication.internal.StatusDiagnoser;
import io.github.auroramigrate.replication.internal.TransactionSkip;
import io.github.auroramigrate.replication.stuck.StuckOrBusyReport;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Binary log replication from a source into a target, in the target's own dialect (MySQL 5.7, 8.0, 8.4, MariaDB,
 * or the {@code mysql.rds_*} procedures of Aurora/RDS, chosen from the servers): configure, start, stop, typed
 * status, lag (with a heartbeat for the true value), wait for catch-up, diagnosis of every handbook error, the
 * "stuck or busy" procedure, and the data-changing remedies as explicit calls.
 *
 * <pre>{@code
 * try (Replication repl = Replication.of(target)
 *         .source(source, ReplicationUser.of("repl", replPassword))
 *         .startAt(dump.binlogPosition())
 *         .heartbeat(Duration.ofSeconds(1))
 *         .build()) {
 *     repl.configure();
 *     repl.start();
 *     repl.awaitCaughtUp(Duration.ofMinutes(30));
 *     ReplicationLag lag = repl.lag();
 *     ReplicationHealth health = repl.diagnose();
 *     StuckOrBusyReport why = repl.stuckOrBusy(Duration.ofSeconds(10));
 * }
 * }</pre>
 *
 * <p>Connections are opened on first use and closed by {@link #close()}, which also stops the heartbeat but leaves
 * replication itself running on the target. The configured object is immutable; methods may be called from several
 * threads (state-changing ones are serialised).
 */
public final class Replication implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Replication.class);

    private final Endpoint target;
    private final Endpoint source;
    private final ReplicationUser user;
    private final BinlogPosition startPosition;
    private final GtidSet startGtids;
    private final String sourceHostForTarget;
    private final int sourcePortForTarget;
    private final boolean channelTls;
    private final Duration connectRetry;
    private final boolean connectRetrySet;
    private final Dialect forcedDialect;
    private final Duration heartbeatInterval;
    private final String heartbeatSchema;
    private final Duration pollInterval;
    private final Duration remedyTimeout;
    private final ReplicationListener listener;
    private final String name;

    private final Object lock = new Object();
    private EndpointPool targetPool;
    private EndpointPool sourcePool;
    private DialectSql targetSql;
    private DialectSql sourceSql;
    private Heartbeat heartbeat;
    private volatile boolean closed;
    private final Channel channel = new Channel();

    private Replication(Builder b) {
        this.target = b.target;
        this.source = b.source;
        this.user = b.user;
        this.startPosition = b.startPosition;
        this.startGtids = b.startGtids;
        this.sourceHostForTarget = b.sourceHost != null ? b.sourceHost : source == null ? null : source.host();
        this.sourcePortForTarget = b.sourcePort != 0 ? b.sourcePort : source == null ? 0 : source.port();
        this.channelTls = b.channelTls;
        this.connectRetry = b.connectRetry;
        this.connectRetrySet = b.connectRetrySet;
        this.forcedDialect = b.dialect;
        this.heartbeatInterval = b.heartbeat;
        this.heartbeatSchema = b.heartbeatSchema;
        this.pollInterval = b.pollInterval;
        this.remedyTimeout = b.remedyTimeout;
        this.listener = b.listener;
        this.name = b.name;
    }

    /**
     * Starts building replication into {@code target}.
     *
     * @param target the replica, as a user that may configure replication there (SUPER or REPLICATION_SLAVE_ADMIN,
     *               or the Aurora/RDS master user)
     */
    public static Builder of(Endpoint target) {
        return new Builder(Objects.requireNonNull(target, "target"));
    }

    // ---------------------------------------------------------------- connections

    private EndpointPool targetPool() {
        synchronized (lock) {
            ensureOpen();
            if (targetPool == null) {
                targetPool = target.pool(2);
                try (Connection c = targetPool.connection()) {
                    ServerFacts facts = ServerFacts.probe(c, target.describe());
                    Dialect d = forcedDialect != null ? forcedDialect : facts.dialect();
                    targetSql = new DialectSql(d, facts);
                    LOG.info("{}: target {} is {}, replication dialect {}", name, target.describe(), facts.describe(), d);
                } catch (SQLException e) {
                    throw Jdbc.failure(e, SqlStatement.of("probe"), target.describe());
                }
            }
            return targetPool;
        }
    }

    private EndpointPool sourcePool() {
        synchronized (lock) {
            ensureOpen();
            if (source == null) {
                throw new ReplicationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT,
                        "This needs a connection to the source: build with source(endpoint, user)"));
            }
            if (sourcePool == null) {
                sourcePool = source.pool(2);
                try (Connection c = sourcePool.connection()) {
                    ServerFacts facts = ServerFacts.probe(c, source.describe());
                    sourceSql = new DialectSql(facts.dialect() == Dialect.RDS ? Dialect.MYSQL_80 : facts.dialect(), facts);
                    LOG.info("{}: source {} is {}", name, source.describe(), facts.describe());
                } catch (SQLException e) {
                    throw Jdbc.failure(e, SqlStatement.of("probe"), source.describe());
                }
            }
            return sourcePool;
        }
    }

    private DialectSql sql() {
        targetPool();
        return targetSql;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("Replication " + name + " is closed");
        }
    }

    private void run(SqlStatement s) {
        try (Connection c = targetPool().connection()) {
            LOG.info("{}: {}", name, s.display());
            Jdbc.execute(c, s, target.describe());
        } catch (SQLException e) {
            throw Jdbc.failure(e, s, target.describe());
        }
    }

    /** @return the dialect used on the target (detected on first use unless forced) */
    public Dialect dialect() {
        return sql().dialect();
    }

    // ---------------------------------------------------------------- lifecycle

    /**
     * Points the target at the source, from the configured start (binlog position, or GTID set: the part the target
     * lacks marked as applied - {@code SET GLOBAL gtid_purged}, or {@code mysql.rds_gtid_purged} on Aurora MySQL 3 -
     * then auto-positioning). Replication must not be running. Options the target's dialect cannot honour are
     * refused before anything changes.
     *
     * @throws ReplicationException when replication is running, GTIDs are unavailable, an option cannot be honoured
     *                              (REPLICATION_UNSUPPORTED: connectRetry on Aurora/RDS, a GTID start on Aurora MySQL
     *                              2), or the server refuses
     */
    public void configure() {
        if (user == null || (startPosition == null && startGtids == null)) {
            throw new ReplicationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT,
                    "configure() needs source(endpoint, user) and startAt(position or GTID set)"));
        }
        synchronized (lock) {
            Optional<String> noRetry = connectRetrySet ? sql().connectRetryUnsupported() : Optional.empty();
            if (noRetry.isPresent()) {
                throw new ReplicationException(Diagnosis.of(DiagnosisCode.REPLICATION_UNSUPPORTED,
                        "connectRetry(" + connectRetry + ") cannot be honoured on " + target.describe() + ": "
                                + noRetry.get()).withAdvice("Build without connectRetry(...)."));
            }
            ReplicaStatus now = status();
            if (now.configured() && (now.ioThread() != ThreadState.STOPPED || now.sqlThread() != ThreadState.STOPPED)) {
                throw new ReplicationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT,
                        "Replication is running on " + target.describe() + " (" + now + "); stop() it first"));
            }
            if (startGtids != null) {
                GtidStart.prepare(channel, startGtids);
            }
            ChannelSpec spec = new ChannelSpec(sourceHostForTarget, sourcePortForTarget, user.name(), user.password(),
                    startGtids != null ? null : startPosition, channelTls, (int) Math.max(1, connectRetry.toSeconds()));
            for (SqlStatement s : sql().configure(spec)) {
                run(s);
            }
            LOG.info("{}: target {} replicates from {}:{} as {} starting at {}", name, target.describe(),
                    sourceHostForTarget, sourcePortForTarget, user.name(),
                    startGtids != null ? "GTID set " + startGtids : startPosition);
        }
    }

    /**
     * Starts both replication threads, and the heartbeat when one was asked for. The heartbeat (which needs the
     * library's own connection to the source) is set up first: if that fails, replication on the target is left as
     * it was, and if starting the threads fails the heartbeat is stopped again.
     *
     * @throws ReplicationException (or another {@code MigrationException}) with the target unchanged
     */
    public void start() {
        synchronized (lock) {
            Heartbeat started = null;
            if (heartbeatInterval != null && heartbeat == null) {
                started = new Heartbeat(sourcePool(), heartbeatSchema, heartbeatInterval, name);
                started.start();
            }
            try {
                run(sql().start());
            } catch (RuntimeException e) {
                if (started != null) {
                    started.close();
                }
                throw e;
            }
            if (started != null) {
                heartbeat = started;
            }
        }
    }

    /** Starts the heartbeat writer if one was asked for and it is not running (start() does this). Idempotent. */
    public void startHeartbeat() {
        synchronized (lock) {
            if (heartbeatInterval != null && heartbeat == null) {
                Heartbeat hb = new Heartbeat(sourcePool(), heartbeatSchema, heartbeatInterval, name);
                hb.start();
                heartbeat = hb;
            }
        }
    }

    /** Stops both replication threads (the heartbeat keeps beating; see {@link #stopHeartbeat()}). */
    public void stop() {
        synchronized (lock) {
            run(sql().stop());
        }
    }

    /**
     * Stops only the SQL (applier) thread; the I/O thread keeps downloading.
     *
     * @throws ReplicationException REPLICATION_UNSUPPORTED on Aurora/RDS
     */
    public void stopApplier() {
        synchronized (lock) {
            run(sql().stopApplier());
        }
    }

    /**
     * Starts only the SQL (applier) thread.
     *
     * @throws ReplicationException REPLICATION_UNSUPPORTED on Aurora/RDS
     */
    public void startApplier() {
        synchronized (lock) {
            run(sql().startApplier());
        }
    }

    /** Stops replication and forgets its configuration on the target (RESET REPLICA ALL / rds_reset_external_*). */
    public void reset() {
        synchronized (lock) {
            ReplicaStatus now = status();
            if (now.configured() && (now.ioThread() != ThreadState.STOPPED || now.sqlThread() != ThreadState.STOPPED)) {
                run(sql().stop());
            }
            run(sql().reset());
        }
    }

    /** Stops the heartbeat writer (the cut-over does this before writes stop). Idempotent. */
    public void stopHeartbeat() {
        synchronized (lock) {
            if (heartbeat != null) {
                heartbeat.close();
                heartbeat = null;
            }
        }
    }

    // ---------------------------------------------------------------- status and lag

    /** @return the replica status now; {@link ReplicaStatus#configured()} is false when nothing is configured */
    public ReplicaStatus status() {
        SqlStatement q = sql().showStatus();
        try (Connection c = targetPool().connection()) {
            return ReplicaStatus.fromRow(Jdbc.firstRow(c, q, target.describe()));
        } catch (SQLException e) {
            throw Jdbc.failure(e, q, target.describe());
        }
    }

    /** @return the source's current binary log position (SHOW MASTER STATUS / SHOW BINARY LOG STATUS) */
    public BinlogPosition sourcePosition() {
        EndpointPool pool = sourcePool();
        SqlStatement q = sourceSql.showSourceStatus();
        try (Connection c = pool.connection()) {
            Map<String, String> row = Jdbc.firstRow(c, q, source.describe());
            if (row.isEmpty() || row.get("File") == null) {
                throw new ReplicationException(Diagnosis.of(DiagnosisCode.BINLOG_DISABLED,
                        q.display() + " is empty on " + source.describe()));
            }
            return new BinlogPosition(row.get("File"), Long.parseLong(row.get("Position")));
        } catch (SQLException e) {
            throw Jdbc.failure(e, q, source.describe());
        }
    }

    /** @return Seconds_Behind_Master and, when the heartbeat runs, the true lag */
    public ReplicationLag lag() {
        ReplicaStatus s = status();
        return new ReplicationLag(s.secondsBehindSource(), heartbeatLag());
    }

    private Optional<Duration> heartbeatLag() {
        Heartbeat hb;
        synchronized (lock) {
            hb = heartbeat;
        }
        if (hb == null) {
            return Optional.empty();
        }
        try (Connection c = targetPool().connection()) {
            return hb.lagOn(c);
        } catch (SQLException e) {
            throw Jdbc.failure(e, SqlStatement.of("heartbeat read"), target.describe());
        }
    }

    /**
     * Waits until the target has applied everything the source had written when this call began (with a source
     * connection), or, without one, everything the I/O thread has received with Seconds_Behind_Master at 0.
     * Reports progress to the listener about every poll interval.
     *
     * @param timeout how long to wait
     * @return the final progress snapshot
     * @throws ReplicationException REPLICATION_CATCH_UP_TIMEOUT, or the diagnosis of a replication error met while
     *                              waiting
     */
    public CatchUpProgress awaitCaughtUp(Duration timeout) {
        if (source != null) {
            return awaitPosition(sourcePosition(), timeout);
        }
        ReplicaStatus s = status();
        BinlogPosition goal = s.received().orElseThrow(() -> new ReplicationException(
                Diagnosis.of(DiagnosisCode.REPLICATION_NOT_CONFIGURED, "Nothing received from the source yet")));
        return awaitPosition(goal, timeout);
    }

    /**
     * Waits until the target has applied the source's binary log up to {@code goal}.
     *
     * @param goal    source position, e.g. the source's final position after writes stopped
     * @param timeout how long to wait
     * @return the final progress snapshot
     * @throws ReplicationException REPLICATION_CATCH_UP_TIMEOUT, or the diagnosis of a replication error met while
     *                              waiting
     */
    public CatchUpProgress awaitPosition(BinlogPosition goal, Duration timeout) {
        Objects.requireNonNull(goal, "goal");
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            ReplicaStatus s = status();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            CatchUpProgress p = new CatchUpProgress(elapsed, goal, s.executed(), bytesBehind(s.executed(), goal),
                    new ReplicationLag(s.secondsBehindSource(), heartbeatLag()));
            // Errors first: right after configure() the applied position equals the start, which may already be the
            // source's position even though the I/O thread cannot connect at all.
            if (s.failed() || !s.configured()) {
                ReplicationHealth h = diagnose();
                throw new ReplicationException(h.problems().isEmpty() ? Diagnosis.of(DiagnosisCode.REPLICATION_SQL_ERROR,
                        s.toString()) : h.problems().get(0));
            }
            if (p.reached()) {
                notify(l -> l.caughtUp(p));
                LOG.info("{}: target reached source position {} after {}", name, goal, elapsed);
                return p;
            }
            notify(l -> l.catchUpProgress(p));
            if (System.nanoTime() > deadline) {
                throw new ReplicationException(Diagnosis.of(DiagnosisCode.REPLICATION_CATCH_UP_TIMEOUT,
                        "After " + elapsed + " the target has applied " + s.executed().map(Object::toString).orElse("nothing")
                                + " of " + goal + " (" + s + ")"));
            }
            sleep(pollInterval);
        }
    }

    private static long bytesBehind(Optional<BinlogPosition> executed, BinlogPosition goal) {
        return executed.filter(e -> e.file().equals(goal.file())).map(e -> Math.max(0, goal.position() - e.position()))
                .orElse(-1L);
    }

    // ---------------------------------------------------------------- diagnosis

    /**
     * Diagnoses the replica after the handbook: every error and notable state, with its remedy, and concrete
     * evidence where the library can look (binary logs still on the source for 1236, the conflicting row on the
     * target for 1062).
     */
    public ReplicationHealth diagnose() {
        ReplicaStatus s = status();
        String worker;
        try (Connection c = targetPool().connection()) {
            worker = ApplierSampler.workerError(c, s);
        } catch (SQLException e) {
            worker = null;
        }
        List<Diagnosis> findings = new ArrayList<>();
        for (Diagnosis d : StatusDiagnoser.diagnose(s, worker, target.describe())) {
            findings.add(DiagnosisEvidence.enrich(channel, d, s, worker));
        }
        return new ReplicationHealth(s, findings);
    }

    /**
     * The handbook's "Replication appears stuck" procedure: samples the status, the replication threads in the
     * process list, and their InnoDB transactions about five times over {@code window}, and decides STOPPED, FAILED,
     * CAUGHT_UP, PROGRESSING, BUSY (position still, but an applier transaction grew, started or ended inside the
     * window), WAITING_FOR_LOCK or STUCK, from what every transaction did across the whole window.
     *
     * @param window how long to observe; allow enough for one long event to show growth (seconds, not millis)
     * @throws ReplicationException REPLICATION_NOT_CONFIGURED when there is no replication
     */
    public StuckOrBusyReport stuckOrBusy(Duration window) {
        StuckOrBusyReport r = ApplierSampler.observe(channel, window);
        LOG.info("{}: stuck-or-busy verdict {}", name, r);
        return r;
    }

    // ---------------------------------------------------------------- remedies that change data

    /**
     * Skips the transaction the SQL thread stopped on (after a 1062 or 1032, say) and restarts replication: the
     * handbook's last resort, which leaves source and target different. Only when the SQL thread has stopped with an
     * error. By position (and on MariaDB) through the skip counter ({@code mysql.rds_skip_repl_error} on Aurora/RDS);
     * under MySQL GTID auto-positioning, where the skip counter does nothing, by the failing GTID
     * ({@code mysql.rds_skip_transaction_with_gtid} on Aurora/RDS, an empty transaction with that GTID elsewhere).
     * Then it waits (up to {@link Builder#remedyTimeout(Duration)}) until the transaction is behind the replica - its
     * GTID executed, or the applied position past it - and the applier runs. Logs at WARN exactly what was skipped:
     * the error, the position or GTID, and the source's binary log events of the skipped transaction.
     *
     * @return what was skipped, and whether the applier runs or stopped again on a later transaction
     * @throws ReplicationException INVALID_INPUT when there is no SQL error; REPLICATION_UNSUPPORTED, before anything
     *                              changes, when this channel offers no way to skip (the message names what can);
     *                              REPLICATION_REMEDY_FAILED, with the evidence, when the replica did not get past
     *                              the transaction (nothing was skipped)
     */
    public SkipReport skipTransaction() {
        synchronized (lock) {
            return skipped("DATA DRIFT", TransactionSkip.run(channel, remedyTimeout, pollInterval));
        }
    }

    /**
     * Moves replication to the start of the next binary log file after an I/O error 1236 (purged file with the next
     * one available, or impossible position): the handbook's remedy, which loses whatever the rest of the current
     * file held. Refused before anything changes when it cannot help: under GTID auto-positioning, and (with a source
     * connection) when the next file is not on the source either or the wanted file still is. Then it waits until
     * the I/O thread reads the new file and both threads run. Logs at WARN what was skipped.
     *
     * @return what was skipped, and whether replication runs or stopped again
     * @throws ReplicationException INVALID_INPUT when the I/O thread has no 1236 error; REPLICATION_UNSUPPORTED when
     *                              the move cannot help (the message says why and what can); REPLICATION_REMEDY_FAILED
     *                              when the I/O thread did not resume
     */
    public SkipReport skipToNextLogFile() {
        synchronized (lock) {
            return skipped("DATA MAY BE MISSING", LogFileSkip.run(channel, remedyTimeout, pollInterval));
        }
    }

    private SkipReport skipped(String warning, SkipReport r) {
        LOG.warn("{}: {} - {}{}", name, warning, r.describe(), r.skippedBytes() < 0 && r.resumedAt().isPresent()
                ? " (the rest of " + r.from().file() + " is gone from the source: its size is unknown)" : "");
        notify(l -> l.skipped(r));
        return r;
    }

    private SourceLogs sourceLogs() {
        return new SourceLogs(this::sourcePool, source.describe());
    }

    /** The remedies' view of this replication. */
    private final class Channel implements ReplicaChannel {
        @Override
        public ReplicaStatus status() {
            return Replication.this.status();
        }

        @Override
        public DialectSql sql() {
            return Replication.this.sql();
        }

        @Override
        public void run(SqlStatement s) {
            Replication.this.run(s);
        }

        @Override
        public void runTogether(List<SqlStatement> statements) {
            try (Connection c = targetPool().connection()) {
                try {
                    for (SqlStatement s : statements) {
                        LOG.info("{}: {}", name, s.display());
                        Jdbc.execute(c, s, target.describe());
                    }
                } catch (RuntimeException e) {
                    // the pooled session must not keep a half-done transaction or a pinned GTID_NEXT
                    for (String reset : List.of("ROLLBACK", "SET GTID_NEXT = 'AUTOMATIC'")) {
                        try (java.sql.Statement st = c.createStatement()) {
                            st.execute(reset);
                        } catch (SQLException ignored) {
                            LOG.debug("{}: {} after a failed statement: {}", name, reset, ignored.toString());
                        }
                    }
                    throw e;
                }
            } catch (SQLException e) {
                throw Jdbc.failure(e, SqlStatement.of("connection"), target.describe());
            }
        }

        @Override
        public Connection connection() throws SQLException {
            return targetPool().connection();
        }

        @Override
        public String target() {
            return target.describe();
        }

        @Override
        public Optional<SourceLogs> source() {
            return source == null ? Optional.empty() : Optional.of(sourceLogs());
        }

        @Override
        public String name() {
            return name;
        }
    }

    // ---------------------------------------------------------------- plumbing

    private void notify(java.util.function.Consumer<ReplicationListener> call) {
        if (listener == null) {
            return;
        }
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            LOG.warn("{}: replication listener threw; continuing", name, e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplicationException(Diagnosis.of(DiagnosisCode.REPLICATION_CATCH_UP_TIMEOUT, "interrupted"), e);
        }
    }

    /** @return the job name used in logs */
    public String name() {
        return name;
    }

    /** @return the target endpoint */
    public Endpoint target() {
        return target;
    }

    /** @return the source endpoint, when configured */
    public Optional<Endpoint> source() {
        return Optional.ofNullable(source);
    }

    /** Stops the heartbeat and closes the connections; replication keeps running on the target. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            if (heartbeat != null) {
                heartbeat.close();
            }
            if (targetPool != null) {
                targetPool.close();
            }
            if (sourcePool != null) {
                sourcePool.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Replication{" + name + ": " + (source == null ? "?" : source.describe()) + " -> " + target.describe()
                + "}";
    }

    /**
     * Builds a {@link Replication}. Not thread-safe; {@link #build()} validates everything at once.
     */
    public static final class Builder {
        private final Endpoint target;
        private Endpoint source;
        private ReplicationUser user;
        private BinlogPosition startPosition;
        private GtidSet startGtids;
        private String sourceHost;
        private int sourcePort;
        private boolean channelTls;
        private Duration connectRetry = Duration.ofSeconds(10);
        private boolean connectRetrySet;
        private Dialect dialect;
        private Duration heartbeat;
        private String heartbeatSchema = "aurora_migrate";
        private Duration pollInterval = Duration.ofMillis(500);
        private Duration remedyTimeout = Duration.ofSeconds(30);
        private ReplicationListener listener;
        private String name = "replication";

        private Builder(Endpoint target) {
            this.target = target;
        }

        /**
         * The source and the replication account. The endpoint is used by the library itself (source position,
         * binary logs, heartbeat writes) and, by default, gives the host and port the target connects to.
         * Required for {@link Replication#configure()}; optional for monitoring an existing replica.
         */
        public Builder source(Endpoint source, ReplicationUser user) {
            this.source = Objects.requireNonNull(source, "source");
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /**
         * Start at a binary log file and position, e.g. the one a dump recorded
         * ({@code dump.binlogPosition().orElseThrow()}). Not combinable with {@link #startAt(GtidSet)}.
         */
        public Builder startAt(BinlogPosition position) {
            this.startPosition = position;
            return this;
        }

        /**
         * Start after a GTID set, e.g. the one a dump recorded ({@code dump.gtidSet().orElseThrow()}): marked as
         * applied on the target (gtid_purged / gtid_slave_pos) if it is not already, then GTID auto-positioning.
         * Needs gtid_mode=ON on both MySQL servers. Not combinable with {@link #startAt(BinlogPosition)}.
         *
         * @throws IllegalArgumentException when the set's text is not valid GTID syntax (it ends up in SQL)
         */
        public Builder startAt(GtidSet gtids) {
            // re-parse: a GtidSet built with its constructor is normalised but not syntax-checked
            this.startGtids = gtids == null ? null : GtidSet.of(gtids.text());
            return this;
        }

        /** The source's host and port as the target reaches them, when they differ from the source endpoint's. */
        public Builder sourceAddress(String host, int port) {
            this.sourceHost = host;
            this.sourcePort = port;
            return this;
        }

        /** Whether the replication channel uses TLS (MASTER_SSL=1 / ssl_encryption=1). Default false. */
        public Builder channelTls(boolean tls) {
            this.channelTls = tls;
            return this;
        }

        /**
         * Time between the I/O thread's connection attempts (whole seconds, at least 1). Default 10 seconds where the
         * dialect can set it. Not combinable with the RDS dialect, whose {@code mysql.rds_set_external_*} procedures
         * take no such argument: refused at {@link #build()} when the dialect is forced to RDS, and by
         * {@link Replication#configure()} when RDS is detected.
         */
        public Builder connectRetry(Duration retry) {
            this.connectRetry = retry;
            this.connectRetrySet = true;
            return this;
        }

        /** Forces the target's dialect instead of detecting it. Default: detected. */
        public Builder dialect(Dialect dialect) {
            this.dialect = dialect;
            return this;
        }

        /**
         * Writes a heartbeat row on the source every {@code interval} once started, for true lag readings. Creates
         * schema {@code aurora_migrate} (see {@link #heartbeatSchema}) and table {@code heartbeat} on the source; they
         * replicate to the target. Default: no heartbeat. Needs {@link #source}.
         */
        public Builder heartbeat(Duration interval) {
            this.heartbeat = interval;
            return this;
        }

        /** Schema for the heartbeat table. Default {@code aurora_migrate}. */
        public Builder heartbeatSchema(String schema) {
            this.heartbeatSchema = schema;
            return this;
        }

        /** How often waits poll the status. Default 500 ms; at least 10 ms. */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        /**
         * How long a remedy ({@link Replication#skipTransaction()}, {@link Replication#skipToNextLogFile()}) waits to
         * see its effect before it reports that it did not work. Default 30 seconds; at least 1 second.
         */
        public Builder remedyTimeout(Duration timeout) {
            this.remedyTimeout = timeout;
            return this;
        }

        /** Progress listener. Default none. */
        public Builder listener(ReplicationListener listener) {
            this.listener = listener;
            return this;
        }

        /** Name for logs and threads. Default {@code replication}. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * @return the replication handle (connects on first use)
         * @throws NullPointerException     for a missing required value
         * @throws IllegalArgumentException for bad values or conflicting options
         */
        public Replication build() {
            Objects.requireNonNull(connectRetry, "connectRetry");
            Objects.requireNonNull(pollInterval, "pollInterval");
            Objects.requireNonNull(remedyTimeout, "remedyTimeout");
            Objects.requireNonNull(heartbeatSchema, "heartbeatSchema");
            Objects.requireNonNull(name, "name");
            if (startPosition != null && startGtids != null) {
                throw new IllegalArgumentException("startAt(BinlogPosition) and startAt(GtidSet) are exclusive");
            }
            if ((startPosition != null || startGtids != null) && source == null) {
                throw new NullPointerException("source: startAt(...) needs source(endpoint, user)");
            }
            if (heartbeat != null && source == null) {
                throw new NullPointerException("source: heartbeat(...) needs source(endpoint, user)");
            }
            if (heartbeat != null && (heartbeat.isNegative() || heartbeat.toMillis() < 10)) {
                throw new IllegalArgumentException("heartbeat interval must be at least 10 ms, was " + heartbeat);
            }
            if (pollInterval.toMillis() < 10) {
                throw new IllegalArgumentException("pollInterval must be at least 10 ms, was " + pollInterval);
            }
            if (connectRetry.toSeconds() < 1) {
                throw new IllegalArgumentException("connectRetry must be at least 1 second, was " + connectRetry);
            }
            if (connectRetrySet && dialect == Dialect.RDS) {
                throw new IllegalArgumentException("connectRetry(...) cannot be combined with dialect(RDS): "
                        + DialectSql.RDS_CONNECT_RETRY);
            }
            if (remedyTimeout.toSeconds() < 1) {
                throw new IllegalArgumentException("remedyTimeout must be at least 1 second, was " + remedyTimeout);
            }
            if (sourceHost != null && (sourceHost.isBlank() || sourcePort < 1 || sourcePort > 65535)) {
                throw new IllegalArgumentException("sourceAddress needs a host and a port 1-65535");
            }
            if (heartbeatSchema.isBlank() || name.isBlank()) {
                throw new IllegalArgumentException("heartbeatSchema and name must not be blank");
            }
            return new Replication(this);
        }
    }
}
