package io.github.auroramigrate.replication.cutover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.replication.Replication;
import io.github.auroramigrate.replication.ReplicationUser;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CutOverBuilderTest {
    final Endpoint target = Endpoint.builder().host("127.0.0.1").user("root").build();
    final Endpoint source = Endpoint.builder().host("127.0.0.2").user("root").build();

    @Test
    void validatesAtBuild() {
        try (Replication withSource = Replication.of(target).source(source, ReplicationUser.of("r", "p")).build();
                Replication without = Replication.of(target).build()) {
            CutOverHook noop = () -> { };
            assertThatThrownBy(() -> CutOver.of(null)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> CutOver.of(withSource).stopWrites(noop).build())
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> CutOver.of(withSource).switchApplications(noop).build())
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> CutOver.of(withSource).stopWrites(noop).readOnlySource()
                    .switchApplications(noop).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CutOver.of(withSource).stopWrites(noop).switchApplications(noop)
                    .catchUpTimeout(Duration.ZERO).build()).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> CutOver.of(without).stopWrites(noop).switchApplications(noop)
                    .build()).isInstanceOf(IllegalArgumentException.class);
            assertThat(CutOver.of(withSource).readOnlySource().switchApplications(noop).build())
                    .isNotNull();
            Verify verify = Verify.between(source, target).schemas("shop").build();
            assertThatThrownBy(() -> CutOver.of(withSource).readOnlySource().switchApplications(noop).verify(verify)
                    .verifier(() -> new Verification(true, "ok")).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exclusive");
            assertThat(CutOver.of(withSource).readOnlySource().switchApplications(noop).verify(verify).build())
                    .isNotNull();
        }
    }

    @Test
    void reportDescribesSteps() {
        CutOverReport r = new CutOverReport(List.of(
                new StepResult(CutOverStep.STOP_WRITES, StepResult.Outcome.SUCCEEDED, Duration.ofMillis(5), "hook"),
                new StepResult(CutOverStep.VERIFY, StepResult.Outcome.SKIPPED, Duration.ZERO, "no verifier")),
                true, Optional.of(new BinlogPosition("b.000001", 99)), Optional.empty(), false, Duration.ofSeconds(1),
                Duration.ofMillis(900), Optional.empty());
        assertThat(r.step(CutOverStep.VERIFY)).map(StepResult::outcome).contains(StepResult.Outcome.SKIPPED);
        assertThat(r.step(CutOverStep.CATCH_UP)).isEmpty();
        assertThat(r.describe()).contains("SUCCEEDED", "STOP_WRITES", "no verifier");
        assertThat(r.toString()).isEqualTo(r.describe()).doesNotContain("PT").doesNotContain("Optional")
                .containsPattern(" in [0-9.]+ (ms|s)");
    }
}
