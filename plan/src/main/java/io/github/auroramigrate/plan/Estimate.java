package io.github.auroramigrate.plan;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.internal.text.Human;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How long the real migration should take, from a rehearsal's measured step durations: steps whose work grows with
 * the data (dump, load, verification, catch-up after the load) are scaled by real size / rehearsal size; the others
 * (probe, pre-checks, hooks, the cut-over's fixed costs) are taken as measured. A linear model: good for planning a
 * maintenance window, not a promise.
 *
 * <pre>{@code
 * Estimate e = rehearsal.estimate(DataSize.ofGigabytes(500));
 * System.out.println(e.toMarkdown());
 * }</pre>
 *
 * @param rehearsalSize the data the rehearsal moved (the dump's uncompressed bytes)
 * @param realSize      the data the real run will move
 * @param factor        realSize / rehearsalSize
 * @param lines         one per step, in checklist order
 * @param total         the sum of the estimates
 */
public record Estimate(DataSize rehearsalSize, DataSize realSize, double factor, List<Line> lines, Duration total) {
    /** Validates and copies. */
    public Estimate {
        Objects.requireNonNull(rehearsalSize, "rehearsalSize");
        Objects.requireNonNull(realSize, "realSize");
        lines = List.copyOf(lines);
        Objects.requireNonNull(total, "total");
    }

    /**
     * One step's estimate.
     *
     * @param step      the step
     * @param measured  its duration in the rehearsal
     * @param estimated its estimated duration in the real run
     * @param scaled    whether it was scaled with the size
     */
    public record Line(String step, Duration measured, Duration estimated, boolean scaled) {
        /** Validates. */
        public Line {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(measured, "measured");
            Objects.requireNonNull(estimated, "estimated");
        }
    }

    /** @return the estimate as a Markdown table */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Estimate for %s (rehearsal moved %s; x%.1f)%n%n",
                Human.bytes(realSize.toBytes()), Human.bytes(rehearsalSize.toBytes()), factor));
        sb.append("| step | rehearsal | real run (estimate) | scaled |\n|---|---:|---:|---|\n");
        for (Line l : lines) {
            sb.append("| ").append(l.step()).append(" | ").append(Human.duration(l.measured())).append(" | ")
                    .append(Human.duration(l.estimated())).append(" | ").append(l.scaled() ? "with size" : "as measured")
                    .append(" |\n");
        }
        sb.append("| **total** | | **").append(Human.duration(total)).append("** | |\n");
        return sb.toString();
    }

    @Override
    public String toString() {
        return toMarkdown();
    }
}
