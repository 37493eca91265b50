package io.github.auroramigrate.core.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pre-check finds every planted problem in a schema that has one of each, and nothing else. */
@ExtendWith(TestServersExtension.class)
class CompatibilityCheckIT {

    @Test
    void findsEveryPlantedProblemAndNothingElse(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer target) {
        String s = source.createSchema("planted");
        String q = "`" + s + "`.";
        source.execute(
                "CREATE USER IF NOT EXISTS 'planted_definer'@'%' IDENTIFIED WITH caching_sha2_password BY 'Planted-pw-1'",
                "GRANT SELECT ON *.* TO 'planted_definer'@'%'",
                "CREATE TABLE " + q + "clean (id INT PRIMARY KEY, d DATE, b LONGBLOB) COLLATE utf8mb4_general_ci",
                "CREATE TABLE " + q + "myisam (id INT PRIMARY KEY) ENGINE=MyISAM COLLATE utf8mb4_general_ci",
                "CREATE TABLE " + q + "nopk (a INT, b INT) COLLATE utf8mb4_general_ci",
                "CREATE TABLE " + q + "modern (id INT PRIMARY KEY) COLLATE utf8mb4_0900_ai_ci",
                "SET SESSION sql_mode = ''",
                "INSERT INTO " + q + "clean VALUES (1, '0000-00-00', REPEAT('x', 2 * 1024 * 1024)), (2, '2024-01-31', NULL)",
                "CREATE DEFINER=`planted_definer`@`%` SQL SECURITY DEFINER VIEW " + q + "v_definer AS SELECT id FROM " + q + "clean",
                "CREATE DEFINER=`root`@`localhost` FUNCTION " + q + "f_local(x DATETIME) RETURNS DATETIME DETERMINISTIC"
                        + " RETURN CONVERT_TZ(x, 'UTC', 'Europe/Paris')");
        TargetProfile live = TargetProfile.probe(TestEndpoints.of(target));
        // plant "largest value over max_allowed_packet" by checking against a 1 MiB target setting
        TargetProfile smallPacket = live.withMaxAllowedPacket(1L << 20);

        CompatibilityReport report = CompatibilityCheck.of(TestEndpoints.of(source)).schemas(s).target(smallPacket).build().run();

        Set<Check> found = report.findings().stream().map(Finding::check).collect(Collectors.toCollection(() -> EnumSet.noneOf(Check.class)));
        assertThat(found).containsExactlyInAnyOrder(Check.DEFINERS, Check.NON_INNODB_TABLES, Check.FUNCTION_CREATORS,
                Check.TABLES_WITHOUT_PRIMARY_KEY, Check.ZERO_DATES, Check.TIME_ZONES, Check.MAX_ALLOWED_PACKET,
                Check.AUTH_PLUGINS, Check.COLLATIONS);
        assertThat(one(report, Check.DEFINERS).severity()).isEqualTo(Severity.ERROR);
        assertThat(one(report, Check.DEFINERS).objects()).hasSize(2)
                .anyMatch(o -> o.contains("v_definer")).anyMatch(o -> o.contains("f_local"));
        assertThat(one(report, Check.DEFINERS).fixingTransform()).contains("Transforms.stripDefiners()");
        assertThat(one(report, Check.NON_INNODB_TABLES).message()).contains("MyISAM");
        assertThat(one(report, Check.FUNCTION_CREATORS).severity()).isEqualTo(Severity.ERROR);
        assertThat(one(report, Check.FUNCTION_CREATORS).objects()).containsExactly("FUNCTION " + s + ".f_local");
        assertThat(one(report, Check.TABLES_WITHOUT_PRIMARY_KEY).objects()).containsExactly(s + ".nopk");
        assertThat(one(report, Check.ZERO_DATES).objects()).containsExactly(s + ".clean.d");
        assertThat(one(report, Check.TIME_ZONES).objects()).containsExactly("ROUTINE " + s + ".f_local");
        assertThat(one(report, Check.MAX_ALLOWED_PACKET).objects()).singleElement().asString().startsWith(s + ".clean.b");
        assertThat(one(report, Check.AUTH_PLUGINS).objects()).contains("planted_definer@% (caching_sha2_password)");
        assertThat(one(report, Check.COLLATIONS).objects()).containsExactly("utf8mb4_0900_ai_ci");
        assertThat(report.hasErrors()).isTrue();
        assertThat(report.toMarkdown()).contains("| ERROR | DEFINERS |", "Transforms.stripDefiners()", "f_local");
    }

    @Test
    void aurora3AcceptsDefinersButWarnsAboutMissingAccounts(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target) {
        String s = source.createSchema("definers3");
        source.execute("CREATE USER IF NOT EXISTS 'only_on_source'@'%' IDENTIFIED BY 'Only-pw-1'",
                "CREATE TABLE `" + s + "`.t (id INT PRIMARY KEY)",
                "CREATE DEFINER=`only_on_source`@`%` VIEW `" + s + "`.v AS SELECT id FROM `" + s + "`.t");
        CompatibilityReport report = CompatibilityCheck.of(TestEndpoints.of(source)).schemas(s)
                .target(TargetProfile.probe(TestEndpoints.of(target))).build().run();
        Finding definers = one(report, Check.DEFINERS);
        assertThat(definers.severity()).isEqualTo(Severity.WARNING);
        assertThat(definers.message()).contains("1449");
        assertThat(definers.objects()).singleElement().asString().contains("only_on_source@%");
    }

    private static Finding one(CompatibilityReport report, Check check) {
        assertThat(report.findings(check)).as("findings of %s", check).hasSize(1);
        return report.findings(check).get(0);
    }
}
