package io.github.auroramigrate.core.dump;

import io.github.auroramigrate.core.TableRef;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.auroramigrate.core.DataSize;
import io.github.auroramigrate.core.Compression;
import io.github.auroramigrate.core.DumpFormat;
import io.github.auroramigrate.core.Checksum;
import io.github.auroramigrate.core.ChunkingMethod;
import io.github.auroramigrate.core.internal.manifest.Manifest;
import io.github.auroramigrate.core.internal.manifest.ManifestIO;
import io.github.auroramigrate.core.internal.manifest.TableEntry;
import io.github.auroramigrate.core.internal.manifest.ValueEncoding;
import io.github.auroramigrate.core.store.DumpStore;
import io.github.auroramigrate.core.store.DumpStores;
import io.github.auroramigrate.core.internal.checksum.ChunkChecksum;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table covering every MySQL/MariaDB type and edge value is dumped (flat and SQL formats) and loaded back into
 * another schema of the same server; every column of every row must come back byte for byte, and the manifest's
 * checksum must equal the server-side checksum of both tables.
 */
class AllTypesRoundTripIT {
    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(ServerKind.MYSQL_80, DumpFormat.FLAT, Compression.ZSTD),
                Arguments.of(ServerKind.MYSQL_57, DumpFormat.FLAT, Compression.GZIP),
                Arguments.of(ServerKind.MARIADB_114, DumpFormat.FLAT, Compression.NONE),
                Arguments.of(ServerKind.MYSQL_80, DumpFormat.SQL, Compression.ZSTD),
                Arguments.of(ServerKind.MYSQL_57, DumpFormat.SQL, Compression.NONE),
                Arguments.of(ServerKind.MARIADB_114, DumpFormat.SQL, Compression.GZIP));
    }

    static String ddl(ServerKind kind) {
        boolean maria = kind == ServerKind.MARIADB_114;
        boolean invisible = kind != ServerKind.MYSQL_57;
        return "CREATE TABLE all_types ("
                + " id INT NOT NULL PRIMARY KEY,"
                + " ti TINYINT, tiu TINYINT UNSIGNED, si SMALLINT, mi MEDIUMINT, bi BIGINT, biu BIGINT UNSIGNED,"
                + " dec1 DECIMAL(65,30), dec2 DECIMAL(10,2) UNSIGNED,"
                + " f FLOAT, f74 FLOAT(7,4), d DOUBLE,"
                + " bt1 BIT(1), bt10 BIT(10), bt64 BIT(64),"
                + " dt DATE, dtm DATETIME, dtm6 DATETIME(6), ts TIMESTAMP(6) NULL DEFAULT NULL, tm TIME(3), yr YEAR,"
                + " c CHAR(10), vc VARCHAR(300) CHARACTER SET utf8mb4, vl VARCHAR(100) CHARACTER SET latin1,"
                + " vg VARCHAR(50) CHARACTER SET gbk, tx TEXT, ltx LONGTEXT,"
                + " bn BINARY(8), vb VARBINARY(300), bl BLOB, lb LONGBLOB,"
                + " e ENUM('a','b','ç'), st SET('x','y','z'),"
                + " j JSON,"
                + " g GEOMETRY, pt POINT,"
                + " gen_v INT " + (maria ? "AS (id * 2) VIRTUAL" : "GENERATED ALWAYS AS (id * 2) VIRTUAL") + ","
                + " gen_s VARCHAR(20) " + (maria ? "AS (CONCAT('x', id)) PERSISTENT" : "GENERATED ALWAYS AS (CONCAT('x', id)) STORED")
                + (invisible ? ", inv INT INVISIBLE" : "")
                + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void everyTypeRoundTripsByteForByte(ServerKind kind, DumpFormat format, Compression compression) throws Exception {
        TestServer server = TestServers.shared(kind, AuroraProfile.NONE, "source");
        String src = server.createSchema("types");
        String copy = server.createSchema("types_copy");
        boolean invisible = kind != ServerKind.MYSQL_57;
        try (Connection c = server.rootConnection(); Statement s = c.createStatement()) {
            s.execute("SET SESSION sql_mode = 'ALLOW_INVALID_DATES'");
            s.execute("SET time_zone = '+00:00'");
            s.execute("USE `" + src + "`");
            s.execute(ddl(kind));
            String cols = "id, ti, tiu, si, mi, bi, biu, dec1, dec2, f, f74, d, bt1, bt10, bt64, dt, dtm, dtm6, ts, tm, yr, c, vc, "
                    + "vl, vg, tx, ltx, bn, vb, bl, lb, e, st, j, g, pt" + (invisible ? ", inv" : "");
            // MySQL 5.7 prints the JSON double -0.0 as "-0", which parses back as the integer 0: a limitation of the
            // server's JSON text form (mysqldump shares it), documented in docs/dump-format.md
            s.execute("INSERT INTO all_types (id) VALUES (1)"); // all NULL
            s.execute("INSERT INTO all_types (" + cols + ") VALUES (2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, b'0', b'0', b'0',"
                    + " '0000-00-00', '0000-00-00 00:00:00', '0000-00-00 00:00:00.000000', '1970-01-01 00:00:01', '00:00:00', 0,"
                    + " '', '', '', '', '', '', X'', X'', X'', X'', '', '', '\"\"', NULL, NULL" + (invisible ? ", 0" : "") + ")");
            s.execute("INSERT INTO all_types (" + cols + ") VALUES (3, -128, 255, -32768, -8388608, -9223372036854775808,"
                    + " 18446744073709551615, '-99999999999999999999999999999999999.999999999999999999999999999999', 99999999.99,"
                    + " 1.2345678, 123.4567, 1.7976931348623157e308, b'1', b'1111111111', b'1111111111111111111111111111111111111111111111111111111111111111',"
                    + " '9999-12-31', '9999-12-31 23:59:59', '9999-12-31 23:59:59.999999', '2038-01-19 03:14:07.999999',"
                    + " '-838:59:59.000', 2155, 'ab\\tc', 'tab\\there\\nnew\\rline \\\\ back \\'q\\' \\0 nul \\Z \\\\N 😀 𝄞 ü',"
                    + " 'café é', _gbk X'815C' /* a GBK char whose second byte is a backslash */, 'x\\ny', REPEAT('long ', 50000),"
                    + " X'00FF5C0A0900FF00', X'5C4E', X'000102030405060708090A0B0C0D0E0F5C5C0A0D09', X'1A', 'ç', 'x,z',"
                    + " '{\"k\": [1, 2.5, " + (kind == ServerKind.MYSQL_57 ? "" : "-0.0, ") + "1e300, \"t\\\\u00e9\\\\n\\\\\\\\ 😀\", null, true], \"o\": {\"a\": \"\"}}',"
                    + " ST_GeomFromText('POLYGON((0 0,10 0,10 10,0 10,0 0),(5 5,7 5,7 7,5 7,5 5))'), ST_GeomFromText('POINT(1.5 -2.25)')"
                    + (invisible ? ", -1" : "") + ")");
            s.execute("INSERT INTO all_types (id, f, d, dt, dtm, tx, vc) VALUES (4, -3.4028235e38, 2.2250738585072014e-308,"
                    + " '2020-02-30', '2021-04-31 12:00:00', '\\\\N', 'N')"); // invalid dates kept under ALLOW_INVALID_DATES
            s.execute("INSERT INTO all_types (id, f, d, vc, tx) VALUES (5, 1e-45, 0.1, ' trailing  ', '\\\\')");
            // big values: larger than the 64 KiB buffers, with every byte value
            byte[] big = new byte[3 * 1024 * 1024];
            new Random(7).nextBytes(big);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO all_types (id, lb, bl, ltx) VALUES (6, ?, ?, REPEAT('ü\\t\\n', 700000))")) {
                ps.setBytes(1, big);
                ps.setBytes(2, java.util.Arrays.copyOf(big, 65535));
                ps.executeUpdate();
            }
            // many ordinary rows so the table spans several chunks
            s.execute("INSERT INTO all_types (id, bi, vc, dtm6, ts, j, bt10, d, f) SELECT id + 100, id * 1000003, "
                    + "CONCAT('row ', id, ' 😀'), '2024-03-31 01:30:00.5', '2024-03-31 01:30:00.5', JSON_OBJECT('n', id), b'101', id / 7, id / 3 FROM"
                    + " (SELECT a.id + b.id * 10 + c.id * 100 AS id FROM (SELECT 0 id UNION SELECT 1 UNION SELECT 2 UNION SELECT 3"
                    + " UNION SELECT 4 UNION SELECT 5 UNION SELECT 6 UNION SELECT 7 UNION SELECT 8 UNION SELECT 9) a,"
                    + " (SELECT 0 id UNION SELECT 1 UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6"
                    + " UNION SELECT 7 UNION SELECT 8 UNION SELECT 9) b, (SELECT 0 id UNION SELECT 1 UNION SELECT 2) c) n");
            s.execute("ANALYZE TABLE all_types");
        }

        DumpStore store = DumpStores.directory(dir);
        DumpResult result = Dump.from(DumpTestSupport.endpoint(server)).schemas(src).to(store).threads(2)
                .chunkSize(DataSize.ofKilobytes(16)).format(format).compression(compression).build().run();

        Manifest m = ManifestIO.read(store);
        TableEntry t = m.table(src, "all_types").orElseThrow();
        assertThat(t.rows()).isEqualTo(306L);
        assertThat(result.tableRows()).containsEntry(TableRef.of(src, "all_types"), 306L);
        assertThat(t.chunking().method()).isEqualTo(ChunkingMethod.INTEGER_RANGE);
        assertThat(t.chunks()).hasSizeGreaterThan(1);
        assertThat(t.generatedColumns()).containsExactly("gen_v", "gen_s");
        assertThat(t.columns()).extracting(c -> c.name()).doesNotContain("gen_v", "gen_s");
        if (invisible) {
            assertThat(t.columns()).extracting(c -> c.name()).contains("inv");
        }
        assertThat(t.columns()).filteredOn(c -> c.name().equals("bt64")).extracting(c -> c.encoding())
                .containsExactly(ValueEncoding.HEX);
        assertThat(m.limits().maxValueBytes()).isGreaterThanOrEqualTo(3 * 1024 * 1024);
        assertThat(m.limits().requiredMaxAllowedPacket()).isGreaterThan(3 * 1024 * 1024);

        try (Connection c = DumpTestSupport.rootEndpoint(server).connect()) {
            assertThat(io.github.auroramigrate.core.internal.checksum.TableChecksum.compare(c, src, t)).isEmpty();
            DumpTestSupport.loadTable(c, store, m, src, "all_types", copy);
            Checksum source = ChunkChecksum.ofTable(c, src, t);
            Checksum loaded = ChunkChecksum.ofTable(c, copy, t);

            List<String> columns = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COLUMN_NAME FROM "
                    + "information_schema.COLUMNS WHERE TABLE_SCHEMA = '" + src + "' AND TABLE_NAME = 'all_types' ORDER BY ORDINAL_POSITION")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            assertThat(columns).contains("gen_v", "gen_s", "lb");
            List<String> before = DumpTestSupport.rowsAsHex(c, src, "all_types", columns, ",f,f74,", "id");
            List<String> after = DumpTestSupport.rowsAsHex(c, copy, "all_types", columns, ",f,f74,", "id");
            assertThat(after).hasSize(306);
            for (int i = 0; i < before.size(); i++) {
                String[] b = before.get(i).split("\\|", -1);
                String[] a = after.get(i).split("\\|", -1);
                for (int k = 0; k < columns.size(); k++) {
                    assertThat(a[k]).as("row %d column %s", i, columns.get(k)).isEqualTo(b[k]);
                }
            }
            assertThat(source).isEqualTo(t.checksum());
            assertThat(loaded).isEqualTo(t.checksum());
        }
    }
}
