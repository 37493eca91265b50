package io.github.auroramigrate.replication;

import io.github.auroramigrate.core.BinlogPosition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a data-changing remedy skipped, and what it saw afterwards: {@link Replication#skipTransaction()} (the failing
 * transaction) or {@link Replication#skipToNextLogFile()} (the rest of a binary log file). A report is returned only
 * when the remedy took effect (the failing transaction or position is behind the replica); a remedy that had no
 * effect throws {@code REPLICATION_REMEDY_FAILED} instead. The same text is logged at WARN.
 *
 * <pre>{@code
 * SkipReport skipped = repl.skipTransaction();
 * audit.record(skipped.describe());
 * if (skipped.outcome() == SkipReport.Outcome.STOPPED_AGAIN) { ... repl.diagnose() ... }
 * }</pre>
 *
 * @param remedy        what was done ("skip transaction", "skip transaction by GTID", "skip to next log file")
 * @param errno         the error that was stopping replication (0 if none)
 * @param error         its text (on a multi-threaded replica, the failing worker's)
 * @param from          the source position replication stood at
 * @param skippedGtid   the GTID of the skipped transaction, on a channel with GTID auto-positioning
 * @param resumedAt     the source position replication continues from, when known
 * @param skippedEvents the source's binary log events that were skipped ({@code SHOW BINLOG EVENTS} lines), when they
 *                      could be read; empty otherwise
 * @param skippedBytes  bytes of binary log skipped, or -1 when unknown
 * @param outcome       what the replica did afterwards
 * @param verification  the observations that show the effect (positions, GTID, thread states)
 */
public record SkipReport(String remedy, int errno, String error, BinlogPosition from, Optional<String> skippedGtid,
        Optional<BinlogPosition> resumedAt, List<String> skippedEvents, long skippedBytes, Outcome outcome,
        List<String> verification) {

    /** What the replica did after the remedy took effect. */
    public enum Outcome {
        /** Past the failing transaction or position, and replication runs. */
        RESUMED,
        /** Past it, but replication stopped again (a later transaction failed, or a thread is not running): see
         *  {@link #verification()} and {@link Replication#diagnose()}. */
        STOPPED_AGAIN
    }

    /** Validates and copies. */
    public SkipReport {
        Objects.requireNonNull(remedy, "remedy");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(skippedGtid, "skippedGtid");
        Objects.requireNonNull(resumedAt, "resumedAt");
        Objects.requireNonNull(outcome, "outcome");
        skippedEvents = List.copyOf(skippedEvents);
        verification = List.copyOf(verification);
    }

    /** @return a multi-line account of what was skipped and what followed, for people and audit logs */
    public String describe() {
        StringBuilder sb = new StringBuilder(remedy).append(" at source position ").append(from);
        skippedGtid.ifPresent(g -> sb.append(", GTID ").append(g));
        if (errno != 0) {
            sb.append(" (error ").append(errno).append(": ").append(error).append(')');
        }
        resumedAt.ifPresent(r -> sb.append("; replication resumes at ").append(r));
        if (skippedBytes >= 0) {
            sb.append("; ").append(skippedBytes).append(" bytes of binary log skipped");
        }
        sb.append("; afterwards: ").append(outcome);
        verification.forEach(v -> sb.append("\n  ").append(v));
        if (!skippedEvents.isEmpty()) {
            sb.append("\n  skipped events:");
            skippedEvents.forEach(e -> sb.append("\n    ").append(e));
        }
        return sb.toString();
    }
}
