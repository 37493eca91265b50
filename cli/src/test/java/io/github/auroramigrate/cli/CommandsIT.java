package io.github.auroramigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import io.github.auroramigrate.testkit.fidelity.SchemaComparison;
import io.github.auroramigrate.testkit.fidelity.SchemaSnapshot;
import io.github.auroramigrate.testkit.fidelity.TortureSchema;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command against real servers (a MySQL 8.0 source, an Aurora-like MySQL 3 target), run in this JVM with
 * {@code --json}: what each does to the servers, its events, and its exit code, including a verification that finds a
 * difference (3), a wrong password (1, diagnosed, the password never shown), a pre-check that would fail (5) and bad
 * input (2).
 */
@ExtendWith(TestServersExtension.class)
class CommandsIT {

    private static Map<String, String> env(TestServer source, TestServer target) {
        return Map.of("AURORA_MIGRATE_SOURCE_PASSWORD", source.password(), "AURORA_MIGRATE_TARGET_PASSWORD", target.password());
    }

    private static void sample(TestServer source, TestServer target, String schema, int rows) {
        source.execute("DROP DATABASE IF EXISTS " + schema, "CREATE DATABASE " + schema, "SET SESSION cte_max_recursion_depth = 1000000",
                "CREATE TABLE " + schema + ".t (id INT PRIMARY KEY, v VARCHAR(40), d DATETIME(3))",
                "INSERT INTO " + schema + ".t WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < " + rows
                        + ") SELECT i, CONCAT('row ', i), '2024-01-01 00:00:00' + INTERVAL i SECOND FROM n");
        target.execute("DROP DATABASE IF EXISTS " + schema);
    }

    @Test
    void copyMovesTheTortureSchemaExactly(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target) {
        String schema = "cmd_copy";
        TortureSchema.create(source, schema);
        target.execute("DROP DATABASE IF EXISTS " + schema, "SET GLOBAL log_bin_trust_function_creators = 1");

        Cli.Result r = Cli.run(env(source, target), "copy", "--json", "--source", Cli.address(source), "--target",
                Cli.address(target), "--schemas", schema, "--transform", "strip-definers", "--verify");

        SchemaComparison.builder().build().diff(SchemaSnapshot.of(source, schema), SchemaSnapshot.of(target, schema)).assertEqual();
        Cli.Result v = Cli.run(env(source, target), "verify", "--json", "--source", Cli.address(source), "--target",
                Cli.address(target), "--schemas", schema, "--transform", "strip-definers");
        assertThat(v.exit()).as("verify alone: %s", v.events("verify.difference")).isZero();
        assertThat(r.exit()).as("%s", r).isZero();
        assertThat(v.events("verify.finished")).singleElement().satisfies(e -> assertThat(e.path("ok").asBoolean()).isTrue());
        assertThat(r.events("dump.chunk")).anySatisfy(e -> assertThat(e.path("dataBytes").asLong()).isGreaterThan(1 << 20));
    }

