package io.github.auroramigrate.testkit.testcontainers;

import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every kind as a container, configured as the SPI promises. Runs only with {@code -Pdocker}; without a
 * Docker engine each test fails with the provider's "no Docker engine is reachable" message.
 */
class TestcontainersProviderIT {

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void startsEveryKindConfiguredLikeTheBundledServers(ServerKind kind) throws Exception {
        try (TestServer s = TestServers.startPrivate(kind)) {
            assertThat(s.version()).startsWith(kind.version());
            assertThat(s.version().contains("MariaDB")).isEqualTo(kind.isMariaDb());
            assertThat(s.queryString("SELECT @@log_bin")).contains("1");
            assertThat(s.queryString("SELECT @@binlog_format")).contains("ROW");
            assertThat(s.queryString("SELECT @@local_infile")).contains("1");
            assertThat(s.queryString("SELECT @@max_allowed_packet")).contains(Integer.toString(64 * 1024 * 1024));
            assertThat(s.queryString("SELECT @@server_id")).contains(Long.toString(s.serverId()));
            assertThat(s.queryString("SELECT @@secure_file_priv").orElseThrow())
                    .startsWith(s.secureFilePriv().toString());

            String db = s.createSchema("tc `odd` " + kind);
            s.execute("CREATE TABLE `" + db + "`.t (id INT PRIMARY KEY, v VARCHAR(10))",
                    "INSERT INTO `" + db + "`.t VALUES (1, 'ä'), (2, 'b')");
            s.restart();
            assertThat(s.isRunning()).isTrue();
            assertThat(count(s, db)).isEqualTo(2);
        }
    }

    @Test
    void auroraProfilesApplyOnContainers() throws Exception {
        try (TestServer a3 = TestServers.startPrivate(ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_3);
             Connection c = a3.connection(); Statement st = c.createStatement()) {
            assertThat(a3.user()).isEqualTo("master");
            assertThatThrownBy(() -> st.execute("SET GLOBAL max_connections = 100"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1227));
            st.execute("CALL mysql.rds_set_configuration('binlog retention hours', 24)");
        }
        try (TestServer a2 = TestServers.startPrivate(ServerKind.MYSQL_57, AuroraProfile.AURORA_MYSQL_2);
             Connection c = a2.connection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("SET GLOBAL max_connections = 100"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1227));
        }
    }

    @Test
    void stoppedContainerIsGone() {
        TestServer s = TestServers.startPrivate(ServerKind.MARIADB_114);
        s.stop();
        assertThat(s.isRunning()).isFalse();
        s.stop();                               // idempotent
    }

    private static int count(TestServer s, String db) throws SQLException {
        try (Connection c = s.connection(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
