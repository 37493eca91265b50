package io.github.auroramigrate.testkit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every bundled kind starts and is configured as the contract says (MYSQL_84 has no bundle: see testkit-testcontainers). */
class ServerKindsIT {
    private static final List<ServerKind> BUNDLED = List.of(ServerKind.MYSQL_80, ServerKind.MYSQL_57, ServerKind.MARIADB_114);
    private static final Logger LOG = LoggerFactory.getLogger(ServerKindsIT.class);

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, mode = EnumSource.Mode.EXCLUDE, names = "MYSQL_84")
    void startsConfiguredServer(ServerKind kind) throws Exception {
        TestServer s = TestServers.shared(kind);
        LOG.info("{} reports VERSION() = {}", kind, s.version());
        assertThat(s.version()).startsWith(kind.version());
        if (kind.isMariaDb()) {
            assertThat(s.version()).contains("MariaDB");
        }
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.queryString("SELECT @@log_bin")).contains("1");
        assertThat(s.queryString("SELECT @@binlog_format")).contains("ROW");
        assertThat(s.queryString("SELECT @@local_infile")).contains("1");
        assertThat(s.queryString("SELECT @@bind_address")).contains("127.0.0.1");
        assertThat(s.queryString("SELECT @@max_allowed_packet")).contains(Integer.toString(64 * 1024 * 1024));
        assertThat(s.queryString("SELECT @@server_id")).contains(Long.toString(s.serverId()));
        assertThat(s.queryString("SELECT @@secure_file_priv").orElseThrow())
                .startsWith(s.secureFilePriv().toString());
        assertThat(s.secureFilePriv()).isDirectory();
        assertThat(s.user()).isEqualTo("root");

        String db = s.createSchema("kinds-" + kind);
        s.execute("CREATE TABLE `" + db + "`.t (id INT PRIMARY KEY, v VARCHAR(10))",
                "INSERT INTO `" + db + "`.t VALUES (1, 'a'), (2, 'b')");
        try (Connection c = s.connection(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
        assertThat(TestServers.shared(kind, AuroraProfile.NONE, "none")).isSameAs(s);
    }

    @org.junit.jupiter.api.Test
    void serverIdsAndPortsAreUnique() {
        Set<Long> ids = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        for (ServerKind kind : BUNDLED) {
            TestServer s = TestServers.shared(kind);
            ids.add(s.serverId());
            ports.add(s.port());
        }
        TestServer other = TestServers.shared(ServerKind.MYSQL_57, AuroraProfile.NONE, "second");
        assertThat(other).isNotSameAs(TestServers.shared(ServerKind.MYSQL_57));
        ids.add(other.serverId());
        ports.add(other.port());
        assertThat(ids).hasSize(BUNDLED.size() + 1);
        assertThat(ports).hasSize(BUNDLED.size() + 1);
    }
}
