package io.github.auroramigrate.core.dump;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.internal.manifest.DumpStatus;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.internal.checksum.TableChecksum;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table of about 300 MB is dumped by a child JVM with a 64 MB heap; the dump must be complete and exact. */
class BigTableSmallHeapIT {
    @TempDir
    Path dir;

    @Test
    void dumpsATableMuchLargerThanTheHeap() throws Exception {
        TestServer server = TestServers.shared(ServerKind.MYSQL_57, AuroraProfile.NONE, "source");
        String db = server.createSchema("big");
        try (Connection c = server.rootConnection(); Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_log_bin = 0"); // keep the server's binlog small
            s.execute("CREATE TABLE `" + db + "`.big (id BIGINT AUTO_INCREMENT PRIMARY KEY, a VARCHAR(1200), b VARCHAR(1200))");
            s.execute("INSERT INTO `" + db + "`.big (a, b) SELECT REPEAT(MD5(RAND()), 35), REPEAT(MD5(RAND()), 35) FROM "
                    + "information_schema.COLUMNS LIMIT 1024");
            for (int i = 0; i < 7; i++) {
                s.execute("INSERT INTO `" + db + "`.big (a, b) SELECT b, a FROM `" + db + "`.big");
            }
            s.execute("ANALYZE TABLE `" + db + "`.big");
        }
        try {
            Path out = dir.resolve("dump");
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                    HeapBoundDumpMain.class.getName(), server.host(), String.valueOf(server.port()), server.user(),
                    server.password(), db, out.toString()));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            boolean ended = p.waitFor(5, TimeUnit.MINUTES);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ended) {
                p.destroyForcibly();
            }
            System.out.println("child JVM: " + output);
            assertThat(ended).as("child finished: %s", output).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("DUMPED rows=131072");

            Manifest m = ManifestIO.read(DumpStores.directory(out));
            assertThat(m.status()).isEqualTo(DumpStatus.COMPLETE);
            TableEntry t = m.table(db, "big").orElseThrow();
            assertThat(t.rows()).isEqualTo(131072L);
            assertThat(m.totals().dataBytes()).as("far more data than the 64 MB heap").isGreaterThan(250L * 1024 * 1024);
            assertThat(t.chunks()).hasSizeGreaterThan(2);
            try (Connection c = DumpTestSupport.endpoint(server).connect()) {
                assertThat(TableChecksum.compare(c, db, t)).isEmpty();
            }
        } finally {
            server.execute("DROP SCHEMA `" + db + "`");
        }
    }
}
