package io.github.auroramigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import io.github.auroramigrate.testkit.fidelity.SchemaComparison;
import io.github.auroramigrate.testkit.fidelity.SchemaSnapshot;
import io.github.auroramigrate.testkit.fidelity.TortureSchema;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aurora-migrate plan} runs a plan file end to end, as a person would from two terminals: {@code plan run} (the
 * distribution, in its own process) is suspended by {@code plan suspend} once the load began; {@code plan status} reads
 * the journal; {@code plan resume} goes on to the open rollback window (the target equal to the source, rows and
 * objects); {@code plan rollback} falls back to the source; {@code plan run} again (attempt 2), {@code plan
 * close-window}, and a rollback then refused; {@code --json}, the hooks' order and the exit codes.
 */
class PlanIT {

    @Test
    void aPlanFileRunsSuspendsResumesRollsBackAndCloses(@TempDir Path dir) throws Exception {
        TestServer source = TestServers.shared(ServerKind.MYSQL_80, AuroraProfile.NONE, "plan-source");
        TestServer target = TestServers.shared(ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_3, "plan-target");
        target.execute("SET GLOBAL log_bin_trust_function_creators = 1");
        try (var c = target.connection(); var st = c.createStatement()) {
            st.execute("CALL mysql.rds_set_configuration('binlog retention hours', 24)");
        }
        String db = source.createSchema("cliplan");
        TortureSchema.builder().bigRows(10_000).largeValueBytes(64 * 1024).create(source, db);
        Files.writeString(dir.resolve("target.pw"), target.password());
        Path hooks = dir.resolve("hooks.log");
        String hook = "{command: [sh, -c, 'echo \"$0\" >> " + hooks + "', %s]}";
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, String.join("\n",
                "id: cli-" + db.replace('_', '-'),
                "source: {host: " + source.host() + ", port: " + source.port() + ", user: root, password: '', "
                        + "allowPublicKeyRetrieval: true}",
                "target: {host: " + target.host() + ", port: " + target.port() + ", user: " + target.user()
                        + ", password: '${file:target.pw}', allowPublicKeyRetrieval: true}",
                "schemas: [" + db + "]",
                "transforms: [stripDefiners]",
                "dump: {threads: 2, chunkSize: 16KiB}",
                "load: {threads: 1}",
                "replication: {user: rcli, password: 'Repl-pw-1', heartbeat: 200ms, plannedDuration: 30m}",
                "rollbackWindow: {user: bcli, password: 'Back-pw-1'}",
                "hooks:",
                "  stopWrites: " + String.format(hook, "pause"),
                "  resumeWrites: " + String.format(hook, "resume"),
                "  switchToTarget: " + String.format(hook, "use-target"),
                "  switchToSource: " + String.format(hook, "use-source"),
                "pollInterval: 100ms",
                ""));
        Map<String, String> env = Map.of();
        try {
            Cli.Result checklist = Cli.run(env, "plan", "checklist", file.toString());
            assertThat(checklist.exit()).as("%s", checklist).isZero();
            assertThat(checklist.out()).contains("## Shadow checklist", "| 6 | load |");

            // plan run: the distribution in a process of its own, suspended from here once the load began
            Process run = new ProcessBuilder(Cli.launcher().toString(), "plan", "run", file.toString(), "--json")
                    .directory(dir.toFile()).redirectErrorStream(true).start();
            StringBuilder log = new StringBuilder();
            boolean asked = false;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    log.append(line).append('\n');
                    if (!asked && line.contains("\"step.started\"") && line.contains("\"step\":\"load\"")) {
                        Cli.Result s = Cli.run(env, "plan", "suspend", file.toString());
                        assertThat(s.exit()).as("%s", s).isZero();
                        assertThat(s.out()).contains("asked to suspend");
                        asked = true;
                    }
                }
            }
            assertThat(run.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(run.exitValue()).as(log.toString()).isZero();
            assertThat(asked).as(log.toString()).isTrue();
            assertThat(log).contains("\"event\":\"run.finished\"").contains("SUSPENDED")
                    .doesNotContain("Repl-pw-1", "Back-pw-1", target.password());

            Cli.Result status = Cli.run(env, "plan", "status", file.toString());
            assertThat(status.out()).contains("is SUSPENDED");
            assertThat(Cli.run(env, "plan", "suspend", file.toString()).out()).contains("no process is running it");

            Cli.Result resumed = Cli.run(env, "plan", "resume", file.toString());
            assertThat(resumed.exit()).as("%s", resumed).isZero();
            assertThat(resumed.out()).contains("is WINDOW_OPEN", "| load | ");
            SchemaComparison.compare(SchemaSnapshot.of(source, db), SchemaSnapshot.of(target, db)).assertEqual();
            assertThat(Files.readAllLines(hooks)).containsExactly("pause", "use-target", "resume");

            Cli.Result back = Cli.run(env, "plan", "rollback", file.toString());
            assertThat(back.exit()).as("%s", back).isZero();
            assertThat(back.out()).contains("is ROLLED_BACK");
            assertThat(Files.readAllLines(hooks)).containsExactly("pause", "use-target", "resume", "pause", "use-source",
                    "resume");
            assertThat(target.queryString("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + db
                    + "'")).contains("0");

            Cli.Result again = Cli.run(env, "plan", "run", file.toString());
            assertThat(again.out()).as("%s", again).contains("is WINDOW_OPEN", "(attempt 2)");
            SchemaComparison.compare(SchemaSnapshot.of(source, db), SchemaSnapshot.of(target, db)).assertEqual();
            Cli.Result closed = Cli.run(env, "plan", "close-window", file.toString());
            assertThat(closed.out()).as("%s", closed).contains("is COMPLETED");
            Cli.Result refused = Cli.run(env, "plan", "rollback", file.toString());
            assertThat(refused.exit()).as("%s", refused).isEqualTo(ExitCode.FAILED.code());
            assertThat(refused.out() + refused.err()).contains("ROLLBACK_NOT_POSSIBLE");
            assertThat(Cli.run(env, "plan", "run", dir.resolve("missing.yaml").toString()).exit())
                    .isEqualTo(ExitCode.BAD_INPUT.code());
        } finally {
            for (TestServer s : List.of(source, target)) {
                try (var c = s.rootConnection(); var st = c.createStatement();
                        var rs = st.executeQuery("SHOW REPLICA STATUS")) {
                    if (rs.next()) {
                        s.execute("STOP REPLICA", "RESET REPLICA ALL");
                    }
                }
            }
        }
    }
}
