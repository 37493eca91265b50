package io.github.auroramigrate.testkit.fidelity;

import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same logical schema, created with explicit collations on MySQL 5.7, MySQL 8.0 and MariaDB 11.4, compares
 * EQUAL although each server prints it differently (int display widths, utf8 vs utf8mb3, CURRENT_TIMESTAMP
 * spellings, MariaDB's quoted defaults, introducers and parentheses in expressions, FLOAT text precision);
 * and the torture schema built on two different servers of one flavour, in schemas of different names,
 * compares EQUAL too.
 */
class CosmeticDifferencesIT {

    private static List<String> logicalSchema(boolean json) {
        List<String> s = new ArrayList<>(List.of(
                "SET NAMES utf8mb4 COLLATE utf8mb4_general_ci",
                "SET time_zone = '+00:00'",
                "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'",
                "ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
                "CREATE TABLE t (id INT(11) NOT NULL AUTO_INCREMENT, tiny TINYINT(4) DEFAULT '0',"
                        + " big BIGINT(20) UNSIGNED NOT NULL DEFAULT 0,"
                        + " name VARCHAR(40) CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci NOT NULL DEFAULT 'it''s',"
                        + " legacy VARCHAR(10) CHARACTER SET utf8 COLLATE utf8_general_ci, price DECIMAL(10,2) DEFAULT '1.50',"
                        + " f FLOAT, d DOUBLE, yr YEAR, bits BIT(8) DEFAULT b'101',"
                        + " created TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),"
                        + " label VARCHAR(60) GENERATED ALWAYS AS (CONCAT('n: ', name, ' é')) VIRTUAL,"
                        + " total DECIMAL(12,2) GENERATED ALWAYS AS ((price * 2) + 1) STORED,"
                        + " PRIMARY KEY (id), UNIQUE KEY uq_name (name), KEY ix_label (label), KEY ix_prefix (name(5), tiny))"
                        + " ENGINE=InnoDB AUTO_INCREMENT=100 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='cosmetic ü'",
                "CREATE TABLE p (id INT NOT NULL, d DATE NOT NULL, PRIMARY KEY (id, d)) ENGINE=InnoDB"
                        + " PARTITION BY RANGE (YEAR(d)) (PARTITION p0 VALUES LESS THAN (2020), PARTITION p1 VALUES LESS THAN MAXVALUE)",
                "INSERT INTO t (id, tiny, big, name, legacy, price, f, d, yr, created) VALUES"
                        + " (1, -1, 18446744073709551615, 'ü 😀', 'abc', 9.99, 1.2345678, 0.1, 2024, '2024-03-31 01:30:00.123'),"
                        + " (2, 0, 0, 'x', NULL, NULL, -0e0, 1e-300, NULL, '1970-01-01 00:00:01.000'),"
                        + " (3, 127, 1, 'y', 'é', -0.01, 3.402823466e38, -1.7976931348623157e308, 1901, '2038-01-19 03:14:07.999')",
                "INSERT INTO p VALUES (1, '2019-12-31'), (2, '2020-01-01')",
                "CREATE VIEW v AS SELECT id, UPPER(name) AS n, price * 2 + 1 AS p, CONCAT('it''s ', legacy) AS c FROM t"
                        + " WHERE price > 0 AND name <> 'x' OR id IN (1, 2)",
                "CREATE FUNCTION f(x VARCHAR(10)) RETURNS VARCHAR(20) DETERMINISTIC NO SQL RETURN CONCAT('<', x, '>')",
                "CREATE PROCEDURE pr(IN a INT, OUT b VARCHAR(10)) BEGIN DECLARE c INT DEFAULT 1; SET b = CONCAT('x', a + c); END",
                "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.tiny = 1",
                "CREATE EVENT e ON SCHEDULE EVERY 1 DAY STARTS '2037-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE"
                        + " DO DELETE FROM t WHERE id < 0"));
        if (json) {
            s.add("CREATE TABLE j (id INT NOT NULL PRIMARY KEY, doc JSON)");
            s.add("INSERT INTO j VALUES (1, '{\"b\": [1, 2.5, 1e300, \"t\\\\u00e9\"], \"a\": {\"x\": null, \"y\": true}}'),"
                    + " (2, '18446744073709551615'), (3, NULL)");
        }
        return s;
    }

    private static SchemaSnapshot build(ServerKind kind, boolean json) {
        return build(kind, logicalSchema(json));
    }

    private static SchemaSnapshot build(ServerKind kind, List<String> statements) {
        TestServer server = TestServers.shared(kind);
        String db = server.createSchema("cosmetic_" + kind.name().toLowerCase(java.util.Locale.ROOT));
        List<String> sql = new ArrayList<>();
        sql.add("USE `" + db + "`");
        sql.addAll(statements);
        server.execute(sql.toArray(String[]::new));
        return SchemaSnapshot.of(server, db);
    }

    @Test
    void mariaDbJsonBecomingMysqlJsonIsFourDeclaredDifferencesAndEqualDocuments() {
        List<String> sql = List.of("ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
                "CREATE TABLE j (id INT NOT NULL PRIMARY KEY, doc JSON)",
                // MariaDB keeps this text as written; MySQL stores a binary document and prints it normalised
                "INSERT INTO j VALUES (1, '{\"b\": [1, 2.50, 1e300, \"t\\\\u00e9\"],  \"a\": {\"y\": true, \"x\": null}}'),"
                        + " (2, '18446744073709551615'), (3, NULL), (4, '[]')");
        SchemaSnapshot onMaria = build(ServerKind.MARIADB_114, sql);
        SchemaSnapshot on80 = build(ServerKind.MYSQL_80, sql);
        SchemaDiff undeclared = SchemaComparison.compare(onMaria, on80);
        assertThat(undeclared.differences()).extracting(Difference::aspect)
                .containsExactly("check `doc`", "column `doc` charset", "column `doc` collation", "column `doc` type");
        SchemaDiff declared = SchemaComparison.builder().expect(ExpectedDifference.mariaDbJsonColumn("j", "doc")).build()
                .diff(onMaria, on80);
        declared.assertEqual();
        assertThat(declared.accepted()).hasSize(4);
        // the declaration is for that column only
        assertThat(SchemaComparison.builder().expect(ExpectedDifference.mariaDbJsonColumn("j", "other")).build()
                .diff(onMaria, on80).differences()).hasSize(4);
    }

    @Test
    void mysql57AndMysql80PrintTheSameSchemaDifferentlyButCompareEqual() {
        SchemaSnapshot on57 = build(ServerKind.MYSQL_57, true);
        SchemaSnapshot on80 = build(ServerKind.MYSQL_80, true);
        SchemaComparison.compare(on57, on80).assertEqual();
        SchemaComparison.compare(on80, on57).assertEqual();
        assertThat(on57.definition(SchemaObject.table("t")).orElseThrow())
                .containsEntry("column `id` type", "int")
                .containsEntry("column `legacy` charset", "utf8mb3")
                .containsEntry("column `created` default", "expression current_timestamp ( 3 )");
    }

    @Test
    void mariaDbAndMysql80PrintTheSameSchemaDifferentlyButCompareEqual() {
        // MariaDB's JSON is another type (LONGTEXT with a CHECK): a real difference, so no JSON column here
        SchemaSnapshot onMaria = build(ServerKind.MARIADB_114, false);
        SchemaSnapshot on80 = build(ServerKind.MYSQL_80, false);
        SchemaComparison.compare(onMaria, on80).assertEqual();
        SchemaComparison.compare(on80, onMaria).assertEqual();
    }

    @Test
    void theSameTortureSchemaOnTwoServersUnderOtherNamesComparesEqual() {
        TestServer one = TestServers.shared(ServerKind.MYSQL_80);
        TestServer two = TestServers.shared(ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_3, "fidelity-target");
        String a = one.createSchema("torture_a");
        String b = two.createSchema("torture_b");
        TortureSchema.create(one, a);
        TortureSchema.create(two, b);
        SchemaDiff diff = SchemaComparison.builder().ignoreDefiners(false).build()
                .diff(SchemaSnapshot.of(one, a), SchemaSnapshot.of(two, b));
        diff.assertEqual();
        assertThat(diff.describe()).contains("EQUAL").contains(a).contains(b);
    }
}
