package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.ErrorCatalog;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.replication.cutover.CutOver;
import io.github.auroramigrate.replication.cutover.CutOverListener;
import io.github.auroramigrate.replication.cutover.CutOverStep;
import io.github.auroramigrate.replication.cutover.StepResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of one cut-over run as they happen: each timed, logged, passed to the listener (a listener that throws
 * is logged at WARN), and after the first failure no further step runs. Not thread-safe: one per run.
 */
public final class CutOverSteps {
    private static final Logger LOG = LoggerFactory.getLogger(CutOver.class);

    /** The work of one step; returns what it did, throws what went wrong. */
    @FunctionalInterface
    public interface Action {
        /** @return the step's detail for the report */
        String run() throws Exception;
    }

    private final String name;
    private final CutOverListener listener;
    private final List<StepResult> steps = new ArrayList<>();
    private Diagnosis failure;
    private Throwable cause;
    private CutOverStep failedStep;

    /**
     * @param name     the replication's name, for logs
     * @param listener the user's listener, or null
     */
    public CutOverSteps(String name, CutOverListener listener) {
        this.name = name;
        this.listener = listener;
    }

    /** Runs {@code step} unless an earlier step failed; a failure is recorded with its diagnosis. */
    public void step(CutOverStep step, Action action) {
        if (failed()) {
            return;
        }
        started(step);
        long t0 = System.nanoTime();
        try {
            String detail = action.run();
            finished(new StepResult(step, StepResult.Outcome.SUCCEEDED, since(t0), detail));
        } catch (Exception e) {
            failedStep = step;
            cause = e;
            failure = e instanceof MigrationException me ? me.diagnosis() : ErrorCatalog.diagnose(e, null);
            finished(new StepResult(step, StepResult.Outcome.FAILED, since(t0), failure.render()));
        }
    }

    /** Records {@code step} as skipped, unless an earlier step failed. */
    public void skip(CutOverStep step, String why) {
        if (!failed()) {
            started(step);
            finished(new StepResult(step, StepResult.Outcome.SKIPPED, Duration.ZERO, why));
        }
    }

    /** Tells the listener a step begins. */
    public void started(CutOverStep step) {
        if (listener != null) {
            try {
                listener.stepStarted(step);
            } catch (RuntimeException e) {
                LOG.warn("{}: cut-over listener threw; continuing", name, e);
            }
        }
    }

    /** Records, logs and passes on the result of a step. */
    public void finished(StepResult r) {
        steps.add(r);
        LOG.info("{}: cut-over {} {} in {}: {}", name, r.step(), r.outcome(), Human.duration(r.duration()), r.detail());
        if (listener != null) {
            try {
                listener.stepFinished(r);
            } catch (RuntimeException e) {
                LOG.warn("{}: cut-over listener threw; continuing", name, e);
            }
        }
    }

    /** @return whether a step failed */
    public boolean failed() {
        return failedStep != null;
    }

    /** @return the step that failed, or null */
    public CutOverStep failedStep() {
        return failedStep;
    }

    /** @return the diagnosis of the failed step, or null */
    public Diagnosis failure() {
        return failure;
    }

    /** @return what the failed step threw, or null */
    public Throwable cause() {
        return cause;
    }

    /** @return the results so far, in order */
    public List<StepResult> results() {
        return List.copyOf(steps);
    }

    /** @return the time since {@code t0} ({@link System#nanoTime()}) */
    public static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
