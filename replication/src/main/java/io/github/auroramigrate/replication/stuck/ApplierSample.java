package io.github.auroramigrate.replication.stuck;

import io.github.auroramigrate.replication.ReplicaStatus;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One observation during {@code stuckOrBusy}: the replica status, the replication threads, and their InnoDB
 * transactions.
 *
 * <pre>{@code
 * for (ApplierSample s : report.samples()) { log.info("{} {}", s.offset(), s.status().executed()); }
 * }</pre>
 *
 * @param offset       time since the first sample
 * @param status       replica status
 * @param threads      replication threads from the process list (empty when it could not be read)
 * @param transactions their InnoDB transactions (empty when none or when they could not be read)
 */
public record ApplierSample(Duration offset, ReplicaStatus status, List<ApplierThread> threads,
        List<ApplierTransaction> transactions) {
    /** Validates and copies. */
    public ApplierSample {
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(status, "status");
        threads = List.copyOf(threads);
        transactions = List.copyOf(transactions);
    }
}
