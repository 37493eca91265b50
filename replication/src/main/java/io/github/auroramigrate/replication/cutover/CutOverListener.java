package io.github.auroramigrate.replication.cutover;

/**
 * Follows a cut-over step by step. Methods are no-ops by default; a listener that throws is logged at WARN and the
 * cut-over goes on. Called on the thread that runs the cut-over.
 *
 * <pre>{@code
 * CutOver.of(repl)...listener(new CutOverListener() {
 *     public void stepFinished(StepResult r) { log.info("{}", r); }
 * }).build();
 * }</pre>
 */
public interface CutOverListener {
    /** A step begins. */
    default void stepStarted(CutOverStep step) {
    }

    /** A step ended. */
    default void stepFinished(StepResult result) {
    }
}
