package io.github.auroramigrate.plan;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.MigrationException;
import java.util.Optional;

/**
 * A plan could not go on: a step (or a rollback step) failed - the diagnosis is the step's own, its message names the
 * plan and the step - or the plan itself cannot run (PLAN_LOCKED, PLAN_CHANGED, PLAN_JOURNAL, ROLLBACK_NOT_POSSIBLE,
 * CUT_OVER_REFUSED). {@link #report()} has the journal's state at that moment; everything it says is durable, so a
 * rerun of the plan (or of its rollback) continues from there.
 *
 * <pre>{@code
 * try { plan.run(); }
 * catch (PlanException e) {
 *     log.error("{}\n{}", e.diagnosis().render(), e.report().map(PlanReport::checklist).orElse(""));
 * }
 * }</pre>
 */
public class PlanException extends MigrationException {
    private static final long serialVersionUID = 1L;

    private final transient PlanReport report;

    /**
     * @param diagnosis what went wrong
     * @param report    the plan's state, or null when the journal could not be read
     * @param cause     what the step threw, or null
     */
    public PlanException(Diagnosis diagnosis, PlanReport report, Throwable cause) {
        super(diagnosis, cause);
        this.report = report;
    }

    /** @return the plan's state when it stopped, when known */
    public Optional<PlanReport> report() {
        return Optional.ofNullable(report);
    }
}
