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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's {@code aurora-migrate migrate} moves the torture schema from MySQL 8.0 into an Aurora-like MySQL 3
 * target through replication and a verified cut-over with a command hook: the target ends EQUAL to the source by the
 * test oracle, the {@code --json} stream is one versioned event per line telling every step, the report is written,
 * and no password shows anywhere.
 */
@ExtendWith(TestServersExtension.class)
class MigrateIT {

    /** @return how many pixels are within a small distance of {@code rgb} */
    static long pixels(java.awt.image.BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int d = Math.abs((p >> 16 & 0xff) - (rgb >> 16 & 0xff)) + Math.abs((p >> 8 & 0xff) - (rgb >> 8 & 0xff))
                        + Math.abs((p & 0xff) - (rgb & 0xff));
                if (d < 24) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void migratesTheTortureSchemaThroughTheDistribution(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target, @TempDir Path tmp)
            throws Exception {
        String schema = "cli_torture";
        TortureSchema.create(source, schema);
        target.execute("DROP DATABASE IF EXISTS " + schema);
        // what the handbook sets in the cluster's parameter group before routines can be created without SUPER
        target.execute("SET GLOBAL log_bin_trust_function_creators = 1");
        String replPassword = "Repl-Secret-" + System.nanoTime();
        Map<String, String> env = Map.of("AURORA_MIGRATE_SOURCE_PASSWORD", source.password(),
                "AURORA_MIGRATE_TARGET_PASSWORD", target.password(), "AURORA_MIGRATE_REPLICATION_PASSWORD", replPassword);
        Path report = tmp.resolve("report");

        Cli.Result r = Cli.dist(env, tmp, "migrate", "--json", "--report", report.toString(),
                "--source", Cli.address(source), "--target", Cli.address(target), "--schemas", schema,
                "--dump-to", tmp.resolve("dump").toString(), "--transform", "strip-definers", "--heartbeat", "200ms",
                "--stop-writes", "true", "--switch", "touch switched", "--replication-user", "cli_repl",
                "--planned-duration", "30m"); // testkit servers keep binary logs for an hour

        assertThat(r.exit()).as("%s", r).isZero();
        // the target is the source, objects and rows (definers ignored: stripped on purpose)
        SchemaComparison.builder().build().diff(SchemaSnapshot.of(source, schema), SchemaSnapshot.of(target, schema))
                .assertEqual();
        assertThat(tmp.resolve("switched")).as("the switch hook ran").exists();

        // one versioned JSON object per line, one run, in time order
        List<JsonNode> events = r.events();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.path("v").asInt()).isEqualTo(1);
            assertThat(e.path("ts").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
            assertThat(e.path("event").asText()).matches("[a-z-]+(\\.[a-z-]+)+");
        });
        assertThat(events.stream().map(e -> e.path("run").asText()).collect(Collectors.toSet())).hasSize(1);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).path("t").asDouble()).isGreaterThanOrEqualTo(events.get(i - 1).path("t").asDouble());
        }
        assertThat(r.events("step.finished").stream().map(e -> e.path("step").asText() + ":" + e.path("status").asText()))
                .containsSubsequence("probe-source:ok", "probe-target:ok", "replication-user:ok", "pre-flight:ok", "dump:ok",
                        "load:ok", "replicate:ok", "cut-over:ok");
        assertThat(r.events("dump.finished")).singleElement().satisfies(e -> {
            assertThat(e.path("binlogPosition").asText()).matches("binlog\\.\\d+:\\d+");
            assertThat(e.path("rows").asLong()).isPositive();
        });
        assertThat(r.events("load.chunk")).isNotEmpty();
        assertThat(r.events("cutover.step.finished").stream().map(e -> e.path("step").asText()))
                .contains("stop-writes", "verify", "switch-applications");
        assertThat(r.events("verify.finished")).singleElement().satisfies(e -> assertThat(e.path("ok").asBoolean()).isTrue());
        JsonNode end = r.events("run.finished").get(0);
        assertThat(end.path("exitCode").asInt()).isZero();
        assertThat(end.path("outcome").asText()).isEqualTo("SUCCEEDED");
        assertThat(events.get(events.size() - 1).path("event").asText()).isEqualTo("run.finished");

        // the report: Markdown, self-contained HTML with its data and charts, the events again
        String md = Files.readString(report.resolve("report.md"));
        assertThat(md).contains("# aurora-migrate migrate: SUCCEEDED", "## Steps", "| ✔ | dump |", "### Cut-over", "## Over time");
        String html = Files.readString(report.resolve("report.html"));
        assertThat(html).contains("new Chart(", "\"steps\":[", "\"dumpRows\":[").doesNotContain("<script src=", "<link ");
        assertThat(Files.readAllLines(report.resolve("events.jsonl"))).hasSize(events.size());
        // ... and it renders in a browser: its script ran and drew its three charts, which show in the screenshot
        assertThat(Chromium.dom(report.resolve("report.html"))).contains("data-rendered=\"charts:3\"", "stop-writes",
                "writes stopped");
        Path png = Path.of("target", "migrate-it-report.png").toAbsolutePath();
        Chromium.screenshot(report.resolve("report.html"), png);
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(pixels(image, 0x2da44e)).as("green bars of the steps chart").isGreaterThan(2000);
        assertThat(pixels(image, 0x0969da)).as("the blue line of the dump throughput").isGreaterThan(50);
        assertThat(pixels(image, 0xbc4c00)).as("the orange line of the replication lag").isGreaterThan(50);

        // no password anywhere a person or a log collector sees
        Set<String> secrets = Set.of(replPassword, target.password());
        for (String text : List.of(r.out(), r.err(), md, html, Files.readString(report.resolve("events.jsonl")))) {
            for (String secret : secrets) {
                if (!secret.isEmpty()) {
                    assertThat(text).doesNotContain(secret);
                }
            }
        }
    }
}
