package io.github.auroramigrate.plan;

/**
 * An application action a plan calls: stop writes, resume writes, switch the applications to the target or back, a
 * health check, or any step of your own ({@link Steps#hook}). Hooks from a plan file are commands or SQL
 * ({@link PlanHooks}).
 *
 * <pre>{@code
 * PlanHook pause = () -> app.pauseWritersAndWait(Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>A plan's process may be killed while a hook runs; the rerun calls it again. So a hook must return only when its
 * action has taken effect, and must be safe to run twice (pausing paused writers succeeds).
 */
@FunctionalInterface
public interface PlanHook {
    /**
     * @throws Exception anything; the step fails (before a cut-over's switch, the cut-over rolls back)
     */
    void run() throws Exception;
}
