package io.github.auroramigrate.replication;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.BinlogPosition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Status rows as 5.7/MariaDB (Slave_, Master_) and 8.0.22+ (Replica_, Source_) print them. */
class ReplicaStatusTest {
    static Map<String, String> legacyRow() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Slave_IO_State", "Waiting for master to send event");
        m.put("Master_Host", "10.0.0.1");
        m.put("Master_User", "repl");
        m.put("Master_Port", "3306");
        m.put("Master_Log_File", "master-bin.000002");
        m.put("Read_Master_Log_Pos", "2000");
        m.put("Relay_Master_Log_File", "master-bin.000002");
        m.put("Slave_IO_Running", "Yes");
        m.put("Slave_SQL_Running", "Yes");
        m.put("Exec_Master_Log_Pos", "1307");
        m.put("Relay_Log_Space", "4096");
        m.put("Seconds_Behind_Master", "31");
        m.put("Last_IO_Errno", "0");
        m.put("Last_IO_Error", "");
        m.put("Last_SQL_Errno", "0");
        m.put("Last_SQL_Error", "");
        m.put("Slave_SQL_Running_State", "updating");
        m.put("Using_Gtid", "No");
        return m;
    }

    static Map<String, String> newRow() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Replica_IO_State", "Waiting for source to send event");
        m.put("Source_Host", "10.0.0.1");
        m.put("Source_User", "repl");
        m.put("Source_Port", "3307");
        m.put("Source_Log_File", "binlog.000003");
        m.put("Read_Source_Log_Pos", "900");
        m.put("Relay_Source_Log_File", "binlog.000003");
        m.put("Replica_IO_Running", "Connecting");
        m.put("Replica_SQL_Running", "No");
        m.put("Exec_Source_Log_Pos", "900");
        m.put("Seconds_Behind_Source", null);
        m.put("Last_IO_Errno", "2003");
        m.put("Last_IO_Error", "error connecting to source");
        m.put("Last_SQL_Errno", "0");
        m.put("Last_SQL_Error", "");
        m.put("Replica_SQL_Running_State", "");
        m.put("Retrieved_Gtid_Set", "");
        m.put("Executed_Gtid_Set", "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5,\n3e11fa47-71ca-11e1-9e33-c80aa9429563:1");
        m.put("Auto_Position", "1");
        return m;
    }

    @Test
    void readsLegacyColumnNames() {
        ReplicaStatus s = ReplicaStatus.fromRow(legacyRow());
        assertThat(s.configured()).isTrue();
        assertThat(s.ioThread()).isEqualTo(ThreadState.RUNNING);
        assertThat(s.sqlThread()).isEqualTo(ThreadState.RUNNING);
        assertThat(s.running()).isTrue();
        assertThat(s.sourceHost()).isEqualTo("10.0.0.1");
        assertThat(s.sourcePort()).isEqualTo(3306);
        assertThat(s.received()).contains(new BinlogPosition("master-bin.000002", 2000));
        assertThat(s.executed()).contains(new BinlogPosition("master-bin.000002", 1307));
        assertThat(s.secondsBehindSource()).contains(Duration.ofSeconds(31));
        assertThat(s.sqlState()).isEqualTo("updating");
        assertThat(s.ioState()).isEqualTo("Waiting for master to send event");
        assertThat(s.relayLogSpace()).isEqualTo(4096);
        assertThat(s.usesGtid()).isFalse();
        assertThat(s.failed()).isFalse();
        assertThat(s.appliedAllReceived()).isFalse();
    }

    @Test
    void readsNewColumnNames() {
        ReplicaStatus s = ReplicaStatus.fromRow(newRow());
        assertThat(s.ioThread()).isEqualTo(ThreadState.CONNECTING);
        assertThat(s.sqlThread()).isEqualTo(ThreadState.STOPPED);
        assertThat(s.sourcePort()).isEqualTo(3307);
        assertThat(s.sourceUser()).isEqualTo("repl");
        assertThat(s.received()).contains(new BinlogPosition("binlog.000003", 900));
        assertThat(s.executed()).contains(new BinlogPosition("binlog.000003", 900));
        assertThat(s.appliedAllReceived()).isTrue();
        assertThat(s.secondsBehindSource()).isEmpty();
        assertThat(s.lastIoErrno()).isEqualTo(2003);
        assertThat(s.lastIoError()).contains("connecting");
        assertThat(s.failed()).isTrue();
        assertThat(s.usesGtid()).isTrue();
        assertThat(s.executedGtidSet()).doesNotContain("\n").contains(",3e11fa47");
        assertThat(s.column("Seconds_Behind_Master")).isNull();
        assertThat(s.column("Exec_Master_Log_Pos")).isEqualTo("900");
    }

    @Test
    void mariaDbGtidAndEmptyStatus() {
        Map<String, String> row = legacyRow();
        row.put("Using_Gtid", "Slave_Pos");
        assertThat(ReplicaStatus.fromRow(row).usesGtid()).isTrue();
        ReplicaStatus none = ReplicaStatus.fromRow(Map.of());
        assertThat(none.configured()).isFalse();
        assertThat(none.executed()).isEmpty();
        assertThat(none.ioThread()).isEqualTo(ThreadState.STOPPED);
        assertThat(none).hasToString("ReplicaStatus{not configured}");
    }

    @Test
    void toleratesOddNumbers() {
        Map<String, String> row = legacyRow();
        row.put("Seconds_Behind_Master", "NULL");
        row.put("Exec_Master_Log_Pos", "");
        row.put("Relay_Master_Log_File", "");
        ReplicaStatus s = ReplicaStatus.fromRow(row);
        assertThat(s.secondsBehindSource()).isEmpty();
        assertThat(s.executed()).isEmpty();
    }
}
