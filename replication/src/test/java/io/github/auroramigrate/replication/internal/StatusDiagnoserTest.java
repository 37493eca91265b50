package io.github.auroramigrate.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.replication.ReplicaStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each handbook error and state, with the handbook's texts. */
class StatusDiagnoserTest {
    static Map<String, String> healthy() {
        Map<String, String> m = new HashMap<>();
        m.put("Slave_IO_State", "Waiting for master to send event");
        m.put("Slave_IO_Running", "Yes");
        m.put("Slave_SQL_Running", "Yes");
        m.put("Master_Host", "src");
        m.put("Master_Port", "3306");
        m.put("Master_User", "repl");
        m.put("Master_Log_File", "mysql-bin.000289");
        m.put("Read_Master_Log_Pos", "1307");
        m.put("Relay_Master_Log_File", "mysql-bin.000289");
        m.put("Exec_Master_Log_Pos", "1307");
        m.put("Seconds_Behind_Master", "0");
        m.put("Last_IO_Errno", "0");
        m.put("Last_SQL_Errno", "0");
        m.put("Slave_SQL_Running_State", "Slave has read all relay log; waiting for the slave I/O thread to update it");
        return m;
    }

    static List<DiagnosisCode> codes(Map<String, String> row) {
        return StatusDiagnoser.diagnose(ReplicaStatus.fromRow(row), null, "t").stream().map(Diagnosis::code).toList();
    }

    @Test
    void healthyHasNoFindings() {
        assertThat(codes(healthy())).isEmpty();
    }

    @Test
    void notConfigured() {
        assertThat(codes(Map.of())).containsExactly(DiagnosisCode.REPLICATION_NOT_CONFIGURED);
    }

    @Test
    void io1236CouldNotFindFirstLogFile() {
        Map<String, String> m = healthy();
        m.put("Slave_IO_Running", "No");
        m.put("Last_IO_Errno", "1236");
        m.put("Last_IO_Error", "Got fatal error 1236 from master when reading data from binary log: "
                + "'Could not find first log file name in binary log index file'");
        assertThat(codes(m)).containsExactly(DiagnosisCode.REPLICATION_BINLOG_PURGED);
        Diagnosis d = StatusDiagnoser.diagnose(ReplicaStatus.fromRow(m), null, "t").get(0);
        assertThat(d.vendorCode()).isEqualTo(1236);
        assertThat(d.message()).contains("mysql-bin.000289");
    }

    @Test
    void io1236UnderGtidAutoPositioningIsPurgedGtidsNotAPurgedFile() {
        Map<String, String> m = healthy();
        m.put("Slave_IO_Running", "No");
        m.put("Auto_Position", "1");
        m.put("Last_IO_Errno", "13114");
        m.put("Last_IO_Error", "Got fatal error 1236 from source when reading data from binary log: 'Cannot replicate "
                + "because the source purged required binary logs. Replicate the missing transactions from elsewhere, or "
                + "provision a new replica from backup. ... the missing transactions are "
                + "'3e11fa47-71ca-11e1-9e33-c80aa9429562:6-10''");
        assertThat(codes(m)).containsExactly(DiagnosisCode.REPLICATION_GTIDS_PURGED);
        Diagnosis d = StatusDiagnoser.diagnose(ReplicaStatus.fromRow(m), null, "t").get(0);
        assertThat(d.message()).contains("3e11fa47-71ca-11e1-9e33-c80aa9429562:6-10");
        assertThat(d.remedy()).contains("new dump").doesNotContain("skipToNextLogFile()");
        m.put("Auto_Position", "0");
        assertThat(codes(m)).containsExactly(DiagnosisCode.REPLICATION_BINLOG_PURGED);
    }

