package io.github.auroramigrate.plan;

import java.time.Duration;
import java.util.Optional;

/**
 * A plan running in the background ({@link Plan#start()}): ask it to suspend at the next safe point, wait for its
 * report. {@link #close()} suspends it and waits.
 *
 * <pre>{@code
 * try (PlanExecution running = plan.start()) {
 *     ...
 *     running.suspend();
 *     PlanReport r = running.await();       // state SUSPENDED, unless it ended first
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public interface PlanExecution extends AutoCloseable {
    /** Asks the plan to stop at its next safe point: between steps, or inside a step that has safe points. */
    void suspend();

    /**
     * Waits for the run to end.
     *
     * @return its report
     * @throws PlanException when the run failed
     */
    PlanReport await();

    /**
     * Waits at most {@code timeout}.
     *
     * @return the report, or empty when still running
     * @throws PlanException when the run failed
     */
    Optional<PlanReport> await(Duration timeout);

    /** Suspends the plan and waits for it to stop. Idempotent. */
    @Override
    void close();
}
