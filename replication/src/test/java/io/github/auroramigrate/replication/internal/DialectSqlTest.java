package io.github.auroramigrate.replication.internal;

import io.github.auroramigrate.core.sql.SqlText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.GtidSet;
import io.github.auroramigrate.replication.Dialect;
import io.github.auroramigrate.replication.ReplicationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DialectSqlTest {
    static final BinlogPosition POS = new BinlogPosition("binlog.000002", 1307);
    static final ChannelSpec AT_POS = new ChannelSpec("10.0.0.1", 3306, "repl", "p'w", POS, false, 10);
    static final ChannelSpec GTID = new ChannelSpec("10.0.0.1", 3306, "repl", "pw", null, true, 60);

    static DialectSql sql(String version) {
        ServerFacts f = ServerFacts.ofVersion(version);
        return new DialectSql(f.dialect(), f);
    }

    static DialectSql rds(String version, Map<String, Integer> procs) {
        ServerFacts f = ServerFacts.ofVersion(version).withRds(procs, Set.of("SELECT", "PROCESS"));
        assertThat(f.dialect()).isEqualTo(Dialect.RDS);
        return new DialectSql(Dialect.RDS, f);
    }

    @Test
    void mysql57UsesLegacySyntax() {
        DialectSql s = sql("5.7.22-log");
        assertThat(s.dialect()).isEqualTo(Dialect.MYSQL_57);
        SqlStatement change = s.configure(AT_POS).get(0);
        assertThat(change.sql()).isEqualTo("CHANGE MASTER TO MASTER_HOST='10.0.0.1', MASTER_PORT=3306, MASTER_USER='repl', "
                + "MASTER_PASSWORD='p''w', MASTER_LOG_FILE='binlog.000002', MASTER_LOG_POS=1307, MASTER_AUTO_POSITION=0, "
                + "MASTER_SSL=0, MASTER_CONNECT_RETRY=10");
        assertThat(change.display()).contains("MASTER_PASSWORD='****'").doesNotContain("p''w");
        assertThat(s.start().sql()).isEqualTo("START SLAVE");
        assertThat(s.stop().sql()).isEqualTo("STOP SLAVE");
        assertThat(s.stopApplier().sql()).isEqualTo("STOP SLAVE SQL_THREAD");
        assertThat(s.reset().sql()).isEqualTo("RESET SLAVE ALL");
        assertThat(s.showStatus().sql()).isEqualTo("SHOW SLAVE STATUS");
        assertThat(s.showSourceStatus().sql()).isEqualTo("SHOW MASTER STATUS");
        assertThat(s.skipOne()).extracting(SqlStatement::sql).containsExactly("SET GLOBAL sql_slave_skip_counter = 1");
        assertThat(s.nextLogFile(POS)).extracting(SqlStatement::sql)
                .containsExactly("CHANGE MASTER TO MASTER_LOG_FILE='binlog.000003', MASTER_LOG_POS=4");
        assertThat(s.setGtidPurged(GtidSet.of("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5"), true))
                .extracting(SqlStatement::sql)
                .containsExactly("SET GLOBAL gtid_purged = '3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5'");
        assertThatThrownBy(() -> s.setGtidPurged(GtidSet.of("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5"), false))
                .isInstanceOfSatisfying(ReplicationException.class,
                        e -> assertThat(e.code()).isEqualTo(DiagnosisCode.GTID_NOT_AVAILABLE));
    }

    @Test
    void mysql8021GetsPublicKeyWithLegacySyntax() {
        DialectSql s = sql("8.0.21");
        assertThat(s.dialect()).isEqualTo(Dialect.MYSQL_57);
        assertThat(s.configure(AT_POS).get(0).sql()).startsWith("CHANGE MASTER TO").contains("GET_MASTER_PUBLIC_KEY=1");
        assertThat(s.showStatus().sql()).isEqualTo("SHOW SLAVE STATUS");
    }

    @Test
    void mysql8022HasReplicaKeywordsButNotChangeReplicationSource() {
        DialectSql s = sql("8.0.22");
        assertThat(s.dialect()).isEqualTo(Dialect.MYSQL_80);
        assertThat(s.configure(AT_POS).get(0).sql()).startsWith("CHANGE MASTER TO");
        assertThat(s.start().sql()).isEqualTo("START REPLICA");
        assertThat(s.showStatus().sql()).isEqualTo("SHOW REPLICA STATUS");
    }

    @Test
    void mysql80UsesSourceSyntax() {
        DialectSql s = sql("8.0.31");
        assertThat(s.dialect()).isEqualTo(Dialect.MYSQL_80);
        assertThat(s.configure(AT_POS).get(0).sql()).isEqualTo("CHANGE REPLICATION SOURCE TO SOURCE_HOST='10.0.0.1', "
                + "SOURCE_PORT=3306, SOURCE_USER='repl', SOURCE_PASSWORD='p''w', SOURCE_LOG_FILE='binlog.000002', "
                + "SOURCE_LOG_POS=1307, SOURCE_AUTO_POSITION=0, SOURCE_SSL=0, GET_SOURCE_PUBLIC_KEY=1, SOURCE_CONNECT_RETRY=10");
        assertThat(s.configure(GTID).get(0).sql()).contains("SOURCE_AUTO_POSITION=1", "SOURCE_SSL=1")
                .doesNotContain("GET_SOURCE_PUBLIC_KEY", "SOURCE_LOG_FILE");
        assertThat(s.start().sql()).isEqualTo("START REPLICA");
        assertThat(s.stop().sql()).isEqualTo("STOP REPLICA");
        assertThat(s.startApplier().sql()).isEqualTo("START REPLICA SQL_THREAD");
        assertThat(s.reset().sql()).isEqualTo("RESET REPLICA ALL");
        assertThat(s.showStatus().sql()).isEqualTo("SHOW REPLICA STATUS");
        assertThat(s.showSourceStatus().sql()).isEqualTo("SHOW MASTER STATUS");
        assertThat(s.skipOne()).extracting(SqlStatement::sql).containsExactly("SET GLOBAL sql_replica_skip_counter = 1");
        assertThat(s.nextLogFile(POS)).extracting(SqlStatement::sql)
                .containsExactly("CHANGE REPLICATION SOURCE TO SOURCE_LOG_FILE='binlog.000003', SOURCE_LOG_POS=4");
        assertThat(s.setGtidPurged(GtidSet.of("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5"), false))
                .extracting(SqlStatement::sql)
                .containsExactly("SET GLOBAL gtid_purged = '+3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5'");
    }

    @Test
    void mysql84ShowsBinaryLogStatus() {
        DialectSql s = sql("8.4.2");
        assertThat(s.dialect()).isEqualTo(Dialect.MYSQL_84);
        assertThat(s.showSourceStatus().sql()).isEqualTo("SHOW BINARY LOG STATUS");
        assertThat(s.configure(AT_POS).get(0).sql()).startsWith("CHANGE REPLICATION SOURCE TO");
    }

    @Test
    void mariaDbUsesMasterUseGtidAndExplicitSsl() {
        DialectSql s = sql("11.4.5-MariaDB-log");
        assertThat(s.dialect()).isEqualTo(Dialect.MARIADB);
        assertThat(s.configure(AT_POS).get(0).sql()).isEqualTo("CHANGE MASTER TO MASTER_HOST='10.0.0.1', MASTER_PORT=3306, "
                + "MASTER_USER='repl', MASTER_PASSWORD='p''w', MASTER_LOG_FILE='binlog.000002', MASTER_LOG_POS=1307, "
                + "MASTER_USE_GTID=no, MASTER_SSL=0, MASTER_CONNECT_RETRY=10");
        assertThat(s.configure(GTID).get(0).sql()).contains("MASTER_USE_GTID=slave_pos", "MASTER_SSL=1");
        assertThat(s.setGtidPurged(GtidSet.of("0-1-100"), false)).extracting(SqlStatement::sql)
                .containsExactly("SET GLOBAL gtid_slave_pos = '0-1-100'");
        assertThat(s.start().sql()).isEqualTo("START SLAVE");
        assertThat(s.showStatus().sql()).isEqualTo("SHOW SLAVE STATUS");
        assertThat(s.showSourceStatus().sql()).isEqualTo("SHOW MASTER STATUS");
        assertThat(s.skipOne()).extracting(SqlStatement::sql).containsExactly("SET GLOBAL sql_slave_skip_counter = 1");
    }

    @Test
    void aurora2UsesMasterProcedures() {
        DialectSql s = rds("5.7.22-log", Map.of("rds_set_external_master", 7, "rds_reset_external_master", 0,
                "rds_next_master_log", 1, "rds_set_external_master_with_auto_position", 5));
        SqlStatement change = s.configure(AT_POS).get(0);
        assertThat(change.sql()).isEqualTo("CALL mysql.rds_set_external_master(?, ?, ?, ?, ?, ?, ?)");
        assertThat(change.params()).containsExactly("10.0.0.1", 3306, "repl", "p'w", "binlog.000002", 1307L, 0);
        assertThat(change.display()).contains("'****'").doesNotContain("p'w");
        assertThat(s.configure(GTID).get(0).sql())
                .isEqualTo("CALL mysql.rds_set_external_master_with_auto_position(?, ?, ?, ?, ?)");
        assertThat(s.start().sql()).isEqualTo("CALL mysql.rds_start_replication");
        assertThat(s.stop().sql()).isEqualTo("CALL mysql.rds_stop_replication");
        assertThat(s.reset().sql()).isEqualTo("CALL mysql.rds_reset_external_master");
        assertThat(s.skipOne()).extracting(SqlStatement::sql).containsExactly("CALL mysql.rds_skip_repl_error");
        List<SqlStatement> next = s.nextLogFile(new BinlogPosition("mysql-bin-changelog.012345", 4));
        assertThat(next.get(0).sql()).isEqualTo("CALL mysql.rds_next_master_log(?)");
        assertThat(next.get(0).params()).containsExactly(12345L);
        assertThat(s.showStatus().sql()).isEqualTo("SHOW SLAVE STATUS");
        assertThat(s.remediesRestartThemselves()).isTrue();
        assertThatThrownBy(s::stopApplier).isInstanceOfSatisfying(ReplicationException.class,
                e -> assertThat(e.code()).isEqualTo(DiagnosisCode.REPLICATION_UNSUPPORTED));
        // Aurora MySQL 2 has no mysql.rds_gtid_purged: refused, naming the position start
        assertThatThrownBy(() -> s.setGtidPurged(GtidSet.of("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5"), true))
                .isInstanceOfSatisfying(ReplicationException.class, e -> {
                    assertThat(e.code()).isEqualTo(DiagnosisCode.REPLICATION_UNSUPPORTED);
                    assertThat(e.getMessage()).contains("mysql.rds_gtid_purged", "Aurora MySQL 3", "startAt(BinlogPosition)");
                });
        // ... nor, here, mysql.rds_skip_transaction_with_gtid: refused, naming what can skip
        assertThatThrownBy(() -> s.skipGtid("3e11fa47-71ca-11e1-9e33-c80aa9429562:23"))
                .isInstanceOfSatisfying(ReplicationException.class, e -> {
                    assertThat(e.code()).isEqualTo(DiagnosisCode.REPLICATION_UNSUPPORTED);
                    assertThat(e.getMessage()).contains("rds_skip_repl_error", "rds_set_master_auto_position(0)");
                });
        assertThat(s.connectRetryUnsupported()).hasValueSatisfying(why -> assertThat(why).contains("connect-retry"));
    }

    @Test
    void aurora3StartsFromGtidsAndSkipsByGtidThroughTheDocumentedProcedures() {
        DialectSql s = rds("8.0.31", Map.of("rds_set_external_source", 7, "rds_gtid_purged", 1,
                "rds_skip_transaction_with_gtid", 1));
        SqlStatement purged = s.setGtidPurged(GtidSet.of("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5"), false).get(0);
        assertThat(purged.sql()).isEqualTo("CALL mysql.rds_gtid_purged(?)");
        assertThat(purged.params()).containsExactly("+3e11fa47-71ca-11e1-9e33-c80aa9429562:1-5");
        SqlStatement skip = s.skipGtid("3e11fa47-71ca-11e1-9e33-c80aa9429562:23").get(0);
        assertThat(skip.sql()).isEqualTo("CALL mysql.rds_skip_transaction_with_gtid(?)");
        assertThat(skip.params()).containsExactly("3e11fa47-71ca-11e1-9e33-c80aa9429562:23");
        assertThatThrownBy(() -> s.skipGtid("3e11fa47-71ca-11e1-9e33-c80aa9429562:23'; DROP TABLE t; --"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.skipGtid("3e11fa47-71ca-11e1-9e33-c80aa9429562:0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mysqlSkipsByGtidWithAnEmptyTransaction() {
        assertThat(sql("8.0.31").skipGtid("3e11fa47-71ca-11e1-9e33-c80aa9429562:tag_1:7")).extracting(SqlStatement::sql)
                .containsExactly("SET GTID_NEXT = '3e11fa47-71ca-11e1-9e33-c80aa9429562:tag_1:7'", "BEGIN", "COMMIT",
                        "SET GTID_NEXT = 'AUTOMATIC'");
        assertThat(sql("8.0.31").connectRetryUnsupported()).isEmpty();
        assertThatThrownBy(() -> sql("11.4.5-MariaDB-log").skipGtid("3e11fa47-71ca-11e1-9e33-c80aa9429562:7"))
                .isInstanceOf(ReplicationException.class);
    }

    @Test
    void aurora3UsesSourceProceduresAndPadsOptionalArguments() {
        DialectSql s = rds("8.0.31", Map.of("rds_set_external_master", 7, "rds_set_external_source", 7,
                "rds_set_external_source_with_auto_position", 6, "rds_reset_external_source", 0, "rds_next_source_log", 1));
        assertThat(s.configure(AT_POS).get(0).sql()).isEqualTo("CALL mysql.rds_set_external_source(?, ?, ?, ?, ?, ?, ?)");
        SqlStatement gtid = s.configure(GTID).get(0);
        assertThat(gtid.sql()).isEqualTo("CALL mysql.rds_set_external_source_with_auto_position(?, ?, ?, ?, ?, ?)");
        assertThat(gtid.params()).containsExactly("10.0.0.1", 3306, "repl", "pw", 1, 0);
        assertThat(s.reset().sql()).isEqualTo("CALL mysql.rds_reset_external_source");
        assertThat(s.nextLogFile(POS).get(0).sql()).isEqualTo("CALL mysql.rds_next_source_log(?)");
        assertThat(s.showStatus().sql()).isEqualTo("SHOW REPLICA STATUS");
    }

    @Test
    void backslashesFollowSqlMode() {
        assertThat(SqlLiterals.literal("a\\b'c", false)).isEqualTo("'a\\\\b''c'");
        assertThat(SqlLiterals.literal("a\\b'c", true)).isEqualTo("'a\\b''c'");
        assertThat(SqlText.quoteIdentifier("we`ird")).isEqualTo("`we``ird`");
        assertThatThrownBy(() -> SqlLiterals.literal("a\nb", false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scrubsSecretsFromMessages() {
        SqlStatement s = sql("8.0.31").configure(AT_POS).get(0);
        assertThat(s.scrub("You have an error near 'SOURCE_PASSWORD='p''w', SOURCE_LOG_FILE")).doesNotContain("p''w");
        assertThat(s.toString()).doesNotContain("p''w");
    }
}
