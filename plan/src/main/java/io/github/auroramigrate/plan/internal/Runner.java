package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.plan.PlanException;
import io.github.auroramigrate.plan.PlanReport;
import io.github.auroramigrate.plan.PlanState;
import io.github.auroramigrate.plan.PlanStep;
import io.github.auroramigrate.plan.StepState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a plan forward (the checklist) or back (the shadow checklist) against its journal, under the plan's lock:
 * skips what is done, tells a step it was interrupted when the journal says it was running, stops at a suspension
 * between steps or at a step's safe point, and stops at the first failure with the step's diagnosis. One per call.
 *
 * <pre>{@code
 * PlanReport r = new Runner(settings, steps, suspendFlag).run(false);
 * }</pre>
 */
public final class Runner {
    /** The name decisions about the whole plan are recorded under. */
    public static final String PLAN = "plan";

    private final PlanSettings settings;
    private final List<PlanStep> steps;
    private final AtomicBoolean localSuspend;

    /**
     * @param settings     the plan's settings
     * @param steps        its steps
     * @param localSuspend set to ask this run to suspend
     */
    public Runner(PlanSettings settings, List<PlanStep> steps, AtomicBoolean localSuspend) {
        this.settings = settings;
        this.steps = List.copyOf(steps);
        this.localSuspend = localSuspend;
    }

    /**
     * Runs (or resumes) the checklist.
     *
     * @param closeWindow whether to close an open rollback window now
     */
    public PlanReport run(boolean closeWindow) {
        long t0 = System.nanoTime();
        try (PlanLock lock = PlanLock.acquire(settings.target(), settings.id());
                Resources resources = new Resources(settings)) {
            Journal j = Journal.open(settings.journal(), settings.id(), steps, settings.listener());
            j.clearSuspendRequest();
            switch (j.state()) {
                case ROLLING_BACK, ROLLBACK_FAILED -> throw new PlanException(Diagnosis.of(DiagnosisCode.INVALID_INPUT,
                        "Plan '" + settings.id() + "' is being rolled back (" + j.state() + "); finish the rollback first"),
                        j.report(since(t0), ""), null);
                case COMPLETED -> {
                    return j.report(since(t0), "already completed");
                }
                case ROLLED_BACK -> {
                    j.nextAttempt();
                    j.decision(PLAN, "attempt " + j.attempt() + " begins (the previous one was rolled back)");
                }
                default -> { }
            }
            j.state(PlanState.RUNNING);
            for (PlanStep step : steps) {
                StepState st = j.stepState(step.name());
                if (st == StepState.DONE) {
                    continue;
                }
                RunContext ctx = new RunContext(settings, j, resources, step.name(), st != StepState.PENDING, localSuspend,
                        closeWindow);
                if (step instanceof Gate gate) {
                    Optional<String> wait = gate.waitFor(ctx);
                    if (wait.isPresent()) {
                        j.state(PlanState.WINDOW_OPEN);
                        return j.report(since(t0), wait.get());
                    }
                }
                if (ctx.suspendRequested()) {
                    return suspend(j, step.name(), "before step '" + step.name() + "'", t0);
                }
                lock.check();
                if (st == StepState.RUNNING) {
                    j.decision(step.name(), "was interrupted (its process ended while it ran); it "
                            + resumes(step.resumption()));
                }
                j.stepStarted(step.name());
                long s0 = System.nanoTime();
                try {
                    step.run(ctx);
                    j.stepEnded(step.name(), StepState.DONE, System.nanoTime() - s0, ctx.summary().isEmpty() ? "done"
                            : ctx.summary());
                } catch (Exception e) {
                    if (Suspendable.isSuspension(e) && ctx.suspendRequested()) {
                        j.stepEnded(step.name(), StepState.SUSPENDED, System.nanoTime() - s0, "suspended on request");
                        return suspend(j, step.name(), "inside step '" + step.name() + "'", t0);
                    }
                    Diagnosis d = diagnosis(e);
                    j.stepEnded(step.name(), StepState.FAILED, System.nanoTime() - s0, d.render());
                    j.state(PlanState.FAILED);
                    throw failure(d, "step '" + step.name() + "'", "run the plan again: it redoes this step (or roll it "
                            + "back)", j.report(since(t0), "failed at " + step.name()), e);
                }
            }
            j.state(PlanState.COMPLETED);
            return j.report(since(t0), "completed");
        }
    }

