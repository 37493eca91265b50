package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the library's steps share within one run of a plan: the forward replication handle (target replicates from
 * source) and the reverse one (old source replicates from the target, in the rollback window). Created on first use,
 * closed at the end of the run - which stops their heartbeats and closes their connections but leaves replication
 * itself as it is on the servers. Not thread-safe: steps run one at a time.
 *
 * <pre>{@code
 * try (Resources r = new Resources(settings)) { r.forward().status(); }
 * }</pre>
 */
public final class Resources implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Resources.class);

    private final PlanSettings settings;
    private Replication forward;
    private Replication reverse;

    /** @param settings the plan's settings */
    public Resources(PlanSettings settings) {
        this.settings = settings;
    }

    /** @return the forward replication (for status, lag, start, stop; configure needs a start position) */
    public Replication forward() {
        if (forward == null) {
            forward = forwardBuilder().build();
        }
        return forward;
    }

    /** @return a builder of the forward replication with the plan's settings, to add a start position */
    public Replication.Builder forwardBuilder() {
        return Replication.of(settings.target())
                .source(settings.source(), ReplicationUser.of(settings.replicationUser(), settings.replicationPassword()))
                .heartbeat(settings.heartbeat()).pollInterval(poll()).name(settings.id());
    }

    /** Replaces the forward handle (after configuring with a start position). */
    public void forward(Replication r) {
        if (forward != null && forward != r) {
            forward.close();
        }
        forward = r;
    }

    /** @return the reverse replication: the old source replicates from the target (needs a rollback window) */
    public Replication reverse() {
        if (reverse == null) {
            reverse = reverseBuilder().build();
        }
        return reverse;
    }

    /** @return a builder of the reverse replication, to add a start position */
    public Replication.Builder reverseBuilder() {
        return Replication.of(settings.source())
                .source(settings.target(), ReplicationUser.of(settings.window().user(), settings.window().password()))
                .heartbeat(settings.heartbeat()).pollInterval(poll()).name(settings.id() + "-reverse");
    }

    /** Replaces the reverse handle. */
    public void reverse(Replication r) {
        if (reverse != null && reverse != r) {
            reverse.close();
        }
        reverse = r;
    }

    private java.time.Duration poll() {
        return settings.pollInterval().compareTo(java.time.Duration.ofMillis(100)) < 0
                ? java.time.Duration.ofMillis(100) : settings.pollInterval();
    }

    @Override
    public void close() {
        for (Replication r : new Replication[] {forward, reverse}) {
            if (r != null) {
                try {
                    r.close();
                } catch (RuntimeException e) {
                    LOG.debug("plan {}: closing {} failed: {}", settings.id(), r, e.toString());
                }
            }
        }
        forward = null;
        reverse = null;
    }
}
