package io.github.auroramigrate.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One dump of a MySQL 5.7 source loaded into every kind of target - MySQL 5.7, MySQL 8.0, MariaDB 11.4 and both
 * Aurora-like profiles (as the non-SUPER master user) - each ending equal to the source by row counts and chunked
 * checksums.
 */
@ExtendWith(TestServersExtension.class)
class LoadTargetsIT {
    private static String schema;
    private static DumpStore store;

    @BeforeAll
    static void dumpOnce(@Server(value = ServerKind.MYSQL_57, role = "targets-source") TestServer source, @TempDir Path dir) {
        schema = source.createSchema("targets");
        String q = "`" + schema + "`.";
        source.execute(
                "CREATE TABLE " + q + "orders (id BIGINT PRIMARY KEY, customer INT NOT NULL, amount DECIMAL(12,2),"
                        + " placed DATETIME(6), note TEXT, payload BLOB, KEY (customer)) DEFAULT CHARSET utf8mb4",
                "CREATE TABLE " + q + "events (at TIMESTAMP NULL, what VARCHAR(100)) DEFAULT CHARSET utf8mb4",
                "INSERT INTO " + q + "orders SELECT seq, seq % 97, seq * 1.5, '2024-01-02 03:04:05.123456' + INTERVAL seq MINUTE,"
                        + " IF(seq % 5 = 0, NULL, CONCAT('note ', seq, ' éè 😀')), UNHEX(REPEAT(HEX(seq), 20))"
                        + " FROM (SELECT a.n + b.n * 10 + c.n * 100 + 1 AS seq FROM"
                        + " (SELECT 0 n UNION SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6 UNION SELECT 7"
                        + " UNION SELECT 8 UNION SELECT 9) a, (SELECT 0 n UNION SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4"
                        + " UNION SELECT 5 UNION SELECT 6 UNION SELECT 7 UNION SELECT 8 UNION SELECT 9) b, (SELECT 0 n UNION SELECT 1"
                        + " UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6 UNION SELECT 7 UNION SELECT 8"
                        + " UNION SELECT 9) c) nums",
                "INSERT INTO " + q + "events VALUES ('2024-03-31 01:30:00', 'dst'), (NULL, ''), ('1970-01-01 00:00:01', NULL)",
                "CREATE VIEW " + q + "big_orders AS SELECT id, amount FROM " + q + "orders WHERE amount > 1000");
        store = DumpStores.directory(dir);
        Dump.from(TestEndpoints.of(source)).schemas(schema).to(store).threads(2)
                .chunkSize(io.github.auroramigrate.core.DataSize.ofKilobytes(16)).build().run();
    }

    @Test
    void mysql57(@Server(value = ServerKind.MYSQL_57, role = "targets-source") TestServer source,
            @Server(value = ServerKind.MYSQL_57, role = "targets-57") TestServer target) {
        loadAndVerify(source, target);
    }

    @Test
    void mysql80(@Server(value = ServerKind.MYSQL_57, role = "targets-source") TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "targets-80") TestServer target) {
        loadAndVerify(source, target);
    }

    @Test
    void mariadb(@Server(value = ServerKind.MYSQL_57, role = "targets-source") TestServer source,
            @Server(value = ServerKind.MARIADB_114, role = "targets-mariadb") TestServer target) {
        loadAndVerify(source, target);
    }

    @Test
    void auroraLike2(@Server(value = ServerKind.MYSQL_57, role = "targets-source") TestServer source,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer target) {
        loadAndVerify(source, target);
    }

    @Test
    void auroraLike3(@Server(value = ServerKind.MYSQL_57, role = "targets-source") TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target) {
        loadAndVerify(source, target);
    }

    private static void loadAndVerify(TestServer source, TestServer target) {
        // the view's DEFINER is root@localhost: the Aurora-like master users may not (2) or should not (3) keep it
        LoadResult load = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(store)).threads(2)
                .transform(Transforms.stripDefiners()).build().run();
        assertThat(load.summary()).contains("1003 rows", "(0 skipped");
        VerifyResult v = Verify.between(TestEndpoints.root(source), TestEndpoints.of(target)).schemas(schema).chunkRows(300).build().run();
        assertThat(v.ok()).as(v.summary()).isTrue();
        assertThat(v.tables()).hasSize(2);
    }
}
