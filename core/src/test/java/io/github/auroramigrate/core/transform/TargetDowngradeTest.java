package io.github.auroramigrate.core.transform;

import static io.github.auroramigrate.core.transform.TransformTesting.one;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.probe.ServerVersion;
import io.github.auroramigrate.core.sql.Statement;
import io.github.auroramigrate.core.transform.DefinitionLoss.Construct;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The constructs MySQL 5.7 drops or rejects, as MySQL 8.0.31 prints them in SHOW CREATE TABLE (and MariaDB 11.4's),
 * found by {@link DefinitionLoss} and rewritten by {@link Transforms#downgradeTo}, {@link Transforms#mapMariaDbTypes()}
 * and {@link Transforms#mariaDbToMySql()}.
 */
class TargetDowngradeTest {
    private static final ServerVersion V57 = ServerVersion.parse("5.7.22-log");
    private static final ServerVersion V80 = ServerVersion.parse("8.0.31");

    /** SHOW CREATE TABLE of MySQL 8.0.31 for the torture schema's gen_cols, idx_kinds and checks (trimmed). */
    static final String GEN_COLS = """
            CREATE TABLE `gen_cols` (
              `id` int NOT NULL,
              `total` decimal(12,2) GENERATED ALWAYS AS ((`price` * `qty`)) STORED,
              `secret` varchar(20) DEFAULT 'hidden' /*!80023 INVISIBLE */,
              `inv_n` int DEFAULT NULL /*!80023 INVISIBLE */,
              `invisible` int COMMENT 'INVISIBLE /*!80023 INVISIBLE */ in a string',
              PRIMARY KEY (`id`),
              KEY `ix_total` (`total`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci""";
    static final String IDX_KINDS = """
            CREATE TABLE `idx_kinds` (
              `id` int NOT NULL,
              `name` varchar(100) NOT NULL,
              `a` int DEFAULT NULL,
              `b` int DEFAULT NULL,
              `pt` point NOT NULL /*!80003 SRID 4326 */,
              `gc` geomcollection DEFAULT NULL,
              PRIMARY KEY (`id`),
              KEY `ix_desc` (`a` DESC,`b`),
              KEY `ix_invisible` (`b`) /*!80000 INVISIBLE */,
              SPATIAL KEY `sp_pt` (`pt`),
              KEY `ix_func` ((lower(`name`))),
              KEY `ix_func2` (((`a` + `b`)),`name`(5)),
              UNIQUE KEY `ux_func` ((abs(`a`))),
              FULLTEXT KEY `ft_body` (`name`) /*!50100 WITH PARSER `ngram` */\s
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci""";
    static final String CHECKS = """
            CREATE TABLE `checks` (
              `id` int NOT NULL,
              `qty` int NOT NULL,
              `status` varchar(10) DEFAULT NULL,
              PRIMARY KEY (`id`),
              CONSTRAINT `checks_chk_1` CHECK ((`qty` >= 0)),
              CONSTRAINT `ck status ü` CHECK ((`status` in (_utf8mb4'new',_utf8mb4'it\\'s',_utf8mb4'dün'))),
              CONSTRAINT `ck_not_enforced` CHECK ((`qty` < 1000)) /*!80016 NOT ENFORCED */
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci""";

    @Test
    void findsWhat57DropsOrRejectsAndNothingIn80() {
        assertThat(DefinitionLoss.find(Statement.of(GEN_COLS), V57, false)).extracting(DefinitionLoss::construct,
                DefinitionLoss::where).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Construct.INVISIBLE_COLUMN, "gen_cols.secret"),
                        org.assertj.core.groups.Tuple.tuple(Construct.INVISIBLE_COLUMN, "gen_cols.inv_n"));
        List<DefinitionLoss> idx = DefinitionLoss.find(Statement.of(IDX_KINDS), V57, false);
        assertThat(idx).extracting(l -> l.construct() + " " + l.where()).containsExactly(
                "SRID idx_kinds.pt", "GEOMCOLLECTION idx_kinds.gc", "DESCENDING_INDEX idx_kinds.ix_desc",
                "INVISIBLE_INDEX idx_kinds.ix_invisible", "FUNCTIONAL_INDEX idx_kinds.ix_func",
                "FUNCTIONAL_INDEX idx_kinds.ix_func2", "FUNCTIONAL_INDEX idx_kinds.ux_func");
        assertThat(idx.get(0).silentOn(V57)).isTrue();                      // /*!80003 SRID */ is skipped
        assertThat(idx.get(4).silentOn(V57)).isFalse();                     // a functional index is a syntax error
        assertThat(idx.get(4).fix(V57)).contains("Transforms.downgradeTo(TargetVersion.MYSQL_57)");
        assertThat(idx.get(6).unique()).isTrue();
        assertThat(idx.get(6).fix(V57)).isEmpty();                          // a constraint: no rewrite carries it
        assertThat(DefinitionLoss.find(Statement.of(CHECKS), V57, false)).extracting(DefinitionLoss::where)
                .containsExactly("checks.checks_chk_1", "checks.ck status ü", "checks.ck_not_enforced");
        for (String ddl : List.of(GEN_COLS, IDX_KINDS, CHECKS)) {
            assertThat(DefinitionLoss.find(Statement.of(ddl), V80, false)).isEmpty();
            assertThat(DefinitionLoss.find(Statement.of(ddl), V57, true)).isEmpty();
        }
        // 8.0.22 has everything but INVISIBLE columns
        assertThat(DefinitionLoss.find(Statement.of(GEN_COLS), ServerVersion.parse("8.0.22"), false)).hasSize(2)
                .allSatisfy(l -> assertThat(l.fix(ServerVersion.parse("8.0.22"))).isEmpty());
        assertThat(DefinitionLoss.find(Statement.of("INSERT INTO t VALUES ('KEY k (a DESC) CHECK (x)')"), V57, false))
                .isEmpty();
    }

    @Test
    void downgradeRewritesEachLossAndReportsIt() {
        Transform down = Transforms.downgradeTo(TargetVersion.MYSQL_57);
        TransformTesting gen = TransformTesting.run(down, GEN_COLS + ";\n");
        assertThat(gen.output).contains("`secret` varchar(20) DEFAULT 'hidden',", "`inv_n` int DEFAULT NULL,",
                "COMMENT 'INVISIBLE /*!80023 INVISIBLE */ in a string'").doesNotContain("*/,");
        assertThat(gen.report.count("downgradeTo", "made visible")).isEqualTo(2);
        assertThat(gen.report.findings()).hasSize(2).allSatisfy(f -> assertThat(f.message()).contains("made visible"));

        String idx = one(down, IDX_KINDS).get(0);
        assertThat(idx).contains("`pt` point NOT NULL,", "`gc` geometrycollection DEFAULT NULL", "KEY `ix_desc` (`a`,`b`)",
                "KEY `ix_invisible` (`b`),", "UNIQUE KEY `ux_func` ((abs(`a`)))", "/*!50100 WITH PARSER `ngram` */")
                .doesNotContain("SRID", "ix_func`", "ix_func2", "INVISIBLE", "DESC");
        TransformReport r = TransformTesting.run(down, IDX_KINDS + ";\n").report;
        assertThat(r.count("downgradeTo", "functional index dropped")).isEqualTo(2);
        assertThat(r.count("downgradeTo", "srid dropped")).isEqualTo(1);
        assertThat(r.count("downgradeTo", "descending dropped")).isEqualTo(1);
        assertThat(r.count("downgradeTo", "type renamed")).isEqualTo(1);
        assertThat(r.findings()).anySatisfy(f -> assertThat(f.message()).contains("UNIQUE functional index idx_kinds.ux_func"));

        String checks = one(down, CHECKS).get(0);
        assertThat(checks).contains("PRIMARY KEY (`id`)\n)").doesNotContain("CHECK", "ENFORCED", "/*!");
        // what is left is SQL the lexer reads as one CREATE TABLE with balanced parentheses
        assertThat(DefinitionLoss.find(Statement.of(checks), V57, false)).isEmpty();
        assertThat(DefinitionLoss.find(Statement.of(idx), V57, false)).extracting(DefinitionLoss::where)
                .containsExactly("idx_kinds.ux_func");
        // 8.0 targets: nothing changes
        assertThat(one(Transforms.downgradeTo(TargetVersion.MYSQL_80), IDX_KINDS)).containsExactly(IDX_KINDS);
    }

    @Test
    void alterTableAndCreateIndexToo() {
        Transform down = Transforms.downgradeTo(TargetVersion.MYSQL_57);
        assertThat(one(down, "ALTER TABLE `s`.`t` ADD KEY `ix_f` ((`a` + 1)), ADD KEY `ix_d` (`a` DESC), ADD KEY `k` (`b`)"))
                .containsExactly("ALTER TABLE `s`.`t` ADD KEY `ix_d` (`a`), ADD KEY `k` (`b`)");
        assertThat(one(down, "ALTER TABLE t ADD KEY `ix_f` ((`a` + 1))")).isEmpty();
        assertThat(one(down, "ALTER TABLE t ADD COLUMN c INT INVISIBLE, ADD CONSTRAINT ck CHECK (c > 0)"))
                .containsExactly("ALTER TABLE t ADD COLUMN c INT");
        assertThat(one(down, "CREATE INDEX ix ON t (a DESC, b) INVISIBLE")).containsExactly("CREATE INDEX ix ON t (a, b)");
        assertThat(one(down, "ALTER TABLE t ALTER INDEX ix INVISIBLE")).isEmpty();
        assertThat(one(down, "ALTER TABLE t ALTER INDEX ix INVISIBLE, ALTER COLUMN c SET INVISIBLE, ADD KEY k (a)"))
                .containsExactly("ALTER TABLE t ADD KEY k (a)");
        assertThat(DefinitionLoss.find(Statement.of("ALTER TABLE t ALTER INDEX ix INVISIBLE"), V57, false))
                .extracting(DefinitionLoss::construct).containsExactly(Construct.INVISIBLE_INDEX);
    }

    @Test
    void expressionDefaultsAreReportedAndKept() {
        String ddl = "CREATE TABLE d (id INT PRIMARY KEY, u varchar(36) DEFAULT (uuid()), n INT DEFAULT '-1',"
                + " c TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3))";
        TransformTesting r = TransformTesting.run(Transforms.downgradeTo(TargetVersion.MYSQL_57), ddl + ";\n");
        assertThat(r.output).contains("DEFAULT (uuid())");
        assertThat(r.report.findings()).singleElement().satisfies(f -> assertThat(f.message()).contains("d.u", "uuid()"));
        assertThat(DefinitionLoss.find(Statement.of(ddl), V57, false)).singleElement().satisfies(l -> {
            assertThat(l.construct()).isEqualTo(Construct.EXPRESSION_DEFAULT);
            assertThat(l.fix(V57)).isEmpty();
        });
    }

    @Test
    void declaredEffectsMatchTheRewrite() {
        DefinitionEffects e = Transforms.downgradeTo(TargetVersion.MYSQL_57).definitionEffects();
        DefinitionEffects.Column c = e.column(new DefinitionEffects.Column("t", "g", "geomcollection", null, null, true, "4326"));
        assertThat(c.type()).isEqualTo("geometrycollection");
        assertThat(c.invisible()).isFalse();
        assertThat(c.srid()).isNull();
        assertThat(e.index(new DefinitionEffects.Index("t", "f", false, List.of("(lower(`n`))"), true))).isNull();
        assertThat(e.index(new DefinitionEffects.Index("t", "u", true, List.of("(lower(`n`))"), true))).isNotNull();
        assertThat(e.index(new DefinitionEffects.Index("t", "d", false, List.of("`a` DESC", "`b`"), false)))
                .isEqualTo(new DefinitionEffects.Index("t", "d", false, List.of("`a`", "`b`"), true));
        assertThat(e.keepsCheck("t", "x > 0")).isFalse();
        assertThat(Transforms.downgradeTo(TargetVersion.MYSQL_80).definitionEffects()).isSameAs(DefinitionEffects.NONE);
    }

    @Test
    void mariaDbTypesAndSyntaxForMysql() {
        String maria = """
                CREATE TABLE `maria_types` (
                  `id` int(11) NOT NULL,
                  `u` uuid DEFAULT NULL,
                  `i4` inet4 DEFAULT NULL,
                  `i6` inet6 DEFAULT '::1',
                  `uuid` varchar(10) DEFAULT 'inet6',
                  PRIMARY KEY (`id`),
                  KEY `ix_i` (`i4`) IGNORED
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci""";
        assertThat(DefinitionLoss.find(Statement.of(maria), V80, false)).extracting(l -> l.construct() + " " + l.where())
                .containsExactly("MARIADB_TYPE maria_types.u", "MARIADB_TYPE maria_types.i4", "MARIADB_TYPE maria_types.i6",
                        "IGNORED_INDEX maria_types.ix_i");
        String mapped = one(Transforms.mariaDbToMySql().andThen(Transforms.mapMariaDbTypes()), maria).get(0);
        assertThat(mapped).contains("`u` CHAR(36) CHARACTER SET ascii DEFAULT NULL", "`i4` VARCHAR(15) CHARACTER SET ascii",
                "`i6` VARCHAR(39) CHARACTER SET ascii DEFAULT '::1'", "`uuid` varchar(10) DEFAULT 'inet6'",
                "KEY `ix_i` (`i4`) INVISIBLE");
        assertThat(DefinitionLoss.find(Statement.of(mapped), V80, false)).isEmpty();
        DefinitionEffects.Column c = Transforms.mapMariaDbTypes().definitionEffects()
                .column(new DefinitionEffects.Column("t", "u", "uuid", null, null, false, null));
        assertThat(c).isEqualTo(new DefinitionEffects.Column("t", "u", "char(36)", "ascii", "ascii_general_ci", false, null));

        String defaults = "CREATE TABLE `d` (`u` varchar(36) DEFAULT uuid(), `tx` text DEFAULT 'text ü', `n` int(11) DEFAULT -1,"
                + " `c` timestamp(3) NOT NULL DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3), `j` longtext"
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`j`)))";
        assertThat(DefinitionLoss.find(Statement.of(defaults), V80, false)).extracting(DefinitionLoss::construct)
                .containsExactly(Construct.BARE_EXPRESSION_DEFAULT, Construct.LOB_LITERAL_DEFAULT);
        assertThat(one(Transforms.mariaDbToMySql(), defaults).get(0)).contains("DEFAULT (uuid())", "DEFAULT ('text ü')",
                "DEFAULT -1", "DEFAULT current_timestamp(3) ON UPDATE current_timestamp(3)", "CHECK (json_valid(`j`))");
        // on 5.7 neither can be carried
        assertThat(DefinitionLoss.find(Statement.of(defaults), V57, false)).filteredOn(l -> l.construct() != Construct.CHECK)
                .hasSize(2).allSatisfy(l -> assertThat(l.fix(V57)).isEmpty());
    }
}
