package io.github.auroramigrate.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.replication.ReplicaStatus;
import io.github.auroramigrate.replication.stuck.ApplierSample;
import io.github.auroramigrate.replication.stuck.ApplierThread;
import io.github.auroramigrate.replication.stuck.ApplierTransaction;
import io.github.auroramigrate.replication.stuck.StuckOrBusyReport;
import io.github.auroramigrate.replication.stuck.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handbook's example, and the other verdicts. */
class StuckOrBusyJudgeTest {
    static final Duration W = Duration.ofSeconds(4);
    static final ApplierThread IO = new ApplierThread(232, "Connect", 4425, "Waiting for master to send event", null);
    static final ApplierThread SQL = new ApplierThread(233, "Connect", 239, "updating", "update t1 set s1 = 'a'");

    static ReplicaStatus status(String exec, String read, String sqlRunning, String sbm, String sqlState) {
        Map<String, String> m = new java.util.HashMap<>(StatusDiagnoserTest.healthy());
        m.put("Relay_Master_Log_File", "mysql-bin-changelog.062779");
        m.put("Exec_Master_Log_Pos", exec);
        m.put("Master_Log_File", "mysql-bin-changelog.062779");
        m.put("Read_Master_Log_Pos", read);
        m.put("Slave_SQL_Running", sqlRunning);
        m.put("Seconds_Behind_Master", sbm);
        m.put("Slave_SQL_Running_State", sqlState);
        return ReplicaStatus.fromRow(m);
    }

    static ApplierSample sample(long s, ReplicaStatus st, List<ApplierTransaction> trx) {
        return new ApplierSample(Duration.ofSeconds(s), st, List.of(IO, SQL), trx);
    }

    static ApplierTransaction trx(long rowLocks, long undo, String state) {
        return trx("2146412", rowLocks, undo, state);
    }

    static ApplierTransaction trx(String id, long rowLocks, long undo, String state) {
        return new ApplierTransaction(id, 233, state, 41, 28097, rowLocks, undo, "update t1 set s1 = 'a'");
    }

    static ReplicaStatus at(String exec) {
        return status(exec, "5000", "Yes", "2", "Applying batch of row changes (update)");
    }

    /** The case: the big transaction begins a moment after the window opens; the position stands still. */
    @Test
    void aTransactionStartedInsideTheWindowIsBusyAndTheEvidenceSaysSo() {
        StuckOrBusyReport r = StuckOrBusyJudge.judge(List.of(
                sample(0, at("120"), List.of()),
                sample(1, at("120"), List.of(trx("77", 1, 0, "RUNNING"))),
                sample(2, at("120"), List.of(trx("77", 90_000, 89_000, "RUNNING"))),
                sample(4, at("120"), List.of(trx("77", 203_314, 185_000, "RUNNING")))), W);
        assertThat(r.verdict()).isEqualTo(Verdict.BUSY);
        String ev = String.join(" ", r.evidence());
        assertThat(ev).contains("started during the window (first seen at +1.0 s)", "grew from 1 to 203314 row locks",
                "from 0 to 185000 undo log entries").doesNotContain("did not grow");
        // seen only in the last sample: still work that began inside the window
        StuckOrBusyReport late = StuckOrBusyJudge.judge(List.of(sample(0, at("120"), List.of()),
                sample(4, at("120"), List.of(trx("78", 5_000, 4_900, "RUNNING")))), W);
        assertThat(late.verdict()).isEqualTo(Verdict.BUSY);
        assertThat(String.join(" ", late.evidence())).contains("started during the window", "holds 5000 row locks");
    }

    @Test
    void theEvidenceSaysDurationsForPeople() {
        StuckOrBusyReport stuck = StuckOrBusyJudge.judge(List.of(sample(0, at("120"), List.of()),
                sample(4, at("120"), List.of())), W);
        StuckOrBusyReport moved = StuckOrBusyJudge.judge(List.of(sample(0, at("120"), List.of()),
                sample(4, at("4000"), List.of())), W);
        for (StuckOrBusyReport r : List.of(stuck, moved)) {
            assertThat(String.join(" ", r.evidence())).as("%s", r.verdict()).doesNotContainPattern("PT[0-9.]+[HMS]")
                    .containsPattern("(for|in) [0-9.]+ (ms|s)\\b");
        }
    }

    @Test
    void aTransactionSpanningWindowsIsBusyInEachWindowWithItsOwnFigures() {
        for (long base : new long[] {0, 10_000, 20_000}) {
            StuckOrBusyReport r = StuckOrBusyJudge.judge(List.of(
                    sample(0, at("120"), List.of(trx("9", base + 1, base, "RUNNING"))),
                    sample(4, at("120"), List.of(trx("9", base + 10_001, base + 10_000, "RUNNING")))), W);
            assertThat(r.verdict()).isEqualTo(Verdict.BUSY);
            assertThat(String.join(" ", r.evidence())).contains("grew from " + (base + 1) + " to " + (base + 10_001));
        }
    }

