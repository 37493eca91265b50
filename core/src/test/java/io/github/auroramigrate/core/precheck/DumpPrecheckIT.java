package io.github.auroramigrate.core.precheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-check run on a dump (no source connection): it flags, before loading, the DEFINER that the Aurora-3-like
 * target accepts but cannot use, and the other planted problems; replacing the definer while loading fixes the view.
 */
@ExtendWith(TestServersExtension.class)
class DumpPrecheckIT {

    @Test
    void flagsPlantedProblemsFromTheDumpAndReplacingTheDefinerFixesTheView(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target,
            @TempDir Path dir) throws Exception {
        String s = source.createSchema("dumpcheck");
        String q = "`" + s + "`.";
        source.execute(
                "CREATE USER IF NOT EXISTS 'dump_definer'@'%' IDENTIFIED BY 'Dump-definer-pw-1'",
                "GRANT SELECT ON *.* TO 'dump_definer'@'%'",
                "CREATE TABLE " + q + "t (id INT PRIMARY KEY, note VARCHAR(40) DEFAULT 'DEFINER=`x`@`y` is only text')"
                        + " COLLATE utf8mb4_0900_ai_ci",
                "CREATE TABLE " + q + "legacy (id INT PRIMARY KEY) ENGINE=MyISAM",
                "CREATE TABLE " + q + "nopk (a INT)",
                "SET SESSION sql_mode = ''",
                "CREATE TABLE " + q + "shipments (id INT PRIMARY KEY, shipped DATE NOT NULL DEFAULT '0000-00-00')",
                "INSERT INTO " + q + "t (id) VALUES (1), (2)",
                "CREATE DEFINER=`dump_definer`@`%` SQL SECURITY DEFINER VIEW " + q + "v AS SELECT id, note FROM " + q + "t");
        DumpStore store = DumpStores.directory(dir);
        Dump.from(TestEndpoints.of(source)).schemas(s).to(store).threads(1).build().run();

        CompatibilityReport report = CompatibilityCheck.ofDump(store).target(TargetProfile.probe(TestEndpoints.of(target))).build().run();

        Set<Check> found = report.findings().stream().map(Finding::check).collect(Collectors.toCollection(() -> EnumSet.noneOf(Check.class)));
        assertThat(found).containsExactlyInAnyOrder(Check.DEFINERS, Check.NON_INNODB_TABLES, Check.TABLES_WITHOUT_PRIMARY_KEY,
                Check.ZERO_DATES);
        Finding definers = report.findings(Check.DEFINERS).get(0);
        assertThat(definers.severity()).isEqualTo(Severity.WARNING);
        assertThat(definers.objects()).singleElement().asString().contains("VIEW " + s + ".v", "dump_definer@%");
        assertThat(report.findings(Check.TABLES_WITHOUT_PRIMARY_KEY).get(0).objects()).containsExactly(s + ".nopk");
        assertThat(report.findings(Check.ZERO_DATES).get(0).objects()).containsExactly(s + ".shipments DEFAULT '0000-00-00'");
        assertThat(report.warnings()).anyMatch(w -> w.contains("column defaults only"));

        // against the documented Aurora 2 profile the same dump also has an unknown collation and definers that fail
        CompatibilityReport aurora2 = CompatibilityCheck.ofDump(store).target(TargetProfile.AURORA_MYSQL_2).build().run();
        assertThat(aurora2.findings(Check.DEFINERS).get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(aurora2.findings(Check.COLLATIONS).get(0).objects()).containsExactly("utf8mb4_0900_ai_ci");

        // as flagged: loaded as it is, the view exists but cannot be used ...
        Load.into(TestEndpoints.of(target)).from(LoadSources.dump(store)).threads(1).build().run();
        assertThat(selectView(target, s)).isInstanceOf(SQLException.class);
        // ... and with the definer replaced by the loading account it works
        target.execute("DROP DATABASE `" + s + "`", "DROP DATABASE aurora_migrate");
        Load.into(TestEndpoints.of(target)).from(LoadSources.dump(store)).threads(1)
                .transform(Transforms.replaceDefiners(target.user() + "@%")).build().run();
        assertThat(selectView(target, s)).isEqualTo(2);
    }

    /** Rows in the view as the master user, or the exception selecting it threw. */
    private static Object selectView(TestServer target, String schema) throws Exception {
        try (Connection c = TestEndpoints.of(target).connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM `" + schema + "`.v")) {
                rs.next();
                return rs.getInt(1);
            } catch (SQLException e) {
                return e;
            }
        }
    }

}
