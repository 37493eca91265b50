package io.github.auroramigrate.core.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.probe.BinlogSettings;
import io.github.auroramigrate.core.probe.Flavor;
import io.github.auroramigrate.core.probe.ServerInfo;
import io.github.auroramigrate.core.probe.ServerVersion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rules that need server settings the bundled servers cannot vary per test (they are set at initialisation). */
class CompatibilityRulesTest {

    private static ServerInfo source(int lowerCaseTableNames, boolean binlog) {
        return new ServerInfo("root@src:3306", Flavor.MYSQL, ServerVersion.parse("8.0.31"), "", null, "root@%",
                Set.of("ALL PRIVILEGES"), false, new BinlogSettings(binlog, binlog ? "ROW" : "", "FULL", Duration.ofDays(7), "OFF"),
                1, lowerCaseTableNames, 64L << 20, true, "utf8mb4", "utf8mb4_0900_ai_ci", "", "SYSTEM (UTC)", true, false, false,
                List.of("app"), Map.of("InnoDB", 3), Set.of(), List.of(), Set.of(), Map.of(), List.of());
    }

    @Test
    void caseCollisionsAreErrorsWhenLowerCaseTableNamesDiffer() {
        SourceScan scan = new SourceScan(null, List.of());
        scan.caseCollisions.add("app.{Orders,orders}");
        List<Finding> findings = CompatibilityCheck.evaluate(source(0, true), scan, TargetProfile.AURORA_MYSQL_3.withLowerCaseTableNames(1), List.of());
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(Check.LOWER_CASE_TABLE_NAMES);
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.objects()).containsExactly("app.{Orders,orders}");
        });
    }

    @Test
    void sameSettingsAndCleanSchemaFindNothing() {
        assertThat(CompatibilityCheck.evaluate(source(0, true), new SourceScan(null, List.of()), TargetProfile.AURORA_MYSQL_3, List.of()))
                .isEmpty();
    }

    @Test
    void sourceWithoutBinlogCannotFeedReplication() {
        assertThat(CompatibilityCheck.evaluate(source(0, false), new SourceScan(null, List.of()), TargetProfile.AURORA_MYSQL_3, List.of()))
                .extracting(Finding::check).containsExactly(Check.SOURCE_BINLOG);
    }

    @Test
    void collationRulesByVersion() {
        assertThat(TargetProfile.AURORA_MYSQL_2.knowsCollation("utf8mb4_0900_ai_ci")).isFalse();
        assertThat(TargetProfile.AURORA_MYSQL_3.knowsCollation("utf8mb4_0900_ai_ci")).isTrue();
        assertThat(TargetProfile.AURORA_MYSQL_3.knowsCollation("utf8mb4_uca1400_ai_ci")).isFalse();
        assertThat(TargetProfile.AURORA_MYSQL_2.rejectsZeroDates()).isTrue();
    }

    @Test
    void definitionLossesAreFindingsOnlyForTargetsThatLoseThem() {
        SourceScan scan = new SourceScan(null, List.of());
        scan.definitions.addAll(io.github.auroramigrate.core.transform.DefinitionLoss.all(io.github.auroramigrate.core.sql.Statement.of(
                "CREATE TABLE t (id INT PRIMARY KEY, s INT /*!80023 INVISIBLE */, u VARCHAR(36) DEFAULT (uuid()),"
                        + " CONSTRAINT ck CHECK (id > 0))")).stream()
                .map(l -> new io.github.auroramigrate.core.transform.DefinitionLoss(l.construct(), "app." + l.table(), l.object(),
                        l.detail(), l.commentVersion(), l.unique())).toList());
        scan.newerSql.add("VIEW app.v: WITH (common table expression)");
        assertThat(CompatibilityCheck.evaluate(source(0, true), scan, TargetProfile.AURORA_MYSQL_3, List.of())).isEmpty();
        List<Finding> to57 = CompatibilityCheck.evaluate(source(0, true), scan, TargetProfile.AURORA_MYSQL_2, List.of());
        assertThat(to57).extracting(Finding::check).containsExactlyInAnyOrder(Check.INVISIBLE_DEFINITIONS, Check.CHECK_CONSTRAINTS,
                Check.NEWER_DEFINITIONS, Check.NEWER_DEFINITIONS);
        assertThat(to57).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        Finding invisible = to57.stream().filter(f -> f.check() == Check.INVISIBLE_DEFINITIONS).findFirst().orElseThrow();
        assertThat(invisible.objects()).containsExactly("app.t.s");
        assertThat(invisible.message()).contains("silently");
        assertThat(to57.stream().filter(f -> f.check() == Check.NEWER_DEFINITIONS).map(Finding::objects).toList())
                .containsExactlyInAnyOrder(List.of("app.t.u"), List.of("VIEW app.v: WITH (common table expression)"));
    }

    @Test
    void newerSqlIsFoundAsTokensNotText() {
        assertThat(NewerSql.in("SELECT a, ROW_NUMBER() OVER (ORDER BY a) FROM t")).containsExactly("ROW_NUMBER()",
                "window function (OVER)");
        assertThat(NewerSql.in("WITH RECURSIVE c (n) AS (SELECT 1) SELECT * FROM c")).containsExactly("WITH (common table expression)");
        assertThat(NewerSql.in("SELECT * FROM JSON_TABLE(@j, '$[*]' COLUMNS (x INT PATH '$')) jt")).contains("JSON_TABLE()");
        assertThat(NewerSql.in("SELECT 'WITH x AS (', 1 /* OVER () */ FROM t GROUP BY a WITH ROLLUP")).isEmpty();
        assertThat(NewerSql.in("CREATE VIEW v AS SELECT a FROM t WITH CASCADED CHECK OPTION")).isEmpty();
    }
}
