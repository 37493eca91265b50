package io.github.auroramigrate.plan;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.internal.text.Human;
import io.github.auroramigrate.plan.internal.Checklists;
import io.github.auroramigrate.plan.internal.JournalJson;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A plan as its journal has it after a run, a rollback or a status read: the state, each step with its timings and
 * outputs, and every decision. {@link #checklist()} renders the handbook's checklist and shadow checklist with the
 * measured timings; {@link #estimate(DataSize)} scales a rehearsal's timings to the real size; {@link #toJson()} is
 * for tools (the CLI's {@code --json}).
 *
 * <pre>{@code
 * PlanReport r = plan.run();
 * System.out.println(r.checklist());
 * if (r.state() == PlanState.WINDOW_OPEN) { ... }
 * }</pre>
 *
 * @param planId    the plan's id
 * @param state     where the plan stands
 * @param attempt   which attempt of the plan this is (a run after a complete rollback starts the next)
 * @param steps     every step, in checklist order
 * @param decisions every decision of this attempt, oldest first
 * @param elapsed   how long the call that produced this report took (zero for a status read)
 * @param message   one line for people about where the plan stands and what to do next
 */
public record PlanReport(String planId, PlanState state, int attempt, List<StepReport> steps, List<Decision> decisions,
        Duration elapsed, String message) {
    /** Validates and copies. */
    public PlanReport {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(state, "state");
        steps = List.copyOf(steps);
        decisions = List.copyOf(decisions);
        Objects.requireNonNull(elapsed, "elapsed");
        message = message == null ? "" : message;
    }

    /** @return a step by name */
    public Optional<StepReport> step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /**
     * @return the amount of data this attempt moved (the dump's uncompressed bytes), when a dump step ran: the size a
     *         rehearsal's timings are scaled from
     */
    public Optional<DataSize> dataSize() {
        return steps.stream().map(s -> s.outputs().get("dataBytes")).filter(Objects::nonNull).findFirst()
                .map(v -> DataSize.ofBytes(Long.parseLong(v)));
    }

    /**
     * The checklist and the shadow checklist, with each step's state and measured time, and its rollback's.
     *
     * @return Markdown
     */
    public String checklist() {
        return Checklists.markdown(this);
    }

    /**
     * Scales this report's measured durations to a real run of {@code realSize} (see {@link Estimate}).
     *
     * @throws IllegalStateException when no step recorded the amount of data moved (no dump ran)
     */
    public Estimate estimate(DataSize realSize) {
        return Checklists.estimate(this, Objects.requireNonNull(realSize, "realSize"));
    }

    /** @return the report as JSON (steps, outputs, decisions; never a secret) */
    public String toJson() {
        return JournalJson.write(this);
    }

    /** @return a few lines for people */
    public String describe() {
        StringBuilder sb = new StringBuilder("plan ").append(planId).append(' ').append(state).append(" (attempt ")
                .append(attempt).append(", ").append(Human.duration(elapsed)).append(")");
        if (!message.isEmpty()) {
            sb.append(": ").append(message);
        }
        for (StepReport s : steps) {
            sb.append("\n  ").append(s);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
