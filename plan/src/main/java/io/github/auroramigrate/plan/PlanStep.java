package io.github.auroramigrate.plan;

/**
 * One step of a plan's checklist, with its rollback (its line in the shadow checklist). The library's steps come from
 * {@link Steps}; a step of your own implements this (or is made by {@link Steps#hook} / {@link Steps#custom}).
 *
 * <pre>{@code
 * List<PlanStep> steps = new ArrayList<>(Steps.nearZeroDowntime());
 * steps.add(steps.indexOf(Steps.cutOver()), Steps.hook("smoke test", smokeTest, () -> { }));
 * }</pre>
 *
 * <p>Contract: the plan runs {@link #run} again after an interruption (a killed process, a suspension), and
 * {@link #rollback} again after an interrupted rollback, so both must be safe to repeat: they look at what is there
 * ({@link StepContext#outputs()}, the servers) and do only what is missing. {@link #resumption()} says how a step
 * behaves when run again, for the checklist. Implementations must be immutable and thread-safe.
 */
public interface PlanStep {
    /** @return the step's name, unique in the plan: the key of its journal entry (keep it stable across versions) */
    String name();

    /** @return the checklist line: what the step does */
    String description();

    /** @return the shadow checklist line: what its rollback does */
    String rollbackDescription();

    /**
     * Does the step's work.
     *
     * @throws Exception anything; the step fails with it (a {@code MigrationException}'s diagnosis is kept)
     */
    void run(StepContext context) throws Exception;

    /**
     * Undoes the step's work, from whatever state it is in (done, failed, interrupted half-way).
     *
     * @throws Exception anything; the rollback stops there and can be run again
     */
    void rollback(StepContext context) throws Exception;

    /** @return what running the step again after an interruption does. Default {@link Resumption#REDO}. */
    default Resumption resumption() {
        return Resumption.REDO;
    }

    /**
     * @return whether the step's duration grows with the amount of data (a rehearsal scales it to the real size).
     *         Default false.
     */
    default boolean sizeDependent() {
        return false;
    }

    /**
     * @return a digest of the step's configuration; a journal whose completed step recorded another one refuses to
     *         resume (PLAN_CHANGED). Default: the name. Never include a secret.
     */
    default String fingerprint() {
        return name();
    }

    /** What running a step again after an interruption does. */
    enum Resumption {
        /** Runs again from its start; safe because it only reads, or its effect is idempotent. */
        REDO,
        /** Continues where it stopped: what it had done is kept (e.g. a load's committed chunks). */
        CONTINUE,
        /** Cannot continue mid-way: first undoes its partial work safely, then runs again from its start. */
        UNDO_THEN_REDO
    }
}
