package io.github.auroramigrate.core.load;

import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import static io.github.auroramigrate.core.load.LoadFixtures.count;
import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.dump.Dump;
import io.github.auroramigrate.core.it.SameVersionSnapshot;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * kill -9 of the loading JVM at random moments of the whole load - DDL of the schema, the tables (two DDL lanes) and
 * the routines, views, triggers and events; data chunks; deferred index builds - then a resumed load, which must
 * finish with the target equal to the source in every object and row, every chunk journaled once, and the
 * data-changing trigger never having fired. Kill moments are stratified over the load's duration, so each run
 * covers its start (the DDL phase) as well as its end. Rounds: system property {@code kill.rounds} (default suite 4;
 * {@code scripts/faults.sh} runs 60).
 */
@ExtendWith(TestServersExtension.class)
class KillAnywhereIT {
    private static final Logger LOG = LoggerFactory.getLogger(KillAnywhereIT.class);

    /** A small schema with every kind of object whose creation order matters. */
    static void createSource(TestServer source, String s) throws Exception {
        List<String> sql = new ArrayList<>();
        sql.add("USE " + q(s));
        for (int i = 1; i < 24; i++) {
            sql.add(String.format("CREATE TABLE %s.`t %02d` (id INT PRIMARY KEY, v DECIMAL(12,3), note TEXT, d DATETIME(6))",
                    q(s), i));
            sql.add(String.format("INSERT INTO %s.`t %02d` SELECT seq, seq / 7, REPEAT('x', seq), '2024-01-01 00:00:00.5'"
                    + " FROM (SELECT a.n * 10 + b.n AS seq FROM (SELECT 0 n UNION SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION"
                    + " SELECT 4) a, (SELECT 0 n UNION SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION"
                    + " SELECT 6 UNION SELECT 7 UNION SELECT 8 UNION SELECT 9) b) x", q(s), i));
        }
        // a foreign key naming a table that sorts later
        sql.add("CREATE TABLE " + q(s) + ".`t 00` (id INT PRIMARY KEY, next_id INT, label VARCHAR(30) COLLATE utf8mb4_bin,"
                + " KEY (next_id), CONSTRAINT fk_next FOREIGN KEY (next_id) REFERENCES " + q(s) + ".`t 23` (id))");
        sql.add("INSERT INTO " + q(s) + ".`t 00` VALUES (1, 2, 'a'), (2, NULL, 'B')");
        sql.add("CREATE TABLE " + q(s) + ".big (id INT PRIMARY KEY, v INT, name VARCHAR(64), KEY by_name (name),"
                + " g INT GENERATED ALWAYS AS (v * 2) VIRTUAL, h VARCHAR(70) GENERATED ALWAYS AS (CONCAT(name, '!')) STORED,"
                + " inv INT INVISIBLE DEFAULT 7) AUTO_INCREMENT=20001");
        sql.add("INSERT INTO " + q(s) + ".big (id, v, name) SELECT a.n * 1000 + b.n * 100 + c.n * 10 + d.n + 1, a.n, "
                + "CONCAT('name ', a.n, b.n, c.n, d.n) FROM (SELECT 0 n UNION SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION "
                + "SELECT 4 UNION SELECT 5 UNION SELECT 6 UNION SELECT 7) a, (SELECT 0 n UNION SELECT 1 UNION SELECT 2 UNION "
                + "SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6 UNION SELECT 7 UNION SELECT 8 UNION SELECT 9) b, "
                + "(SELECT 0 n UNION SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6 UNION "
                + "SELECT 7 UNION SELECT 8 UNION SELECT 9) c, (SELECT 0 n UNION SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION "
                + "SELECT 4 UNION SELECT 5 UNION SELECT 6 UNION SELECT 7 UNION SELECT 8 UNION SELECT 9) d");
        sql.add("CREATE TABLE " + q(s) + ".nokey (a INT, b VARCHAR(10))");
        sql.add("INSERT INTO " + q(s) + ".nokey VALUES (1, 'dup'), (1, 'dup'), (1, 'dup'), (2, NULL), (NULL, NULL)");
        sql.add("CREATE TABLE " + q(s) + ".parts (id INT NOT NULL, y INT NOT NULL, PRIMARY KEY (id, y))"
                + " PARTITION BY RANGE (y) (PARTITION p0 VALUES LESS THAN (2000), PARTITION p1 VALUES LESS THAN MAXVALUE)");
        sql.add("INSERT INTO " + q(s) + ".parts VALUES (1, 1999), (2, 2000), (3, 3000)");
        sql.add("CREATE TABLE " + q(s) + ".audit (id INT AUTO_INCREMENT PRIMARY KEY, what VARCHAR(100))");
        sql.add("CREATE FUNCTION " + q(s) + ".label(x INT) RETURNS VARCHAR(40) DETERMINISTIC BEGIN DECLARE r VARCHAR(40);"
                + " SET r = CONCAT('#', x, ';'); RETURN r; END");
        sql.add("CREATE PROCEDURE " + q(s) + ".touch(IN n INT) BEGIN DECLARE i INT DEFAULT 0; WHILE i < n DO"
                + " INSERT INTO audit (what) VALUES ('touch;'); SET i = i + 1; END WHILE; END");
        sql.add("CREATE VIEW " + q(s) + ".v1 AS SELECT id, label(v) AS l FROM " + q(s) + ".big WHERE id < 100");
        sql.add("CREATE VIEW " + q(s) + ".v2 AS SELECT l FROM " + q(s) + ".v1 WHERE id < 10");
        sql.add("CREATE TRIGGER " + q(s) + ".big_bi BEFORE INSERT ON " + q(s) + ".big FOR EACH ROW BEGIN SET NEW.v = NEW.v + 1000;"
                + " INSERT INTO audit (what) VALUES (CONCAT('big;', NEW.id)); END");
        sql.add("CREATE EVENT " + q(s) + ".nightly ON SCHEDULE EVERY 1 DAY STARTS '2031-01-01 00:00:00' DISABLE DO BEGIN"
                + " DELETE FROM audit; CALL touch(1); END");
        source.execute(sql.toArray(String[]::new));
    }

