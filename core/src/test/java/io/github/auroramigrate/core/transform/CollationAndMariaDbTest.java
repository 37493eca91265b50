package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.Fixtures;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.sql.StatementKind;
import org.junit.jupiter.api.Test;

import static io.github.auroramigrate.core.transform.TransformTesting.one;
import static org.assertj.core.api.Assertions.assertThat;

class CollationAndMariaDbTest {

    @Test
    void mysql80DumpForMysql57() {
        TransformTesting r = TransformTesting.fixture(Transforms.mapCollations(TargetVersion.MYSQL_57),
                Fixtures.MYSQL80_DUMP);
        assertThat(r.output).doesNotContain("_0900_", "utf8mb3_general_ci")
                .contains("COLLATE=utf8mb4_unicode_520_ci", "COLLATE utf8mb4_bin DEFAULT NULL",
                        "SET collation_connection  = utf8_general_ci */",
                        "/*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci */");
        assertThat(r.report.findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("utf8mb4_0900_as_cs"));
        // the same dump needs nothing for an 8.0 target
        assertThat(TransformTesting.fixture(Transforms.mapCollations(TargetVersion.MYSQL_80), Fixtures.MYSQL80_DUMP)
                .output).isEqualTo(Fixtures.text(Fixtures.MYSQL80_DUMP));
    }

    @Test
    void mappingRules() {
        CollationMapper to80 = new CollationMapper(TargetVersion.MYSQL_80);
        CollationMapper to57 = new CollationMapper(TargetVersion.MYSQL_57);
        assertThat(to80.map("utf8mb4_uca1400_ai_ci").collation()).isEqualTo("utf8mb4_0900_ai_ci");
        assertThat(to80.map("utf8mb4_uca1400_as_cs").collation()).isEqualTo("utf8mb4_0900_as_cs");
        assertThat(to80.map("utf8mb4_uca1400_german2_ai_ci").approximate()).contains("language");
        assertThat(to80.map("utf8mb4_0900_ai_ci")).isNull();
        assertThat(to80.map("utf8mb4_general_ci")).isNull();
        assertThat(to57.map("utf8mb4_de_pb_0900_ai_ci").collation()).isEqualTo("utf8mb4_unicode_520_ci");
        assertThat(to57.map("utf8mb4_0900_bin").collation()).isEqualTo("utf8mb4_bin");
        assertThat(to57.map("utf8mb4_uca1400_ai_ci").collation()).isEqualTo("utf8mb4_unicode_520_ci");
        assertThat(to57.map("utf8mb3_uca1400_ai_ci").collation()).isEqualTo("utf8_unicode_520_ci");
        // quoted only after COLLATE / collation_x =; never inside other strings
        assertThat(one(Transforms.mapCollations(TargetVersion.MYSQL_57),
                "SET NAMES utf8mb4 COLLATE 'utf8mb4_0900_ai_ci'"))
                .containsExactly("SET NAMES utf8mb4 COLLATE 'utf8mb4_unicode_520_ci'");
        assertThat(one(Transforms.mapCollations(TargetVersion.MYSQL_57), "SELECT 'utf8mb4_0900_ai_ci'"))
                .containsExactly("SELECT 'utf8mb4_0900_ai_ci'");
    }

    @Test
    void mariaDb114DumpForMysql80() {
        Transform t = Transforms.mariaDbToMySql().andThen(Transforms.mapCollations(TargetVersion.MYSQL_80))
                .andThen(Transforms.fixSqlModes(TargetVersion.MYSQL_80));
        TransformTesting r = TransformTesting.fixture(t, Fixtures.MARIADB114_DUMP);
        assertThat(r.output).doesNotContain("/*M!100616", "SEQUENCE", "SETVAL", "PAGE_CHECKSUM", "TRANSACTIONAL",
                "uca1400", "NO_AUTO_CREATE_USER");
        assertThat(r.output).contains("COLLATE=utf8mb4_0900_ai_ci",
                "/*!50003 SET sql_mode              = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,"
                        + "NO_ENGINE_SUBSTITUTION' */ ;");
        // the sandbox line stays a comment; statements that were only /*M!...*/ are gone
        assertThat(r.statements()).noneMatch(s -> s.text().startsWith("/*M!"));
        assertThat(r.report.findings()).hasSize(3)
                .allSatisfy(f -> assertThat(f.message()).contains("sequences"));
        assertThat(r.report.count("mariaDbToMySql", "statement dropped")).isEqualTo(5);
        assertThat(r.report.count("fixSqlModes", "mode removed")).isEqualTo(4);
    }

    @Test
    void sqlModesFor57AndMariaDbOnlyModes() {
        assertThat(one(Transforms.fixSqlModes(TargetVersion.MYSQL_57),
                "SET sql_mode = 'NO_AUTO_CREATE_USER,TIME_TRUNCATE_FRACTIONAL'"))
                .containsExactly("SET sql_mode = 'NO_AUTO_CREATE_USER'");
        TransformTesting r = TransformTesting.run(Transforms.fixSqlModes(TargetVersion.MYSQL_80),
                "SET @@SESSION.sql_mode = 'EMPTY_STRING_IS_NULL,STRICT_ALL_TABLES';");
        assertThat(r.output).isEqualTo("SET @@SESSION.sql_mode = 'STRICT_ALL_TABLES';");
        assertThat(r.report.findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("EMPTY_STRING_IS_NULL"));
        Statement seq = Fixtures.readAll("CREATE TABLE t (id INT DEFAULT NEXTVAL(s1), ip INET6);").get(0);
        assertThat(seq.kind()).isEqualTo(StatementKind.CREATE_TABLE);
        TransformSession s = TransformSession.open(Transforms.mariaDbToMySql(), "m.sql");
        assertThat(s.apply(seq)).containsExactly(seq);
        assertThat(s.report().findings()).hasSize(2);
    }
}
