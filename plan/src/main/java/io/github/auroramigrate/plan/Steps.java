package io.github.auroramigrate.plan;

import io.github.auroramigrate.plan.internal.CheckSteps;
import io.github.auroramigrate.plan.internal.CutOverPlanStep;
import io.github.auroramigrate.plan.internal.DataSteps;
import io.github.auroramigrate.plan.internal.ReplicationSteps;
import io.github.auroramigrate.plan.internal.UserStep;
import io.github.auroramigrate.plan.internal.Window;
import java.util.List;

/**
 * The steps a plan is made of: the library's capabilities, configured by the plan's settings, and steps of your own.
 * {@link #nearZeroDowntime()} is the handbook's "self-managed migration with near-zero downtime" as a checklist, and
 * every plan's default.
 *
 * <pre>{@code
 * List<PlanStep> steps = new ArrayList<>(Steps.nearZeroDowntime());
 * steps.add(steps.indexOf(Steps.cutOver()), Steps.hook("smoke test", () -> smokeTest(), () -> { }));
 * Plan plan = Plan.from(source).to(target).id("shop").schemas("shop").steps(steps)...build();
 * }</pre>
 *
 * <p>Steps are immutable; two calls of one factory return equal steps.
 */
public final class Steps {
    private Steps() {
    }

    /**
     * The handbook's near-zero-downtime procedure: {@link #probe}, {@link #precheck}, {@link #replicationUser},
     * {@link #preflight}, {@link #dump}, {@link #load}, {@link #replicate}, {@link #catchUp}, {@link #cutOver},
     * {@link #closeRollbackWindow}.
     *
     * @return the steps, in order (an unmodifiable list)
     */
    public static List<PlanStep> nearZeroDowntime() {
        return List.of(probe(), precheck(), replicationUser(), preflight(), dump(), load(), replicate(), catchUp(),
                cutOver(), closeRollbackWindow());
    }

    /** @return probe both servers (read only) */
    public static PlanStep probe() {
        return new CheckSteps.Probe(null);
    }

    /** @return the compatibility pre-check; fails on what no transform fixes (read only) */
    public static PlanStep precheck() {
        return new CheckSteps.Precheck(null);
    }

    /** @return the replication accounts (forward on the source; reverse on the target with a rollback window) */
    public static PlanStep replicationUser() {
        return new ReplicationSteps.Users(null);
    }

    /** @return the binary log pre-flight of the source (and of the target, for the rollback window) (read only) */
    public static PlanStep preflight() {
        return new CheckSteps.Preflight(null);
    }

    /** @return the dump with binary log coordinates (an interrupted dump is taken again) */
    public static PlanStep dump() {
        return new DataSteps.DumpStep(null);
    }

    /** @return the load of the dump (continues after an interruption) */
    public static PlanStep load() {
        return new DataSteps.LoadStep(null);
    }

    /** @return replication from the dump's coordinates */
    public static PlanStep replicate() {
        return new ReplicationSteps.Replicate(null);
    }

    /** @return the wait until replication has caught up */
    public static PlanStep catchUp() {
        return new ReplicationSteps.CatchUp(null);
    }

    /** @return a verification of source against target; meaningful only while writes are stopped */
    public static PlanStep verify() {
        return new ReplicationSteps.VerifyStep(null);
    }

    /** @return the guarded cut-over, opening the rollback window when the plan has one */
    public static PlanStep cutOver() {
        return new CutOverPlanStep(null);
    }

    /** @return the rollback window's close (the plan waits here until it may close) */
    public static PlanStep closeRollbackWindow() {
        return new Window(null);
    }

    /**
     * A step of your own made of two hooks, e.g. a health check, or announcing the maintenance.
     *
     * @param name     its name (1-64 letters, digits, spaces, {@code . _ -}), unique in the plan
     * @param run      what it does
     * @param rollback what undoes it (a no-op {@code () -> { }} when nothing does)
     */
    public static PlanStep hook(String name, PlanHook run, PlanHook rollback) {
        return UserStep.ofHooks(name, run, rollback);
    }

    /**
     * A step of your own that works with its context: records outputs, reads other steps', has safe points.
     *
     * @param name     its name, unique in the plan
     * @param run      what it does
     * @param rollback what undoes it
     */
    public static PlanStep custom(String name, StepAction run, StepAction rollback) {
        return UserStep.ofActions(name, run, rollback);
    }
}
