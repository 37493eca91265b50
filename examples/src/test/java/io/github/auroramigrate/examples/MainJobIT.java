package io.github.auroramigrate.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's main job runs against embedded servers: pre-flight report, then a near-zero-downtime migration. */
class MainJobIT {

    @Test
    void printsProbeFindingsAndWhatWouldFail() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            MainJob.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String report = captured.toString(StandardCharsets.UTF_8);
        original.println(report);
        assertThat(report).contains("MySQL 8.0.31", "mysql.rds_* procedures=true", "SUPER=false", "SET_USER_ID=true");
        // the sample schema's traps, found against the live Aurora-like 3 target
        assertThat(report).contains("| WARNING | DEFINERS |", "| WARNING | NON_INNODB_TABLES |", "| WARNING | TABLES_WITHOUT_PRIMARY_KEY |",
                "| ERROR | ZERO_DATES |", "shop.audit_trail", "shop.shipments.shipped");
        // and against the documented Aurora 2 profile the definers fail outright and 8.0 collations are unknown
        assertThat(report).contains("| ERROR | DEFINERS |", "| ERROR | COLLATIONS |");
        // the migration itself: dump with coordinates, load, replication through the rds procedures, verified cut-over
        assertThat(report).containsPattern("dump: \\d+ rows in \\d+ chunks, consistency GLOBAL_READ_LOCK, binlog position binlog\\.\\d+:\\d+");
        assertThat(report).contains("replication (RDS): caught up", "cut-over SUCCEEDED", "VERIFY SUCCEEDED", "5 tables, all equal", 
                "| cut-over: writes stopped |");
    }
}
