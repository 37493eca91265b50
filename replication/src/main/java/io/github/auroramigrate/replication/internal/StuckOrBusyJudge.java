package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.ThreadState;
import io.github.auroramigrate.replication.stuck.ApplierSample;
import io.github.auroramigrate.replication.stuck.ApplierThread;
import io.github.auroramigrate.replication.stuck.StuckOrBusyReport;
import io.github.auroramigrate.replication.stuck.Verdict;
import io.github.auroramigrate.core.internal.text.Human;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides stuck, busy, progressing, waiting or stopped from a series of samples, after the handbook: errors first,
 * then whether the applied position (Exec_Master_Log_Pos, or Executed_Gtid_Set) moved, then what the applier's
 * InnoDB transactions did across the whole window - grew, started, ended or waited for a lock - each judged over all
 * its sightings, so the evidence states what was seen. Pure; thread-safe.
 */
public final class StuckOrBusyJudge {
    /** Thread states of work that takes no InnoDB row locks but is progress (DDL). */
    private static final Set<String> WORKING_STATES = Set.of("copy to tmp table", "altering table", "creating index",
            "committing alter table to storage engine", "manage keys", "rename result table", "creating table");

    private StuckOrBusyJudge() {
    }

    /** {@link #judge(List, Duration, String)} without a worker error. */
    public static StuckOrBusyReport judge(List<ApplierSample> samples, Duration window) {
        return judge(samples, window, null);
    }

    /**
     * @param samples     at least one sample, first to last
     * @param window      the observation window
     * @param workerError the failing worker's message on a multi-threaded replica (its Last_SQL_Error is a generic
     *                    "Coordinator stopped" text), or null
     */
    public static StuckOrBusyReport judge(List<ApplierSample> samples, Duration window, String workerError) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        ApplierSample first = samples.get(0);
        ApplierSample last = samples.get(samples.size() - 1);
        ReplicaStatus s = last.status();
        List<String> ev = new ArrayList<>();

        if (s.failed()) {
            if (s.lastIoErrno() != 0) {
                ev.add("I/O thread error " + s.lastIoErrno() + ": " + s.lastIoError());
            }
            if (s.lastSqlErrno() != 0) {
                boolean worker = workerError != null && !workerError.isBlank();
                ev.add("SQL thread error " + s.lastSqlErrno() + ": " + (worker ? workerError
                        + " (the failing worker, from performance_schema.replication_applier_status_by_worker)"
                        : s.lastSqlError()));
            }
            return new StuckOrBusyReport(Verdict.FAILED, window, ev, samples);
        }
        if (s.sqlThread() == ThreadState.STOPPED) {
            ev.add("SQL thread is not running (" + sqlRunningColumn(s) + " = No) and reports no error: it was stopped");
            ev.add("I/O thread: " + s.ioThread() + (s.ioState().isEmpty() ? "" : ", state '" + s.ioState() + "'"));
            s.executed().ifPresent(p -> ev.add("applied up to source position " + p));
            return new StuckOrBusyReport(Verdict.STOPPED, window, ev, samples);
        }

        Optional<BinlogPosition> from = first.status().executed();
        Optional<BinlogPosition> to = s.executed();
        boolean positionMoved = from.isPresent() && to.isPresent() && to.get().compareTo(from.get()) > 0;
        Set<String> sourceUuids = uuids(s.retrievedGtidSet());
        boolean gtidsMoved = !applied(s, sourceUuids).isEmpty()
                && !applied(s, sourceUuids).equals(applied(first.status(), sourceUuids));
        if (positionMoved || gtidsMoved) {
            return moved(samples, window, positionMoved, gtidsMoved);
        }
        ev.add("Exec_Master_Log_Pos stayed at " + to.map(Object::toString).orElse("(none)") + " for " + Human.duration(window)
                + ", Seconds_Behind_Master " + sbm(first.status()) + " -> " + sbm(s)
                + (s.executedGtidSet().isEmpty() ? "" : ", Executed_Gtid_Set unchanged"));
        List<TransactionHistory> all = TransactionHistory.of(samples);

