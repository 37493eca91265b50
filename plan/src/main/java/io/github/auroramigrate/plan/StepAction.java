package io.github.auroramigrate.plan;

/**
 * The work of a step of your own ({@link Steps#custom}), or of its rollback.
 *
 * <pre>{@code
 * StepAction check = ctx -> healthCheck(ctx.target());
 * }</pre>
 */
@FunctionalInterface
public interface StepAction {
    /**
     * @param context the step's context
     * @throws Exception anything; the step (or its rollback) fails with it
     */
    void run(StepContext context) throws Exception;
}
