package io.github.auroramigrate.core.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each named normalisation equates exactly the spellings it is for, and keeps real differences apart. */
class NormalizationTest {
    @Test
    void integerDisplayWidthsAndTheUtf8AliasAreCosmetic() {
        assertThat(Normalization.type("int(11) unsigned")).isEqualTo(Normalization.type("int unsigned"));
        assertThat(Normalization.type("TINYINT(4)")).isEqualTo("tinyint");
        assertThat(Normalization.type("year(4)")).isEqualTo("year");
        assertThat(Normalization.type("varchar(11)")).isEqualTo("varchar(11)");
        assertThat(Normalization.type("decimal(10,2)")).isNotEqualTo(Normalization.type("decimal(10,3)"));
        assertThat(Normalization.collation("utf8mb3_general_ci")).isEqualTo(Normalization.collation("utf8_general_ci"));
        assertThat(Normalization.collation("utf8mb4_general_ci")).isNotEqualTo(Normalization.collation("utf8mb4_0900_ai_ci"));
    }

    @Test
    void currentTimestampSpellingsAreOneDefaultButLiteralsKeepTheirCase() {
        assertThat(Normalization.columnDefault("current_timestamp()")).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(Normalization.columnDefault("CURRENT_TIMESTAMP")).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(Normalization.columnDefault("current_timestamp(3)")).isEqualTo("CURRENT_TIMESTAMP(3)");
        assertThat(Normalization.columnDefault("now(6)")).isEqualTo("CURRENT_TIMESTAMP(6)");
        assertThat(Normalization.columnDefault("(uuid())")).isEqualTo("uuid()");
        assertThat(Normalization.columnDefault("Abc")).isNotEqualTo(Normalization.columnDefault("abc"));
    }

    @Test
    void extraFlagsAreSeparated() {
        assertThat(Normalization.extra("DEFAULT_GENERATED on update CURRENT_TIMESTAMP"))
                .isEqualTo(Normalization.extra("on update current_timestamp()"));
        assertThat(Normalization.extra("VIRTUAL GENERATED INVISIBLE")).containsEntry("invisible", "true")
                .containsEntry("generated", "VIRTUAL");
        assertThat(Normalization.extra("PERSISTENT GENERATED")).containsEntry("generated", "STORED");
        assertThat(Normalization.extra("")).containsEntry("invisible", "false").containsEntry("autoIncrement", "false");
    }

    @Test
    void reprintedExpressionsCompareEqualAndChangedOnesDoNot() {
        assertThat(Normalization.expression("(`id` * 2)")).isEqualTo(Normalization.expression("id * 2"));
        assertThat(Normalization.expression("upper(concat(`name`,_utf8mb4\\'!\\'))"))
                .isEqualTo(Normalization.expression("UPPER(CONCAT(name, '!'))"));
        assertThat(Normalization.expression("((`a` > 0) or isnull(`b`))"))
                .isEqualTo(Normalization.expression("a > 0 OR (b IS NULL)"));
        assertThat(Normalization.expression("`a` > 0")).isNotEqualTo(Normalization.expression("`a` >= 0"));
        assertThat(Normalization.expression("concat(a, 'X y')")).isNotEqualTo(Normalization.expression("concat(a, 'x y')"));
        assertThat(Normalization.expression("a_b")).isNotEqualTo(Normalization.expression("a b"));
    }

    @Test
    void bodiesIgnoreCaseAndWhitespaceOutsideQuotesOnly() {
        assertThat(Normalization.body("BEGIN\n  SET x = 'a;  B';\nEND")).isEqualTo(Normalization.body("begin set x='a;  B'; end"));
        assertThat(Normalization.body("SET x = 'a'")).isNotEqualTo(Normalization.body("SET x = 'A'"));
        assertThat(Normalization.body("SET x = 1")).isNotEqualTo(Normalization.body("SET x = 12"));
        assertThat(Normalization.body("select `Weird ``name`` ` from t")).isEqualTo(Normalization.body("SELECT weird `name` from t"));
    }

    @Test
    void modesOptionsRulesAndGrants() {
        assertThat(Normalization.sqlMode("STRICT_TRANS_TABLES,NO_AUTO_CREATE_USER,ANSI_QUOTES"))
                .isEqualTo(Normalization.sqlMode("ansi_quotes,STRICT_TRANS_TABLES"));
        assertThat(Normalization.sqlMode("STRICT_TRANS_TABLES")).isNotEqualTo(Normalization.sqlMode(""));
        assertThat(Normalization.tableOptions("row_format=DYNAMIC partitioned stats_persistent=0"))
                .containsExactly(java.util.Map.entry("row_format", "DYNAMIC"), java.util.Map.entry("stats_persistent", "0"));
        assertThat(Normalization.referentialRule("NO ACTION")).isEqualTo(Normalization.referentialRule("RESTRICT"));
        assertThat(Normalization.referentialRule("CASCADE")).isNotEqualTo(Normalization.referentialRule("SET NULL"));
        assertThat(Normalization.grants("GRANT USAGE ON *.* TO 'app'@'%' IDENTIFIED BY PASSWORD '*AB12'\n"
                + "GRANT SELECT, INSERT ON `shop`.* TO 'app'@'%'"))
                .isEqualTo(Normalization.grants("GRANT INSERT, SELECT ON `shop`.* TO `app`@`%`\nGRANT USAGE ON *.* TO `app`@`%`"));
        assertThat(Normalization.grants("GRANT SELECT ON `shop`.* TO `app`@`%`"))
                .isNotEqualTo(Normalization.grants("GRANT SELECT, DELETE ON `shop`.* TO `app`@`%`"));
    }

    @Test
    void acrossFlavoursAndVersions() {
        // MySQL 8.0 adds introducers, which a dropped parenthesis must not glue to the function name
        assertThat(Normalization.expression("concat(_utf8mb4'item ',`id`,_utf8mb4' \u2013 ')"))
                .isEqualTo(Normalization.expression("concat('item ',`id`,' \u2013 ')"));
        assertThat(Normalization.expression("concat(_utf8mb4'a')")).isNotEqualTo(Normalization.expression("concat('b')"));
        assertThat(Normalization.expression("`id` MOD 4")).isEqualTo(Normalization.expression("(`id` % 4)"));
        assertThat(Normalization.type("geomcollection")).isEqualTo(Normalization.type("geometrycollection"));
        // a TEXT default MySQL can only take as an expression is the literal MariaDB has
        assertThat(Normalization.columnDefault("_utf8mb4'text \u00fc it''s'")).isEqualTo("text \u00fc it's");
        assertThat(Normalization.columnDefault("uuid()")).isEqualTo("uuid()");
    }

    @Test
    void aDroppedParenthesisKeepsTheWordsOnItsSidesApart() {
        assertThat(Normalization.expression("f_label(`s`.`t`.`v`)")).isEqualTo(Normalization.expression("f_label (s.t.v)"))
                .isEqualTo("f_label s.t.v");
        assertThat(Normalization.expression("concat(_utf8mb4'a',`b`)")).isEqualTo(Normalization.expression("concat('a',b)"));
        // MariaDB's and MySQL's printing of one CHECK clause
        assertThat(Normalization.expression("(`status` in (_utf8mb4'new',_utf8mb4'it\\'s'))"))
                .isEqualTo(Normalization.expression("`status` in ('new','it\\'s')"));
    }
}
