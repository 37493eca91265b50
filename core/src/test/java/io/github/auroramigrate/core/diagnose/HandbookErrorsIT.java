package io.github.auroramigrate.core.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.endpoint.EndpointPool;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every error of the handbook's "Troubleshooting Self-Managed Migrations" section, provoked for real against a
 * bundled server and asserted by diagnosis code. (28, 126 and 1034 need a full disk or a broken MyISAM file;
 * their mapping is covered by ErrorCatalogTest, and 1114 - the same OUT_OF_SPACE diagnosis - is provoked here.)
 */
@ExtendWith(TestServersExtension.class)
class HandbookErrorsIT {
    private static final String PASSWORD = "App-pw-1";

    @Test
    void error2005UnknownHost() {
        Endpoint e = Endpoint.builder().host("aurora.xyz.invalid").user("u").password(PASSWORD)
                .connectTimeout(Duration.ofSeconds(5)).build();
        ConnectionException ex = catchThrowableOfType(e::connect, ConnectionException.class);
        assertThat(ex.code()).isEqualTo(DiagnosisCode.UNKNOWN_HOST);
        assertThat(ex.diagnosis().vendorCode()).isEqualTo(2005);
        assertThat(ex.getMessage()).contains("u@aurora.xyz.invalid:3306").doesNotContain(PASSWORD);
    }

