package io.github.auroramigrate.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.copy.Copy;
import io.github.auroramigrate.core.copy.CopyResult;
import io.github.auroramigrate.core.transform.TargetVersion;
import io.github.auroramigrate.core.transform.Transform;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * No false differences across versions and flavours: the same definitions and data on MySQL 5.7 and 8.0 (display
 * widths, utf8 vs utf8mb3, reprinted expressions and views, JSON, FLOAT/DOUBLE/DECIMAL) verify equal; MariaDB 11.4
 * JSON text against MySQL 8.0's normalised JSON and doubles verify equal by value (the checksums differ: this failed
 * before the type-aware re-check), while a real change is still found; a Copy from MariaDB into MySQL 8.0 through
 * mariaDbToMySql and mapCollations verifies clean, with the collation mapping expected only because the transform
 * declares it.
 */
@ExtendWith(TestServersExtension.class)
class VerifyCrossVersionIT {
    private static String schemaDdl(String s) {
        String q = "`" + s + "`.";
        return "CREATE TABLE " + q + "t (id INT(11) NOT NULL AUTO_INCREMENT, small TINYINT(4) UNSIGNED DEFAULT '3',"
                + " name VARCHAR(30) CHARACTER SET utf8 COLLATE utf8_general_ci NOT NULL DEFAULT 'x y',"
                + " note TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci, amount DECIMAL(12,4) DEFAULT '0.0000',"
                + " d DOUBLE, f FLOAT, doc JSON, at DATETIME(3) DEFAULT NULL,"
                + " stamp TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,"
                + " upper_name VARCHAR(30) CHARACTER SET utf8 AS (UPPER(CONCAT(name, _utf8mb4'!'))) VIRTUAL,"
                + " PRIMARY KEY (id), UNIQUE KEY uq_name (name, small), KEY ix_amount (amount), FULLTEXT KEY ft_note (note))"
                + " ENGINE=InnoDB DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci";
    }

    private static void fill(TestServer server, String s) {
        String q = "`" + s + "`.";
        server.execute("CREATE DATABASE `" + s + "` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
                schemaDdl(s),
                "INSERT INTO " + q + "t (id, small, name, note, amount, d, f, doc, at, stamp) VALUES"
                        + " (1, 0, 'a', 'ünï', 1.5, 0.1 + 0.2, 1.1, '{\"b\": [1, 2.5, \"x\"], \"a\": {\"n\": null}}',"
                        + " '2024-02-29 23:59:59.999', '2024-01-01 00:00:00'),"
                        + " (2, 255, 'b', NULL, -99999999.9999, 1e300, -3.4e38, '[1e2, -0.5, true]', NULL, NULL),"
                        + " (3, NULL, 'c', '', 0, -2.2250738585072014e-308, 1.17549435e-38, '\"text\"', '1000-01-01 00:00:00', NULL)",
                "CREATE TABLE " + q + "child (id INT PRIMARY KEY, t_id INT, CONSTRAINT fk_t FOREIGN KEY (t_id) REFERENCES "
                        + q + "t (id) ON DELETE CASCADE)",
                "INSERT INTO " + q + "child VALUES (1, 1), (2, 3)",
                "CREATE TABLE " + q + "parted (id INT(11) NOT NULL, at DATE NOT NULL, PRIMARY KEY (id, at))"
                        + " PARTITION BY RANGE (YEAR(at)) SUBPARTITION BY HASH (id) SUBPARTITIONS 2"
                        + " (PARTITION p2023 VALUES LESS THAN (2024), PARTITION pmax VALUES LESS THAN MAXVALUE)",
                "INSERT INTO " + q + "parted VALUES (1, '2023-05-01'), (2, '2031-01-01')",
                "CREATE VIEW " + q + "v AS SELECT t.id, t.name, c.id AS child FROM " + q + "t JOIN " + q
                        + "child c ON c.t_id = t.id WHERE t.amount > 0 OR t.small IS NULL",
                "CREATE FUNCTION " + q + "f(x INT(11)) RETURNS INT(11) DETERMINISTIC RETURN x * 2",
                "CREATE TRIGGER " + q + "tr BEFORE UPDATE ON " + q + "t FOR EACH ROW SET NEW.amount = OLD.amount",
                "CREATE EVENT " + q + "ev ON SCHEDULE EVERY 1 HOUR STARTS '2030-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE"
                        + " DO UPDATE " + q + "t SET small = small");
    }

