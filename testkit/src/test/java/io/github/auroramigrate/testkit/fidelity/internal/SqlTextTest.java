package io.github.auroramigrate.testkit.fidelity.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The expression and body rules, on text the three servers really print (copied from their output). */
class SqlTextTest {

    @Test
    void expressionsPrintedByEachServerCompareEqual() {
        String my80 = SqlText.expression("concat(_utf8mb4'x',`x`,_utf8mb4'é\\'s')", "db");
        String maria = SqlText.expression("concat('x',`x`,'é''s')", "db");
        assertThat(my80).isEqualTo(maria).isEqualTo("concat ( 'x' , x , 'é''s' )");
        assertThat(SqlText.expression("((`x` * 2))", null)).isEqualTo(SqlText.expression("`x` * 2", null)).isEqualTo("x * 2");
        assertThat(SqlText.expression("select `db`.`t`.`a` AS `a` from `db`.`t`", "db"))
                .isEqualTo(SqlText.expression("select `t`.`a` AS `a` from `db`.`t`", "db"))
                .isEqualTo("select t . a as a from t");
        assertThat(SqlText.expression("CURRENT_TIMESTAMP(3)", null)).isEqualTo(SqlText.expression("current_timestamp(3)", null));
        assertThat(SqlText.expression("now()", null)).isEqualTo(SqlText.expression("CURRENT_TIMESTAMP", null))
                .isEqualTo("current_timestamp");
        assertThat(SqlText.expression("ucase(`a`)", null)).isEqualTo(SqlText.expression("upper(a)", null));
        assertThat(SqlText.expression("`id` MOD 4", null)).isEqualTo(SqlText.expression("(`id` % 4)", null));
    }

    @Test
    void expressionsThatMeanSomethingElseStayDifferent() {
        assertThat(SqlText.expression("a > 0", null)).isNotEqualTo(SqlText.expression("a >= 0", null));
        assertThat(SqlText.expression("'A'", null)).isNotEqualTo(SqlText.expression("'a'", null));
        assertThat(SqlText.expression("`a b`", null)).isEqualTo("`a b`").isNotEqualTo(SqlText.expression("a b", null));
        assertThat(SqlText.expression("`other`.`t`", "db")).isEqualTo("other . t");
        assertThat(SqlText.expression("(a + b) * c", null)).isNotEqualTo(SqlText.expression("a + b * c", null));
    }

    @Test
    void groupingParenthesesAreDroppedButCallsAndListsKept() {
        String mysql = SqlText.expression("select `t`.`id` AS `id`,((`t`.`price` * 2) + 1) AS `p` from `t` "
                + "where (((`t`.`price` > 0) and (`t`.`name` <> 'x')) or (`t`.`id` in (1,2)))", null);
        String maria = SqlText.expression("select `t`.`id` AS `id`,`t`.`price` * 2 + 1 AS `p` from `t` "
                + "where `t`.`price` > 0 and `t`.`name` <> 'x' or `t`.`id` in (1,2)", null);
        assertThat(mysql).isNotEqualTo(maria);
        assertThat(SqlText.withoutGroupingParens(mysql)).isEqualTo(SqlText.withoutGroupingParens(maria))
                .contains("in ( 1 , 2 )");
        assertThat(SqlText.withoutGroupingParens("concat ( a , ( b ) )")).isEqualTo("concat ( a , b )");
    }

    @Test
    void routineBodiesAreCutExactlyFromShowCreate() {
        String create = "CREATE DEFINER=`root`@`localhost` PROCEDURE `p`(in x varchar(10) charset latin1, out y decimal(10,2))\n"
                + "    COMMENT 'it''s é'\n    SQL SECURITY INVOKER\n    READS SQL DATA\n"
                + "lbl: begin declare s varchar(20) default 'é''x;'; set y = 1; end lbl";
        assertThat(SqlText.routineBody(create)).isEqualTo("lbl: begin declare s varchar(20) default 'é''x;'; set y = 1; end lbl");
        String function = "CREATE DEFINER=`root`@`localhost` FUNCTION `f`(a VARCHAR(50)) RETURNS varchar(120) CHARSET utf8mb4"
                + " COLLATE utf8mb4_general_ci\n    NO SQL\n    DETERMINISTIC\n    COMMENT 'x'\nRETURN a || '|'";
        assertThat(SqlText.routineBody(function)).isEqualTo("RETURN a || '|'");
        assertThat(SqlText.triggerBody("CREATE DEFINER=`root`@`localhost` trigger tr before insert on t for each row"
                + " PRECEDES other begin set new.a = concat(new.a, 'é''x'); end"))
                .isEqualTo("begin set new.a = concat(new.a, 'é''x'); end");
        assertThat(SqlText.eventBody("CREATE DEFINER=`root`@`localhost` EVENT `ev` ON SCHEDULE EVERY 1 DAY STARTS "
                + "'2037-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE ON SLAVE COMMENT 'do' DO begin insert into t values (1); end"))
                .isEqualTo("begin insert into t values (1); end");
    }

    @Test
    void createTableYieldsWhatInformationSchemaMangles() {
        SqlText.CreateTable t = SqlText.createTable("CREATE TABLE `t` (\n  `id` int NOT NULL,\n"
                + "  `s` varchar(20) GENERATED ALWAYS AS (concat(_utf8mb4'x',`x`,_utf8mb4'é')) STORED,\n"
                + "  `u` varchar(36) DEFAULT (uuid()),\n"
                + "  `j` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`j`)),\n"
                + "  PRIMARY KEY (`id`),\n  KEY `fx` ((lower(`a`)),`b`(5)),\n"
                + "  FULLTEXT KEY `ft` (`body`) /*!50100 WITH PARSER `ngram` */ ,\n"
                + "  CONSTRAINT `ck` CHECK ((`a` <> _utf8mb4'é\\'x')) /*!80016 NOT ENFORCED */\n"
                + ") ENGINE=InnoDB AUTO_INCREMENT=18446744073709551615 DEFAULT CHARSET=utf8mb4 COMMENT='AUTO_INCREMENT=5'\n"
                + "/*!50100 PARTITION BY HASH (`id`) PARTITIONS 2 */");
        assertThat(t.generated()).containsEntry("s", "concat(_utf8mb4'x',`x`,_utf8mb4'é')");
        assertThat(t.defaultExpressions()).containsEntry("u", "uuid()");
        assertThat(t.checks()).containsEntry("j", "json_valid(`j`)").containsEntry("ck", "(`a` <> _utf8mb4'é\\'x') not enforced");
        assertThat(t.indexExpressions().get("fx")).containsExactly("lower(`a`)", null);
        assertThat(t.parsers()).containsEntry("ft", "ngram");
        assertThat(t.autoIncrement()).isEqualTo(-1L); // 2^64 - 1 as an unsigned long
    }
}
