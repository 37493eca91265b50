package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.replication.CatchUpProgress;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationException;
import io.github.auroramigrate.replication.ReplicationHealth;
import io.github.auroramigrate.replication.ReplicationLag;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lag readings and the waits for catch-up, polling the replica status. Thread-safe. */
public final class CatchUpWait {
    private static final Logger LOG = LoggerFactory.getLogger(Replication.class);

    private final ReplicaSession session;
    private final ChannelControl control;
    private final Events events;
    private final Duration pollInterval;
    private final boolean hasSource;

    /**
     * @param settings the configuration (poll interval, whether there is a source)
     * @param session  the connections
     * @param control  the heartbeat's owner
     * @param events   the listener
     */
    public CatchUpWait(ReplicationSettings settings, ReplicaSession session, ChannelControl control, Events events) {
        this.session = session;
        this.control = control;
        this.events = events;
        this.pollInterval = settings.pollInterval();
        this.hasSource = settings.source() != null;
    }

    /** @return Seconds_Behind_Master and, when the heartbeat runs, the true lag */
    public ReplicationLag lag() {
        ReplicaStatus s = session.status();
        return new ReplicationLag(s.secondsBehindSource(), control.heartbeatLag());
    }

    /** See {@code Replication.awaitCaughtUp(Duration)}. */
    public CatchUpProgress awaitCaughtUp(Duration timeout) {
        if (hasSource) {
            return awaitPosition(session.sourcePosition(), timeout);
        }
        ReplicaStatus s = session.status();
        BinlogPosition goal = s.received().orElseThrow(() -> new ReplicationException(
                Diagnosis.of(DiagnosisCode.REPLICATION_NOT_CONFIGURED, "Nothing received from the source yet")));
        return awaitPosition(goal, timeout);
    }

    /** See {@code Replication.awaitPosition(BinlogPosition, Duration)}. */
    public CatchUpProgress awaitPosition(BinlogPosition goal, Duration timeout) {
        Objects.requireNonNull(goal, "goal");
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            ReplicaStatus s = session.status();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            CatchUpProgress p = new CatchUpProgress(elapsed, goal, s.executed(), bytesBehind(s.executed(), goal),
                    new ReplicationLag(s.secondsBehindSource(), control.heartbeatLag()));
            // Errors first: right after configure() the applied position equals the start, which may already be the
            // source's position even though the I/O thread cannot connect at all.
            if (s.failed() || !s.configured()) {
                ReplicationHealth h = DiagnosisEvidence.health(session);
                throw new ReplicationException(h.problems().isEmpty() ? Diagnosis.of(DiagnosisCode.REPLICATION_SQL_ERROR,
                        s.toString()) : h.problems().get(0));
            }
            if (p.reached()) {
                events.notify(l -> l.caughtUp(p));
                LOG.info("{}: target reached source position {} after {}", session.name(), goal, Human.duration(elapsed));
                return p;
            }
            events.notify(l -> l.catchUpProgress(p));
            if (System.nanoTime() > deadline) {
                throw new ReplicationException(Diagnosis.of(DiagnosisCode.REPLICATION_CATCH_UP_TIMEOUT,
                        "After " + Human.duration(elapsed) + " the target has applied " + s.executed().map(Object::toString).orElse("nothing")
                                + " of " + goal + " (" + s + ")"));
            }
            sleep(pollInterval);
        }
    }

    private static long bytesBehind(Optional<BinlogPosition> executed, BinlogPosition goal) {
        return executed.filter(e -> e.file().equals(goal.file())).map(e -> Math.max(0, goal.position() - e.position()))
                .orElse(-1L);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(Math.max(1, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplicationException(Diagnosis.of(DiagnosisCode.REPLICATION_CATCH_UP_TIMEOUT, "interrupted"), e);
        }
    }
}