    @Test
    void mysql57AndMysql80HaveNoFalseDifferences(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(ServerKind.MYSQL_80) TestServer target) {
        String s = "xver_" + Long.toString(System.nanoTime() % 1_000_000, 36);
        fill(source, s);
        fill(target, s);
        VerifyResult r = Verify.between(TestEndpoints.of(source), TestEndpoints.of(target)).schemas(s).build().run();
        assertThat(r.objectDifferences()).as("objects").isEmpty();
        assertThat(r.differences()).as("rows").isEmpty();
        assertThat(r.objectsCompared()).isEqualTo(8);

        target.execute("ALTER TABLE `" + s + "`.t MODIFY note TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci");
        assertThat(Verify.between(TestEndpoints.of(source), TestEndpoints.of(target)).schemas(s).build().run()
                .objectDifferences()).extracting(ObjectDifference::part, ObjectDifference::aspect)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("column `note`", "collation"));
    }

    @Test
    void mariaDbJsonTextAndDoublesEqualMysqlByValue(@Server(ServerKind.MARIADB_114) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "verify-target") TestServer target) {
        String s = source.createSchema("json");
        target.execute("CREATE DATABASE `" + s + "`");
        String table = "CREATE TABLE `" + s + "`.j (id INT PRIMARY KEY, doc JSON, d DOUBLE, f FLOAT, m DECIMAL(10,3),"
                + " at TIMESTAMP(6) NULL)";
        String rows = "INSERT INTO `" + s + "`.j VALUES (1, '{\"b\": 1,   \"a\": [1.0, 2, {\"z\": 1e1, \"y\": \"\\u00e9\"}]}',"
                + " 0.1 + 0.2, 1.1, 1.5, '2024-03-31 01:30:00.5'), (2, NULL, 1e300, -0.3, 0, NULL),"
                + " (3, '[]', 123456789.12345678, 3.4e38, -0.001, '1970-01-01 00:00:01')";
        source.execute(table, rows);
        target.execute(table, rows);
        Verify verify = Verify.between(TestEndpoints.of(source), TestEndpoints.of(target)).schemas(s).objects(false).build();
        VerifyResult r = verify.run();
        assertThat(r.ok()).as(r.summary() + r.differences()).isTrue();

        target.execute("UPDATE `" + s + "`.j SET doc = JSON_SET(doc, '$.b', 2) WHERE id = 1");
        VerifyResult changed = verify.run();
        assertThat(changed.differences()).hasSize(1);
        assertThat(changed.differences().get(0).rows()).extracting(RowDifference::column).containsExactly("doc");

        VerifyResult withObjects = Verify.between(TestEndpoints.of(source), TestEndpoints.of(target)).schemas(s).build().run();
        assertThat(withObjects.objectDifferences()).as("MariaDB's JSON is a LONGTEXT: a real type difference")
                .anyMatch(d -> "column `doc`".equals(d.part()) && "type".equals(d.aspect()));
    }

    @Test
    void aCopyFromMariaDbVerifiesCleanWithTheTransformsDeclaredEffects(@Server(ServerKind.MARIADB_114) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "verify-target") TestServer target) {
        String s = source.createSchema("maria");
        // the loader sets a routine's recorded sql_mode as it is (MariaDB's default has NO_AUTO_CREATE_USER, which
        // MySQL 8.0 rejects with 1231 whatever the transform): create it under a mode both servers know
        source.execute("SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'",
                "CREATE TABLE `" + s + "`.t (id INT PRIMARY KEY, name VARCHAR(20) CHARACTER SET utf8mb4 COLLATE"
                        + " utf8mb4_uca1400_ai_ci, doc JSON, d DOUBLE, created DATETIME DEFAULT current_timestamp(),"
                        + " KEY ix (name)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_uca1400_ai_ci",
                "INSERT INTO `" + s + "`.t VALUES (1, 'é', '{\"k\": [1.50]}', 0.1 + 0.2, '2024-01-01 00:00:00'),"
                        + " (2, NULL, NULL, NULL, NULL)",
                "CREATE VIEW `" + s + "`.v AS SELECT id, name FROM `" + s + "`.t",
                "CREATE PROCEDURE `" + s + "`.p(IN x INT) SELECT x * 2");
        Transform toMysql = Transforms.mariaDbToMySql().andThen(Transforms.mapCollations(TargetVersion.MYSQL_80))
                .andThen(Transforms.fixSqlModes(TargetVersion.MYSQL_80));
        CopyResult copy = Copy.from(TestEndpoints.of(source)).to(TestEndpoints.of(target)).dump(d -> d.schemas(s))
                .load(l -> l.transform(toMysql).verify(true)).build().run();
        VerifyResult v = copy.load().verification().orElseThrow();
        assertThat(v.ok()).as(v.summary() + v.objectDifferences() + v.differences()).isTrue();
        assertThat(v.objectsCompared()).isEqualTo(4);

        VerifyResult between = Verify.between(TestEndpoints.of(source), TestEndpoints.of(target)).schemas(s)
                .transform(toMysql).build().run();
        assertThat(between.ok()).as(between.summary() + between.objectDifferences()).isTrue();
        VerifyResult undeclared = Verify.between(TestEndpoints.of(source), TestEndpoints.of(target)).schemas(s).build().run();
        assertThat(undeclared.objectDifferences()).as("the collation map is expected only when the transform is named")
                .anyMatch(d -> "collation".equals(d.aspect()) && "utf8mb4_uca1400_ai_ci".equals(d.expected()));
    }
}
