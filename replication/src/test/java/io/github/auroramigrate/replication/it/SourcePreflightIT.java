package io.github.auroramigrate.replication.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.replication.ReplicationUser;
import io.github.auroramigrate.replication.preflight.BinlogRetention;
import io.github.auroramigrate.replication.preflight.PreflightReport;
import io.github.auroramigrate.replication.preflight.SourcePreflight;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pre-flight on real sources: each failure provoked and diagnosed, then fixed. */
@ExtendWith(TestServersExtension.class)
class SourcePreflightIT {

    @Test
    void healthySourcePassesAndMeasuresGrowth(@Server(value = ServerKind.MYSQL_80, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer tgt) throws Exception {
        Endpoint source = Fixtures.rootEndpoint(src);
        ReplicationUser user = ReplicationUser.create(source, "repl", "Repl-pw-1", Fixtures.endpoint(tgt));
        String db = src.createSchema("pf");
        src.execute("CREATE TABLE `" + db + "`.t (id INT AUTO_INCREMENT PRIMARY KEY, pad VARCHAR(200))");
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                src.execute("INSERT INTO `" + db + "`.t (pad) VALUES (REPEAT('x', 200))");
                Fixtures.sleep(5);
            }
        });
        writer.start();
        PreflightReport r = SourcePreflight.of(source).target(Fixtures.endpoint(tgt))
                .replicationUser(user).plannedDuration(Duration.ofMinutes(30)).growthSample(Duration.ofMillis(500))
                .build().run();
        writer.join();
        assertThat(r.failures()).isEmpty();
        assertThat(r.passed()).isTrue();
        assertThat(r.checks()).extracting(c -> c.name()).contains("log_bin", "binlog_format", "server_id",
                "binlog retention", "replication user", "replication user plugin");
        assertThat(r.growthBytesPerSecond()).isPositive();
        assertThat(r.estimatedBinlogBytes()).isGreaterThan((long) r.growthBytesPerSecond() * 1700);
        assertThat(r.retention()).contains(Duration.ofHours(1)); // the testkit's binlog_expire_logs_seconds
        // the same source for a longer migration: the 1-hour retention is diagnosed
        PreflightReport longer = SourcePreflight.of(source).plannedDuration(Duration.ofHours(6))
                .growthSample(Duration.ZERO).build().run();
        assertThat(longer.failures()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.BINLOG_RETENTION_TOO_SHORT);
        assertThat(longer.failures().get(0).remedy()).contains("SET GLOBAL binlog_expire_logs_seconds = 21600");
    }

    @Test
    void eachFailureIsDiagnosed(@Server(value = ServerKind.MYSQL_57, role = "source") TestServer src,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer aurora) {
        Endpoint source = Fixtures.rootEndpoint(src);
        src.execute("CREATE USER IF NOT EXISTS 'weak'@'%' IDENTIFIED BY 'Weak-pw-1'", "GRANT SELECT ON *.* TO 'weak'@'%'");
        String before = src.queryString("SELECT @@GLOBAL.expire_logs_days").orElseThrow();
        try {
            src.execute("SET GLOBAL binlog_format = 'STATEMENT'");
            PreflightReport r = SourcePreflight.of(source).target(Fixtures.endpoint(aurora))
                    .replicationUser(ReplicationUser.of("weak", "Weak-pw-1")).plannedDuration(Duration.ofHours(48))
                    .growthSample(Duration.ZERO).build().run();
            assertThat(r.passed()).isFalse();
            assertThat(r.failures()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.BINLOG_FORMAT_NOT_ROW,
                    DiagnosisCode.BINLOG_RETENTION_TOO_SHORT, DiagnosisCode.REPLICATION_PRIVILEGE_MISSING);
            assertThat(r.check("binlog retention").orElseThrow().failure().orElseThrow().remedy())
                    .contains("SET GLOBAL expire_logs_days = 2");

            // the fixes
            src.execute("SET GLOBAL binlog_format = 'ROW'");
            assertThat(BinlogRetention.ensureAtLeast(source, Duration.ofHours(48))).contains(Duration.ofDays(2));
            src.execute("GRANT REPLICATION SLAVE ON *.* TO 'weak'@'%'");
            PreflightReport fixed = SourcePreflight.of(source).replicationUser(ReplicationUser.of("weak", "x"))
                    .plannedDuration(Duration.ofHours(48)).growthSample(Duration.ZERO).build().run();
            assertThat(fixed.failures()).isEmpty();
        } finally {
            src.execute("SET GLOBAL binlog_format = 'ROW'", "SET GLOBAL expire_logs_days = " + before,
                    "DROP USER IF EXISTS 'weak'@'%'");
        }
    }

    @Test
    void rdsRetentionThroughTheProcedures(
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer aurora) {
        Endpoint master = Fixtures.endpoint(aurora);
        try {
            // Aurora's default: 'binlog retention hours' NULL, i.e. purge as soon as possible
            PreflightReport r = SourcePreflight.of(master).plannedDuration(Duration.ofHours(12))
                    .growthSample(Duration.ZERO).build().run();
            assertThat(r.retention()).contains(Duration.ZERO);
            assertThat(r.failures()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.BINLOG_RETENTION_TOO_SHORT);
            assertThat(r.failures().get(0).remedy())
                    .contains("CALL mysql.rds_set_configuration('binlog retention hours', 12)");

            Optional<Duration> kept = BinlogRetention.ensureAtLeast(master, Duration.ofHours(12));
            assertThat(kept).contains(Duration.ofHours(12));
            assertThat(aurora.queryString("SELECT @@GLOBAL.binlog_expire_logs_seconds")).contains("43200");
            assertThat(SourcePreflight.of(master).plannedDuration(Duration.ofHours(12))
                    .growthSample(Duration.ZERO).build().run().passed()).isTrue();
        } finally {
            aurora.execute("UPDATE mysql.rds_configuration SET value = NULL WHERE name = 'binlog retention hours'");
        }
    }

    /**
     * Aurora as a binlog source (reverse replication in a rollback window): its binary log follows the cluster
     * parameter group's binlog_format, which the Aurora-like profile emulates as ROW; a group that sets MIXED is
     * emulated here by root, and the pre-flight says where to fix it.
     */
    @Test
    void auroraAsASourceIsToldToSetBinlogFormatInItsParameterGroup(
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer aurora) {
        Endpoint master = Fixtures.endpoint(aurora);
        try {
            aurora.execute("SET GLOBAL binlog_format = 'MIXED'");
            PreflightReport r = SourcePreflight.of(master).plannedDuration(Duration.ofHours(1))
                    .growthSample(Duration.ZERO).build().run();
            Diagnosis d = r.check("binlog_format").orElseThrow().failure().orElseThrow();
            assertThat(d.code()).isEqualTo(DiagnosisCode.BINLOG_FORMAT_NOT_ROW);
            assertThat(d.remedy()).contains("DB cluster parameter group", "reboot the writer");
        } finally {
            aurora.execute("SET GLOBAL binlog_format = 'ROW'");
        }
    }
}
