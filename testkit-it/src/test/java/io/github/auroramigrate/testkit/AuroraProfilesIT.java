package io.github.auroramigrate.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Aurora profiles restrict the master user like Aurora does, and the rds_* procedures work. */
class AuroraProfilesIT {
    private static final Logger LOG = LoggerFactory.getLogger(AuroraProfilesIT.class);
    private static final int ACCESS_DENIED_NEED_PRIVILEGE = 1227;
    private static final int NO_SUCH_USER = 1449;

    private static TestServer aurora(AuroraProfile profile) {
        ServerKind kind = profile == AuroraProfile.AURORA_MYSQL_2 ? ServerKind.MYSQL_57 : ServerKind.MYSQL_80;
        TestServer s = TestServers.shared(kind, profile, "");
        LOG.info("{} runs on VERSION() = {}", profile, s.version());
        return s;
    }

    @ParameterizedTest
    @EnumSource(value = AuroraProfile.class, names = {"AURORA_MYSQL_2", "AURORA_MYSQL_3"})
    void masterUserIsNotSuper(AuroraProfile profile) throws Exception {
        TestServer s = aurora(profile);
        assertThat(s.user()).isEqualTo("master");
        assertThat(s.password()).isNotEmpty();
        try (Connection c = s.connection(); Statement st = c.createStatement()) {
            assertThat(query(st, "SELECT CURRENT_USER()")).isEqualTo("master@%");
            assertVendorCode(st, "SET GLOBAL max_connections = 200", ACCESS_DENIED_NEED_PRIVILEGE);
            assertVendorCode(st, "SET SESSION sql_log_bin = 0", ACCESS_DENIED_NEED_PRIVILEGE);
            assertVendorCode(st, "CHANGE MASTER TO MASTER_HOST = '127.0.0.1'", ACCESS_DENIED_NEED_PRIVILEGE);
            if (profile == AuroraProfile.AURORA_MYSQL_3) {
                assertVendorCode(st, "CHANGE REPLICATION SOURCE TO SOURCE_HOST = '127.0.0.1'",
                        ACCESS_DENIED_NEED_PRIVILEGE);
                assertVendorCode(st, "PURGE BINARY LOGS BEFORE NOW()", ACCESS_DENIED_NEED_PRIVILEGE);
            }
            // SUPER is gone; ordinary DBA work still works, including granting
            String grants = allRows(st, "SHOW GRANTS");
            assertThat(grants).doesNotContain("SUPER").doesNotContain("SYSTEM_VARIABLES_ADMIN")
                    .contains("WITH GRANT OPTION");
            String user = "app_" + profile.ordinal() + "_" + System.nanoTime() % 100000;
            st.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'Secret-123'");
            st.execute("GRANT SELECT ON *.* TO '" + user + "'@'%'");
            st.execute("DROP USER '" + user + "'@'%'");
        }
        // root is still root, for set-up
        assertThat(s.queryString("SELECT CURRENT_USER()")).contains("root@localhost");
    }

    @Test
    void aurora2RejectsForeignDefiner() throws Exception {
        TestServer s = aurora(AuroraProfile.AURORA_MYSQL_2);
        String db = s.createSchema("definer2");
        s.execute("CREATE TABLE `" + db + "`.t (id INT)");
        try (Connection c = s.connection(db); Statement st = c.createStatement()) {
            assertVendorCode(st, "CREATE DEFINER=`someuser`@`%` VIEW v AS SELECT * FROM t",
                    ACCESS_DENIED_NEED_PRIVILEGE);
            st.execute("CREATE DEFINER=CURRENT_USER VIEW v_own AS SELECT * FROM t");
            assertVendorCode(st, "SELECT 1 INTO OUTFILE '" + s.secureFilePriv().resolve("x.txt") + "'", 1045);
        }
    }

