package io.github.auroramigrate.plan;

import io.github.auroramigrate.core.internal.text.Human;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One step as the journal has it: state, attempts, timings of the step and of its rollback, outputs.
 *
 * <pre>{@code
 * StepReport load = report.step("load").orElseThrow();
 * log.info("load took {} over {} attempts", load.duration(), load.attempts());
 * }</pre>
 *
 * @param name                the step's name
 * @param description         its checklist line
 * @param rollbackDescription its shadow checklist line
 * @param state               where it stands
 * @param attempts            how often it was started in this attempt of the plan (more than one after a kill or a
 *                            suspension)
 * @param duration            time spent in the step over all its attempts
 * @param rollbackDuration    time spent in its rollback, zero when it was not rolled back
 * @param sizeDependent       whether a rehearsal scales its duration with the data size
 * @param outputs             what it recorded: coordinates, dump location, verification results... (never secrets)
 * @param detail              the last thing its run said: a summary, or the diagnosis of its failure
 * @param rollbackDetail      the last thing its rollback said, empty when it was not rolled back
 */
public record StepReport(String name, String description, String rollbackDescription, StepState state, int attempts,
        Duration duration, Duration rollbackDuration, boolean sizeDependent, Map<String, String> outputs, String detail,
        String rollbackDetail) {
    /** Validates and copies. */
    public StepReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(rollbackDescription, "rollbackDescription");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(rollbackDuration, "rollbackDuration");
        outputs = Map.copyOf(outputs);
        detail = detail == null ? "" : detail;
        rollbackDetail = rollbackDetail == null ? "" : rollbackDetail;
    }

    /** @return an output by name */
    public Optional<String> output(String key) {
        return Optional.ofNullable(outputs.get(key));
    }

    @Override
    public String toString() {
        if (!rollbackDetail.isEmpty() || !rollbackDuration.isZero()) {
            return name + " " + state + ", rolled back in " + Human.duration(rollbackDuration)
                    + (rollbackDetail.isEmpty() ? "" : ": " + rollbackDetail);
        }
        return name + " " + state + " in " + Human.duration(duration) + (attempts > 1 ? " (" + attempts + " attempts)" : "")
                + (detail.isEmpty() ? "" : ": " + detail);
    }
}
