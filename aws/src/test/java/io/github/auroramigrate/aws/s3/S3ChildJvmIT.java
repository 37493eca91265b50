package io.github.auroramigrate.aws.s3;

import static io.github.auroramigrate.aws.s3.S3TestServer.endpoint;
import static io.github.auroramigrate.aws.s3.S3TestServer.rootEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.load.Load;
import io.github.auroramigrate.core.load.LoadSources;
import io.github.auroramigrate.core.verify.Verify;
import io.github.auroramigrate.core.verify.VerifyResult;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import io.github.auroramigrate.testkit.fidelity.SchemaComparison;
import io.github.auroramigrate.testkit.fidelity.SchemaSnapshot;
import io.github.auroramigrate.testkit.s3.S3Server;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Dump to S3 and load from S3 in child JVMs with -Xmx256m, on a benchmark-shaped schema (a big table, BLOBs over
 * 1 MB, a key-less table with duplicates, many small tables): each run stays in its heap, a dump killed with SIGKILL
 * mid-way leaves nothing a load takes for a dump, a load into an Aurora-like 3 killed mid-way resumes without loading a
 * chunk twice - both streaming the chunks through the client and with the server reading them itself (Aurora's
 * LOAD DATA FROM S3, emulated in front of the target: {@link AuroraS3Emulation}) - and the target ends EQUAL by the
 * test oracle and by Verify each time.
 */
@ExtendWith(TestServersExtension.class)
class S3ChildJvmIT {
    private static final String BUCKET = "child-jvm-it";
    private static final String SCHEMA = "s3_shaped";
    private static S3TestServer s3;

    @BeforeAll
    static void start() throws Exception {
        s3 = S3TestServer.shared(BUCKET);
    }

    @Test
    void killedDumpAndLoadResumeExactlyInA256MiBHeap(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target) throws Exception {
        createShapedSchema(source);
        target.execute("DROP DATABASE IF EXISTS " + SCHEMA, "DROP DATABASE IF EXISTS aurora_migrate");
        String prefix = "dumps/" + SCHEMA;

        // a dump killed after its first chunks: the store holds no complete dump, a load refuses it
        Child killedDump = Child.start("dump", prefix, source);
        killedDump.killAfter(3);
        try (S3DumpStore store = s3.store(BUCKET).prefix(prefix).build()) {
            assertThatThrownBy(() -> Load.into(endpoint(target)).from(LoadSources.dump(store)).build().run())
                    .isInstanceOfSatisfying(MigrationException.class, e -> assertThat(e.code()).as(e.getMessage())
                            .isIn(DiagnosisCode.INVALID_INPUT, DiagnosisCode.FILE_NOT_FOUND)); // not COMPLETE, or no manifest yet
        }

        // the rerun writes the dump whole, in 256 MiB
        Child dump = Child.start("dump", prefix, source);
        String dumped = dump.finish("DUMPED");
        System.out.println("S3ChildJvmIT dump child: " + dumped);
        assertThat(heapPeak(dumped)).as(dumped).isLessThan(256);

        // a load killed after a few chunks, then run again: each chunk once, all rows there
        Child killedLoad = Child.start("load", prefix, target);
        killedLoad.killAfter(4);
        Child load = Child.start("load", prefix, target);
        String loaded = load.finish("LOADED");
        assertThat(Long.parseLong(loaded.replaceAll(".*skipped=(\\d+).*", "$1")))
                .as("the rerun skips the chunks the killed run committed: %s", loaded).isGreaterThanOrEqualTo(4);
        System.out.println("S3ChildJvmIT load child: " + loaded);
        assertThat(heapPeak(loaded)).as(loaded).isLessThan(256);

        assertEqual(source, target);

        // the same dump read by the server itself (Aurora's LOAD DATA FROM S3, emulated in front of the target):
        // killed after a few chunks, then run again
        target.execute("DROP DATABASE " + SCHEMA, "DROP DATABASE aurora_migrate", "DELETE FROM mysql.aurora_s3_load_history");
        try (AuroraS3Emulation aurora = AuroraS3Emulation.of(target, S3Server.shared())) {
            Child killedServerSide = Child.start("load-server-side", prefix, "127.0.0.1", aurora.proxy().port(),
                    target.user(), target.password());
            killedServerSide.killAfter(4);
            String serverSide = Child.start("load-server-side", prefix, "127.0.0.1", aurora.proxy().port(),
                    target.user(), target.password()).finish("LOADED");
            System.out.println("S3ChildJvmIT server-side load child: " + serverSide);
            assertThat(serverSide).contains("method=SERVER_SIDE");
            assertThat(Long.parseLong(serverSide.replaceAll(".*skipped=(\\d+).*", "$1"))).as(serverSide)
                    .isGreaterThanOrEqualTo(4);
            assertThat(heapPeak(serverSide)).as(serverSide).isLessThan(256);
            long objectBytes = 0;
            try (S3DumpStore store = s3.store(BUCKET).prefix(prefix).build()) {
                for (String k : store.list("data/")) {
                    objectBytes += store.size(k);
                }
            }
            assertThat(aurora.proxy().stats().bytesClientToServer() - aurora.objectBytes.get())
                    .as("the children sent statements, the server read the %d bytes of objects", objectBytes)
                    .isLessThan(objectBytes / 10);
        }
        assertEqual(source, target);
    }

