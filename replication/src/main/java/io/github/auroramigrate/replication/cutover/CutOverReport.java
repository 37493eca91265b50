package io.github.auroramigrate.replication.cutover;

import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a cut-over did, step by step, with timings.
 *
 * <pre>{@code
 * CutOverReport r = cutOver.run();
 * log.info("writes were stopped for {}", r.writeDowntime());
 * }</pre>
 *
 * @param steps               the steps run, in order (with ROLLBACK after a failure)
 * @param succeeded           whether the applications now use the target
 * @param finalSourcePosition the source's position after writes stopped, when read
 * @param failure             the diagnosis of the failed step, if any
 * @param sourceTakesWrites   whether the source takes writes again after a failure (rollback succeeded)
 * @param total               duration of the whole cut-over
 * @param writeDowntime       from the moment writes stopped to the end of the switch (or of the rollback); when stopping
 *                           them failed part way, from the moment the stop began (some writers may have stopped)
 * @param verification        what the {@link CutOver.Builder#verify(Verify) Verify} of step 3 found, when one ran
 *                            to the end (empty with a custom verifier, or none)
 */
public record CutOverReport(List<StepResult> steps, boolean succeeded, Optional<BinlogPosition> finalSourcePosition,
        Optional<Diagnosis> failure, boolean sourceTakesWrites, Duration total, Duration writeDowntime,
        Optional<VerifyResult> verification) {
    /** Validates and copies. */
    public CutOverReport {
        steps = List.copyOf(steps);
        Objects.requireNonNull(finalSourcePosition, "finalSourcePosition");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(writeDowntime, "writeDowntime");
        Objects.requireNonNull(verification, "verification");
    }

    /** @return the result of a step, if it ran */
    public Optional<StepResult> step(CutOverStep step) {
        return steps.stream().filter(s -> s.step() == step).findFirst();
    }

    /** @return a multi-line summary */
    public String describe() {
        StringBuilder sb = new StringBuilder("cut-over ").append(succeeded ? "SUCCEEDED" : "FAILED").append(" in ")
                .append(Human.duration(total)).append(", writes stopped for ").append(Human.duration(writeDowntime));
        for (StepResult s : steps) {
            sb.append("\n  ").append(s.step()).append(' ').append(s.outcome()).append(" in ").append(Human.duration(s.duration()))
                    .append(": ").append(s.detail());
        }
        return sb.toString();
    }

    /** @return {@link #describe()}: durations for people, never {@code PT0.7S} or {@code Optional[...]} */
    @Override
    public String toString() {
        return describe();
    }
}
