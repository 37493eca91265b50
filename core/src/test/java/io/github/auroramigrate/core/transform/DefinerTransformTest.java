package io.github.auroramigrate.core.transform;

import io.github.auroramigrate.core.sql.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.github.auroramigrate.core.transform.TransformTesting.one;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DefinerTransformTest {

    /** Every DEFINER clause of the mysqldump-format fixture disappears; nothing else in the file changes. */
    @Test
    void stripsEveryDefinerClauseAndNothingElseFromMariadbDumpOfMysql80() {
        String original = Fixtures.text(Fixtures.MYSQL80_DUMP);
        TransformTesting r = TransformTesting.fixture(Transforms.stripDefiners(), Fixtures.MYSQL80_DUMP);
        String expected = original
                .replace("/*!50017 DEFINER=`someuser`@`%`*/ ", "")      // trigger
                .replace("/*!50117 DEFINER=`someuser`@`%`*/ ", "")      // event
                .replace(" DEFINER=`someuser`@`%`", "");                // view (/*!50013 ...*/), procedure, function
        assertThat(r.output).isEqualTo(expected);
        assertThat(r.report.count("stripDefiners", "definer removed")).isEqualTo(5);
        // the handbook's result line, exactly
        assertThat(r.output).contains("/*!50001 CREATE ALGORITHM=UNDEFINED */\n/*!50013 SQL SECURITY DEFINER */\n"
                + "/*!50001 VIEW `v1` AS select");
        // DEFINER-like text in data, strings and comments is untouched
        assertThat(r.output).contains("(3,'DEFINER=`x`@`y` in data')",
                "DEFAULT 'DEFINER=`x`@`y`; still a string';", "/* comment with DEFINER=`c`@`d`; and a semicolon */",
                "-- DEFINER=`z`@`w` in a line comment", "<> 'DEFINER=`x`@`y`')");
    }

    @Test
    void stripsMariadb114AndMydumperForms() {
        String maria = Fixtures.text(Fixtures.MARIADB114_DUMP);
        TransformTesting r = TransformTesting.fixture(Transforms.stripDefiners(), Fixtures.MARIADB114_DUMP);
        assertThat(r.output).isEqualTo(maria.replace("/*!50017 DEFINER=`someuser`@`%`*/ ", "")
                .replace("/*!50117 DEFINER=`someuser`@`%`*/ ", "").replace(" DEFINER=`someuser`@`%`", ""));

        String view = Fixtures.text(Fixtures.MYDUMPER_DIR + "/shop.v1-schema-view.sql");
        TransformTesting v = TransformTesting.run(Transforms.stripDefiners(), view);
        assertThat(v.output).contains("CREATE ALGORITHM=UNDEFINED SQL SECURITY DEFINER VIEW `v1` AS select");
        assertThat(v.output).doesNotContain("someuser");
    }

    @Test
    void sqlSecurityInvokerForViewsAndRoutines() {
        TransformTesting r = TransformTesting.fixture(Transforms.stripDefiners().sqlSecurityInvoker(true),
                Fixtures.MYSQL80_DUMP);
        assertThat(r.output).contains("/*!50013 SQL SECURITY INVOKER */",
                "CREATE PROCEDURE `p_nested`(IN n INT)\nSQL SECURITY INVOKER BEGIN",
                "RETURNS int\n    DETERMINISTIC\nSQL SECURITY INVOKER BEGIN");
        assertThat(one(Transforms.stripDefiners().sqlSecurityInvoker(true),
                "CREATE DEFINER=`u`@`%` PROCEDURE p() SQL SECURITY DEFINER COMMENT 'x' SELECT 1"))
                .containsExactly("CREATE PROCEDURE p() SQL SECURITY INVOKER COMMENT 'x' SELECT 1");
        assertThat(one(Transforms.stripDefiners().sqlSecurityInvoker(true),
                "CREATE FUNCTION f(a INT) RETURNS varchar(10) CHARSET utf8mb4 COLLATE utf8mb4_bin RETURN 'a'"))
                .containsExactly("CREATE FUNCTION f(a INT) RETURNS varchar(10) CHARSET utf8mb4 COLLATE utf8mb4_bin"
                        + " SQL SECURITY INVOKER RETURN 'a'");
        assertThat(one(Transforms.stripDefiners().sqlSecurityInvoker(true), "CREATE VIEW v AS SELECT 1"))
                .containsExactly("CREATE SQL SECURITY INVOKER VIEW v AS SELECT 1");
    }

    @Test
    void accountForms() {
        Transform strip = Transforms.stripDefiners();
        assertThat(one(strip, "CREATE DEFINER=root@localhost VIEW v AS SELECT 1"))
                .containsExactly("CREATE VIEW v AS SELECT 1");
        assertThat(one(strip, "CREATE DEFINER='u'@'10.0.%' PROCEDURE p() BEGIN END"))
                .containsExactly("CREATE PROCEDURE p() BEGIN END");
        assertThat(one(strip, "CREATE DEFINER = CURRENT_USER() TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET @a=1"))
                .containsExactly("CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW SET @a=1");
        assertThat(one(strip, "CREATE OR REPLACE ALGORITHM=MERGE DEFINER=`u`@`%` SQL SECURITY INVOKER VIEW v AS"
                + " SELECT 1")).containsExactly("CREATE OR REPLACE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW v AS"
                + " SELECT 1");
        assertThat(one(strip, "ALTER DEFINER=`u`@`%` VIEW v AS SELECT 1")).containsExactly("ALTER VIEW v AS SELECT 1");
        assertThat(one(strip, "ALTER DEFINER=`u`@`%` EVENT e ENABLE")).containsExactly("ALTER EVENT e ENABLE");
        // mysqldump 5.0/5.1 routine form
        assertThat(one(strip, "DELIMITER ;;\n/*!50003 CREATE*/ /*!50020 DEFINER=`root`@`localhost`*/ /*!50003 PROCEDURE"
                + " `p`() BEGIN SELECT 1; END */;;")).containsExactly("/*!50003 CREATE*/ /*!50003 PROCEDURE `p`() BEGIN"
                + " SELECT 1; END */");
    }

    @Test
    void leavesDefinerOutsideTheHeadAlone() {
        Transform strip = Transforms.stripDefiners();
        for (String sql : List.of("SELECT 'CREATE DEFINER=`x`@`y` VIEW'",
                "INSERT INTO t VALUES ('DEFINER=`x`@`y`')",
                "CREATE TABLE t (definer VARCHAR(10) DEFAULT 'DEFINER=`x`@`y`')",
                "SELECT /* CREATE DEFINER=`x`@`y` VIEW */ 1",
                "SELECT 1")) {
            assertThat(one(strip, sql)).as(sql).containsExactly(sql);
        }
        assertThat(one(strip, "DELIMITER ;;\nCREATE PROCEDURE p() BEGIN SELECT 'DEFINER=`a`@`b`'; END;;"))
                .containsExactly("CREATE PROCEDURE p() BEGIN SELECT 'DEFINER=`a`@`b`'; END");
    }

    @Test
    void replaceDefiners() {
        TransformTesting r = TransformTesting.fixture(Transforms.replaceDefiners("master@%"), Fixtures.MYSQL80_DUMP);
        assertThat(r.output).isEqualTo(Fixtures.text(Fixtures.MYSQL80_DUMP)
                .replace("DEFINER=`someuser`@`%`", "DEFINER=`master`@`%`"));
        assertThat(r.report.count("replaceDefiners", "definer replaced")).isEqualTo(5);
        assertThat(one(Transforms.replaceDefiners("'app'@'10.%'"), "CREATE DEFINER=root@localhost VIEW v AS SELECT 1"))
                .containsExactly("CREATE DEFINER=`app`@`10.%` VIEW v AS SELECT 1");
        assertThatThrownBy(() -> Transforms.replaceDefiners("nohost")).isInstanceOf(IllegalArgumentException.class);
    }
}