    private static void assertEqual(TestServer source, TestServer target) {
        SchemaComparison.builder().build().diff(SchemaSnapshot.of(source, SCHEMA), SchemaSnapshot.of(target, SCHEMA))
                .assertEqual();
        VerifyResult v = Verify.between(rootEndpoint(source), rootEndpoint(target)).schemas(SCHEMA).build().run();
        assertThat(v.ok()).as("%s", v.summary()).isTrue();
    }

    /** A big table, BLOBs of 1.5 MiB, a key-less table with duplicate rows, 30 small tables; fresh statistics. */
    private static void createShapedSchema(TestServer s) {
        s.execute("DROP DATABASE IF EXISTS " + SCHEMA, "CREATE DATABASE " + SCHEMA,
                "CREATE TABLE " + SCHEMA + ".big (id INT PRIMARY KEY, a VARCHAR(40), b DECIMAL(12,2), c DATETIME(6))",
                "INSERT /*+ SET_VAR(cte_max_recursion_depth = 200000) */ INTO " + SCHEMA + ".big WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < "
                        + "150000) SELECT i, MD5(i), i / 7, '2024-01-01' + INTERVAL i SECOND FROM n",
                "CREATE TABLE " + SCHEMA + ".blobs (id INT PRIMARY KEY, payload LONGBLOB)",
                "CREATE TABLE " + SCHEMA + ".no_key (a INT, b VARCHAR(10))",
                "INSERT INTO " + SCHEMA + ".no_key VALUES (1, 'x'), (1, 'x'), (2, NULL), (2, NULL), (3, 'y')");
        for (int i = 1; i <= 24; i++) {
            // 1.5 MiB each, 36 MiB in all
            s.execute("INSERT INTO " + SCHEMA + ".blobs VALUES (" + i + ", REPEAT(UNHEX(MD5(" + i + ")), 98304))");
        }
        List<String> small = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            small.add("CREATE TABLE " + SCHEMA + ".small_" + i + " (id INT PRIMARY KEY, v VARCHAR(20))");
            small.add("INSERT INTO " + SCHEMA + ".small_" + i + " VALUES (1, 'a" + i + "'), (2, 'b" + i + "')");
        }
        s.execute(small.toArray(String[]::new));
        s.execute("ANALYZE TABLE " + SCHEMA + ".big, " + SCHEMA + ".blobs");
    }

    private static long heapPeak(String line) {
        return Long.parseLong(line.replaceAll(".*heapPeakMiB=(\\d+).*", "$1"));
    }

    /** A child JVM running {@link S3ChildMain} with -Xmx256m; its output read line by line. */
    private static final class Child {
        private final Process process;
        private final BufferedReader out;
        private final StringBuilder seen = new StringBuilder();

        private Child(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static Child start(String op, String prefix, TestServer server) throws Exception {
            return start(op, prefix, server.host(), server.port(), server.user(), server.password());
        }

        static Child start(String op, String prefix, String host, int port, String user, String password)
                throws Exception {
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                    S3ChildMain.class.getName(), op, s3.endpoint().toString(), BUCKET, prefix, host,
                    String.valueOf(port), user, password, SCHEMA);
            return new Child(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        }

        /** Waits for the n-th chunk line, then kills the child with SIGKILL. */
        void killAfter(int chunks) throws Exception {
            int n = 0;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                seen.append(line).append('\n');
                if (line.startsWith("CHUNK ") && ++n == chunks) {
                    process.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
                    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    return;
                }
            }
            throw new AssertionError("the child ended before " + chunks + " chunks:\n" + seen);
        }

        /** Reads to the end; the child must exit 0 and print a line starting with {@code last}, which is returned. */
        String finish(String last) throws Exception {
            String result = null;
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                seen.append(line).append('\n');
                if (line.startsWith(last)) {
                    result = line;
                }
            }
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s", seen).isTrue();
            assertThat(process.exitValue()).as("%s", seen).isZero();
            assertThat(result).as("%s", seen).isNotNull();
            return result;
        }
    }
}
