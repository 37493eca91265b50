package io.github.auroramigrate.replication.cutover;

import java.time.Duration;
import java.util.Objects;

/**
 * How one cut-over step went.
 *
 * <pre>{@code
 * for (StepResult r : report.steps()) { log.info("{}", r); }   // e.g. VERIFY FAILED in 14 ms: ...
 * }</pre>
 *
 * @param step     which step
 * @param outcome  succeeded, failed or skipped
 * @param duration how long it took
 * @param detail   what happened, e.g. the final source position, or the failure's diagnosis
 */
public record StepResult(CutOverStep step, Outcome outcome, Duration duration, String detail) {
    /** The result of a step. */
    public enum Outcome {
        /** Done. */
        SUCCEEDED,
        /** Failed; the cut-over stopped here. */
        FAILED,
        /** Not needed (e.g. no verifier). */
        SKIPPED
    }

    /** Validates. */
    public StepResult {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(detail, "detail");
    }

    /** @return e.g. {@code VERIFY FAILED in 14 ms: ...} */
    @Override
    public String toString() {
        return step + " " + outcome + " in " + io.github.auroramigrate.core.internal.text.Human.duration(duration) + ": " + detail;
    }
}