    @Test
    void aurora3AcceptsMissingDefinerThatFailsOnUse() throws Exception {
        TestServer s = aurora(AuroraProfile.AURORA_MYSQL_3);
        String db = s.createSchema("definer3");
        s.execute("CREATE TABLE `" + db + "`.t (id INT)");
        try (Connection c = s.connection(db); Statement st = c.createStatement()) {
            st.execute("CREATE DEFINER='nouser'@'%' VIEW v AS SELECT * FROM t");
            List<Integer> codes = new ArrayList<>();
            for (SQLWarning w = st.getWarnings(); w != null; w = w.getNextWarning()) {
                codes.add(w.getErrorCode());
            }
            assertThat(codes).contains(NO_SUCH_USER);
            // MySQL names the missing definer (1449) only to SUPER holders; everyone else, including
            // Aurora's master user, gets a plain access-denied (1045)
            assertVendorCode(st, "SELECT * FROM v", 1045);
        }
        try (Connection c = s.rootConnection(); Statement st = c.createStatement()) {
            assertVendorCode(st, "SELECT * FROM `" + db + "`.v", NO_SUCH_USER);
        }
    }

    @ParameterizedTest
    @EnumSource(value = AuroraProfile.class, names = {"AURORA_MYSQL_2", "AURORA_MYSQL_3"})
    void rdsProceduresReplicateFromPlainSource(AuroraProfile profile) throws Exception {
        boolean v3 = profile == AuroraProfile.AURORA_MYSQL_3;
        TestServer target = aurora(profile);
        TestServer source = TestServers.shared(target.kind(), AuroraProfile.NONE, "rds-source");
        String replUser = "repl_" + profile.ordinal();
        String replPassword = "R3pl'pa\\ss";    // quote and backslash: the procedure must QUOTE() them
        try (Connection c = source.rootConnection(); Statement st = c.createStatement()) {
            st.execute("SET SESSION sql_log_bin = 0");
            st.execute("CREATE USER IF NOT EXISTS '" + replUser + "'@'%' IDENTIFIED BY 'R3pl''pa\\\\ss'");
            st.execute("GRANT REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + replUser + "'@'%'");
        }
        String[] coordinates = masterStatus(source);
        String db = "rds_repl_" + profile.ordinal();
        String table = db + ".t";
        source.execute("CREATE DATABASE " + db, "CREATE TABLE " + table + " (id INT PRIMARY KEY, v VARCHAR(100))",
                "INSERT INTO " + table + " VALUES (1, 'replicated')");

        try (Connection c = target.connection(); Statement st = c.createStatement()) {
            String setExternal = v3 ? "mysql.rds_set_external_source" : "mysql.rds_set_external_master";
            try (CallableStatement call = c.prepareCall("{CALL " + setExternal + "(?, ?, ?, ?, ?, ?, ?)}")) {
                call.setString(1, source.host());
                call.setInt(2, source.port());
                call.setString(3, replUser);
                call.setString(4, replPassword);
                call.setString(5, coordinates[0]);
                call.setLong(6, Long.parseLong(coordinates[1]));
                call.setInt(7, 0);
                call.execute();
            }
            assertThat(query(st, "SELECT @rds_sql")).as("no password left in a user variable").isNull();
            st.execute("CALL mysql.rds_start_replication()");
            assertThat(awaitValue(target, "SELECT v FROM " + table + " WHERE id = 1", Duration.ofSeconds(60)))
                    .isEqualTo("replicated");
            assertThat(allRows(st, "SHOW SLAVE STATUS")).contains(source.host());

            // a conflicting row stops the applier with 1062; rds_skip_repl_error skips that event
            target.execute("SET SESSION sql_log_bin = 0", "INSERT INTO " + table + " VALUES (2, 'target')");
            source.execute("INSERT INTO " + table + " VALUES (2, 'source')");
            awaitSqlError(st, 1062);
            st.execute("CALL mysql.rds_skip_repl_error()");
            source.execute("INSERT INTO " + table + " VALUES (3, 'after skip')");
            assertThat(awaitValue(target, "SELECT v FROM " + table + " WHERE id = 3", Duration.ofSeconds(60)))
                    .isEqualTo("after skip");
            assertThat(target.queryString("SELECT v FROM " + table + " WHERE id = 2")).contains("target");

            // rds_next_master_log moves the replica to the start of the following binlog file
            st.execute("CALL mysql.rds_stop_replication()");
            String current = masterStatus(source)[0];
            int index = Integer.parseInt(current.substring(current.lastIndexOf('.') + 1));
            source.execute("INSERT INTO " + table + " VALUES (4, 'skipped with the rest of " + current + "')",
                    "FLUSH BINARY LOGS");
            String next = masterStatus(source)[0];
            assertThat(next).isNotEqualTo(current);
            source.execute("INSERT INTO " + table + " VALUES (5, 'in " + next + "')");
            st.execute(v3 ? "CALL mysql.rds_next_source_log(" + index + ")" : "CALL mysql.rds_next_master_log(" + index + ")");
            assertThat(awaitValue(target, "SELECT v FROM " + table + " WHERE id = 5", Duration.ofSeconds(60)))
                    .isEqualTo("in " + next);
            assertThat(target.queryString("SELECT v FROM " + table + " WHERE id = 4")).isEmpty();

            st.execute("CALL mysql.rds_stop_replication()");
            st.execute(v3 ? "CALL mysql.rds_reset_external_source()" : "CALL mysql.rds_reset_external_master()");
            assertThat(allRows(st, "SHOW SLAVE STATUS")).isEmpty();
        } finally {
            target.execute("STOP SLAVE", "RESET SLAVE ALL", "DROP DATABASE IF EXISTS " + db);
            source.execute("DROP DATABASE IF EXISTS " + db);
        }
    }

    @ParameterizedTest
    @EnumSource(value = AuroraProfile.class, names = {"AURORA_MYSQL_2", "AURORA_MYSQL_3"})
    void autoPositionProcedureReplicatesWithGtids(AuroraProfile profile) throws Exception {
        ServerKind kind = profile == AuroraProfile.AURORA_MYSQL_3 ? ServerKind.MYSQL_80 : ServerKind.MYSQL_57;
        try (TestServer source = TestServers.startPrivate(kind);
             TestServer target = TestServers.startPrivate(kind, profile)) {
            source.enableGtid();
            target.enableGtid();
            assertThat(source.queryString("SELECT @@gtid_mode")).contains("ON");
            source.execute("CREATE USER 'repl'@'%' IDENTIFIED BY 'pw'",
                    "GRANT REPLICATION SLAVE ON *.* TO 'repl'@'%'",
                    "CREATE DATABASE g", "CREATE TABLE g.t (id INT PRIMARY KEY)", "INSERT INTO g.t VALUES (42)");
            String proc = profile == AuroraProfile.AURORA_MYSQL_3
                    ? "mysql.rds_set_external_source_with_auto_position"
                    : "mysql.rds_set_external_master_with_auto_position";
            try (Connection c = target.connection(); Statement st = c.createStatement()) {
                st.execute("CALL " + proc + "('127.0.0.1', " + source.port() + ", 'repl', 'pw', 0)");
                st.execute("CALL mysql.rds_start_replication()");
            }
            assertThat(awaitValue(target, "SELECT id FROM g.t", Duration.ofSeconds(60))).isEqualTo("42");
            String sourceUuid = source.queryString("SELECT @@server_uuid").orElseThrow();
            assertThat(target.queryString("SELECT @@GLOBAL.gtid_executed").orElseThrow()).contains(sourceUuid);
            try (Connection c = target.rootConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SHOW SLAVE STATUS")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("Auto_Position")).isEqualTo("1");
            }
        }
    }

    private static String[] masterStatus(TestServer s) throws SQLException {
        try (Connection c = s.rootConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW MASTER STATUS")) {
            assertThat(rs.next()).isTrue();
            return new String[] {rs.getString(1), Long.toString(rs.getLong(2))};
        }
    }

    private static void awaitSqlError(Statement st, int code) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (ResultSet rs = st.executeQuery("SHOW SLAVE STATUS")) {
                if (rs.next() && rs.getInt("Last_SQL_Errno") == code) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("replica did not stop with error " + code + ":\n" + allRows(st, "SHOW SLAVE STATUS"));
    }

    @ParameterizedTest
    @EnumSource(value = AuroraProfile.class, names = {"AURORA_MYSQL_2", "AURORA_MYSQL_3"})
    void configurationProcedures(AuroraProfile profile) throws Exception {
        TestServer s = aurora(profile);
        try (Connection c = s.connection(); Statement st = c.createStatement()) {
            st.execute("CALL mysql.rds_set_configuration('binlog retention hours', 24)");
            assertThat(allRows(st, "CALL mysql.rds_show_configuration()")).contains("binlog retention hours|24|");
            assertThatThrownBy(() -> st.execute("CALL mysql.rds_set_configuration('source delay', 10)"))
                    .isInstanceOf(SQLException.class);
        }
        String expiry = profile == AuroraProfile.AURORA_MYSQL_3
                ? "SELECT @@binlog_expire_logs_seconds" : "SELECT @@expire_logs_days";
        assertThat(s.queryString(expiry)).contains(profile == AuroraProfile.AURORA_MYSQL_3 ? "86400" : "1");
    }

    @ParameterizedTest
    @EnumSource(value = AuroraProfile.class, names = {"AURORA_MYSQL_2", "AURORA_MYSQL_3"})
    void rdsKillEndsOtherUsersSessions(AuroraProfile profile) throws Exception {
        TestServer s = aurora(profile);
        String victimUser = "victim_" + System.nanoTime() % 100000;
        s.execute("CREATE USER '" + victimUser + "'@'%' IDENTIFIED BY 'Victim-pw1'");
        try (Connection victim = java.sql.DriverManager.getConnection(s.jdbcUrl(), victimUser, "Victim-pw1");
             Statement v = victim.createStatement();
             Connection c = s.connection(); Statement st = c.createStatement()) {
            long id = Long.parseLong(query(v, "SELECT CONNECTION_ID()"));
            if (profile == AuroraProfile.AURORA_MYSQL_2) {
                assertVendorCode(st, "KILL " + id, 1095);   // not owner of thread: no SUPER on Aurora 2
            }
            st.execute("CALL mysql.rds_kill(" + id + ")");
            assertThatThrownBy(() -> query(v, "SELECT 1")).isInstanceOf(SQLException.class);
        } finally {
            s.execute("DROP USER '" + victimUser + "'@'%'");
        }
    }

    @Test
    void aurora2SessionBinlogProcedures() throws Exception {
        TestServer s = aurora(AuroraProfile.AURORA_MYSQL_2);
        try (Connection c = s.connection(); Statement st = c.createStatement()) {
            st.execute("CALL mysql.rds_disable_session_binlog()");
            assertThat(query(st, "SELECT @@SESSION.sql_log_bin")).isEqualTo("0");
            st.execute("CALL mysql.rds_enable_session_binlog()");
            assertThat(query(st, "SELECT @@SESSION.sql_log_bin")).isEqualTo("1");
        }
    }

    @Test
    void profileMustMatchKind() {
        assertThatThrownBy(() -> TestServers.shared(ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_2, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestServers.startPrivate(ServerKind.MARIADB_114, AuroraProfile.AURORA_MYSQL_3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static void assertVendorCode(Statement st, String sql, int code) {
        assertThatThrownBy(() -> st.execute(sql))
                .as(sql)
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).as(sql + ": " + e.getMessage())
                        .isEqualTo(code));
    }

    static String query(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** All rows, columns joined by '|' and rows by '\n'. */
    static String allRows(Statement st, String sql) throws SQLException {
        StringBuilder sb = new StringBuilder();
        try (ResultSet rs = st.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    sb.append(rs.getString(i)).append(i < n ? "|" : "\n");
                }
            }
        }
        return sb.toString();
    }

    static String awaitValue(TestServer s, String sql, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = s.queryString(sql).orElse(null);
                if (last != null) {
                    return last;
                }
            } catch (TestkitException e) {
                last = e.getMessage();   // table not replicated yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No row for " + sql + " within " + timeout + "; last: " + last
                + "\nreplica error log:\n" + s.errorLogTail(20));
    }
}
