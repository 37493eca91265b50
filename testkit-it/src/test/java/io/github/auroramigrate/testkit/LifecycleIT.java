package io.github.auroramigrate.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Start, restart, stop and sharing behave as documented, and stopping leaves nothing behind. */
@ExtendWith(TestServersExtension.class)
class LifecycleIT {

    @Test
    void stoppedServerLeavesNoProcessAndNoFiles() throws Exception {
        Path dataDir;
        int port;
        try (TestServer s = TestServers.startPrivate(ServerKind.MARIADB_114)) {
            dataDir = s.dataDir();
            port = s.port();
            assertThat(s.isShared()).isFalse();
            assertThat(s.isRunning()).isTrue();
            assertThat(serverProcessesUsing(dataDir)).isEqualTo(1);
            assertThat(dataDir).isDirectory();
        }
        assertThat(serverProcessesUsing(dataDir)).isZero();
        assertThat(Files.exists(dataDir)).isFalse();
        assertThat(Files.exists(dataDir.getParent())).isFalse();
        assertThatThrownBy(() -> DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + port + "/?connectTimeout=2000", "root", ""))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void restartKeepsDataPortAndServerId() throws Exception {
        try (TestServer s = TestServers.startPrivate(ServerKind.MYSQL_57)) {
            String db = s.createSchema("restart");
            s.execute("CREATE TABLE " + db + ".t (id INT PRIMARY KEY)", "INSERT INTO " + db + ".t VALUES (7)");
            int port = s.port();
            long id = s.serverId();
            s.restart();
            assertThat(s.port()).isEqualTo(port);
            assertThat(s.queryString("SELECT id FROM " + db + ".t")).contains("7");
            assertThat(s.queryString("SELECT @@server_id")).contains(Long.toString(id));
            s.stop();
            s.stop();   // idempotent
            assertThat(s.isRunning()).isFalse();
            assertThatThrownBy(s::restart).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void sharedServersSurviveCloseAndAreReplacedAfterStop(
            @Server(value = ServerKind.MYSQL_80, role = "lifecycle") TestServer s) throws Exception {
        s.close();
        assertThat(s.isRunning()).isTrue();
        assertThat(TestServers.shared(ServerKind.MYSQL_80, AuroraProfile.NONE, "lifecycle")).isSameAs(s);
        s.stop();
        TestServer replacement = TestServers.shared(ServerKind.MYSQL_80, AuroraProfile.NONE, "lifecycle");
        assertThat(replacement).isNotSameAs(s);
        try (Connection c = replacement.connection()) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void injectsDistinctServersByRole(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer source,
                                      @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3)
                                      TestServer target) {
        assertThat(source).isNotSameAs(target);
        assertThat(source.profile()).isEqualTo(AuroraProfile.NONE);
        assertThat(source.role()).isEqualTo("source");
        assertThat(target.profile()).isEqualTo(AuroraProfile.AURORA_MYSQL_3);
        assertThat(target.user()).isEqualTo("master");
        assertThat(target.toString()).doesNotContain(target.password());
    }

    /** Counts live processes whose command line names this data directory. */
    static long serverProcessesUsing(Path dataDir) {
        String needle = "--datadir=" + dataDir;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(needle)).orElse(false))
                .count();
    }
}
