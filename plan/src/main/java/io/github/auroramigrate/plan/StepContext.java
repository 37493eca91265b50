package io.github.auroramigrate.plan;

import io.github.auroramigrate.core.endpoint.Endpoint;
import java.util.Map;
import java.util.Optional;

/**
 * What a step sees while it runs or rolls back: the plan's endpoints, its own outputs so far (also those an
 * interrupted earlier attempt recorded), the outputs of the steps before it, and the means to record progress durably
 * and to stop at a safe point when a suspension was asked for.
 *
 * <pre>{@code
 * PlanStep warm = Steps.custom("warm caches", ctx -> {
 *     for (String table : tables) {
 *         if (ctx.outputs().containsKey("warmed " + table)) { continue; }   // done before an interruption
 *         ctx.checkpoint();                                              // a safe point to suspend at
 *         warmUp(ctx.target(), table);
 *         ctx.record("warmed " + table, "yes");
 *     }
 * }, ctx -> { });
 * }</pre>
 *
 * <p>Used by one thread at a time.
 */
public interface StepContext {
    /** @return the plan's id */
    String planId();

    /** @return the step's name */
    String stepName();

    /** @return the source the plan migrates from */
    Endpoint source();

    /** @return the target the plan migrates into */
    Endpoint target();

    /** @return whether an earlier attempt of this step (or of its rollback) was interrupted: killed, or suspended */
    boolean interrupted();

    /** @return this step's outputs recorded so far, earlier attempts' included (unmodifiable) */
    Map<String, String> outputs();

    /** @return an output another step recorded, e.g. {@code output("dump", "binlogPosition")} */
    Optional<String> output(String step, String key);

    /**
     * Records an output of this step in the journal; it is durable when this returns. Never record a secret.
     *
     * @param key   its name
     * @param value its value
     */
    void record(String key, String value);

    /** Records a decision in the journal and the report; durable when this returns. */
    void decision(String text);

    /** @return whether a suspension was asked for (by {@link Plan#suspend()} or {@link PlanExecution#suspend()}) */
    boolean suspendRequested();

    /**
     * A safe point: returns at once unless a suspension was asked for, in which case the step stops here and the plan
     * is suspended (the step continues from its outputs when the plan runs again).
     *
     * @throws PlanException CANCELLED, which the plan turns into a suspension
     */
    void checkpoint();
}
