package io.github.auroramigrate.plan;

/**
 * What a plan's rollback does with what the load put on the target.
 *
 * <pre>{@code
 * Plan.from(source).to(target).onRollback(TargetOnRollback.KEEP)...
 * }</pre>
 */
public enum TargetOnRollback {
    /** Drop the schemas the plan created on the target and forget their load journal (a rerun loads afresh). */
    DROP,
    /** Keep them (for a look after a failed migration); a rerun of the plan then needs them dropped first. */
    KEEP
}
