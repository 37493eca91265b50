package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.SkipReport;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data-changing remedies ({@link TransactionSkip}, {@link LogFileSkip}) under the session's lock, each logged at
 * WARN with what it skipped and passed to the listener. Thread-safe.
 */
public final class Remedies {
    private static final Logger LOG = LoggerFactory.getLogger(Replication.class);

    private final ReplicaSession session;
    private final Events events;
    private final Duration remedyTimeout;
    private final Duration pollInterval;

    /**
     * @param settings the configuration (remedy timeout, poll interval)
     * @param session  the connections
     * @param events   the listener
     */
    public Remedies(ReplicationSettings settings, ReplicaSession session, Events events) {
        this.session = session;
        this.events = events;
        this.remedyTimeout = settings.remedyTimeout();
        this.pollInterval = settings.pollInterval();
    }

    /** See {@code Replication.skipTransaction()}. */
    public SkipReport skipTransaction() {
        synchronized (session.lock()) {
            return skipped("DATA DRIFT", TransactionSkip.run(session, remedyTimeout, pollInterval));
        }
    }

    /** See {@code Replication.skipToNextLogFile()}. */
    public SkipReport skipToNextLogFile() {
        synchronized (session.lock()) {
            return skipped("DATA MAY BE MISSING", LogFileSkip.run(session, remedyTimeout, pollInterval));
        }
    }

    private SkipReport skipped(String warning, SkipReport r) {
        LOG.warn("{}: {} - {}{}", session.name(), warning, r.describe(), r.skippedBytes() < 0 && r.resumedAt().isPresent()
                ? " (the rest of " + r.from().file() + " is gone from the source: its size is unknown)" : "");
        events.notify(l -> l.skipped(r));
        return r;
    }
}