    @Test
    void aTransactionFinishingInsideTheWindow() {
        // committed: the position moves
        StuckOrBusyReport moved = StuckOrBusyJudge.judge(List.of(
                sample(0, at("120"), List.of(trx("5", 100, 100, "RUNNING"))),
                sample(2, at("120"), List.of(trx("5", 200, 200, "RUNNING"))),
                sample(4, at("4000"), List.of())), W);
        assertThat(moved.verdict()).isEqualTo(Verdict.PROGRESSING);
        assertThat(String.join(" ", moved.evidence())).contains("moved from", "gone by the end of the window");
        // a multi-threaded replica that has not checkpointed the position yet: the transaction ended, that is work
        StuckOrBusyReport notYet = StuckOrBusyJudge.judge(List.of(
                sample(0, at("120"), List.of(trx("5", 100, 100, "RUNNING"))),
                sample(4, at("120"), List.of())), W);
        assertThat(notYet.verdict()).isEqualTo(Verdict.BUSY);
    }

    @Test
    void executedGtidsGrowingIsProgress() {
        java.util.Map<String, String> a = new java.util.HashMap<>(at("120").raw());
        a.put("Retrieved_Gtid_Set", "3e11fa47-71ca-11e1-9e33-c80aa9429562:5-12");
        a.put("Executed_Gtid_Set", "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-10,\nbbbbbbbb-71ca-11e1-9e33-c80aa9429562:1-3");
        java.util.Map<String, String> b = new java.util.HashMap<>(a);
        b.put("Executed_Gtid_Set", "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-12,\nbbbbbbbb-71ca-11e1-9e33-c80aa9429562:1-3");
        StuckOrBusyReport r = StuckOrBusyJudge.judge(List.of(sample(0, ReplicaStatus.fromRow(a), List.of()),
                sample(4, ReplicaStatus.fromRow(b), List.of())), W);
        assertThat(r.verdict()).isEqualTo(Verdict.PROGRESSING);
        assertThat(r.evidence().get(0)).contains("1-10", "1-12").doesNotContain("bbbbbbbb");
        // a write on the target itself moves only the target's own UUID: no replication progress
        java.util.Map<String, String> c = new java.util.HashMap<>(a);
        c.put("Executed_Gtid_Set", "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-10,\nbbbbbbbb-71ca-11e1-9e33-c80aa9429562:1-4");
        assertThat(StuckOrBusyJudge.judge(List.of(sample(0, ReplicaStatus.fromRow(a), List.of()),
                sample(4, ReplicaStatus.fromRow(c), List.of())), W).verdict()).isNotEqualTo(Verdict.PROGRESSING);
    }

    @Test
    void aLockWaitWinsOverTransactionsQueuedBehindIt() {
        StuckOrBusyReport r = StuckOrBusyJudge.judge(List.of(
                sample(0, at("120"), List.of(trx("1", 1, 0, "LOCK WAIT"))),
                sample(2, at("120"), List.of(trx("1", 1, 0, "LOCK WAIT"), trx("2", 3, 3, "RUNNING"))),
                sample(4, at("120"), List.of(trx("1", 1, 0, "LOCK WAIT"), trx("2", 3, 3, "RUNNING")))), W);
        assertThat(r.verdict()).isEqualTo(Verdict.WAITING_FOR_LOCK);
        assertThat(String.join(" ", r.evidence())).contains("LOCK WAIT", "meanwhile InnoDB transaction 2");
    }

    @Test
    void stuckEvidenceAgreesWithTheFigures() {
        StuckOrBusyReport r = StuckOrBusyJudge.judge(List.of(
                sample(0, at("120"), List.of(trx("3", 50, 40, "RUNNING"))),
                sample(2, at("120"), List.of(trx("3", 50, 40, "RUNNING"))),
                sample(4, at("120"), List.of(trx("3", 50, 40, "RUNNING")))), W);
        assertThat(r.verdict()).isEqualTo(Verdict.STUCK);
        assertThat(String.join(" ", r.evidence())).contains("did not grow: 50 row locks, 40 undo log entries in each of its 3");
    }

