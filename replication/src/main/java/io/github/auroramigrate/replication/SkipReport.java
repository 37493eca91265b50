package io.github.auroramigrate.replication;

import io.github.auroramigrate.core.dump.BinlogPosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a data-changing remedy skipped: {@link Replication#skipTransaction()} (the failing transaction) or
 * {@link Replication#skipToNextLogFile()} (the rest of a binary log file). The same text is logged at WARN.
 *
 * <pre>{@code
 * SkipReport skipped = repl.skipTransaction();
 * audit.record(skipped.describe());
 * }</pre>
 *
 * @param remedy        what was done ("skip transaction", "skip to next log file")
 * @param errno         the error that was stopping replication (0 if none)
 * @param error         its text
 * @param from          the source position replication stood at
 * @param resumedAt     the source position replication continues from, when known
 * @param skippedEvents the source's binary log events that were skipped ({@code SHOW BINLOG EVENTS} lines), when they
 *                      could be read; empty otherwise
 * @param skippedBytes  bytes of binary log skipped, or -1 when unknown
 */
public record SkipReport(String remedy, int errno, String error, BinlogPosition from,
        Optional<BinlogPosition> resumedAt, List<String> skippedEvents, long skippedBytes) {
    /** Validates and copies. */
    public SkipReport {
        Objects.requireNonNull(remedy, "remedy");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(resumedAt, "resumedAt");
        skippedEvents = List.copyOf(skippedEvents);
    }

    /** @return a multi-line account of what was skipped, for people and audit logs */
    public String describe() {
        StringBuilder sb = new StringBuilder(remedy).append(" at source position ").append(from);
        if (errno != 0) {
            sb.append(" (error ").append(errno).append(": ").append(error).append(')');
        }
        resumedAt.ifPresent(r -> sb.append("; replication resumes at ").append(r));
        if (skippedBytes >= 0) {
            sb.append("; ").append(skippedBytes).append(" bytes of binary log skipped");
        }
        if (!skippedEvents.isEmpty()) {
            sb.append("; skipped events:");
            skippedEvents.forEach(e -> sb.append("\n  ").append(e));
        }
        return sb.toString();
    }
}
