package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.internal.manifest.ChunkEntry;
import io.github.auroramigrate.core.ChunkingMethod;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * chunkSize holds for a table bulk-loaded just before the dump, on servers with default settings. InnoDB recalculates
 * a table's persistent statistics in the background, at most every 10 seconds: right after a bulk load,
 * information_schema.TABLES (even uncached, information_schema_stats_expiry = 0) still reports the data length of the
 * first rows (16 KB for a 20 MB table) while TABLE_ROWS counts every insert. Planning from those figures made one chunk
 * of the whole table. The chunks must still partition the key space exactly.
 */
class StaleStatisticsIT {
    private static final long CHUNK = DataSize.ofMegabytes(1).toBytes();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void aTableLoadedJustBeforeTheDumpIsSplitByChunkSize(ServerKind kind) throws Exception {
        TestServer server = TestServers.shared(kind, AuroraProfile.NONE, "source");
        String db = server.createSchema("fresh");
        server.execute("CREATE TABLE `" + db + "`.`big one` (id BIGINT NOT NULL PRIMARY KEY, grp INT, note VARCHAR(200))",
                "CREATE TABLE `" + db + "`.walk (code VARCHAR(20) NOT NULL, n INT NOT NULL, pad VARCHAR(300), "
                        + "PRIMARY KEY (code, n))",
                "CREATE TABLE `" + db + "`.docs (id INT NOT NULL PRIMARY KEY, body LONGTEXT, thumb BLOB)");
        long loadStart = System.nanoTime();
        // ~20 MB in one statement each, the way a restore or an ETL job fills a table
        server.execute("INSERT INTO `" + db + "`.`big one` SELECT n * 3, n % 1000, REPEAT('x', 180) FROM " + numbers(100_000),
                "INSERT INTO `" + db + "`.walk SELECT CONCAT('k', n % 97), n, REPEAT('w', 150) FROM " + numbers(40_000),
                // wide rows, stored off-page: a LONGTEXT of 40 KB, a BLOB of 1 KB
                "INSERT INTO `" + db + "`.docs SELECT n, REPEAT(CONCAT('d', n), 40000 DIV LENGTH(CONCAT('d', n))), "
                        + "UNHEX(REPEAT('00FF', 512)) FROM " + numbers(300));
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        String stale = staleness(server, db);

        Dump.from(DumpTestSupport.rootEndpoint(server)).schemas(db).to(DumpStores.directory(dir))
                .chunkSize(DataSize.ofBytes(CHUNK)).threads(2).build().run();
        Manifest m = ManifestIO.read(DumpStores.directory(dir));

        for (String table : List.of("big one", "walk", "docs")) {
            TableEntry t = m.schemas().get(0).tables().stream().filter(e -> e.name().equals(table)).findFirst().orElseThrow();
            assertThat(t.chunking().method()).isEqualTo(table.equals("walk") ? ChunkingMethod.INDEX_WALK : ChunkingMethod.INTEGER_RANGE);
            List<ChunkEntry> chunks = t.chunks();
            long bytes = chunks.stream().mapToLong(ChunkEntry::dataBytes).sum();
            long rows = chunks.stream().mapToLong(ChunkEntry::rows).sum();
            long expected = (bytes + CHUNK - 1) / CHUNK;
            String why = kind + " " + table + ": " + chunks.size() + " chunks for " + bytes + " bytes (loaded in " + loadMillis
                    + " ms; statistics when the dump started: " + stale + ")";
            assertThat(bytes).as(why).isGreaterThan(5 * CHUNK);
            assertThat(chunks.size()).as(why).isBetween((int) Math.max(2, expected * 2 / 3), (int) (expected * 2));
            assertThat(chunks).as(why).allSatisfy(c -> assertThat(c.dataBytes()).isLessThanOrEqualTo(CHUNK * 3 / 2));
            assertThat(rows).as("every row once").isEqualTo(count(server, db, table));
            // the ranges partition the key space: open at both ends, each lower bound the previous upper one
            assertThat(chunks.get(0).lower()).isNull();
            assertThat(chunks.get(chunks.size() - 1).upper()).isNull();
            for (int i = 1; i < chunks.size(); i++) {
                assertThat(chunks.get(i).lower()).isEqualTo(chunks.get(i - 1).upper()).isNotNull();
            }
        }
    }

    /** What information_schema says of the big table, for the failure message. */
    private static String staleness(TestServer server, String db) throws Exception {
        try (Connection c = server.rootConnection(); Statement st = c.createStatement()) {
            if (server.kind() == ServerKind.MYSQL_80) {
                st.execute("SET SESSION information_schema_stats_expiry = 0");
            }
            try (ResultSet rs = st.executeQuery("SELECT TABLE_ROWS, DATA_LENGTH, AVG_ROW_LENGTH FROM information_schema.TABLES "
                    + "WHERE TABLE_SCHEMA = '" + db + "' AND TABLE_NAME = 'big one'")) {
                rs.next();
                return "TABLE_ROWS " + rs.getLong(1) + ", DATA_LENGTH " + rs.getLong(2) + ", AVG_ROW_LENGTH " + rs.getLong(3);
            }
        }
    }

    private static long count(TestServer server, String db, String table) {
        return Long.parseLong(server.queryString("SELECT COUNT(*) FROM `" + db + "`.`" + table + "`").orElseThrow());
    }

    /** The integers 0 .. n-1 (n up to 100,000) as column {@code n}, for {@code INSERT ... SELECT ... FROM}. */
    static String numbers(int n) {
        String digits = "(SELECT 0 d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL "
                + "SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) ";
        return "(SELECT a.d + b.d * 10 + c.d * 100 + d.d * 1000 + e.d * 10000 AS n FROM " + digits + "a, " + digits + "b, "
                + digits + "c, " + digits + "d, " + digits + "e) x WHERE n < " + n;
    }
}
