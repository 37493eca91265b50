package io.github.auroramigrate.replication;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.GtidSet;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.replication.internal.ApplierSampler;
import io.github.auroramigrate.replication.internal.CatchUpWait;
import io.github.auroramigrate.replication.internal.ChannelControl;
import io.github.auroramigrate.replication.internal.DiagnosisEvidence;
import io.github.auroramigrate.replication.internal.Events;
import io.github.auroramigrate.replication.internal.Remedies;
import io.github.auroramigrate.replication.internal.ReplicaSession;
import io.github.auroramigrate.replication.internal.ReplicationSettings;
import io.github.auroramigrate.replication.stuck.StuckOrBusyReport;
import java.time.Duration;
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
 *         .startAt(dump.binlogPosition().orElseThrow())
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
 *
 * <p>This class is only the facade: connections and statements, lifecycle and heartbeat, catch-up waits and
 * remedies live in {@code replication.internal}. The file is a little over 400 lines because it holds the public
 * contract of each operation and the nested {@link Builder} with every option's default.
 */
public final class Replication implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Replication.class);

    private final ReplicationSettings settings;
    private final ReplicationUser user;
    private final ReplicaSession session;
    private final ChannelControl control;
    private final CatchUpWait catchUp;
    private final Remedies remedies;

    private Replication(ReplicationSettings settings, ReplicationUser user, ReplicationListener listener) {
        this.settings = settings;
        this.user = user;
        this.session = new ReplicaSession(settings);
        this.control = new ChannelControl(settings, session);
        Events events = new Events(listener, settings.name());
        this.catchUp = new CatchUpWait(settings, session, control, events);
        this.remedies = new Remedies(settings, session, events);
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

    /** @return the dialect used on the target (detected on first use unless forced) */
    public Dialect dialect() {
        return session.sql().dialect();
    }

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
        if (user == null || !settings.hasStart()) {
            throw new ReplicationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT,
                    "configure() needs source(endpoint, user) and startAt(position or GTID set)"));
        }
        control.configure(user.name(), user.password());
    }

    /**
     * Starts both replication threads, and the heartbeat when one was asked for. The heartbeat (which needs the
     * library's own connection to the source) is set up first: if that fails, replication on the target is left as
     * it was, and if starting the threads fails the heartbeat is stopped again.
     *
     * @throws ReplicationException (or another {@code MigrationException}) with the target unchanged
     */
    public void start() {
        control.start();
    }

    /** Starts the heartbeat writer if one was asked for and it is not running (start() does this). Idempotent. */
    public void startHeartbeat() {
        control.startHeartbeat();
    }

    /** Stops both replication threads (the heartbeat keeps beating; see {@link #stopHeartbeat()}). */
    public void stop() {
        control.stop();
    }

    /**
     * Stops only the SQL (applier) thread; the I/O thread keeps downloading.
     *
     * @throws ReplicationException REPLICATION_UNSUPPORTED on Aurora/RDS
     */
    public void stopApplier() {
        control.stopApplier();
    }

    /**
     * Starts only the SQL (applier) thread.
     *
     * @throws ReplicationException REPLICATION_UNSUPPORTED on Aurora/RDS
     */
    public void startApplier() {
        control.startApplier();
    }

    /** Stops replication and forgets its configuration on the target (RESET REPLICA ALL / rds_reset_external_*). */
    public void reset() {
        control.reset();
    }

    /** Stops the heartbeat writer (the cut-over does this before writes stop). Idempotent. */
    public void stopHeartbeat() {
        control.stopHeartbeat();
    }

    /** @return the replica status now; {@link ReplicaStatus#configured()} is false when nothing is configured */
    public ReplicaStatus status() {
        return session.status();
    }

    /** @return the source's current binary log position (SHOW MASTER STATUS / SHOW BINARY LOG STATUS) */
    public BinlogPosition sourcePosition() {
        return session.sourcePosition();
    }

    /** @return Seconds_Behind_Master and, when the heartbeat runs, the true lag */
    public ReplicationLag lag() {
        return catchUp.lag();
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
        return catchUp.awaitCaughtUp(timeout);
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
        return catchUp.awaitPosition(goal, timeout);
    }

    /**
     * Diagnoses the replica after the handbook: every error and notable state, with its remedy, and concrete
     * evidence where the library can look (binary logs still on the source for 1236, the conflicting row on the
     * target for 1062).
     */
    public ReplicationHealth diagnose() {
        return DiagnosisEvidence.health(session);
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
        StuckOrBusyReport r = ApplierSampler.observe(session, window);
        LOG.info("{}: stuck-or-busy verdict {}", settings.name(), r);
        return r;
    }

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
        return remedies.skipTransaction();
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
        return remedies.skipToNextLogFile();
    }

    /** @return the job name used in logs */
    public String name() {
        return settings.name();
    }

    /** @return the target endpoint */
    public Endpoint target() {
        return settings.target();
    }

    /** @return the source endpoint, when configured */
    public Optional<Endpoint> source() {
        return Optional.ofNullable(settings.source());
    }

    /** Stops the heartbeat and closes the connections; replication keeps running on the target. Idempotent. */
    @Override
    public void close() {
        control.close();
    }

    @Override
    public String toString() {
        Endpoint source = settings.source();
        return "Replication{" + settings.name() + ": " + (source == null ? "?" : source.describe()) + " -> "
                + settings.target().describe() + "}";
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
        private String heartbeatSchema = io.github.auroramigrate.core.sql.SystemSchemas.LIBRARY;
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
         * Required for {@link Replication#configure()}; default none, for monitoring an existing replica.
         */
        public Builder source(Endpoint source, ReplicationUser user) {
            this.source = Objects.requireNonNull(source, "source");
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /**
         * Start at a binary log file and position, e.g. the one a dump recorded
         * ({@code dump.binlogPosition().orElseThrow()}). Default none; {@link Replication#configure()} needs a start.
         * Not combinable with {@link #startAt(GtidSet)}.
         */
        public Builder startAt(BinlogPosition position) {
            this.startPosition = position;
            return this;
        }

        /**
         * Start after a GTID set, e.g. the one a dump recorded ({@code dump.gtidSet().orElseThrow()}): marked as
         * applied on the target (gtid_purged / gtid_slave_pos) if it is not already, then GTID auto-positioning.
         * Needs gtid_mode=ON on both MySQL servers. Default none. Not combinable with {@link #startAt(BinlogPosition)}.
         *
         * @throws IllegalArgumentException when the set's text is not valid GTID syntax (it ends up in SQL)
         */
        public Builder startAt(GtidSet gtids) {
            // re-parse: a GtidSet built with its constructor is normalised but not syntax-checked
            this.startGtids = gtids == null ? null : GtidSet.of(gtids.text());
            return this;
        }

        /**
         * The source's host and port as the target reaches them, when they differ from the source endpoint's. Default:
         * the source endpoint's host and port.
         */
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

        /**
         * Schema for the heartbeat table. Default {@code aurora_migrate}, the library's own schema, which every dump,
         * copy, pre-check and verification leaves out; a schema named here instead is a user schema to them, so
         * exclude it yourself (e.g. {@code Dump.Builder.excludeSchemas}). Drop it after the cut-over with
         * {@code DROP DATABASE `aurora_migrate`} (on the source; it replicates to the target).
         */
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
            return new Replication(new ReplicationSettings(target, source, startPosition, startGtids, sourceHost,
                    sourcePort, channelTls, connectRetry, connectRetrySet, dialect, heartbeat, heartbeatSchema,
                    pollInterval, remedyTimeout, name), user, listener);
        }
    }
}
