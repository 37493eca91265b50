package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.GtidSet;
import io.github.auroramigrate.core.TableRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.endpoint.Endpoint;
import io.github.auroramigrate.core.Checksum;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.ChunkingMethod;
import io.github.auroramigrate.core.internal.manifest.DumpStatus;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import io.github.auroramigrate.core.internal.manifest.ObjectEntry;
import io.github.auroramigrate.core.internal.manifest.SchemaEntry;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.internal.manifest.TableStatus;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.internal.checksum.ChunkChecksum;
import io.github.auroramigrate.core.internal.checksum.TableChecksum;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Dumps a schema with every kind of table and object; the manifest must match the source chunk by chunk. */
class DumpIT {
    @TempDir
    Path dir;

    private static String fill(String table, int rows, String values) {
        return "INSERT INTO " + table + " SELECT " + values + " FROM (SELECT a.n + b.n * 10 + c.n * 100 + d.n * 1000 AS n FROM "
                + digits("a") + ", " + digits("b") + ", " + digits("c") + ", " + digits("d") + ") x WHERE n < " + rows;
    }

    private static String digits(String alias) {
        return "(SELECT 0 n UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 "
                + "UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) " + alias;
    }

    private static String schemaWithEverything(TestServer server) {
        String db = server.createSchema("shop");
        server.execute("USE `" + db + "`",
                "CREATE TABLE orders (id BIGINT UNSIGNED NOT NULL PRIMARY KEY, customer VARCHAR(40) NOT NULL, total DECIMAL(12,2), "
                        + "note TEXT) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
                fill("orders", 3000, "n * 3 + 1, CONCAT('cust ', n % 97), n * 1.25, IF(n % 5 = 0, NULL, REPEAT('x', n % 300))"),
                "CREATE TABLE items (sku VARCHAR(30) CHARACTER SET latin1 COLLATE latin1_swedish_ci NOT NULL, "
                        + "warehouse INT NOT NULL, qty INT, PRIMARY KEY (sku, warehouse)) ENGINE=InnoDB",
                fill("items", 2500, "CONCAT(IF(n % 2 = 0, 'Ä', 'a'), LPAD(n % 800, 5, '0')), n DIV 800, n"),
                "CREATE TABLE codes (code VARBINARY(16) NOT NULL, label VARCHAR(20), UNIQUE KEY uk (code)) ENGINE=InnoDB",
                fill("codes", 1500, "UNHEX(MD5(n)), CONCAT('l', n)"),
                "CREATE TABLE events_log (happened DATETIME(6) NOT NULL, payload VARCHAR(200), UNIQUE KEY (happened))",
                fill("events_log", 1200, "TIMESTAMPADD(MICROSECOND, n * 1000003, '2024-01-01 00:00:00'), REPEAT('e', n % 150)"),
                "CREATE TABLE heap (a INT, b VARCHAR(100)) ENGINE=InnoDB",
                fill("heap", 2000, "n % 10, REPEAT('h', 60)"),
                "INSERT INTO heap VALUES (NULL, NULL), (NULL, NULL)",
                "CREATE TABLE audit_1 (id INT PRIMARY KEY)", "INSERT INTO audit_1 VALUES (1)",
                "CREATE VIEW b_base AS SELECT id, total FROM orders",
                "CREATE VIEW a_top AS SELECT id FROM b_base WHERE id > 10", // sorts first by name, depends on b_base
                "CREATE VIEW c_other AS SELECT sku FROM items",
                "CREATE PROCEDURE p_count(OUT n INT) BEGIN SELECT COUNT(*) INTO n FROM orders; END",
                "CREATE FUNCTION f_double(x INT) RETURNS INT DETERMINISTIC RETURN x * 2",
                "CREATE TRIGGER trg_items BEFORE INSERT ON items FOR EACH ROW SET NEW.qty = COALESCE(NEW.qty, 0)",
                "CREATE EVENT ev_nightly ON SCHEDULE EVERY 1 DAY DISABLE DO DELETE FROM audit_1 WHERE id < 0");
        server.execute("ANALYZE TABLE `" + db + "`.orders, `" + db + "`.items, `" + db + "`.codes, `" + db
                + "`.events_log, `" + db + "`.heap");
        return db;
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void manifestMatchesTheSourceChunkByChunk(ServerKind kind) throws Exception {
        TestServer server = TestServers.shared(kind, AuroraProfile.NONE, "source");
        String db = schemaWithEverything(server);
        String user = "dumpuser_" + db.hashCode() % 1000 + "_x";
        server.execute("CREATE USER IF NOT EXISTS '" + user.replace("-", "") + "'@'%' IDENTIFIED BY 'Secret-1'",
                "GRANT SELECT ON `" + db + "`.* TO '" + user.replace("-", "") + "'@'%'");
        DumpStore store = DumpStores.directory(dir);
        AtomicInteger chunkEvents = new AtomicInteger();
        java.util.Set<TableRef> started = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Map<TableRef, Long> finished = new java.util.concurrent.ConcurrentHashMap<>();
        ConcurrentLinkedQueue<DumpProgress> progress = new ConcurrentLinkedQueue<>();
        DumpListener listener = new DumpListener() {
            @Override
            public void onChunkWritten(TableRef table, DumpedChunk chunk) {
                chunkEvents.incrementAndGet();
                throw new IllegalStateException("a failing listener must not stop the dump");
            }

            @Override
            public void onProgress(DumpProgress p) {
                progress.add(p);
            }

            @Override
            public void onTableStarted(TableRef table) {
                assertThat(started.add(table)).as("started once: %s", table).isTrue();
            }

            @Override
            public void onTableFinished(TableRef table, long rows) {
                assertThat(started).contains(table);
                finished.put(table, rows);
            }
        };
        Dump dump = Dump.from(DumpTestSupport.endpoint(server)).schemas(db).exclude(db + ".audit_*")
                .where(db + ".orders", "id % 2 = 1 OR id < 100").users(true).to(store).threads(3)
                .chunkSize(DataSize.ofKilobytes(8)).listener(listener).build();

        DumpPlan plan = dump.dryRun();
        assertThat(plan.tables()).extracting(t -> t.table().name())
                .containsExactlyInAnyOrder("orders", "items", "codes", "events_log", "heap");
        assertThat(plan.views()).extracting(TableRef::name).containsExactly("b_base", "a_top", "c_other");
        assertThat(plan.consistency()).isNotNull();
        assertThat(plan.binlogEnabled()).isTrue();
        assertThat(store.list("")).as("a dry run writes nothing").isEmpty();

        DumpResult r = dump.run();
        Manifest m = ManifestIO.read(store);
        assertThat(m.status()).isEqualTo(DumpStatus.COMPLETE);
        assertThat(m.finishedAt()).isNotNull();
        assertThat(r.consistency().consistent()).isTrue();
        assertThat(r.binlogPosition()).isPresent();
        assertThat(m.source().flavor()).isEqualTo(kind == ServerKind.MARIADB_114 ? "MARIADB" : "MYSQL");
        if (kind == ServerKind.MARIADB_114) {
            assertThat(r.gtidSet()).hasValueSatisfying(g -> assertThat(g.flavor()).isEqualTo(GtidSet.Flavor.MARIADB));
        }

        SchemaEntry schema = m.schema(db).orElseThrow();
        assertThat(schema.tables()).extracting(TableEntry::name)
                .containsExactlyInAnyOrder("orders", "items", "codes", "events_log", "heap");
        assertThat(schema.tables()).allSatisfy(t -> assertThat(t.status()).isEqualTo(TableStatus.COMPLETE));
        assertThat(m.table(db, "orders").orElseThrow().chunking().method()).isEqualTo(ChunkingMethod.INTEGER_RANGE);
        assertThat(m.table(db, "items").orElseThrow().chunking().method()).isEqualTo(ChunkingMethod.INDEX_WALK);
        assertThat(m.table(db, "codes").orElseThrow().chunking().index()).isEqualTo("uk");
        assertThat(m.table(db, "events_log").orElseThrow().chunking().method()).isEqualTo(ChunkingMethod.INDEX_WALK);
        TableEntry heap = m.table(db, "heap").orElseThrow();
        assertThat(heap.chunking().method()).isEqualTo(ChunkingMethod.NONE);
        assertThat(heap.chunks()).as("a table without a key is still split into files").hasSizeGreaterThan(1);

        long expectedChunks = 0;
        try (Connection c = DumpTestSupport.endpoint(server).connect()) {
            for (TableEntry t : schema.tables()) {
                expectedChunks += t.chunks().size();
                assertThat(t.chunks()).as(t.name()).extracting(ChunkEntry::index)
                        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, t.chunks().size()).boxed().toList());
                if (!t.name().equals("heap")) {
                    assertThat(t.chunks()).as(t.name() + " is split").hasSizeGreaterThan(1);
                }
                assertThat(TableChecksum.compare(c, db, t)).as(t.name()).isEmpty();
                long count;
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM `" + db + "`.`"
                        + t.name() + "`" + (t.where() == null ? "" : " WHERE " + t.where()))) {
                    rs.next();
                    count = rs.getLong(1);
                }
                assertThat(t.rows()).as(t.name()).isEqualTo(count);
                assertThat(r.tableRows()).containsEntry(TableRef.of(db, t.name()), count);
            }
            // the filter was applied: the source holds more orders than were dumped
            Checksum all = ChunkChecksum.of(c, db, "orders", m.table(db, "orders").orElseThrow().columns(), "1=1");
            assertThat(all.rows()).isEqualTo(3000).isGreaterThan(m.table(db, "orders").orElseThrow().rows());
        }
        assertThat(chunkEvents.get()).isEqualTo(expectedChunks);
        assertThat(m.totals().chunks()).isEqualTo(expectedChunks);

        // DDL objects, views in dependency order
        assertThat(m.views()).extracting(ObjectEntry::name).containsExactly("b_base", "a_top", "c_other");
        assertThat(schema.routines()).extracting(ObjectEntry::name).containsExactlyInAnyOrder("p_count", "f_double");
        assertThat(schema.triggers()).extracting(ObjectEntry::name).containsExactly("trg_items");
        assertThat(schema.events()).extracting(ObjectEntry::name).containsExactly("ev_nightly");
        assertThat(DumpTestSupport.read(store, schema.ddlFile())).startsWith("CREATE DATABASE");
        assertThat(DumpTestSupport.read(store, m.table(db, "items").orElseThrow().ddlFile())).startsWith("CREATE TABLE `items`");
        assertThat(DumpTestSupport.read(store, m.views().get(0).ddlFile())).contains("VIEW `b_base`").contains("DEFINER=");
        assertThat(DumpTestSupport.read(store, schema.routines().stream().filter(o -> o.name().equals("p_count"))
                .findFirst().orElseThrow().ddlFile())).contains("CREATE DEFINER=").contains("PROCEDURE `p_count`");
        assertThat(DumpTestSupport.read(store, schema.triggers().get(0).ddlFile())).contains("TRIGGER").contains("trg_items");
        assertThat(DumpTestSupport.read(store, schema.events().get(0).ddlFile())).contains("EVENT").contains("ev_nightly");
        assertThat(m.table(db, "audit_1")).isEmpty();
        String account = "'" + user.replace("-", "") + "'@'%'";
        assertThat(m.users()).anySatisfy(u -> {
            assertThat(u.account()).isEqualTo(account);
            assertThat(u.files()).hasSizeGreaterThanOrEqualTo(2);
        });
        String grants = m.users().stream().filter(u -> u.account().equals(account)).flatMap(u -> u.files().stream())
                .map(f -> {
                    try {
                        return DumpTestSupport.read(store, f);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).reduce("", String::concat);
        assertThat(grants).contains("CREATE USER").contains("GRANT SELECT").doesNotContain("Secret-1");
        assertThat(m.users()).noneSatisfy(u -> assertThat(u.account()).startsWith("'mysql."));
        DumpProgress last = null;
        for (DumpProgress p : progress) {
            last = p;
        }
        assertThat(last).isNotNull();
        assertThat(last.rows()).isEqualTo(m.totals().rows());
        assertThat(last.chunksDone()).isEqualTo(m.totals().chunks());
        assertThat(last.tablesDone()).isEqualTo(last.tablesTotal()).isEqualTo(5);
        assertThat(last.dataBytes()).isEqualTo(m.totals().dataBytes());
        assertThat(last.bytesPerSecond()).isPositive();
        assertThat(finished).isEqualTo(r.tableRows());
    }

    @ParameterizedTest
    @EnumSource(value = ServerKind.class, names = "MYSQL_80")
    void failuresAreDiagnosed(ServerKind kind) throws Exception {
        TestServer server = TestServers.shared(kind, AuroraProfile.NONE, "source");
        String db = server.createSchema("bad");
        server.execute("CREATE TABLE `" + db + "`.t (id INT PRIMARY KEY, big LONGBLOB)",
                "INSERT INTO `" + db + "`.t VALUES (1, REPEAT('a', 10)), (2, REPEAT('b', 3000000))");
        Endpoint endpoint = DumpTestSupport.endpoint(server);

        // a bad row filter names the table
        DumpStore store1 = DumpStores.directory(dir.resolve("one"));
        assertThatThrownBy(() -> Dump.from(endpoint).schemas(db).where(db + ".t", "no_such_column > 1").to(store1)
                .threads(1).build().run())
                .isInstanceOfSatisfying(DumpException.class, e -> {
                    assertThat(e.table()).contains(TableRef.of(db, "t"));
                    assertThat(e.diagnosis().message()).contains(db + ".t");
                    assertThat(e.diagnosis().vendorCode()).isEqualTo(1054);
                });
        assertThat(Thread.currentThread().isInterrupted()).as("a failed dump leaves the caller's thread alone").isFalse();
        assertThat(ManifestIO.read(store1).status()).isEqualTo(DumpStatus.FAILED);
        assertThat(ManifestIO.read(store1).failure()).contains("no_such_column");

        // the store already holds a dump
        assertThatThrownBy(() -> Dump.from(endpoint).schemas(db).to(store1).build().run())
                .isInstanceOfSatisfying(DumpException.class, e -> assertThat(e.code()).isEqualTo(DiagnosisCode.INVALID_INPUT));

        // a value larger than the client's max_allowed_packet: 2020, naming the table and the column
        Endpoint smallPacket = endpoint.toBuilder().property("maxAllowedPacket", "1048576").build();
        DumpStore store2 = DumpStores.directory(dir.resolve("two"));
        assertThatThrownBy(() -> Dump.from(smallPacket).schemas(db).to(store2).threads(1).build().run())
                .isInstanceOfSatisfying(DumpException.class, e -> {
                    assertThat(e.code()).isEqualTo(DiagnosisCode.PACKET_TOO_LARGE);
                    assertThat(e.diagnosis().render()).contains(db + ".t").contains("big").contains("3000000");
                });

        // wrong password
        Endpoint wrong = Endpoint.builder().host(server.host()).port(server.port()).user("root").password("wrong")
                .allowPublicKeyRetrieval(true).build();
        assertThatThrownBy(() -> Dump.from(wrong).to(DumpStores.directory(dir.resolve("three"))).build().run())
                .isInstanceOfSatisfying(MigrationException.class,
                        e -> assertThat(e.code()).isEqualTo(DiagnosisCode.ACCESS_DENIED_BAD_PASSWORD));
        assertThat(List.of(dir.resolve("three").toFile().list() == null ? new String[0] : dir.resolve("three").toFile().list()))
                .doesNotContain(Manifest.KEY);
    }
}