    @Test
    void aFailedWorkerIsQuoted() {
        Map<String, String> m = new java.util.HashMap<>(StatusDiagnoserTest.healthy());
        m.put("Slave_SQL_Running", "No");
        m.put("Last_SQL_Errno", "1062");
        m.put("Last_SQL_Error", "Coordinator stopped because there were error(s) in the worker(s).");
        StuckOrBusyReport r = StuckOrBusyJudge.judge(List.of(sample(0, ReplicaStatus.fromRow(m), List.of())), W,
                "Worker 1 failed executing transaction 'x:5'; Duplicate entry '8' for key 't.PRIMARY'");
        assertThat(r.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(r.evidence().get(0)).contains("Duplicate entry '8'").doesNotContain("Coordinator stopped");
    }

    @Test
    void handbookExampleIsBusy() {
        StuckOrBusyReport r = StuckOrBusyJudge.judge(List.of(
                sample(0, status("120", "5000", "Yes", "31", "updating"), List.of(trx(5057125, 5038395, "RUNNING"))),
                sample(4, status("120", "5000", "Yes", "34", "updating"), List.of(trx(5541045, 5513375, "RUNNING")))), W);
        assertThat(r.verdict()).isEqualTo(Verdict.BUSY);
        assertThat(String.join(" ", r.evidence())).contains("5057125", "5541045", "5038395", "5513375",
                "update t1 set s1 = 'a'", "31 -> 34");
    }

    @Test
    void movedEarlyThenBusyOnOneLargeEventIsBusy() {
        StuckOrBusyReport r = StuckOrBusyJudge.judge(List.of(
                sample(0, status("100", "5000", "Yes", "3", "updating"), List.of()),
                sample(1, status("120", "5000", "Yes", "3", "updating"), List.of(trx(10, 10, "RUNNING"))),
                sample(2, status("120", "5000", "Yes", "4", "updating"), List.of(trx(500, 490, "RUNNING"))),
                sample(3, status("120", "5000", "Yes", "5", "updating"), List.of(trx(900, 880, "RUNNING")))), W);
        assertThat(r.verdict()).isEqualTo(Verdict.BUSY);
        assertThat(r.evidence().get(1)).contains("then stayed at");
        // moved to the end, with transactions growing on the way: progressing
        StuckOrBusyReport moving = StuckOrBusyJudge.judge(List.of(
                sample(0, status("100", "5000", "Yes", "3", ""), List.of(trx(10, 10, "RUNNING"))),
                sample(1, status("120", "5000", "Yes", "3", ""), List.of(trx(500, 490, "RUNNING")))), W);
        assertThat(moving.verdict()).isEqualTo(Verdict.PROGRESSING);
    }

    @Test
    void samePositionNoGrowthIsStuck() {
        StuckOrBusyReport r = StuckOrBusyJudge.judge(List.of(
                sample(0, status("120", "5000", "Yes", "31", "updating"), List.of(trx(50, 50, "RUNNING"))),
                sample(4, status("120", "5000", "Yes", "35", "updating"), List.of(trx(50, 50, "RUNNING")))), W);
        assertThat(r.verdict()).isEqualTo(Verdict.STUCK);
    }

    @Test
    void lockWait() {
        StuckOrBusyReport r = StuckOrBusyJudge.judge(List.of(
                sample(0, status("120", "5000", "Yes", "3", "Applying batch of row changes (update)"),
                        List.of(trx(1, 0, "LOCK WAIT"))),
                sample(4, status("120", "5000", "Yes", "7", "Applying batch of row changes (update)"),
                        List.of(trx(1, 0, "LOCK WAIT")))), W);
        assertThat(r.verdict()).isEqualTo(Verdict.WAITING_FOR_LOCK);
    }

    @Test
    void positionMovedIsProgressing() {
        StuckOrBusyReport r = StuckOrBusyJudge.judge(List.of(sample(0, status("120", "5000", "Yes", "3", ""), List.of()),
                sample(4, status("900", "5000", "Yes", "1", ""), List.of())), W);
        assertThat(r.verdict()).isEqualTo(Verdict.PROGRESSING);
        assertThat(r.evidence().get(0)).contains(":120", ":900");
    }

    @Test
    void stoppedSqlThreadAndErrors() {
        StuckOrBusyReport stopped = StuckOrBusyJudge.judge(List.of(sample(0, status("120", "5000", "No", null, ""),
                List.of())), W);
        assertThat(stopped.verdict()).isEqualTo(Verdict.STOPPED);
        assertThat(stopped.evidence().get(0)).contains("Slave_SQL_Running = No");
        Map<String, String> m = new java.util.HashMap<>(StatusDiagnoserTest.healthy());
        m.put("Slave_SQL_Running", "No");
        m.put("Last_SQL_Errno", "1062");
        m.put("Last_SQL_Error", "Duplicate entry");
        assertThat(StuckOrBusyJudge.judge(List.of(sample(0, ReplicaStatus.fromRow(m), List.of())), W).verdict())
                .isEqualTo(Verdict.FAILED);
    }

    @Test
    void idleReplicaIsCaughtUp() {
        ApplierSample idle = new ApplierSample(Duration.ZERO, status("5000", "5000", "Yes", "0",
                "Slave has read all relay log; waiting for more updates"), List.of(IO), List.of());
        assertThat(StuckOrBusyJudge.judge(List.of(idle, idle), W).verdict()).isEqualTo(Verdict.CAUGHT_UP);
    }
}
