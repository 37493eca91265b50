package io.github.auroramigrate.core.verify;

import io.github.auroramigrate.core.internal.text.Human;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a {@link Verify}: per table row counts and differences, and the differences of object
 * definitions.
 *
 * <pre>{@code
 * VerifyResult r = Verify.between(source, target).schemas("shop").build().run();
 * if (!r.ok()) {
 *     r.objectDifferences().forEach(d -> log.warn("{}", d));   // PROCEDURE `shop`.`refund`: missing on the target
 *     r.differences().forEach(d -> log.warn("{}", d));
 * }
 * }</pre>
 *
 * @param tables            per table results, in the order compared
 * @param objectDifferences differences of definitions (schemas, tables, views, routines, triggers, events,
 *                          accounts); empty when equal or when objects were not compared
 * @param objectsCompared   how many expected objects were compared by definition (0 when not compared)
 * @param elapsed           wall-clock time of the run
 */
public record VerifyResult(List<TableVerification> tables, List<ObjectDifference> objectDifferences, int objectsCompared,
        Duration elapsed) {
    /** Validates and copies. */
    public VerifyResult {
        tables = List.copyOf(tables);
        objectDifferences = List.copyOf(objectDifferences);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * @return true when at least one table was compared and every table's rows and every object's definition are
     *         equal; a verification of no table at all is never ok
     */
    public boolean ok() {
        return !tables.isEmpty() && objectDifferences.isEmpty() && tables.stream().allMatch(TableVerification::ok);
    }

    /** @return all row differences of all tables (object definitions: {@link #objectDifferences()}) */
    public List<Difference> differences() {
        return tables.stream().flatMap(t -> t.differences().stream()).toList();
    }

    /** @return one line for logs */
    public String summary() {
        long bad = tables.stream().filter(t -> !t.ok()).count();
        if (tables.isEmpty()) {
            return "verify: NO tables compared (not ok); " + objectsCompared + " objects, "
                    + (objectDifferences.isEmpty() ? "all equal" : objectDifferences.size() + " differences") + ", "
                    + Human.duration(elapsed);
        }
        return "verify: " + tables.size() + " tables, " + (bad == 0 ? "all equal" : bad + " differ in "
                + differences().size() + " ranges") + "; " + objectsCompared + " objects, "
                + (objectDifferences.isEmpty() ? "all equal" : objectDifferences.size() + " differences") + ", "
                + Human.duration(elapsed);
    }
}
