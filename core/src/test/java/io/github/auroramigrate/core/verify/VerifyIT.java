package io.github.auroramigrate.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Verify.between on MySQL 8.0 and MariaDB 11.4: equal data is OK; one changed, one extra and one missing row on
 * the target are each reported with the right table and the key range that holds the row.
 */
@ExtendWith(TestServersExtension.class)
class VerifyIT {
    private static final String DIGITS = "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL "
            + "SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)";

    @Test
    void mysql80(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "verify-target") TestServer target) {
        differencesAreFoundWithTheirRange(source, target);
    }

    @Test
    void mariadb(@Server(ServerKind.MARIADB_114) TestServer source,
            @Server(value = ServerKind.MARIADB_114, role = "verify-target") TestServer target) {
        differencesAreFoundWithTheirRange(source, target);
    }

    private static void fill(TestServer server, String s) {
        server.execute("CREATE DATABASE IF NOT EXISTS `" + s + "`",
                "CREATE TABLE `" + s + "`.t (id INT PRIMARY KEY, name VARCHAR(40) CHARACTER SET utf8mb4, amount DECIMAL(10,2), "
                        + "at DATETIME(3), f FLOAT, doubled INT AS (id * 2) VIRTUAL)",
                "CREATE TABLE `" + s + "`.k (a VARCHAR(20) CHARACTER SET latin1, b INT, v TEXT, PRIMARY KEY (a, b))",
                "CREATE TABLE `" + s + "`.nopk (g INT, label VARCHAR(10))",
                "INSERT INTO `" + s + "`.t (id, name, amount, at, f) SELECT n, CONCAT('näme ', n), n / 7, "
                        + "TIMESTAMPADD(SECOND, n, '2024-01-01 00:00:00.123'), n / 3 FROM (SELECT a.d * 1000 + b.d * 100 + c.d * 10 + e.d + 1 n "
                        + "FROM " + DIGITS + " a, " + DIGITS + " b, " + DIGITS + " c, " + DIGITS + " e) x WHERE n <= 3000",
                "INSERT INTO `" + s + "`.k SELECT CONCAT('key', id % 37), id, REPEAT('v', id % 50) FROM `" + s + "`.t",
                "INSERT INTO `" + s + "`.nopk SELECT id % 5, 'dup' FROM `" + s + "`.t WHERE id <= 300");
    }

    private static void differencesAreFoundWithTheirRange(TestServer source, TestServer target) {
        String s = source.createSchema("verify");
        fill(source, s);
        fill(target, s);
        Verify verify = Verify.between(TestEndpoints.of(source), TestEndpoints.of(target)).schemas(s).chunkRows(500).build();

        VerifyResult equal = verify.run();
        assertThat(equal.ok()).as(equal.summary()).isTrue();
        assertThat(equal.tables()).extracting(TableVerification::table).containsExactly("k", "nopk", "t");
        TableVerification t = equal.tables().get(2);
        assertThat(t.expectedRows()).isEqualTo(3000);
        assertThat(t.actualRows()).isEqualTo(3000);
        assertThat(t.chunks()).isEqualTo(7); // 6 full ranges of 500 and the open range after the last boundary
        assertThat(equal.tables().get(0).chunks()).isGreaterThan(5); // composite string key walked too

        target.execute("UPDATE `" + s + "`.t SET name = 'changed' WHERE id = 1234");
        Difference changed = single(verify.run(), "t");
        assertThat(changed.kind()).isEqualTo(Difference.Kind.ROWS_DIFFER);
        assertContains(changed, 1234);
        assertThat(changed.rowDelta()).isZero();
        target.execute("UPDATE `" + s + "`.t SET name = 'näme 1234' WHERE id = 1234");

        target.execute("INSERT INTO `" + s + "`.t (id, name) VALUES (5000, 'extra')");
        Difference extra = single(verify.run(), "t");
        assertContains(extra, 5000);
        assertThat(extra.upper()).isNull();
        assertThat(extra.rowDelta()).isEqualTo(1);
        target.execute("DELETE FROM `" + s + "`.t WHERE id = 5000");

        target.execute("DELETE FROM `" + s + "`.t WHERE id = 10");
        Difference missing = single(verify.run(), "t");
        assertContains(missing, 10);
        assertThat(missing.lower()).isNull();
        assertThat(missing.rowDelta()).isEqualTo(-1);
        assertThat(missing.range()).isEqualTo("`id` <= " + missing.upper().get(0));

        target.execute("UPDATE `" + s + "`.k SET v = 'x' WHERE a = 'key3' AND b = 3",
                "UPDATE `" + s + "`.nopk SET label = 'DUP' WHERE g = 1 LIMIT 1");
        VerifyResult more = verify.run();
        assertThat(more.differences()).extracting(Difference::table).containsExactly("k", "nopk", "t");
        assertThat(more.differences().get(1).chunk()).as("no key: the whole table").isZero();

        target.execute("DROP TABLE `" + s + "`.nopk");
        assertThat(verify.run().differences()).extracting(Difference::kind).contains(Difference.Kind.TABLE_MISSING);
    }

    private static Difference single(VerifyResult r, String table) {
        assertThat(r.ok()).isFalse();
        List<Difference> d = r.differences();
        assertThat(d).hasSize(1);
        assertThat(d.get(0).table()).isEqualTo(table);
        return d.get(0);
    }

    private static void assertContains(Difference d, long id) {
        if (d.lower() != null) {
            assertThat(new BigDecimal(d.lower().get(0))).isLessThan(BigDecimal.valueOf(id));
        }
        if (d.upper() != null) {
            assertThat(new BigDecimal(d.upper().get(0))).isGreaterThanOrEqualTo(BigDecimal.valueOf(id));
        }
    }
}
