package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.BinlogPosition;
import io.github.auroramigrate.core.GtidSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.endpoint.TlsMode;
import io.github.auroramigrate.core.Checksum;
import io.github.auroramigrate.core.Consistency;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.internal.checksum.ChunkChecksum;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A dump taken while a writer commits continuously must contain exactly the transactions up to its recorded
 * coordinates: the writer logs the binlog position (and MariaDB GTID) after each commit, and the dump must hold
 * rows 1..K of both tables (written by the same transactions) where the recorded position is the one logged
 * after commit K.
 */
class ConsistencyIT {
    @TempDir
    Path dir;

    /** One writer thread: transaction k inserts row k into both tables, then logs the coordinates. */
    static final class Writer implements AutoCloseable {
        record Logged(String file, long position, String gtid) {
        }

        final Map<Integer, Logged> log = new ConcurrentHashMap<>();
        final AtomicInteger committed = new AtomicInteger();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        private volatile boolean stop;
        private final Thread thread;

        Writer(TestServer server, String db, boolean mariadb) {
            thread = new Thread(() -> {
                try (Connection c = server.rootConnection(); Statement s = c.createStatement()) {
                    for (int k = 1; !stop; k++) {
                        c.setAutoCommit(false);
                        s.execute("INSERT INTO `" + db + "`.w_a VALUES (" + k + ", REPEAT('a', 200))");
                        s.execute("INSERT INTO `" + db + "`.w_b VALUES (" + k + ", " + k + ")");
                        c.commit();
                        c.setAutoCommit(true);
                        String file;
                        long pos;
                        try (ResultSet rs = s.executeQuery("SHOW MASTER STATUS")) {
                            rs.next();
                            file = rs.getString(1);
                            pos = rs.getLong(2);
                        }
                        String gtid = null;
                        if (mariadb) {
                            try (ResultSet rs = s.executeQuery("SELECT @@gtid_binlog_pos")) {
                                rs.next();
                                gtid = rs.getString(1);
                            }
                        }
                        log.put(k, new Logged(file, pos, gtid));
                        committed.set(k);
                    }
                } catch (SQLException | RuntimeException e) {
                    error.set(e);
                }
            }, "consistency-writer");
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void awaitCommits(int n) {
            Instant deadline = Instant.now().plusSeconds(60);
            while (committed.get() < n) {
                assertThat(error.get()).isNull();
                assertThat(Instant.now()).as("writer made %d commits", committed.get()).isBefore(deadline);
                Thread.onSpinWait();
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.join(30_000);
        }
    }

    private static String schema(TestServer server) {
        String db = server.createSchema("cons");
        server.execute("CREATE TABLE `" + db + "`.w_a (id INT PRIMARY KEY, pad VARCHAR(200))",
                "CREATE TABLE `" + db + "`.w_b (id INT PRIMARY KEY, a_id INT NOT NULL)",
                "CREATE TABLE `" + db + "`.filler (id INT PRIMARY KEY, pad VARCHAR(500))",
                "INSERT INTO `" + db + "`.filler SELECT a.n * 100 + b.n, REPEAT('f', 500) FROM "
                        + "(SELECT 0 n UNION SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6 "
                        + "UNION SELECT 7 UNION SELECT 8 UNION SELECT 9) a, (SELECT 0 n UNION SELECT 1 UNION SELECT 2 UNION "
                        + "SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6 UNION SELECT 7 UNION SELECT 8 UNION SELECT 9) b");
        return db;
    }

    private void dumpUnderWrites(TestServer server, Endpoint endpoint, Set<Consistency> expected) throws Exception {
        boolean mariadb = server.kind() == ServerKind.MARIADB_114;
        String db = schema(server);
        DumpStore store = DumpStores.directory(dir.resolve(endpoint.user()));
        DumpResult r;
        try (Writer w = new Writer(server, db, mariadb)) {
            w.start();
            w.awaitCommits(30);
            r = Dump.from(endpoint).schemas(db).to(store).threads(3).chunkSize(DataSize.ofKilobytes(4)).build().run();
            int before = w.committed.get();
            w.awaitCommits(before + 10); // the writer went on after the snapshot
            assertThat(w.error.get()).isNull();

            assertThat(r.consistency()).isIn(expected);
            Manifest m = ManifestIO.read(store);
            assertThat(m.consistency().level()).isEqualTo(r.consistency());
            assertThat(m.consistency().consistent()).isTrue();
            TableEntry a = m.table(db, "w_a").orElseThrow();
            TableEntry b = m.table(db, "w_b").orElseThrow();
            long k = a.rows();
            assertThat(k).isGreaterThanOrEqualTo(30);
            assertThat(b.rows()).as("both tables of each transaction, read by different workers").isEqualTo(k);
            assertThat(a.chunks().size() + b.chunks().size()).isGreaterThan(2);
            try (Connection c = DumpTestSupport.rootEndpoint(server).connect()) {
                // exactly rows 1..k: the checksum of those rows on the source equals the dump's
                Checksum firstK = ChunkChecksum.of(c, db, "w_a", a.columns(), "id <= " + k);
                assertThat(firstK.rows()).isEqualTo(k);
                assertThat(a.checksum()).isEqualTo(firstK);
                assertThat(b.checksum()).isEqualTo(ChunkChecksum.of(c, db, "w_b", b.columns(), "id <= " + k));
            }
            Writer.Logged atK = w.log.get((int) k);
            assertThat(r.binlogPosition()).hasValue(new BinlogPosition(atK.file(), atK.position()));
            if (mariadb) {
                assertThat(r.gtidSet()).hasValue(new GtidSet(GtidSet.Flavor.MARIADB, atK.gtid()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void snapshotMatchesCoordinatesUnderConcurrentWrites(ServerKind kind) throws Exception {
        TestServer server = TestServers.shared(kind, AuroraProfile.NONE, "source");
        Set<Consistency> expected = kind == ServerKind.MARIADB_114
                ? Set.of(Consistency.VERIFIED_SNAPSHOT, Consistency.BACKUP_STAGE) : Set.of(Consistency.GLOBAL_READ_LOCK);
        dumpUnderWrites(server, DumpTestSupport.endpoint(server), expected);
    }

    private static Endpoint user(TestServer server, String name, String... privileges) {
        String account = "'" + name + "'@'%'";
        server.execute("DROP USER IF EXISTS " + account, "CREATE USER " + account + " IDENTIFIED BY 'Pw-12345'");
        for (String p : privileges) {
            server.execute("GRANT " + p + " ON *.* TO " + account);
        }
        return Endpoint.builder().host(server.host()).port(server.port()).user(name).password("Pw-12345")
                .allowPublicKeyRetrieval(true).tls(TlsMode.DISABLED).build();
    }

    private static String binlogPrivilege(ServerKind kind) {
        return kind == ServerKind.MARIADB_114 ? "BINLOG MONITOR" : "REPLICATION CLIENT";
    }

    /** The RDS/Aurora case: no RELOAD, so no FLUSH TABLES WITH READ LOCK; LOCK TABLES is the documented fallback. */
    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void userWithoutReloadFallsBackToTableLocks(ServerKind kind) throws Exception {
        TestServer server = TestServers.shared(kind, AuroraProfile.NONE, "source");
        Endpoint limited = user(server, "no_reload", "SELECT, LOCK TABLES, SHOW VIEW, TRIGGER, EVENT", binlogPrivilege(kind));
        Set<Consistency> expected = kind == ServerKind.MARIADB_114
                ? Set.of(Consistency.VERIFIED_SNAPSHOT, Consistency.TABLE_LOCKS) : Set.of(Consistency.TABLE_LOCKS);
        dumpUnderWrites(server, limited, expected);

        String db = schema(server);
        DumpPlan plan = Dump.from(limited).schemas(db).to(DumpStores.directory(dir.resolve("plan"))).build().dryRun();
        assertThat(plan.consistency()).isIn(expected);

        assertThatThrownBy(() -> Dump.from(limited).schemas(db).consistency(Consistency.GLOBAL_READ_LOCK)
                .lockTimeout(Duration.ofSeconds(5)).to(DumpStores.directory(dir.resolve("forced"))).build().run())
                .isInstanceOfSatisfying(DumpException.class,
                        e -> assertThat(e.code()).isEqualTo(DiagnosisCode.ACCESS_DENIED_STATEMENT));
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, names = {"MYSQL_80", "MYSQL_57"})
    void userWithoutAnyLockPrivilegeGetsAnHonestAnswer(ServerKind kind) throws Exception {
        TestServer server = TestServers.shared(kind, AuroraProfile.NONE, "source");
        Endpoint reader = user(server, "read_only", "SELECT", binlogPrivilege(kind));
        String db = schema(server);
        assertThatThrownBy(() -> Dump.from(reader).schemas(db).to(DumpStores.directory(dir.resolve("strict"))).build().run())
                .isInstanceOfSatisfying(DumpException.class, e -> {
                    assertThat(e.code()).isEqualTo(DiagnosisCode.ACCESS_DENIED_STATEMENT);
                    assertThat(e.diagnosis().remedy()).contains("LOCK TABLES").contains("requireConsistency(false)");
                });
        DumpStore store = DumpStores.directory(dir.resolve("lenient"));
        DumpResult r = Dump.from(reader).schemas(db).requireConsistency(false).to(store).build().run();
        assertThat(r.consistency()).isEqualTo(Consistency.NONE);
        Manifest m = ManifestIO.read(store);
        assertThat(m.consistency().consistent()).isFalse();
        assertThat(m.consistency().coordinatesExact()).isFalse();
        assertThat(m.warnings()).anySatisfy(w -> assertThat(w).contains("not consistent"));
        assertThat(m.table(db, "filler").orElseThrow().rows()).isEqualTo(100);
    }
}