    @Test
    void io1236ImpossiblePosition() {
        Map<String, String> m = healthy();
        m.put("Slave_IO_Running", "No");
        m.put("Last_IO_Errno", "1236");
        m.put("Last_IO_Error", "Got fatal error 1236 from master when reading data from binary log: 'Client requested "
                + "master to start replication from impossible position; the first event 'mysql-bin-changelog.013406' at "
                + "1219393, the last event read from '/rdsdbdata/log/binlog/mysql-bin-changelog.012345' at 4'");
        assertThat(codes(m)).containsExactly(DiagnosisCode.REPLICATION_IMPOSSIBLE_POSITION);
    }

    @Test
    void mysql80Reports1236AsErrno13114() {
        Map<String, String> m = healthy();
        m.put("Slave_IO_Running", "No");
        m.put("Last_IO_Errno", "13114");
        m.put("Last_IO_Error", "Got fatal error 1236 from master when reading data from binary log: 'Client requested "
                + "master to start replication from position > file size'");
        assertThat(codes(m)).containsExactly(DiagnosisCode.REPLICATION_IMPOSSIBLE_POSITION);
        assertThat(StatusDiagnoser.isSourceError1236(ReplicaStatus.fromRow(m))).isTrue();
        m.put("Last_IO_Error", "Got fatal error 1236 from source when reading data from binary log: 'Could not find first "
                + "log file name in binary log index file'");
        assertThat(codes(m)).containsExactly(DiagnosisCode.REPLICATION_BINLOG_PURGED);
        m.put("Last_IO_Errno", "13122");
        m.put("Last_IO_Error", "Relay log write failure: could not queue event from master");
        assertThat(codes(m)).containsExactly(DiagnosisCode.REPLICATION_IO_ERROR);
        assertThat(StatusDiagnoser.isSourceError1236(ReplicaStatus.fromRow(m))).isFalse();
    }

    @Test
    void io2003ErrorConnectingToMaster() {
        Map<String, String> m = healthy();
        m.put("Slave_IO_State", "Connecting to master");
        m.put("Slave_IO_Running", "Connecting");
        m.put("Last_IO_Errno", "2003");
        m.put("Last_IO_Error", "error connecting to master 'USER@HOST:PORT' - retry-time: 60  retries: 86400");
        List<Diagnosis> ds = StatusDiagnoser.diagnose(ReplicaStatus.fromRow(m), null, "t");
        assertThat(ds).extracting(Diagnosis::code).containsExactly(DiagnosisCode.REPLICATION_SOURCE_UNREACHABLE);
        assertThat(ds.get(0).remedy()).contains("src:3306");
        assertThat(ds.get(0).isRetryable()).isTrue();
    }

    @Test
    void connectingWithoutErrorIsStillUnreachable() {
        Map<String, String> m = healthy();
        m.put("Slave_IO_Running", "Connecting");
        assertThat(codes(m)).containsExactly(DiagnosisCode.REPLICATION_SOURCE_UNREACHABLE);
    }

    @Test
    void authAndTlsFailures() {
        Map<String, String> m = healthy();
        m.put("Slave_IO_Running", "Connecting");
        m.put("Last_IO_Errno", "1045");
        m.put("Last_IO_Error", "error connecting to master 'repl@src:3306' - Access denied for user 'repl'");
        assertThat(codes(m)).containsExactly(DiagnosisCode.REPLICATION_SOURCE_AUTH);
        m.put("Last_IO_Errno", "2061");
        m.put("Last_IO_Error", "Authentication plugin 'caching_sha2_password' reported error: Authentication requires "
                + "secure connection.");
        assertThat(codes(m)).containsExactly(DiagnosisCode.REPLICATION_CHANNEL_SECURITY);
        m.put("Last_IO_Errno", "2026");
        m.put("Last_IO_Error", "error connecting to master 'repl@127.0.0.1:23316' - retry-time: 60  maximum-retries: "
                + "100000  message: SSL connection error: SSL is required, but the server does not support it");
        assertThat(codes(m)).containsExactly(DiagnosisCode.REPLICATION_CHANNEL_SECURITY);
        m.put("Last_IO_Errno", "1593");
        m.put("Last_IO_Error", "Fatal error: The slave I/O thread stops because master and slave have equal MySQL server "
                + "ids; these ids must be different for replication to work");
        assertThat(codes(m)).containsExactly(DiagnosisCode.REPLICATION_SERVER_ID_CONFLICT);
    }

