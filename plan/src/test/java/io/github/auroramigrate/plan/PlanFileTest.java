package io.github.auroramigrate.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan file: a full example read into a plan; each kind of mistake refused with the key's path. */
class PlanFileTest {
    static final String EXAMPLE = String.join("\n",
            "id: shop-to-aurora",
            "source: {host: 10.0.0.5, port: 3306, user: root, password: '${file:source.pw}'}",
            "target: {host: aurora.example, user: master, password: 's3cret-T', tls: required}",
            "schemas: [shop]",
            "transforms: [stripDefiners, forceInnoDb]",
            "dump: {threads: 4, chunkSize: 64MiB, compression: zstd}",
            "load: {threads: 2}",
            "replication: {user: repl, password: 'Repl-pw-9', heartbeat: 500ms, catchUpTimeout: 2h, plannedDuration: 1d}",
            "guardrails: {maxLag: 2s, maxTransactionAge: 30s, guardWait: 5m, maxWriteDowntime: 45s}",
            "rollbackWindow: {user: repl_back, password: 'Back-pw-9', keepOpenFor: 24h}",
            "onRollback: {target: keep, deleteDump: true}",
            "hooks:",
            "  stopWrites: {command: [./app.sh, pause], timeout: 2m}",
            "  resumeWrites: {command: [./app.sh, resume]}",
            "  switchToTarget: {command: [./app.sh, use, target], env: {APP: shop}}",
            "  switchToSource: {sql: ['SET GLOBAL read_only = OFF'], on: source}",
            "steps:",
            "  - probe",
            "  - precheck",
            "  - replication-user",
            "  - preflight",
            "  - dump",
            "  - load",
            "  - replicate",
            "  - catch-up",
            "  - {name: smoke test, run: {command: [./smoke.sh]}}",
            "  - cut-over",
            "  - close-rollback-window",
            "");

    static Path write(Path dir, String text) throws Exception {
        Files.writeString(dir.resolve("source.pw"), "Src-pw-9\n");
        Path f = dir.resolve("shop.plan.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void theExampleReadsIntoAPlan(@TempDir Path dir) throws Exception {
        Plan plan = Plan.fromFile(write(dir, EXAMPLE)).build();
        assertThat(plan.id()).isEqualTo("shop-to-aurora");
        assertThat(plan.steps()).extracting(PlanStep::name).containsExactly("probe", "precheck", "replication-user",
                "preflight", "dump", "load", "replicate", "catch-up", "smoke test", "cut-over", "close-rollback-window");
        assertThat(plan.journal()).isEqualTo(dir.resolve("shop-to-aurora.journal").toAbsolutePath().toString());
        assertThat(plan.status().state()).isEqualTo(PlanState.NEW);
        String checklist = plan.checklist();
        assertThat(checklist).contains("| 9 | smoke test | Hook: command ./smoke.sh |", "continues",
                "## Shadow checklist", "| 10 | cut-over | fall back");
        // no secret anywhere a person or a log sees
        assertThat(plan.toString() + checklist).doesNotContain("Src-pw-9", "s3cret-T", "Repl-pw-9", "Back-pw-9");
    }

    @Test
    void eachMistakeIsNamed(@TempDir Path dir) throws Exception {
        List<String[]> cases = List.of(
                new String[] {EXAMPLE.replace("maxLag: 2s", "maxLagg: 2s"), "unknown key 'guardrails.maxLagg'"},
                new String[] {EXAMPLE.replace("catchUpTimeout: 2h", "catchUpTimeout: soon"), "replication.catchUpTimeout"},
                new String[] {EXAMPLE.replace("  - dump\n", "  - dumpp\n"), "unknown step 'dumpp'"},
                new String[] {EXAMPLE.replace("[stripDefiners, forceInnoDb]", "[stripDefiner]"), "unknown transform 'stripDefiner'"},
                new String[] {EXAMPLE.replace("'${file:source.pw}'", "'${env:AURORA_PLAN_TEST_UNSET}'"),
                    "source.password: the environment variable AURORA_PLAN_TEST_UNSET is not set"},
                new String[] {EXAMPLE.replace("schemas: [shop]\n", ""), "missing key 'schemas'"},
                new String[] {EXAMPLE.replace("{command: [./app.sh, pause], timeout: 2m}", "{timeout: 2m}"),
                    "hooks.stopWrites: give either command or sql"},
                new String[] {EXAMPLE.replace("on: source", "on: elsewhere"), "hooks.switchToSource.on must be source or target"});
        for (String[] c : cases) {
            assertThatThrownBy(() -> Plan.fromFile(write(dir, c[0])).build()).as(c[1])
                    .isInstanceOfSatisfying(MigrationException.class, e -> {
                        assertThat(e.code()).isEqualTo(DiagnosisCode.INVALID_INPUT);
                        assertThat(e.getMessage()).contains(c[1]);
                    });
        }
        assertThatThrownBy(() -> Plan.fromFile(dir.resolve("nope.yaml"))).isInstanceOfSatisfying(MigrationException.class,
                e -> assertThat(e.code()).isEqualTo(DiagnosisCode.FILE_NOT_FOUND));
    }

    @Test
    void theBuilderRefusesWhatCannotRun(@TempDir Path dir) throws Exception {
        Plan.Builder noHooks = Plan.fromFile(write(dir, EXAMPLE.replaceAll("(?s)hooks:.*?steps:", "steps:")));
        assertThatThrownBy(noHooks::build).isInstanceOf(NullPointerException.class).hasMessageContaining("stopWrites");
        Plan.Builder b = Plan.fromFile(write(dir, EXAMPLE));
        assertThatThrownBy(() -> b.id("no spaces allowed").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.id("ok").steps(List.of(Steps.dump(), Steps.dump())).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two steps are named 'dump'");
    }
}
