package io.github.auroramigrate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import io.github.auroramigrate.testkit.fidelity.SchemaComparison;
import io.github.auroramigrate.testkit.fidelity.SchemaSnapshot;
import io.github.auroramigrate.testkit.fidelity.TortureSchema;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan file through the runnable entry point, as the CLI will run it: {@code run} in its own JVM suspended by
 * {@code suspend} from another, {@code status}, {@code resume} to the open rollback window (target equal to the source
 * by SchemaComparison), {@code rollback} (the fallback, then the shadow checklist), {@code run} again (the next
 * attempt), {@code close-window}, and a refused {@code rollback}; {@code --json} and the exit codes.
 */
class PlanCommandIT {
    record Result(int code, String out, String err) {
    }

    static Result command(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = PlanCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aPlanFileRunsSuspendsResumesRollsBackAndCloses(@TempDir Path dir) throws Exception {
        TestServer source = TestServers.shared(ServerKind.MYSQL_80, AuroraProfile.NONE, "source");
        TestServer target = TestServers.shared(ServerKind.MYSQL_80, AuroraProfile.AURORA_MYSQL_3, "");
        target.execute("SET GLOBAL log_bin_trust_function_creators = 1");
        try (var c = target.connection(); var st = c.createStatement()) {
            st.execute("CALL mysql.rds_set_configuration('binlog retention hours', 24)");
        }
        String db = source.createSchema("cmd");
        TortureSchema.builder().bigRows(10_000).largeValueBytes(64 * 1024).create(source, db);
        Files.writeString(dir.resolve("target.pw"), target.password());
        Path hooks = dir.resolve("hooks.log");
        String hook = "{command: [sh, -c, 'echo \"$0\" >> " + hooks + "', %s]}";
        Path file = dir.resolve("plan.yaml");
        Files.writeString(file, String.join("\n",
                "id: cmd-" + db.replace('_', '-'),
                "source: {host: " + source.host() + ", port: " + source.port() + ", user: root, password: '', "
                        + "allowPublicKeyRetrieval: true}",
                "target: {host: " + target.host() + ", port: " + target.port() + ", user: " + target.user()
                        + ", password: '${file:target.pw}', allowPublicKeyRetrieval: true}",
                "schemas: [" + db + "]",
                "transforms: [stripDefiners]",
                "dump: {threads: 2, chunkSize: 16KiB}",
                "load: {threads: 1}",
                "replication: {user: rcmd, password: 'Repl-pw-1', heartbeat: 200ms, plannedDuration: 30m}",
                "rollbackWindow: {user: bcmd, password: 'Back-pw-1'}",
                "hooks:",
                "  stopWrites: " + String.format(hook, "pause"),
                "  resumeWrites: " + String.format(hook, "resume"),
                "  switchToTarget: " + String.format(hook, "use-target"),
                "  switchToSource: " + String.format(hook, "use-source"),
                "pollInterval: 100ms",
                ""));
        try {
            assertThat(command("checklist", file.toString()).out()).contains("## Shadow checklist", "| 6 | load |");
            // run in a JVM of its own; suspend it from here once the load began
            Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), PlanCommand.class.getName(), "run", file.toString())
                    .redirectErrorStream(true).start();
            StringBuilder log = new StringBuilder();
            boolean asked = false;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    log.append(line).append('\n');
                    if (!asked && line.contains("step load starts")) {
                        Result s = command("suspend", file.toString());
                        assertThat(s.code()).isZero();
                        assertThat(s.out()).contains("asked to suspend");
                        asked = true;
                    }
                }
            }
            assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as(log.toString()).isZero();
            assertThat(asked).as(log.toString()).isTrue();
            assertThat(log).contains("STATE SUSPENDED");
            Result status = command("status", file.toString(), "--json");
            assertThat(status.out()).contains("\"state\" : \"SUSPENDED\"").doesNotContain("Repl-pw-1", "Back-pw-1",
                    target.password());
            assertThat(command("suspend", file.toString()).out()).contains("no process is running it");

            Result resumed = command("resume", file.toString());
            assertThat(resumed.code()).as(resumed.err()).isZero();
            assertThat(resumed.out()).contains("STATE WINDOW_OPEN", "| load | ", "suspended ", " on request");
            SchemaComparison.compare(SchemaSnapshot.of(source, db), SchemaSnapshot.of(target, db)).assertEqual();
            assertThat(Files.readAllLines(hooks)).containsExactly("pause", "use-target", "resume");

            Result back = command("rollback", file.toString());
            assertThat(back.code()).as(back.err()).isZero();
            assertThat(back.out()).contains("STATE ROLLED_BACK", "fell back");
            assertThat(Files.readAllLines(hooks)).containsExactly("pause", "use-target", "resume", "pause", "use-source",
                    "resume");
            assertThat(target.queryString("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + db
                    + "'")).contains("0");

            Result again = command("run", file.toString());
            assertThat(again.out()).as(again.err()).contains("STATE WINDOW_OPEN", "(attempt 2)");
            Result closed = command("close-window", file.toString());
            assertThat(closed.out()).contains("STATE COMPLETED");
            Result refused = command("rollback", file.toString());
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("ROLLBACK_NOT_POSSIBLE");
            assertThat(command("frobnicate", file.toString()).code()).isEqualTo(2);
            assertThat(command("run", dir.resolve("missing.yaml").toString()).code()).isEqualTo(2);
        } finally {
            for (TestServer s : List.of(source, target)) {
                try (var c = s.rootConnection(); var st = c.createStatement(); var rs = st.executeQuery("SHOW REPLICA STATUS")) {
                    if (rs.next()) {
                        s.execute("STOP REPLICA", "RESET REPLICA ALL");
                    }
                }
            }
        }
    }
}
