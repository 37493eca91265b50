package io.github.auroramigrate.replication.preflight;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.replication.ReplicationException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link SourcePreflight#run()}.
 *
 * <pre>{@code
 * PreflightReport r = SourcePreflight.of(source).plannedDuration(Duration.ofHours(6)).build().run();
 * r.throwIfFailed();
 * log.info("binary logs grow {} bytes/s, about {} bytes over the migration", r.growthBytesPerSecond(), r.estimatedBinlogBytes());
 * }</pre>
 *
 * @param checks               every check, in order
 * @param plannedDuration      how long the migration is planned to need the binary logs
 * @param retention            how long the source keeps binary logs; empty when it never purges them by age
 * @param growthBytesPerSecond measured binary log growth rate, or -1 when not measured
 * @param estimatedBinlogBytes growth rate times planned duration, or -1 when not measured
 */
public record PreflightReport(List<PreflightCheck> checks, Duration plannedDuration, Optional<Duration> retention,
        double growthBytesPerSecond, long estimatedBinlogBytes) {
    /** Validates and copies. */
    public PreflightReport {
        checks = List.copyOf(checks);
        Objects.requireNonNull(plannedDuration, "plannedDuration");
        Objects.requireNonNull(retention, "retention");
    }

    /** @return whether every check passed */
    public boolean passed() {
        return checks.stream().allMatch(PreflightCheck::passed);
    }

    /** @return the diagnoses of the failed checks */
    public List<Diagnosis> failures() {
        return checks.stream().filter(c -> !c.passed()).map(c -> c.failure().orElseThrow()).toList();
    }

    /** @return the check with this name, if it ran */
    public Optional<PreflightCheck> check(String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * @throws ReplicationException carrying the first failure's diagnosis (the others are named in its advice)
     */
    public void throwIfFailed() {
        List<Diagnosis> f = failures();
        if (f.isEmpty()) {
            return;
        }
        Diagnosis first = f.get(0);
        if (f.size() > 1) {
            first = first.withAdvice("Also failed: " + f.subList(1, f.size()).stream().map(d -> d.code().name())
                    .reduce((a, b) -> a + ", " + b).orElse("") + ".");
        }
        throw new ReplicationException(first);
    }
}
