package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.dump.BinlogPosition;
import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.ThreadState;
import io.github.auroramigrate.replication.stuck.ApplierSample;
import io.github.auroramigrate.replication.stuck.ApplierThread;
import io.github.auroramigrate.replication.stuck.ApplierTransaction;
import io.github.auroramigrate.replication.stuck.StuckOrBusyReport;
import io.github.auroramigrate.replication.stuck.Verdict;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides stuck, busy, progressing, waiting or stopped from a series of samples, after the handbook: errors first,
 * then whether Exec_Master_Log_Pos moved, then whether the applier's InnoDB transaction keeps taking row locks and
 * writing undo entries. Pure; thread-safe.
 */
public final class StuckOrBusyJudge {
    /** Thread states of work that takes no InnoDB row locks but is progress (DDL). */
    private static final Set<String> WORKING_STATES = Set.of("copy to tmp table", "altering table", "creating index",
            "committing alter table to storage engine", "manage keys", "rename result table", "creating table");

    private StuckOrBusyJudge() {
    }

    /**
     * @param samples at least one sample, first to last
     * @param window  the observation window
     */
    public static StuckOrBusyReport judge(List<ApplierSample> samples, Duration window) {
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
                ev.add("SQL thread error " + s.lastSqlErrno() + ": " + s.lastSqlError());
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
        // The stable tail: the samples since the position last changed. A multi-threaded replica moves the position
        // only at checkpoints, so it may still move early in the window and then sit on one large event.
        int tail = samples.size() - 1;
        while (tail > 0 && samples.get(tail - 1).status().executed().equals(to)) {
            tail--;
        }
        if (from.isPresent() && to.isPresent() && to.get().compareTo(from.get()) > 0) {
            ev.add("Exec_Master_Log_Pos moved from " + from.get() + " to " + to.get() + " in " + window);
            ev.add("Seconds_Behind_Master " + sbm(first.status()) + " -> " + sbm(s));
            if (tail < samples.size() - 1 && grew(samples.get(tail), last, ev)) {
                ev.add(1, "then stayed at " + to.get() + " from " + samples.get(tail).offset() + " on");
                return new StuckOrBusyReport(Verdict.BUSY, window, ev, samples);
            }
            return new StuckOrBusyReport(Verdict.PROGRESSING, window, ev, samples);
        }
        ev.add("Exec_Master_Log_Pos stayed at " + to.map(Object::toString).orElse("(none)") + " for " + window
                + ", Seconds_Behind_Master " + sbm(first.status()) + " -> " + sbm(s));
        if (grew(first, last, ev)) {
            return new StuckOrBusyReport(Verdict.BUSY, window, ev, samples);
        }

        for (ApplierTransaction t : last.transactions()) {
            if (t.waitingForLock()) {
                ev.add("InnoDB transaction " + t.trxId() + " of replication thread " + t.threadId()
                        + " is in LOCK WAIT: another transaction on the target holds the rows it needs"
                        + (t.query().isEmpty() ? "" : " (statement: " + t.query() + ")"));
                threadOf(last, t.threadId()).ifPresent(th -> ev.add(describe(th)));
                return new StuckOrBusyReport(Verdict.WAITING_FOR_LOCK, window, ev, samples);
            }
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
        for (ApplierTransaction t : last.transactions()) {
            ev.add("InnoDB transaction " + t.trxId() + " of thread " + t.threadId() + " did not grow: "
                    + t.rowsLocked() + " row locks, " + t.undoEntries() + " undo log entries, state " + t.state());
        }
        last.threads().stream().filter(t -> !t.info().isEmpty()).forEach(t -> ev.add(describe(t)));
        return new StuckOrBusyReport(Verdict.STUCK, window, ev, samples);
    }

    /** The handbook's proof of "busy": the applier's transaction kept acquiring row locks or writing undo entries. */
    private static boolean grew(ApplierSample first, ApplierSample last, List<String> ev) {
        for (ApplierTransaction end : last.transactions()) {
            Optional<ApplierTransaction> start = first.transactions().stream()
                    .filter(t -> t.trxId().equals(end.trxId())).findFirst();
            if (start.isPresent() && (end.rowsLocked() > start.get().rowsLocked()
                    || end.undoEntries() > start.get().undoEntries())) {
                ApplierTransaction a = start.get();
                ev.add("InnoDB transaction " + end.trxId() + " of replication thread " + end.threadId() + " (active "
                        + end.activeSeconds() + " s) grew from " + a.rowsLocked() + " to " + end.rowsLocked()
                        + " row locks and from " + a.undoEntries() + " to " + end.undoEntries() + " undo log entries");
                threadOf(last, end.threadId()).ifPresent(t -> ev.add(describe(t)));
                return true;
            }
        }
        return false;
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
