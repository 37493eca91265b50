package io.github.auroramigrate.core.verify;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a {@link Verify}: per table row counts and differences.
 *
 * <pre>{@code
 * VerifyResult r = Verify.between(source, target).schemas("shop").build().run();
 * if (!r.ok()) { r.differences().forEach(d -> log.warn("{}", d)); }
 * }</pre>
 *
 * @param tables  per table results, in the order compared
 * @param elapsed wall-clock time of the run
 */
public record VerifyResult(List<TableVerification> tables, Duration elapsed) {
    /** Validates and copies. */
    public VerifyResult {
        tables = List.copyOf(tables);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** @return true when every table is equal */
    public boolean ok() {
        return tables.stream().allMatch(TableVerification::ok);
    }

    /** @return all differences of all tables */
    public List<Difference> differences() {
        return tables.stream().flatMap(t -> t.differences().stream()).toList();
    }

    /** @return one line for logs */
    public String summary() {
        long bad = tables.stream().filter(t -> !t.ok()).count();
        return "verify: " + tables.size() + " tables, " + (bad == 0 ? "all equal" : bad + " differ in "
                + differences().size() + " ranges") + ", " + elapsed.toMillis() + " ms";
    }
}