        List<TransactionHistory> waiting = all.stream().filter(t -> t.inLast() && t.waiting()).toList();
        if (!waiting.isEmpty()) {
            for (TransactionHistory t : waiting) {
                ev.add("InnoDB transaction " + t.trxId() + " of replication thread " + t.last().threadId()
                        + " is in LOCK WAIT: another transaction on the target holds the rows it needs"
                        + (t.last().query().isEmpty() ? "" : " (statement: " + t.last().query() + ")"));
                threadOf(last, t.last().threadId()).ifPresent(th -> ev.add(describe(th)));
            }
            all.stream().filter(t -> t.worked(true)).forEach(t -> ev.add("meanwhile " + t.describe()));
            return new StuckOrBusyReport(Verdict.WAITING_FOR_LOCK, window, ev, samples);
        }
        List<TransactionHistory> working = all.stream().filter(t -> t.worked(true)).toList();
        if (!working.isEmpty()) {
            for (TransactionHistory t : working) {
                ev.add(t.describe());
                threadOf(last, t.last().threadId()).ifPresent(th -> ev.add(describe(th)));
            }
            return new StuckOrBusyReport(Verdict.BUSY, window, ev, samples);
        }
        for (ApplierThread t : last.threads()) {
            if (WORKING_STATES.contains(t.state().toLowerCase(Locale.ROOT))) {
                ev.add("replication thread " + t.id() + " is in state '" + t.state() + "' for " + t.seconds()
                        + " s, work that takes no row locks (DDL)" + (t.info().isEmpty() ? "" : ": " + t.info()));
                return new StuckOrBusyReport(Verdict.BUSY, window, ev, samples);
            }
        }
        if (s.appliedAllReceived() && s.ioThread() == ThreadState.RUNNING && last.transactions().isEmpty()) {
            ev.add("the SQL thread has applied everything the I/O thread received (" + s.received().orElseThrow() + ")");
            ev.add("I/O thread state: '" + s.ioState() + "', SQL thread state: '" + s.sqlState() + "'");
            return new StuckOrBusyReport(Verdict.CAUGHT_UP, window, ev, samples);
        }
        if (s.ioThread() != ThreadState.RUNNING && s.appliedAllReceived()) {
            ev.add("everything received is applied, and the I/O thread is " + s.ioThread()
                    + (s.ioState().isEmpty() ? "" : " ('" + s.ioState() + "')"));
            return new StuckOrBusyReport(s.ioThread() == ThreadState.STOPPED ? Verdict.STOPPED : Verdict.STUCK, window,
                    ev, samples);
        }
        ev.add("received " + s.received().map(Object::toString).orElse("(none)") + " but nothing more was applied");
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            ev.add("the window was under a second: a multi-threaded replica moves Exec_Master_Log_Pos only at "
                    + "checkpoints (replica_checkpoint_period), so observe longer before calling it stuck");
        }
        ev.add("SQL thread state: '" + s.sqlState() + "'");
        all.forEach(t -> ev.add(t.describe()));
        last.threads().stream().filter(t -> !t.info().isEmpty()).forEach(t -> ev.add(describe(t)));
        return new StuckOrBusyReport(Verdict.STUCK, window, ev, samples);
    }

    /** The position moved: progressing, unless it then stood still while the applier kept working (busy). */
    private static StuckOrBusyReport moved(List<ApplierSample> samples, Duration window, boolean positionMoved,
            boolean gtidsMoved) {
        ApplierSample first = samples.get(0);
        ApplierSample last = samples.get(samples.size() - 1);
        ReplicaStatus s = last.status();
        List<String> ev = new ArrayList<>();
        if (positionMoved) {
            ev.add("Exec_Master_Log_Pos moved from " + first.status().executed().orElseThrow() + " to "
                    + s.executed().orElseThrow() + " in " + Human.duration(window));
        }
        Set<String> sourceUuids = uuids(s.retrievedGtidSet());
        if (gtidsMoved) {
            ev.add("Executed_Gtid_Set grew from " + applied(first.status(), sourceUuids) + " to "
                    + applied(s, sourceUuids) + " (the source's GTIDs)");
        }
        ev.add("Seconds_Behind_Master " + sbm(first.status()) + " -> " + sbm(s));
        // The stable tail: the samples since the applied state last changed. A multi-threaded replica moves the
        // position only at checkpoints, so it may still move early in the window and then sit on one large event.
        int tail = samples.size() - 1;
        while (tail > 0 && sameApplied(samples.get(tail - 1).status(), s, sourceUuids)) {
            tail--;
        }
        if (tail < samples.size() - 1) {
            List<TransactionHistory> working = TransactionHistory.of(samples.subList(tail, samples.size())).stream()
                    .filter(t -> t.worked(false)).toList();
            if (!working.isEmpty()) {
                ev.add(1, "then stayed at " + s.executed().map(Object::toString).orElse("(none)") + " from "
                        + Human.duration(samples.get(tail).offset()) + " on");
                for (TransactionHistory t : working) {
                    ev.add(t.describe());
                    threadOf(last, t.last().threadId()).ifPresent(th -> ev.add(describe(th)));
                }
                return new StuckOrBusyReport(Verdict.BUSY, window, ev, samples);
            }
        }
        TransactionHistory.of(samples).stream().filter(t -> !t.inLast()).limit(5)
                .forEach(t -> ev.add(t.describe()));
        return new StuckOrBusyReport(Verdict.PROGRESSING, window, ev, samples);
    }

    private static boolean sameApplied(ReplicaStatus a, ReplicaStatus b, Set<String> sourceUuids) {
        return a.executed().equals(b.executed()) && Objects.equals(applied(a, sourceUuids), applied(b, sourceUuids));
    }

    /** The UUIDs of a GTID set text ({@code uuid[:tag]:a-b,uuid:c}), lower case. */
    private static Set<String> uuids(String gtidSet) {
        Set<String> out = new java.util.HashSet<>();
        for (String segment : gtidSet.split(",")) {
            String uuid = segment.split(":")[0].trim().toLowerCase(Locale.ROOT);
            if (!uuid.isEmpty()) {
                out.add(uuid);
            }
        }
        return out;
    }

    /**
     * The part of Executed_Gtid_Set that the applier writes: the segments of the source's UUIDs (those it received).
     * Writes made on the target itself change only the target's own UUID, which is no replication progress.
     */
    private static String applied(ReplicaStatus s, Set<String> sourceUuids) {
        List<String> kept = new ArrayList<>();
        for (String segment : s.executedGtidSet().split(",")) {
            if (sourceUuids.contains(segment.split(":")[0].trim().toLowerCase(Locale.ROOT))) {
                kept.add(segment.trim());
            }
        }
        return String.join(",", kept);
    }

    private static Optional<ApplierThread> threadOf(ApplierSample s, long id) {
        return s.threads().stream().filter(t -> t.id() == id).findFirst();
    }

    private static String describe(ApplierThread t) {
        return "thread " + t.id() + " state '" + t.state() + "' for " + t.seconds() + " s"
                + (t.info().isEmpty() ? "" : ", executing: " + t.info());
    }

    private static String sbm(ReplicaStatus s) {
        return s.secondsBehindSource().map(d -> Long.toString(d.toSeconds())).orElse("NULL");
    }

    private static String sqlRunningColumn(ReplicaStatus s) {
        return s.raw().containsKey("Replica_SQL_Running") ? "Replica_SQL_Running" : "Slave_SQL_Running";
    }
}