    @Test
    void dumpLoadVerifyAndADifferenceExitsWith3(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target, @TempDir Path tmp) {
        String schema = "cmd_dump";
        sample(source, target, schema, 3000);
        Map<String, String> env = env(source, target);
        Path dir = tmp.resolve("dump");

        Cli.Result plan = Cli.run(env, "dump", "--dry-run", "--source", Cli.address(source), "--schemas", schema, "--to",
                dir.toString());
        assertThat(plan.exit()).as("%s", plan).isZero();
        assertThat(plan.out()).contains("dump plan", "cmd_dump.t: ~", "dump PLANNED", "nothing was locked or written");
        assertThat(dir.resolve("manifest.json")).doesNotExist();

        Cli.Result dump = Cli.run(env, "dump", "--json", "--source", Cli.address(source), "--schemas", schema, "--to",
                dir.toString(), "--chunk-size", "16KiB");
        assertThat(dump.exit()).as("%s", dump).isZero();
        assertThat(dump.events("dump.finished").get(0).path("rows").asLong()).isEqualTo(3000);
        assertThat(dump.events("dump.chunk")).hasSizeGreaterThan(1);

        Cli.Result load = Cli.run(env, "load", "--json", "--target", Cli.address(target), "--from", dir.toString(), "--verify");
        assertThat(load.exit()).as("%s", load).isZero();
        assertThat(load.events("load.chunk")).hasSize(dump.events("dump.chunk").size());
        SchemaComparison.compare(SchemaSnapshot.of(source, schema), SchemaSnapshot.of(target, schema)).assertEqual();

        Cli.Result again = Cli.run(env, "load", "--json", "--target", Cli.address(target), "--from", dir.toString());
        assertThat(again.exit()).isZero();
        assertThat(again.events("load.finished").get(0).path("chunksLoaded").asInt()).as("a rerun loads nothing twice").isZero();

        target.execute("DELETE FROM " + schema + ".t WHERE id = 1234");
        Cli.Result verify = Cli.run(env, "verify", "--json", "--source", Cli.address(source), "--target", Cli.address(target),
                "--schemas", schema);
        assertThat(verify.exit()).as("%s", verify).isEqualTo(ExitCode.VERIFY_FAILED.code()).isEqualTo(3);
        assertThat(verify.events("verify.difference")).isNotEmpty();
        assertThat(verify.events("run.finished").get(0).path("outcome").asText()).isEqualTo("DIFFERENT");
        Cli.Result human = Cli.run(env, "verify", "--source", Cli.address(source), "--target", Cli.address(target), "--schemas", schema);
        assertThat(human.exit()).isEqualTo(3);
        assertThat(human.out()).contains("verify DIFFERENT", "cmd_dump.t", "(exit 3 VERIFY_FAILED)");
    }