    @Test
    void aLoaderKilledAtRandomMomentsAlwaysResumesToTheSource(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, aurora = AuroraProfile.AURORA_MYSQL_3) TestServer target,
            @TempDir Path dir) throws Exception {
        String s = source.createSchema("kill_any");
        createSource(source, s);
        source.execute("ANALYZE TABLE " + q(s) + ".big");
        Dump.from(TestEndpoints.root(source)).schemas(s).to(DumpStores.directory(dir))
                .chunkSize(DataSize.ofKilobytes(16)).threads(2).build().run();
        Manifest m = ManifestIO.read(DumpStores.directory(dir));
        CompoundBodiesIT.trustFunctionCreators(target);
        Map<String, String> expected = SameVersionSnapshot.of(source, s);
        String job = "dump-" + m.dumpId();
        int chunks = DumpLoadIT.chunks(m);

        long[] firstChunk = new long[1];
        long full = runChild(target, dir, -1, firstChunk); // an unkilled run measures how long a load takes
        assertThat(full).isPositive();
        // kill moments stratified from shortly after the start of the DDL to shortly before the end (a JVM whose
        // JIT is warm by then loads faster than this first run, so its last tenth would mostly find it finished)
        long from = firstChunk[0] / 3;
        long window = Math.max(1, (long) (full * 0.9) - from);
        int rounds = Integer.getInteger("kill.rounds", 4);
        Random random = new Random(Long.getLong("kill.seed", System.nanoTime()));
        for (int round = 0; round < rounds; round++) {
            reset(target, s, job);
            long delay = from + (long) (window * (round + random.nextDouble()) / rounds);
            runChild(target, dir, delay);
            long entries = count(target, "SELECT COUNT(*) FROM aurora_migrate.load_progress WHERE job_id = '" + job + "'");
            LoadResult r = Load.into(TestEndpoints.of(target)).from(LoadSources.dump(DumpStores.directory(dir)))
                    .transform(Transforms.stripDefiners()).threads(2).build().run();
            LOG.info("round {}: killed after {} of {} ms with {} journal entries; resumed: {} chunks loaded, {} skipped, {}"
                    + " statements run, {} skipped", round, delay, full, entries, r.chunksLoaded(), r.chunksSkipped(),
                    r.statementsExecuted(), r.statementsSkipped());
            assertThat(r.chunksLoaded() + r.chunksSkipped()).as("round %d", round).isEqualTo(chunks);
            assertThat(SameVersionSnapshot.of(target, s)).as("round %d, killed after %d ms", round, delay).isEqualTo(expected);
            assertThat(count(target, "SELECT COUNT(*) FROM aurora_migrate.load_progress WHERE job_id = '" + job
                    + "' AND chunk_id LIKE 'data/%'")).as("round %d", round).isEqualTo(chunks);
        }
    }

    private static void reset(TestServer target, String schema, String job) throws Exception {
        target.execute("DROP DATABASE IF EXISTS " + q(schema));
        try (Connection c = target.rootConnection()) {
            LoadJournal.of(job).clear(c);
        }
    }

    /**
     * Runs the child loader; kills it (SIGKILL) {@code killAfterMillis} after it said READY, or lets it finish when
     * negative.
     *
     * @return milliseconds from READY to the kill, or to DONE
     */
    private static long runChild(TestServer target, Path dir, long killAfterMillis) throws Exception {
        return runChild(target, dir, killAfterMillis, new long[1]);
    }

    /** @param firstChunk receives the milliseconds from STARTED to the first committed chunk (unkilled runs) */
    private static long runChild(TestServer target, Path dir, long killAfterMillis, long[] firstChunk) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ChildLoader.class.getName(), target.host(), String.valueOf(target.port()), target.user(), dir.toString())
                .redirectErrorStream(true);
        pb.environment().put("CHILD_LOADER_PASSWORD", target.password());
        pb.environment().put("CHILD_LOADER_THREADS", "2");
        pb.environment().put("CHILD_LOADER_STRIP_DEFINERS", "1");
        Process p = pb.start();
        StringBuilder log = new StringBuilder();
        long ready = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("STARTED")) {
                log.append(line).append('\n');
            }
            assertThat(line).as(log.toString()).isEqualTo("STARTED");
            ready = System.nanoTime();
            if (killAfterMillis >= 0) {
                if (!p.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
                    p.destroyForcibly();
                }
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                return killAfterMillis;
            }
            while ((line = out.readLine()) != null) {
                log.append(line).append('\n');
                if (line.startsWith("LOADED ") && firstChunk[0] == 0) {
                    firstChunk[0] = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ready);
                }
            }
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(p.exitValue()).as(log.toString()).isZero();
        assertThat(log.toString()).contains("DONE");
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - ready);
    }
}