    @Test
    void sql1062DuplicateEntry() {
        Map<String, String> m = healthy();
        m.put("Slave_SQL_Running", "No");
        m.put("Last_SQL_Errno", "1062");
        m.put("Last_SQL_Error", "Could not execute Write_rows event on table shop.orders; Duplicate entry '42' for key "
                + "'PRIMARY', Error_code: 1062; handler error HA_ERR_FOUND_DUPP_KEY; the event's master log "
                + "mysql-bin.000289, end_log_pos 2093");
        List<Diagnosis> ds = StatusDiagnoser.diagnose(ReplicaStatus.fromRow(m), null, "t");
        assertThat(ds).extracting(Diagnosis::code).containsExactly(DiagnosisCode.REPLICATION_DUPLICATE_KEY);
        assertThat(ds.get(0).remedy()).contains("shop.orders", "'42'");
    }

    @Test
    void sql1032FromAMultiThreadedReplicaUsesTheWorkersMessage() {
        Map<String, String> m = healthy();
        m.put("Slave_SQL_Running", "No");
        m.put("Last_SQL_Errno", "1032");
        m.put("Last_SQL_Error", "Coordinator stopped because there were error(s) in the worker(s). The most recent failure "
                + "being: Worker 1 failed executing transaction 'ANONYMOUS' at master log mysql-bin.000289, end_log_pos "
                + "2093. See error log and/or performance_schema.replication_applier_status_by_worker table for more "
                + "details about this failure or others, if any.");
        String worker = "Worker 1 failed executing transaction 'ANONYMOUS' at master log mysql-bin.000289, end_log_pos 2093;"
                + " Could not execute Update_rows event on table shop.orders; Can't find record in 'orders', "
                + "Error_code: 1032; handler error HA_ERR_KEY_NOT_FOUND";
        List<Diagnosis> ds = StatusDiagnoser.diagnose(ReplicaStatus.fromRow(m), worker, "t");
        assertThat(ds).extracting(Diagnosis::code).containsExactly(DiagnosisCode.REPLICATION_ROW_NOT_FOUND);
        assertThat(ds.get(0).message()).contains("Can't find record");
        assertThat(ds.get(0).remedy()).contains("shop.orders");
    }

    @Test
    void otherSqlErrorsAndStoppedThreads() {
        Map<String, String> m = healthy();
        m.put("Slave_SQL_Running", "No");
        m.put("Last_SQL_Errno", "1396");
        m.put("Last_SQL_Error", "Error 'Operation CREATE USER failed for 'repl'@'%'' on query.");
        List<Diagnosis> ds = StatusDiagnoser.diagnose(ReplicaStatus.fromRow(m), null, "t");
        assertThat(ds).extracting(Diagnosis::code).containsExactly(DiagnosisCode.REPLICATION_SQL_ERROR);
        assertThat(ds.get(0).remedy()).contains("sql_log_bin=0");
        Map<String, String> stopped = healthy();
        stopped.put("Slave_SQL_Running", "No");
        assertThat(codes(stopped)).containsExactly(DiagnosisCode.REPLICATION_STOPPED);
    }

    @Test
    void harmlessStatesAreNotes() {
        Map<String, String> m = healthy();
        m.put("Slave_IO_State", "Waiting for the slave SQL thread to free enough relay log space");
        m.put("Slave_SQL_Running_State", "invalidating query cache entries (table)");
        assertThat(codes(m)).containsExactly(DiagnosisCode.REPLICATION_RELAY_LOG_SPACE,
                DiagnosisCode.REPLICATION_QUERY_CACHE_INVALIDATION);
        assertThat(StatusDiagnoser.INFORMATIONAL).containsExactlyInAnyOrder(DiagnosisCode.REPLICATION_RELAY_LOG_SPACE,
                DiagnosisCode.REPLICATION_QUERY_CACHE_INVALIDATION);
    }
}
