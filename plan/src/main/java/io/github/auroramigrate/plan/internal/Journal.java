package io.github.auroramigrate.plan.internal;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.plan.Decision;
import io.github.auroramigrate.plan.PlanException;
import io.github.auroramigrate.plan.PlanListener;
import io.github.auroramigrate.plan.PlanReport;
import io.github.auroramigrate.plan.PlanState;
import io.github.auroramigrate.plan.PlanStep;
import io.github.auroramigrate.plan.StepReport;
import io.github.auroramigrate.plan.StepState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plan's journal in memory and in its store: every change is written through before the method returns, so what a
 * caller has been told is durable. Thread-safe (one lock); one per run of a plan.
 *
 * <pre>{@code
 * Journal j = Journal.open(store, planId, steps, listener);
 * j.stepStarted("load");
 * }</pre>
 */
public final class Journal {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    private final JournalStore store;
    private final JournalDoc doc;
    private final PlanListener listener;

    private Journal(JournalStore store, JournalDoc doc, PlanListener listener) {
        this.store = store;
        this.doc = doc;
        this.listener = listener;
    }

    /** @return the journal as stored, or empty when the plan never ran */
    public static Optional<JournalDoc> peek(JournalStore store) {
        return store.read(JournalStore.JOURNAL).map(b -> JournalJson.read(b, store.describe() + "/" + JournalStore.JOURNAL));
    }

    /**
     * Opens the plan's journal, creating it for a plan that never ran, and lines its step list up with the plan's:
     * steps that started must be the same (by name and fingerprint) in the same places; pending ones follow the plan.
     *
     * @throws PlanException PLAN_CHANGED when a step that started differs; PLAN_JOURNAL for another plan's journal
     */
    public static Journal open(JournalStore store, String planId, List<PlanStep> steps, PlanListener listener) {
        JournalDoc doc = peek(store).orElse(null);
        if (doc == null) {
            doc = new JournalDoc();
            doc.planId = planId;
            doc.createdAt = Instant.now().toString();
        } else if (!doc.planId.equals(planId)) {
            throw new PlanException(Diagnosis.of(DiagnosisCode.PLAN_JOURNAL, "The journal in " + store.describe()
                    + " belongs to plan '" + doc.planId + "', not '" + planId + "'"), null, null);
        }
        Journal j = new Journal(store, doc, listener);
        j.align(steps);
        return j;
    }

