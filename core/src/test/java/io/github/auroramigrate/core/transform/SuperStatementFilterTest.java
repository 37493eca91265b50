package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.Fixtures;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementKind;
import org.junit.jupiter.api.Test;

import static io.github.auroramigrate.core.transform.TransformTesting.one;
import static org.assertj.core.api.Assertions.assertThat;

class SuperStatementFilterTest {
    private final Transform drop = Transforms.dropSuperStatements();

    @Test
    void mysqldump80GtidHeaderIsDroppedAndTheGtidSetCaptured() {
        TransformTesting r = TransformTesting.fixture(drop, Fixtures.MYSQLDUMP80_GTID);
        assertThat(r.output).doesNotContain("SET @@SESSION.SQL_LOG_BIN= 0;", "GTID_PURGED",
                "SET @@SESSION.SQL_LOG_BIN = @MYSQLDUMP_TEMP_LOG_BIN;");
        // reading sql_log_bin into a user variable needs no privilege
        assertThat(r.output).contains("SET @MYSQLDUMP_TEMP_LOG_BIN = @@SESSION.SQL_LOG_BIN;");
        assertThat(r.report.gtidPurged())
                .contains("7664fad8-49fd-11e8-a546-4201c0a8010a:1-766741,a06843fd-e85a-11f1-a8a5-02fc00000001:1-27");
        assertThat(r.report.count("dropSuperStatements", "statement dropped")).isEqualTo(3);
        // coordinates from the commented CHANGE MASTER (mysqldump --master-data=2)
        assertThat(r.report.captured()).containsEntry(TransformReport.SOURCE_LOG_FILE, "binlog.000002")
                .containsEntry(TransformReport.SOURCE_LOG_POS, "2610");
        // everything else is as it was
        assertThat(r.statements()).hasSize(Fixtures.readAll(Fixtures.text(Fixtures.MYSQLDUMP80_GTID)).size() - 3);
    }

    @Test
    void mariaDbGtidAndChangeMaster() {
        TransformTesting r = TransformTesting.fixture(drop, Fixtures.MARIADB114_DUMP);
        assertThat(r.statements()).noneMatch(s -> s.kind() == StatementKind.CHANGE_REPLICATION_SOURCE)
                .noneMatch(s -> s.text().contains("gtid_slave_pos"));
        assertThat(r.report.captured()).containsEntry(TransformReport.GTID_SLAVE_POS, "0-11-29")
                .containsEntry(TransformReport.SOURCE_LOG_FILE, "binlog.000001")
                .containsEntry(TransformReport.SOURCE_LOG_POS, "6939");
        // session SETs of the dump header stay
        assertThat(r.output).contains("/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;");
    }

    @Test
    void otherForms() {
        assertThat(one(drop, "SET @@GLOBAL.GTID_PURGED='3E11FA47-71CA-11E1-9E33-C80AA9429562:1-5'")).isEmpty();
        TransformSession s = TransformSession.open(drop, "x.sql");
        // a versioned form (synthetic: which mysqldump versions wrap it this way is not verified here)
        for (Statement st : Fixtures.readAll("/*!50604 SET @@GLOBAL.GTID_PURGED='uuid:1-9' */;")) {
            assertThat(s.apply(st)).isEmpty();
        }
        assertThat(s.report().gtidPurged()).contains("uuid:1-9");
        assertThat(one(drop, "SET GLOBAL max_connections = 10")).isEmpty();
        assertThat(one(drop, "SET PERSIST max_connections = 10")).isEmpty();
        assertThat(one(drop, "SET sql_log_bin = 0")).isEmpty();
        assertThat(one(drop, "SET SESSION binlog_format = 'ROW'")).isEmpty();
        assertThat(one(drop, "START SLAVE")).isEmpty();
        assertThat(one(drop, "STOP ALL SLAVES")).isEmpty();
        assertThat(one(drop, "RESET MASTER")).isEmpty();
        assertThat(one(drop, "CHANGE REPLICATION SOURCE TO SOURCE_LOG_FILE='b.1', SOURCE_LOG_POS=4")).isEmpty();
        // mixed assignments: only the restricted ones go; a scope word applies to what follows it
        assertThat(one(drop, "SET @a = 1, GLOBAL max_connections = 10")).containsExactly("SET @a = 1");
        assertThat(one(drop, "SET GLOBAL a = 1, b = 2, SESSION c = 3")).containsExactly("SET SESSION c = 3");
        assertThat(one(drop, "SET @x = (SELECT 1, 2), @@global.y = 2")).containsExactly("SET @x = (SELECT 1, 2)");
        // kept
        for (String keep : new String[] {"SET NAMES utf8mb4", "SET @saved = @@GLOBAL.read_only", "SET sql_mode = ''",
                "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED", "SELECT 'SET GLOBAL x=1'",
                "SET @@SESSION.unique_checks = 0"}) {
            assertThat(one(drop, keep)).as(keep).containsExactly(keep);
        }
    }
}