    @Test
    void error2003NothingListening() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        Endpoint e = Endpoint.builder().host("127.0.0.1").port(closedPort).user("u").password(PASSWORD).build();
        ConnectionException ex = catchThrowableOfType(() -> e.pool(2), ConnectionException.class);
        assertThat(ex.code()).isEqualTo(DiagnosisCode.CANNOT_CONNECT);
        assertThat(ex.diagnosis().isRetryable()).isTrue();
        assertThat(ex.getMessage()).doesNotContain(PASSWORD);
    }

    @Test
    void error1045WrongPasswordAndNoPassword(@Server(ServerKind.MYSQL_80) TestServer server) {
        server.execute("CREATE USER IF NOT EXISTS 'app'@'%' IDENTIFIED BY '" + PASSWORD + "'");
        Endpoint wrong = TestEndpoints.of(server).toBuilder().user("app").password("not-" + PASSWORD).build();
        ConnectionException yes = catchThrowableOfType(wrong::connect, ConnectionException.class);
        assertThat(yes.code()).isEqualTo(DiagnosisCode.ACCESS_DENIED_BAD_PASSWORD);
        assertThat(yes.diagnosis().vendorCode()).isEqualTo(1045);
        assertThat(yes.getMessage()).doesNotContain(PASSWORD);

        Endpoint none = TestEndpoints.of(server).toBuilder().user("app").password((String) null).build();
        ConnectionException no = catchThrowableOfType(none::connect, ConnectionException.class);
        assertThat(no.code()).isEqualTo(DiagnosisCode.ACCESS_DENIED_NO_PASSWORD);
    }

    @Test
    void error1227DefinerForAnotherAccountAsAuroraMaster(
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer target) throws Exception {
        String schema = target.createSchema("err1227");
        try (Connection c = TestEndpoints.of(target).connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE `" + schema + "`.t1 (id INT PRIMARY KEY, s1 VARCHAR(10))");
            SQLException e = catchThrowableOfType(() -> s.execute("CREATE ALGORITHM=UNDEFINED DEFINER=`someuser`@`%`"
                    + " SQL SECURITY DEFINER VIEW `" + schema + "`.v1 AS SELECT id, s1 FROM `" + schema + "`.t1"), SQLException.class);
            Diagnosis d = ErrorCatalog.diagnose(e, target.user() + "@" + target.host());
            assertThat(d.code()).isEqualTo(DiagnosisCode.SUPER_PRIVILEGE_REQUIRED);
            assertThat(d.vendorCode()).isEqualTo(1227);
            assertThat(d.remedy()).contains("stripDefiners");
        }
    }

    @Test
    void error1449DefinerMissingOnAurora3(
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target) throws Exception {
        String schema = target.createSchema("err1449");
        try (Connection c = TestEndpoints.of(target).connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE `" + schema + "`.t1 (id INT PRIMARY KEY)");
            s.execute("CREATE DEFINER=`nouser`@`%` VIEW `" + schema + "`.v1 AS SELECT id FROM `" + schema + "`.t1");
            // MySQL names the missing definer (1449) only to SUPER holders; the master user gets a plain 1045
            SQLException e = catchThrowableOfType(() -> s.executeQuery("SELECT * FROM `" + schema + "`.v1").close(), SQLException.class);
            Diagnosis asMaster = ErrorCatalog.diagnose(e, null);
            assertThat(asMaster.code()).isEqualTo(DiagnosisCode.ACCESS_DENIED_STATEMENT);
            assertThat(asMaster.remedy()).contains("DEFINER");
        }
        try (Connection c = target.rootConnection(); Statement s = c.createStatement()) {
            SQLException e = catchThrowableOfType(() -> s.executeQuery("SELECT * FROM `" + schema + "`.v1").close(), SQLException.class);
            assertThat(ErrorCatalog.diagnose(e, null).code()).isEqualTo(DiagnosisCode.DEFINER_MISSING);
        }
    }

    @Test
    void error1064SyntaxError1049UnknownDatabase1146UnknownTable(@Server(ServerKind.MYSQL_80) TestServer server) throws Exception {
        String schema = server.createSchema("errsql");
        try (Connection c = TestEndpoints.of(server).connect(); Statement s = c.createStatement()) {
            assertThat(code(() -> s.execute("inset into `" + schema + "`.test values (1)"))).isEqualTo(DiagnosisCode.SQL_SYNTAX);
            assertThat(code(() -> s.execute("USE myscsd"))).isEqualTo(DiagnosisCode.UNKNOWN_DATABASE);
            assertThat(code(() -> s.executeQuery("SELECT * FROM `" + schema + "`.test").close())).isEqualTo(DiagnosisCode.UNKNOWN_TABLE);
        }
        // 1049 also at connect time, when the endpoint names a schema that does not exist
        Endpoint missingDb = TestEndpoints.of(server).toBuilder().database("myscsd").build();
        assertThatThrownBy(missingDb::connect).isInstanceOfSatisfying(ConnectionException.class,
                ex -> assertThat(ex.code()).isEqualTo(DiagnosisCode.UNKNOWN_DATABASE));
    }

    @Test
    void error2020ValueLargerThanMaxAllowedPacket(@Server(ServerKind.MYSQL_57) TestServer server) throws Exception {
        String schema = server.createSchema("err2020");
        server.execute("CREATE TABLE `" + schema + "`.big (id INT PRIMARY KEY, b LONGBLOB)");
        long original;
        try (Connection root = server.rootConnection(); Statement s = root.createStatement();
             ResultSet rs = s.executeQuery("SELECT @@GLOBAL.max_allowed_packet")) {
            rs.next();
            original = rs.getLong(1);
        }
        server.execute("SET GLOBAL max_allowed_packet = 1048576");
        try (Connection c = TestEndpoints.of(server).connect();
             PreparedStatement ps = c.prepareStatement("INSERT INTO `" + schema + "`.big VALUES (1, ?)")) {
            ps.setBytes(1, new byte[2 * 1048576]);
            SQLException e = catchThrowableOfType(ps::executeUpdate, SQLException.class);
            Diagnosis d = ErrorCatalog.diagnose(e, null);
            assertThat(d.code()).isEqualTo(DiagnosisCode.PACKET_TOO_LARGE);
        } finally {
            server.execute("SET GLOBAL max_allowed_packet = " + original);
        }
    }

    @Test
    void error2006ConnectionKilledMidStatement(@Server(ServerKind.MYSQL_80) TestServer server) throws Exception {
        try (EndpointPool pool = TestEndpoints.of(server).pool(2); Connection victim = pool.connection()) {
            long id;
            try (Statement s = victim.createStatement(); ResultSet rs = s.executeQuery("SELECT CONNECTION_ID()")) {
                rs.next();
                id = rs.getLong(1);
            }
            CompletableFuture<SQLException> sleeping = CompletableFuture.supplyAsync(() -> {
                try (Statement s = victim.createStatement()) {
                    s.executeQuery("SELECT SLEEP(60)").close();
                    return null;
                } catch (SQLException e) {
                    return e;
                }
            });
            awaitQueryRunning(server, id);
            server.execute("KILL " + id);
            SQLException e = sleeping.get(30, TimeUnit.SECONDS);
            assertThat((Throwable) e).as("the sleeping statement must fail").isNotNull();
            Diagnosis d = ErrorCatalog.diagnose(e, null);
            assertThat(d.code()).isEqualTo(DiagnosisCode.SERVER_GONE_AWAY);
            assertThat(d.isRetryable()).isTrue();
        }
    }

    @Test
    void error1114TableFull(@Server(ServerKind.MARIADB_114) TestServer server) throws Exception {
        String schema = server.createSchema("err1114");
        try (Connection c = TestEndpoints.of(server).connect(); Statement s = c.createStatement()) {
            s.execute("SET SESSION max_heap_table_size = 16384");
            s.execute("CREATE TABLE `" + schema + "`.full (id INT PRIMARY KEY, pad CHAR(200)) ENGINE=MEMORY");
            SQLException e = catchThrowableOfType(() -> {
                for (int i = 0; i < 100_000; i++) {
                    s.execute("INSERT INTO `" + schema + "`.full VALUES (" + i + ", 'x')");
                }
            }, SQLException.class);
            Diagnosis d = ErrorCatalog.diagnose(e, null);
            assertThat(d.vendorCode()).isEqualTo(1114);
            assertThat(d.code()).isEqualTo(DiagnosisCode.OUT_OF_SPACE);
        }
    }

    private static DiagnosisCode code(SqlAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            return ErrorCatalog.diagnose(e, null).code();
        }
        throw new AssertionError("statement did not fail");
    }

    private static void awaitQueryRunning(TestServer server, long id) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Connection root = server.rootConnection(); Statement s = root.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = " + id
                         + " AND INFO LIKE 'SELECT SLEEP%'")) {
                rs.next();
                if (rs.getInt(1) == 1) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the SLEEP statement never showed up in the processlist");
    }

    @FunctionalInterface
    private interface SqlAction {
        void run() throws SQLException;
    }
}