    private synchronized void align(List<PlanStep> steps) {
        List<JournalDoc.StepEntry> aligned = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            PlanStep s = steps.get(i);
            JournalDoc.StepEntry e = i < doc.steps.size() ? doc.steps.get(i) : null;
            if (e != null && e.state != StepState.PENDING) {
                // a failed step that is redone from its start may be fixed first; one that continues may not change
                boolean fixable = e.state == StepState.FAILED && e.name.equals(s.name())
                        && s.resumption() != PlanStep.Resumption.CONTINUE;
                if (!fixable && (!e.name.equals(s.name()) || !e.fingerprint.equals(s.fingerprint()))) {
                    throw new PlanException(Diagnosis.of(DiagnosisCode.PLAN_CHANGED, "Step " + (i + 1) + " of plan '"
                            + doc.planId + "' was '" + e.name + "' (" + e.fingerprint + ") when it ran; the plan now has '"
                            + s.name() + "' (" + s.fingerprint() + ")"), report(Duration.ZERO, ""), null);
                }
            } else {
                e = new JournalDoc.StepEntry();
                e.name = s.name();
            }
            e.fingerprint = s.fingerprint();
            e.description = s.description();
            e.rollbackDescription = s.rollbackDescription();
            e.sizeDependent = s.sizeDependent();
            aligned.add(e);
        }
        for (int i = steps.size(); i < doc.steps.size(); i++) {
            JournalDoc.StepEntry e = doc.steps.get(i);
            if (e.state.needsRollback()) {
                throw new PlanException(Diagnosis.of(DiagnosisCode.PLAN_CHANGED, "Step '" + e.name + "' of plan '"
                        + doc.planId + "' ran, but the plan no longer has it"), report(Duration.ZERO, ""), null);
            }
        }
        doc.steps = aligned;
    }

    /** @return the plan's id */
    public String planId() {
        return doc.planId;
    }

    /** @return the plan's state */
    public synchronized PlanState state() {
        return doc.state;
    }

    /** @return the attempt */
    public synchronized int attempt() {
        return doc.attempt;
    }

    /** Sets the plan's state. */
    public synchronized void state(PlanState state) {
        doc.state = state;
        save();
    }

    /** @return a step's state */
    public synchronized StepState stepState(String step) {
        return entry(step).state;
    }

    /** @return a copy of a step's outputs */
    public synchronized Map<String, String> outputs(String step) {
        return Map.copyOf(entry(step).outputs);
    }

    /** @return an output of any step */
    public synchronized Optional<String> output(String step, String key) {
        return doc.steps.stream().filter(e -> e.name.equals(step)).findFirst().map(e -> e.outputs.get(key));
    }

    /** Marks a step RUNNING (attempts + 1) and tells the listener. */
    public void stepStarted(String step) {
        synchronized (this) {
            JournalDoc.StepEntry e = entry(step);
            e.state = StepState.RUNNING;
            e.attempts++;
            if (e.startedAt == null) {
                e.startedAt = Instant.now().toString();
            }
            save();
        }
        LOG.info("plan {}: step {} starts", doc.planId, step);
        try {
            listener.stepStarted(step);
        } catch (RuntimeException ex) {
            LOG.warn("plan {}: listener threw; continuing", doc.planId, ex);
        }
    }

    /** Ends a step's attempt in {@code state}, adding {@code nanos} to its time, and tells the listener. */
    public void stepEnded(String step, StepState state, long nanos, String detail) {
        StepReport r;
        synchronized (this) {
            JournalDoc.StepEntry e = entry(step);
            e.state = state;
            e.durationNanos += nanos;
            e.finishedAt = Instant.now().toString();
            e.detail = detail == null ? "" : detail;
            save();
            r = toReport(e);
        }
        LOG.info("plan {}: step {}", doc.planId, r);
        try {
            listener.stepFinished(r);
        } catch (RuntimeException ex) {
            LOG.warn("plan {}: listener threw; continuing", doc.planId, ex);
        }
    }

    /** Marks a step ROLLING_BACK and tells the listener. */
    public void rollbackStarted(String step) {
        synchronized (this) {
            entry(step).state = StepState.ROLLING_BACK;
            save();
        }
        LOG.info("plan {}: rollback of {} starts", doc.planId, step);
        try {
            listener.rollbackStarted(step);
        } catch (RuntimeException ex) {
            LOG.warn("plan {}: listener threw; continuing", doc.planId, ex);
        }
    }

    /** Ends a step's rollback attempt. */
    public void rollbackEnded(String step, StepState state, long nanos, String detail) {
        StepReport r;
        synchronized (this) {
            JournalDoc.StepEntry e = entry(step);
            e.state = state;
            e.rollbackNanos += nanos;
            e.rollbackDetail = detail == null ? "" : detail;
            save();
            r = toReport(e);
        }
        LOG.info("plan {}: rollback of {}", doc.planId, r.toString());
        try {
            listener.rollbackFinished(r);
        } catch (RuntimeException ex) {
            LOG.warn("plan {}: listener threw; continuing", doc.planId, ex);
        }
    }

    /** Records a step's output. */
    public synchronized void record(String step, String key, String value) {
        entry(step).outputs.put(key, value);
        save();
    }

    /** Removes a step's outputs whose keys start with {@code prefix}. */
    public synchronized void forget(String step, String prefix) {
        entry(step).outputs.keySet().removeIf(k -> k.startsWith(prefix));
        save();
    }

    /** Records a decision and tells the listener. */
    public void decision(String step, String text) {
        Decision d = new Decision(Instant.now(), step, text);
        synchronized (this) {
            JournalDoc.DecisionEntry e = new JournalDoc.DecisionEntry();
            e.at = d.at().toString();
            e.step = step;
            e.text = text;
            doc.decisions.add(e);
            save();
        }
        LOG.info("plan {}: {}: {}", doc.planId, step, text);
        try {
            listener.decided(d);
        } catch (RuntimeException ex) {
            LOG.warn("plan {}: listener threw; continuing", doc.planId, ex);
        }
    }

    /** Starts the next attempt of a rolled-back plan: the finished attempt goes to the history. */
    public synchronized void nextAttempt() {
        JournalDoc.AttemptEntry a = new JournalDoc.AttemptEntry();
        a.attempt = doc.attempt;
        a.state = doc.state;
        a.endedAt = Instant.now().toString();
        a.decisions = doc.decisions.size();
        for (JournalDoc.StepEntry e : doc.steps) {
            JournalDoc.StepEntry copy = new JournalDoc.StepEntry();
            copy.name = e.name;
            copy.state = e.state;
            copy.attempts = e.attempts;
            copy.durationNanos = e.durationNanos;
            copy.rollbackNanos = e.rollbackNanos;
            copy.outputs.putAll(e.outputs);
            a.steps.add(copy);
            e.state = StepState.PENDING;
            e.attempts = 0;
            e.durationNanos = 0;
            e.rollbackNanos = 0;
            e.startedAt = null;
            e.finishedAt = null;
            e.outputs.clear();
            e.detail = "";
            e.rollbackDetail = "";
        }
        doc.history.add(a);
        doc.decisions.clear();
        doc.attempt++;
        doc.state = PlanState.RUNNING;
        save();
    }

    /** @return the steps' names, in order */
    public synchronized List<String> stepNames() {
        return doc.steps.stream().map(e -> e.name).toList();
    }

    /** @return the report of the journal as it is now */
    public synchronized PlanReport report(Duration elapsed, String message) {
        return report(doc, elapsed, message);
    }

    /** @return the report of a stored journal document */
    public static PlanReport report(JournalDoc doc, Duration elapsed, String message) {
        List<StepReport> steps = doc.steps.stream().map(Journal::toReport).toList();
        List<Decision> decisions = doc.decisions.stream().map(d -> new Decision(Instant.parse(d.at), d.step, d.text)).toList();
        return new PlanReport(doc.planId, doc.state, doc.attempt, steps, decisions, elapsed, message);
    }

    private static StepReport toReport(JournalDoc.StepEntry e) {
        return new StepReport(e.name, e.description == null ? e.name : e.description,
                e.rollbackDescription == null ? "" : e.rollbackDescription, e.state, e.attempts,
                Duration.ofNanos(e.durationNanos), Duration.ofNanos(e.rollbackNanos), e.sizeDependent, e.outputs, e.detail,
                e.rollbackDetail);
    }

    private JournalDoc.StepEntry entry(String step) {
        return doc.steps.stream().filter(e -> e.name.equals(step)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + step));
    }

    private void save() {
        doc.updatedAt = Instant.now().toString();
        store.write(JournalStore.JOURNAL, JournalJson.toBytes(doc));
    }

    /** @return whether a suspension was asked for */
    public boolean suspendRequested() {
        return store.read(JournalStore.SUSPEND).isPresent();
    }

    /** Asks for a suspension (any process). */
    public static void requestSuspend(JournalStore store) {
        store.write(JournalStore.SUSPEND, ("suspension asked for at " + Instant.now() + "\n").getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Clears a suspension request. */
    public void clearSuspendRequest() {
        store.delete(JournalStore.SUSPEND);
    }
}