    /** Runs the shadow checklist back from wherever the plan stands. */
    public PlanReport rollback() {
        long t0 = System.nanoTime();
        try (PlanLock lock = PlanLock.acquire(settings.target(), settings.id());
                Resources resources = new Resources(settings)) {
            Journal j = Journal.open(settings.journal(), settings.id(), steps, settings.listener());
            j.clearSuspendRequest();
            if (j.state() == PlanState.NEW || j.state() == PlanState.ROLLED_BACK) {
                return j.report(since(t0), j.state() == PlanState.NEW ? "nothing to roll back" : "already rolled back");
            }
            for (PlanStep step : steps) {
                if (step instanceof Gate gate && j.stepState(step.name()).needsRollback()) {
                    Optional<String> refusal = gate.rollbackRefusal(new RunContext(settings, j, resources, step.name(),
                            false, localSuspend, false));
                    if (refusal.isPresent()) {
                        throw new PlanException(Diagnosis.of(DiagnosisCode.ROLLBACK_NOT_POSSIBLE, refusal.get()),
                                j.report(since(t0), refusal.get()), null);
                    }
                }
            }
            if (j.state() != PlanState.ROLLING_BACK && j.state() != PlanState.ROLLBACK_FAILED) {
                j.decision(PLAN, "rollback begins from " + j.state());
            }
            j.state(PlanState.ROLLING_BACK);
            for (int i = steps.size() - 1; i >= 0; i--) {
                PlanStep step = steps.get(i);
                StepState st = j.stepState(step.name());
                if (!st.needsRollback()) {
                    continue;
                }
                RunContext ctx = new RunContext(settings, j, resources, step.name(),
                        st == StepState.ROLLING_BACK || st == StepState.ROLLBACK_FAILED, localSuspend, false);
                if (ctx.suspendRequested()) {
                    j.decision(PLAN, "rollback suspended before undoing '" + step.name() + "' on request");
                    j.clearSuspendRequest();
                    return j.report(since(t0), "rollback suspended; roll back again to resume");
                }
                lock.check();
                if (st == StepState.ROLLING_BACK) {
                    j.decision(step.name(), "its rollback was interrupted (its process ended); it is redone");
                }
                j.rollbackStarted(step.name());
                long s0 = System.nanoTime();
                try {
                    step.rollback(ctx);
                    j.rollbackEnded(step.name(), StepState.ROLLED_BACK, System.nanoTime() - s0, ctx.summary().isEmpty()
                            ? "rolled back" : ctx.summary());
                } catch (Exception e) {
                    Diagnosis d = diagnosis(e);
                    j.rollbackEnded(step.name(), StepState.ROLLBACK_FAILED, System.nanoTime() - s0, d.render());
                    j.state(PlanState.ROLLBACK_FAILED);
                    throw failure(d, "the rollback of step '" + step.name() + "'", "roll back again: it redoes this "
                            + "step's rollback", j.report(since(t0), "rollback failed at " + step.name()), e);
                }
            }
            j.state(PlanState.ROLLED_BACK);
            j.decision(PLAN, "rolled back");
            return j.report(since(t0), "rolled back");
        }
    }

    private PlanReport suspend(Journal j, String step, String where, long t0) {
        j.state(PlanState.SUSPENDED);
        j.decision(PLAN, "suspended " + where + " on request");
        j.clearSuspendRequest();
        return j.report(since(t0), "suspended " + where + "; run again to resume");
    }

    private static String resumes(PlanStep.Resumption r) {
        return switch (r) {
            case REDO -> "runs again from its start (safe: it only reads, or its effect is idempotent)";
            case CONTINUE -> "continues where it stopped";
            case UNDO_THEN_REDO -> "cannot continue mid-way: its partial work is undone, then it runs again";
        };
    }

    private static Diagnosis diagnosis(Exception e) {
        return e instanceof MigrationException me ? me.diagnosis() : ErrorCatalog.diagnose(e, null);
    }

    private PlanException failure(Diagnosis d, String where, String next, PlanReport report, Exception cause) {
        Diagnosis named = new Diagnosis(d.code(), d.vendorCode(), d.sqlState(), "Plan '" + settings.id() + "', " + where
                + ": " + d.message(), d.endpoint(), d.location(), d.remedy() + " Then " + next + ".");
        return new PlanException(named, report, cause);
    }

    static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** For messages. */
    static String human(Duration d) {
        return Human.duration(d);
    }
}
