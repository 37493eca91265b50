package io.github.auroramigrate.replication.stuck;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The answer to "is replication stuck or just busy?", with the evidence the handbook asks for.
 *
 * <pre>{@code
 * StuckOrBusyReport r = repl.stuckOrBusy(Duration.ofSeconds(10));
 * System.out.println(r.verdict() + ": " + String.join("; ", r.evidence()));
 * }</pre>
 *
 * @param verdict  the decision
 * @param window   how long the replica was observed
 * @param evidence the observations that led to the verdict, in words
 * @param samples  the raw observations, first to last
 */
public record StuckOrBusyReport(Verdict verdict, Duration window, List<String> evidence, List<ApplierSample> samples) {
    /** Validates and copies. */
    public StuckOrBusyReport {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(window, "window");
        evidence = List.copyOf(evidence);
        samples = List.copyOf(samples);
    }

    @Override
    public String toString() {
        return verdict + " over " + io.github.auroramigrate.core.internal.text.Human.duration(window) + ": " + String.join("; ", evidence);
    }
}
