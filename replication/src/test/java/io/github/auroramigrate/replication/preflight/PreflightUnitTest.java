package io.github.auroramigrate.replication.preflight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.diagnose.Diagnosis;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.replication.ReplicationException;
import io.github.auroramigrate.replication.internal.ServerFacts;
import io.github.auroramigrate.replication.internal.SqlStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PreflightUnitTest {
    @Test
    void retentionStatementsPerServer() {
        Duration d = Duration.ofHours(30).plusMinutes(1);
        assertThat(BinlogRetention.statements(ServerFacts.ofVersion("8.0.31"), d)).extracting(SqlStatement::sql)
                .containsExactly("SET GLOBAL binlog_expire_logs_seconds = " + d.toSeconds());
        assertThat(BinlogRetention.statements(ServerFacts.ofVersion("5.7.22"), d)).extracting(SqlStatement::sql)
                .containsExactly("SET GLOBAL expire_logs_days = 2");
        assertThat(BinlogRetention.statements(ServerFacts.ofVersion("11.4.5-MariaDB"), d)).extracting(SqlStatement::sql)
                .containsExactly("SET GLOBAL binlog_expire_logs_seconds = " + d.toSeconds());
        ServerFacts rds = ServerFacts.ofVersion("8.0.31").withRds(Map.of("rds_set_external_source", 7), Set.of("SELECT"));
        SqlStatement s = BinlogRetention.statements(rds, d).get(0);
        assertThat(s.sql()).isEqualTo("CALL mysql.rds_set_configuration('binlog retention hours', ?)");
        assertThat(s.params()).containsExactly(31L);
    }

    @Test
    void reportThrowsFirstFailureNamingTheOthers() {
        PreflightReport r = new PreflightReport(List.of(
                PreflightCheck.ok("log_bin", "ON"),
                PreflightCheck.fail("binlog_format", "STATEMENT", Diagnosis.of(DiagnosisCode.BINLOG_FORMAT_NOT_ROW, "x")),
                PreflightCheck.fail("binlog retention", "1h", Diagnosis.of(DiagnosisCode.BINLOG_RETENTION_TOO_SHORT, "y"))),
                Duration.ofHours(2), Optional.of(Duration.ofHours(1)), 10, 72000);
        assertThat(r.passed()).isFalse();
        assertThat(r.failures()).extracting(Diagnosis::code).containsExactly(DiagnosisCode.BINLOG_FORMAT_NOT_ROW,
                DiagnosisCode.BINLOG_RETENTION_TOO_SHORT);
        assertThatThrownBy(r::throwIfFailed).isInstanceOfSatisfying(ReplicationException.class, e -> {
            assertThat(e.code()).isEqualTo(DiagnosisCode.BINLOG_FORMAT_NOT_ROW);
            assertThat(e.diagnosis().remedy()).contains("BINLOG_RETENTION_TOO_SHORT");
        });
        assertThatThrownBy(() -> PreflightCheck.ok("x", "y").failure().orElseThrow())
                .isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> new PreflightCheck("x", false, "d", Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderValidates() {
        assertThatThrownBy(() -> SourcePreflight.of(null)).isInstanceOf(NullPointerException.class);
        Endpoint e = Endpoint.builder().host("h").user("u").build();
        assertThatThrownBy(() -> SourcePreflight.of(e).plannedDuration(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourcePreflight.of(e).growthSample(Duration.ofSeconds(-1)).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SourcePreflight.of(e).plannedDuration(null).build())
                .isInstanceOf(NullPointerException.class);
        // build() validates without connecting: nothing listens on host "h"
        assertThat(SourcePreflight.of(e).plannedDuration(Duration.ofHours(1)).build()).isNotNull();
    }
}
