package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.plan.PlanException;
import io.github.auroramigrate.plan.StepContext;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The {@link StepContext} of one step in one run, with what the library's own steps need besides: the plan's
 * settings and the run's shared resources (replication handles). Used by one thread at a time.
 *
 * <pre>{@code
 * RunContext ctx = (RunContext) context;   // inside a library step
 * ctx.resources().forward();
 * }</pre>
 */
public final class RunContext implements StepContext {
    private final PlanSettings settings;
    private final Journal journal;
    private final Resources resources;
    private final String step;
    private final boolean interrupted;
    private final AtomicBoolean localSuspend;
    private final boolean approved;
    private String summary = "";

    RunContext(PlanSettings settings, Journal journal, Resources resources, String step, boolean interrupted,
            AtomicBoolean localSuspend, boolean approved) {
        this.settings = settings;
        this.journal = journal;
        this.resources = resources;
        this.step = step;
        this.interrupted = interrupted;
        this.localSuspend = localSuspend;
        this.approved = approved;
    }

    /** @return the plan's settings */
    public PlanSettings settings() {
        return settings;
    }

    /** @return the run's shared resources */
    public Resources resources() {
        return resources;
    }

    /** @return whether this run was asked to close the rollback window now */
    public boolean windowCloseApproved() {
        return approved;
    }

    /** Sets the line the step's report shows when it ends. */
    public void summary(String text) {
        this.summary = text == null ? "" : text;
    }

    String summary() {
        return summary;
    }

    /** Forgets this step's outputs that start with {@code prefix} (a phase undone). */
    public void forget(String prefix) {
        journal.forget(step, prefix);
    }

    @Override
    public String planId() {
        return settings.id();
    }

    @Override
    public String stepName() {
        return step;
    }

    @Override
    public Endpoint source() {
        return settings.source();
    }

    @Override
    public Endpoint target() {
        return settings.target();
    }

    @Override
    public boolean interrupted() {
        return interrupted;
    }

    @Override
    public Map<String, String> outputs() {
        return journal.outputs(step);
    }

    @Override
    public Optional<String> output(String otherStep, String key) {
        return journal.output(otherStep, key);
    }

    @Override
    public void record(String key, String value) {
        journal.record(step, key, value);
    }

    @Override
    public void decision(String text) {
        journal.decision(step, text);
    }

    @Override
    public boolean suspendRequested() {
        return localSuspend.get() || journal.suspendRequested();
    }

    @Override
    public void checkpoint() {
        if (suspendRequested()) {
            throw suspended(settings.id(), step);
        }
    }

    /** @return the exception that stops a step for a suspension */
    public static PlanException suspended(String planId, String step) {
        return new PlanException(Diagnosis.of(DiagnosisCode.CANCELLED, "Plan '" + planId + "' suspended at step '" + step
                + "' on request; run it again to resume"), null, null);
    }
}
