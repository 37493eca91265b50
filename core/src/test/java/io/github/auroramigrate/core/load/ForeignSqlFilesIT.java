package io.github.auroramigrate.core.load;

import static io.github.auroramigrate.core.load.LoadFixtures.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.auroramigrate.core.diagnose.DiagnosisCode;
import io.github.auroramigrate.core.diagnose.MigrationException;
import io.github.auroramigrate.core.it.SameVersionSnapshot;
import io.github.auroramigrate.core.it.TestEndpoints;
import io.github.auroramigrate.core.transform.Transforms;
import io.github.auroramigrate.testkit.AuroraProfile;
import io.github.auroramigrate.testkit.Server;
import io.github.auroramigrate.testkit.ServerKind;
import io.github.auroramigrate.testkit.TestServer;
import io.github.auroramigrate.testkit.TestServersExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQL files as the real tools write them: mariadb-dump of a MySQL 8.0 source with generated columns (whose values the
 * tool writes, ERROR 3105 for a plain replay) and raw binary in string literals (the tools' default without
 * --hex-blob), imported byte-exact; an import that failed midway resumes without duplicating rows; an empty or
 * comment-only file is an error.
 */
@ExtendWith(TestServersExtension.class)
class ForeignSqlFilesIT {

    static Path mariadbDump(TestServer source, String schema, Path out, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("mariadb-dump", "-h127.0.0.1", "-P" + source.port(), "-u" + source.rootUser(),
                "--skip-ssl", "--databases", schema, "--single-transaction", "--routines", "--triggers", "--events"));
        cmd.addAll(List.of(options));
        Path err = out.resolveSibling(out.getFileName() + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(err)).isZero();
        return out;
    }

    private static String source(TestServer source) throws Exception {
        String s = source.createSchema("foreign");
        source.execute("CREATE TABLE " + q(s) + ".g (id INT PRIMARY KEY, a INT, b INT GENERATED ALWAYS AS (a * 2) VIRTUAL,"
                        + " c VARCHAR(20) GENERATED ALWAYS AS (CONCAT('c', a)) STORED, note VARCHAR(20))",
                "INSERT INTO " + q(s) + ".g (id, a, note) VALUES (1, 10, 'x'), (2, NULL, 'it''s; (a) \\\\'), (3, -1, NULL)",
                "CREATE TABLE " + q(s) + ".blobs (id INT PRIMARY KEY, b MEDIUMBLOB, vb VARBINARY(64), t TEXT)",
                "CREATE TABLE " + q(s) + ".dups (a INT, b VARCHAR(10))",
                "INSERT INTO " + q(s) + ".dups VALUES (1, 'x'), (1, 'x'), (2, NULL)");
        byte[] every = new byte[256];
        for (int i = 0; i < 256; i++) {
            every[i] = (byte) i;
        }
        byte[] random = new byte[70_000];
        new Random(3).nextBytes(random);
        try (Connection c = source.rootConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO " + q(s) + ".blobs VALUES (?, ?, ?, ?)")) {
            Object[][] rows = {{1, every, new byte[] {(byte) 0xC3, 0x28, 0x27, 0x5C}, "café 😀"}, {2, random, new byte[0], ""},
                {3, new byte[] {(byte) 0xFF, (byte) 0xFE, 0x0A, 0x0D, 0x1A, 0x00}, null, "\\N"}};
            for (Object[] r : rows) {
                ps.setInt(1, (Integer) r[0]);
                ps.setBytes(2, (byte[]) r[1]);
                ps.setBytes(3, (byte[]) r[2]);
                ps.setString(4, (String) r[3]);
                ps.executeUpdate();
            }
        }
        return s;
    }

    @Test
    void aMariadbDumpOfMySql80WithGeneratedColumnsAndRawBinaryImportsExactly(@Server(ServerKind.MYSQL_80) TestServer source,
            @Server(value = ServerKind.MYSQL_80, role = "target") TestServer target, @TempDir Path tmp) throws Exception {
        String s = source(source);
        for (boolean hexBlob : new boolean[] {false, true}) {
            Path file = hexBlob ? mariadbDump(source, s, tmp.resolve("hex.sql"), "--hex-blob")
                    : mariadbDump(source, s, tmp.resolve("raw.sql"));
            if (!hexBlob) {
                byte[] bytes = Files.readAllBytes(file);
                org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)))
                        .as("the raw file must not be valid UTF-8, or this test tests nothing")
                        .isInstanceOf(java.nio.charset.CharacterCodingException.class);
            }
            LoadResult r = Load.into(TestEndpoints.of(target)).from(LoadSources.sqlFile(file)).build().run();
            assertThat(r.statementsExecuted()).isPositive();
            assertThat(SameVersionSnapshot.of(target, s)).as(file.getFileName().toString())
                    .isEqualTo(SameVersionSnapshot.of(source, s));
            target.execute("DROP DATABASE " + q(s));
        }
    }

    @Test
    void anImportThatFailedMidwayResumesWithoutDuplicatingRows(@Server(ServerKind.MYSQL_57) TestServer source,
            @Server(value = ServerKind.MYSQL_57, aurora = AuroraProfile.AURORA_MYSQL_2) TestServer aurora2,
            @TempDir Path tmp) throws Exception {
        String s = source.createSchema("resume_sql");
        source.execute("CREATE TABLE " + q(s) + ".dups (a INT, b VARCHAR(10))",
                "INSERT INTO " + q(s) + ".dups VALUES (1, 'x'), (1, 'x'), (2, NULL)",
                "CREATE DEFINER = 'someuser'@'%' VIEW " + q(s) + ".v AS SELECT a FROM " + q(s) + ".dups",
                "CREATE TABLE " + q(s) + ".later (id INT PRIMARY KEY)", "INSERT INTO " + q(s) + ".later VALUES (1), (2)");
        // no DROP TABLE in the file: a naive re-run would insert every row again
        Path file = mariadbDump(source, s, tmp.resolve("nodrop.sql"), "--skip-add-drop-table");

        LoadException e = catchThrowableOfType(() -> Load.into(TestEndpoints.of(aurora2)).from(LoadSources.sqlFile(file)).build().run(),
                LoadException.class);
        assertThat(e.code()).isEqualTo(DiagnosisCode.SUPER_PRIVILEGE_REQUIRED);
        assertThat(LoadFixtures.count(aurora2, "SELECT COUNT(*) FROM " + q(s) + ".dups")).isEqualTo(3);

        LoadResult r = Load.into(TestEndpoints.of(aurora2)).from(LoadSources.sqlFile(file)).transform(Transforms.stripDefiners())
                .build().run();

        assertThat(r.statementsSkipped()).isPositive();
        assertThat(LoadFixtures.count(aurora2, "SELECT COUNT(*) FROM " + q(s) + ".dups")).isEqualTo(3);
        assertThat(LoadFixtures.count(aurora2, "SELECT COUNT(*) FROM " + q(s) + ".later")).isEqualTo(2);
        assertThat(LoadFixtures.count(aurora2, "SELECT COUNT(*) FROM " + q(s) + ".v")).isEqualTo(3);
        LoadResult again = Load.into(TestEndpoints.of(aurora2)).from(LoadSources.sqlFile(file)).transform(Transforms.stripDefiners())
                .build().run();
        assertThat(again.statementsExecuted()).isZero();
    }

    @Test
    void anEmptyOrCommentOnlyFileIsAnError(@Server(ServerKind.MYSQL_80) TestServer target, @TempDir Path tmp)
            throws Exception {
        Path empty = Files.writeString(tmp.resolve("empty.sql"), "");
        Path comments = Files.writeString(tmp.resolve("comments.sql"), "-- MySQL dump 10.13\n/* nothing */\n\n");
        for (Path f : List.of(empty, comments)) {
            MigrationException e = catchThrowableOfType(() -> Load.into(TestEndpoints.of(target)).from(LoadSources.sqlFile(f)).build().run(),
                    MigrationException.class);
            assertThat(e.code()).as(f.toString()).isEqualTo(DiagnosisCode.INVALID_INPUT);
            assertThat(e.getMessage()).contains(f.getFileName().toString(), "no SQL statement");
        }
    }

    /**
     * A file is replayed in the client's own session, as {@code mysql < file} would: a dump written without a
     * TIME_ZONE line (mysqldump --skip-tz-utc, mariadb-dump --compact) means its TIMESTAMP text in the session's time
     * zone, and the load's own session settings (time_zone +00:00, a relaxed sql_mode) must not change that.
     */
    @Test
    void aFileRunsInTheClientsSessionNotTheLoadsSettings(@Server(ServerKind.MYSQL_80) TestServer target, @TempDir Path tmp)
            throws Exception {
        String s = "foreign_session";
        target.execute("DROP DATABASE IF EXISTS " + q(s));
        Path file = Files.writeString(tmp.resolve("no-tz.sql"), "CREATE DATABASE " + q(s) + ";\nUSE " + q(s) + ";\n"
                + "CREATE TABLE t (id INT PRIMARY KEY, ts TIMESTAMP NULL, mode VARCHAR(500));\n"
                + "INSERT INTO t VALUES (1, '2024-01-01 12:00:00', @@SESSION.sql_mode);\n");
        var plusTwo = TestEndpoints.of(target).toBuilder().property("sessionVariables", "time_zone='+02:00'").build();

        Load.into(plusTwo).from(LoadSources.sqlFile(file)).build().run();

        assertThat(LoadFixtures.count(target, "SELECT UNIX_TIMESTAMP(ts) FROM " + q(s) + ".t"))
                .as("12:00 at +02:00 is 10:00 UTC").isEqualTo(1704103200L);
        assertThat(target.queryString("SELECT mode FROM " + q(s) + ".t").orElseThrow()).as("the server's sql_mode, not the load's")
                .contains("STRICT_TRANS_TABLES", "NO_ZERO_DATE");
        target.execute("DROP DATABASE " + q(s));
    }
}
