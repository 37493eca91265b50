package io.github.auroramigrate.replication;

import io.github.auroramigrate.core.BinlogPosition;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot while waiting for the target to reach a source position ({@link Replication#awaitCaughtUp}).
 *
 * <pre>{@code
 * repl.awaitCaughtUp(Duration.ofMinutes(30));   // with a ReplicationListener:
 * public void catchUpProgress(CatchUpProgress p) { log.info("{} behind, {} bytes to go", p.lag(), p.bytesBehind()); }
 * }</pre>
 *
 * @param elapsed     time since the wait began
 * @param goal        the source position the target must reach
 * @param executed    the source position the target has applied, if known
 * @param bytesBehind bytes between executed and goal when both are in the same file, else -1
 * @param lag         lag readings at this moment
 */
public record CatchUpProgress(Duration elapsed, BinlogPosition goal, Optional<BinlogPosition> executed,
        long bytesBehind, ReplicationLag lag) {
    /** Validates non-null parts. */
    public CatchUpProgress {
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(executed, "executed");
        Objects.requireNonNull(lag, "lag");
    }

    /** @return whether the goal has been reached */
    public boolean reached() {
        return executed.map(e -> e.isAtOrAfter(goal)).orElse(false);
    }
}
