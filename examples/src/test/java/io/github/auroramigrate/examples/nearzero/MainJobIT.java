package io.github.auroramigrate.examples.nearzero;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's main job runs the CLI distribution against embedded servers while an application writes: what Aurora
 * MySQL 2 would refuse, then a near-zero-downtime migration through replication and a verified cut-over through the
 * application's own pause/resume/switch endpoints, with its report written.
 */
class MainJobIT {

    @Test
    void migratesWithTheCommandLineWhileTheApplicationWrites() throws Exception {
        Path report = Path.of(System.getProperty("aurora.migrate.report"));
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            MainJob.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        original.println(text);
        // the comparison with Aurora MySQL 2: definers fail outright and 8.0 collations are unknown there
        assertThat(text).contains("aurora-migrate check", "Aurora MySQL 2 (5.7-compatible)", "DEFINERS", "COLLATIONS",
                "exit 5 PRECHECK_FAILED");
        // the migration: both probed, pre-check handled, dump with coordinates, load, replication, verified cut-over
        assertThat(text).contains("probe target", "mysql.rds_* procedures", "no SUPER", "ZERO_DATES",
                "NON_INNODB_TABLES", "fixed by --transform (Transforms.forceInnoDb())");
        assertThat(text).containsPattern("dump +[0-9.]+ m?s +[0-9,]+ rows, 5 tables, .* at binlog\\.\\d+:\\d+");
        assertThat(text).contains("caught up from binlog.", "(RDS)", "verify: 5 tables, all equal", "migrate SUCCEEDED",
                "writes stopped", "verified equal", "switched to the target: true");
        assertThat(text).containsPattern("The application committed [1-9]\\d* transactions");

        // the report: every step, the cut-over's own steps, lag samples, and the verification
        List<JsonNode> events = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(report.resolve("events.jsonl"))) {
            events.add(json.readTree(line));
        }
        assertThat(events.stream().filter(e -> e.path("event").asText().equals("cutover.finished")))
                .singleElement().satisfies(e -> assertThat(e.path("succeeded").asBoolean()).isTrue());
        assertThat(events.stream().filter(e -> e.path("event").asText().equals("replication.lag"))).isNotEmpty();
        assertThat(Files.readString(report.resolve("report.md"))).contains("# aurora-migrate migrate: SUCCEEDED", "### Cut-over",
                "replication lag (heartbeat)", "## Pre-check findings");
        assertThat(Files.readString(report.resolve("report.html"))).contains("new Chart(", "\"heartbeatLag\":[{");
    }
}
