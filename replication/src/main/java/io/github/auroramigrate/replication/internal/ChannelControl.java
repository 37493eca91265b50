package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationException;
import io.github.auroramigrate.replication.ThreadState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What changes the replication's state on the target: configure, start and stop (both threads or the applier),
 * reset, and the heartbeat writer on the source. Every call holds the session's lock. Thread-safe.
 */
public final class ChannelControl {
    private static final Logger LOG = LoggerFactory.getLogger(Replication.class);

    private final ReplicationSettings settings;
    private final ReplicaSession session;
    private Heartbeat heartbeat;

    /**
     * @param settings the configuration
     * @param session  the connections
     */
    public ChannelControl(ReplicationSettings settings, ReplicaSession session) {
        this.settings = settings;
        this.session = session;
    }

    /**
     * Points the target at the source from the configured start (see {@code Replication.configure()}).
     *
     * @param user     the replication account's name
     * @param password its password (never logged)
     */
    public void configure(String user, String password) {
        synchronized (session.lock()) {
            Optional<String> noRetry = settings.connectRetrySet() ? session.sql().connectRetryUnsupported()
                    : Optional.empty();
            if (noRetry.isPresent()) {
                throw new ReplicationException(Diagnosis.of(DiagnosisCode.REPLICATION_UNSUPPORTED,
                        "connectRetry(" + settings.connectRetry() + ") cannot be honoured on " + session.target() + ": "
                                + noRetry.get()).withAdvice("Build without connectRetry(...)."));
            }
            ReplicaStatus now = session.status();
            if (running(now)) {
                throw new ReplicationException(Diagnosis.of(DiagnosisCode.INVALID_INPUT,
                        "Replication is running on " + session.target() + " (" + now + "); stop() it first"));
            }
            if (settings.startGtids() != null) {
                GtidStart.prepare(session, settings.startGtids());
            }
            ChannelSpec spec = new ChannelSpec(settings.hostForTarget(), settings.portForTarget(), user, password,
                    settings.startGtids() != null ? null : settings.startPosition(), settings.channelTls(),
                    (int) Math.max(1, settings.connectRetry().toSeconds()));
            for (SqlStatement s : session.sql().configure(spec)) {
                session.run(s);
            }
            LOG.info("{}: target {} replicates from {}:{} as {} starting at {}", settings.name(), session.target(),
                    settings.hostForTarget(), settings.portForTarget(), user,
                    settings.startGtids() != null ? "GTID set " + settings.startGtids() : settings.startPosition());
        }
    }

    private static boolean running(ReplicaStatus s) {
        return s.configured() && (s.ioThread() != ThreadState.STOPPED || s.sqlThread() != ThreadState.STOPPED);
    }

    /** Starts both threads, with the heartbeat first when one was asked for (stopped again if the start fails). */
    public void start() {
        synchronized (session.lock()) {
            Heartbeat started = null;
            if (settings.heartbeat() != null && heartbeat == null) {
                started = newHeartbeat();
                started.start();
            }
            try {
                session.run(session.sql().start());
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

    private Heartbeat newHeartbeat() {
        return new Heartbeat(session.sourcePool(), settings.heartbeatSchema(), settings.heartbeat(), settings.name());
    }

    /** Starts the heartbeat writer if one was asked for and it is not running. Idempotent. */
    public void startHeartbeat() {
        synchronized (session.lock()) {
            if (settings.heartbeat() != null && heartbeat == null) {
                Heartbeat hb = newHeartbeat();
                hb.start();
                heartbeat = hb;
            }
        }
    }

    /** Stops both threads. */
    public void stop() {
        synchronized (session.lock()) {
            session.run(session.sql().stop());
        }
    }

    /** Stops only the applier. */
    public void stopApplier() {
        synchronized (session.lock()) {
            session.run(session.sql().stopApplier());
        }
    }

    /** Starts only the applier. */
    public void startApplier() {
        synchronized (session.lock()) {
            session.run(session.sql().startApplier());
        }
    }

    /** Stops replication (when running) and forgets its configuration. */
    public void reset() {
        synchronized (session.lock()) {
            if (running(session.status())) {
                session.run(session.sql().stop());
            }
            session.run(session.sql().reset());
        }
    }

    /** Stops the heartbeat writer. Idempotent. */
    public void stopHeartbeat() {
        synchronized (session.lock()) {
            if (heartbeat != null) {
                heartbeat.close();
                heartbeat = null;
            }
        }
    }

    /** @return the true lag measured by the heartbeat, when it runs */
    public Optional<Duration> heartbeatLag() {
        Heartbeat hb;
        synchronized (session.lock()) {
            hb = heartbeat;
        }
        if (hb == null) {
            return Optional.empty();
        }
        try (Connection c = session.connection()) {
            return hb.lagOn(c);
        } catch (SQLException e) {
            throw Jdbc.failure(e, SqlStatement.of("heartbeat read"), session.target());
        }
    }

    /** Stops the heartbeat and closes the connections; replication keeps running on the target. Idempotent. */
    public void close() {
        session.close(() -> {
            if (heartbeat != null) {
                heartbeat.close();
            }
        });
    }
}
