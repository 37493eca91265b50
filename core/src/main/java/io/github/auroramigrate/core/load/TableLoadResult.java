package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.internal.text.Human;
import java.time.Duration;
import java.util.Objects;

/**
 * What a load did to one table.
 *
 * <pre>{@code
 * for (TableLoadResult t : result.tables()) { log.info("{}: {} rows in {}", t.table(), t.rows(), t.loadTime()); }
 * }</pre>
 *
 * @param table         {@code schema.table}
 * @param rows          rows loaded by this run
 * @param chunksLoaded  chunks committed by this run
 * @param chunksSkipped chunks found committed by an earlier run
 * @param loadTime      time spent loading its chunks, summed over threads
 */
public record TableLoadResult(String table, long rows, int chunksLoaded, int chunksSkipped, Duration loadTime) {
    /** Validates. */
    public TableLoadResult {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(loadTime, "loadTime");
    }

    /** @return e.g. {@code shop.orders: 1,000 rows in 3 chunks (0 skipped), 2.4 s} */
    @Override
    public String toString() {
        return table + ": " + Human.count(rows) + " rows in " + chunksLoaded + " chunks (" + chunksSkipped + " skipped), "
                + Human.duration(loadTime);
    }
}
