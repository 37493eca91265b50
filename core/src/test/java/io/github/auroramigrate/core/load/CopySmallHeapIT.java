package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.copy.Copy;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A default {@code Copy} of a BLOB table as large as the heap, in a child JVM with -Xmx128m. Regression test: the
 * default memory limit used to be a fixed 256 MiB, so a copy under a small heap ran out of memory (found by the
 * benchmark's -Xmx256m run); it now derives from the heap.
 */
@ExtendWith(TestServersExtension.class)
class CopySmallHeapIT {

    @Test
    void aDefaultCopyFitsASmallHeap(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "copy-heap-target") TestServer target) throws Exception {
        String db = source.createSchema("copyheap");
        source.execute("SET SESSION sql_log_bin = 0",
                "CREATE TABLE `" + db + "`.blobs (id INT PRIMARY KEY, payload LONGBLOB)");
        for (int i = 1; i <= 48; i++) {
            // 2 MiB per row, 96 MiB in all: most of the child's heap
            source.execute("INSERT INTO `" + db + "`.blobs VALUES (" + i + ", REPEAT(UNHEX(MD5(RAND())), 131072))");
        }
        // chunks are planned from the table statistics: fresh ones keep each in-memory chunk near its target size
        source.execute("ANALYZE TABLE `" + db + "`.blobs");
        try {
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m",
                    "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), CopySmallHeapMain.class.getName(),
                    source.host(), String.valueOf(source.port()), source.user(), source.password(),
                    target.host(), String.valueOf(target.port()), target.user(), target.password(), db);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            boolean ended = p.waitFor(3, TimeUnit.MINUTES);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ended) {
                p.destroyForcibly();
            }
            assertThat(ended).as("child finished: %s", output).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
            assertThat(output).contains("COPIED rows=48");
            VerifyResult v = Verify.between(TestEndpoints.of(source), TestEndpoints.of(target)).schemas(db).build().run();
            assertThat(v.ok()).as(v.summary()).isTrue();
        } finally {
            source.execute("DROP SCHEMA `" + db + "`");
            target.execute("DROP SCHEMA IF EXISTS `" + db + "`");
        }
    }
}