    @Test
    void aWrongPasswordIsDiagnosedWithoutShowingIt(@Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3)
            TestServer target) {
        String wrong = "Not-The-Password-42";
        Cli.Result r = Cli.run(Map.of("AURORA_MIGRATE_TARGET_PASSWORD", wrong), "probe", "--target", Cli.address(target));

        assertThat(r.exit()).as("%s", r).isEqualTo(ExitCode.FAILED.code());
        assertThat(r.out()).contains("[ACCESS_DENIED_BAD_PASSWORD]", "Access denied", target.user() + "@" + target.host(),
                "what to do:", "retry:      will not help until the cause is fixed");
        assertThat(r.out() + r.err()).doesNotContain(wrong);

        Cli.Result json = Cli.run(Map.of("AURORA_MIGRATE_TARGET_PASSWORD", wrong), "probe", "--json", "--target", Cli.address(target));
        assertThat(json.events("run.failed")).singleElement().satisfies(e -> {
            assertThat(e.path("code").asText()).isEqualTo("ACCESS_DENIED_BAD_PASSWORD");
            assertThat(e.path("retryable").asBoolean()).isFalse();
        });
        assertThat(json.err()).contains("ACCESS_DENIED_BAD_PASSWORD").doesNotContain(wrong);
        assertThat(json.out()).doesNotContain(wrong);
    }

    @Test
    void checkAgainstAurora2ExitsWith5AndBadInputWith2(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target) {
        String schema = "cmd_check";
        sample(source, target, schema, 10);
        source.execute("CREATE DEFINER=`root`@`localhost` VIEW " + schema + ".v AS SELECT id FROM " + schema + ".t");

        Cli.Result r = Cli.run(env(source, target), "check", "--json", "--source", Cli.address(source), "--schemas", schema,
                "--target-profile", "aurora-mysql-2");
        assertThat(r.exit()).as("%s", r).isEqualTo(5);
        assertThat(r.events("check.finding").stream().map(e -> e.path("severity").asText() + " " + e.path("check").asText()))
                .contains("ERROR DEFINERS", "ERROR COLLATIONS");

        assertThat(Cli.run(Map.of(), "probe", "--source", "root:secret@127.0.0.1:3306").exit()).isEqualTo(2);
        assertThat(Cli.run(Map.of(), "dump", "--nope").exit()).isEqualTo(2);
        Cli.Result pattern = Cli.run(env(source, target), "dump", "--source", Cli.address(source), "--schemas", "no_such_schema%",
                "--to", "/tmp/never");
        assertThat(pattern.exit()).as("%s", pattern).isEqualTo(2);
        assertThat(pattern.out()).contains("INVALID_INPUT", "no_such_schema%");
    }

    @Test
    void aSqlFileLoadsWithProgressAndTransformWritesAFile(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target, @TempDir Path tmp)
            throws Exception {
        String schema = "cmd_sql";
        target.execute("DROP DATABASE IF EXISTS " + schema);
        StringBuilder sql = new StringBuilder("CREATE DATABASE " + schema + ";\nUSE " + schema + ";\n"
                + "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(40));\n"
                + "CREATE DEFINER=`someone`@`%` VIEW v AS SELECT id FROM t;\n");
        for (int i = 1; i <= 2000; i++) {
            sql.append("INSERT INTO t VALUES (").append(i).append(", 'row ").append(i).append("');\n");
        }
        Path file = tmp.resolve("shop.sql.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(file))) {
            o.write(sql.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Path stripped = tmp.resolve("stripped.sql.gz");
        Cli.Result t = Cli.run(Map.of(), "transform", file.toString(), stripped.toString(), "--transform", "strip-definers");
        assertThat(t.exit()).as("%s", t).isZero();

        Cli.Result r = Cli.run(env(source, target), "load", "--json", "--target", Cli.address(target), "--sql-file", stripped.toString());

        assertThat(r.exit()).as("%s", r).isZero();
        assertThat(target.queryString("SELECT COUNT(*) FROM " + schema + ".t")).hasValue("2000");
        assertThat(target.queryString("SELECT DEFINER FROM information_schema.VIEWS WHERE TABLE_SCHEMA = '" + schema + "'"))
                .hasValue(target.user() + "@%");
        List<JsonNode> script = r.events("load.script");
        assertThat(script).isNotEmpty();
        JsonNode last = script.get(script.size() - 1);
        assertThat(last.path("finished").asBoolean()).isTrue();
        assertThat(last.path("bytesRead").asLong()).isEqualTo(Files.size(stripped)).isEqualTo(last.path("bytesTotal").asLong());
        assertThat(last.path("rows").asLong()).isEqualTo(2000);
    }

    @Test
    void replicateStartStatusWaitThenCutOver(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target, @TempDir Path tmp)
            throws Exception {
        String schema = "cmd_repl";
        sample(source, target, schema, 500);
        Map<String, String> env = new java.util.HashMap<>(env(source, target));
        env.put("AURORA_MIGRATE_REPLICATION_PASSWORD", "Repl-Cmd-pw-9");
        Path dir = tmp.resolve("dump");
        assertThat(Cli.run(env, "dump", "--source", Cli.address(source), "--schemas", schema, "--to", dir.toString()).exit()).isZero();
        assertThat(Cli.run(env, "load", "--target", Cli.address(target), "--from", dir.toString()).exit()).isZero();
        source.execute("INSERT INTO " + schema + ".t VALUES (100001, 'after the dump', NOW())");

        Cli.Result start = Cli.run(env, "replicate", "start", "--json", "--source", Cli.address(source), "--target",
                Cli.address(target), "--from-dump", dir.toString(), "--replication-user", "cmd_repl");
        assertThat(start.exit()).as("%s", start).isZero();
        Cli.Result wait = Cli.run(env, "replicate", "wait", "--json", "--source", Cli.address(source), "--target",
                Cli.address(target), "--replication-user", "cmd_repl", "--timeout", "2m");
        assertThat(wait.exit()).as("%s", wait).isZero();
        assertThat(target.queryString("SELECT v FROM " + schema + ".t WHERE id = 100001")).hasValue("after the dump");
        Cli.Result status = Cli.run(env, "replicate", "status", "--json", "--target", Cli.address(target));
        assertThat(status.exit()).as("%s", status).isZero();
        assertThat(status.events("replication.status").get(0).path("running").asBoolean()).isTrue();

        Cli.Result cut = Cli.run(env, "cutover", "--json", "--source", Cli.address(source), "--target", Cli.address(target),
                "--replication-user", "cmd_repl", "--schemas", schema, "--stop-writes", "true", "--switch",
                "touch " + tmp.resolve("switched"));
        assertThat(cut.exit()).as("%s", cut).isZero();
        assertThat(tmp.resolve("switched")).exists();
        SchemaComparison.compare(SchemaSnapshot.of(source, schema), SchemaSnapshot.of(target, schema)).assertEqual();
        Cli.Result after = Cli.run(env, "replicate", "status", "--json", "--target", Cli.address(target));
        assertThat(after.events("replication.status").get(0).path("running").asBoolean()).as("the cut-over stopped it").isFalse();
        assertThat(Cli.run(env, "replicate", "stop", "--target", Cli.address(target), "--reset").exit()).isZero();
    }

    @Test
    void optionsComeFromAConfigFileAndTheEnvironmentAndEveryCommandShowsAnExample(@TempDir Path tmp) throws Exception {
        Path config = Files.writeString(tmp.resolve("m.properties"), "source = root@127.0.0.1:1\n");
        Cli.Result fromFile = Cli.run(Map.of(), "probe", "--json", "--config", config.toString());
        assertThat(fromFile.exit()).as("%s", fromFile).isEqualTo(ExitCode.RETRYABLE.code());
        assertThat(fromFile.events("run.failed").get(0).path("where").asText()).isEqualTo("root@127.0.0.1:1");
        Cli.Result fromEnv = Cli.run(Map.of("AURORA_MIGRATE_CONFIG", config.toString(), "AURORA_MIGRATE_SOURCE", "other@127.0.0.1:2"),
                "probe", "--json");
        assertThat(fromEnv.events("run.failed").get(0).path("where").asText()).as("the environment over the file")
                .isEqualTo("other@127.0.0.1:2");
        Cli.Result flag = Cli.run(Map.of("AURORA_MIGRATE_SOURCE", "other@127.0.0.1:2"), "probe", "--json", "--source", "third@127.0.0.1:3");
        assertThat(flag.events("run.failed").get(0).path("where").asText()).as("the command line over both").isEqualTo("third@127.0.0.1:3");
        Path leaky = Files.writeString(tmp.resolve("leaky.properties"), "source = root@h\nsource-password = hunter2\n");
        Cli.Result refused = Cli.run(Map.of(), "probe", "--config", leaky.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("holds a password (source-password)").doesNotContain("hunter2");

        for (String command : List.of("probe", "check", "dump", "load", "copy", "verify", "migrate", "transform", "report",
                "cutover", "replicate start", "replicate status", "replicate wait", "replicate stop")) {
            List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
            args.add("--help");
            Cli.Result help = Cli.run(Map.of(), args.toArray(String[]::new));
            assertThat(help.exit()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: aurora-migrate " + command, "Example:%n  aurora-migrate ".formatted() + command + " ");
        }
    }

    @Test
    void reportRendersAgainFromEvents(@TempDir Path tmp) throws Exception {
        Cli.Result codes = Cli.run(Map.of(), "exit-codes");
        assertThat(codes.out()).contains("   3  VERIFY_FAILED", "   4  RETRYABLE", " 130  INTERRUPTED");
        Path events = tmp.resolve("events.jsonl");
        Cli.Result probe = Cli.run(Map.of(), "probe", "--json", "--source", "root@127.0.0.1:1");
        assertThat(probe.exit()).isEqualTo(ExitCode.RETRYABLE.code());
        Files.writeString(events, probe.out());
        Cli.Result r = Cli.run(Map.of(), "report", events.toString());
        assertThat(r.exit()).as("%s", r).isZero();
        assertThat(Files.readString(tmp.resolve("report.md"))).contains("# aurora-migrate probe: FAILED", "CANNOT_CONNECT");
        assertThat(Files.readString(tmp.resolve("report.html"))).contains("CANNOT_CONNECT", "new Chart(");
    }
}
