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
        return new ApplierTransaction("2146412", 233, state, 41, 28097, rowLocks, undo, "update t1 set s1 = 'a'");
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
