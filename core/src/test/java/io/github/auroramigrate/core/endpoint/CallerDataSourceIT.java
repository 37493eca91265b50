package io.github.auroramigrate.core.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.dump.DumpResult;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadMethod;
import io.github.auroramigrate.core.load.LoadResult;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Capabilities on the caller's own DataSource (a HikariCP pool the test creates): the job runs, the pool stays open
 * and usable, and every connection it gets back has the session it had before (the application's own settings kept,
 * none of the library's left behind).
 */
@ExtendWith(TestServersExtension.class)
class CallerDataSourceIT {
    /** The application's own session settings, which a job must neither keep nor lose. */
    private static final String APP_SESSION = "SET SESSION time_zone = '+03:00', wait_timeout = 12345,"
            + " sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_DATE'";
    private static final int POOL = 8;

    private static HikariDataSource appPool(TestServer s, boolean localInfile, String encoding) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl("jdbc:mysql://" + s.host() + ":" + s.port() + "/");
        cfg.setUsername(s.rootUser());
        cfg.setPassword(s.rootPassword());
        cfg.addDataSourceProperty("sslMode", "DISABLED");
        cfg.addDataSourceProperty("allowPublicKeyRetrieval", "true");
        cfg.addDataSourceProperty("characterEncoding", encoding);
        if (localInfile) {
            cfg.addDataSourceProperty("allowLoadLocalInfile", "true");
        }
        cfg.setConnectionInitSql(APP_SESSION);
        cfg.setMaximumPoolSize(POOL);
        cfg.setMinimumIdle(POOL); // every physical connection the job may borrow is checked afterwards
        cfg.setPoolName("app-" + s.port());
        return new HikariDataSource(cfg);
    }

    private static Endpoint endpoint(TestServer s, HikariDataSource ds) {
        return Endpoint.builder().host(s.host()).port(s.port()).user(s.rootUser()).dataSource(ds).build();
    }

    @Test
    void dumpLoadAndVerifyThroughTheCallersPoolsLeaveThemOpenAndTheirSessionsAsTheyWere(
            @Server(ServerKind.MYSQL_80) TestServer source, @Server(value = ServerKind.MYSQL_80, role = "target")
            TestServer target, @TempDir Path dir) throws Exception {
        String s = source.createSchema("caller_ds");
        source.execute("CREATE TABLE `" + s + "`.parent (id INT PRIMARY KEY, name VARCHAR(40) CHARACTER SET utf8mb4)",
                "CREATE TABLE `" + s + "`.child (id INT PRIMARY KEY, parent INT NOT NULL, at TIMESTAMP NULL,"
                        + " FOREIGN KEY (parent) REFERENCES `" + s + "`.parent (id))");
        StringBuilder parents = new StringBuilder();
        StringBuilder children = new StringBuilder();
        for (int i = 1; i <= 2000; i++) {
            parents.append(i == 1 ? "" : ",").append("(").append(i).append(",'grüße 👋 ").append(i).append("')");
            children.append(i == 1 ? "" : ",").append("(").append(i).append(",").append(2001 - i)
                    .append(",'2024-03-31 01:30:00')");
        }
        // children before parents in a dump's file order is fine only with foreign_key_checks=0 on the load sessions
        source.execute("INSERT INTO `" + s + "`.parent VALUES " + parents, "INSERT INTO `" + s + "`.child VALUES " + children);

        try (HikariDataSource from = appPool(source, false, "UTF-8"); HikariDataSource into = appPool(target, true, "UTF-8")) {
            Endpoint src = endpoint(source, from);
            Endpoint tgt = endpoint(target, into);

            DumpResult dump = Dump.from(src).schemas(s).to(DumpStores.directory(dir)).threads(2)
                    .chunkSize(DataSize.ofKilobytes(8)).build().run();
            assertThat(dump.rows()).isEqualTo(4000);
            assertUsableWithTheAppsSession(from);

            LoadResult load = Load.into(tgt).from(LoadSources.dump(DumpStores.directory(dir))).threads(2).build().run();
            assertThat(load.method()).isEqualTo(LoadMethod.LOAD_DATA_LOCAL);
            assertThat(load.chunksLoaded()).isGreaterThan(2);
            assertUsableWithTheAppsSession(into);

            VerifyResult v = Verify.between(src, tgt).schemas(s).build().run();
            assertThat(v.ok()).as(v.summary()).isTrue();
            assertUsableWithTheAppsSession(from);
            assertUsableWithTheAppsSession(into);

            assertThat(from.isClosed()).isFalse();
            assertThat(into.isClosed()).isFalse();
            try (Connection c = into.getConnection(); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COUNT(*), MIN(name) FROM `" + s + "`.parent")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2000);
                assertThat(rs.getString(2)).isEqualTo("grüße 👋 1");
            }
        }
    }

    @Test
    void withoutAllowLoadLocalInfileOnTheCallersPoolALoadSendsInsertsAndSaysSo(
            @Server(ServerKind.MYSQL_80) TestServer source, @Server(value = ServerKind.MYSQL_80, role = "target")
            TestServer target, @TempDir Path dir) throws Exception {
        String s = source.createSchema("caller_ds_insert");
        source.execute("CREATE TABLE `" + s + "`.t (id INT PRIMARY KEY, b VARBINARY(10))",
                "INSERT INTO `" + s + "`.t VALUES (1, 0x00FF27), (2, NULL)");
        try (HikariDataSource from = appPool(source, false, "UTF-8"); HikariDataSource into = appPool(target, false, "UTF-8")) {
            Dump.from(endpoint(source, from)).schemas(s).to(DumpStores.directory(dir)).build().run();
            LoadResult load = Load.into(endpoint(target, into)).from(LoadSources.dump(DumpStores.directory(dir))).build().run();
            assertThat(load.method()).isEqualTo(LoadMethod.INSERT);
            assertThat(load.warnings()).anySatisfy(w -> {
                assertThat(w.code()).isEqualTo(DiagnosisCode.LOCAL_INFILE_DISABLED);
                assertThat(w.message()).contains("allowLoadLocalInfile");
            });
            assertThat(Verify.between(endpoint(source, from), endpoint(target, into)).schemas(s).build().run().ok()).isTrue();
            assertUsableWithTheAppsSession(into);
        }
    }

    @Test
    void aCallersPoolThatIsNotUtf8IsRefusedAndStaysOpen(@Server(ServerKind.MYSQL_80) TestServer server) {
        try (HikariDataSource latin1 = appPool(server, false, "ISO-8859-1")) {
            Endpoint e = endpoint(server, latin1);
            MigrationException refused = catchThrowableOfType(() -> e.pool(2).close(), MigrationException.class);
            assertThat(refused).isNotNull();
            assertThat(refused.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
            assertThat(refused.getMessage()).contains("character_set_client", "latin1");
            assertThat(refused.diagnosis().render()).contains("characterEncoding=UTF-8");
            assertThat(catchThrowableOfType(e::connect, MigrationException.class).code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
            assertThat(latin1.isClosed()).isFalse();
            assertThat(latin1.getHikariPoolMXBean().getActiveConnections()).as("nothing left borrowed").isZero();
        }
    }

    /** Borrows every connection of the pool at once: each must have the application's session, none of ours. */
    private static void assertUsableWithTheAppsSession(HikariDataSource ds) throws Exception {
        assertThat(ds.isClosed()).isFalse();
        assertThat(ds.getHikariPoolMXBean().getActiveConnections()).as("connections still borrowed").isZero();
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < POOL; i++) {
                all.add(ds.getConnection());
            }
            for (Connection c : all) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@SESSION.time_zone,"
                        + " @@SESSION.wait_timeout, @@SESSION.sql_mode, @@SESSION.foreign_key_checks, @@SESSION.unique_checks,"
                        + " @@SESSION.autocommit, @@SESSION.transaction_isolation, @@SESSION.net_write_timeout = @@GLOBAL.net_write_timeout,"
                        + " @@SESSION.net_read_timeout = @@GLOBAL.net_read_timeout, @@SESSION.character_set_connection, DATABASE()")) {
                    rs.next();
                    assertThat(rs.getString(1)).as("time_zone").isEqualTo("+03:00");
                    assertThat(rs.getLong(2)).as("wait_timeout").isEqualTo(12345);
                    assertThat(rs.getString(3)).as("sql_mode").isEqualTo("STRICT_ALL_TABLES,NO_ZERO_DATE");
                    assertThat(rs.getInt(4)).as("foreign_key_checks").isEqualTo(1);
                    assertThat(rs.getInt(5)).as("unique_checks").isEqualTo(1);
                    assertThat(rs.getInt(6)).as("autocommit").isEqualTo(1);
                    assertThat(rs.getString(7)).as("transaction_isolation").isEqualTo("REPEATABLE-READ");
                    assertThat(rs.getBoolean(8)).as("net_write_timeout as the server's").isTrue();
                    assertThat(rs.getBoolean(9)).as("net_read_timeout as the server's").isTrue();
                    assertThat(rs.getString(10)).as("character_set_connection").startsWith("utf8");
                    assertThat(rs.getString(11)).as("default schema").isNull();
                }
            }
        } finally {
            for (Connection c : all) {
                c.close();
            }
        }
    }
}
