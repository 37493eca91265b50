package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.internal.text.Human;
import java.time.Duration;
import java.util.Optional;

/**
 * A snapshot of a running dump's progress, handed to {@link DumpListener#onProgress} and returned by
 * {@link DumpJob#progress()}.
 *
 * <pre>{@code
 * DumpProgress p = job.progress();
 * System.out.printf("%d/%d tables, %d rows, %.1f MB/s, eta %s%n", p.tablesDone(), p.tablesTotal(), p.rows(),
 *     p.bytesPerSecond() / 1e6, p.eta().map(Duration::toString).orElse("?"));
 * }</pre>
 *
 * @param tablesTotal         tables to dump
 * @param tablesDone          tables completely dumped
 * @param chunksDone          chunk files written
 * @param rows                rows written
 * @param dataBytes           uncompressed bytes written
 * @param fileBytes           stored (compressed) bytes written
 * @param estimatedDataBytes  the source's estimate of the data size (information_schema), 0 when unknown
 * @param elapsed             time since the dump started
 * @param bytesPerSecond      average uncompressed throughput so far
 * @param rowsPerSecond       average rows per second so far
 * @param etaOrNull           estimated time left, or null when unknown
 */
public record DumpProgress(int tablesTotal, int tablesDone, long chunksDone, long rows, long dataBytes, long fileBytes,
        long estimatedDataBytes, Duration elapsed, double bytesPerSecond, double rowsPerSecond, Duration etaOrNull) {

    /** @return the estimated time left, if it can be estimated */
    public Optional<Duration> eta() {
        return Optional.ofNullable(etaOrNull);
    }

    /** @return e.g. {@code 3/10 tables, 1,234 rows, 315 MiB (12 MiB stored) in 2.4 s, 128 MiB/s, eta 5 s} */
    @Override
    public String toString() {
        return tablesDone + "/" + tablesTotal + " tables, " + Human.count(rows) + " rows, " + Human.bytes(dataBytes) + " ("
                + Human.bytes(fileBytes) + " stored) in " + Human.duration(elapsed) + ", "
                + Human.bytes((long) bytesPerSecond) + "/s, eta " + (etaOrNull == null ? "unknown" : Human.duration(etaOrNull));
    }
}
